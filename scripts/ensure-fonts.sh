#!/usr/bin/env bash
# Chromium draws Urdu (Arabic script) and Hindi/Nepali (Devanagari) with Debian's Noto fonts; without
# them the browser tests and the README's screenshots show empty boxes. Installs fonts-noto-core and
# fonts-noto-extra when they are missing (as root, or through sudo), and says plainly when it can't.
set -euo pipefail

missing=()
for pkg in fonts-noto-core fonts-noto-extra; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$pkg"); fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[fonts] ${missing[*]} not installed and no apt-get here: install Noto fonts with Urdu and Devanagari coverage yourself" >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then as_root=(sudo); else
    echo "[fonts] run as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "[fonts] installing Debian's ${missing[*]} (Urdu and Devanagari letters in Chromium)" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
