"""Introductions: `intro A B "why"` gives access to both sides, one entry each, linked by the
introduction's id; `intros` lists them, `intro-outcome` says what came of them, and removing
one side (rm, undo, forget) asks what to do with the other."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from helpers import (
    ENTRY_COLUMNS,
    TODAY,
    LedgerUnderTest,
    MakeLedger,
    Refused,
    Run,
    Templates,
    csv_header,
    ok,
    on,
    parse_csv,
)

INTRODUCTION_COLUMNS = [
    "id", "date", "first", "second", "why", "value", "outcome", "entries", "outcome_note",
]  # fmt: skip
ANNA, BRAM, CEES, DINA = "Anna de Vries", "Bram Bakker", "Cees Jansen", "Dina Smit"
EVENT = "Havendag"


# --- helpers ---------------------------------------------------------------------------------


def introduce(run: Run, *args: str) -> int:
    """Record an introduction and return the id it printed (and nothing else) on stdout."""
    result = ok(run("intro", *args))
    assert re.fullmatch(r"\d+\n", result.stdout), result.stdout
    return int(result.stdout)


def intros_json(run: Run, *args: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(ok(run("intros", *args, "-f", "json")).stdout)
    return records


def sides(run: Run, introduction: int) -> list[int]:
    """The ids of an introduction's entries, as `intros` lists them."""
    (record,) = (r for r in intros_json(run) if r["id"] == introduction)
    return [int(entry_id) for entry_id in record["entries"].split(";")]


def exported(run: Run) -> dict[int, dict[str, str]]:
    return {int(row["id"]): row for row in parse_csv(ok(run("export")).stdout)}


def removal(how: str, entry_id: int) -> tuple[str, ...]:
    """`rm ID`, or `undo --yes` (which removes the newest entry: the test makes it ``entry_id``)."""
    return ("rm", str(entry_id)) if how == "rm" else ("undo", "--yes")


@pytest.fixture
def ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """Anna de Vries (alias Anna), Bram Bakker (alias Bram), Cees Jansen, Dina Smit and the
    event Havendag; no entries yet, so entry ids start at 1."""

    def build() -> None:
        ok(run("contact", "add", ANNA, "--alias", "Anna"))
        ok(run("contact", "add", BRAM, "--alias", "Bram"))
        ok(run("contact", "add", CEES))
        ok(run("contact", "add", DINA))
        ok(run("event", "add", EVENT))

    templates.once("introductions", db, build)
    return run


# --- recording one ---------------------------------------------------------------------------


def test_intro_logs_access_given_to_each_side_linked_by_the_printed_id(ledger: Run) -> None:
    made = introduce(ledger, "Anna", "Bram", "both work on the heat network", "--value", "3",
                     "--on", "2026-03-04", "--event", EVENT)  # fmt: skip
    text = ok(ledger("export")).stdout
    assert csv_header(text) == ENTRY_COLUMNS
    assert [
        (r["contact"], r["direction"], r["kind"], r["value"], r["date"], r["event"],
         r["description"], r["introduction"])
        for r in parse_csv(text)
    ] == [
        (ANNA, "gave", "access", "3", "2026-03-04", EVENT,
         f"introduced to {BRAM}: both work on the heat network", str(made)),
        (BRAM, "gave", "access", "3", "2026-03-04", EVENT,
         f"introduced to {ANNA}: both work on the heat network", str(made)),
    ]  # fmt: skip


def test_intro_without_why_says_only_whom_they_were_introduced_to(ledger: Run) -> None:
    made = introduce(ledger, "Bram", CEES)
    rows = list(exported(ledger).values())
    assert [(r["contact"], r["description"], r["value"], r["date"]) for r in rows] == [
        (BRAM, f"introduced to {CEES}", "1", TODAY.isoformat()),
        (CEES, f"introduced to {BRAM}", "1", TODAY.isoformat()),
    ]
    assert {r["introduction"] for r in rows} == {str(made)}


def test_both_sides_balances_show_the_access_given(ledger: Run) -> None:
    introduce(ledger, "Anna", "Bram", "heat network", "--value", "3")
    document = json.loads(ok(ledger("balance", "Anna", "--format", "json")).stdout)
    assert (document["gave"], document["received"], document["net"]) == (3, 0, 3)
    assert document["by_kind"]["access"] == {"gave": 3, "received": 0, "net": 3}
    rows = parse_csv(ok(ledger("balance", "--format", "csv")).stdout)
    assert [(r["contact"], r["gave"], r["received"], r["net"], r["entries"]) for r in rows] == [
        (ANNA, "3", "0", "3", "1"),
        (BRAM, "3", "0", "3", "1"),
    ]


@pytest.mark.parametrize(
    ("code", "args", "says"),
    [
        (2, ("Anna", ANNA), "themselves"),
        (2, ("bram bakker", "Bram"), "themselves"),
        (1, ("Anna", "Bramm"), "Did you mean 'Bram"),
        (2, ("Anna", "Bram", "--value", "0"), "value 0"),
    ],
)
def test_what_intro_refuses(
    ledger: Run, refused: Refused, code: int, args: tuple[str, ...], says: str
) -> None:
    result = refused(code, "intro", *args)
    assert says in result.stderr
    assert intros_json(ledger) == []


# --- listing them ----------------------------------------------------------------------------


def test_intros_lists_every_introduction_oldest_first_in_csv_and_json(ledger: Run) -> None:
    late = introduce(ledger, "Bram", CEES, "a tip", "--on", "2026-10-01")
    early = introduce(ledger, "Anna", "Bram", "heat network", "--value", "2", "--on", "2026-03-04")
    ok(ledger("intro-outcome", str(early), "business"))
    expected = [
        [str(early), "2026-03-04", ANNA, BRAM, "heat network", "2", "business", "3;4", ""],
        [str(late), "2026-10-01", BRAM, CEES, "a tip", "1", "", "1;2", ""],
    ]

    text = ok(ledger("intros", "--format", "csv")).stdout
    assert csv_header(text) == INTRODUCTION_COLUMNS
    assert [[row[c] for c in INTRODUCTION_COLUMNS] for row in parse_csv(text)] == expected

    records = intros_json(ledger)
    assert [list(record) for record in records] == [INTRODUCTION_COLUMNS] * 2
    assert [(r["id"], r["value"], r["outcome"]) for r in records] == [
        (early, 2, "business"),
        (late, 1, None),
    ]
    assert [[str(r[c] or "") for c in INTRODUCTION_COLUMNS] for r in records] == expected


def test_intros_of_one_contact_are_those_they_are_a_side_of(ledger: Run) -> None:
    anna_bram = introduce(ledger, "Anna", "Bram")
    bram_cees = introduce(ledger, "Bram", CEES)
    for name, expected in [
        ("Anna", [anna_bram]),
        ("anna de vries", [anna_bram]),
        ("Bram", [anna_bram, bram_cees]),
        (CEES, [bram_cees]),
        (DINA, []),
    ]:
        assert [record["id"] for record in intros_json(ledger, name)] == expected, name


def test_intros_of_an_unknown_contact_is_refused_with_a_suggestion(
    ledger: Run, refused: Refused
) -> None:
    introduce(ledger, "Anna", "Bram")
    assert "Did you mean 'Bram" in refused(1, "intros", "Bramm").stderr


# --- what came of it -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "outcome"),
    [
        ("met", "met"),
        ("collaboration", "collaboration"),
        ("business", "business"),
        ("nothing", "nothing"),
        ("ontmoet", "met"),
        ("samenwerking", "collaboration"),
        ("Zaken", "business"),
        ("niets", "nothing"),
    ],
)
def test_intro_outcome_in_english_or_dutch(ledger: Run, word: str, outcome: str) -> None:
    made = introduce(ledger, "Anna", "Bram")
    ok(ledger("intro-outcome", str(made), word))
    assert [record["outcome"] for record in intros_json(ledger)] == [outcome]


def test_none_clears_an_outcome(ledger: Run) -> None:
    made = introduce(ledger, "Anna", "Bram")
    ok(ledger("intro-outcome", str(made), "business"))
    ok(ledger("intro-outcome", str(made), "none"))
    assert intros_json(ledger)[0]["outcome"] is None


@pytest.mark.parametrize(
    "change", [("--kind", "knowledge"), ("--direction", "received"), ("-d", "kreeg")]
)
def test_a_side_of_an_introduction_stays_access_given(
    ledger: Run, refused: Refused, change: tuple[str, ...]
) -> None:
    made = introduce(ledger, "Anna", "Bram")
    side = sides(ledger, made)[0]
    result = refused(1, "edit", str(side), *change)
    assert f"introduction {made}" in result.stderr
    ok(ledger("edit", str(side), "--value", "4", "--description", "still fine"))


def test_an_outcome_takes_a_note_in_the_users_own_words(ledger: Run) -> None:
    """Issue #14: the fixed words say too little; the note is listed, exported, and replaced
    (or, left out, cleared) by the next intro-outcome."""
    made = introduce(ledger, "Anna", "Bram")
    said = ok(ledger("intro-outcome", str(made), "samenwerking", "samen een BBL-traject opgezet"))
    assert "samen een BBL-traject opgezet" in said.stderr
    (record,) = intros_json(ledger)
    assert (record["outcome"], record["outcome_note"]) == (
        "collaboration",
        "samen een BBL-traject opgezet",
    )
    assert "BBL-traject" in ok(ledger("intros")).stdout
    sides_exported = [row["outcome_note"] for row in exported(ledger).values()]
    assert sides_exported == ["samen een BBL-traject opgezet"] * 2

    ok(ledger("intro-outcome", str(made), "none", "nog geen antwoord"))
    (record,) = intros_json(ledger)
    assert (record["outcome"], record["outcome_note"]) == (None, "nog geen antwoord")
    ok(ledger("intro-outcome", str(made), "met"))
    assert intros_json(ledger)[0]["outcome_note"] is None


def test_an_outcome_note_of_only_spaces_is_no_note(ledger: Run) -> None:
    made = introduce(ledger, "Anna", "Bram")
    ok(ledger("intro-outcome", str(made), "met", "   "))
    assert intros_json(ledger)[0]["outcome_note"] is None


def test_an_outcome_note_with_control_characters_is_refused(ledger: Run, refused: Refused) -> None:
    made = introduce(ledger, "Anna", "Bram")
    assert "note" in refused(2, "intro-outcome", str(made), "met", "\x1b[31mrood").stderr


def test_an_unknown_outcome_is_refused_naming_the_words_to_use(
    ledger: Run, refused: Refused
) -> None:
    made = introduce(ledger, "Anna", "Bram")
    result = refused(2, "intro-outcome", str(made), "maybe")
    for word in ("met", "collaboration", "business", "nothing"):
        assert word in result.stderr


def test_the_outcome_of_an_unknown_introduction_is_refused(ledger: Run, refused: Refused) -> None:
    introduce(ledger, "Anna", "Bram")
    assert "99" in refused(1, "intro-outcome", "99", "met").stderr


# --- removing one side -----------------------------------------------------------------------


@pytest.mark.parametrize("how", ["rm", "undo"])
def test_removing_one_side_outside_a_terminal_needs_other_side(
    ledger: Run, refused: Refused, how: str
) -> None:
    made = introduce(ledger, "Anna", "Bram")
    result = refused(2, *removal(how, sides(ledger, made)[-1]))
    assert "--other-side" in result.stderr


@pytest.mark.parametrize("how", ["rm", "undo"])
def test_keeping_the_other_side_leaves_a_one_sided_introduction(ledger: Run, how: str) -> None:
    made = introduce(ledger, "Anna", "Bram", "heat network")
    anna_side, bram_side = sides(ledger, made)
    gone, kept, left = (anna_side, bram_side, BRAM) if how == "rm" else (bram_side, anna_side, ANNA)

    ok(ledger(*removal(how, gone), "--other-side", "keep"))
    assert list(exported(ledger)) == [kept]
    assert intros_json(ledger) == [
        {"id": made, "date": TODAY.isoformat(), "first": left, "second": None,
         "why": "heat network", "value": 1, "outcome": None, "entries": str(kept),
         "outcome_note": None},
    ]  # fmt: skip
    (row,) = parse_csv(ok(ledger("intros", "--format", "csv")).stdout)
    assert row["second"] == ""
    assert "(removed)" in ok(ledger("intros")).stdout


@pytest.mark.parametrize("how", ["rm", "undo"])
def test_removing_the_other_side_too_takes_the_introduction_away(ledger: Run, how: str) -> None:
    other = introduce(ledger, "Bram", CEES)
    made = introduce(ledger, "Anna", "Bram")
    ok(ledger(*removal(how, sides(ledger, made)[-1]), "--other-side", "remove"))
    assert [record["id"] for record in intros_json(ledger)] == [other]
    assert list(exported(ledger)) == sides(ledger, other)


def test_removing_the_last_side_left_removes_the_introduction(
    ledger: Run, refused: Refused
) -> None:
    made = introduce(ledger, "Anna", "Bram")
    anna_side, bram_side = sides(ledger, made)
    ok(ledger("rm", str(anna_side), "--other-side", "keep"))
    ok(ledger("rm", str(bram_side)))  # no other side left to ask about
    assert intros_json(ledger) == []
    refused(1, "intro-outcome", str(made), "met")


def test_forget_someone_with_introductions_needs_other_side(ledger: Run, refused: Refused) -> None:
    introduce(ledger, "Anna", "Bram")
    assert "--other-side" in refused(2, "forget", "Anna", "--yes").stderr


def test_forget_keeping_the_other_sides_leaves_their_entries_mentioning_them(
    ledger: Run,
) -> None:
    with_bram = introduce(ledger, "Anna", "Bram", "heat network")
    with_cees = introduce(ledger, CEES, "Anna")
    bram_side, cees_side = sides(ledger, with_bram)[1], sides(ledger, with_cees)[0]

    result = ok(ledger("forget", "Anna", "--yes", "--other-side", "keep"))
    assert list(exported(ledger)) == [bram_side, cees_side]
    mention = re.search(r"still mention them in their description: ([\d, ]+)", result.stderr)
    assert mention, result.stderr
    assert {int(i) for i in mention[1].split(",")} == {bram_side, cees_side}
    assert [(r["id"], r["first"], r["second"]) for r in intros_json(ledger)] == [
        (with_bram, BRAM, None),
        (with_cees, CEES, None),
    ]


def test_forget_removing_the_other_sides_takes_their_introductions_away(ledger: Run) -> None:
    introduce(ledger, "Anna", "Bram")
    untouched = introduce(ledger, "Bram", CEES)
    introduce(ledger, DINA, "Anna")
    ok(ledger("log", DINA, "gave", "knowledge", "a tip"))
    tip = max(exported(ledger))

    ok(ledger("forget", "Anna", "--yes", "--other-side", "remove"))
    assert [record["id"] for record in intros_json(ledger)] == [untouched]
    assert list(exported(ledger)) == [*sides(ledger, untouched), tip]


def test_contact_export_includes_their_cadence(ledger: Run) -> None:
    ok(ledger("contact", "edit", "Anna", "--every", "6w"))
    document = json.loads(ok(ledger("contact", "export", "Anna")).stdout)
    assert document["contact"]["every_days"] == 42


def test_contact_export_lists_their_introductions(ledger: Run) -> None:
    made = introduce(ledger, "Anna", "Bram", "heat network", "--on", "2026-03-04")
    introduce(ledger, "Bram", CEES)
    ok(ledger("intro-outcome", str(made), "ontmoet"))
    record = json.loads(ok(ledger("contact", "export", "Anna")).stdout)
    assert record["introductions"] == [
        {"id": made, "date": "2026-03-04", "first": ANNA, "second": BRAM, "why": "heat network",
         "value": 1, "outcome": "met", "entries": "1;2", "outcome_note": None},
    ]  # fmt: skip
    assert json.loads(ok(ledger("contact", "export", DINA)).stdout)["introductions"] == []


# --- export and import -----------------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_then_import_into_an_empty_ledger_keeps_both_sides_linked(
    ledger: Run, new_ledger: MakeLedger, tmp_path: Path, file_format: str
) -> None:
    """The entries carry the link, and the 'why' comes back from the sides' descriptions;
    the outcome is not in them."""
    ok(ledger("log", DINA, "gave", "knowledge", "a tip", "--on", "2026-01-05"))
    introduce(ledger, "Anna", "Bram", "heat network", "--on", "2026-03-04")
    introduce(ledger, "Bram", CEES, "a tip")
    file = tmp_path / f"entries.{file_format}"
    file.write_bytes(ok(ledger("export", "--format", file_format)).stdout_bytes)

    target = on(ledger, new_ledger())
    ok(target("import", "entries", str(file), "--format", file_format, "--create-contacts"))
    imported = intros_json(target)
    assert [(r["date"], r["first"], r["second"], r["why"], r["entries"]) for r in imported] == [
        ("2026-03-04", ANNA, BRAM, "heat network", "2;3"),
        (TODAY.isoformat(), BRAM, CEES, "a tip", "4;5"),
    ]
    links = {key: row["introduction"] for key, row in exported(target).items()}
    first, second = (str(r["id"]) for r in imported)
    assert first != second
    assert links == {1: "", 2: first, 3: first, 4: second, 5: second}


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_the_outcome_note_survives_export_and_import(
    ledger: Run, new_ledger: MakeLedger, tmp_path: Path, file_format: str
) -> None:
    made = introduce(ledger, "Anna", "Bram", "heat network")
    ok(ledger("intro-outcome", str(made), "business", "een opdracht, €4.000"))
    file = tmp_path / f"entries.{file_format}"
    file.write_bytes(ok(ledger("export", "--format", file_format)).stdout_bytes)

    target = on(ledger, new_ledger())
    ok(target("import", "entries", str(file), "--format", file_format, "--create-contacts"))
    (record,) = intros_json(target)
    assert (record["outcome"], record["outcome_note"]) == ("business", "een opdracht, €4.000")


def test_an_export_from_before_outcome_notes_still_imports(run: Run, tmp_path: Path) -> None:
    header = ENTRY_COLUMNS[:17]
    assert header[-1] == "outcome"
    file = tmp_path / "old.csv"
    file.write_text(
        ",".join(header) + "\r\n"
        "1,2026-03-04,Anna de Vries,gave,access,1,,introduced to Bram Bakker,,"
        "2026-03-04T10:00:00Z,done,,,7,,,met\r\n"
        "2,2026-03-04,Bram Bakker,gave,access,1,,introduced to Anna de Vries,,"
        "2026-03-04T10:00:00Z,done,,,7,,,met\r\n",
        encoding="utf-8",
    )
    ok(run("import", "entries", str(file), "--create-contacts"))
    (record,) = intros_json(run)
    assert (record["outcome"], record["outcome_note"], record["entries"]) == ("met", None, "1;2")


def test_an_export_from_before_introductions_still_imports(run: Run, tmp_path: Path) -> None:
    header = ENTRY_COLUMNS[:13]
    assert header[-1] == "answers"
    file = tmp_path / "old.csv"
    file.write_text(
        ",".join(header) + "\r\n"
        "1,2026-03-04,Anna de Vries,gave,access,1,,introduced her to Bram,,"
        "2026-03-04T10:00:00Z,done,,\r\n"
        "2,2026-03-05,Bram Bakker,received,knowledge,2,,his notes,,"
        "2026-03-05T10:00:00Z,done,,1\r\n",
        encoding="utf-8",
    )
    ok(run("import", "entries", str(file), "--create-contacts"))
    rows = exported(run)
    assert [(r["contact"], r["description"], r["answers"]) for r in rows.values()] == [
        (ANNA, "introduced her to Bram", ""),
        (BRAM, "his notes", "1"),
    ]
    assert [row["introduction"] for row in rows.values()] == ["", ""]
    assert intros_json(run) == []
