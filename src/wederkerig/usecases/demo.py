"""A realistic sample ledger: a year of giving and receiving around a Dutch region."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlmodel import Session

from wederkerig.core.vocabulary import Direction, Kind, Outcome
from wederkerig.usecases.cadence import set_contact_cadence, set_tag_cadence
from wederkerig.usecases.contacts import add_contact
from wederkerig.usecases.entries import log_entry
from wederkerig.usecases.groups import add_group, join_group
from wederkerig.usecases.introductions import make_introduction, set_outcome

NEW_YEARS_RECEPTION = "Nieuwjaarsreceptie Drechtsteden"


@dataclass(frozen=True)
class DemoContact:
    name: str
    organisation: str
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    note: str | None = None


CONTACTS = (
    DemoContact(
        "Anneke de Vries",
        "Gemeente Dordrecht",
        ("drechtsteden", "bestuur"),
        ("Anneke",),
        "Wethouder economische zaken",
    ),
    DemoContact("Pieter van den Berg", "Havenbedrijf Rotterdam", ("haven",), ("Piet",)),
    DemoContact("Fatima El Amrani", "MKB Drechtsteden", ("drechtsteden", "mkb"), ("Fatima",)),
    DemoContact("Jan Bakker", "Bakker Installatietechniek", ("mkb",), ("Jan",)),
    DemoContact(
        "Jan de Wit",
        "Rabobank Drechtsteden",
        ("financiering",),
        ("Jan",),
        "Two Jans: 'Jan' alone is ambiguous, on purpose.",
    ),
    DemoContact("Søren Ødegaard", "Maritime Offshore Group", ("haven", "internationaal")),
    DemoContact("Zoë Janssen", "Hogeschool Rotterdam", ("onderwijs",), ("Zoë",)),
    DemoContact("José Martínez", "Port of Valencia", ("haven", "internationaal")),
    DemoContact(
        "李娜", "Shanghai Maritime University", ("internationaal", "onderwijs"), ("Li Na",)
    ),
    DemoContact("Ülkü Yılmaz", "Ondernemersvereniging Zwijndrecht", ("mkb", "drechtsteden")),
)

# (days ago, contact, direction, kind, value, euros, description, at the reception)
ENTRIES: tuple[tuple[int, str, Direction, Kind, int, str | None, str, bool], ...] = (
    (350, "Anneke de Vries", Direction.GAVE, Kind.KNOWLEDGE, 2, None,
     "Notes on the regional labour-market study", False),
    (335, "Fatima El Amrani", Direction.RECEIVED, Kind.ACCESS, 3, None,
     "Introduced me to the board of MKB Drechtsteden", True),
    (335, "Anneke de Vries", Direction.RECEIVED, Kind.ACCESS, 4, None,
     "Seat at the table for the Drechtsteden economic agenda", True),
    (335, "Jan Bakker", Direction.GAVE, Kind.KNOWLEDGE, 1, None,
     "Tip on the energy-transition subsidy", True),
    (320, "Pieter van den Berg", Direction.GAVE, Kind.TALENT, 3, None,
     "Chaired the port logistics round table", False),
    (300, "Søren Ødegaard", Direction.RECEIVED, Kind.KNOWLEDGE, 3, None,
     "Briefing on offshore wind supply chains", False),
    (290, "Jan de Wit", Direction.RECEIVED, Kind.MONEY, 3, "2500",
     "Sponsorship for the young-entrepreneurs award", False),
    (270, "Zoë Janssen", Direction.GAVE, Kind.ACCESS, 3, None,
     "Internship places at three member companies", False),
    (260, "José Martínez", Direction.GAVE, Kind.KNOWLEDGE, 2, None,
     "Showed the Dordrecht inland-port model", False),
    (240, "Fatima El Amrani", Direction.GAVE, Kind.TALENT, 2, None,
     "Workshop on pitching to the municipality", False),
    (225, "Ülkü Yılmaz", Direction.RECEIVED, Kind.KNOWLEDGE, 2, None,
     "Advice on reaching Turkish-Dutch entrepreneurs", False),
    (210, "Pieter van den Berg", Direction.RECEIVED, Kind.ACCESS, 5, None,
     "Introduction to the port authority's innovation fund", False),
    (190, "李娜", Direction.GAVE, Kind.ACCESS, 3, None,
     "Introduced her students to Dutch shipyards", False),
    (175, "Jan Bakker", Direction.RECEIVED, Kind.TALENT, 2, None,
     "Lent his best engineer for the heat-network pilot", False),
    (160, "Anneke de Vries", Direction.GAVE, Kind.TALENT, 3, None,
     "Wrote the employers' chapter of the regional vision", False),
    (150, "Jan de Wit", Direction.GAVE, Kind.ACCESS, 2, None,
     "Introduced him to five growing member firms", False),
    (130, "Zoë Janssen", Direction.RECEIVED, Kind.KNOWLEDGE, 2, None,
     "Student research on skills shortages", False),
    (120, "Søren Ødegaard", Direction.GAVE, Kind.ACCESS, 3, None,
     "Introduced him to Anneke de Vries", False),
    (100, "Fatima El Amrani", Direction.GAVE, Kind.MONEY, 2, "750",
     "Co-funded the SME network evening", False),
    (90, "Ülkü Yılmaz", Direction.GAVE, Kind.TALENT, 1, None,
     "Spoke at the Zwijndrecht members' evening", False),
    (75, "José Martínez", Direction.RECEIVED, Kind.ACCESS, 4, None,
     "Trade-mission programme in Valencia", False),
    (60, "Pieter van den Berg", Direction.GAVE, Kind.KNOWLEDGE, 2, None,
     "Shared the members' survey on port accessibility", False),
    (45, "Anneke de Vries", Direction.RECEIVED, Kind.KNOWLEDGE, 2, None,
     "Early sight of the council's procurement plans", False),
    (30, "Jan Bakker", Direction.GAVE, Kind.ACCESS, 3, None,
     "Introduction to the housing corporation", False),
    (20, "李娜", Direction.RECEIVED, Kind.KNOWLEDGE, 3, None,
     "Guest lecture on Chinese port automation", False),
    (12, "Fatima El Amrani", Direction.RECEIVED, Kind.TALENT, 2, None,
     "Her team organised the autumn network meeting", False),
    (5, "Zoë Janssen", Direction.GAVE, Kind.KNOWLEDGE, 1, None,
     "Feedback on the new curriculum", False),
    (2, "Pieter van den Berg", Direction.RECEIVED, Kind.KNOWLEDGE, 2, None,
     "Heads-up on the quay-wall tender", False),
)  # fmt: skip


# (days ago made, contact, direction, kind, description, due in days: negative is overdue)
PROMISES: tuple[tuple[int, str, Direction, Kind, str, int], ...] = (
    (20, "Zoë Janssen", Direction.GAVE, Kind.ACCESS,
     "Introduce her to the port's training centre", -6),
    (2, "Pieter van den Berg", Direction.RECEIVED, Kind.KNOWLEDGE,
     "Share the draft of the quay-wall tender", 8),
    (12, "Anneke de Vries", Direction.GAVE, Kind.TALENT,
     "Chair the SME round table on procurement", 30),
)  # fmt: skip


# (days ago, first, second, why, points, outcome)
INTRODUCTIONS: tuple[tuple[int, str, str, str, int, Outcome | None], ...] = (
    (40, "Jan de Wit", "Søren Ødegaard", "financing for offshore wind suppliers", 2,
     Outcome.COLLABORATION),
    (10, "Zoë Janssen", "李娜", "a guest lecture for her students", 1, None),
)  # fmt: skip

# Stay in touch: everyone in the regional partnership monthly, one partner abroad quarterly.
TAG_CADENCES = (("drechtsteden", 30),)
CONTACT_CADENCES = (("José Martínez", 90),)

DRECHTSTEDEN = ("Anneke de Vries", "Fatima El Amrani", "Jan Bakker", "Ülkü Yılmaz")


def fill_demo_ledger(session: Session, *, today: date, now: datetime) -> int:
    """Write the sample contacts and entries, dated relative to ``today``; returns entries."""
    for contact in CONTACTS:
        add_contact(
            session,
            contact.name,
            now=now,
            organisation=contact.organisation,
            tags=contact.tags,
            aliases=contact.aliases,
            note=contact.note,
        )
    reception_day = date(today.year, 1, 9)
    if reception_day > today:
        reception_day = date(today.year - 1, 1, 9)
    for days_ago, name, direction, kind, value, euros, description, at_reception in ENTRIES:
        log_entry(
            session,
            contact=name,
            direction=direction,
            kind=kind,
            description=description,
            value=value,
            amount=Decimal(euros) if euros else None,
            on=reception_day if at_reception else today - timedelta(days=days_ago),
            event=NEW_YEARS_RECEPTION if at_reception else None,
            create=True,
            now=now,
        )
    for days_ago, name, direction, kind, description, due_in in PROMISES:
        log_entry(
            session,
            contact=name,
            direction=direction,
            kind=kind,
            description=description,
            on=today - timedelta(days=days_ago),
            promise=True,
            due=today + timedelta(days=due_in),
            now=now,
        )
    for days_ago, first, second, why, value, outcome in INTRODUCTIONS:
        made = make_introduction(
            session, first, second, why=why, value=value, on=today - timedelta(days=days_ago),
            now=now,
        )  # fmt: skip
        if outcome is not None:
            set_outcome(session, made.id, outcome)
    add_group(session, "Drechtsteden", note="Regional partnership for a stronger region")
    join_group(session, "Drechtsteden", DRECHTSTEDEN)
    for tag, days in TAG_CADENCES:
        set_tag_cadence(session, tag, days)
    for name, days in CONTACT_CADENCES:
        set_contact_cadence(session, name, days)
    return len(ENTRIES) + len(PROMISES) + 2 * len(INTRODUCTIONS)
