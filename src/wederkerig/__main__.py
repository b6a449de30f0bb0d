"""Run the CLI as ``python -m wederkerig``."""

from wederkerig.cli import main

main()
