"""One person however their name is typed: case, spacing, Unicode normalisation, any script."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wederkerig.core.errors import InvalidInputError
from wederkerig.core.names import (
    check_name,
    check_text,
    closest,
    name_key,
    sort_key,
    tag_name,
    tidy,
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("José Martínez", "JOSÉ  MARTÍNEZ"),
        ("José Martínez", unicodedata.normalize("NFD", "José Martínez")),  # combining accents
        ("Ülkü Yılmaz", " ülkü yılmaz "),
        ("Søren Ødegaard", "SØREN ØDEGAARD"),
        ("ΣΊΣΥΦΟΣ", "σίσυφος"),  # Greek, final sigma too
        ("Straße", "STRASSE"),
        ("李娜", " 李娜"),
    ],
)
def test_names_that_differ_only_in_how_they_are_typed_share_a_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("one", "other"), [("Jan Bakker", "Jan de Wit"), ("Anne", "Anné")])
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


@given(st.text())
def test_name_key_and_tidy_are_idempotent(text: str) -> None:
    assert name_key(name_key(text)) == name_key(text)
    assert tidy(tidy(text)) == tidy(text)
    assert name_key(tidy(text)) == name_key(text)


def test_a_name_is_stored_tidy() -> None:
    assert check_name("  Anna \u00a0 de   Vries ") == "Anna de Vries"
    assert check_name("O'Brien-Nguyễn") == "O'Brien-Nguyễn"
    assert check_name("👩\u200d💻 Dev 2") == "👩\u200d💻 Dev 2"  # joiners belong to the text


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("   ", "is empty"),
        ("---", "no letter or digit"),
        ("Anna\nde Vries", "spans several lines"),
        ("Anna\x1b[31m", "control characters"),
        ("Anna\u202e", "control characters"),  # a bidi override
        ("A" * 201, "characters long"),
    ],
)
def test_what_is_no_name_is_refused_saying_why(typed: str, problem: str) -> None:
    with pytest.raises(InvalidInputError, match=problem):
        check_name(typed)


def test_windows_line_breaks_in_text_become_plain_ones() -> None:
    assert check_text("one\r\ntwo", "note") == "one\ntwo"


def test_a_tag_is_kept_in_its_comparison_form_without_separators() -> None:
    assert tag_name(" Drechtsteden ") == "drechtsteden"
    with pytest.raises(InvalidInputError, match="separates several"):
        tag_name("a;b")


def test_closest_finds_names_that_contain_or_resemble_what_was_typed() -> None:
    names = ["Anneke de Vries", "Jan Bakker", "Jan de Wit"]
    assert closest("vries", names) == ["Anneke de Vries"]
    assert closest("Jan Baker", names)[0] == "Jan Bakker"
    assert closest("xyz", names) == []


# --- name order (issue #14) ------------------------------------------------------------------


def test_names_sort_as_a_dictionary_does_accents_and_case_aside() -> None:
    names = ["Zoë Janssen", "Ülkü Yılmaz", "anna Bakker", "Émile Dubois", "Øystein Berg",
             "Anneke de Vries", "Ada"]  # fmt: skip
    assert sorted(names, key=sort_key) == [
        "Ada", "anna Bakker", "Anneke de Vries", "Émile Dubois", "Øystein Berg", "Ülkü Yılmaz",
        "Zoë Janssen",
    ]  # fmt: skip


PLAIN = "aeiouAEIOU "
ACCENTED = {"á": "a", "ë": "e", "Í": "I", "ö": "o", "Ü": "U", "ç": "c", "Ø": "O", "ø": "o"}


@given(st.text(alphabet=PLAIN + "".join(ACCENTED), min_size=1))
def test_an_accent_or_capital_never_moves_a_name_past_other_letters(text: str) -> None:
    """The order a name takes among others is that of its letters without accents or case."""
    bare = "".join(ACCENTED.get(char, char) for char in text)
    assert sort_key(text)[0] == sort_key(bare.lower())[0]


@given(st.text(min_size=1))
def test_one_person_sorts_in_one_place_however_the_name_is_typed(name: str) -> None:
    """Spacing and Unicode normalisation, which never make another person, never move a name."""
    for typed in (f"  {name} ", unicodedata.normalize("NFD", name), name.replace(" ", "  ")):
        assert sort_key(typed) == sort_key(name)


@given(st.text())
def test_the_sort_key_ends_with_the_name_key_and_keeps_no_accent(name: str) -> None:
    """A name sorts with its accents dropped, then by its comparison form, exactly."""
    folded, key = sort_key(name)
    assert key == name_key(name)
    assert not any(unicodedata.combining(char) for char in folded)
