"""`export`: the whole ledger as RFC 4180 CSV or JSON, on stdout or into a private file."""

import csv
import io
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from helpers import ENTRY_COLUMNS, LedgerUnderTest, Run, Templates, ok

CONTACT_COLUMNS = ["name", "organisation", "email", "tags", "aliases", "note", "needs", "offers"]
BOM = b"\xef\xbb\xbf"

AWKWARD_DESCRIPTIONS = [
    "plain",
    "comma, inside",
    'double "quotes" inside',
    '"starts and ends with quotes"',
    "two\nlines",
    "three\n\nlines, with a blank one",
    "=SUM(A1:A9)",
    '=HYPERLINK("http://example.com", "klik")',
    "+31 78 123 4567",
    "-minus first",
    "@at first",
    "tab\tinside",
    "ünïcödé Zoë, Ĳsselmonde, 東京, 🚢",
    "€ 12,50; semicolon",
    "trailing backslash \\",
]


def read_csv(data: bytes) -> list[list[str]]:
    """Parse CSV the way a careful script does: strict UTF-8, newline='' as the csv docs say."""
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True))


@pytest.fixture
def ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """Two contacts with commas, quotes and a newline in their data; three entries."""

    def build() -> None:
        ok(run("contact", "add", "Anna de Vries", "--org", "Gemeente Dordrecht", "--alias", "Anna",
               "--alias", "Ans", "--tag", "board", "--tag", "drechtsteden",
               "--email", "anna@example.nl", "--note", 'Zegt "hoi",\nen dan "doei"'))  # fmt: skip
        ok(run("contact", "add", 'Zoë, "Bakker"'))
        ok(run("log", "Anna", "gaf", "kennis", "subsidietip", "--value", "3", "--on", "2026-01-10"))
        ok(run("log", "Anna", "kreeg", "geld", "lening", "--amount", "1.250,50",
               "--on", "2026-03-01", "--event", "Nieuwjaarsreceptie", "--create"))  # fmt: skip
        ok(run("log", 'Zoë, "Bakker"', "gave", "toegang", "--on", "2025-12-31"))

    templates.once("ledger", db, build)
    return run


def test_default_is_entries_as_csv_with_the_contract_columns(ledger: Run) -> None:
    default = ok(ledger("export"))
    assert default.stdout_bytes == ok(ledger("export", "entries", "--format", "csv")).stdout_bytes
    header, *rows = read_csv(default.stdout_bytes)
    assert header == ENTRY_COLUMNS
    assert default.stderr == ""  # data only, no chatter
    records = [dict(zip(header, row, strict=True)) for row in rows]
    assert [r["id"] for r in records] == ["3", "1", "2"]  # in date order
    zoe, tip, loan = records
    assert zoe["contact"] == 'Zoë, "Bakker"'
    assert (zoe["date"], zoe["direction"], zoe["kind"], zoe["value"]) == (
        "2025-12-31", "gave", "access", "1",
    )  # fmt: skip
    assert (tip["direction"], tip["kind"], tip["value"], tip["amount"]) == (
        "gave", "knowledge", "3", "",
    )  # fmt: skip
    assert (loan["direction"], loan["kind"], loan["amount"], loan["event"]) == (
        "received", "money", "1250.50", "Nieuwjaarsreceptie",
    )  # fmt: skip
    for record in records:
        assert record["created_at"].endswith("Z")
        assert len(record["created_at"]) == len("2026-11-26T20:00:00Z")


def test_csv_is_rfc_4180(ledger: Run) -> None:
    data = ok(ledger("export")).stdout_bytes
    assert data.startswith(",".join(ENTRY_COLUMNS).encode() + b"\r\n")
    assert data.endswith(b"\r\n")
    assert b'"Zo\xc3\xab, ""Bakker"""' in data  # a comma and quotes: quoted, quotes doubled


@pytest.mark.parametrize("description", AWKWARD_DESCRIPTIONS)
def test_awkward_descriptions_survive_csv_and_json(run: Run, description: str) -> None:
    ok(run("log", "--create", "--", "Anna", "gave", "knowledge", description))  # "--": "-minus"
    header, row = read_csv(ok(run("export")).stdout_bytes)
    assert dict(zip(header, row, strict=True))["description"] == description
    (record,) = json.loads(ok(run("export", "--format", "json")).stdout_bytes.decode("utf-8"))
    assert record["description"] == description


def test_all_awkward_descriptions_in_one_export(run: Run) -> None:
    for description in AWKWARD_DESCRIPTIONS:
        ok(run("log", "--create", "--", 'Anna, de "Vries"', "gave", "knowledge", description))
    header, *rows = read_csv(ok(run("export")).stdout_bytes)
    assert len(rows) == len(AWKWARD_DESCRIPTIONS)
    assert all(len(row) == len(ENTRY_COLUMNS) for row in rows)
    assert [row[header.index("description")] for row in rows] == AWKWARD_DESCRIPTIONS
    assert {row[header.index("contact")] for row in rows} == {'Anna, de "Vries"'}


@pytest.mark.parametrize("args", [(), ("--format", "json"), ("contacts",)])
def test_utf8_without_bom(ledger: Run, args: tuple[str, ...]) -> None:
    data = ok(ledger("export", *args)).stdout_bytes
    assert not data.startswith(BOM)
    assert "Zoë".encode() in data  # UTF-8, not escaped or transcoded
    assert "Zoë" in data.decode("utf-8")


def test_json_is_an_array_of_objects_with_numbers_as_numbers(ledger: Run) -> None:
    records = json.loads(ok(ledger("export", "--format", "json")).stdout_bytes.decode("utf-8"))
    assert isinstance(records, list)
    assert [list(record) for record in records] == [ENTRY_COLUMNS] * 3
    zoe, tip, loan = records
    assert [r["id"] for r in records] == [3, 1, 2]
    for record in records:
        assert type(record["id"]) is int
        assert type(record["value"]) is int
    assert tip["value"] == 3
    assert isinstance(loan["amount"], int | float)
    assert not isinstance(loan["amount"], bool)
    assert loan["amount"] == 1250.5
    assert tip["amount"] is None
    assert (loan["date"], loan["direction"], loan["kind"]) == ("2026-03-01", "received", "money")
    assert loan["event"] == "Nieuwjaarsreceptie"
    assert zoe["contact"] == 'Zoë, "Bakker"'


def test_json_agrees_with_csv(ledger: Run) -> None:
    _, *rows = read_csv(ok(ledger("export")).stdout_bytes)
    records = json.loads(ok(ledger("export", "--format", "json")).stdout)
    as_text = [
        ["" if value is None else f"{value:.2f}" if key == "amount" else str(value)
         for key, value in record.items()]
        for record in records
    ]  # fmt: skip
    assert as_text == rows


def test_empty_ledger(run: Run) -> None:
    assert read_csv(ok(run("export")).stdout_bytes) == [ENTRY_COLUMNS]
    assert json.loads(ok(run("export", "--format", "json")).stdout) == []
    assert read_csv(ok(run("export", "contacts")).stdout_bytes) == [CONTACT_COLUMNS]


def test_export_contacts_as_csv(ledger: Run) -> None:
    header, *rows = read_csv(ok(ledger("export", "contacts")).stdout_bytes)
    assert header == CONTACT_COLUMNS
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert set(by_name) == {"Anna de Vries", 'Zoë, "Bakker"'}
    anna = by_name["Anna de Vries"]
    assert anna["organisation"] == "Gemeente Dordrecht"
    assert anna["email"] == "anna@example.nl"
    assert sorted(anna["tags"].split(";")) == ["board", "drechtsteden"]
    assert sorted(anna["aliases"].split(";")) == ["Anna", "Ans"]
    assert anna["note"] == 'Zegt "hoi",\nen dan "doei"'
    assert by_name['Zoë, "Bakker"']["tags"] == ""


def test_export_contacts_as_json(ledger: Run) -> None:
    records = json.loads(ok(ledger("export", "contacts", "--format", "json")).stdout)
    assert [list(record) for record in records] == [CONTACT_COLUMNS] * 2
    anna = next(r for r in records if r["name"] == "Anna de Vries")
    assert sorted(anna["tags"]) == ["board", "drechtsteden"]
    assert sorted(anna["aliases"]) == ["Anna", "Ans"]
    zoe = next(r for r in records if r["name"] == 'Zoë, "Bakker"')
    assert (zoe["tags"], zoe["aliases"]) == ([], [])


@pytest.mark.parametrize(
    "args", [(), ("--format", "json"), ("contacts",), ("contacts", "-f", "json")]
)
def test_output_writes_a_private_file_and_nothing_on_stdout(
    ledger: Run, tmp_path: Path, args: tuple[str, ...]
) -> None:
    target = tmp_path / "out" / "export.data"
    target.parent.mkdir()
    expected = ok(ledger("export", *args)).stdout_bytes
    result = ok(ledger("export", *args, "--output", str(target)))
    assert result.stdout == ""
    assert str(target) in result.stderr
    assert target.read_bytes() == expected
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["export.data"]  # no leftovers


def test_output_replaces_a_readable_file_with_a_private_one(ledger: Run, tmp_path: Path) -> None:
    target = tmp_path / "entries.csv"
    target.write_text("old contents\n")
    os.chmod(target, 0o644)
    ok(ledger("export", "-o", str(target)))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert read_csv(target.read_bytes())[0] == ENTRY_COLUMNS
    assert not target.read_bytes().startswith(BOM)


def test_output_to_a_named_pipe_writes_through_it_and_leaves_the_pipe(
    ledger: Run, tmp_path: Path
) -> None:
    """A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place, never replaced
    by a file (as root, replacing /dev/null once broke the whole machine)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    ok(ledger("export", "--output", str(pipe)))
    reader.join(timeout=30)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert read_csv(received[0])[0] == ENTRY_COLUMNS
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".pipe")) == []


def test_output_into_a_missing_directory_is_refused(ledger: Run, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "export.csv"
    result = ledger("export", "--output", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert not target.exists()


def test_unknown_what_or_format_is_a_usage_error(ledger: Run) -> None:
    assert ledger("export", "events").exit_code == 2
    assert ledger("export", "--format", "table").exit_code == 2
