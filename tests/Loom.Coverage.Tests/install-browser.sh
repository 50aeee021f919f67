#!/usr/bin/env bash
# Installs the headless browser the HTML report test renders the page in: Debian's chromium package.
# Idempotent: does nothing when /usr/bin/chromium is already there. Needs root (as CI and developers run here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
