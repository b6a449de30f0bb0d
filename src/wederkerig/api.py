"""The library: a ledger from Python, with the command line's rules and none of its printing.

    from wederkerig import Direction, Kind, Ledger

    with Ledger.open() as ledger:  # the ledger 'wederkerig' itself would use
        ledger.add_contact("Anneke de Vries")
        ledger.log("Anneke de Vries", Direction.GAVE, Kind.KNOWLEDGE, "a tour of the lab")
        rows = ledger.balance()

Each method is one transaction, calls the same use case a command calls, returns immutable
values (never live database objects) and raises the errors of :mod:`wederkerig.core.errors`.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Self, TextIO

from wederkerig.core import money
from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import _
from wederkerig.core.vocabulary import Direction, Kind
from wederkerig.formats import columns, readers, writers
from wederkerig.settings import config, paths
from wederkerig.store.database import Database, open_ledger
from wederkerig.store.filters import Selection
from wederkerig.usecases import balances, contacts, entries, import_entries
from wederkerig.usecases.balances import BalanceRow
from wederkerig.usecases.contacts import ContactCard
from wederkerig.usecases.entries import EntryRow
from wederkerig.usecases.import_entries import ImportReport


class Ledger:
    """One opened ledger; use it in a ``with`` block, which closes it."""

    def __init__(self, database: Database) -> None:
        self._database = database

    @classmethod
    def open(cls, target: str | None = None, *, create: bool = False) -> Self:
        """Open the ledger ``target`` names (a file path or a SQLAlchemy URL), else the one the
        command line would use: ``WEDERKERIG_DB``, then the ``db`` setting, then the default.

        A missing ledger is refused (:class:`~wederkerig.core.errors.NotFoundError`) unless
        ``create``; an older one is backed up and upgraded, as by any command. Amounts of money
        are in the ``currency`` setting's currency.
        """
        money.use(config.value("currency"))
        return cls(open_ledger(paths.choose_target(target), create=create))

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._database.dispose()

    @property
    def where(self) -> str:
        """The ledger as shown to people: its path, or its URL with any password masked."""
        return self._database.where

    def contacts(self, *, tag: str | None = None) -> list[ContactCard]:
        """Every contact in name order (or those with ``tag``)."""
        with self._database.transaction() as session:
            return contacts.list_contacts(session, tag=tag)

    def add_contact(
        self,
        name: str,
        *,
        organisation: str | None = None,
        email: str | None = None,
        tags: Sequence[str] = (),
        aliases: Sequence[str] = (),
        note: str | None = None,
    ) -> ContactCard:
        """Add a contact; a name the ledger already knows is refused."""
        with self._database.transaction(write=True) as session:
            return contacts.add_contact(
                session,
                name,
                now=datetime.now(UTC),
                organisation=organisation,
                email=email,
                tags=tags,
                aliases=aliases,
                note=note,
            )

    def log(
        self,
        contact: str,
        direction: Direction,
        kind: Kind,
        description: str = "",
        *,
        value: int = 1,
        amount: Decimal | None = None,
        on: date | None = None,
        event: str | None = None,
        create: bool = False,
    ) -> EntryRow:
        """Record one thing given or received (today, unless ``on``); with ``create`` an
        unknown contact or event is added. Returns the entry as ``wederkerig entries`` lists it."""
        with self._database.transaction(write=True) as session:
            return entries.log_entry(
                session,
                contact=contact,
                direction=direction,
                kind=kind,
                description=description,
                value=value,
                amount=amount,
                on=on or date.today(),
                event=event,
                create=create,
                member=config.me(),
                now=datetime.now(UTC),
            )

    def balance(self, *, by_kind: bool = False) -> list[BalanceRow]:
        """One row per contact with entries (with ``by_kind``, one per contact and kind)."""
        with self._database.transaction() as session:
            return balances.balance_rows(session, Selection(), by_kind=by_kind)

    def export(self, stream: TextIO, file_format: str = "csv") -> None:
        """Write every entry to ``stream`` as ``wederkerig export`` does: CSV or JSON."""
        chosen = _machine_format(file_format)
        with self._database.transaction() as session:
            writers.write_entries(chosen, stream, session, Selection(statuses=None))

    def import_entries(
        self,
        source: str | Path | TextIO,
        *,
        file_format: str | None = None,
        create_contacts: bool = False,
    ) -> ImportReport:
        """Add the entries of an export (a file, or an open text stream) that the ledger does
        not hold yet: all of them or, when one row is wrong, none. ``file_format``: csv or json;
        by default by the file's name, else CSV."""
        if not isinstance(source, str | Path):
            named = str(getattr(source, "name", None) or "stream")
            try:
                return self._import(source, named, file_format, create_contacts)
            except UnicodeDecodeError:  # as open_text says it of a file
                raise InvalidInputError(
                    _("{source} is not UTF-8 text: save it as UTF-8").format(source=named)
                ) from None
        with readers.open_text(str(source)) as (stream, where):
            return self._import(stream, where, file_format, create_contacts)

    def _import(
        self, stream: TextIO, source: str, file_format: str | None, create_contacts: bool
    ) -> ImportReport:
        if file_format is None:  # as 'wederkerig import entries' decides
            file_format = "json" if source.lower().endswith(".json") else "csv"
        json = _machine_format(file_format) is columns.MachineFormat.JSON
        read = readers.read_json if json else readers.read_csv
        rows = read(stream, columns.ENTRY_COLUMNS, source, older=columns.OLDER_ENTRY_COLUMNS)
        with self._database.transaction(write=True) as session:
            return import_entries.import_entries(
                session,
                rows,
                source=source,
                now=datetime.now(UTC),
                today=date.today(),
                create_contacts=create_contacts,
                member=config.me(),
            )


def _machine_format(name: str) -> columns.MachineFormat:
    try:
        return columns.MachineFormat(name.lower())
    except ValueError:
        raise InvalidInputError(
            _("unknown format '{name}': use csv or json").format(name=name)
        ) from None
