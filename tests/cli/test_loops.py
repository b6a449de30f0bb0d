"""Open loops: `log --answers ID` links an entry to the one it answers, and `loops` lists what
was received (with --both, also given) and not answered yet, oldest first, with its age."""

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import TODAY, MakeLedger, NewLedger, Refused, Run, csv_header, log, ok, on, parse_csv

LOOP_COLUMNS = ["id", "date", "contact", "direction", "kind", "value", "description", "age_days"]
ANNA, BRAM = "Anna de Vries", "Bram Bakker"
ROW = re.compile(r"^\s*(\d+)\s+(\d{4}-\d{2}-\d{2})\s")  # a row of the loops table


# --- helpers ---------------------------------------------------------------------------------


def days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def loops_json(run: Run, *args: str, today: date = TODAY) -> list[dict[str, Any]]:
    result = ok(run("loops", *args, "--format", "json", today=today))
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


def loop_ids(run: Run, *args: str, today: date = TODAY) -> list[int]:
    return [record["id"] for record in loops_json(run, *args, today=today)]


def exported_by_id(run: Run) -> dict[int, dict[str, str]]:
    return {int(row["id"]): row for row in parse_csv(ok(run("export")).stdout)}


def table_ids(stdout: str) -> list[int]:
    """The ids of the rows of a loops table, top to bottom."""
    return [int(match[1]) for line in stdout.splitlines() if (match := ROW.match(line))]


@pytest.fixture
def ledger(run: Run) -> Run:
    """The test's ledger, knowing Anna de Vries (alias Anna) and Bram Bakker (alias Bram)."""
    ok(run("contact", "add", ANNA, "--alias", "Anna"))
    ok(run("contact", "add", BRAM, "--alias", "Bram"))
    return run


# --- a loop opens, and an answer closes it ---------------------------------------------------


def test_a_received_entry_is_an_open_loop_with_its_age_from_today(ledger: Run) -> None:
    got = log(ledger, "Anna", "received", "access", "Introduced me to the fund", "--value", "3",
              "--on", "2026-10-14")  # fmt: skip
    assert loops_json(ledger) == [
        {
            "id": got,
            "date": "2026-10-14",
            "contact": ANNA,
            "direction": "received",
            "kind": "access",
            "value": 3,
            "description": "Introduced me to the fund",
            "age_days": 43,
        }
    ]
    later = TODAY + timedelta(days=30)
    assert [r["age_days"] for r in loops_json(ledger, today=later)] == [73]

    table = ok(ledger("loops"))
    assert table_ids(table.stdout) == [got]
    row = next(line for line in table.stdout.splitlines() if ROW.match(line))
    assert row.rstrip().endswith("43 d"), row
    assert "--answers ID" in table.stdout  # how to close one

    fresh = log(ledger, "Bram", "received", "talent", "Lent his engineer")  # dated today
    assert [(r["id"], r["age_days"]) for r in loops_json(ledger)] == [(got, 43), (fresh, 0)]


def test_a_give_with_answers_closes_the_loop_and_loops_stops_listing_it(ledger: Run) -> None:
    got = log(ledger, "Anna", "received", "access", "intro", "--on", days_ago(40))
    other = log(ledger, "Bram", "received", "talent", "engineer", "--on", days_ago(20))
    assert loop_ids(ledger) == [got, other]

    answer = log(ledger, "Anna", "gave", "knowledge", "Draft, for her comments", "--answers",
                 str(got))  # fmt: skip
    assert loop_ids(ledger) == [other]
    assert loop_ids(ledger, "--both") == [other]  # an answer is never an open loop itself
    assert exported_by_id(ledger)[answer]["answers"] == str(got)

    log(ledger, "Bram", "gave", "money", "--answers", str(other))
    assert loop_ids(ledger) == []
    assert loop_ids(ledger, "--both") == []
    empty = ok(ledger("loops"))
    assert empty.stdout == ""
    assert empty.stderr.strip() == "No open loops."


def test_an_answer_with_another_contact_closes_the_loop_all_the_same(ledger: Run) -> None:
    got = log(ledger, "Bram", "received", "talent", "engineer", "--on", days_ago(5))
    log(ledger, "Anna", "gave", "access", "passed it on", "--answers", str(got))
    assert loop_ids(ledger) == []
    assert loop_ids(ledger, "--both") == []


def test_a_received_entry_that_answers_my_give_is_not_an_open_loop(ledger: Run) -> None:
    gave = log(ledger, "Anna", "gave", "money", "Co-funded the evening", "--on", days_ago(100))
    thanks = log(ledger, "Anna", "received", "knowledge", "Her notes, as thanks", "--answers",
                 str(gave))  # fmt: skip
    assert loop_ids(ledger) == []
    assert loop_ids(ledger, "--both") == []
    assert exported_by_id(ledger)[thanks]["answers"] == str(gave)


def test_both_adds_unanswered_gives_and_a_receive_answering_one_closes_it(ledger: Run) -> None:
    first_give = log(ledger, "Anna", "gave", "access", "Introduced her", "--on", days_ago(300))
    got = log(ledger, "Bram", "received", "talent", "engineer", "--on", days_ago(150))
    second_give = log(ledger, "Bram", "gave", "knowledge", "A tip", "--on", days_ago(1))
    assert loop_ids(ledger) == [got]  # by default only what I owe
    both = loops_json(ledger, "--both")
    assert [(r["id"], r["direction"], r["age_days"]) for r in both] == [
        (first_give, "gave", 300),
        (got, "received", 150),
        (second_give, "gave", 1),
    ]

    log(ledger, "Anna", "received", "knowledge", "Thanks", "--answers", str(first_give))
    assert loop_ids(ledger, "--both") == [got, second_give]
    assert loop_ids(ledger) == [got]


def test_a_promised_answer_closes_the_loop_only_once_kept(ledger: Run) -> None:
    got = log(ledger, "Anna", "received", "money", "Sponsorship", "--on", days_ago(150))
    promise = log(ledger, "Anna", "gave", "access", "Intro to the jury", "--promise", "--due",
                  (TODAY + timedelta(days=14)).isoformat(), "--answers", str(got))  # fmt: skip
    assert loop_ids(ledger) == [got]
    assert loop_ids(ledger, "--both") == [got]  # an open promise is not a loop either

    kept_on = TODAY + timedelta(days=3)
    ok(ledger("keep", str(promise), today=kept_on))
    assert loop_ids(ledger, today=kept_on) == []
    assert loop_ids(ledger, "--both", today=kept_on) == []
    row = exported_by_id(ledger)[promise]
    assert (row["status"], row["answers"]) == ("done", str(got))


def test_a_dropped_promise_never_closes_a_loop(ledger: Run) -> None:
    got = log(ledger, "Anna", "received", "money", "Sponsorship", "--on", days_ago(10))
    promise = log(ledger, "Anna", "gave", "access", "Intro", "--promise", "--answers", str(got))
    ok(ledger("drop", str(promise), "--reason", "the jury is full"))
    assert loop_ids(ledger) == [got]
    assert loop_ids(ledger, "--both") == [got]


# --- what --answers refuses ------------------------------------------------------------------


@pytest.mark.parametrize("direction", ["gave", "received"])
def test_answers_to_an_entry_of_the_same_direction_is_refused(
    ledger: Run, refused: Refused, direction: str
) -> None:
    earlier = log(ledger, "Anna", direction, "knowledge", "first", "--on", days_ago(3))
    result = refused(2, "log", "Anna", direction, "knowledge", "Reply", "--answers", str(earlier))
    assert "other way" in result.stderr
    assert loop_ids(ledger, "--both") == [earlier]


def test_answers_to_an_unknown_entry_is_refused(ledger: Run, refused: Refused) -> None:
    log(ledger, "Anna", "received", "knowledge", "first")
    result = refused(1, "log", "Anna", "gave", "knowledge", "Reply", "--answers", "99")
    assert "99" in result.stderr
    # nothing is created on the way: not the contact --create would add
    refused(1, "log", "Carla Nieuw", "gave", "knowledge", "--create", "--answers", "99")
    assert "Carla" not in ok(ledger("contact", "list", "--format", "csv")).stdout


def test_answers_to_a_dropped_promise_is_refused(ledger: Run, refused: Refused) -> None:
    promise = log(ledger, "Anna", "received", "talent", "Her engineer", "--promise")
    ok(ledger("drop", str(promise), "--reason", "no longer needed"))
    result = refused(1, "log", "Anna", "gave", "knowledge", "Thanks", "--answers", str(promise))
    assert "dropped" in result.stderr


def test_edit_answers_links_an_existing_give_and_none_unlinks_it(ledger: Run) -> None:
    """An answer logged without --answers can be linked afterwards, and the link undone."""
    got = log(ledger, "Anna", "received", "knowledge", "Advice", "--on", days_ago(10))
    thanks = log(ledger, "Anna", "gave", "talent", "Helped her move", "--on", days_ago(2))
    assert loop_ids(ledger) == [got]

    linked = ok(ledger("edit", str(thanks), "--answers", str(got)))
    assert f"answering entry {got}" in linked.stderr.splitlines()[-1]
    assert loop_ids(ledger) == []
    assert exported_by_id(ledger)[thanks]["answers"] == str(got)

    ok(ledger("edit", str(thanks), "--answers", "none"))
    assert loop_ids(ledger) == [got]
    assert exported_by_id(ledger)[thanks]["answers"] == ""


@pytest.mark.parametrize(
    ("answers", "code", "says"),
    [
        ("self", 2, "itself"),
        ("same-way", 2, "other way"),
        ("99", 1, "99"),
        ("x", 2, "not an entry id"),
    ],
)
def test_edit_answers_is_refused_like_log_answers(
    ledger: Run, refused: Refused, answers: str, code: int, says: str
) -> None:
    gave = log(ledger, "Anna", "gave", "knowledge", "A tip")
    other_give = log(ledger, "Bram", "gave", "talent", "A hand")
    target = {"self": str(gave), "same-way": str(other_give)}.get(answers, answers)
    result = refused(code, "edit", str(gave), "--answers", target)
    assert says in result.stderr
    assert exported_by_id(ledger)[gave]["answers"] == ""


def test_loops_for_an_unknown_contact_is_refused(ledger: Run, refused: Refused) -> None:
    log(ledger, "Anna", "received", "knowledge", "first")
    refused(1, "loops", "Nobody")


# --- order, contact, formats, long lists -----------------------------------------------------


def test_loops_are_listed_oldest_first(ledger: Run) -> None:
    logged = {}  # days ago → id, logged out of date order
    for days, contact in [(10, "Anna"), (300, "Bram"), (43, "Anna"), (150, "Bram"), (1, "Anna")]:
        logged[days] = log(ledger, contact, "received", "talent", f"{days} days", "--on",
                           days_ago(days))  # fmt: skip
    same_day = log(ledger, "Bram", "received", "money", "also 43 days", "--on", days_ago(43))
    expected = [logged[300], logged[150], logged[43], same_day, logged[10], logged[1]]

    records = loops_json(ledger)
    assert [r["id"] for r in records] == expected
    assert [r["age_days"] for r in records] == [300, 150, 43, 43, 10, 1]
    assert table_ids(ok(ledger("loops")).stdout) == expected
    csv_ids = [int(r["id"]) for r in parse_csv(ok(ledger("loops", "--format", "csv")).stdout)]
    assert csv_ids == expected


def test_loops_of_one_contact_by_name_or_alias(ledger: Run) -> None:
    anna_got = log(ledger, "Anna", "received", "access", "intro", "--on", days_ago(30))
    bram_got = log(ledger, "Bram", "received", "talent", "engineer", "--on", days_ago(20))
    anna_gave = log(ledger, "Anna", "gave", "knowledge", "tip", "--on", days_ago(10))
    bram_gave = log(ledger, "Bram", "gave", "knowledge", "tip", "--on", days_ago(5))

    for name in ("Anna", ANNA, "anna de vries"):
        assert loop_ids(ledger, name) == [anna_got]
        assert loop_ids(ledger, name, "--both") == [anna_got, anna_gave]
    assert loop_ids(ledger, "Bram") == [bram_got]
    assert loop_ids(ledger, BRAM, "--both") == [bram_got, bram_gave]
    assert table_ids(ok(ledger("loops", "Anna")).stdout) == [anna_got]
    assert {r["contact"] for r in loops_json(ledger, "Anna", "--both")} == {ANNA}

    log(ledger, "Anna", "gave", "talent", "--answers", str(anna_got))
    assert loop_ids(ledger, "Anna") == []
    none = ok(ledger("loops", "Anna"))
    assert (none.stdout, none.stderr.strip()) == ("", "No open loops.")
    assert loop_ids(ledger, "Bram") == [bram_got]


@pytest.mark.parametrize("both", [(), ("--both",)])
def test_csv_and_json_have_exactly_the_loop_columns(ledger: Run, both: tuple[str, ...]) -> None:
    got = log(ledger, "Anna", "received", "money", 'A "quoted", comma', "--value", "4",
              "--on", "2026-06-29")  # fmt: skip
    gave = log(ledger, "Bram", "gave", "knowledge", "Tip:\nthe deadline", "--on", "2026-11-25")

    text = ok(ledger("loops", *both, "--format", "csv")).stdout
    assert csv_header(text) == LOOP_COLUMNS
    rows = parse_csv(text)
    expected = [[str(got), "2026-06-29", ANNA, "received", "money", "4", 'A "quoted", comma',
                 "150"]]  # fmt: skip
    if both:
        expected.append([str(gave), "2026-11-25", BRAM, "gave", "knowledge", "1",
                         "Tip:\nthe deadline", "1"])  # fmt: skip
    assert [[row[column] for column in LOOP_COLUMNS] for row in rows] == expected

    records = loops_json(ledger, *both)
    assert [list(record) for record in records] == [LOOP_COLUMNS] * len(expected)
    assert [[str(record[c]) for c in LOOP_COLUMNS] for record in records] == expected
    assert all(isinstance(record[c], int) for record in records for c in ("id", "value"))
    assert all(isinstance(record["age_days"], int) for record in records)


def test_no_loops_in_csv_and_json_is_a_header_and_an_empty_list(ledger: Run) -> None:
    log(ledger, "Anna", "gave", "knowledge", "tip")
    assert csv_header(ok(ledger("loops", "--format", "csv")).stdout) == LOOP_COLUMNS
    assert parse_csv(ok(ledger("loops", "--format", "csv")).stdout) == []
    assert loops_json(ledger) == []


def test_more_than_fifty_loops_the_table_shows_fifty_and_csv_all(ledger: Run) -> None:
    ids = [
        log(ledger, "Anna", "received", "knowledge", f"r{n}", "--on", days_ago(100 - n))
        for n in range(55)
    ]  # oldest first
    table = ok(ledger("loops"))
    assert table_ids(table.stdout) == ids[:50]
    assert "50" in table.stderr
    assert "csv" in table.stderr
    assert [int(r["id"]) for r in parse_csv(ok(ledger("loops", "--format", "csv")).stdout)] == ids
    assert loop_ids(ledger) == ids

    for answered in ids[:5]:  # fifty left: all shown, nothing said about the rest
        log(ledger, "Anna", "gave", "talent", "--answers", str(answered))
    exactly_fifty = ok(ledger("loops"))
    assert table_ids(exactly_fifty.stdout) == ids[5:]
    assert exactly_fifty.stderr == ""


# --- removing entries ------------------------------------------------------------------------


def test_removing_the_answer_reopens_the_loop(ledger: Run) -> None:
    got = log(ledger, "Anna", "received", "access", "intro", "--on", days_ago(84))
    first = log(ledger, "Anna", "gave", "knowledge", "draft", "--answers", str(got))
    second = log(ledger, "Bram", "gave", "talent", "help", "--answers", str(got))
    assert loop_ids(ledger) == []

    ok(ledger("rm", str(first)))  # several answers: one left still closes it
    assert loop_ids(ledger) == []
    ok(ledger("rm", str(second)))
    assert loop_ids(ledger) == [got]
    assert loops_json(ledger)[0]["age_days"] == 84


def test_removing_the_answered_entry_leaves_the_answer_as_an_ordinary_entry(ledger: Run) -> None:
    gave = log(ledger, "Anna", "gave", "money", "Co-funded the evening", "--on", days_ago(100))
    thanks = log(ledger, "Anna", "received", "knowledge", "Her notes", "--on", days_ago(2),
                 "--answers", str(gave))  # fmt: skip
    got = log(ledger, "Bram", "received", "talent", "engineer", "--on", days_ago(50))
    answer = log(ledger, "Bram", "gave", "access", "intro", "--answers", str(got))
    assert loop_ids(ledger, "--both") == []

    ok(ledger("rm", str(gave)))
    rows = exported_by_id(ledger)
    assert rows[thanks]["answers"] == ""  # the link is cleared, the entry stays
    assert rows[answer]["answers"] == str(got)
    assert loop_ids(ledger) == [thanks]  # now something received and not answered

    ok(ledger("rm", str(got)))
    assert exported_by_id(ledger)[answer]["answers"] == ""
    assert loop_ids(ledger, "--both") == [thanks, answer]


# --- export and import -----------------------------------------------------------------------


def build_linked_ledger(run: Run) -> dict[str, int]:
    """Entries with every kind of link: a give answering a receive, thanks for a give, a kept
    and a dropped promise answering, an answer whose answered entry was removed."""
    ok(run("contact", "add", ANNA, "--alias", "Anna"))
    ok(run("contact", "add", BRAM))
    ids = {
        "got": log(run, "Anna", "received", "access", "intro", "--on", days_ago(84)),
        "gave": log(run, BRAM, "gave", "money", "evening", "--amount", "250", "--on",
                    days_ago(100)),
        "open": log(run, BRAM, "received", "talent", "engineer", "--on", days_ago(10)),
        "sponsor": log(run, "Anna", "received", "money", "sponsorship", "--on", days_ago(150)),
        "gone": log(run, "Anna", "received", "knowledge", "to be removed", "--on", days_ago(7)),
    }  # fmt: skip
    ids["answer"] = log(run, "Anna", "gave", "knowledge", "draft, for comments", "--answers",
                        str(ids["got"]))  # fmt: skip
    ids["thanks"] = log(run, BRAM, "received", "knowledge", "notes", "--on", days_ago(3),
                        "--answers", str(ids["gave"]))  # fmt: skip
    ids["kept"] = log(run, "Anna", "gave", "access", "jury", "--promise", "--answers",
                      str(ids["sponsor"]), today=TODAY - timedelta(days=5))  # fmt: skip
    ok(run("keep", str(ids["kept"]), "--on", days_ago(1)))
    ids["dropped"] = log(run, BRAM, "gave", "talent", "help", "--promise", "--answers",
                         str(ids["open"]))  # fmt: skip
    ok(run("drop", str(ids["dropped"]), "--reason", "he found someone"))
    ids["orphan"] = log(run, "Anna", "gave", "talent", "reply", "--answers", str(ids["gone"]))
    ok(run("rm", str(ids["gone"])))
    return ids


def test_export_has_the_answers_column_after_due(run: Run, new_ledger: MakeLedger) -> None:
    source = on(run, new_ledger())
    ids = build_linked_ledger(source)
    text = ok(source("export")).stdout
    assert csv_header(text)[11:13] == ["due", "answers"]
    assert csv_header(ok(source("entries", "--format", "csv")).stdout)[12] == "answers"
    links = {int(row["id"]): row["answers"] for row in parse_csv(text)}
    assert links == {
        ids["got"]: "",
        ids["gave"]: "",
        ids["open"]: "",
        ids["sponsor"]: "",
        ids["answer"]: str(ids["got"]),
        ids["thanks"]: str(ids["gave"]),
        ids["kept"]: str(ids["sponsor"]),
        ids["dropped"]: str(ids["open"]),
        ids["orphan"]: "",
    }

    records = json.loads(ok(source("export", "--format", "json")).stdout)
    assert all(list(record)[12] == "answers" for record in records)
    assert {r["id"]: r["answers"] for r in records} == {
        key: int(value) if value else None for key, value in links.items()
    }
    assert loop_ids(source, "--both") == [ids["open"], ids["orphan"]]


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_then_import_into_an_empty_ledger_keeps_the_links(
    run: Run, new_ledger: MakeLedger, tmp_path: Path, file_format: str
) -> None:
    source = on(run, new_ledger())
    build_linked_ledger(source)
    exported = ok(source("export", "--format", file_format)).stdout_bytes
    file = tmp_path / f"entries.{file_format}"
    file.write_bytes(exported)

    target = on(run, new_ledger())
    result = ok(
        target("import", "entries", str(file), "--format", file_format, "--create-contacts")
    )
    assert "left out" not in result.stderr
    for export_format in ("csv", "json"):
        before = ok(source("export", "--format", export_format)).stdout_bytes
        assert ok(target("export", "--format", export_format)).stdout_bytes == before
    for args in ((), ("--both",)):
        assert loops_json(target, *args) == loops_json(source, *args)


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_import_into_a_ledger_with_entries_leaves_the_links_out_and_says_so(
    run: Run, new_ledger: MakeLedger, tmp_path: Path, file_format: str
) -> None:
    source = on(run, new_ledger())
    ids = build_linked_ledger(source)
    file = tmp_path / f"entries.{file_format}"
    file.write_bytes(ok(source("export", "--format", file_format)).stdout_bytes)
    links = sum(1 for row in parse_csv(ok(source("export")).stdout) if row["answers"])
    assert links == 4

    target = on(run, new_ledger())
    mine = log(target, "Carla Nieuw", "received", "knowledge", "hers", "--create", "--on",
               days_ago(60))  # fmt: skip
    result = ok(
        target("import", "entries", str(file), "--format", file_format, "--create-contacts")
    )
    assert result.stdout == ""
    left_out = re.search(r"(\d+) 'answers' links? left out", result.stderr)
    assert left_out, result.stderr
    assert int(left_out[1]) == links

    rows = parse_csv(ok(target("export")).stdout)
    assert len(rows) == len(ids)  # one was removed before the export, and Carla's is added
    assert [row["answers"] for row in rows] == [""] * len(rows)  # no link added
    # every imported entry that is done now waits for an answer
    done = sorted((row["date"], int(row["id"])) for row in rows if row["status"] == "done")
    assert loop_ids(target, "--both") == [entry_id for _, entry_id in done]
    assert mine in loop_ids(target)


def test_a_listing_of_one_contact_imported_into_an_empty_ledger_keeps_its_links(
    run: Run, new_ledger: MakeLedger, tmp_path: Path
) -> None:
    """`entries NAME --format csv` writes the export's columns; an answer in it may point at an
    entry of another contact, which the file lacks. Its ids are kept (the ledger is empty), so
    the link inside the file is kept, and the one pointing outside cannot be."""
    source = on(run, new_ledger())
    ok(source("contact", "add", ANNA))
    ok(source("contact", "add", BRAM))
    got = log(source, ANNA, "received", "access", "intro", "--on", days_ago(40))
    inside = log(source, ANNA, "gave", "knowledge", "draft", "--answers", str(got))
    bram_got = log(source, BRAM, "received", "talent", "engineer", "--on", days_ago(30))
    outside = log(source, ANNA, "gave", "talent", "passed on", "--answers", str(bram_got))
    file = tmp_path / "anna.csv"
    file.write_bytes(ok(source("entries", ANNA, "--format", "csv")).stdout_bytes)

    target = on(run, new_ledger())
    ok(target("import", "entries", str(file), "--create-contacts"))
    links = {key: row["answers"] for key, row in exported_by_id(target).items()}
    assert links == {got: "", inside: str(got), outside: ""}
    assert loop_ids(target, "--both") == [outside]


def test_a_link_pointing_outside_the_file_does_not_cost_the_others_their_links(
    run: Run, new_ledger: MakeLedger, tmp_path: Path
) -> None:
    """As above, with the answer pointing outside the file on the first line of the file."""
    source = on(run, new_ledger())
    ok(source("contact", "add", ANNA))
    ok(source("contact", "add", BRAM))
    bram_got = log(source, BRAM, "received", "talent", "engineer", "--on", days_ago(60))
    outside = log(source, ANNA, "gave", "talent", "passed on", "--on", days_ago(50),
                  "--answers", str(bram_got))  # fmt: skip
    got = log(source, ANNA, "received", "access", "intro", "--on", days_ago(40))
    inside = log(source, ANNA, "gave", "knowledge", "draft", "--answers", str(got))
    file = tmp_path / "anna.csv"
    file.write_bytes(ok(source("entries", ANNA, "--format", "csv")).stdout_bytes)
    assert [int(row["id"]) for row in parse_csv(file.read_text())] == [outside, got, inside]

    target = on(run, new_ledger())
    ok(target("import", "entries", str(file), "--create-contacts"))
    links = {key: row["answers"] for key, row in exported_by_id(target).items()}
    assert links == {outside: "", got: "", inside: str(got)}
    assert loop_ids(target) == []  # Anna's introduction was answered by the draft


# --- property: loops are exactly the unanswered done entries ---------------------------------

SETTINGS = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@dataclass
class Logged:
    id: int
    direction: str
    date: str
    status: str  # as it ends up: done, promised or dropped
    answers: int | None


# direction, days ago, what happens to it, and (if any) which earlier entry it tries to answer
planned_entry = st.tuples(
    st.sampled_from(["gave", "received"]),
    st.integers(0, 400),
    st.sampled_from(["done", "done", "done", "promised", "kept", "dropped"]),
    st.none() | st.integers(0, 10**6),
    st.sampled_from(["Anna", "Bram"]),
)


@pytest.mark.slow  # a property: many examples, each a run of commands
@SETTINGS
@given(plan=st.lists(planned_entry, min_size=1, max_size=7))
def test_loops_are_exactly_the_done_entries_nothing_answers(
    fresh_ledger: NewLedger, plan: list[tuple[str, int, str, int | None, str]]
) -> None:
    cli = fresh_ledger()
    ok(cli("contact", "add", ANNA, "--alias", "Anna"))
    ok(cli("contact", "add", BRAM, "--alias", "Bram"))
    logged: list[Logged] = []
    for direction, days, fate, pick, contact in plan:
        # a valid link: to an earlier entry of the other direction (none is dropped yet)
        candidates = [e.id for e in logged if e.direction != direction]
        answers = candidates[pick % len(candidates)] if pick is not None and candidates else None
        args = [contact, direction, "knowledge", "--on", days_ago(days)]
        if fate != "done":
            args.append("--promise")
        if answers is not None:
            args += ["--answers", str(answers)]
        entry_id = log(cli, *args)
        logged.append(Logged(entry_id, direction, days_ago(days), fate, answers))
    for entry in logged:  # after every link is made, so that none pointed at a dropped one
        if entry.status == "kept":
            ok(cli("keep", str(entry.id)))
            entry.status, entry.date = "done", TODAY.isoformat()
        elif entry.status == "dropped":
            ok(cli("drop", str(entry.id), "--reason", "changed plans"))

    answered = {e.answers for e in logged if e.status == "done" and e.answers is not None}
    open_loops = sorted(
        (e.date, e.id, e.direction)
        for e in logged
        if e.status == "done" and e.answers is None and e.id not in answered
    )
    both = loops_json(cli, "--both")
    assert [r["id"] for r in both] == [entry_id for _, entry_id, _ in open_loops]
    assert [r["age_days"] for r in both] == [
        (TODAY - date.fromisoformat(on_date)).days for on_date, _, _ in open_loops
    ]
    assert loop_ids(cli) == [i for _, i, direction in open_loops if direction == "received"]


def test_edit_may_not_turn_a_linked_entry_around(run: Run, refused: Refused) -> None:
    received = ok(run("log", "--create", "Anna", "received", "knowledge")).stdout.strip()
    answer = ok(run("log", "Anna", "gave", "talent", "--answers", received)).stdout.strip()
    refused(1, "edit", answer, "--direction", "received")
    refused(1, "edit", received, "--direction", "gave")
    ok(run("edit", answer, "--direction", "gave", "--value", "2"))  # same direction: fine
