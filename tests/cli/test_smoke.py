"""The shortest path through the product: log something, see it in the balance."""

from pathlib import Path

from helpers import LedgerUnderTest, Run, count_rows


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


def test_version(run: Run) -> None:
    from wederkerig import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"wederkerig {__version__}"


def test_demo_writes_its_own_ledger_and_never_the_users(
    run: Run, private_dirs: Path, db: LedgerUnderTest
) -> None:
    first = run("demo")
    assert first.exit_code == 0, first.stderr
    assert "Anneke de Vries" in first.stdout
    assert "Open promises" in first.stdout
    demo = private_dirs / "demo.db"
    assert demo.exists()
    assert not (private_dirs / "ledger.db").exists()
    assert db.untouched()  # not even the one --db names
    again = run("demo")  # re-running starts afresh rather than doubling the sample
    assert again.exit_code == 0
    assert count_rows(demo) == 35  # 28 entries, 3 promises and 2 introductions of 2 sides
