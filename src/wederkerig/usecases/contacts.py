"""Use cases for contacts: add, find (by name or alias), list, show, edit, remove. Never prints."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, col, select

from wederkerig.core.errors import InvalidInputError, NotFoundError, RefusedError, did_you_mean
from wederkerig.core.i18n import N_, _, ngettext
from wederkerig.core.names import (
    check_label,
    check_name,
    check_text,
    closest,
    name_key,
    sort_key,
    tag_name,
    tidy,
)
from wederkerig.core.vocabulary import ContactOrder, Direction, Status
from wederkerig.store.models import Alias, Contact, Entry, Group, Membership, Tag, TagCadence


class ContactCard(NamedTuple):
    """A contact as listed and exported; the field order is the export's column order."""

    name: str
    organisation: str | None
    email: str | None
    tags: tuple[str, ...]
    aliases: tuple[str, ...]
    note: str | None
    needs: str | None  # what they are looking for, matched by 'brief' against others' offers
    offers: str | None


MAX_NEEDS = 500  # needs and offers are a line of keywords, not a note


@dataclass(frozen=True)
class ContactSummary:
    """A contact with the shape of its history, for ``contact show``."""

    card: ContactCard
    entries: int
    first_date: date | None
    last_date: date | None
    every_days: int | None  # the cadence that applies: their own, else their tags'
    groups: tuple[str, ...]
    days_since: int | None = None  # since the last contact (see last_contact), as of today


def resolve_contact(session: Session, query: str) -> Contact:
    """The one contact meant by ``query``: its full name, else a unique alias.

    A full name always wins (names are unique); an alias shared by several contacts is
    refused with the candidates rather than guessed.
    """
    if not query.strip():
        raise InvalidInputError(_("the name is empty: give a contact's name or alias"))
    key = name_key(query)
    contact = session.exec(select(Contact).where(Contact.name_key == key)).first()
    if contact is not None:
        return contact
    by_alias = session.exec(
        select(Contact).join(Alias).where(Alias.key == key).order_by(Contact.name_key)
    ).all()
    if len(by_alias) == 1:
        return by_alias[0]
    if by_alias:
        names = _(" or ").join(f"'{c.name}'" for c in by_alias)
        raise RefusedError(
            _("'{name}' is ambiguous: it may mean {names}; use the full name").format(
                name=tidy(query), names=names
            )
        )
    raise NotFoundError(
        _("no contact called '{name}'.{suggestion}").format(
            name=tidy(query), suggestion=did_you_mean(suggestions(session, query))
        ),
        field="contact",
    )


def suggestions(session: Session, query: str) -> list[str]:
    """Names that share a word with ``query`` (a first name), then names that look alike."""
    key = name_key(query)
    rows = session.exec(select(Contact.name, Alias.name).join(Alias, isouter=True)).all()
    names = sorted({name for name, _ in rows})
    sharing_a_word = [name for name in names if key in name_key(name).split()]
    alike = closest(query, names + [alias for _, alias in rows if alias])
    suggestions = dict.fromkeys(sharing_a_word[:3] + alike)
    return list(suggestions)[:3]


def add_contact(
    session: Session,
    name: str,
    *,
    now: datetime,
    organisation: str | None = None,
    email: str | None = None,
    tags: Sequence[str] = (),
    aliases: Sequence[str] = (),
    note: str | None = None,
    needs: str | None = None,
    offers: str | None = None,
) -> ContactCard:
    """Add a contact; a name that differs only in case, spacing or accents' encoding is refused."""
    name = check_name(name)
    _refuse_taken_name(session, name)
    contact = Contact(
        name=name,
        name_key=name_key(name),
        organisation=_optional_text(organisation, N_("organisation")),
        email=_check_email(email),
        note=_optional_text(note, N_("note"), max_length=10_000),
        needs=_optional_text(needs, N_("needs"), max_length=MAX_NEEDS),
        offers=_optional_text(offers, N_("offers"), max_length=MAX_NEEDS),
        created_at=now,
    )
    session.add(contact)
    session.flush()
    attach_tags(session, contact, tags)
    attach_aliases(session, contact, aliases)
    return card(session, contact)


def _refuse_taken_name(session: Session, name: str, keep: Contact | None = None) -> None:
    key = name_key(name)
    taken = session.exec(select(Contact).where(Contact.name_key == key)).first()
    if taken is not None and taken is not keep:
        raise RefusedError(
            _(
                "a contact called '{name}' already exists: use it, or tell them apart "
                "(for example 'Jan de Vries (gemeente)')"
            ).format(name=taken.name)
        )
    owner = session.exec(
        select(Contact).join(Alias).where(Alias.key == key, Contact.id != (keep and keep.id))
    ).first()
    if owner is not None:
        raise RefusedError(
            _(
                "'{name}' is an alias of '{owner}', so a contact of that name would take it "
                "over: choose a fuller name, or first remove the alias "
                "(wederkerig contact edit '{owner}' --unalias '{name}')"
            ).format(name=name, owner=owner.name)
        )


def _optional_text(text: str | None, what: str, *, max_length: int = 200) -> str | None:
    """A free-text field; '' clears it. Only notes may span several lines."""
    if text is None:
        return None
    cleaned = text.strip()
    if not cleaned:
        return None
    if what != "note" and ("\n" in cleaned or "\r" in cleaned):
        raise InvalidInputError(
            _("the {what} spans several lines: give it on one line").format(what=_(what))
        )
    return check_text(cleaned, what, max_length=max_length)


def _check_email(email: str | None) -> str | None:
    email = _optional_text(email, N_("email address"))
    if email is None:
        return None
    local, at, domain = email.partition("@")
    if not (at and local and "." in domain and " " not in email):
        raise InvalidInputError(
            _("'{email}' is not an email address: write it like anna@example.nl").format(
                email=email
            )
        )
    return email


def attach_tags(session: Session, contact: Contact, tags: Iterable[str]) -> None:
    assert contact.id is not None
    existing = set(session.exec(select(Tag.name).where(Tag.contact_id == contact.id)).all())
    for tag in dict.fromkeys(tag_name(t) for t in tags):
        if tag not in existing:
            session.add(Tag(contact_id=contact.id, name=tag))


def attach_aliases(session: Session, contact: Contact, aliases: Iterable[str]) -> None:
    assert contact.id is not None
    for alias in aliases:
        alias = check_label(alias, N_("alias"))
        key = name_key(alias)
        if key == contact.name_key:
            continue
        owner = session.exec(select(Contact).where(Contact.name_key == key)).first()
        if owner is not None:
            raise RefusedError(
                _(
                    "'{alias}' is the full name of another contact, so it cannot be an alias "
                    "of '{contact}': choose another alias"
                ).format(alias=alias, contact=contact.name)
            )
        known = session.exec(
            select(Alias).where(Alias.contact_id == contact.id, Alias.key == key)
        ).first()
        if known is None:
            session.add(Alias(contact_id=contact.id, name=alias, key=key))


def card(session: Session, contact: Contact) -> ContactCard:
    session.flush()
    tags = session.exec(select(Tag.name).where(Tag.contact_id == contact.id).order_by(Tag.name))
    aliases = session.exec(
        select(Alias.name).where(Alias.contact_id == contact.id).order_by(Alias.key)
    )
    return ContactCard(
        name=contact.name,
        organisation=contact.organisation,
        email=contact.email,
        tags=tuple(tags.all()),
        aliases=tuple(aliases.all()),
        note=contact.note,
        needs=contact.needs,
        offers=contact.offers,
    )


class ListedContact(NamedTuple):
    """A contact's card with what ``--sort last`` and ``--sort net`` order by."""

    card: ContactCard
    last_date: date | None  # the latest entry of any kind or status, as last_in_touch
    net: int  # points given minus received, over what happened (as balance counts)


def list_contacts(
    session: Session, *, tag: str | None = None, organisation: str | None = None
) -> list[ContactCard]:
    """Contacts in name order, as exported and listed for scripts."""
    return [listed.card for listed in contact_list(session, tag=tag, organisation=organisation)]


def contact_list(
    session: Session,
    *,
    tag: str | None = None,
    organisation: str | None = None,
    order: ContactOrder = ContactOrder.NAME,
) -> list[ListedContact]:
    """Contacts with their tags, aliases, last date and net, gathered in four queries, not N.

    ``last`` puts those never (or longest) out of touch first; ``net`` puts those you gave
    the most more than you received first. Ties, and ``name``, go by name."""
    query = select(Contact).order_by(Contact.name_key)
    if tag is not None:
        query = query.where(
            col(Contact.id).in_(select(Tag.contact_id).where(Tag.name == tag_name(tag)))
        )
    contacts = sorted(session.exec(query).all(), key=lambda c: sort_key(c.name))
    if organisation is not None:
        wanted = name_key(organisation)
        contacts = [c for c in contacts if wanted in name_key(c.organisation or "")]
    tags: dict[int, list[str]] = {}
    for contact_id, name in session.exec(select(Tag.contact_id, Tag.name).order_by(Tag.name)):
        tags.setdefault(contact_id, []).append(name)
    aliases: dict[int, list[str]] = {}
    for contact_id, name in session.exec(select(Alias.contact_id, Alias.name).order_by(Alias.key)):
        aliases.setdefault(contact_id, []).append(name)
    standing = _standing(session)
    listed = [
        ListedContact(
            ContactCard(
                name=c.name,
                organisation=c.organisation,
                email=c.email,
                tags=tuple(tags.get(c.id or 0, ())),
                aliases=tuple(aliases.get(c.id or 0, ())),
                note=c.note,
                needs=c.needs,
                offers=c.offers,
            ),
            *standing.get(c.id or 0, (None, 0)),
        )
        for c in contacts
    ]
    if order is ContactOrder.LAST:
        listed.sort(key=lambda one: one.last_date or date.min)
    elif order is ContactOrder.NET:
        listed.sort(key=lambda one: -one.net)
    return listed


def _standing(session: Session) -> dict[int, tuple[date | None, int]]:
    """Each contact's latest entry date and net points, in one GROUP BY."""
    done = col(Entry.status) == Status.DONE.value
    signed = sa.case(
        (sa.and_(done, col(Entry.direction) == Direction.GAVE.value), col(Entry.value)),
        (done, -col(Entry.value)),
        else_=0,
    )
    rows = session.exec(
        select(Entry.contact_id, func.max(Entry.occurred_on), func.sum(signed)).group_by(
            col(Entry.contact_id)
        )
    )
    return {contact_id: (last, int(net or 0)) for contact_id, last, net in rows}


def show_contact(session: Session, query: str, *, today: date) -> ContactSummary:
    contact = resolve_contact(session, query)
    count, first, last = session.exec(
        select(func.count(), func.min(Entry.occurred_on), func.max(Entry.occurred_on)).where(
            Entry.contact_id == contact.id
        )
    ).one()
    assert contact.id is not None
    every_days = contact_cadence(session, contact.id)
    groups = contact_groups(session, contact.id)
    _last, days_since = last_contact(session, contact.id, today=today)
    return ContactSummary(
        card(session, contact), count, first, last, every_days, groups, days_since
    )


def contact_groups(session: Session, contact_id: int) -> tuple[str, ...]:
    """The groups a contact is a member of, in name order."""
    return tuple(
        session.exec(
            select(Group.name)
            .join(Membership, col(Membership.group_id) == Group.id)
            .where(Membership.contact_id == contact_id)
            .order_by(col(Group.name_key))
        ).all()
    )


def last_in_touch(session: Session, contact_id: int) -> date | None:
    """The latest entry with a contact of any kind or status: a promise made in a meeting
    counts as being in touch, as 'due' counts it."""
    return session.exec(
        select(func.max(Entry.occurred_on)).where(Entry.contact_id == contact_id)
    ).one()


def last_contact(
    session: Session, contact_id: int, *, today: date
) -> tuple[date | None, int | None]:
    """ "Last contact" wherever a report says it (balance NAME, brief, contact show): the
    date of :func:`last_in_touch`, over all time whatever period a report covers, and the
    days since it as of ``today``."""
    last = last_in_touch(session, contact_id)
    return last, (today - last).days if last else None


def contact_cadence(session: Session, contact_id: int) -> int | None:
    """The cadence that applies to one contact: their own, else their tags' shortest."""
    own = session.exec(select(Contact.every_days).where(Contact.id == contact_id)).one()
    if own is not None:
        return own
    return session.exec(
        select(func.min(TagCadence.every_days))
        .join(Tag, col(Tag.name) == TagCadence.tag)
        .where(Tag.contact_id == contact_id)
    ).one()


def edit_contact(
    session: Session,
    query: str,
    *,
    name: str | None = None,
    organisation: str | None = None,
    email: str | None = None,
    note: str | None = None,
    needs: str | None = None,
    offers: str | None = None,
    add_tags: Sequence[str] = (),
    remove_tags: Sequence[str] = (),
    add_aliases: Sequence[str] = (),
    remove_aliases: Sequence[str] = (),
) -> ContactCard:
    """Change what is given; ``""`` clears a field, ``None`` leaves it as it is."""
    contact = resolve_contact(session, query)
    if name is not None:
        new_name = check_name(name)
        _refuse_taken_name(session, new_name, keep=contact)
        contact.name, contact.name_key = new_name, name_key(new_name)
    if organisation is not None:
        contact.organisation = _optional_text(organisation, N_("organisation"))
    if email is not None:
        contact.email = _check_email(email)
    if note is not None:
        contact.note = _optional_text(note, N_("note"), max_length=10_000)
    if needs is not None:
        contact.needs = _optional_text(needs, N_("needs"), max_length=MAX_NEEDS)
    if offers is not None:
        contact.offers = _optional_text(offers, N_("offers"), max_length=MAX_NEEDS)
    session.add(contact)
    session.flush()
    for tag in remove_tags:
        _remove_one(
            session, Tag, Tag.contact_id == contact.id, Tag.name == tag_name(tag), label=tag
        )
    for alias in remove_aliases:
        _remove_one(
            session,
            Alias,
            Alias.contact_id == contact.id,
            Alias.key == name_key(alias),
            label=alias,
        )
    attach_tags(session, contact, add_tags)
    attach_aliases(session, contact, add_aliases)
    return card(session, contact)


def _remove_one(
    session: Session, table: type[Tag] | type[Alias], *where: object, label: str
) -> None:
    found = session.exec(select(table).where(*where)).first()  # type: ignore[arg-type]
    if found is None:
        if table is Tag:
            missing = _("the contact has no tag '{label}': see 'wederkerig contact show'")
        else:
            missing = _("the contact has no alias '{label}': see 'wederkerig contact show'")
        raise NotFoundError(missing.format(label=label))
    session.delete(found)


def remove_contact(session: Session, query: str) -> ContactCard:
    """Remove a contact that has no entries; entries are history and are never dropped silently."""
    contact = resolve_contact(session, query)
    count = session.exec(select(func.count()).where(Entry.contact_id == contact.id)).one()
    if count:
        raise RefusedError(
            ngettext(
                "'{name}' has {count} entry: remove them first "
                "(see 'wederkerig entries \"{name}\"' and 'wederkerig rm ID'), "
                "or keep the contact",
                "'{name}' has {count} entries: remove them first "
                "(see 'wederkerig entries \"{name}\"' and 'wederkerig rm ID'), "
                "or keep the contact",
                count,
            ).format(name=contact.name, count=count)
        )
    removed = card(session, contact)
    session.delete(contact)
    return removed
