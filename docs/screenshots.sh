#!/usr/bin/env sh
# Render the main reports of the demo ledger as SVG for the docs (Rich's own export, via
# --save), so the pictures in docs/ always show what the current code draws.
# Use the Python environment wederkerig is installed in: PATH=.venv/bin:$PATH sh docs/screenshots.sh
# OUT chooses the folder (default docs/images); tests/cli/test_docs.py renders into a temp one.
set -eu
cd "$(dirname "$0")/.."
OUT="${OUT:-docs/images}"
mkdir -p "$OUT"
XDG_DATA_HOME="$(mktemp -d)" XDG_CONFIG_HOME="$(mktemp -d)"
WEDERKERIG_LANG=en  # the docs are English, whatever the locale
COLUMNS=100  # --save draws what the terminal shows: the pictures are 100 columns wide
export XDG_DATA_HOME XDG_CONFIG_HOME WEDERKERIG_LANG COLUMNS
wederkerig demo >/dev/null 2>&1
DB="$XDG_DATA_HOME/wederkerig/demo.db"
wederkerig --db "$DB" balance --save "$OUT/balance.svg" >/dev/null 2>&1
wederkerig --db "$DB" brief "Anneke de Vries" --save "$OUT/brief.svg" >/dev/null 2>&1
wederkerig --db "$DB" flow --save "$OUT/flow.svg" >/dev/null 2>&1
wederkerig --db "$DB" balance --every month --save "$OUT/balance-every-month.svg" >/dev/null 2>&1
rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
chmod 644 "$OUT"/*.svg  # published pictures of sample data, not a private report
echo "wrote $OUT/balance.svg, brief.svg, flow.svg, balance-every-month.svg"
