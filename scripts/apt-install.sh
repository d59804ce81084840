#!/usr/bin/env bash
# Installs Debian packages for the harness and the sandbox, quietly: only what was asked for (no
# "recommends", which for Chromium would pull in avahi-daemon, cups helpers and samba libraries), apt's
# output in a log file, one summary line. Usage: apt-install.sh WHO PACKAGE...
# Exit 1 with the real cause (apt's last lines) when the install fails.
set -uo pipefail
who="$1"; shift
[ $# -gt 0 ] || exit 0
if [ "$(id -u)" != 0 ]; then
  echo "[$who] missing Debian packages ($*) and this is not root: run  sudo apt-get install --no-install-recommends $*  then start again" >&2
  exit 1
fi
log="$(mktemp -t mailoauth-apt-XXXXXX.log)"
export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
echo "[$who] installing Debian packages: $* (apt log: $log)" >&2
if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "$@"; } >"$log" 2>&1; then
  echo "[$who] apt-get could not install $*. Its last lines (whole log: $log):" >&2
  tail -n 15 "$log" | sed 's/^/    /' >&2
  exit 1
fi
# What apt really added (the asked-for packages and their dependencies), counted from its own log.
added=$(grep -c '^Setting up ' "$log" || true)
echo "[$who] installed $* ($added packages with dependencies, $(( $(date +%s) - start )) s)" >&2
