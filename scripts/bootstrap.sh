#!/usr/bin/env bash
# Install Clearstone for development on a fresh machine: system libraries (Debian/Ubuntu, when run as root),
# a virtual environment in .venv, and exactly the locked versions of the package's dependencies and test
# tools (requirements/lock.txt, refreshed only on purpose with scripts/lock.sh). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# poppler-utils: the tests check PDFs with pdfsig/pdftotext; fonts-dejavu-core: the PDF fonts' fallback.
# The rest is what Qt's xcb platform plugin (libqxcb.so, libQt6XcbQpa) links or loads at run time on a
# desktop: read off `objdump -p` of those libraries on Debian 12 (libxcb-cursor0 is loaded with dlopen).
SYSTEM_PACKAGES=(poppler-utils fonts-dejavu-core binutils
                 libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
                 libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0
                 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
                 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
                 libxcb-xfixes0 libxcb-xkb1)
if command -v apt-get >/dev/null 2>&1; then
    missing=()
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        if [ "$(id -u)" -eq 0 ]; then
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq
            apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
        else
            echo "bootstrap: please install: sudo apt-get install ${missing[*]}" >&2
        fi
    fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
# Exactly what was tested: every package (pip and the build tools included) at the locked version, each
# file checked against its hash. Nothing here resolves a version on its own.
.venv/bin/python -m pip install -q --require-hashes -r requirements/lock.txt
# The project itself, on top, without resolving anything and with the locked setuptools (no build
# isolation). setuptools warns that a folder named like the package sits in the working directory: that is
# this project's layout, on purpose.
PYTHONWARNINGS="ignore:Editable installation" \
    .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
.venv/bin/python -m pip check >/dev/null
echo "bootstrap: ready — start with .venv/bin/clearstone, test with .venv/bin/python -m pytest"
