#!/bin/sh
# Installs the Debian/Ubuntu packages FieldCollect needs that this machine lacks: a CJK font for
# Chinese text, the X/EGL libraries Qt loads, poppler-utils and zbar-tools (QR codes) for PDF
# checks, xvfb for screenshots.
# Run as root it installs them with apt-get; otherwise it prints what to install. Never fails the
# build on a machine without apt (macOS): Qt wheels there carry what they need.
set -eu

PACKAGES="fonts-wqy-microhei poppler-utils zbar-tools xvfb xauth \
libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libnss3 libxcomposite1 libxdamage1 libxrandr2 \
libxtst6 libasound2 python3-venv"

command -v dpkg-query >/dev/null 2>&1 || {
    echo "not a Debian/Ubuntu machine: install a CJK font and poppler (e.g. 'brew install poppler') yourself"
    exit 0
}
missing=""
for package in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        *"ok installed"*) ;;
        *) missing="$missing $package" ;;
    esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    echo "installing Debian packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    # Names differ between releases (libasound2 → libasound2t64): install what exists.
    available=""
    for package in $missing; do
        if apt-cache show "$package" >/dev/null 2>&1; then available="$available $package"; fi
    done
    # shellcheck disable=SC2086
    [ -n "$available" ] && apt-get install -y -q --no-install-recommends $available >/dev/null
else
    echo "missing Debian packages (run as root, or: sudo apt-get install$missing)"
fi
