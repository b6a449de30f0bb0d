"""The library facade: a ledger from Python, one transaction per call, plain values back."""

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

import wederkerig
from helpers import LedgerUnderTest
from wederkerig import Direction, InvalidInputError, Kind, Ledger, NotFoundError, RefusedError


def test_a_missing_ledger_is_refused_unless_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    with pytest.raises(NotFoundError, match="wederkerig init"):
        Ledger.open(str(missing))
    assert not missing.exists()


def test_add_log_and_balance(db: LedgerUnderTest) -> None:
    with Ledger.open(db.target, create=True) as ledger:
        card = ledger.add_contact("Anneke de Vries", aliases=["Anneke"], tags=["lab"])
        gave = ledger.log("Anneke", Direction.GAVE, Kind.KNOWLEDGE, "a tour", value=3)
        ledger.log("Anneke de Vries", Direction.RECEIVED, Kind.MONEY, amount=Decimal("12.50"))
        assert (card.name, card.tags) == ("Anneke de Vries", ("lab",))
        assert (gave.contact, gave.direction, gave.value) == ("Anneke de Vries", "gave", 3)
        assert [contact.name for contact in ledger.contacts()] == ["Anneke de Vries"]
        (row,) = ledger.balance()
    assert (row.label, row.gave, row.received, row.net) == ("Anneke de Vries", 3, 1, 2)
    assert row.amount_received == Decimal("12.50")


def test_an_unknown_contact_is_refused_and_nothing_is_written(db: LedgerUnderTest) -> None:
    with Ledger.open(db.target, create=True) as ledger:
        with pytest.raises(NotFoundError, match="Nobody"):
            ledger.log("Nobody", Direction.GAVE, Kind.TALENT)
        ledger.add_contact("Kees")
        with pytest.raises(RefusedError):
            ledger.add_contact("kees")
        assert ledger.balance() == []
        assert [contact.name for contact in ledger.contacts()] == ["Kees"]


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_an_export_imports_into_another_ledger_unchanged(
    db: LedgerUnderTest, tmp_path: Path, file_format: str
) -> None:
    with Ledger.open(db.target, create=True) as ledger:
        ledger.log("Anneke", Direction.GAVE, Kind.ACCESS, "an introduction", create=True)
        ledger.log("Kees", Direction.RECEIVED, Kind.TALENT, "a logo", value=2, create=True)
        written = io.StringIO()
        ledger.export(written, file_format=file_format)
    copy = tmp_path / f"copy.{file_format}"
    copy.write_text(written.getvalue())
    with Ledger.open(str(tmp_path / "other.db"), create=True) as other:
        report = other.import_entries(copy, create_contacts=True)
        again = other.import_entries(io.StringIO(written.getvalue()), file_format=file_format)
        exported = io.StringIO()
        other.export(exported, file_format=file_format)
    assert (report.added, again.added, again.skipped) == (2, 0, 2)
    assert exported.getvalue() == written.getvalue()
    if file_format == "json":
        assert [entry["contact"] for entry in json.loads(written.getvalue())] == ["Anneke", "Kees"]


def test_an_unknown_format_is_refused(db: LedgerUnderTest) -> None:
    with Ledger.open(db.target, create=True) as ledger:
        with pytest.raises(InvalidInputError, match="use csv or json"):
            ledger.export(io.StringIO(), file_format="xml")
        with pytest.raises(InvalidInputError, match="use csv or json"):
            ledger.import_entries(io.StringIO(""), file_format="xml")


def test_the_package_exports_its_public_names() -> None:
    assert {name for name in wederkerig.__all__ if not hasattr(wederkerig, name)} == set()
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        wederkerig.Nothing  # noqa: B018


def test_a_stream_that_is_not_utf8_is_refused_as_a_file_is(db: LedgerUnderTest) -> None:
    latin = io.TextIOWrapper(io.BytesIO("caf\xe9".encode("latin-1")), encoding="utf-8")
    with Ledger.open(db.target, create=True) as ledger, pytest.raises(InvalidInputError):
        ledger.import_entries(latin)
