"""Staying in touch: `contact edit --every`, `tag cadence`, `tag list`, and `due`, which lists
contacts past their cadence, overdue promises (mine first) and thanks owed for long, and is
silent for cron when nothing is due."""

import csv
import json
import re
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from helpers import (
    ENTRY_COLUMNS,
    TODAY,
    LedgerUnderTest,
    Refused,
    Run,
    Templates,
    csv_header,
    entry_row,
    log,
    ok,
    parse_csv,
)

DUE_COLUMNS = ["reason", "contact", "entry", "since", "due", "days_late", "detail"]
TAG_COLUMNS = ["name", "contacts", "every_days"]
# a colour terminal, but one Rich must still detect as a pipe (whatever CI sets)
PIPE = {"TERM": "xterm-256color", "FORCE_COLOR": "", "TTY_COMPATIBLE": ""}
Cli = Callable[..., subprocess.CompletedProcess[str]]


# --- helpers ---------------------------------------------------------------------------------


def due_rows(run: Run, *args: str, today: date = TODAY) -> list[dict[str, str]]:
    result = ok(run("due", *args, "--format", "csv", today=today))
    assert csv_header(result.stdout) == DUE_COLUMNS
    return parse_csv(result.stdout)


def due_table(run: Run, *args: str) -> list[tuple[str, ...]]:
    """The rows of ``due --format csv`` as tuples, in order."""
    return [tuple(row.values()) for row in due_rows(run, *args)]


def entry_id(run: Run, description: str) -> str:
    """The id of the one entry with this description, as the CSV writes it."""
    (row,) = [
        row for row in parse_csv(ok(run("export")).stdout) if row["description"] == description
    ]
    return row["id"]


def cadence_of(run: Run, contact: str) -> str | None:
    """What `contact show` says about staying in touch, if anything."""
    out = ok(run("contact", "show", contact)).stdout
    found = re.search(r"stay in touch every (\d+) days", out)
    return found[1] if found else None


def tags(run: Run) -> dict[str, dict[str, str]]:
    result = ok(run("tag", "list", "--format", "csv"))
    assert csv_header(result.stdout) == TAG_COLUMNS
    return {row["name"]: row for row in parse_csv(result.stdout)}


@pytest.fixture
def jan(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """The test's ledger, knowing only Jan (no cadence, nothing logged)."""

    def build() -> None:
        ok(run("contact", "add", "Jan"))

    templates.once("jan", db, build)
    return run


# --- a ledger with fixed dates ---------------------------------------------------------------


@pytest.fixture
def ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """Six contacts, every entry dated, so that on TODAY (2026-11-26) exactly some are due.

    Anna de Vries: her own 90 days; last gave 2026-08-01.
    Bram Bakker: tag drecht (30 days); received 2026-06-01 (never answered); then my promise
      made 2026-10-20 and due 2026-11-20, which also resets his clock.
    Chloé Martin: tag drecht, but her own 365 days wins; she gave 2026-02-01, answered 03-01.
    Daan: tags drecht (30) and board (60): the shorter applies; last gave 2026-10-10.
    Eva: no cadence; received 2026-10-20 and 2026-11-06; my promise made 11-03 due 11-13;
      hers made 11-01 due 11-15, another made 11-20 due 12-05; one without a due date.
    Fenna: her own 60 days; last gave 2026-10-01 (due 2026-11-30: within 14 days).
    """

    def build() -> None:
        ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
        ok(run("contact", "add", "Bram Bakker", "--alias", "Bram", "--tag", "drecht"))
        ok(run("contact", "add", "Chloé Martin", "--alias", "Chloé", "--tag", "drecht"))
        ok(run("contact", "add", "Daan", "--tag", "drecht", "--tag", "board"))
        ok(run("contact", "add", "Eva"))
        ok(run("contact", "add", "Fenna"))
        ok(run("contact", "edit", "Anna", "--every", "90d"))
        ok(run("contact", "edit", "Chloé", "--every", "1y"))
        ok(run("contact", "edit", "Fenna", "--every", "60 dagen"))
        ok(run("tag", "cadence", "drecht", "30d"))
        ok(run("tag", "cadence", "board", "60d"))
        log(run, "Anna", "gave", "knowledge", "anna tip", "--on", "2026-08-01")
        log(run, "Bram", "received", "talent", "bram engineer", "--on", "2026-06-01")
        log(run, "Bram", "gave", "access", "bram alderman", "--promise", "--on", "2026-10-20",
            "--due", "2026-11-20")  # fmt: skip
        got = log(run, "Chloé", "received", "knowledge", "chloé study", "--on", "2026-02-01")
        log(run, "Chloé", "gave", "access", "chloé thanks", "--on", "2026-03-01",
            "--answers", str(got))  # fmt: skip
        log(run, "Daan", "gave", "money", "daan sponsor", "--on", "2026-10-10")
        log(run, "Eva", "received", "knowledge", "eva report", "--on", "2026-10-20")
        log(run, "Eva", "received", "access", "eva intro", "--on", "2026-11-06")
        log(run, "Eva", "gave", "talent", "eva my promise", "--promise", "--on", "2026-11-03",
            "--due", "2026-11-13")  # fmt: skip
        log(run, "Eva", "received", "knowledge", "eva her promise", "--promise", "--on",
            "2026-11-01", "--due", "2026-11-15")  # fmt: skip
        log(run, "Eva", "received", "money", "eva her next promise", "--promise", "--on",
            "2026-11-20", "--due", "2026-12-05")  # fmt: skip
        log(run, "Eva", "gave", "knowledge", "eva someday", "--promise", "--on", "2026-11-02")
        log(run, "Fenna", "gave", "knowledge", "fenna tip", "--on", "2026-10-01")

    templates.once("due", db, build)
    return run


# --- contact edit --every --------------------------------------------------------------------


SPANS = [
    ("90d", 90), ("12w", 84), ("3m", 90), ("1y", 365), ("10 dagen", 10), ("2 weken", 14),
    ("6 maanden", 180), ("1 jaar", 365), ("45 days", 45), (" 3W ", 21),
]  # fmt: skip
BAD_SPANS = ["3x", "0d", "0w", "d", "90", "-5d", "ninety days", "100000d"]


def test_every_reads_spans_in_days_weeks_months_and_years(jan: Run) -> None:
    for span, days in SPANS:
        ok(jan("contact", "edit", "Jan", "--every", span))
        assert cadence_of(jan, "Jan") == str(days), span


def test_every_none_clears_the_cadence(jan: Run) -> None:
    assert cadence_of(jan, "Jan") is None
    ok(jan("contact", "edit", "Jan", "--every", "90d"))
    assert "stay in touch every 90 days" in ok(jan("contact", "show", "Jan")).stdout
    ok(jan("contact", "edit", "Jan", "--every", "none"))
    assert cadence_of(jan, "Jan") is None


def test_a_bad_span_is_refused_and_changes_nothing(jan: Run, refused: Refused) -> None:
    ok(jan("contact", "edit", "Jan", "--every", "30d"))
    for span in BAD_SPANS:
        result = refused(2, "contact", "edit", "Jan", "--every", span)
        assert span in result.stderr
        assert "90d" in result.stderr  # says how to write one
    assert cadence_of(jan, "Jan") == "30"


def test_a_bad_span_refuses_the_other_changes_too(jan: Run, refused: Refused) -> None:
    refused(2, "contact", "edit", "Jan", "--org", "Gemeente", "--every", "3x")
    assert "Gemeente" not in ok(jan("contact", "show", "Jan")).stdout


# --- tag cadence and tag list ----------------------------------------------------------------


def test_a_tag_cadence_applies_to_everyone_with_the_tag(run: Run) -> None:
    ok(run("contact", "add", "Jan", "--tag", "drecht"))
    ok(run("contact", "add", "Piet", "--tag", "Drecht"))
    ok(run("contact", "add", "Kees"))
    result = ok(run("tag", "cadence", "DRECHT", "30d"))
    assert result.stdout == ""
    assert "30 days" in result.stderr
    assert (cadence_of(run, "Jan"), cadence_of(run, "Piet"), cadence_of(run, "Kees")) == (
        "30",
        "30",
        None,
    )
    assert tags(run) == {"drecht": {"name": "drecht", "contacts": "2", "every_days": "30"}}


def test_a_contacts_own_cadence_wins_even_when_longer(ledger: Run) -> None:
    assert cadence_of(ledger, "Chloé") == "365"  # tagged drecht (30 days), her own is 365
    assert cadence_of(ledger, "Bram") == "30"
    assert "Chloé Martin" not in {row["contact"] for row in due_rows(ledger, "--within", "90d")}
    ok(ledger("contact", "edit", "Chloé", "--every", "none"))  # now the tag's 30 days apply
    (row,) = [row for row in due_rows(ledger) if row["contact"] == "Chloé Martin"]
    assert (row["since"], row["due"], row["days_late"]) == ("2026-03-01", "2026-03-31", "240")


def test_the_shortest_of_several_tags_applies(ledger: Run) -> None:
    assert cadence_of(ledger, "Daan") == "30"  # drecht 30, board 60
    ok(ledger("tag", "cadence", "board", "2w"))
    assert cadence_of(ledger, "Daan") == "14"
    ok(ledger("tag", "cadence", "board", "none"))
    ok(ledger("tag", "cadence", "drecht", "none"))
    assert cadence_of(ledger, "Daan") is None
    assert "Daan" not in {row["contact"] for row in due_rows(ledger)}


def test_tag_list_csv_has_every_tag_its_contacts_and_cadence(ledger: Run) -> None:
    assert tags(ledger) == {
        "board": {"name": "board", "contacts": "1", "every_days": "60"},
        "drecht": {"name": "drecht", "contacts": "3", "every_days": "30"},
    }
    ok(ledger("tag", "cadence", "board", "none"))
    assert tags(ledger)["board"]["every_days"] == ""
    table = ok(ledger("tag", "list")).stdout
    assert re.search(r"drecht\s+3\s+every 30 days", table), table


def test_an_unknown_tag_is_refused_naming_the_known_ones(ledger: Run, refused: Refused) -> None:
    result = refused(1, "tag", "cadence", "drechtsteden", "30d")
    assert "drechtsteden" in result.stderr
    assert "board, drecht" in result.stderr


def test_a_bad_tag_span_is_refused(ledger: Run, refused: Refused) -> None:
    result = refused(2, "tag", "cadence", "drecht", "0d")
    assert "0d" in result.stderr


# --- due: exactly what is listed, in order ---------------------------------------------------


def test_due_lists_cadence_then_promises_mine_first_then_unanswered_oldest_first(
    ledger: Run,
) -> None:
    eva_mine, eva_hers = entry_id(ledger, "eva my promise"), entry_id(ledger, "eva her promise")
    bram_mine, bram_got = entry_id(ledger, "bram alderman"), entry_id(ledger, "bram engineer")
    eva_got = entry_id(ledger, "eva report")
    assert due_table(ledger) == [
        ("cadence", "Anna de Vries", "", "2026-08-01", "2026-10-30", "27", "every 90 days"),
        ("cadence", "Daan", "", "2026-10-10", "2026-11-09", "17", "every 30 days"),
        ("cadence", "Bram Bakker", "", "2026-10-20", "2026-11-19", "7", "every 30 days"),
        ("my-promise", "Eva", eva_mine, "2026-11-03", "2026-11-13", "13", "eva my promise"),
        ("my-promise", "Bram Bakker", bram_mine, "2026-10-20", "2026-11-20", "6",
         "bram alderman"),
        ("their-promise", "Eva", eva_hers, "2026-11-01", "2026-11-15", "11", "eva her promise"),
        ("unanswered", "Bram Bakker", bram_got, "2026-06-01", "2026-07-01", "148",
         "bram engineer"),
        ("unanswered", "Eva", eva_got, "2026-10-20", "2026-11-19", "7", "eva report"),
    ]  # fmt: skip


def test_due_within_also_lists_what_falls_due_soon(ledger: Run) -> None:
    rows, today_only = due_table(ledger, "--within", "14d"), due_table(ledger)
    added = [row for row in rows if row not in today_only]
    assert added == [
        ("cadence", "Fenna", "", "2026-10-01", "2026-11-30", "-4", "every 60 days"),
        ("their-promise", "Eva", entry_id(ledger, "eva her next promise"), "2026-11-20",
         "2026-12-05", "-9", "eva her next promise"),
        ("unanswered", "Eva", entry_id(ledger, "eva intro"), "2026-11-06", "2026-12-06", "-10",
         "eva intro"),
    ]  # fmt: skip
    assert [row[0] for row in rows] == [
        "cadence", "cadence", "cadence", "cadence",
        "my-promise", "my-promise", "their-promise", "their-promise",
        "unanswered", "unanswered", "unanswered",
    ]  # fmt: skip
    assert rows[3][1] == "Fenna"  # the cadence rows stay ordered by due date
    assert "Chloé Martin" not in {row[1] for row in rows}  # within her cadence
    never = entry_id(ledger, "eva someday")  # a promise without a due date is never due
    assert never not in {row[2] for row in due_table(ledger, "--within", "1y")}


def test_within_speaks_weeks_and_dutch(ledger: Run) -> None:
    assert due_table(ledger, "--within", "2w") == due_table(ledger, "--within", "14 dagen")


@pytest.mark.parametrize("none_ahead", ["0", "0d", "0w", "0 weken"])
def test_within_zero_in_any_unit_is_today_only(ledger: Run, none_ahead: str) -> None:
    assert due_table(ledger, "--within", none_ahead) == due_table(ledger)


def test_within_that_is_no_stretch_of_time_is_refused(ledger: Run) -> None:
    result = ledger("due", "--within", "0x")
    assert result.exit_code == 2
    assert "--within '0x' is not a stretch of time" in result.stderr


def test_unanswered_after_sets_when_thanks_are_overdue(ledger: Run) -> None:
    def unanswered(*args: str) -> list[tuple[str, str, str]]:
        return [
            (row["contact"], row["since"], row["days_late"])
            for row in due_rows(ledger, *args)
            if row["reason"] == "unanswered"
        ]

    assert unanswered("--unanswered-after", "3w") == [
        ("Bram Bakker", "2026-06-01", "157"),
        ("Eva", "2026-10-20", "16"),
    ]
    assert unanswered("--unanswered-after", "60d") == [("Bram Bakker", "2026-06-01", "118")]
    assert unanswered("--unanswered-after", "19d") == [
        ("Bram Bakker", "2026-06-01", "159"),
        ("Eva", "2026-10-20", "18"),
        ("Eva", "2026-11-06", "1"),
    ]


def test_answering_takes_it_off_the_list(ledger: Run) -> None:
    got = entry_id(ledger, "eva report")
    assert got in {row["entry"] for row in due_rows(ledger)}
    log(ledger, "Eva", "gave", "knowledge", "thanks, here is mine", "--answers", got,
        "--on", "2026-11-25")  # fmt: skip
    assert got not in {row["entry"] for row in due_rows(ledger)}
    assert entry_id(ledger, "chloé study") not in {row["entry"] for row in due_rows(ledger)}


def test_keeping_or_dropping_a_promise_takes_it_off_the_list(ledger: Run) -> None:
    mine, hers = entry_id(ledger, "eva my promise"), entry_id(ledger, "eva her promise")
    ok(ledger("keep", mine))
    ok(ledger("drop", hers, "--reason", "no longer needed"))
    listed = {row["entry"] for row in due_rows(ledger)}
    assert mine not in listed
    assert hers not in listed


def test_json_has_the_same_rows_with_typed_values(ledger: Run) -> None:
    rows = json.loads(ok(ledger("due", "--format", "json")).stdout)
    assert [list(row) for row in rows] == [DUE_COLUMNS] * len(rows)
    assert rows[0] == {
        "reason": "cadence",
        "contact": "Anna de Vries",
        "entry": None,
        "since": "2026-08-01",
        "due": "2026-10-30",
        "days_late": 27,
        "detail": "every 90 days",
    }
    assert [(row["reason"], row["entry"]) for row in rows][3] == (
        "my-promise",
        int(entry_id(ledger, "eva my promise")),
    )
    assert len(rows) == len(due_rows(ledger))


def test_due_table_for_people(ledger: Run) -> None:
    out = ok(ledger("due", COLUMNS="120")).stdout
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 120
    assert re.search(r"get in touch\s+Anna de Vries\s+2026-08-01\s+27 d\s+every 90 days", out)
    assert re.search(r"say thanks\s+Bram Bakker\s+\d+\s+2026-06-01\s+148 d", out)
    narrow = ok(ledger("due", "--within", "14d", COLUMNS="60")).stdout  # Since gives way
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert re.search(r"get in touch\s+Fenna\s+in 4 d", narrow), narrow
    assert "\x1b" not in out + narrow


def test_due_table_shows_the_first_fifty_and_says_how_to_see_all(run: Run, tmp_path: Path) -> None:
    """A table past 50 rows took seconds (5 s for ~5,000 at 10k entries, issue #15) and no
    one reads it: the table shows the first 50 and says where the rest are."""
    rows = [
        entry_row(date=f"2026-01-{day % 28 + 1:02d}", contact="Anna", direction="received",
                  kind="knowledge", value="1", description=f"tip {day}", status="done")
        for day in range(60)
    ]  # fmt: skip
    source = tmp_path / "received.csv"
    with source.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([ENTRY_COLUMNS, *rows])
    ok(run("import", "entries", str(source), "--create-contacts"))
    assert len(due_rows(run)) == 60
    result = ok(run("due", COLUMNS="120"))
    assert result.stdout.count("say thanks") == 50
    assert result.stderr.strip() == (
        "Showing the first 50 things due; see them all with --format csv."
    )


# --- the clock: any entry resets it; due today counts ----------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        ("received", "money", "--value", "2"),
        ("gave", "knowledge", "--promise"),
        ("received", "access", "--promise", "--due", "2026-12-24"),
    ],
)
def test_any_entry_resets_the_clock(jan: Run, entry: tuple[str, ...]) -> None:
    ok(jan("contact", "edit", "Jan", "--every", "30d"))
    log(jan, "Jan", "gave", "knowledge", "old tip", "--on", "2026-09-01")
    assert [(r["contact"], r["since"], r["days_late"]) for r in due_rows(jan)] == [
        ("Jan", "2026-09-01", "56")
    ]
    log(jan, "Jan", *entry, "--on", "2026-11-20")
    assert [r for r in due_rows(jan) if r["reason"] == "cadence"] == []
    (row,) = [r for r in due_rows(jan, "--within", "30d") if r["reason"] == "cadence"]
    assert (row["since"], row["due"], row["days_late"]) == ("2026-11-20", "2026-12-20", "-24")


def test_a_dropped_promise_still_counts_as_being_in_touch(jan: Run) -> None:
    ok(jan("contact", "edit", "Jan", "--every", "30d"))
    log(jan, "Jan", "gave", "knowledge", "old tip", "--on", "2026-09-01")
    promised = log(jan, "Jan", "gave", "talent", "a hand", "--promise", "--on", "2026-11-01")
    ok(jan("drop", str(promised), "--reason", "they found someone"))
    (row,) = due_rows(jan, "--within", "30d")
    assert (row["reason"], row["since"], row["due"]) == ("cadence", "2026-11-01", "2026-12-01")


def test_what_falls_due_today_is_listed_as_zero_days_late(jan: Run) -> None:
    ok(jan("contact", "edit", "Jan", "--every", "4w"))
    log(jan, "Jan", "gave", "knowledge", "tip", "--on", (TODAY - timedelta(days=28)).isoformat())
    promised = log(jan, "Jan", "gave", "talent", "a hand", "--promise", "--on", "2026-10-29",
                   "--due", "today")  # fmt: skip
    assert due_table(jan) == [
        ("cadence", "Jan", "", "2026-10-29", "2026-11-26", "0", "every 28 days"),
        ("my-promise", "Jan", str(promised), "2026-10-29", "2026-11-26", "0", "a hand"),
    ]
    assert [row["days_late"] for row in due_rows(jan, today=TODAY - timedelta(days=1))] == []
    assert re.search(r"get in touch\s+Jan\s+.*today", ok(jan("due")).stdout)


def test_a_contact_with_nothing_logged_counts_from_the_day_they_were_added(run: Run) -> None:
    before = date.today()  # the day is stored with the contact: read, not patched
    ok(run("contact", "add", "Jan"))
    after = date.today()
    ok(run("contact", "edit", "Jan", "--every", "1w"))
    later = after + timedelta(days=10)
    (row,) = due_rows(run, today=later)
    assert row["since"] in {before.isoformat(), after.isoformat()}
    added = date.fromisoformat(row["since"])
    assert row["due"] == (added + timedelta(days=7)).isoformat()
    assert row["days_late"] == str((later - added).days - 7)
    assert row["detail"] == "every 7 days (nothing logged yet)"
    assert (row["reason"], row["contact"], row["entry"]) == ("cadence", "Jan", "")


# --- cron: silence means nothing is due ------------------------------------------------------


@pytest.fixture
def quiet_ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """Nothing due on TODAY: in touch within cadence, a promise due later, a fresh receive."""

    def build() -> None:
        ok(run("contact", "add", "Jan", "--tag", "drecht"))
        ok(run("tag", "cadence", "drecht", "30d"))
        log(run, "Jan", "received", "knowledge", "fresh tip", "--on", "2026-11-20")
        log(run, "Jan", "gave", "talent", "a hand", "--promise", "--due", "2026-12-01")

    templates.once("quiet", db, build)
    return run


def test_quiet_with_nothing_due_prints_nothing_at_all(quiet_ledger: Run) -> None:
    for args in (("--quiet",), ("-q",), ("--quiet", "--format", "csv"),
                 ("--quiet", "--format", "json")):  # fmt: skip
        result = quiet_ledger("due", *args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", ""), args


def test_without_quiet_nothing_due_says_so_on_stderr(quiet_ledger: Run) -> None:
    result = quiet_ledger("due")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "Nothing is due.\n")
    csv_out = ok(quiet_ledger("due", "--format", "csv"))
    assert csv_out.stdout.splitlines() == [",".join(DUE_COLUMNS)]
    assert ok(quiet_ledger("due", "--format", "json")).stdout.strip() == "[]"


def test_quiet_still_prints_what_is_due_and_exits_0(quiet_ledger: Run) -> None:
    result = ok(quiet_ledger("due", "--quiet", "--within", "5d"))
    assert re.search(r"your promise\s+Jan", result.stdout), result.stdout
    assert result.stderr == ""
    rows = due_rows(quiet_ledger, "--quiet", "--within", "5d")
    assert [(r["reason"], r["days_late"]) for r in rows] == [("my-promise", "-5")]


def test_cron_contract_through_the_installed_executable(
    jan: Run, cli: Cli, db: LedgerUnderTest
) -> None:
    """The real process, on the real today: exact bytes on stdout and stderr, and exit 0."""
    today = date.today()  # what the process will take for today (set up in-process, faster)
    ok(jan("contact", "edit", "Jan", "--every", "30d"))
    log(jan, "Jan", "received", "knowledge", "fresh tip", "--on", "2 days ago", today=today)
    log(jan, "Jan", "gave", "talent", "a hand", "--promise", "--due", "in 5 days", today=today)

    quiet = cli("due", "--quiet", env=PIPE)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    told = cli("due", env=PIPE)
    assert (told.returncode, told.stdout, told.stderr) == (0, "", "Nothing is due.\n")

    before = db.snapshot()
    something = cli("due", "--quiet", "--within", "1w", "--format", "csv", env=PIPE)
    assert (something.returncode, something.stderr) == (0, "")
    rows = parse_csv(something.stdout)
    assert [(r["reason"], r["contact"], r["days_late"]) for r in rows] == [
        ("my-promise", "Jan", "-5")
    ]
    assert db.snapshot() == before  # due only reads


@pytest.mark.parametrize(("option", "span"), [("--within", "3x"), ("--unanswered-after", "0d")])
def test_a_bad_due_span_is_refused(ledger: Run, refused: Refused, option: str, span: str) -> None:
    result = refused(2, "due", option, span)
    assert option in result.stderr
    assert span in result.stderr


# --- the day a contact was added is the user's day, not UTC's --------------------------------


def test_the_day_a_contact_was_added_is_the_local_day(run: Run, cli: Cli) -> None:
    """Today is the computer's local date (docs/concepts.md), so a contact added today and
    due every 30 days is due in 30 days, in every time zone. UTC+14 and UTC-12 are 26 hours
    apart: whatever the hour, the UTC date differs from the local date in one of them."""
    ok(run("contact", "add", "Jan"))
    ok(run("contact", "edit", "Jan", "--every", "30d"))
    for zone, hours in (("<+14>-14", 14), ("<-12>+12", -12)):
        listed = cli("due", "--within", "30d", "--format", "csv", env={**PIPE, "TZ": zone})
        today = datetime.now(timezone(timedelta(hours=hours))).date()  # the process's today
        assert listed.returncode == 0, listed.stderr
        (row,) = parse_csv(listed.stdout)
        assert (row["since"], row["days_late"]) == (today.isoformat(), "-30"), zone
