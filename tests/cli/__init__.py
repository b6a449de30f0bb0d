"""The CLI tier: each command's contract through Typer's CliRunner, on a private ledger."""
