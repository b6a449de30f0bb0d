"""Storage: the engine, one transaction per command, the tables, migrations and the ledger file."""
