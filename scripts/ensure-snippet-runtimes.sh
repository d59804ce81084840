#!/usr/bin/env bash
# Installs the runtimes the servers suite runs generated client programs with, from Debian's packages, when
# they are missing: PHP with PHPMailer, and Jakarta Mail for Java (javac from default-jdk-headless: the tests
# compile the generated program).
# The tests that need them say so and fail when a runtime is still missing after this.
set -euo pipefail
pkgs=()
for pkg in php-cli libphp-phpmailer libjakarta-mail-java; do
  dpkg -s "$pkg" >/dev/null 2>&1 || pkgs+=("$pkg")
done
command -v javac >/dev/null 2>&1 || pkgs+=(default-jdk-headless)
[ ${#pkgs[@]} -gt 0 ] || exit 0
bash "$(dirname "$0")/apt-install.sh" ensure-snippet-runtimes "${pkgs[@]}"
