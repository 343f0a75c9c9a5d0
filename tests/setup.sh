#!/usr/bin/env bash
# Everything the tests need on a fresh Debian machine: the Python packages, Debian's Chromium for the
# browser tests (Playwright drives it; it cannot download a browser of its own here), and Debian's
# PostgreSQL server, which the tests start themselves in a temporary directory (no system service).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --disable-pip-version-check -r requirements.txt
paket=()
command -v chromium >/dev/null 2>&1 || paket+=(chromium fonts-dejavu-core)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || paket+=(postgresql)
if [ ${#paket[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # a policy-rc.d that says no: the server's files are installed, no system service is started (the tests
  # start their own)
  tanpa_layanan=""
  [ -e /usr/sbin/policy-rc.d ] || tanpa_layanan=1
  [ -z "$tanpa_layanan" ] || $sudo sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${paket[@]}" >/dev/null
  [ -z "$tanpa_layanan" ] || $sudo rm -f /usr/sbin/policy-rc.d
fi
