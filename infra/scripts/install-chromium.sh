#!/usr/bin/env bash
# The browser suite (test/browser) drives Debian's Chromium through playwright-core: Playwright's own browser download
# is not used. This script makes sure Chromium is there, and a CJK font with it (without one the Chinese screenshots
# show empty boxes), installing them with apt-get when they are missing and it may (root, or sudo without a password).
#
#   bash infra/scripts/install-chromium.sh
#
# Exit 0 when Chromium is ready (its version is printed), 1 with the reason when it is missing and cannot be installed.
# Environment: CHROMIUM_PATH (default /usr/bin/chromium), the browser the suite launches.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
font_package=fonts-wqy-microhei

has_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; }
# Debian's /usr/bin/chromium is a shell wrapper that can complain on stderr before printing the version.
chromium_version() { "$chromium" --version 2>/dev/null || true; }

missing=()
[ -x "$chromium" ] || missing+=(chromium)
has_cjk_font || missing+=("$font_package")
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-chromium: ready, $(chromium_version) at $chromium"
  exit 0
fi

cannot() {
  echo "install-chromium: cannot install ${missing[*]}: $1" >&2
  exit 1
}
if [ -n "${CHROMIUM_PATH:-}" ] && [ "$CHROMIUM_PATH" != /usr/bin/chromium ] && [[ " ${missing[*]} " == *" chromium "* ]]; then
  cannot "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable, and apt-get installs Chromium at /usr/bin/chromium (unset CHROMIUM_PATH)"
fi
command -v apt-get >/dev/null 2>&1 || cannot "no apt-get on this machine (the suite expects Debian's chromium package; elsewhere install Chromium and set CHROMIUM_PATH)"
os_id="$(. /etc/os-release 2>/dev/null && echo "${ID:-}")"
if [ "$os_id" = ubuntu ] && [[ " ${missing[*]} " == *" chromium "* ]]; then
  cannot "Ubuntu's chromium package only installs a snap, which does not run headless in CI; install Chromium from elsewhere and set CHROMIUM_PATH"
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  cannot "apt-get needs root, and this user is not root and has no password-less sudo (run: sudo apt-get install -y chromium $font_package)"
fi

echo "install-chromium: apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
[ -x "$chromium" ] || cannot "apt-get finished but $chromium is still missing"
echo "install-chromium: ready, $(chromium_version) at $chromium"
