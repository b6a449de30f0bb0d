#!/usr/bin/env sh
# Regenerate docs/reference.md from the app with Typer's own docs generator.
# tests/cli/test_docs.py runs the same command and fails when the checked-in file differs.
# Use the Python of the environment wederkerig is installed in: PYTHON=.venv/bin/python sh docs/generate.sh
set -eu
cd "$(dirname "$0")/.."
WEDERKERIG_LANG=en COLUMNS=80 TERM=dumb NO_COLOR=1 PYTHONUTF8=1 "${PYTHON:-python3}" -m typer wederkerig.cli.app \
    utils docs --name wederkerig --output docs/reference.md
