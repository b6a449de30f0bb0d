"""Suggesting introductions: one contact's needs against another's offers, word by word
(issue #14). The rule is kept simple enough to explain: the words both share, after case,
accents, stop words and plural endings are set aside."""

from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session

from helpers import NOW, TODAY, Fresh
from wederkerig.core.keywords import keywords, shared_words
from wederkerig.usecases.brief import brief
from wederkerig.usecases.contacts import add_contact
from wederkerig.usecases.matching import introduction_matches


def test_words_are_compared_without_case_accents_stop_words_or_plural_endings() -> None:
    assert shared_words("BBL-leerlingen voor de werkplaats", "een BBL leerling") == (
        "BBL",
        "leerlingen",
    )
    assert shared_words("subsidies voor café's", "kennis van subsidie en cafe") == (
        "subsidies",
        "café",
    )
    assert shared_words("an introduction to the port", "the port's contacts") == ("port",)


def test_kind_words_and_stop_words_alone_never_match() -> None:
    """'kennis van' is how many offers start: it says what sort of help, not which."""
    assert shared_words("kennis van de haven", "kennis van subsidies") == ()
    assert shared_words("knowledge of the law", "knowledge and access") == ()
    assert keywords("de het een and the of") == {}


def test_user_text_with_punctuation_is_only_words() -> None:
    found = keywords('"quotes*" - (haakjes) / 50% NEAR')
    assert list(found.values()) == ["quotes", "haakjes", "50", "NEAR"]


texts = st.text(max_size=60)
latin = st.text(st.characters(codec="latin-1"), max_size=60)


@given(texts, texts)
def test_matching_is_symmetric_in_its_words(need: str, offer: str) -> None:
    found = set(keywords(need)) & set(keywords(offer))
    assert len(shared_words(need, offer)) == len(found) == len(shared_words(offer, need))


@given(latin)
def test_case_never_changes_the_words(text: str) -> None:
    assert set(keywords(text.upper())) == set(keywords(text.lower())) == set(keywords(text))


def test_brief_suggests_introductions_both_ways_best_first_top_three(session: Session) -> None:
    add_contact(session, "Anna", now=NOW, needs="BBL-leerlingen voor de werkplaats",
                offers="kennis van subsidies")  # fmt: skip
    add_contact(session, "Bram", now=NOW, offers="BBL leerlingen en stagiairs")
    add_contact(session, "Cees", now=NOW, needs="subsidies voor verduurzaming")
    add_contact(session, "Dina", now=NOW, offers="werkplaats")
    add_contact(session, "Eva", now=NOW, offers="leerlingen")
    add_contact(session, "Frits", now=NOW, needs="een notaris", offers="niets passends")
    matches = introduction_matches(session, "Anna")
    assert [(m.needer, m.offerer, m.words) for m in matches] == [
        ("Anna", "Bram", ("BBL", "leerlingen")),
        ("Cees", "Anna", ("subsidies",)),
        ("Anna", "Dina", ("werkplaats",)),
    ]
    assert [(m.needer, m.offerer) for m in introduction_matches(session, "Anna", limit=9)][3:] == [
        ("Anna", "Eva")
    ]
    assert brief(session, "Anna", today=TODAY).matches == matches


def test_no_needs_or_offers_no_suggestions(session: Session) -> None:
    add_contact(session, "Anna", now=NOW)
    add_contact(session, "Bram", now=NOW, offers="alles")
    assert introduction_matches(session, "Anna") == []


def test_matches_are_found_for_any_names(fresh: Fresh) -> None:
    with fresh() as session:
        add_contact(session, "Zoë", now=NOW, needs="één vertaler")
        add_contact(session, "Ülkü", now=NOW, offers="Vertaler Turks")
        (match,) = introduction_matches(session, "Ülkü")
        assert (match.needer, match.offerer, match.words) == ("Zoë", "Ülkü", ("vertaler",))
