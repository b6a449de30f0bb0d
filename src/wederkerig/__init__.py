"""wederkerig: a command-line reciprocity ledger."""

__version__ = "0.1.0"
