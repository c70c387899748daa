#!/usr/bin/env bash
# Set up a development checkout: system programs (Tesseract) where apt-get can install
# them, a virtual environment in .venv, and rakparse installed into it with its test
# tools. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PYTHON=${PYTHON:-}
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then PYTHON=$candidate; break; fi
  done
fi
[ -n "$PYTHON" ] || { echo "setup: no python3 found; install Python 3.11 or newer" >&2; exit 2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 1; fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  export DEBIAN_FRONTEND=noninteractive
  if [ ! -f /tmp/.rakparse-apt-updated ]; then
    as_root apt-get update -qq && touch /tmp/.rakparse-apt-updated
  fi
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Tesseract with its Indonesian model reads image-only PDFs and scans.
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx ind; then
  echo "setup: installing Tesseract (tesseract-ocr tesseract-ocr-ind)"
  apt_install tesseract-ocr tesseract-ocr-ind \
    || echo "setup: warning: could not install Tesseract; text PDFs work, scans will not" >&2
fi

if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    echo "setup: installing python3-venv"
    apt_install python3-venv || true
    "$PYTHON" -m venv "$VENV" 2>/dev/null || {
      rm -rf "$VENV"
      "$PYTHON" -m pip install --user --quiet virtualenv && "$PYTHON" -m virtualenv --quiet "$VENV"
    }
  fi
fi

stamp="$VENV/.rakparse-installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[dev]' 2>&1 | grep -v "^WARNING: Location" || true
  "$VENV/bin/python" -c "import rakparse, typer, pandas, pytest" || { echo "setup: the install failed" >&2; exit 2; }
  touch "$stamp"
fi
