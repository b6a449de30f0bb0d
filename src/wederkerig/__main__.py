"""Run the CLI as ``python -m wederkerig``."""

from wederkerig.cli.app import main

main()
