"""Where the ledger is and how the user likes it: the settings file, paths and the language."""
