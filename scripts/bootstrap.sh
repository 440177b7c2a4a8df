#!/usr/bin/env bash
# Installs what the project needs, when it is missing. Safe to run every time: it does
# nothing when everything is there.
#   scripts/bootstrap.sh          the Debian packages the build links against
#   scripts/bootstrap.sh --test   also the tools the end-to-end tests drive: redis-cli,
#                                 chromium with fonts for every script, wrk, and Python's
#                                 redis, playwright and pytest
set -euo pipefail
packages=(pkg-config libicu-dev libsimdjson-dev libzstd-dev zlib1g-dev libjemalloc-dev)
python_packages=()
if [ "${1:-}" = "--test" ]; then
  packages+=(redis-tools chromium fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji wrk python3-pip)
  python_packages=(redis playwright pytest)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
missing_python=()
for module in "${python_packages[@]}"; do
  python3 -c "import $module" 2>/dev/null || missing_python+=("$module")
done
if [ ${#missing_python[@]} -gt 0 ]; then
  echo "bootstrap: pip installing ${missing_python[*]}" >&2
  # Debian marks its Python as externally managed; these go beside it for the tests only.
  python3 -m pip install -q "${missing_python[@]}" 2>/dev/null ||
    python3 -m pip install -q --break-system-packages "${missing_python[@]}"
fi
