"""`import entries`: export → import reproduces a ledger; never twice; a bad row writes nothing."""

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import (
    ENTRY_COLUMNS,
    TODAY,
    LedgerUnderTest,
    MakeLedger,
    Refused,
    Run,
    Templates,
    ok,
    on,
    one_line,
)

BOM = b"\xef\xbb\xbf"
# a colour terminal, but one that Rich must still detect as a pipe (whatever CI sets)
NO_FORCED_TERMINAL = {"TERM": "xterm-256color", "FORCE_COLOR": "", "TTY_COMPATIBLE": ""}
AWKWARD_DESCRIPTIONS = [
    "plain",
    "",
    "comma, inside",
    'double "quotes" inside',
    '"starts and ends with quotes"',
    '""',
    "two\nlines",
    "three\n\nlines, with a blank one",
    "=SUM(A1:A9)",
    '=HYPERLINK("http://example.com", "klik")',
    "+31 78 123 4567",
    "-minus first",
    "--looks like an option",
    "@at first",
    "tab\tinside",
    "ünïcödé Zoë, Ĳsselmonde, 東京, 🚢",
    "€ 12,50; semicolon",
    "trailing backslash \\",
    "line\u2028separator and \u2029paragraph",
]
CONTACTS = ["Zoë Ĳzerman", "李小龍", 'Anna, de "Vries"', "=Gemeente+Dordrecht", "-Min Jansen"]
EVENTS = ["Nieuwjaarsreceptie", 'Borrel "Haven", Dordrecht', "=Vergadering"]
JOSE_NFD = "Jose\u0301 Garci\u0301a"  # e and i followed by a combining accent
AMOUNTS = ["1250.50", "0.01", "999999999.99", "12,50", "1.250,50"]


def record(**fields: str) -> dict[str, str]:
    """One entries row as 'export' writes it; unspecified columns take plain defaults."""
    row = dict.fromkeys(ENTRY_COLUMNS, "")
    row.update(
        date="2026-01-10", contact="Anna de Vries", direction="gave", kind="knowledge", value="1"
    )
    row.update(fields)
    assert list(row) == ENTRY_COLUMNS, "unknown column in the test"
    return row


def csv_text(rows: Sequence[dict[str, str]], header: Sequence[str] = ENTRY_COLUMNS) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[column] for column in ENTRY_COLUMNS])
    return buffer.getvalue()


def write_csv(path: Path, rows: Sequence[dict[str, str]]) -> Path:
    path.write_text(csv_text(rows), encoding="utf-8", newline="")
    return path


def parse_csv(data: bytes) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""), strict=True)
    return list(reader)


def without_ids(rows: list[dict[str, str]]) -> Counter[tuple[str, ...]]:
    return Counter(tuple(v for k, v in row.items() if k != "id") for row in rows)


def summary_numbers(stderr: str) -> dict[str, int]:
    """The counts of the one-line summary: added (or would add), rows, already, refused."""
    line = one_line(stderr)
    numbers: dict[str, int] = {}
    patterns = {
        "added": r"(?:Added|Would add) ([\d,]+) entr",
        "rows": r"of ([\d,]+) rows?",
        "already": r"([\d,]+) already",
        "refused": r"([\d,]+) refused",
    }
    for key, pattern in patterns.items():
        found = re.search(pattern, line)
        numbers[key] = int(found.group(1).replace(",", "")) if found else 0
    return numbers


def build_awkward_ledger(ledger: Run) -> None:
    """Unicode names, events, amounts, every awkward description, a duplicate and an id gap."""
    ok(ledger("contact", "add", "--org", 'Haven, "Dordrecht"', "--", CONTACTS[0]))
    ok(ledger("contact", "add", "--", CONTACTS[3]))
    ok(ledger("contact", "add", "José García", "--alias", "Pepe"))
    kinds = ["knowledge", "money", "talent", "access"]
    for i, description in enumerate(AWKWARD_DESCRIPTIONS):
        kind = kinds[i % len(kinds)]
        options = ["--value", str(i % 5 + 1), "--on", str(TODAY - timedelta(days=300 - 7 * i))]
        if kind == "money" and i % 3:
            options += ["--amount", AMOUNTS[i % len(AMOUNTS)]]
        if i % 3 == 0:
            options += ["--event", EVENTS[i % len(EVENTS)]]
        contact = CONTACTS[i % len(CONTACTS)]
        contact = contact.upper() if i % 2 else contact  # typed in another case: same person
        direction = "gave" if i % 2 else "kreeg"
        ok(ledger("log", *options, "--create", "--", contact, direction, kind, description))
    ok(ledger("log", "pepe", "gaf", "geld", "gift", "--amount", "1.250,50", "--on", "2026-02-02"))
    ok(ledger("log", "pepe", "gaf", "geld", "gift", "--amount", "1.250,50", "--on", "2026-02-02"))
    ok(ledger("rm", "5"))  # an id gap the import must keep


@pytest.fixture
def awkward(run: Run, new_ledger: MakeLedger, templates: Templates) -> LedgerUnderTest:
    """A copy of the awkward ledger (built once per module through the CLI)."""
    ledger = new_ledger()
    templates.once("awkward", ledger, lambda: build_awkward_ledger(on(run, ledger)))
    return ledger


@pytest.fixture
def anna(run: Run, db: LedgerUnderTest) -> Run:
    """The test's ledger, knowing Anna de Vries and Bram Bakker but holding no entries."""
    ok(run("contact", "add", "Anna de Vries"))
    ok(run("contact", "add", "Bram Bakker"))
    return run


# --- round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_then_import_into_an_empty_ledger_reproduces_it(
    run: Run, new_ledger: MakeLedger, tmp_path: Path, awkward: LedgerUnderTest, file_format: str
) -> None:
    source = on(run, awkward)
    exported = ok(source("export", "--format", file_format)).stdout_bytes
    assert b"=SUM(A1:A9)" in exported
    assert "李小龍".encode() in exported
    file = tmp_path / f"entries.{file_format}"
    file.write_bytes(exported)

    target = on(run, new_ledger())
    result = ok(
        target("import", "entries", str(file), "--format", file_format, "--create-contacts")
    )
    assert result.stdout == ""
    rows = len(AWKWARD_DESCRIPTIONS) + 1  # two logged, one removed
    assert summary_numbers(result.stderr) == {
        "added": rows, "rows": rows, "already": 0, "refused": 0,
    }  # fmt: skip

    for export_format in ("csv", "json"):
        before = ok(source("export", "--format", export_format)).stdout_bytes
        after = ok(target("export", "--format", export_format)).stdout_bytes
        assert after == before  # byte for byte, ids and created_at included
    ids = [row["id"] for row in parse_csv(ok(target("export")).stdout_bytes)]
    assert "5" not in ids
    assert len(ids) == rows
    for report in (("balance", "--format", "csv"), ("balance", "--by-kind", "--format", "csv")):
        # the organisation is not part of an entries file; every number is
        balances = [parse_csv(ok(ledger(*report)).stdout_bytes) for ledger in (source, target)]
        for rows_of_one in balances:
            for row in rows_of_one:
                del row["organisation"]
        assert balances[0] == balances[1]


def test_the_imported_ledger_goes_on_numbering_after_the_highest_id(
    run: Run, new_ledger: MakeLedger, tmp_path: Path, awkward: LedgerUnderTest
) -> None:
    file = tmp_path / "entries.csv"
    file.write_bytes(ok(on(run, awkward)("export")).stdout_bytes)
    target = on(run, new_ledger())
    ok(target("import", "entries", str(file), "--create-contacts"))
    highest = max(int(row["id"]) for row in parse_csv(file.read_bytes()))
    assert ok(target("log", "Zoë Ĳzerman", "gave", "talent")).stdout == f"{highest + 1}\n"


# --- property: the round trip over random ledgers --------------------------------------------

description_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs"), include_characters="\n"),
    max_size=200,
)
descriptions = st.one_of(
    description_text,
    description_text.map(lambda text: "=" + text),
    st.builds(lambda a, b: f'"{a}""{b}",\n"', description_text, description_text),
    st.sampled_from(AWKWARD_DESCRIPTIONS),
)
contact_names = st.one_of(
    st.sampled_from([*CONTACTS, "Anna de Vries", "ANNA DE VRIES", JOSE_NFD]),
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn")),
        min_size=1,
        max_size=60,
    ).filter(lambda name: any(char.isalnum() for char in name)),  # a letter or digit
)
logged_entry = st.fixed_dictionaries(
    {
        "contact": contact_names,
        "direction": st.sampled_from(["gave", "received", "gaf", "kreeg"]),
        "kind": st.sampled_from(["knowledge", "talent", "money", "access", "geld"]),
        "value": st.integers(1, 1_000_000),
        "days_ago": st.integers(0, 3_650),
        "cents": st.one_of(st.none(), st.integers(1, 100_000_000_000)),
        "event": st.one_of(st.none(), st.sampled_from([*EVENTS, "Zoë's verjaardag"])),
        "description": descriptions,
    }
)


@pytest.mark.slow  # a property: many examples, each a run of commands
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.lists(logged_entry, min_size=1, max_size=6),
    file_format=st.sampled_from(["csv", "json"]),
)
def test_round_trip_property(
    run: Run,
    tmp_path_factory: pytest.TempPathFactory,
    entries: list[dict[str, Any]],
    file_format: str,
) -> None:
    folder = tmp_path_factory.mktemp("round-trip")
    source, target = on(run, folder / "source.db"), on(run, folder / "target.db")
    ok(target("init"))  # so that the import's report is all it says
    for entry in entries:
        options = [
            "--value",
            str(entry["value"]),
            "--on",
            str(TODAY - timedelta(entry["days_ago"])),
        ]
        if entry["kind"] in {"money", "geld"} and entry["cents"] is not None:
            cents = entry["cents"]
            options += ["--amount", f"{cents // 100}.{cents % 100:02d}"]
        if entry["event"]:
            options += ["--event", entry["event"]]
        ok(
            source(
                "log", *options, "--create", "--",
                entry["contact"], entry["direction"], entry["kind"], entry["description"],
            )
        )  # fmt: skip
    exported = ok(source("export", "--format", file_format)).stdout_bytes
    file = folder / f"entries.{file_format}"
    file.write_bytes(exported)

    result = ok(
        target("import", "entries", str(file), "--format", file_format, "--create-contacts")
    )
    assert summary_numbers(result.stderr)["added"] == len(entries)
    assert ok(target("export", "--format", file_format)).stdout_bytes == exported
    other = "json" if file_format == "csv" else "csv"
    assert (
        ok(target("export", "--format", other)).stdout_bytes
        == ok(source("export", "--format", other)).stdout_bytes
    )
    again = ok(target("import", "entries", str(file), "--format", file_format))
    assert summary_numbers(again.stderr)["added"] == 0
    assert ok(target("export", "--format", file_format)).stdout_bytes == exported


# --- idempotence and overlap -----------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    run: Run, new_ledger: MakeLedger, tmp_path: Path, awkward: LedgerUnderTest, file_format: str
) -> None:
    file = tmp_path / f"entries.{file_format}"
    file.write_bytes(ok(on(run, awkward)("export", "--format", file_format)).stdout_bytes)
    target = on(run, new_ledger())
    ok(target("import", "entries", str(file), "--format", file_format, "--create-contacts"))
    export_once = ok(target("export")).stdout_bytes
    contacts_once = ok(target("export", "contacts")).stdout_bytes

    again = ok(target("import", "entries", str(file), "--format", file_format))
    rows = len(parse_csv(export_once))
    assert summary_numbers(again.stderr) == {
        "added": 0, "rows": rows, "already": rows, "refused": 0,
    }  # fmt: skip
    assert "Added 0 entries" in again.stderr
    assert ok(target("export")).stdout_bytes == export_once
    assert ok(target("export", "contacts")).stdout_bytes == contacts_once


def test_importing_a_ledgers_own_export_into_itself_adds_nothing(
    run: Run, tmp_path: Path, awkward: LedgerUnderTest
) -> None:
    ledger = on(run, awkward)
    file = tmp_path / "entries.csv"
    file.write_bytes(ok(ledger("export")).stdout_bytes)
    before = awkward.snapshot()
    result = ok(ledger("import", "entries", str(file)))
    assert summary_numbers(result.stderr)["added"] == 0
    assert awkward.snapshot() == before


def test_rows_already_held_are_skipped_and_new_ones_added(
    run: Run, new_ledger: MakeLedger, tmp_path: Path, awkward: LedgerUnderTest
) -> None:
    exported = ok(on(run, awkward)("export")).stdout_bytes
    rows = parse_csv(exported)
    half = len(rows) // 2
    first_half = write_csv(tmp_path / "first-half.csv", rows[:half])
    whole = tmp_path / "whole.csv"
    whole.write_bytes(exported)

    target = on(run, new_ledger())
    ok(target("log", "--create", "Bram Bakker", "gave", "talent", "eigen, niet geïmporteerd"))
    ok(target("log", "--create", "Zoë Ĳzerman", "kreeg", "kennis", "plain", "--on", "2026-01-01"))
    own = parse_csv(ok(target("export")).stdout_bytes)
    ok(target("import", "entries", str(first_half), "--create-contacts"))

    result = ok(target("import", "entries", str(whole), "--create-contacts"))
    assert summary_numbers(result.stderr) == {
        "added": len(rows) - half, "rows": len(rows), "already": half, "refused": 0,
    }  # fmt: skip
    after = parse_csv(ok(target("export")).stdout_bytes)
    assert without_ids(after) == without_ids(rows) + without_ids(own)  # each exactly once
    assert len({row["id"] for row in after}) == len(after)

    again = ok(target("import", "entries", str(whole)))
    assert summary_numbers(again.stderr)["added"] == 0


def test_identical_rows_within_one_file_are_both_kept(anna: Run, tmp_path: Path) -> None:
    row = record(description="koffie", created_at="2026-01-10T09:00:00Z")
    file = write_csv(tmp_path / "twice.csv", [row, row])
    result = ok(anna("import", "entries", str(file)))
    assert summary_numbers(result.stderr)["added"] == 2
    assert len(parse_csv(ok(anna("export")).stdout_bytes)) == 2
    assert summary_numbers(ok(anna("import", "entries", str(file))).stderr)["added"] == 0


# --- dry run ---------------------------------------------------------------------------------


def overlapping_file(anna: Run, tmp_path: Path) -> Path:
    """Two rows already in the ledger, two new ones, three for contacts the ledger lacks."""
    ok(anna("log", "Anna de Vries", "gave", "knowledge", "tip", "--on", "2026-01-10"))
    ok(anna("log", "Bram Bakker", "kreeg", "geld", "lening", "--amount", "1250.50"))
    held = parse_csv(ok(anna("export")).stdout_bytes)
    rows = [
        *held,
        record(contact="Bram Bakker", description='nieuw, "echt"'),
        record(contact="Onbekende Ola", description="eerste"),
        record(contact="Anna de Vries", kind="money", amount="12.50", description="=nieuw"),
        record(contact="Onbekende Ola", description="tweede"),
        record(contact="Piet Nieuw"),
    ]
    return write_csv(tmp_path / "overlap.csv", rows)


def test_dry_run_reports_counts_and_writes_nothing(
    anna: Run, db: LedgerUnderTest, tmp_path: Path
) -> None:
    file = overlapping_file(anna, tmp_path)
    before = db.snapshot()
    result = ok(anna("import", "entries", str(file), "--dry-run"))
    assert result.stdout == ""
    assert summary_numbers(result.stderr) == {"added": 2, "rows": 7, "already": 2, "refused": 3}
    assert "Onbekende Ola" in result.stderr
    assert "Piet Nieuw" in result.stderr
    assert "dry run" in result.stderr.lower()
    assert db.snapshot() == before


def test_dry_run_with_create_contacts_counts_their_rows_as_added(
    anna: Run, db: LedgerUnderTest, tmp_path: Path
) -> None:
    file = overlapping_file(anna, tmp_path)
    before = db.snapshot()
    result = ok(anna("import", "entries", str(file), "--dry-run", "--create-contacts"))
    assert summary_numbers(result.stderr) == {"added": 5, "rows": 7, "already": 2, "refused": 0}
    assert "Onbekende Ola" in result.stderr
    assert "Piet Nieuw" in result.stderr
    assert db.snapshot() == before

    real = ok(anna("import", "entries", str(file), "--create-contacts"))
    assert summary_numbers(real.stderr) == {"added": 5, "rows": 7, "already": 2, "refused": 0}


def test_dry_run_predicts_what_the_import_then_does_with_a_new_event(
    anna: Run, db: LedgerUnderTest, tmp_path: Path
) -> None:
    """A row that differs from a held entry only by naming a new event is a new entry."""
    ok(anna("log", "Anna de Vries", "gave", "knowledge", "tip", "--on", "2026-01-10"))
    (held,) = parse_csv(ok(anna("export")).stdout_bytes)
    at_event = {**held, "id": "", "event": "Nieuwjaarsreceptie"}
    file = write_csv(tmp_path / "event.csv", [at_event])

    dry = ok(anna("import", "entries", str(file), "--dry-run"))
    real = ok(anna("import", "entries", str(file)))
    assert summary_numbers(real.stderr)["added"] == 1
    assert summary_numbers(dry.stderr) == summary_numbers(real.stderr)


# --- unknown contacts ------------------------------------------------------------------------


def test_unknown_contacts_are_refused_with_their_lines(
    anna: Run, db: LedgerUnderTest, tmp_path: Path, refused: Refused
) -> None:
    rows = [
        record(description="twee\nregels"),  # lines 2-3
        record(contact="Onbekende Ola"),  # line 4
        record(contact="Bram Bakker"),
        record(contact="Onbekende Ola", description="a\nb\nc"),  # line 6
        record(contact="Piet Nieuw"),  # line 9
    ]
    file = write_csv(tmp_path / "unknown.csv", rows)
    result = refused(1, "import", "entries", str(file))
    message = result.stderr
    assert re.search(r"Onbekende Ola\W+lines?\W+4\D+6\b", message), message
    assert re.search(r"Piet Nieuw\W+lines?\W+9\b", message), message
    assert "--create-contacts" in message
    assert "Anna de Vries" not in message
    assert "Bram Bakker" not in message
    assert db.count("contact") == 2


def test_create_contacts_adds_them_with_the_name_as_written(anna: Run, tmp_path: Path) -> None:
    rows = [record(contact="Zoë  Ĳzerman"), record(contact="zoë ĳzerman"), record(contact="李小龍")]
    file = write_csv(tmp_path / "new.csv", rows)
    result = ok(anna("import", "entries", str(file), "--create-contacts"))
    assert "Zoë Ĳzerman" in result.stderr
    assert "李小龍" in result.stderr
    names = [
        card["name"] for card in json.loads(ok(anna("contact", "list", "--format", "json")).stdout)
    ]
    assert sorted(names) == sorted(["Anna de Vries", "Bram Bakker", "Zoë Ĳzerman", "李小龍"])
    contacts = [row["contact"] for row in parse_csv(ok(anna("export")).stdout_bytes)]
    assert contacts == ["Zoë Ĳzerman", "Zoë Ĳzerman", "李小龍"]


# --- a bad row anywhere: file, line and column named; nothing written ------------------------


def test_a_bad_date_in_a_10000_row_file_writes_nothing(
    anna: Run, db: LedgerUnderTest, tmp_path: Path, refused: Refused
) -> None:
    ok(anna("log", "Anna de Vries", "gave", "talent"))
    rows = [
        record(
            id=str(n + 100),
            contact=f"Persoon {n % 250}",
            kind="money" if n % 7 == 0 else "knowledge",
            amount="12.50" if n % 7 == 0 else "",
            description=f"regel {n}\nmet een tweede regel" if n % 1000 == 0 else f"tip {n}",
            created_at="2026-01-10T09:00:00Z",
        )
        for n in range(1, 10_001)
    ]
    rows[6_999]["date"] = "2026-02-30"  # data row 7,000
    file = write_csv(tmp_path / "groot.csv", rows)
    line = 1 + 7_000 + sum(row["description"].count("\n") for row in rows[:6_999])
    entries, contacts = db.count(), db.count("contact")

    result = refused(2, "import", "entries", str(file), "--create-contacts")
    message = one_line(result.stderr)
    assert str(file) in message
    assert re.search(rf"\b{line}\b", message), (line, message)
    assert "date" in message
    assert "2026-02-30" in message
    assert (db.count(), db.count("contact")) == (entries, contacts)

    rows[6_999]["date"] = "2026-02-28"  # fixed, the same file imports completely
    write_csv(file, rows)
    ok(anna("import", "entries", str(file), "--create-contacts"))
    assert db.count() == entries + 10_000


@pytest.mark.parametrize(
    ("column", "fields"),
    [
        ("date", {"date": "26-11-2026"}),
        ("date", {"date": ""}),
        ("direction", {"direction": "lent"}),
        ("kind", {"kind": "gift"}),
        ("kind", {"kind": ""}),
        ("value", {"value": "0"}),
        ("value", {"value": "x"}),
        ("value", {"value": "-3"}),
        ("value", {"value": "1.5"}),
        ("value", {"value": "1000001"}),
        ("amount", {"amount": "12.50"}),  # on a knowledge entry
        ("amount", {"kind": "money", "amount": "12.345"}),
        ("amount", {"kind": "money", "amount": "twaalf"}),
        ("amount", {"kind": "money", "amount": "-5.00"}),
        ("amount", {"kind": "money", "amount": "0"}),
        ("amount", {"kind": "money", "amount": "NaN"}),
        ("amount", {"kind": "money", "amount": "Infinity"}),
        ("amount", {"kind": "money", "amount": "1e30"}),
        ("amount", {"kind": "money", "amount": "99999999999999999999.00"}),  # > 64-bit cents
        ("amount", {"kind": "money", "amount": "2000000000.00"}),  # more than log accepts
        ("contact", {"contact": ""}),
        ("contact", {"contact": "Anna\x1b[31m"}),
        ("description", {"description": "rood\x1b[31m"}),
        ("description", {"description": "x" * 2_001}),
        ("event", {"event": "twee\nregels"}),
        ("id", {"id": "een"}),
        ("id", {"id": "99999999999999999999"}),  # more than SQLite's 64-bit integers
        ("created_at", {"created_at": "gisteren"}),
        ("created_at", {"created_at": "2026-01-10T09:00:00"}),  # no time zone
    ],
    ids=lambda value: repr(value)[:40] if isinstance(value, dict) else value,
)
def test_a_bad_cell_names_file_line_and_column(
    anna: Run, tmp_path: Path, refused: Refused, column: str, fields: dict[str, str]
) -> None:
    rows = [record(description="eerst\nmeerdere regels"), record(**fields), record()]
    file = write_csv(tmp_path / "bad.csv", rows)
    result = refused(2, "import", "entries", str(file), "--create-contacts")
    message = one_line(result.stderr)
    assert str(file) in message
    assert re.search(r"\b4\b", message), message  # the header, a two-line row, then this one
    assert column in message


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("wrong header", "id,date,contact\r\n1,2026-01-10,Anna de Vries\r\n", "header"),
        ("header in another order", ",".join(reversed(ENTRY_COLUMNS)) + "\r\n", "header"),
        ("balance file", "contact,organisation,gave,received,net,entries,last_date\r\n", "header"),
        ("too few columns", csv_text([record()]) + "1,2026-01-10,Anna de Vries\r\n", r":3\b"),
        ("too many columns", csv_text([record()]).rstrip() + ",extra\r\n", r":2\b"),
        ("empty file", "", "empty"),
        ("only a blank line", "\r\n", "header"),
    ],
)
def test_a_malformed_file_is_refused_in_one_line(
    anna: Run, tmp_path: Path, refused: Refused, name: str, text: str, expected: str
) -> None:
    file = tmp_path / "malformed.csv"
    file.write_text(text, encoding="utf-8", newline="")
    message = one_line(refused(2, "import", "entries", str(file)).stderr)
    assert str(file) in message
    assert re.search(expected, message), message


def test_a_file_that_is_not_utf8_is_refused(anna: Run, tmp_path: Path, refused: Refused) -> None:
    file = tmp_path / "latin1.csv"
    file.write_bytes(csv_text([record(description="café, crème brûlée")]).encode("latin-1"))
    message = one_line(refused(2, "import", "entries", str(file)).stderr)
    assert str(file) in message
    assert "UTF-8" in message


def test_a_missing_file_is_refused(anna: Run, tmp_path: Path, refused: Refused) -> None:
    missing = tmp_path / "er-niet.csv"
    message = one_line(refused(2, "import", "entries", str(missing)).stderr)
    assert str(missing) in message
    assert not missing.exists()


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("", "1"),
        ("{}", "1"),
        ('[\n{"id": 1}\n]', "2"),
        ("[\n" + json.dumps(record()) + ",\n" + json.dumps(record(date="gisteren")) + "\n]", "3"),
        ("[\n" + json.dumps(record()) + ",\n{nope\n", "3"),
        ("[\n" + json.dumps(record()), "2"),
    ],
    ids=["empty", "object", "wrong-keys", "bad-date", "invalid", "unclosed"],
)
def test_a_bad_json_file_is_refused_in_one_line(
    anna: Run, tmp_path: Path, refused: Refused, text: str, line: str
) -> None:
    file = tmp_path / "bad.json"
    file.write_text(text, encoding="utf-8")
    message = one_line(refused(2, "import", "entries", str(file), "--format", "json").stderr)
    assert str(file) in message
    assert re.search(rf":{line}\b", message), message


def test_a_csv_file_given_as_json_is_refused(anna: Run, tmp_path: Path, refused: Refused) -> None:
    file = write_csv(tmp_path / "entries.csv", [record()])
    refused(2, "import", "entries", str(file), "--format", "json")


# --- stdin, BOM, events and amounts ----------------------------------------------------------


def test_import_from_stdin(anna: Run) -> None:
    text = csv_text([record(description='via, "stdin"\n2'), record(contact="Nieuw Iemand")])
    result = ok(anna("import", "entries", "-", "--create-contacts", input=text))
    assert summary_numbers(result.stderr)["added"] == 2
    rows = parse_csv(ok(anna("export")).stdout_bytes)
    assert [row["description"] for row in rows] == ['via, "stdin"\n2', ""]
    assert summary_numbers(ok(anna("import", "entries", "-", input=text)).stderr)["added"] == 0


def test_import_json_from_stdin(anna: Run) -> None:
    text = json.dumps([record(description="=json"), record(kind="money", amount="1250.50")])
    ok(anna("import", "entries", "-", "--format", "json", input=text))
    rows = parse_csv(ok(anna("export")).stdout_bytes)
    assert [(row["description"], row["amount"]) for row in rows] == [("=json", ""), ("", "1250.50")]


def test_non_utf8_on_stdin_is_refused_in_one_line(anna: Run, refused: Refused) -> None:
    data = csv_text([record(description="café")]).encode("latin-1")
    message = one_line(refused(2, "import", "entries", "-", input=data).stderr)
    assert "UTF-8" in message


def test_import_through_a_real_pipe(
    anna: Run, db: LedgerUnderTest, cli: Callable[..., Any]
) -> None:
    rows = [
        record(contact=f"Persoon {n % 40}", description=f'rij {n}, "pijp"')
        for n in range(6_000)  # more than one batch
    ]
    piped = cli(
        "import", "entries", "-", "--create-contacts",
        input=csv_text(rows), env=NO_FORCED_TERMINAL,
    )  # fmt: skip
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == ""
    assert "\x1b" not in piped.stderr  # no progress bar, no colour, when piped
    assert "\r" not in piped.stderr
    assert summary_numbers(piped.stderr)["added"] == 6_000
    assert db.count() == 6_000

    again = cli("import", "entries", "-", input=csv_text(rows), env=NO_FORCED_TERMINAL)
    assert again.returncode == 0, again.stderr
    assert "\x1b" not in again.stderr
    assert summary_numbers(again.stderr) == {
        "added": 0,
        "rows": 6_000,
        "already": 6_000,
        "refused": 0,
    }


def test_a_bad_row_through_a_real_pipe_is_one_plain_line(
    anna: Run, db: LedgerUnderTest, cli: Callable[..., Any]
) -> None:
    before = db.snapshot()
    piped = cli(
        "import", "entries", "-", input=csv_text([record(), record(kind="gift")]),
        env=NO_FORCED_TERMINAL,
    )  # fmt: skip
    assert piped.returncode == 2
    assert "\x1b" not in piped.stderr
    message = one_line(piped.stderr)
    assert "stdin" in message
    assert re.search(r":3\b", message), message
    assert "kind" in message
    assert db.snapshot() == before


def test_csv_saved_with_a_bom_by_a_spreadsheet_imports(anna: Run, tmp_path: Path) -> None:
    file = tmp_path / "excel.csv"
    file.write_bytes(BOM + csv_text([record(description="uit Excel")]).encode("utf-8"))
    ok(anna("import", "entries", str(file)))
    (row,) = parse_csv(ok(anna("export")).stdout_bytes)
    assert row["description"] == "uit Excel"
    assert row["id"] == "1"


def test_csv_with_a_bom_imports_from_stdin(anna: Run) -> None:
    data = BOM + csv_text([record(description="uit Numbers")]).encode("utf-8")
    ok(anna("import", "entries", "-", input=data))
    (row,) = parse_csv(ok(anna("export")).stdout_bytes)
    assert row["description"] == "uit Numbers"


def test_events_are_created_and_amounts_survive_exactly(anna: Run, tmp_path: Path) -> None:
    rows = [
        record(kind="money", amount="1250.50", event="Nieuwjaarsreceptie"),
        record(kind="money", direction="received", amount="0.01", event="nieuwjaarsreceptie"),
        record(kind="money", amount="999999999.99", event='Borrel "Haven", Dordrecht'),
        record(kind="money", amount="7"),
        record(kind="talent", event="Zoë's verjaardag"),
    ]
    file = write_csv(tmp_path / "events.csv", rows)
    result = ok(anna("import", "entries", str(file)))
    assert "Nieuwjaarsreceptie" in result.stderr
    exported = parse_csv(ok(anna("export")).stdout_bytes)
    assert [row["amount"] for row in exported] == ["1250.50", "0.01", "999999999.99", "7.00", ""]
    assert [row["event"] for row in exported] == [
        "Nieuwjaarsreceptie", "Nieuwjaarsreceptie", 'Borrel "Haven", Dordrecht', "",
        "Zoë's verjaardag",
    ]  # fmt: skip
    balance = json.loads(ok(anna("balance", "Anna de Vries", "--format", "json")).stdout)
    assert Decimal(str(balance["amount_gave"])) == Decimal("1000001257.49")
    assert Decimal(str(balance["amount_received"])) == Decimal("0.01")
    # the events exist: logging at one by name needs no --create
    ok(anna("log", "Anna de Vries", "gave", "talent", "--event", "Zoë's verjaardag"))
    ok(anna("log", "Anna de Vries", "gave", "talent", "--event", 'Borrel "Haven", Dordrecht'))


def test_rows_without_ids_or_created_at_get_new_ones(anna: Run, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "hand.csv", [record(description="met de hand"), record()])
    ok(anna("import", "entries", str(file)))
    rows = parse_csv(ok(anna("export")).stdout_bytes)
    assert [row["id"] for row in rows] == ["1", "2"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row["created_at"]) for row in rows)


def test_an_import_never_hands_out_an_id_already_printed(anna: Run, tmp_path: Path) -> None:
    """Ids are never reused (models: AUTOINCREMENT), so a script holding an old id cannot hit
    another entry: a file id that once belonged to a removed entry is not free."""
    assert ok(anna("log", "Anna de Vries", "gave", "talent", "verwijderd")).stdout == "1\n"
    ok(anna("rm", "1"))
    file = write_csv(tmp_path / "one.csv", [record(id="1", description="geïmporteerd")])
    ok(anna("import", "entries", str(file)))
    (row,) = parse_csv(ok(anna("export")).stdout_bytes)
    assert row["description"] == "geïmporteerd"
    assert row["id"] != "1"
