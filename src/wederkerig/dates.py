"""Dates as people type them: ISO, Dutch day-first, and a few words in English and Dutch."""

import re
from datetime import date, timedelta

from wederkerig.errors import InvalidInputError

_WORDS = {
    "today": 0,
    "vandaag": 0,
    "yesterday": 1,
    "gisteren": 1,
    "eergisteren": 2,
    "tomorrow": -1,
    "morgen": -1,
    "overmorgen": -2,
}
_WEEKDAYS = {
    **{day: number for number, day in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{day: number for number, day in enumerate(
        ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"))},
}  # fmt: skip
_NEXT = {"next", "volgende", "komende", "aanstaande"}
_LAST = {"last", "vorige", "afgelopen"}
_IN = re.compile(r"(?:in|over) (\d{1,5}) *(?:days?|dagen|dag)")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_AGO = re.compile(r"(\d{1,5}) *(?:days?|dagen|dag) *(?:ago|geleden)")

ACCEPTED = (
    "YYYY-MM-DD, D-M-YYYY, today, yesterday, tomorrow, 'N days ago', 'in N days', 'friday', "
    "'last friday', 'next friday' (or vandaag, gisteren, morgen, 'N dagen geleden', "
    "'over N dagen', 'vrijdag', 'vorige vrijdag', 'volgende vrijdag')"
)


def parse_date(text: str, today: date, *, allow_future: bool = False) -> date:
    """Read a date relative to ``today`` (passed in, so callers and tests fix the clock)."""
    word = " ".join(text.strip().casefold().split())
    if word in _WORDS:
        return _not_future(today - timedelta(days=_WORDS[word]), today, allow_future)
    if ago := _AGO.fullmatch(word):
        return today - timedelta(days=int(ago.group(1)))
    if ahead := _IN.fullmatch(word):
        return _not_future(today + timedelta(days=int(ahead.group(1))), today, allow_future)
    if weekday := _weekday(word, today):
        return _not_future(weekday, today, allow_future)
    if iso := _ISO.fullmatch(word):
        year, month, day = (int(g) for g in iso.groups())
    elif day_first := _DAY_FIRST.fullmatch(word):
        day, month, year = (int(g) for g in day_first.groups())
    else:
        raise InvalidInputError(f"cannot read the date '{text}': use {ACCEPTED}")
    try:
        result = date(year, month, day)
    except ValueError:
        raise InvalidInputError(
            f"'{text}' is not a date on the calendar: check day and month (YYYY-MM-DD)"
        ) from None
    return _not_future(result, today, allow_future)


def _weekday(word: str, today: date) -> date | None:
    """'friday' or 'vrijdag' is the last one (today counts); 'next friday' the coming one."""
    words = word.split()
    if not 1 <= len(words) <= 2 or words[-1] not in _WEEKDAYS:
        return None
    *qualifier, day = words
    if qualifier and qualifier[0] not in _NEXT | _LAST:
        return None
    back = (today.weekday() - _WEEKDAYS[day]) % 7
    if qualifier and qualifier[0] in _NEXT:
        return today + timedelta(days=(7 - back) if back else 7)
    if qualifier and back == 0:  # 'last friday' on a Friday means a week ago
        back = 7
    return today - timedelta(days=back)


def _not_future(result: date, today: date, allow_future: bool) -> date:
    if not allow_future and result > today:
        raise InvalidInputError(
            f"{result.isoformat()} is in the future: log what has happened, on or before "
            f"{today.isoformat()} (a promise's --due may lie ahead)"
        )
    return result
