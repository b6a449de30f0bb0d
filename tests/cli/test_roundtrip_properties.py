"""Round trips over many inputs, through the CLI and into a fresh ledger.

``test_properties.py`` checks that any printable name survives add, list and export within one
ledger, and ``test_import.py`` that logged entries survive export → import → export. These go
further: a whole contact card moved to another ledger with ``import contacts``, and ledgers with
promises (kept and dropped), answers and introductions moved with ``import entries``.
"""

import json
import unicodedata
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import TODAY, NewLedger, Run, ok, parse_csv

# Properties: many examples, each a run of commands; in the slow run, not the default one.
pytestmark = pytest.mark.slow

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

printable = st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn"))
# a name holds at least one letter or digit (a name of only ':' or marks is refused)
names = st.text(printable, min_size=1, max_size=60).filter(
    lambda text: any(char.isalnum() for char in text)
)
labels = names.filter(lambda text: ";" not in text)  # ';' joins several tags or aliases in CSV
notes = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn"), include_characters="\n"
    ),
    max_size=200,
)


def tidy(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def save(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# --- contacts --------------------------------------------------------------------------------


@SETTINGS
@given(
    name=names,
    organisation=st.one_of(st.none(), names),
    note=st.one_of(st.none(), notes),
    aliases=st.lists(labels, max_size=2),
    tags=st.lists(labels, max_size=2),
)
def test_a_contact_card_survives_list_export_and_import_into_a_fresh_ledger(
    fresh_ledger: NewLedger,
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    organisation: str | None,
    note: str | None,
    aliases: list[str],
    tags: list[str],
) -> None:
    source, target = fresh_ledger(), fresh_ledger()
    options: list[str] = []
    if organisation is not None:
        options += ["--org", organisation]
    if note is not None:
        options += ["--note", note]
    for alias in aliases:
        options += ["--alias", alias]
    for tag in tags:
        options += ["--tag", tag]
    ok(source("contact", "add", *options, "--", name))

    (card,) = json.loads(ok(source("contact", "list", "--format", "json")).stdout)
    assert card["name"] == tidy(name)
    if organisation is not None and organisation.strip():
        assert tidy(card["organisation"]) == tidy(organisation)

    exported = ok(source("export", "contacts")).stdout_bytes
    file = save(tmp_path_factory.mktemp("contacts"), "contacts.csv", exported)
    ok(target("import", "contacts", str(file)))

    assert json.loads(ok(target("contact", "list", "--format", "json")).stdout) == [card]
    assert ok(target("export", "contacts")).stdout_bytes == exported
    ok(target("log", "--", name, "gave", "knowledge"))  # the name as typed finds the import


# --- entries with promises, answers and introductions ----------------------------------------

FIXED = ["Anna de Vries", "Zoë Ĳzerman"]
DIRECTIONS = ["gave", "received"]
KINDS = ["knowledge", "talent", "money", "access"]
OUTCOMES = ["met", "collaboration", "business", "nothing"]
texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs"), include_characters="\n"),
    max_size=80,
)

operation = st.one_of(
    st.tuples(st.just("log"), st.integers(0, 2), st.sampled_from(DIRECTIONS),
              st.sampled_from(KINDS), st.integers(1, 5), st.integers(0, 400), texts,
              st.one_of(st.none(), st.integers(1, 10_000_000))),
    st.tuples(st.just("promise"), st.integers(0, 2), st.sampled_from(DIRECTIONS),
              st.sampled_from(KINDS), st.integers(0, 60), texts),
    st.tuples(st.just("keep"), st.integers(0, 99)),
    st.tuples(st.just("drop"), st.integers(0, 99), texts.filter(lambda t: t.strip() != "")),
    st.tuples(st.just("answer"), st.integers(0, 99), texts),
    st.tuples(st.just("intro"), st.integers(0, 2), st.integers(1, 2), texts),
    st.tuples(st.just("outcome"), st.integers(0, 99), st.sampled_from(OUTCOMES), texts),
)  # fmt: skip


def play(cli: Run, people: list[str], operations: list[tuple[Any, ...]]) -> None:
    """Apply the operations through the CLI, skipping those that would not make sense here
    (keeping a promise when none is open, say): what is applied must succeed."""
    promises: list[int] = []  # ids of open promises
    introductions = 0
    done: list[tuple[int, int, str]] = []  # (id, contact, direction) of entries that happened

    def logged(result: Any) -> int:
        return int(ok(result).stdout.strip())

    for op in operations:
        if op[0] == "log":
            _, who, direction, kind, value, days_ago, text, cents = op
            amount = (
                ["--amount", f"{cents // 100}.{cents % 100:02d}"]
                if kind == "money" and cents
                else []
            )
            on_day = str(TODAY - timedelta(days=days_ago))
            new = logged(cli("log", "--value", str(value), "--on", on_day, *amount, "--",
                             people[who], direction, kind, text))  # fmt: skip
            done.append((new, who, direction))
        elif op[0] == "promise":
            _, who, direction, kind, due_in, text = op
            due = str(TODAY + timedelta(days=due_in))
            promises.append(logged(cli("log", "--promise", "--due", due, "--",
                                       people[who], direction, kind, text)))  # fmt: skip
        elif op[0] == "keep" and promises:
            ok(cli("keep", str(promises.pop(op[1] % len(promises)))))
        elif op[0] == "drop" and promises:
            ok(cli("drop", str(promises.pop(op[1] % len(promises))), "--reason", op[2]))
        elif op[0] == "answer" and done:
            answered, who, direction = done[op[1] % len(done)]
            other = "received" if direction == "gave" else "gave"
            new = logged(cli("log", "--answers", str(answered), "--",
                             people[who], other, "knowledge", op[2]))  # fmt: skip
            done.append((new, who, other))
        elif op[0] == "intro":
            _, a, step, why = op
            ok(cli("intro", "--", people[a], people[(a + step) % 3], why))
            introductions += 1
        elif op[0] == "outcome" and introductions:
            ok(cli("intro-outcome", "--", str(op[1] % introductions + 1), op[2], op[3]))


def without(rows: list[dict[str, Any]], *columns: str) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in columns} for row in rows]


@SETTINGS
@given(third=names, operations=st.lists(operation, min_size=1, max_size=8))
# A name holding ': ' made the introduction's 'why' read back as the rest of the name (found
# by the PostgreSQL run, whose collation chose that side's description).
@example(third=": 0", operations=[("intro", 0, 2, "")])
def test_entries_with_promises_answers_and_introductions_survive_export_and_import(
    fresh_ledger: NewLedger,
    tmp_path_factory: pytest.TempPathFactory,
    third: str,
    operations: list[tuple[Any, ...]],
) -> None:
    source, target = fresh_ledger(), fresh_ledger()
    people = [*FIXED, third]
    if tidy(third).casefold() in {name.casefold() for name in FIXED}:
        people[2] = "Derde Persoon"
    for person in people:
        ok(source("contact", "add", "--", person))
    play(source, people, operations)

    folder = tmp_path_factory.mktemp("entries")
    as_csv = ok(source("export")).stdout_bytes
    as_json = ok(source("export", "--format", "json")).stdout_bytes
    file = save(folder, "entries.csv", as_csv)
    ok(target("import", "entries", str(file), "--create-contacts"))

    again_csv = ok(target("export")).stdout_bytes
    again_json = ok(target("export", "--format", "json")).stdout_bytes
    if again_csv != as_csv:  # allowed to differ only in created_at
        assert without(parse_csv(again_csv.decode()), "created_at") == without(
            parse_csv(as_csv.decode()), "created_at"
        )
    assert without(json.loads(again_json), "created_at") == without(
        json.loads(as_json), "created_at"
    )
    for report in (("balance", "--format", "json"), ("promises", "--format", "json"),
                   ("loops", "--both", "--format", "json"),
                   ("intros", "--format", "json")):  # fmt: skip
        assert ok(target(*report)).stdout == ok(source(*report)).stdout, report

    json_file = save(folder, "entries.json", as_json)
    other = fresh_ledger()
    ok(other("import", "entries", str(json_file), "--create-contacts"))
    assert without(json.loads(ok(other("export", "--format", "json")).stdout), "created_at") == (
        without(json.loads(as_json), "created_at")
    )
    again = ok(target("import", "entries", str(file)))
    assert "Added 0 entries" in again.stderr


def test_an_entries_export_carries_introductions_their_outcome_and_drop_reasons(
    fresh_ledger: NewLedger, tmp_path: Path
) -> None:
    """The sides stay linked, and the 'why', the outcome and a dropped promise's reason
    come back (the outcome and the reason were once lost on the way)."""
    source, target = fresh_ledger(), fresh_ledger()
    ok(source("contact", "add", "Anna de Vries"))
    ok(source("contact", "add", "Bram Bakker"))
    ok(source("intro", "Anna de Vries", "Bram Bakker", "beide in de haven"))
    ok(source("intro-outcome", "1", "met", "koffie gedronken, volgt meer"))
    ok(source("log", "Anna de Vries", "gave", "talent", "--promise"))
    ok(source("drop", "3", "--reason", "niet meer nodig"))

    for name, export in (("entries.csv", ()), ("entries.json", ("--format", "json"))):
        target = fresh_ledger()
        file = save(tmp_path, name, ok(source("export", *export)).stdout_bytes)
        imported = ok(target("import", "entries", str(file), "--create-contacts"))

        assert ok(target("export")).stdout == ok(source("export")).stdout
        intros = ("intros", "--format", "json")
        assert json.loads(ok(target(*intros)).stdout) == json.loads(ok(source(*intros)).stdout)
        assert "1 introduction linked again" in imported.stderr
        exported = parse_csv(ok(target("export")).stdout)
        [dropped] = [row for row in exported if row["status"] == "dropped"]
        assert dropped["dropped_reason"] == "niet meer nodig"
