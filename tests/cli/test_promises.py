"""Promises: `log --promise --due`, `promises`, `keep`, `drop`; they count only once kept."""

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from helpers import TODAY, MakeLedger, Refused, Run, csv_header, log, ok, on, parse_csv

# what exports wrote before promises; promises appended status and due (later features may
# append more columns after these, so the tests below look at the first twelve)
FIRST_ENTRY_COLUMNS = [
    "id", "date", "contact", "direction", "kind", "value", "amount", "description", "event",
    "created_at",
]  # fmt: skip
PROMISE_ENTRY_COLUMNS = [*FIRST_ENTRY_COLUMNS, "status", "due"]
PROMISE_COLUMNS = [
    "id", "made", "contact", "direction", "kind", "value", "amount", "description", "due",
    "age_days", "due_in_days", "overdue",
]  # fmt: skip
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
def jan(run: Run) -> Run:
    """The test's ledger, knowing Jan and Anna de Vries but holding no entries."""
    ok(run("contact", "add", "Jan"))
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
    return run


def promise(run: Run, contact: str, *options: str, direction: str = "gave") -> int:
    return log(run, contact, direction, "knowledge", "a promise", "--promise", *options)


def listed(run: Run, *args: str, today: date = TODAY) -> list[dict[str, Any]]:
    """``promises ... --format json``, parsed."""
    result = ok(run("promises", *args, "--format", "json", today=today))
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


def listed_ids(run: Run, *args: str, today: date = TODAY) -> list[int]:
    return [record["id"] for record in listed(run, *args, today=today)]


def exported(run: Run) -> list[dict[str, str]]:
    return parse_csv(ok(run("export")).stdout)


def exported_by_id(run: Run) -> dict[int, dict[str, str]]:
    return {int(row["id"]): row for row in exported(run)}


def entry_ids(run: Run, *args: str) -> list[int]:
    return [
        int(row["id"]) for row in parse_csv(ok(run("entries", *args, "--format", "csv")).stdout)
    ]


def balances(run: Run) -> dict[str, dict[str, str]]:
    rows = parse_csv(ok(run("balance", "--format", "csv")).stdout)
    return {row["contact"]: row for row in rows}


def words(text: str) -> str:
    """Terminal output with its wrapping and spacing undone, for searching sentences."""
    return " ".join(text.split())


# --- log --promise --due ---------------------------------------------------------------------


def test_log_promise_records_what_i_promised_due_next_friday(jan: Run) -> None:
    assert TODAY.weekday() == 3  # a Thursday: next friday is tomorrow
    promised = log(
        jan, "Jan", "gave", "access", "intro to the alderman", "--promise", "--due", "next friday"
    )
    (record,) = listed(jan)
    assert record == {
        "id": promised,
        "made": "2026-11-26",
        "contact": "Jan",
        "direction": "gave",
        "kind": "access",
        "value": 1,
        "amount": None,
        "description": "intro to the alderman",
        "due": "2026-11-27",
        "age_days": 0,
        "due_in_days": 1,
        "overdue": False,
    }
    row = exported_by_id(jan)[promised]
    assert (row["date"], row["status"], row["due"]) == ("2026-11-26", "promised", "2026-11-27")
    assert listed_ids(jan, "--mine") == [promised]
    assert listed_ids(jan, "--theirs") == []


def test_received_promise_is_what_they_promised_me(jan: Run) -> None:
    promised = log(jan, "Anna", "received", "knowledge", "the tender rules", "--promise")
    (record,) = listed(jan)
    assert (record["id"], record["contact"], record["direction"]) == (
        promised,
        "Anna de Vries",
        "received",
    )
    assert record["due"] is None
    assert record["due_in_days"] is None
    assert record["overdue"] is False
    assert listed_ids(jan, "--theirs") == [promised]
    assert listed_ids(jan, "--mine") == []
    assert exported_by_id(jan)[promised]["status"] == "promised"


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        ("next friday", "2026-11-27"),
        ("volgende vrijdag", "2026-11-27"),
        ("next thursday", "2026-12-03"),  # today is Thursday: the coming one is a week ahead
        ("morgen", "2026-11-27"),
        ("in 30 days", "2026-12-26"),
        ("2027-03-01", "2027-03-01"),
        ("1-2-2027", "2027-02-01"),
        ("today", "2026-11-26"),
    ],
)
def test_due_may_lie_in_the_future(jan: Run, typed: str, due: str) -> None:
    promised = promise(jan, "Jan", "--due", typed)
    assert exported_by_id(jan)[promised]["due"] == due
    (record,) = listed(jan)
    assert record["due"] == due
    assert record["due_in_days"] == (date.fromisoformat(due) - TODAY).days


def test_due_without_promise_is_refused(jan: Run, refused: Refused) -> None:
    result = refused(2, "log", "Jan", "gave", "knowledge", "--due", "next friday")
    assert "--promise" in result.stderr


@pytest.mark.parametrize(
    "dates",
    [
        ("--due", "gisteren"),
        ("--on", "2026-11-20", "--due", "2026-11-19"),
        ("--on", "3 days ago", "--due", "last friday"),
    ],
)
def test_due_before_the_promise_date_is_refused(
    jan: Run, refused: Refused, dates: tuple[str, ...]
) -> None:
    refused(2, "log", "Jan", "gave", "knowledge", "--promise", *dates)


def test_due_on_the_day_the_promise_was_made_is_fine(jan: Run) -> None:
    promised = promise(jan, "Jan", "--on", "2026-11-20", "--due", "2026-11-20")
    (record,) = listed(jan)
    assert (record["id"], record["made"], record["due"]) == (promised, "2026-11-20", "2026-11-20")
    assert (record["age_days"], record["due_in_days"], record["overdue"]) == (6, -6, True)


@pytest.mark.parametrize(
    "future",
    [
        ("--on", "morgen"),
        ("--on", "2026-12-01", "--due", "2026-12-05"),
        ("--on", "next friday", "--due", "2027-01-01"),
    ],
)
def test_a_promise_made_in_the_future_is_refused_like_any_entry(
    jan: Run, refused: Refused, future: tuple[str, ...]
) -> None:
    refused(2, "log", "Jan", "gave", "knowledge", "--promise", *future)


def test_a_promise_made_in_the_past_is_dated_then(jan: Run) -> None:
    promised = promise(jan, "Jan", "--on", "3 days ago", "--due", "next friday")
    (record,) = listed(jan)
    assert (record["id"], record["made"], record["age_days"]) == (promised, "2026-11-23", 3)


# --- promises do not count until kept --------------------------------------------------------


@pytest.fixture
def mixed(jan: Run) -> dict[str, int]:
    """Jan: a done give worth 2 on 2026-11-01; open promises, mine worth 3, theirs worth 5."""
    return {
        "done": log(
            jan, "Jan", "gave", "knowledge", "advice", "--value", "2", "--on", "2026-11-01"
        ),
        "mine": log(
            jan, "Jan", "gave", "access", "intro", "--value", "3", "--promise", "--on", "3 days ago"
        ),
        "theirs": log(
            jan,
            "Jan",
            "received",
            "talent",
            "design",
            "--value",
            "5",
            "--promise",
            "--on",
            "2026-11-20",
            "--due",
            "2026-12-10",
        ),
    }


def test_promises_do_not_count_in_balance_or_entries(jan: Run, mixed: dict[str, int]) -> None:
    (row,) = balances(jan).values()
    assert {k: row[k] for k in ("contact", "gave", "received", "net", "entries", "last_date")} == {
        "contact": "Jan",
        "gave": "2",
        "received": "0",
        "net": "2",
        "entries": "1",
        "last_date": "2026-11-01",
    }
    by_kind = parse_csv(ok(jan("balance", "--by-kind", "--format", "csv")).stdout)
    assert [(r["kind"], r["gave"], r["received"]) for r in by_kind] == [("knowledge", "2", "0")]
    one = parse_csv(ok(jan("balance", "Jan", "--format", "csv")).stdout)
    assert [(r["kind"], r["gave"], r["received"]) for r in one] == [("knowledge", "2", "0")]
    document = json.loads(ok(jan("balance", "Jan", "--format", "json")).stdout)
    assert (document["gave"], document["received"], document["net"]) == (2, 0, 2)
    assert [entry["id"] for entry in document["entries"]] == [mixed["done"]]

    assert entry_ids(jan) == [mixed["done"]]
    assert entry_ids(jan, "Jan") == [mixed["done"]]
    assert json.loads(ok(jan("entries", "--format", "json")).stdout)[0]["status"] == "done"
    table = ok(jan("entries")).stdout
    assert "advice" in table
    assert "intro" not in table
    assert "design" not in table
    assert sorted(exported_by_id(jan)) == sorted(mixed.values())  # export holds them all


@pytest.mark.parametrize(("which", "column"), [("mine", "gave"), ("theirs", "received")])
def test_keep_changes_the_balance_by_exactly_its_value(
    jan: Run, mixed: dict[str, int], which: str, column: str
) -> None:
    before = balances(jan)["Jan"]
    result = ok(jan("keep", str(mixed[which]), "--on", "gisteren"))
    assert result.stdout == ""
    assert "Kept" in result.stderr
    after = balances(jan)["Jan"]

    value = 3 if which == "mine" else 5
    other = "received" if column == "gave" else "gave"
    assert int(after[column]) == int(before[column]) + value
    assert after[other] == before[other]
    sign = 1 if column == "gave" else -1
    assert int(after["net"]) == int(before["net"]) + sign * value
    assert int(after["entries"]) == int(before["entries"]) + 1
    assert after["last_date"] == YESTERDAY.isoformat() == "2026-11-25"

    kept = exported_by_id(jan)[mixed[which]]
    assert (kept["date"], kept["status"]) == ("2026-11-25", "done")
    assert entry_ids(jan) == [mixed["done"], mixed[which]]
    assert mixed[which] not in listed_ids(jan)
    assert len(listed_ids(jan)) == 1  # the other promise is still open


def test_promise_keep_balance_changes(jan: Run) -> None:
    """The issue's 'done means': promise → keep → balance changes."""
    promised = log(
        jan, "Jan", "gave", "access", "intro to the alderman", "--promise", "--due", "next friday"
    )
    assert balances(jan) == {}
    ok(jan("keep", str(promised), today=TODAY + timedelta(days=4)))
    (row,) = balances(jan).values()
    assert (row["gave"], row["received"], row["net"], row["entries"]) == ("1", "0", "1", "1")
    assert row["last_date"] == "2026-11-30"  # dated the day it was kept, not the day promised
    assert listed(jan) == []


def test_keep_on_the_day_it_was_made_is_fine(jan: Run) -> None:
    promised = promise(jan, "Jan", "--on", "gisteren")
    ok(jan("keep", str(promised), "--on", "2026-11-25"))
    assert exported_by_id(jan)[promised]["date"] == "2026-11-25"


@pytest.mark.parametrize("when", ["gisteren", "2026-11-01", "morgen", "next friday"])
def test_keep_before_the_promise_or_in_the_future_is_refused(
    jan: Run, refused: Refused, when: str
) -> None:
    promised = promise(jan, "Jan")  # made today
    refused(2, "keep", str(promised), "--on", when)
    assert listed_ids(jan) == [promised]


def test_keep_twice_is_refused(jan: Run, refused: Refused) -> None:
    promised = promise(jan, "Jan", "--value", "3")
    ok(jan("keep", str(promised)))
    before = balances(jan)
    result = refused(1, "keep", str(promised))
    assert "kept" in result.stderr
    refused(1, "keep", str(promised), "--on", "gisteren")
    assert balances(jan) == before


def test_keep_an_ordinary_entry_is_refused(jan: Run, refused: Refused) -> None:
    done = log(jan, "Jan", "gave", "knowledge")
    refused(1, "keep", str(done))
    refused(1, "drop", str(done), "--reason", "oops")


def test_drop_withdraws_a_promise_for_good(
    jan: Run, mixed: dict[str, int], refused: Refused
) -> None:
    before = balances(jan)
    result = ok(jan("drop", str(mixed["mine"]), "--reason", "the alderman retired"))
    assert result.stdout == ""
    assert balances(jan) == before
    assert listed_ids(jan) == [mixed["theirs"]]
    assert listed_ids(jan, "--mine") == []
    assert entry_ids(jan) == [mixed["done"]]
    row = exported_by_id(jan)[mixed["mine"]]
    assert (row["status"], row["date"]) == ("dropped", "2026-11-23")

    refused(1, "keep", str(mixed["mine"]))
    refused(1, "drop", str(mixed["mine"]), "--reason", "again")
    assert balances(jan) == before
    ok(jan("keep", str(mixed["theirs"])))  # the other promise is untouched
    assert balances(jan)["Jan"]["received"] == "5"


def test_drop_a_kept_promise_is_refused(jan: Run, refused: Refused) -> None:
    promised = promise(jan, "Jan")
    ok(jan("keep", str(promised)))
    result = refused(1, "drop", str(promised), "--reason", "changed my mind")
    assert "kept" in result.stderr
    assert exported_by_id(jan)[promised]["status"] == "done"


@pytest.mark.parametrize(
    "command", [("keep", "99"), ("keep", "99", "--on", "gisteren"), ("drop", "99", "--reason", "x")]
)
def test_unknown_id_is_refused(jan: Run, refused: Refused, command: tuple[str, ...]) -> None:
    promise(jan, "Jan")
    result = refused(1, *command)
    assert "99" in result.stderr


# --- promises: the listing -------------------------------------------------------------------


def test_open_promises_are_listed_overdue_first_then_by_due_then_undated(jan: Run) -> None:
    ids = {
        "undated_old": promise(jan, "Jan", "--on", "2026-11-05"),
        "due_in_14": promise(jan, "Jan", "--on", "2026-11-20", "--due", "2026-12-10"),
        "overdue_2": promise(jan, "Anna", "--on", "2026-11-10", "--due", "2026-11-24"),
        "due_today": promise(jan, "Jan", "--due", "today", direction="received"),
        "undated_new": promise(jan, "Anna", "--on", "2026-11-20", direction="received"),
        "overdue_6": promise(jan, "Jan", "--on", "2026-11-12", "--due", "2026-11-20"),
        "due_in_2": promise(jan, "Anna", "--on", "2026-11-01", "--due", "2026-11-28"),
    }
    order = listed_ids(jan)
    assert order[:5] == [
        ids["overdue_6"],
        ids["overdue_2"],
        ids["due_today"],
        ids["due_in_2"],
        ids["due_in_14"],
    ]
    assert set(order[5:]) == {ids["undated_old"], ids["undated_new"]}
    assert len(order) == len(ids)
    records = {record["id"]: record for record in listed(jan)}
    assert [records[ids[k]]["due_in_days"] for k in ("overdue_6", "overdue_2", "due_today")] == [
        -6,
        -2,
        0,
    ]
    assert [records[i]["overdue"] for i in order] == [True, True, False, False, False, False, False]

    assert listed_ids(jan, "--overdue") == [ids["overdue_6"], ids["overdue_2"]]
    assert listed_ids(jan, "Anna") == [ids["overdue_2"], ids["due_in_2"], ids["undated_new"]]
    assert listed_ids(jan, "Anna", "--mine") == [ids["overdue_2"], ids["due_in_2"]]
    assert listed_ids(jan, "Jan", "--theirs") == [ids["due_today"]]
    assert listed_ids(jan, "Jan", "--overdue") == [ids["overdue_6"]]
    assert listed_ids(jan, "--theirs", "--overdue") == []
    assert listed_ids(jan, "--mine") == [i for i in order if records[i]["direction"] == "gave"]


def test_age_and_due_state_follow_the_injected_today(jan: Run) -> None:
    promised = promise(jan, "Jan", "--due", "next friday")  # made 2026-11-26, due 2026-11-27
    assert listed_ids(jan, "--overdue") == []
    for days_later, due_in, overdue in [
        (0, 1, False),
        (1, 0, False),
        (2, -1, True),
        (40, -39, True),
    ]:
        later = TODAY + timedelta(days=days_later)
        (record,) = listed(jan, today=later)
        assert (record["age_days"], record["due_in_days"], record["overdue"]) == (
            days_later,
            due_in,
            overdue,
        ), later
        assert listed_ids(jan, "--overdue", today=later) == ([promised] if overdue else [])
    csv_rows = parse_csv(
        ok(jan("promises", "--format", "csv", today=TODAY + timedelta(days=9))).stdout
    )
    assert [(r["age_days"], r["due_in_days"], r["overdue"]) for r in csv_rows] == [
        ("9", "-8", "true")
    ]


def test_mine_and_theirs_together_are_refused(jan: Run, refused: Refused) -> None:
    promise(jan, "Jan")
    result = refused(2, "promises", "--mine", "--theirs")
    assert "--mine" in result.stderr


def test_promises_of_an_unknown_contact_are_refused(jan: Run, refused: Refused) -> None:
    promise(jan, "Jan")
    refused(1, "promises", "Piet")


def test_promises_csv_and_json_columns(jan: Run) -> None:
    money = log(
        jan, "Anna", "gave", "money", "sponsoring, the fair", "--amount", "12,50", "--value", "2",
        "--promise", "--on", "2026-11-16", "--due", "2026-11-21",
    )  # fmt: skip
    theirs = log(jan, "Jan", "received", "talent", "a logo", "--promise")
    text = ok(jan("promises", "--format", "csv")).stdout
    assert csv_header(text) == PROMISE_COLUMNS
    assert parse_csv(text) == [
        {
            "id": str(money), "made": "2026-11-16", "contact": "Anna de Vries",
            "direction": "gave", "kind": "money", "value": "2", "amount": "12.50",
            "description": "sponsoring, the fair", "due": "2026-11-21", "age_days": "10",
            "due_in_days": "-5", "overdue": "true",
        },
        {
            "id": str(theirs), "made": "2026-11-26", "contact": "Jan", "direction": "received",
            "kind": "talent", "value": "1", "amount": "", "description": "a logo", "due": "",
            "age_days": "0", "due_in_days": "", "overdue": "false",
        },
    ]  # fmt: skip
    records = listed(jan)
    assert [list(record) for record in records] == [PROMISE_COLUMNS, PROMISE_COLUMNS]
    assert records[0]["overdue"] is True
    assert records[1]["overdue"] is False
    assert (records[0]["amount"], records[0]["value"], records[0]["due_in_days"]) == (12.5, 2, -5)
    assert (records[1]["amount"], records[1]["due"], records[1]["due_in_days"]) == (
        None,
        None,
        None,
    )


def test_no_open_promises_is_said_on_stderr(jan: Run) -> None:
    result = ok(jan("promises"))
    assert result.stdout == ""
    assert "No open promises" in result.stderr
    assert listed(jan) == []
    assert ok(jan("promises", "--format", "csv")).stdout.splitlines() == [",".join(PROMISE_COLUMNS)]


def test_promises_table_shows_who_owes_what(jan: Run) -> None:
    promise(jan, "Anna", "--on", "2026-11-10", "--due", "2026-11-24")
    log(jan, "Jan", "received", "talent", "a logo for the fair", "--promise")
    table = words(ok(jan("promises")).stdout)
    assert "Anna de Vries" in table
    assert "a logo for the fair" in table
    assert table.index("Anna de Vries") < table.index("a logo for the fair")  # overdue first


# --- balance shows open promises beside it ---------------------------------------------------


def test_balance_table_mentions_the_open_promises(jan: Run, mixed: dict[str, int]) -> None:
    promise(jan, "Anna", "--on", "2026-11-10", "--due", "2026-11-24")  # mine, overdue
    text = words(ok(jan("balance")).stdout)
    assert "Open promises" in text
    line = text[text.index("Open promises") :]
    assert "yours 2 (1 overdue)" in line
    assert "theirs 1" in line
    assert "Jan" in text
    ok(jan("drop", str(mixed["theirs"]), "--reason", "no time"))
    ok(jan("keep", str(mixed["mine"])))
    line = words(ok(jan("balance")).stdout)
    assert "yours 1 (1 overdue), theirs 0" in line


def test_balance_table_mentions_open_promises_when_nothing_counts_yet(jan: Run) -> None:
    promise(jan, "Jan", "--due", "next friday")
    result = ok(jan("balance"))
    assert "Open promises" in words(result.stdout + result.stderr)


def test_balance_without_promises_has_no_promises_line(jan: Run) -> None:
    log(jan, "Jan", "gave", "knowledge")
    assert "promise" not in ok(jan("balance")).stdout.casefold()


def test_contact_balance_json_has_the_open_promises(jan: Run, mixed: dict[str, int]) -> None:
    promise(jan, "Anna", "--due", "next friday")
    document = json.loads(ok(jan("balance", "Jan", "--format", "json")).stdout)
    assert [list(record) for record in document["promises"]] == [PROMISE_COLUMNS] * 2
    assert document["promises"] == listed(jan, "Jan")
    assert [record["id"] for record in document["promises"]] == [mixed["theirs"], mixed["mine"]]
    # promises are open whatever period the balance looks at
    narrowed = json.loads(
        ok(jan("balance", "Jan", "--since", "2026-11-25", "--format", "json")).stdout
    )
    assert narrowed["promises"] == document["promises"]
    assert narrowed["gave"] == 0
    ok(jan("keep", str(mixed["mine"])))
    ok(jan("drop", str(mixed["theirs"]), "--reason", "they moved on"))
    assert json.loads(ok(jan("balance", "Jan", "--format", "json")).stdout)["promises"] == []


def test_contact_balance_table_shows_the_open_promises(jan: Run, mixed: dict[str, int]) -> None:
    text = words(ok(jan("balance", "Jan")).stdout)
    assert "Open promises" in text
    assert "intro" in text
    assert "design" in text


# --- export and import -----------------------------------------------------------------------


def build_promising_ledger(ledger: Run) -> dict[str, int]:
    """Done entries, open promises with and without due dates, one kept, one dropped."""
    ids = {
        "done": log(ledger, "Jan", "gave", "knowledge", "advice", "--on", "2026-10-01", "--create"),
        "open": log(
            ledger,
            "Jan",
            "gave",
            "access",
            "intro to the alderman",
            "--promise",
            "--due",
            "next friday",
        ),
        "undated": log(
            ledger,
            "Anna de Vries",
            "received",
            "talent",
            'a logo, "quoted"',
            "--promise",
            "--on",
            "2026-11-02",
            "--create",
        ),
        "money": log(
            ledger,
            "Anna de Vries",
            "gave",
            "money",
            "=sponsoring",
            "--amount",
            "1.250,50",
            "--promise",
            "--on",
            "2026-11-01",
            "--due",
            "2026-11-15",
            "--event",
            "Borrel",
            "--create",
        ),
        "kept": log(
            ledger,
            "Jan",
            "received",
            "knowledge",
            "the rules",
            "--promise",
            "--on",
            "2026-11-03",
            "--due",
            "2026-11-10",
        ),
        "dropped": log(
            ledger, "Jan", "gave", "talent", "a website", "--promise", "--due", "2026-12-31"
        ),
    }
    ok(ledger("keep", str(ids["kept"]), "--on", "2026-11-12"))
    ok(ledger("drop", str(ids["dropped"]), "--reason", "they hired someone"))
    return ids


def test_export_appends_status_and_due(run: Run) -> None:
    ids = build_promising_ledger(run)
    header = csv_header(ok(run("export")).stdout)
    # appended after the ten columns exports had before promises (later features append more)
    assert header[:12] == PROMISE_ENTRY_COLUMNS
    assert header[10:12] == ["status", "due"]
    rows = exported_by_id(run)
    states = {name: (rows[ids[name]]["status"], rows[ids[name]]["due"]) for name in ids}
    assert states == {
        "done": ("done", ""),
        "open": ("promised", "2026-11-27"),
        "undated": ("promised", ""),
        "money": ("promised", "2026-11-15"),
        "kept": ("done", "2026-11-10"),
        "dropped": ("dropped", "2026-12-31"),
    }
    assert rows[ids["kept"]]["date"] == "2026-11-12"
    records = json.loads(ok(run("export", "--format", "json")).stdout)
    assert [list(record)[:12] for record in records] == [PROMISE_ENTRY_COLUMNS] * len(ids)
    assert {r["id"]: (r["status"], r["due"]) for r in records}[ids["undated"]] == ("promised", None)


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_with_promises_imports_into_an_empty_ledger_exactly(
    run: Run, new_ledger: MakeLedger, tmp_path: Path, file_format: str
) -> None:
    source = on(run, new_ledger())
    build_promising_ledger(source)
    file = tmp_path / f"entries.{file_format}"
    file.write_bytes(ok(source("export", "--format", file_format)).stdout_bytes)

    target = on(run, new_ledger())
    result = ok(
        target("import", "entries", str(file), "--format", file_format, "--create-contacts")
    )
    assert result.stdout == ""
    for export_format in ("csv", "json"):
        before = ok(source("export", "--format", export_format)).stdout_bytes
        assert ok(target("export", "--format", export_format)).stdout_bytes == before
    assert listed(target) == listed(source)
    assert len(listed(target)) == 3
    for report in (("balance", "--format", "csv"), ("entries", "--format", "csv")):
        assert ok(target(*report)).stdout == ok(source(*report)).stdout
    again = ok(target("import", "entries", str(file), "--format", file_format))
    assert "Added 0" in words(again.stderr) or "already" in again.stderr
    assert ok(target("export")).stdout == ok(source("export")).stdout


def test_a_ten_column_csv_from_before_promises_still_imports_all_done(
    run: Run, new_ledger: MakeLedger, tmp_path: Path
) -> None:
    source = on(run, new_ledger())
    build_promising_ledger(source)
    rows = list(csv.reader(io.StringIO(ok(source("export")).stdout, newline="")))
    old = io.StringIO(newline="")
    csv.writer(old).writerows(row[:10] for row in rows)
    assert rows[0][:10] == FIRST_ENTRY_COLUMNS
    file = tmp_path / "old.csv"
    file.write_text(old.getvalue(), encoding="utf-8", newline="")

    target = on(run, new_ledger())
    ok(target("import", "entries", str(file), "--create-contacts"))
    imported = exported(target)
    assert [list(row.values())[:10] for row in imported] == [row[:10] for row in rows[1:]]
    assert {(row["status"], row["due"]) for row in imported} == {("done", "")}
    assert len(imported) == len(rows) - 1
    assert listed(target) == []
    assert sorted(entry_ids(target)) == sorted(int(row[0]) for row in rows[1:])


def test_ten_key_json_from_before_promises_still_imports_all_done(
    run: Run, new_ledger: MakeLedger, tmp_path: Path
) -> None:
    source = on(run, new_ledger())
    build_promising_ledger(source)
    records = json.loads(ok(source("export", "--format", "json")).stdout)
    old = [{key: record[key] for key in FIRST_ENTRY_COLUMNS} for record in records]
    file = tmp_path / "old.json"
    file.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")

    target = on(run, new_ledger())
    ok(target("import", "entries", str(file), "--format", "json", "--create-contacts"))
    imported = json.loads(ok(target("export", "--format", "json")).stdout)
    assert [{key: r[key] for key in FIRST_ENTRY_COLUMNS} for r in imported] == old
    assert {(r["status"], r["due"]) for r in imported} == {("done", None)}


def test_drop_needs_a_reason(jan: Run, mixed: dict[str, int], refused: Refused) -> None:
    refused(2, "drop", str(mixed["mine"]))
    refused(2, "drop", str(mixed["mine"]), "--reason", "   ")


def test_keep_and_drop_say_which_entry_in_one_sentence(jan: Run) -> None:
    """'Kept: entry 3: gave ...' read as two labels; one colon, as 'Logged entry 3: ...'."""
    kept = log(jan, "Jan", "gave", "talent", "a workshop", "--promise")
    dropped = log(jan, "Jan", "gave", "knowledge", "notes", "--promise")
    assert ok(jan("keep", str(kept))).stderr.startswith(f"Kept entry {kept}: gave talent")
    said = ok(jan("drop", str(dropped), "--reason", "no time")).stderr
    assert said.startswith(f"Dropped entry {dropped}: promised knowledge")
