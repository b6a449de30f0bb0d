"""Random and nearly valid files fed to ``import entries/contacts --dry-run``: whatever the
bytes, the answer is a summary (exit 0) or one line naming the problem (exit 2), never a
traceback, and the ledger stays as it was.

Crashes these found are kept as explicit examples, so they are checked on every run.
"""

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import ENTRY_COLUMNS, LedgerUnderTest, Run, ok

# Properties: many examples, each a run of commands; in the slow run, not the default one.
pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
CONTACT_COLUMNS = ["name", "organisation", "email", "tags", "aliases", "note", "needs", "offers"]
SUFFIXES = {"entries": (".csv", ".json"), "contacts": (".csv", ".vcf")}

# Cells that are valid somewhere, mixed with text that is not: the reader and the checks
# both get their turn.
VALID_CELLS = ["", "1", "2026-10-01", "Anna", "gave", "received", "talent", "money", "access",
               "12.50", "done", "promised", "dropped", "met", "2026-11-26T20:00:00Z", "x;y",
               "anna@example.org", "9999-12-31T23:59:59-01:00", "0001-01-01", "1_0",
               "\u0663"]  # fmt: skip
cells = st.one_of(st.sampled_from(VALID_CELLS), st.text(max_size=30))
json_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), cells, st.sampled_from([1, 12.5])
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(cells, inner, max_size=3)),
    max_leaves=5,
)
VCARD_PROPERTIES = ["FN", "N", "ORG", "EMAIL", "NICKNAME", "CATEGORIES", "NOTE", "TEL",
                    "NICKNAME;TYPE=work", "item1.EMAIL", "VERSION", "BEGIN", "END"]  # fmt: skip


@pytest.fixture
def known(run: Run) -> Run:
    ok(run("contact", "add", "Anna", "--email", "anna@example.org"))
    return run


def check_dry_run(
    run: Run, db: LedgerUnderTest, folder: Path, what: str, name: str, data: bytes
) -> None:
    """The import's promise, whatever ``data`` holds."""
    file = folder / name
    file.write_bytes(data)
    before = db.snapshot()
    result = run("import", what, str(file), "--dry-run")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 2), (result.exit_code, result.stderr)
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1, result.stderr
    assert db.snapshot() == before


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    stream = io.StringIO(newline="")
    csv.writer(stream).writerows([header, *rows])
    return stream.getvalue().encode("utf-8")


@FUZZ
@given(
    what=st.sampled_from(["entries", "contacts"]),
    suffix=st.integers(0, 1),
    data=st.binary(max_size=300),
)
def test_random_bytes_never_crash_an_import(
    known: Run, db: LedgerUnderTest, tmp_path: Path, what: str, suffix: int, data: bytes
) -> None:
    check_dry_run(known, db, tmp_path, what, "file" + SUFFIXES[what][suffix], data)


FIRST_DAY_EAST = "0001-01-01T00:00:00+01:00"  # in UTC before the year 1: OverflowError


@FUZZ
@example(
    columns=ENTRY_COLUMNS[:10],
    rows=[["1", "2026-10-01", "Anna", "gave", "talent", "1", "", "x", "", FIRST_DAY_EAST]],
)
@given(
    columns=st.sampled_from([ENTRY_COLUMNS, ENTRY_COLUMNS[:15], ENTRY_COLUMNS[:10]]),
    rows=st.lists(st.lists(cells, min_size=9, max_size=18), max_size=3),
)
def test_nearly_valid_entries_csv_never_crashes_an_import(
    known: Run, db: LedgerUnderTest, tmp_path: Path, columns: list[str], rows: list[list[str]]
) -> None:
    check_dry_run(known, db, tmp_path, "entries", "entries.csv", csv_bytes(columns, rows))


@FUZZ
@given(
    records=st.lists(
        st.one_of(
            st.fixed_dictionaries(dict.fromkeys(ENTRY_COLUMNS, json_values)),
            json_values,
        ),
        max_size=3,
    ),
    cut=st.integers(0, 400),
)
def test_nearly_valid_entries_json_never_crashes_an_import(
    known: Run, db: LedgerUnderTest, tmp_path: Path, records: list[Any], cut: int
) -> None:
    text = json.dumps(records, ensure_ascii=False)
    data = (text if cut == 0 else text[:cut]).encode("utf-8")
    check_dry_run(known, db, tmp_path, "entries", "entries.json", data)


@FUZZ
@given(rows=st.lists(st.lists(cells, min_size=5, max_size=7), max_size=3))
def test_nearly_valid_contacts_csv_never_crashes_an_import(
    known: Run, db: LedgerUnderTest, tmp_path: Path, rows: list[list[str]]
) -> None:
    check_dry_run(known, db, tmp_path, "contacts", "people.csv", csv_bytes(CONTACT_COLUMNS, rows))


@FUZZ
@given(
    cards=st.lists(
        st.lists(st.tuples(st.sampled_from(VCARD_PROPERTIES), cells), max_size=5), max_size=3
    ),
    version=st.sampled_from(["3.0", "4.0", "2.1", ""]),
)
def test_nearly_valid_vcards_never_crash_an_import(
    known: Run,
    db: LedgerUnderTest,
    tmp_path: Path,
    cards: list[list[tuple[str, str]]],
    version: str,
) -> None:
    lines = []
    for properties in cards:
        lines += ["BEGIN:VCARD", f"VERSION:{version}"]
        lines += [f"{name}:{value}" for name, value in properties]
        lines += ["END:VCARD"]
    data = "\r\n".join(lines).encode("utf-8")
    check_dry_run(known, db, tmp_path, "contacts", "people.vcf", data)
