"""Contacts read from files (vCard or CSV): new ones added, known ones completed.

An import is one transaction; a single bad row stops it, naming the file and line.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from wederkerig.core.errors import InvalidInputError, RefusedError
from wederkerig.core.names import check_name, name_key
from wederkerig.store.models import Alias, Contact
from wederkerig.usecases.contacts import ContactCard, add_contact, card, edit_contact


@dataclass(frozen=True)
class ContactImportReport:
    rows: int
    added: tuple[str, ...]
    merged: tuple[str, ...]
    skipped: int
    dry_run: bool = False
    kept: tuple[str, ...] = ()  # known contacts whose own fields differ from the file's


def import_contacts(
    session: Session,
    rows: Iterable[tuple[int, dict[str, str]]],
    *,
    source: str,
    now: datetime,
    dry_run: bool = False,
) -> ContactImportReport:
    """Add new contacts and complete known ones, matched by name (however typed) or email.

    A known contact only gains: empty fields are filled and tags and aliases added; nothing
    they already have is overwritten. For a dry run the caller rolls the transaction back.
    """
    added: list[str] = []
    merged: list[str] = []
    kept: list[str] = []
    touched: set[str] = set()  # name keys of contacts this import added or completed
    total = 0
    for line, row in rows:
        total += 1
        name = row["name"]
        try:
            existing = _match_contact(session, name, row["email"], touched)
            tags, aliases = _split(row["tags"]), _split(row["aliases"])
            if existing is None:
                add_contact(
                    session,
                    name,
                    now=now,
                    organisation=row["organisation"] or None,
                    email=row["email"] or None,
                    tags=tags,
                    aliases=aliases,
                    note=row["note"] or None,
                    needs=row["needs"] or None,
                    offers=row["offers"] or None,
                )
                added.append(name)
                touched.add(name_key(name))
                continue
            before = card(session, existing)
            edit_contact(
                session,
                existing.name,
                organisation=None if before.organisation else row["organisation"] or None,
                email=None if before.email else row["email"] or None,
                note=None if before.note else row["note"] or None,
                needs=None if before.needs else row["needs"] or None,
                offers=None if before.offers else row["offers"] or None,
                add_tags=tags,
                add_aliases=[a for a in aliases if name_key(a) != existing.name_key],
            )
        except (InvalidInputError, RefusedError) as problem:
            raise InvalidInputError(f"{source}:{line}: {problem}") from None
        touched.add(existing.name_key)
        if card(session, existing) != before:
            merged.append(existing.name)
        if _differs(before, row) and existing.name not in kept and existing.name not in added:
            kept.append(existing.name)
    return ContactImportReport(
        total, tuple(added), tuple(merged), total - len(added) - len(merged), dry_run, tuple(kept)
    )


def _differs(known: ContactCard, row: dict[str, str]) -> bool:
    """Whether the file says something else than the ledger about a field the ledger keeps
    (spacing and line endings aside: the ledger stored its own value tidied)."""
    return any(
        theirs.strip() and ours and " ".join(theirs.split()) != " ".join(ours.split())
        for ours, theirs in (
            (known.organisation, row["organisation"]),
            (known.email, row["email"]),
            (known.note, row["note"]),
            (known.needs, row["needs"]),
            (known.offers, row["offers"]),
        )
    )


def _split(joined: str) -> list[str]:
    return [part.strip() for part in joined.split(";") if part.strip()]


def _match_contact(session: Session, name: str, email: str, touched: set[str]) -> Contact | None:
    """The contact a card or row describes: same name however typed, else a unique alias,
    else the one contact with that email (not one this import already added or completed,
    so two people sharing an email address both survive a round trip)."""
    key = name_key(check_name(name))
    found = session.exec(select(Contact).where(Contact.name_key == key)).first()
    if found is not None:
        return found
    by_alias = session.exec(select(Contact).join(Alias).where(Alias.key == key)).all()
    if len(by_alias) == 1:
        return by_alias[0]
    if email.strip():
        by_email = session.exec(
            select(Contact).where(sa.func.lower(Contact.email) == email.strip().lower())
        ).all()
        if len(by_email) == 1 and by_email[0].name_key not in touched:
            return by_email[0]
    return None
