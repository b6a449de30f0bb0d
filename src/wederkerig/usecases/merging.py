"""Merging two contacts that turned out to be one person."""

from dataclasses import dataclass

from sqlalchemy import update
from sqlmodel import Session, col, select

from wederkerig.core.errors import RefusedError
from wederkerig.core.i18n import N_, _
from wederkerig.core.names import name_key
from wederkerig.store.models import Entry, Membership
from wederkerig.usecases.contacts import attach_aliases, attach_tags, card, resolve_contact


@dataclass(frozen=True)
class Merge:
    """What ``merge`` moved from one contact into another, and what it kept."""

    kept: str
    absorbed: str
    entries: int
    tags: tuple[str, ...]
    aliases: tuple[str, ...]
    conflicts: tuple[str, ...]  # fields where both had a value: the kept contact's stays


def merge_contacts(session: Session, keep: str, absorb: str) -> Merge:
    """Fold ``absorb`` into ``keep``: entries move, tags and aliases join, empty fields fill in.

    The absorbed name becomes an alias, so scripts and habits that used it still work.
    """
    kept, gone = resolve_contact(session, keep), resolve_contact(session, absorb)
    if kept.id == gone.id:
        raise RefusedError(
            _("'{kept}' and '{absorbed}' are the same contact").format(
                kept=kept.name, absorbed=gone.name
            )
        )
    before, other = card(session, kept), card(session, gone)
    moved = session.exec(
        update(Entry).where(col(Entry.contact_id) == gone.id).values(contact_id=kept.id)
    ).rowcount
    conflicts = []
    fields = (N_("organisation"), N_("email"), N_("note"), N_("needs"), N_("offers"))
    for field_name in fields:  # shown in the summary
        mine, theirs = getattr(kept, field_name), getattr(gone, field_name)
        if theirs and not mine:
            setattr(kept, field_name, theirs)
        elif theirs and theirs != mine:
            conflicts.append(f"{_(field_name)} '{theirs}'")
    aliases = [alias for alias in (*other.aliases, gone.name) if name_key(alias) != kept.name_key]
    if ";" in gone.name:  # ';' joins aliases in CSV, so this name cannot become one
        aliases.remove(gone.name)
        conflicts.append(
            _("name '{name}' (not kept as an alias: it holds ';')").format(name=gone.name)
        )
    for group_id in session.exec(
        select(Membership.group_id).where(Membership.contact_id == gone.id)
    ):
        if session.get(Membership, (group_id, kept.id)) is None:
            session.add(Membership(group_id=group_id, contact_id=kept.id))  # type: ignore[arg-type]
    session.delete(gone)
    session.flush()
    attach_tags(session, kept, other.tags)
    attach_aliases(session, kept, aliases)
    after = card(session, kept)
    return Merge(
        kept=kept.name,
        absorbed=gone.name,
        entries=moved,
        tags=tuple(t for t in after.tags if t not in before.tags),
        aliases=tuple(a for a in after.aliases if a not in before.aliases),
        conflicts=tuple(conflicts),
    )
