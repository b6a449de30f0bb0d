"""Before a meeting: everything about one contact on one screen, and what to do. Never prints."""

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, select

from wederkerig.core.dates import last_twelve_months
from wederkerig.core.i18n import _, ngettext
from wederkerig.core.vocabulary import Direction, Kind, shown_kind
from wederkerig.store.filters import Selection
from wederkerig.store.models import Entry
from wederkerig.usecases.balances import ZERO, Tally, balance_rows
from wederkerig.usecases.contacts import (
    ContactCard,
    card,
    contact_cadence,
    contact_groups,
    last_contact,
    resolve_contact,
)
from wederkerig.usecases.entries import EntryRow, iter_entries, newest_entries
from wederkerig.usecases.giving import Recipient, give_next
from wederkerig.usecases.introductions import IntroductionRow, list_introductions
from wederkerig.usecases.loops import OpenLoop, open_loops
from wederkerig.usecases.matching import IntroductionMatch, introduction_matches
from wederkerig.usecases.periods import MonthlyFlow, monthly_flow
from wederkerig.usecases.promises import OpenPromise, open_promises

RECENT = 5
FOLLOW_UP_DAYS = 30  # an introduction this old without an outcome: ask how it went


@dataclass(frozen=True)
class Brief:
    contact: ContactCard
    groups: tuple[str, ...]
    every_days: int | None
    last_date: date | None
    days_since: int | None
    by_kind: dict[Kind, Tally]
    amount_gave: Decimal
    amount_received: Decimal
    monthly: MonthlyFlow  # the last twelve months
    promises: list[OpenPromise]  # both ways, overdue first
    loops: list[OpenLoop]  # both ways, oldest first
    introductions: list[IntroductionRow]
    recent: list[EntryRow]  # the last five, in date order
    suggestions: list[str]
    matches: list[IntroductionMatch]  # introductions to suggest: needs met by offers
    # The givers-gain view's: the suggestions that weigh no side against the other, and what
    # you could give next (not in JSON, which stays the same in both views).
    givers_suggestions: list[str] = field(default_factory=list)
    give_next: list[str] = field(default_factory=list)

    @property
    def tally(self) -> Tally:
        return sum(self.by_kind.values(), Tally())


def brief(session: Session, contact: str, *, today: date, quiet_days: int = 180) -> Brief:
    person = resolve_contact(session, contact)
    assert person.id is not None
    mine = Selection(contact_id=person.id)
    rows = balance_rows(session, mine)
    first, last = last_twelve_months(today)
    last_date, days_since = last_contact(session, person.id, today=today)
    promises = open_promises(session, mine, today=today)
    loops = list(open_loops(session, mine, today=today, both=True))
    every_days = contact_cadence(session, person.id)
    found = Brief(
        contact=card(session, person),
        groups=contact_groups(session, person.id),
        every_days=every_days,
        last_date=last_date,
        days_since=days_since,
        by_kind=dict(rows[0].by_kind) if rows else dict.fromkeys(Kind, Tally()),
        amount_gave=rows[0].amount_gave if rows else ZERO,
        amount_received=rows[0].amount_received if rows else ZERO,
        monthly=monthly_flow(session, mine, first=first, last=last),
        promises=promises,
        loops=loops,
        introductions=list_introductions(session, person.name),
        recent=newest_entries(session, mine, RECENT)[0],
        suggestions=[],
        matches=introduction_matches(session, person.name),
    )
    received_since = _received_since_i_gave(session, mine)
    them = Recipient(person.id, person.name, found.by_kind, found.introductions, person.needs)
    return replace(
        found,
        suggestions=suggestions(found, received_since, today=today, quiet_days=quiet_days),
        givers_suggestions=suggestions(
            found, received_since, today=today, quiet_days=quiet_days, keep_score=False
        ),
        give_next=give_next(session, them),
    )


def _received_since_i_gave(session: Session, mine: Selection) -> list[EntryRow]:
    """What they gave after the last thing I gave them (everything, if I never gave)."""
    given = replace(mine, direction=Direction.GAVE).conditions()
    last_gave = session.exec(select(func.max(Entry.occurred_on)).where(*given)).one()
    since = last_gave + timedelta(days=1) if last_gave else None
    return list(iter_entries(session, replace(mine, direction=Direction.RECEIVED, since=since)))


def _times(count: int) -> str:
    if count == 1:
        return _("once")
    if count == 2:
        return _("twice")
    return _("{count} times").format(count=count)


def suggestions(
    found: Brief,
    received_since: list[EntryRow],
    *,
    today: date,
    quiet_days: int,
    keep_score: bool = True,
) -> list[str]:
    """What a thoughtful person would do next, in plain words, most pressing first.

    ``quiet_days``: without a cadence, this long without contact is worth a word. Without
    ``keep_score`` (the givers-gain view) nothing weighs gave against received, and nothing
    asks them for something back; what you owe them stays."""
    said: list[str] = []
    for promise in found.promises:
        if promise.mine and promise.overdue:
            said.append(
                _(
                    'You promised "{description}" and it is {days} days overdue: keep it '
                    "(keep {id}) or say it is off (drop)."
                ).format(
                    description=promise.entry.description,
                    days=-(promise.due_in_days or 0),
                    id=promise.entry.id,
                )
            )
    owed = [loop for loop in found.loops if loop.entry.direction == Direction.RECEIVED]
    if owed:
        oldest = owed[0]
        said.append(
            _(
                "Their {kind} of {date} is still unanswered ({days} days): answer it with "
                "'log ... --answers {id}'."
            ).format(
                kind=shown_kind(oldest.entry.kind),
                date=oldest.entry.date,
                days=oldest.age_days,
                id=oldest.entry.id,
            )
        )
    if keep_score and len(received_since) >= 2:
        kinds = Counter(row.kind for row in received_since)
        gave_before = found.tally.gave > 0
        if len(kinds) == 1:
            sentence = (
                _("They gave you {kind} {times} since you last gave anything.")
                if gave_before
                else _("They gave you {kind} {times} and you have given nothing yet.")
            )
        else:
            sentence = (
                _("They gave you something {times} since you last gave anything.")
                if gave_before
                else _("They gave you something {times} and you have given nothing yet.")
            )
        times = _times(len(received_since))
        said.append(sentence.format(kind=shown_kind(next(iter(kinds))), times=times))
    if found.every_days and found.days_since is not None and found.days_since > found.every_days:
        said.append(
            _(
                "You have not been in touch for {days} days; your rhythm with them "
                "is every {every} days."
            ).format(days=found.days_since, every=found.every_days)
        )
    elif not found.every_days and found.days_since is not None and found.days_since > quiet_days:
        said.append(
            ngettext(
                "It has been {days} day since you were last in touch.",
                "It has been {days} days since you were last in touch.",
                found.days_since,
            ).format(days=found.days_since)
        )
    for theirs in found.promises if keep_score else ():
        if not theirs.mine and theirs.overdue:
            said.append(
                _('They promised "{description}", due {due}: a friendly reminder may help.').format(
                    description=theirs.entry.description, due=theirs.entry.due
                )
            )
    for intro in found.introductions:
        if intro.outcome is None and (today - intro.date).days >= FOLLOW_UP_DAYS:
            other = intro.second if intro.first == found.contact.name else intro.first
            said.append(
                _(
                    "Ask how your introduction of {date} with {other} went, and note it: "
                    "intro-outcome {id} met|collaboration|business|nothing."
                ).format(date=intro.date, other=other or _("someone"), id=intro.id)
            )
    if keep_score and found.tally.received - found.tally.gave >= 3:
        said.append(
            _(
                "They have given more than they received: what knowledge, talent or access "
                "could you offer them?"
            )
        )
    if found.last_date is None and not found.promises:
        said.append(_("Nothing is logged with them yet: after you meet, 'wederkerig log' it."))
    return said
