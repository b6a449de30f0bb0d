"""`contact add/list/show/edit/rm`: one person however the name is typed, found by alias too."""

import csv
import io
import json
from typing import Any

import pytest

from helpers import Refused, Run, log, ok

CONTACT_COLUMNS = ["name", "organisation", "email", "tags", "aliases", "note", "needs", "offers"]
JOSE_NFC = "Jos\u00e9 Garc\u00eda"  # é and í as single code points
JOSE_NFD = "Jose\u0301 Garci\u0301a"  # e and i followed by a combining acute accent


def contacts_json(run: Run, *args: str) -> list[dict[str, Any]]:
    result = ok(run("contact", "list", *args, "--format", "json"))
    cards: list[dict[str, Any]] = json.loads(result.stdout)
    return cards


def names(run: Run, *args: str) -> list[str]:
    return [str(row["name"]) for row in contacts_json(run, *args)]


def entry_contacts(run: Run) -> list[str]:
    return [row["contact"] for row in json.loads(ok(run("export", "--format", "json")).stdout)]


# --- add: names unique ignoring case, spacing and Unicode normalisation ----------------------


def test_add_says_so_on_stderr_and_lists_the_contact(run: Run) -> None:
    result = ok(run("contact", "add", "Anna de Vries"))
    assert result.stdout == ""
    assert "Anna de Vries" in result.stderr
    assert names(run) == ["Anna de Vries"]


def test_add_tidies_spacing_of_the_stored_name(run: Run) -> None:
    ok(run("contact", "add", "  Anna   de \u00a0Vries "))
    assert names(run) == ["Anna de Vries"]


@pytest.mark.parametrize(
    "again",
    ["Anna de Vries", "anna de vries", "ANNA DE VRIES", "  Anna de Vries  ", "Anna   de    Vries"],
)
def test_add_refuses_the_same_name_however_typed(run: Run, again: str, refused: Refused) -> None:
    ok(run("contact", "add", "Anna de Vries"))
    result = refused(1, "contact", "add", again)
    assert "Anna de Vries" in result.stderr
    assert names(run) == ["Anna de Vries"]


@pytest.mark.parametrize(
    ("first", "second"), [(JOSE_NFC, JOSE_NFD), (JOSE_NFD, JOSE_NFC)], ids=["nfc-nfd", "nfd-nfc"]
)
def test_nfc_and_nfd_spellings_are_one_contact(
    run: Run, first: str, second: str, refused: Refused
) -> None:
    assert JOSE_NFC != JOSE_NFD
    ok(run("contact", "add", first))
    refused(1, "contact", "add", second)
    refused(1, "contact", "add", second.upper())
    assert names(run) == [JOSE_NFC]  # stored in NFC, whichever way it was typed
    ok(run("log", second, "gave", "knowledge"))
    ok(run("log", second.upper(), "received", "talent"))
    assert entry_contacts(run) == [JOSE_NFC, JOSE_NFC]
    assert ok(run("contact", "show", second)).stdout.splitlines()[0] == JOSE_NFC


def test_add_stores_every_field(run: Run) -> None:
    ok(
        run(
            "contact", "add", "Anna de Vries", "--org", "Gemeente Dordrecht",
            "--email", "anna@example.nl", "--tag", "Board", "--tag", "haven",
            "--alias", "Anna", "--alias", "Ans", "--note", "Koffie, geen thee",
        )
    )  # fmt: skip
    (card,) = contacts_json(run)
    assert card["organisation"] == "Gemeente Dordrecht"
    assert card["email"] == "anna@example.nl"
    assert sorted(card["tags"]) == ["board", "haven"]
    assert sorted(card["aliases"]) == ["Anna", "Ans"]
    assert card["note"] == "Koffie, geen thee"


# --- aliases ---------------------------------------------------------------------------------


def test_alias_finds_the_contact_in_log_balance_and_show(run: Run) -> None:
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna", "--alias", "Ans"))
    ok(run("contact", "add", "Bram Bakker"))
    assert ok(run("log", "anna", "gave", "knowledge", "--value", "2")).stdout == "1\n"
    assert ok(run("log", "ANS", "received", "talent")).stdout == "2\n"
    assert entry_contacts(run) == ["Anna de Vries", "Anna de Vries"]

    document = json.loads(ok(run("balance", "Ans", "--format", "json")).stdout)
    assert document["contact"] == "Anna de Vries"
    assert (document["gave"], document["received"], document["net"]) == (2, 1, 1)

    shown = ok(run("contact", "show", "  anna "))
    assert shown.stdout.splitlines()[0] == "Anna de Vries"
    assert "Ans" in shown.stdout
    listed = json.loads(ok(run("entries", "Ans", "--format", "json")).stdout)
    assert [row["id"] for row in listed] == [1, 2]


def test_alias_shared_by_two_contacts_is_refused_with_both_names(
    run: Run, refused: Refused
) -> None:
    ok(run("contact", "add", "Jan Jansen", "--alias", "Jan"))
    ok(run("contact", "add", "Jan Pieters", "--alias", "jan"))
    for args in (
        ("log", "Jan", "gave", "knowledge"),
        ("log", "jan", "gave", "knowledge", "--create"),
        ("balance", "Jan"),
        ("balance", "Jan", "--format", "json"),
        ("contact", "show", "Jan"),
        ("contact", "edit", "Jan", "--org", "Gemeente"),
        ("contact", "rm", "Jan"),
        ("entries", "Jan"),
    ):
        result = refused(1, *args)
        assert "Jan Jansen" in result.stderr, args
        assert "Jan Pieters" in result.stderr, args
    assert names(run) == ["Jan Jansen", "Jan Pieters"]
    ok(run("log", "Jan Pieters", "gave", "knowledge"))  # the full name is never ambiguous
    assert entry_contacts(run) == ["Jan Pieters"]


def test_alias_cannot_be_another_contacts_full_name(run: Run, refused: Refused) -> None:
    ok(run("contact", "add", "Bram Bakker"))
    refused(1, "contact", "add", "Anna de Vries", "--alias", "bram bakker")
    assert names(run) == ["Bram Bakker"]


def test_a_new_name_may_not_take_over_another_contacts_alias(run: Run, refused: Refused) -> None:
    ok(run("contact", "add", "Jan Jansen", "--alias", "Jan"))
    result = refused(1, "contact", "add", "jan")
    assert "alias of 'Jan Jansen'" in result.stderr
    ok(run("contact", "add", "Jan Bakker"))
    refused(1, "contact", "edit", "Jan Bakker", "--name", "Jan")
    ok(run("log", "Jan", "gave", "knowledge"))
    assert entry_contacts(run) == ["Jan Jansen"]


# --- unknown names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("contact", "show"),
        ("contact", "rm"),
        ("contact", "edit"),
        ("balance",),
        ("entries",),
    ],
)
def test_unknown_name_is_refused_with_a_suggestion(
    run: Run, command: tuple[str, ...], refused: Refused
) -> None:
    ok(run("contact", "add", "Anna de Vries"))
    result = refused(1, *command, "Anna de Fries")
    assert "Did you mean 'Anna de Vries'" in result.stderr
    assert "Anna de Fries" in result.stderr


def test_log_to_unknown_name_suggests_and_adds_nothing(run: Run, refused: Refused) -> None:
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
    result = refused(1, "log", "Ana", "gave", "knowledge")
    assert "Did you mean" in result.stderr
    assert "'Anna'" in result.stderr
    assert "--create" in result.stderr
    assert names(run) == ["Anna de Vries"]


# --- list ------------------------------------------------------------------------------------


@pytest.fixture
def three_contacts(run: Run) -> Run:
    ok(run("contact", "add", "Anna de Vries", "--org", "Gemeente Dordrecht",
           "--tag", "Drechtsteden", "--tag", "board"))  # fmt: skip
    ok(run("contact", "add", "Bram Bakker", "--org", "Havenbedrijf Rotterdam", "--tag", "haven"))
    ok(run("contact", "add", "Chloé Martin", "--org", "MKB Drechtsteden", "--tag", "drechtsteden"))
    return run


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ((), ["Anna de Vries", "Bram Bakker", "Chloé Martin"]),
        (("--tag", "drechtsteden"), ["Anna de Vries", "Chloé Martin"]),
        (("--tag", "DRECHTSTEDEN"), ["Anna de Vries", "Chloé Martin"]),
        (("--tag", "haven"), ["Bram Bakker"]),
        (("--tag", "nobody"), []),
        (("--org", "gemeente"), ["Anna de Vries"]),
        (("--org", "Drechtsteden"), ["Chloé Martin"]),
        (("--org", "rotterdam"), ["Bram Bakker"]),
        (("--tag", "drechtsteden", "--org", "MKB"), ["Chloé Martin"]),
        (("--tag", "haven", "--org", "gemeente"), []),
    ],
)
def test_list_filters_by_tag_and_org(
    three_contacts: Run, filters: tuple[str, ...], expected: list[str]
) -> None:
    run = three_contacts
    assert sorted(names(run, *filters)) == expected
    rows = list(
        csv.DictReader(io.StringIO(ok(run("contact", "list", *filters, "-f", "csv")).stdout))
    )
    assert sorted(row["name"] for row in rows) == expected
    table = run("contact", "list", *filters)
    assert table.exit_code == 0
    for name in ["Anna de Vries", "Bram Bakker", "Chloé Martin"]:
        assert (name in table.stdout) == (name in expected), name


def test_list_csv_has_the_contract_columns_with_joined_tags_and_aliases(run: Run) -> None:
    ok(run("contact", "add", "Anna de Vries", "--org", "Gemeente, Dordrecht",
           "--email", "anna@example.nl", "--tag", "board", "--tag", "haven",
           "--alias", "Anna", "--alias", "Ans", "--note", 'Zegt "hoi"'))  # fmt: skip
    ok(run("contact", "add", "Bram Bakker"))
    result = ok(run("contact", "list", "--format", "csv"))
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    assert header == CONTACT_COLUMNS
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    anna = by_name["Anna de Vries"]
    assert anna["organisation"] == "Gemeente, Dordrecht"
    assert anna["email"] == "anna@example.nl"
    assert sorted(anna["tags"].split(";")) == ["board", "haven"]
    assert sorted(anna["aliases"].split(";")) == ["Anna", "Ans"]
    assert anna["note"] == 'Zegt "hoi"'
    assert by_name["Bram Bakker"] == {
        "name": "Bram Bakker", "organisation": "", "email": "", "tags": "", "aliases": "",
        "note": "", "needs": "", "offers": "",
    }  # fmt: skip


@pytest.mark.parametrize(
    "option", [("--tag", "klant;leverancier"), ("--alias", "Vries; Anna de")], ids=["tag", "alias"]
)
def test_a_semicolon_inside_a_tag_or_alias_never_garbles_the_csv(
    run: Run, option: tuple[str, str]
) -> None:
    """CSV joins tags and aliases with ';': one containing ';' must be refused or kept whole."""
    result = run("contact", "add", "Anna de Vries", *option, "--tag", "board", "--alias", "Ans")
    if result.exit_code != 0:
        assert result.exit_code == 2, result.stderr
        assert names(run) == []
        return
    (card,) = contacts_json(run)
    header, row = list(csv.reader(io.StringIO(ok(run("contact", "list", "-f", "csv")).stdout)))
    from_csv = dict(zip(header, row, strict=True))
    assert sorted(from_csv["tags"].split(";")) == sorted(card["tags"])
    assert sorted(from_csv["aliases"].split(";")) == sorted(card["aliases"])


def test_list_json_has_the_contract_keys_with_arrays(run: Run) -> None:
    ok(run("contact", "add", "Anna de Vries", "--tag", "board", "--tag", "haven",
           "--alias", "Anna", "--alias", "Ans"))  # fmt: skip
    ok(run("contact", "add", "Bram Bakker"))
    anna, bram = contacts_json(run)
    assert list(anna) == CONTACT_COLUMNS
    assert list(bram) == CONTACT_COLUMNS
    assert sorted(anna["tags"]) == ["board", "haven"]
    assert sorted(anna["aliases"]) == ["Anna", "Ans"]
    assert bram["tags"] == []
    assert bram["aliases"] == []


def test_list_of_an_empty_ledger(run: Run) -> None:
    assert contacts_json(run) == []
    csv_result = ok(run("contact", "list", "--format", "csv"))
    assert csv_result.stdout.splitlines() == [",".join(CONTACT_COLUMNS)]
    table = ok(run("contact", "list"))
    assert table.stdout == ""
    assert "contact add" in table.stderr


# --- needs and offers (issue #14) -----------------------------------------------------------


def test_needs_and_offers_are_set_shown_listed_and_cleared(run: Run) -> None:
    ok(run("contact", "add", "Anna de Vries", "--needs", "BBL-leerlingen",
           "--offers", "kennis van subsidies"))  # fmt: skip
    shown = ok(run("contact", "show", "Anna de Vries")).stdout
    assert "BBL-leerlingen" in shown
    assert "kennis van subsidies" in shown
    (card,) = contacts_json(run)
    assert (card["needs"], card["offers"]) == ("BBL-leerlingen", "kennis van subsidies")

    ok(run("contact", "edit", "Anna de Vries", "--needs", "", "--offers", "een werkplek"))
    (card,) = contacts_json(run)
    assert (card["needs"], card["offers"]) == (None, "een werkplek")
    assert "BBL" not in ok(run("contact", "show", "Anna de Vries")).stdout


def test_needs_on_several_lines_are_refused(run: Run, refused: Refused) -> None:
    ok(run("contact", "add", "Anna de Vries"))
    assert "needs" in refused(2, "contact", "edit", "Anna de Vries", "--needs", "a\nb").stderr


# --- show ------------------------------------------------------------------------------------


def test_show_gives_the_card_and_the_span_of_history(run: Run) -> None:
    ok(run("contact", "add", "Anna de Vries", "--org", "Gemeente Dordrecht",
           "--email", "anna@example.nl", "--tag", "board", "--alias", "Ans"))  # fmt: skip
    before = ok(run("contact", "show", "Anna de Vries"))
    assert "no entries" in before.stdout
    ok(run("log", "Ans", "gave", "knowledge", "--on", "2026-02-03"))
    ok(run("log", "Ans", "received", "access", "--on", "2026-10-01"))
    shown = ok(run("contact", "show", "Anna de Vries")).stdout
    for text in ("Anna de Vries", "Gemeente Dordrecht", "anna@example.nl", "board", "Ans"):
        assert text in shown
    assert "2 entries" in shown
    assert "2026-02-03" in shown
    assert "2026-10-01" in shown


# --- rm --------------------------------------------------------------------------------------


def test_rm_is_refused_while_entries_exist_then_allowed(run: Run, refused: Refused) -> None:
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
    ok(run("contact", "add", "Bram Bakker"))
    ok(run("log", "Anna", "gave", "knowledge"))
    ok(run("log", "Anna", "received", "talent"))
    ok(run("log", "Bram Bakker", "gave", "talent"))

    result = refused(1, "contact", "rm", "Anna de Vries")
    assert "2 entries" in result.stderr
    assert "rm" in result.stderr  # says what to do instead
    assert names(run) == ["Anna de Vries", "Bram Bakker"]

    ok(run("rm", "1"))
    refused(1, "contact", "rm", "Anna")
    ok(run("rm", "2"))
    removed = ok(run("contact", "rm", "Anna"))
    assert "Anna de Vries" in removed.stderr
    assert names(run) == ["Bram Bakker"]
    assert entry_contacts(run) == ["Bram Bakker"]
    refused(1, "contact", "show", "Anna")  # the alias went with the contact


def test_rm_then_add_again(run: Run) -> None:
    ok(run("contact", "add", "Anna de Vries"))
    ok(run("contact", "rm", "anna de vries"))
    assert names(run) == []
    ok(run("contact", "add", "Anna de Vries"))
    assert names(run) == ["Anna de Vries"]


# --- edit ------------------------------------------------------------------------------------


def test_edit_renames_and_entries_follow(run: Run, refused: Refused) -> None:
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
    ok(run("log", "Anna", "gave", "knowledge"))
    result = ok(run("contact", "edit", "Anna de Vries", "--name", "Anna  Smit-de Vries"))
    assert "Anna Smit-de Vries" in result.stderr
    assert names(run) == ["Anna Smit-de Vries"]
    assert entry_contacts(run) == ["Anna Smit-de Vries"]
    refused(1, "contact", "show", "Anna de Vries")
    ok(run("log", "anna", "received", "talent"))  # the alias still finds her
    assert entry_contacts(run) == ["Anna Smit-de Vries", "Anna Smit-de Vries"]


def test_edit_may_change_only_the_case_of_a_name(run: Run) -> None:
    ok(run("contact", "add", "anna de vries"))
    ok(run("contact", "edit", "Anna de Vries", "--name", "Anna de Vries"))
    assert names(run) == ["Anna de Vries"]


def test_edit_refuses_a_name_that_is_taken(run: Run, refused: Refused) -> None:
    ok(run("contact", "add", "Anna de Vries"))
    ok(run("contact", "add", "Bram Bakker"))
    result = refused(1, "contact", "edit", "Anna de Vries", "--name", " bram  BAKKER")
    assert "Bram Bakker" in result.stderr


def test_edit_sets_and_clears_fields(run: Run) -> None:
    ok(run("contact", "add", "Anna de Vries"))
    ok(run("contact", "edit", "Anna de Vries", "--org", "Gemeente Dordrecht",
           "--email", "anna@example.nl", "--note", "Koffie"))  # fmt: skip
    (card,) = contacts_json(run)
    assert (card["organisation"], card["email"], card["note"]) == (
        "Gemeente Dordrecht", "anna@example.nl", "Koffie",
    )  # fmt: skip
    ok(run("contact", "edit", "Anna de Vries", "--org", "", "--email", "", "--note", ""))
    (card,) = contacts_json(run)
    assert not card["organisation"]
    assert not card["email"]
    assert not card["note"]


def test_edit_adds_and_removes_tags(run: Run, refused: Refused) -> None:
    ok(run("contact", "add", "Anna de Vries", "--tag", "board", "--tag", "haven"))
    ok(run("contact", "edit", "Anna de Vries", "--tag", "Drechtsteden", "--untag", "BOARD"))
    (card,) = contacts_json(run)
    assert sorted(card["tags"]) == ["drechtsteden", "haven"]
    assert names(run, "--tag", "board") == []
    assert names(run, "--tag", "drechtsteden") == ["Anna de Vries"]
    refused(1, "contact", "edit", "Anna de Vries", "--untag", "nooit-gezet")


def test_edit_adds_and_removes_aliases(run: Run, refused: Refused) -> None:
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna"))
    ok(run("contact", "add", "Bram Bakker"))
    ok(run("contact", "edit", "Anna", "--alias", "Ans", "--unalias", "ANNA"))
    (anna, _) = contacts_json(run)
    assert anna["aliases"] == ["Ans"]
    ok(run("log", "ans", "gave", "knowledge"))
    assert entry_contacts(run) == ["Anna de Vries"]
    refused(1, "log", "Anna", "gave", "knowledge")  # the removed alias finds nobody
    refused(1, "contact", "edit", "Ans", "--unalias", "Annie")
    refused(1, "contact", "edit", "Ans", "--alias", "Bram Bakker")


# --- list --sort: who you have not met in a while, and where the balance leans ---------------


@pytest.fixture
def three_people(run: Run) -> Run:
    """Anna seen long ago and owing nothing, Bram seen recently with a +3 net, Cees never."""
    for name in ("Anna", "Bram", "Cees"):
        ok(run("contact", "add", name))
    log(run, "Anna", "received", "knowledge", "--value", "2", "--on", "2026-01-10")
    log(run, "Bram", "gave", "access", "--value", "3", "--on", "2026-11-20")
    log(
        run,
        "Bram",
        "gave",
        "talent",
        "--value",
        "1",
        "--on",
        "2026-11-21",
        "--promise",
        "--due",
        "2026-12-20",
    )
    return run


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("name", ["Anna", "Bram", "Cees"]),
        ("last", ["Cees", "Anna", "Bram"]),  # never first, then longest ago
        ("net", ["Bram", "Cees", "Anna"]),  # +3, 0, −2: an open promise does not count
    ],
)
def test_list_sort_orders_rows_in_every_format(
    three_people: Run, order: str, expected: list[str]
) -> None:
    assert names(three_people, "--sort", order) == expected
    rows = csv.DictReader(
        io.StringIO(ok(three_people("contact", "list", "-s", order, "-f", "csv")).stdout)
    )
    assert [row["name"] for row in rows] == expected


def test_list_sort_keeps_the_columns_scripts_and_import_read(three_people: Run) -> None:
    for order in ("last", "net"):
        header = ok(
            three_people("contact", "list", "--sort", order, "-f", "csv")
        ).stdout.splitlines()[0]
        assert header.split(",") == CONTACT_COLUMNS


@pytest.mark.parametrize(
    ("order", "header", "cells"),
    [
        ("last", "Last contact", ["never", "2026-01-10", "2026-11-21"]),
        ("net", "Net", ["0", "−2", "+3"]),
    ],
)
def test_list_sort_shows_what_it_sorts_by(
    three_people: Run, order: str, header: str, cells: list[str]
) -> None:
    table = ok(three_people("contact", "list", "--sort", order)).stdout
    assert header in table
    lines = [
        line for line in table.splitlines() if line.split()[:1] in (["Anna"], ["Bram"], ["Cees"])
    ]
    for line, name in zip(lines, names(three_people, "--sort", order), strict=True):
        assert line.startswith(name)
    shown = [line.split()[1] for line in lines]
    assert sorted(shown) == sorted(cells)


def test_list_sort_rejects_an_unknown_order_naming_the_choices(refused: Refused) -> None:
    result = refused(2, "contact", "list", "--sort", "age")
    for choice in ("name", "last", "net"):
        assert choice in result.stderr
