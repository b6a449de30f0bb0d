#!/usr/bin/env sh
# After changing user-facing text: re-extract the English strings marked with _(), N_() and
# ngettext() into the template, and merge the template into each language's catalogue. Then
# translate what is new or marked fuzzy in src/wederkerig/locale/*/LC_MESSAGES/wederkerig.po;
# tests/cli/test_i18n.py fails while the template is stale or a string is untranslated.
# Use the pybabel of the environment the test extras are installed in: PYBABEL=.venv/bin/pybabel
set -eu
cd "$(dirname "$0")/.."
PYBABEL="${PYBABEL:-pybabel}"
LOCALES=src/wederkerig/locale
"$PYBABEL" extract --no-wrap --sort-by-file --project wederkerig \
    --msgid-bugs-address "" --copyright-holder "The wederkerig developers" \
    -o "$LOCALES/wederkerig.pot" src/wederkerig
"$PYBABEL" update --no-wrap --ignore-obsolete --domain wederkerig \
    -i "$LOCALES/wederkerig.pot" -d "$LOCALES"
