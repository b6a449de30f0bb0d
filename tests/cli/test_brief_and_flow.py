"""`brief NAME`: one contact on one screen before a meeting, with suggestions; and `flow`:
where value has flowed over a stretch, per kind, per contact and per month."""

import json
import re
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from helpers import TODAY, LedgerUnderTest, Refused, Run, Templates, csv_header, log, ok, parse_csv

ZOE, BRAM, CHLOE = "Zoë Ødegaard", "Bram Bakker", "Chloé Martin"
KINDS = ["knowledge", "talent", "money", "access"]
MONTHLY_COLUMNS = ["month", "kind", "gave", "received"]
BRIEF_KEYS = [
    "contact", "every_days", "last_date", "days_since", "gave", "received", "net", "by_kind",
    "amount_gave", "amount_received", "monthly", "promises", "loops", "introductions", "recent",
    "suggestions", "introduction_matches",
]  # fmt: skip
FLOW_KEYS = [
    "since", "until", "by_kind", "amount_gave", "amount_received", "top_gave", "top_received",
    "monthly",
]  # fmt: skip
# the twelve months ending in TODAY's month (2026-11)
YEAR_OF_MONTHS = ["2025-12", *(f"2026-{month:02d}" for month in range(1, 12))]
SPARKS = set("▁▂▃▄▅▆▇█")
BAR_BLOCKS = set("█▐▕▏▎▍▌▋▊▉━")  # what Rich's Bar draws with
# a colour terminal, but one Rich must still detect as a pipe (whatever CI sets)
PIPE = {"TERM": "xterm-256color", "FORCE_COLOR": "", "TTY_COMPATIBLE": ""}
Cli = Callable[..., subprocess.CompletedProcess[str]]


# --- helpers ---------------------------------------------------------------------------------


def document(run: Run, *args: str) -> Any:
    return json.loads(ok(run(*args, "--format", "json")).stdout)


def entry_ids(run: Run) -> dict[str, int]:
    """Every entry's id, keyed by its (unique) description."""
    return {row["description"]: int(row["id"]) for row in parse_csv(ok(run("export")).stdout)}


def balance_sums(run: Run, *args: str) -> tuple[int, int]:
    """Total points given and received in `balance --format csv` with these filters."""
    rows = parse_csv(ok(run("balance", *args, "--format", "csv")).stdout)
    return sum(int(r["gave"]) for r in rows), sum(int(r["received"]) for r in rows)


def cell(monthly: list[dict[str, Any]], month: str, kind: str) -> tuple[int, int]:
    (found,) = [row for row in monthly if (row["month"], row["kind"]) == (month, kind)]
    return found["gave"], found["received"]


def lines_of(text: str) -> list[str]:
    return text.splitlines()


@pytest.fixture
def ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """Zoë Ødegaard (Gemeente Dordrecht; tag board; group Drechtsteden; every 365 days) with a
    year of entries both ways, and six more contacts for `flow` (TODAY is 2026-11-26).

    Zoë: gave knowledge 2 on 2025-11-15 (before the year of months), access 3 on 2026-03-10,
    knowledge 1 on 03-20, talent 1 on 06-01 answering her money 2 (€250) of 05-05; then she
    gave knowledge 1 on 07-01 and 2 on 09-15, both unanswered. My promise made 10-01 was due
    11-01 (overdue); hers, made 11-20, is due 12-15.
    """

    def build() -> None:
        ok(run("contact", "add", ZOE, "--alias", "Zoë", "--org", "Gemeente Dordrecht",
               "--tag", "board"))  # fmt: skip
        ok(run("contact", "edit", "Zoë", "--every", "1y"))
        ok(run("group", "add", "Drechtsteden"))
        ok(run("group", "join", "Drechtsteden", "Zoë"))
        log(run, "Zoë", "gave", "knowledge", "old notes", "--value", "2", "--on", "2025-11-15")
        log(run, "Zoë", "gave", "access", "intro to the alderman", "--value", "3",
            "--on", "2026-03-10")  # fmt: skip
        log(run, "Zoë", "gave", "knowledge", "subsidy tip", "--on", "2026-03-20")
        money = log(run, "Zoë", "received", "money", "sponsorship", "--value", "2",
                    "--amount", "250", "--on", "2026-05-05")  # fmt: skip
        log(run, "Zoë", "gave", "talent", "lent an engineer", "--answers", str(money),
            "--on", "2026-06-01")  # fmt: skip
        log(run, "Zoë", "received", "knowledge", "tender rules", "--on", "2026-07-01")
        log(run, "Zoë", "received", "knowledge", "heat study", "--value", "2",
            "--on", "2026-09-15")  # fmt: skip
        log(run, "Zoë", "gave", "knowledge", "send the report", "--promise",
            "--on", "2026-10-01", "--due", "2026-11-01")  # fmt: skip
        log(run, "Zoë", "received", "talent", "intro to the port", "--promise",
            "--on", "2026-11-20", "--due", "2026-12-15")  # fmt: skip
        for args in [
            (BRAM, "gave", "access", "bram g", "--value", "5", "--on", "2026-04-01"),
            (BRAM, "received", "knowledge", "bram r", "--on", "2026-04-02"),
            (CHLOE, "gave", "knowledge", "chloé g", "--value", "4", "--on", "2025-12-01"),
            (CHLOE, "received", "talent", "chloé r", "--value", "3", "--on", "2026-08-08"),
            ("Daan", "gave", "money", "daan g", "--value", "2", "--amount", "100",
             "--on", "2026-11-26"),
            ("Daan", "received", "access", "daan r", "--value", "4", "--on", "2026-10-10"),
            ("Eva", "gave", "talent", "eva g", "--on", "2026-02-14"),
            ("Eva", "received", "money", "eva r old", "--value", "5", "--amount", "1000",
             "--on", "2025-11-30"),
            ("Eva", "received", "knowledge", "eva r", "--on", "2026-01-05"),
            ("Fenna", "gave", "knowledge", "fenna g", "--value", "2", "--on", "2026-07-07"),
            ("Fenna", "received", "knowledge", "fenna r", "--value", "6", "--on", "2026-07-20"),
            ("Gijs", "gave", "access", "gijs g", "--value", "3", "--on", "2026-09-30"),
            ("Gijs", "received", "talent", "gijs r", "--value", "2", "--on", "2026-10-01"),
        ]:  # fmt: skip
            log(run, *args, "--create")

    templates.once("brief", db, build)
    return run


# --- brief --format json ---------------------------------------------------------------------


def test_brief_json_has_the_documented_keys_and_totals(ledger: Run) -> None:
    brief = document(ledger, "brief", "Zoë")
    assert list(brief) == BRIEF_KEYS
    assert brief["contact"] == {
        "name": ZOE,
        "organisation": "Gemeente Dordrecht",
        "email": None,
        "tags": ["board"],
        "aliases": ["Zoë"],
        "note": None,
        "needs": None,
        "offers": None,
        "groups": ["Drechtsteden"],
    }
    # last in touch: the promise made on 2026-11-20 counts, as it does for 'due'
    assert (brief["every_days"], brief["last_date"], brief["days_since"]) == (365, "2026-11-20", 6)
    # all time, done entries only: the promises do not count yet
    assert (brief["gave"], brief["received"], brief["net"]) == (7, 5, 2)
    assert brief["by_kind"] == {
        "knowledge": {"gave": 3, "received": 3, "net": 0},
        "talent": {"gave": 1, "received": 0, "net": 1},
        "money": {"gave": 0, "received": 2, "net": -2},
        "access": {"gave": 3, "received": 0, "net": 3},
    }
    assert (brief["amount_gave"], brief["amount_received"]) == (0, 250)
    assert brief["introductions"] == []


def test_brief_monthly_is_a_year_of_months_per_kind(ledger: Run) -> None:
    monthly = document(ledger, "brief", ZOE)["monthly"]
    assert len(monthly) == 48
    assert all(list(row) == MONTHLY_COLUMNS for row in monthly)
    assert [row["month"] for row in monthly] == [m for m in YEAR_OF_MONTHS for _ in KINDS]
    assert [row["kind"] for row in monthly] == KINDS * 12
    assert cell(monthly, "2026-03", "access") == (3, 0)
    assert cell(monthly, "2026-03", "knowledge") == (1, 0)
    assert cell(monthly, "2026-09", "knowledge") == (0, 2)
    assert cell(monthly, "2026-05", "money") == (0, 2)
    assert cell(monthly, "2026-10", "knowledge") == (0, 0)  # a promise is not a give yet
    # the give of 2025-11-15 lies before the year of months: only the totals hold it
    assert sum(row["gave"] for row in monthly) == 5


def test_brief_lists_promises_loops_and_the_last_five_entries(ledger: Run) -> None:
    ids = entry_ids(ledger)
    brief = document(ledger, "brief", "Zoë")
    promises = [(p["id"], p["direction"], p["overdue"]) for p in brief["promises"]]
    assert promises == [
        (ids["send the report"], "gave", True),
        (ids["intro to the port"], "received", False),
    ]
    # both ways, oldest first; the sponsorship is answered and the answer is no loop itself
    assert [loop["id"] for loop in brief["loops"]] == [
        ids[d] for d in ("old notes", "intro to the alderman", "subsidy tip", "tender rules",
                         "heat study")
    ]  # fmt: skip
    recent = brief["recent"]
    assert [row["description"] for row in recent] == [
        "subsidy tip", "sponsorship", "lent an engineer", "tender rules", "heat study",
    ]  # fmt: skip
    assert [row["date"] for row in recent] == sorted(row["date"] for row in recent)


def test_brief_suggestions(ledger: Run) -> None:
    ids = entry_ids(ledger)
    suggestions = document(ledger, "brief", ZOE)["suggestions"]
    assert all(isinstance(line, str) for line in suggestions)
    overdue = [line for line in suggestions if "overdue" in line]
    assert len(overdue) == 1
    assert "send the report" in overdue[0]
    assert "25 days overdue" in overdue[0]
    assert f"keep {ids['send the report']}" in overdue[0]
    unanswered = [line for line in suggestions if "--answers" in line]
    assert len(unanswered) == 1  # the oldest thing still owed
    assert f"--answers {ids['tender rules']}" in unanswered[0]
    assert "They gave you knowledge twice since you last gave anything." in suggestions
    assert not any("reminder" in line for line in suggestions)  # hers is not due yet
    assert suggestions.index(overdue[0]) == 0  # most pressing first


def test_brief_suggests_nothing_pressing_once_all_is_done(ledger: Run) -> None:
    ids = entry_ids(ledger)
    ok(ledger("keep", str(ids["send the report"])))  # a give, today: after both receives
    for got in ("tender rules", "heat study"):
        log(ledger, "Zoë", "gave", "knowledge", f"thanks for {got}", "--answers", str(ids[got]))
    suggestions = document(ledger, "brief", "Zoë")["suggestions"]
    assert not any("overdue" in line or "--answers" in line or "twice" in line
                   for line in suggestions), suggestions  # fmt: skip


def test_receiving_from_someone_you_never_gave_to_is_said_differently(run: Run) -> None:
    for on in ("2026-10-01", "2026-10-02", "2026-10-03"):
        log(run, "Jan", "received", "access", f"door {on}", "--on", on, "--create")
    suggestions = document(run, "brief", "Jan")["suggestions"]
    assert "They gave you access 3 times and you have given nothing yet." in suggestions


def test_brief_suggests_introductions_where_needs_and_offers_share_words(run: Run) -> None:
    """Issue #14: who to introduce them to, both ways, and why (the shared words)."""
    ok(run("contact", "add", ZOE, "--needs", "BBL-leerlingen", "--offers", "kennis van subsidies"))
    ok(run("contact", "add", BRAM, "--offers", "leerlingen en stageplekken"))
    ok(run("contact", "add", CHLOE, "--needs", "Subsidie voor zonnepanelen"))
    ok(run("contact", "add", "Dina Smit", "--offers", "kennis van de haven"))  # 'kennis' alone

    screen = " ".join(ok(run("brief", ZOE, COLUMNS="100", NO_COLOR="1", **PIPE)).stdout.split())
    assert f"{BRAM} offers what they need: leerlingen." in screen
    assert f"{CHLOE} needs what they offer: Subsidie." in screen  # as they typed it
    assert f'wederkerig intro "{ZOE}" "{BRAM}"' in screen
    assert "Dina" not in screen
    assert document(run, "brief", ZOE)["introduction_matches"] == [
        {"needer": ZOE, "offerer": BRAM, "words": ["leerlingen"]},
        {"needer": CHLOE, "offerer": ZOE, "words": ["Subsidie"]},
    ]
    assert document(run, "brief", "Dina Smit")["introduction_matches"] == []


def test_brief_of_an_unknown_contact_suggests_the_name(ledger: Run, refused: Refused) -> None:
    result = refused(1, "brief", "Zoe Odegaard")
    assert "Zoe Odegaard" in result.stderr
    assert f"Did you mean '{ZOE}'" in result.stderr


def test_brief_csv_is_the_year_of_months(ledger: Run) -> None:
    text = ok(ledger("brief", ZOE, "--format", "csv")).stdout
    assert csv_header(text) == MONTHLY_COLUMNS
    rows = parse_csv(text)
    assert len(rows) == 48
    assert rows[0] == {"month": "2025-12", "kind": "knowledge", "gave": "0", "received": "0"}
    assert {"month": "2026-03", "kind": "access", "gave": "3", "received": "0"} in rows


def test_brief_rhythm_agrees_with_due_on_when_you_were_last_in_touch(run: Run) -> None:
    """`due` counts any entry, a promise too, as being in touch; the brief's rhythm advice
    must not contradict it (a promise is made in a conversation)."""
    log(run, "Jan", "gave", "knowledge", "tip", "--on", "2026-09-01", "--create")
    ok(run("contact", "edit", "Jan", "--every", "30d"))
    log(run, "Jan", "gave", "talent", "a hand", "--promise", "--on", "2026-11-20",
        "--due", "2026-12-20")  # fmt: skip
    assert parse_csv(ok(run("due", "--format", "csv")).stdout) == []  # not due: in touch 11-20
    suggestions = document(run, "brief", "Jan")["suggestions"]
    assert not any("not been in touch" in line for line in suggestions), suggestions


# --- flow --format json ----------------------------------------------------------------------


def test_flow_defaults_to_the_last_twelve_months(ledger: Run) -> None:
    flow = document(ledger, "flow")
    assert list(flow) == FLOW_KEYS
    assert (flow["since"], flow["until"]) == ("2025-12-01", TODAY.isoformat())
    assert flow == document(ledger, "flow", "--since", "2025-12-01", "--until", "2026-11-26")
    assert flow["by_kind"] == {
        "knowledge": {"gave": 7, "received": 11, "net": -4},
        "talent": {"gave": 2, "received": 5, "net": -3},
        "money": {"gave": 2, "received": 2, "net": 0},
        "access": {"gave": 11, "received": 4, "net": 7},
    }
    assert (flow["amount_gave"], flow["amount_received"]) == (100, 250)  # not Eva's 11-30 €1000
    assert len(flow["monthly"]) == 48
    assert [row["month"] for row in flow["monthly"]][::4] == YEAR_OF_MONTHS


def test_flow_by_kind_adds_up_to_the_balance_over_the_same_period(ledger: Run) -> None:
    period = ("--since", "2025-12-01", "--until", "2026-11-26")
    by_kind = document(ledger, "flow")["by_kind"]
    gave = sum(tally["gave"] for tally in by_kind.values())
    received = sum(tally["received"] for tally in by_kind.values())
    assert (gave, received) == balance_sums(ledger, *period)
    for kind in KINDS:
        tally = by_kind[kind]
        assert (tally["gave"], tally["received"]) == balance_sums(ledger, *period, "--kind", kind)


def test_flow_top_contacts_are_five_at_most_by_points(ledger: Run) -> None:
    flow = document(ledger, "flow")
    balance = parse_csv(ok(ledger("balance", "--since", "2025-12-01", "--format", "csv")).stdout)
    for side, column in (("top_gave", "gave"), ("top_received", "received")):
        top = flow[side]
        assert len(top) == 5, side  # seven contacts each way
        points = [row["points"] for row in top]
        assert points == sorted(points, reverse=True), side
        expected = sorted((int(row[column]) for row in balance), reverse=True)[:5]
        assert points == expected, side
        per_contact = {row["contact"]: int(row[column]) for row in balance}
        assert all(per_contact[row["contact"]] == row["points"] for row in top), side
    assert [row["contact"] for row in flow["top_received"]] == ["Fenna", ZOE, "Daan", CHLOE, "Gijs"]


def test_flow_period_restricts_everything(ledger: Run) -> None:
    flow = document(ledger, "flow", "--period", "2026-Q3")
    assert (flow["since"], flow["until"]) == ("2026-07-01", "2026-09-30")
    assert flow["by_kind"] == {
        "knowledge": {"gave": 2, "received": 9, "net": -7},
        "talent": {"gave": 0, "received": 3, "net": -3},
        "money": {"gave": 0, "received": 0, "net": 0},
        "access": {"gave": 3, "received": 0, "net": 3},
    }
    assert flow["top_gave"] == [{"contact": "Gijs", "points": 3}, {"contact": "Fenna", "points": 2}]
    assert [row["points"] for row in flow["top_received"]] == [6, 3, 3]
    assert [row["month"] for row in flow["monthly"]] == [
        m for m in ("2026-07", "2026-08", "2026-09") for _ in KINDS
    ]
    assert cell(flow["monthly"], "2026-07", "knowledge") == (2, 7)
    assert (flow["amount_gave"], flow["amount_received"]) == (0, 0)


def test_flow_kind_restricts_to_one_kind(ledger: Run) -> None:
    flow = document(ledger, "flow", "--kind", "kennis")
    assert flow["by_kind"]["knowledge"] == {"gave": 7, "received": 11, "net": -4}
    for kind in ("talent", "money", "access"):
        assert flow["by_kind"][kind] == {"gave": 0, "received": 0, "net": 0}, kind
    assert all(
        (row["gave"], row["received"]) == (0, 0)
        for row in flow["monthly"]
        if row["kind"] != "knowledge"
    )
    assert [row["contact"] for row in flow["top_gave"]][:1] == [CHLOE]  # 4 knowledge points
    assert (flow["amount_gave"], flow["amount_received"]) == (0, 0)


def test_flow_until_alone_still_covers_that_day(ledger: Run) -> None:
    """Only --until: a stretch that ends there, never one that starts after it."""
    flow = document(ledger, "flow", "--until", "2025-11-30")
    assert flow["since"] <= flow["until"] == "2025-11-30"
    assert flow["by_kind"]["money"]["received"] == 5  # Eva's sponsorship of that day
    assert flow["amount_received"] == 1000


def test_flow_csv_is_twelve_months_of_four_kinds(ledger: Run) -> None:
    text = ok(ledger("flow", "--format", "csv")).stdout
    assert csv_header(text) == MONTHLY_COLUMNS
    rows = parse_csv(text)
    assert len(rows) == 12 * 4
    assert [(row["month"], row["kind"]) for row in rows] == [
        (month, kind) for month in YEAR_OF_MONTHS for kind in KINDS
    ]
    assert rows[0] == {"month": "2025-12", "kind": "knowledge", "gave": "4", "received": "0"}
    assert {"month": "2026-11", "kind": "money", "gave": "2", "received": "0"} in rows
    q3 = parse_csv(ok(ledger("flow", "--period", "2026-Q3", "--format", "csv")).stdout)
    assert len(q3) == 3 * 4


# --- the screens for people ------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 120])
def test_brief_screen_fits_and_shows_a_year_of_sparklines(ledger: Run, width: int) -> None:
    result = ok(ledger("brief", "Zoë", COLUMNS=str(width), NO_COLOR="1", **PIPE))
    out = result.stdout
    assert max(len(line) for line in lines_of(out)) <= width
    assert any(ZOE in line for line in lines_of(out)), out
    assert "Gemeente Dordrecht" in out
    assert "Drechtsteden" in out
    sparks = [line for line in lines_of(out) if SPARKS & set(line)]
    kinds_with_sparks = {line.split()[0] for line in sparks}
    assert set(KINDS) <= kinds_with_sparks, out
    access = next(line for line in sparks if line.startswith("access"))
    assert "▁▁▁█▁▁▁▁▁▁▁▁" in access  # given in March (the fourth month), the busiest cell
    assert "Suggestions" in out
    assert "twice since you last gave" in " ".join(out.split())
    assert "\x1b" not in out + result.stderr


@pytest.mark.parametrize("width", [80, 120])
def test_flow_screen_fits_and_draws_a_bar_per_month_and_side(ledger: Run, width: int) -> None:
    result = ok(ledger("flow", COLUMNS=str(width), NO_COLOR="1", **PIPE))
    out = result.stdout
    assert max(len(line) for line in lines_of(out)) <= width
    assert any(ZOE in line for line in lines_of(out)), out
    assert "Flow from 2025-12-01 to 2026-11-26" in out
    months = {line[:7]: line for line in lines_of(out) if re.match(r"\d{4}-\d{2}\s", line)}
    assert list(months) == YEAR_OF_MONTHS
    monthly = document(ledger, "flow")["monthly"]
    for month, line in months.items():
        gave = sum(row["gave"] for row in monthly if row["month"] == month)
        received = sum(row["received"] for row in monthly if row["month"] == month)
        bars = re.findall(f"[{''.join(sorted(BAR_BLOCKS))}]+", line)
        assert len(bars) == (gave > 0) + (received > 0), line  # a bar for each side that moved
        assert line.split()[-1] == str(received), line
    assert "\x1b" not in out + result.stderr


def test_screens_in_a_real_pipe_have_no_escape_sequences(ledger: Run, cli: Cli) -> None:
    for args in (("brief", ZOE), ("flow",)):
        done = cli(*args, env={**PIPE, "NO_COLOR": "1", "COLUMNS": "80"})
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stdout + done.stderr
        assert max(len(line) for line in lines_of(done.stdout)) <= 80
        assert any(ZOE in line for line in lines_of(done.stdout))
