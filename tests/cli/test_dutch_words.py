"""Dutch that reads as Dutch: kind words in sentences and tables for people are kennis,
talent, geld and toegang, while CSV and JSON keep the machine words."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import MakeLedger, Run, ok, on, parse_csv
from wederkerig.core import i18n

WIDE = {"COLUMNS": "140"}  # wide enough for whole kind names in the balance's headers


@pytest.fixture
def dutch(run: Run) -> Iterator[Run]:
    """A ledger with Anna, read in Dutch (as main() chooses for WEDERKERIG_LANG=nl)."""
    ok(run("contact", "add", "Anna"))
    i18n.use("nl")
    yield run
    i18n.use("en")


def test_the_log_line_says_the_dutch_kind(dutch: Run) -> None:
    said = ok(dutch("log", "Anna", "gave", "knowledge", "tips")).stderr
    assert "kennis" in said
    assert "knowledge" not in said
    assert "toegang" in ok(dutch("log", "Anna", "kreeg", "access", "intro")).stderr


def test_tables_show_dutch_kinds_and_machine_formats_keep_english(dutch: Run) -> None:
    ok(dutch("log", "Anna", "gave", "money", "--amount", "20"))
    ok(dutch("log", "Anna", "received", "knowledge", "advies"))
    balance = ok(dutch("balance", **WIDE)).stdout
    assert all(word in balance for word in ("kennis", "geld", "toegang"))
    assert "knowledge" not in balance
    per_kind = ok(dutch("balance", "Anna", **WIDE)).stdout
    assert "geld" in per_kind
    assert "money" not in per_kind
    listed = ok(dutch("entries", **WIDE)).stdout
    assert "kennis" in listed
    assert "knowledge" not in listed
    exported = ok(dutch("export")).stdout
    assert "knowledge" in exported
    assert "kennis" not in exported
    rows = json.loads(ok(dutch("entries", "--format", "json")).stdout)
    assert {row["kind"] for row in rows} == {"money", "knowledge"}


def test_an_introduction_made_in_dutch_is_described_in_dutch_and_imports_back(
    dutch: Run, new_ledger: MakeLedger, tmp_path: Path
) -> None:
    ok(dutch("contact", "add", "Bram"))
    ok(dutch("intro", "Anna", "Bram", "allebei warmtenet"))
    descriptions = [row["description"] for row in parse_csv(ok(dutch("export")).stdout)]
    assert descriptions == [
        "voorgesteld aan Bram: allebei warmtenet",
        "voorgesteld aan Anna: allebei warmtenet",
    ]
    file = tmp_path / "entries.csv"
    file.write_bytes(ok(dutch("export")).stdout_bytes)
    target = on(dutch, new_ledger())
    ok(target("import", "entries", str(file), "--create-contacts"))
    (introduction,) = json.loads(ok(target("intros", "--format", "json")).stdout)
    assert introduction["why"] == "allebei warmtenet"


def test_an_introductions_outcome_reads_dutch_and_csv_keeps_the_machine_word(dutch: Run) -> None:
    ok(dutch("contact", "add", "Bram"))
    ok(dutch("intro", "Anna", "Bram", "havens"))
    said = ok(dutch("intro-outcome", "1", "samenwerking", "koffie gedronken")).stderr
    assert ": samenwerking." in said
    assert "collaboration" not in said
    assert "samenwerking" in ok(dutch("intros", **WIDE)).stdout
    assert parse_csv(ok(dutch("intros", "--format", "csv")).stdout)[0]["outcome"] == (
        "collaboration"
    )
