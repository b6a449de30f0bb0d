"""What the ledger can do, as plain functions over one session: they never print."""
