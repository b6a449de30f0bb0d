"""The shortest path through the product: log something, see it in the balance."""

from conftest import Run


def test_log_then_balance(run: Run) -> None:
    assert run("contact", "add", "Anna de Vries").exit_code == 0
    logged = run("log", "Anna de Vries", "gave", "knowledge", "a tip", "--value", "3")
    assert logged.exit_code == 0, logged.stderr
    assert logged.stdout.strip() == "1"
    balance = run("balance", "--format", "csv")
    assert balance.stdout.splitlines() == [
        "contact,organisation,gave,received,net,entries,last_date",
        "Anna de Vries,,3,0,3,1,2026-11-26",
    ]
