#!/usr/bin/env bash
# Installs Dovecot (IMAP, POP3, submission) from Debian's packages when it is missing, for the tests
# and the sandbox. The tests start their own Dovecot on loopback; the system service is not used.
set -euo pipefail
if command -v dovecot >/dev/null 2>&1 && dpkg -s dovecot-imapd dovecot-pop3d dovecot-submissiond >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "[ensure-dovecot] Dovecot is missing and this is not root: run sudo apt-get install dovecot-imapd dovecot-pop3d dovecot-submissiond" >&2
  exit 1
fi
echo "[ensure-dovecot] installing dovecot-imapd dovecot-pop3d dovecot-submissiond" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq dovecot-imapd dovecot-pop3d dovecot-submissiond >&2
# The package starts a system-wide Dovecot on the standard ports; the tests do not need it.
(service dovecot stop || pkill -x dovecot || true) >/dev/null 2>&1
command -v dovecot >/dev/null
