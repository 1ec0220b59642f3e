#!/usr/bin/env bash
# Installs Debian's chromium (/usr/bin/chromium) for tests/browser.test.ts, which drives it with
# playwright-core. Never downloads a browser build of its own. Idempotent: does nothing when
# /usr/bin/chromium is already there. Needs root (CI runs as root) or sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-browser.sh: not root and no sudo: install chromium by hand (apt-get install chromium)" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
policy="$(apt-cache policy chromium 2>/dev/null || true)"
if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
  echo "install-browser.sh: no 'chromium' package in the apt sources (apt-cache policy chromium)" >&2
  exit 1
fi
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
