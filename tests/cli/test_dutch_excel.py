"""`export --dialect excel-nl`: a CSV that Excel set to Dutch opens in columns, with amounts as
numbers, and that `import` reads back unchanged."""

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from helpers import ENTRY_COLUMNS, MakeLedger, Refused, Run, log, ok, on

BOM = b"\xef\xbb\xbf"


def excel_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data[len(BOM) :].decode()), delimiter=";"))


@pytest.fixture
def spent(run: Run) -> Run:
    ok(run("contact", "add", "Zoë Ülkü", "--org", "Stichting; Samen", "--alias", "Zoë"))
    log(run, "Zoë", "gave", "money", "=sponsoring, borrel", "--amount", "1250.50")
    log(run, "Zoë", "received", "knowledge", "--", "-3 tips; uit de praktijk")
    return run


def test_entries_have_semicolons_decimal_commas_and_a_bom(spent: Run) -> None:
    data = ok(spent("export", "--dialect", "excel-nl")).stdout_bytes
    header = data[len(BOM) :].split(b"\r\n")[0].decode()
    assert header.split(";") == ENTRY_COLUMNS
    money, _ = excel_rows(data)
    assert money["amount"] == "1250,50"
    assert money["value"] == "1"
    assert money["date"] == "2026-11-26"  # ISO dates: Excel reads them in any language


def test_text_a_spreadsheet_would_run_is_made_inert(spent: Run) -> None:
    money, knowledge = excel_rows(ok(spent("export", "--dialect", "excel-nl")).stdout_bytes)
    assert money["description"] == "'=sponsoring, borrel"
    assert knowledge["description"] == "'-3 tips; uit de praktijk"


def test_contacts_and_balance_export_in_the_dialect_too(spent: Run) -> None:
    (contact,) = excel_rows(ok(spent("export", "contacts", "--dialect", "excel-nl")).stdout_bytes)
    assert contact["organisation"] == "Stichting; Samen"
    (row,) = excel_rows(ok(spent("export", "balance", "--dialect", "excel-nl")).stdout_bytes)
    assert row["net"] == "0"


def test_the_default_dialect_is_unchanged_rfc4180(spent: Run) -> None:
    plain = ok(spent("export")).stdout_bytes
    assert plain == ok(spent("export", "--dialect", "rfc4180")).stdout_bytes
    assert not plain.startswith(BOM)
    assert plain.split(b"\r\n")[0].decode().split(",") == ENTRY_COLUMNS


def entries_json(run: Run) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(ok(run("export", "--format", "json")).stdout)
    return [{key: value for key, value in row.items() if key != "created_at"} for row in rows]


def test_an_excel_nl_export_imports_back_the_same(
    spent: Run, tmp_path: Path, new_ledger: MakeLedger
) -> None:
    exported = tmp_path / "voor-excel.csv"
    ok(spent("export", "--dialect", "excel-nl", "--output", str(exported)))
    other = on(spent, new_ledger())
    ok(other("import", "entries", str(exported), "--create-contacts"))
    assert entries_json(other) == entries_json(spent)


def test_excel_nl_is_for_csv(refused: Refused) -> None:
    result = refused(2, "export", "--format", "json", "--dialect", "excel-nl")
    assert "--dialect" in result.stderr


def test_an_unknown_dialect_names_the_choices(refused: Refused) -> None:
    result = refused(2, "export", "--dialect", "excel")
    assert "excel-nl" in result.stderr
