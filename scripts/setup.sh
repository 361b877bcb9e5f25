#!/usr/bin/env bash
# Installs the system packages VideoRecognition needs at run time and checks the .NET SDK.
# Safe to run repeatedly: it only installs what is missing, and runs `apt-get update` only then.
set -euo pipefail

# Debian/Ubuntu packages, one per line as "package:why".
APT_PACKAGES=(
  "libgtk-3-0:libOpenCvSharpExtern.so links against libgtk-3.so.0 and libgdk-3.so.0"
  "chromium:the report tests open the inspection report in headless Chromium (screenshots, console errors, DOM)"
  "python3-numpy:the feature-import tests write their .npy fixtures with NumPy, as the published .npy features were written"
  "python3-h5py:the feature-import tests write their C3D HDF5 fixture with h5py, as the official ActivityNet C3D file was written"
  "python3-pandas:the feature-import tests write their csv_mean_100 fixtures with pandas, as BSN/BMN wrote theirs"
  "ffmpeg:the variable-frame-rate test makes its input file with the ffmpeg program (vrec itself decodes with the FFmpeg inside OpenCvSharp)"
)
DOTNET_MAJOR=10

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

check_dotnet() {
  say "checking for the .NET ${DOTNET_MAJOR} SDK"
  if ! command -v dotnet >/dev/null 2>&1; then
    fail "'dotnet' is not on PATH. Install the .NET ${DOTNET_MAJOR} SDK: https://learn.microsoft.com/dotnet/core/install/linux (or https://dot.net/v1/dotnet-install.sh --channel ${DOTNET_MAJOR}.0)."
  fi
  local sdks
  sdks="$(dotnet --list-sdks 2>/dev/null || true)"
  if ! grep -q "^${DOTNET_MAJOR}\." <<<"$sdks"; then
    fail "dotnet is installed but has no ${DOTNET_MAJOR}.x SDK (found: ${sdks:-none}). Install the .NET ${DOTNET_MAJOR} SDK: https://learn.microsoft.com/dotnet/core/install/linux"
  fi
  say ".NET SDK $(grep "^${DOTNET_MAJOR}\." <<<"$sdks" | tail -n1 | cut -d' ' -f1) found"
}

installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

install_missing_packages() {
  command -v dpkg-query >/dev/null 2>&1 || fail "this script supports Debian/Ubuntu (dpkg and apt-get) only; install the equivalents of: ${APT_PACKAGES[*]%%:*}"
  local missing=() entry name
  for entry in "${APT_PACKAGES[@]}"; do
    name="${entry%%:*}"
    say "checking ${name} (${entry#*:})"
    if installed "$name"; then
      say "${name} already installed"
    else
      missing+=("$name")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return
  fi

  local sudo=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      fail "not root and sudo needs a password or is missing. Run: sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    fi
  fi
  say "installing ${missing[*]} ..."
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  say "installed ${missing[*]}"
}

check_dotnet
install_missing_packages
say "done"
