#!/usr/bin/env bash
# Installs Dovecot (IMAP, POP3, submission) from Debian's packages when it is missing, for the tests
# and the sandbox. The tests start their own Dovecot on loopback; the system service is not used.
set -euo pipefail
pkgs=()
for pkg in dovecot-imapd dovecot-pop3d dovecot-submissiond; do
  dpkg -s "$pkg" >/dev/null 2>&1 || pkgs+=("$pkg")
done
if command -v dovecot >/dev/null 2>&1 && [ ${#pkgs[@]} -eq 0 ]; then
  exit 0
fi
[ ${#pkgs[@]} -gt 0 ] || pkgs=(dovecot-imapd dovecot-pop3d dovecot-submissiond)
# The package's post-install starts a system-wide Dovecot on the standard ports, which the tests do not
# need. Stop only that one (the master PID it wrote), never a Dovecot that was running before.
pidfile=/run/dovecot/master.pid
before=""
[ -r "$pidfile" ] && before="$(cat "$pidfile" 2>/dev/null || true)"
bash "$(dirname "$0")/apt-install.sh" ensure-dovecot "${pkgs[@]}"
after=""
[ -r "$pidfile" ] && after="$(cat "$pidfile" 2>/dev/null || true)"
if [ -n "$after" ] && [ "$after" != "$before" ] && kill -0 "$after" 2>/dev/null; then
  kill "$after" 2>/dev/null || true
  echo "[ensure-dovecot] stopped the system Dovecot that the package started (PID $after); the tests start their own" >&2
fi
command -v dovecot >/dev/null
