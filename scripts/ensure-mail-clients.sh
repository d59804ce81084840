#!/usr/bin/env bash
# Installs the mail clients that the capture-proxy tests use as "the user's application" (msmtp,
# fetchmail, isync/mbsync) from Debian's packages when they are missing. curl and Python come with
# the image. Like ensure-dovecot.sh: quiet, only what was asked for, one summary line with the time.
set -euo pipefail
pkgs=()
command -v msmtp >/dev/null 2>&1 || pkgs+=(msmtp)
command -v fetchmail >/dev/null 2>&1 || pkgs+=(fetchmail)
command -v mbsync >/dev/null 2>&1 || pkgs+=(isync)
# mbsync reaches XOAUTH2 through Cyrus SASL: the plugin that adds the mechanism.
[ -e /usr/lib/x86_64-linux-gnu/sasl2/libkdexoauth2.so ] || ls /usr/lib/*/sasl2/libkdexoauth2.so >/dev/null 2>&1 || pkgs+=(libsasl2-modules-kdexoauth2)
[ ${#pkgs[@]} -eq 0 ] && exit 0
bash "$(dirname "$0")/apt-install.sh" ensure-mail-clients "${pkgs[@]}"
