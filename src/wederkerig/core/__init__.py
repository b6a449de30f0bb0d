"""The words, numbers and dates of the ledger: pure rules, no files, no database, no terminal."""
