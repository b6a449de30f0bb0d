"""Contacts: one person however their name is typed; entries are never dropped silently."""

from datetime import timedelta

import pytest
from sqlmodel import Session

from helpers import NOW, TODAY, logged
from wederkerig.core.errors import InvalidInputError, NotFoundError, RefusedError
from wederkerig.store.filters import Selection
from wederkerig.usecases.contacts import (
    add_contact,
    edit_contact,
    list_contacts,
    remove_contact,
    resolve_contact,
    show_contact,
)
from wederkerig.usecases.entries import iter_entries
from wederkerig.usecases.merging import merge_contacts


def test_a_name_is_found_however_it_is_typed(session: Session) -> None:
    add_contact(session, "  José   Martínez ", now=NOW)
    assert resolve_contact(session, "JOSÉ MARTÍNEZ").name == "José Martínez"
    decomposed = "Jose\u0301 Marti\u0301nez"  # the accents as combining marks
    assert resolve_contact(session, decomposed).name == "José Martínez"


def test_the_same_name_twice_is_refused(session: Session) -> None:
    add_contact(session, "Anna de Vries", now=NOW)
    with pytest.raises(RefusedError):
        add_contact(session, "anna  DE vries", now=NOW)


def test_an_alias_finds_its_contact_unless_it_is_shared(session: Session) -> None:
    add_contact(session, "Anneke de Vries", aliases=["Anna"], now=NOW)
    assert resolve_contact(session, "anna").name == "Anneke de Vries"
    add_contact(session, "Anna Smit", aliases=["AdV"], now=NOW)
    add_contact(session, "Aad de Vos", aliases=["AdV"], now=NOW)
    with pytest.raises(RefusedError, match="ambiguous"):
        resolve_contact(session, "adv")


def test_an_unknown_name_suggests_a_close_one(session: Session) -> None:
    add_contact(session, "Fatima El Amrani", now=NOW)
    with pytest.raises(NotFoundError, match="Fatima El Amrani"):
        resolve_contact(session, "Fatma El Amrani")


@pytest.mark.parametrize("name", ["", "   ", "---", "Anna\x1b[31m"])
def test_a_name_that_is_no_name_is_refused(session: Session, name: str) -> None:
    with pytest.raises(InvalidInputError):
        add_contact(session, name, now=NOW)
    assert list_contacts(session) == []


def test_tags_are_compared_in_one_form(session: Session) -> None:
    add_contact(session, "Jan Bakker", tags=["Drechtsteden"], now=NOW)
    (jan,) = list_contacts(session, tag="drechtsteden")
    assert jan.tags == ("drechtsteden",)


def test_edit_changes_only_what_is_asked(session: Session) -> None:
    add_contact(session, "Jan Bakker", organisation="Gemeente", email="jan@example.org", now=NOW)
    edit_contact(session, "Jan Bakker", note="likes trains", add_tags=["spoor"])
    jan = show_contact(session, "jan bakker", today=TODAY).card
    assert (jan.organisation, jan.email, jan.note, jan.tags) == (
        "Gemeente",
        "jan@example.org",
        "likes trains",
        ("spoor",),
    )


def test_a_contact_with_entries_cannot_be_removed(session: Session) -> None:
    logged(session, "Anna")
    with pytest.raises(RefusedError, match="1 entry"):
        remove_contact(session, "Anna")
    add_contact(session, "Bram", now=NOW)
    assert remove_contact(session, "Bram").name == "Bram"
    assert [card.name for card in list_contacts(session)] == ["Anna"]


def test_merging_moves_entries_and_keeps_the_old_name_as_an_alias(session: Session) -> None:
    logged(session, "Anna de Vries")
    logged(session, "A. de Vries", value=2)
    add_contact(session, "Bram", now=NOW)
    merged = merge_contacts(session, "Anna de Vries", "A. de Vries")
    assert (merged.entries, merged.aliases) == (1, ("A. de Vries",))
    assert resolve_contact(session, "A. de Vries").name == "Anna de Vries"
    assert {row.contact for row in iter_entries(session, Selection())} == {"Anna de Vries"}
    assert [card.name for card in list_contacts(session)] == ["Anna de Vries", "Bram"]


def test_show_contact_summarises_their_history(session: Session) -> None:
    logged(session, "Anna", on=TODAY - timedelta(days=30))
    logged(session, "Anna", on=TODAY - timedelta(days=2))
    anna = show_contact(session, "Anna", today=TODAY)
    assert (anna.entries, anna.first_date, anna.last_date) == (
        2,
        TODAY - timedelta(days=30),
        TODAY - timedelta(days=2),
    )
