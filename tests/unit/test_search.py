"""`search TEXT` (issue #14): free text anywhere in the ledger, found alike on both engines;
case and accents do not count, and the user's text is never syntax."""

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from helpers import NOW, TODAY, Fresh, logged
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.vocabulary import Outcome
from wederkerig.usecases.contacts import add_contact
from wederkerig.usecases.events import add_event
from wederkerig.usecases.groups import add_group
from wederkerig.usecases.introductions import make_introduction, set_outcome
from wederkerig.usecases.promises import drop_promise
from wederkerig.usecases.search import search


def found(session: Session, text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.text) for hit in search(session, text)]


def test_every_kind_of_free_text_is_searched(session: Session) -> None:
    add_contact(session, "Anna", now=NOW, note="ken haar van de Havendag",
                needs="havenstages", offers="rondleiding haven")  # fmt: skip
    add_contact(session, "Bram", now=NOW)
    logged(session, "Anna", description="tip over de haven", on=TODAY - timedelta(days=3))
    promise = logged(session, "Bram", description="iets", promise=True)
    drop_promise(session, promise.id, reason="de haven ging dicht")
    add_event(session, "Havendag", on=TODAY, place="Dordrecht")
    add_group(session, "Haven-overleg", note="kwartaaloverleg over de haven")
    made = make_introduction(session, "Anna", "Bram", why="beide in de haven", on=TODAY, now=NOW)
    set_outcome(session, made.id, Outcome.MET, "koffie in de haven")
    hits = search(session, "haven")
    assert {hit.kind for hit in hits} == {
        "entry", "dropped_reason", "note", "needs", "offers", "event", "introduction",
        "outcome_note", "group",
    }  # fmt: skip
    entries = [(hit.date, hit.contact, hit.text) for hit in hits if hit.kind == "entry"]
    assert entries == [  # newest first
        (TODAY, "Anna", "introduced to Bram: beide in de haven"),
        (TODAY, "Bram", "introduced to Anna: beide in de haven"),
        (TODAY - timedelta(days=3), "Anna", "tip over de haven"),
    ]
    assert next(hit for hit in hits if hit.kind == "outcome_note").id == made.id


def test_case_and_accents_do_not_count(session: Session) -> None:
    logged(session, "Anna", description="Koffie in Café Lóuvre")
    assert found(session, "cafe louvre") == [("entry", "Koffie in Café Lóuvre")]
    assert found(session, "CAFÉ") == found(session, "café") == found(session, "cafe")


def test_every_word_must_occur_and_quotes_keep_a_phrase(session: Session) -> None:
    logged(session, "Anna", description="subsidie voor de haven")
    logged(session, "Anna", description="de haven vroeg om subsidie")
    assert len(found(session, "haven subsidie")) == 2
    assert found(session, '"subsidie voor"') == [("entry", "subsidie voor de haven")]
    assert found(session, "haven tender") == []


@pytest.mark.parametrize(
    "text", ['"', 'ha"ven', "*", "haven*", "-haven", "NOT haven", "haven OR", "%", "_", "\\", "'"]
)
def test_search_syntax_from_the_user_is_literal_text(session: Session, text: str) -> None:
    logged(session, "Anna", description="de haven")
    logged(session, "Anna", description=f"letterlijk {text} hier")
    assert ("entry", f"letterlijk {text} hier") in found(session, text)
    assert ("entry", "de haven") not in found(session, text) or "haven" in text.casefold()


def test_nothing_to_search_for_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInputError, match="word to search for"):
        search(session, '  ""  ')


texts = st.text(st.characters(exclude_categories=("Cc", "Cs", "Cf")), min_size=1, max_size=30)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts)
@example("İ")  # PostgreSQL's lower() and Python's disagree on it: each side is folded alike
def test_any_text_finds_itself(fresh: Fresh, text: str) -> None:
    """Whatever the user types is a phrase (quotes aside) an entry holding it is found by."""
    phrase = text.replace('"', "").strip()
    if not phrase or phrase != " ".join(phrase.split()):
        return
    with fresh() as session:
        logged(session, "Anna", description=f"x {phrase} y")
        assert ("entry", f"x {phrase} y") in found(session, f'"{phrase}"')
