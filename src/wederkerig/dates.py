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
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_AGO = re.compile(r"(\d{1,5}) *(?:days?|dagen|dag) *(?:ago|geleden)")

ACCEPTED = (
    "YYYY-MM-DD, D-M-YYYY, today, yesterday, 'N days ago' (or vandaag, gisteren, 'N dagen geleden')"
)


def parse_date(text: str, today: date, *, allow_future: bool = False) -> date:
    """Read a date relative to ``today`` (passed in, so callers and tests fix the clock)."""
    word = " ".join(text.strip().casefold().split())
    if word in _WORDS:
        return today - timedelta(days=_WORDS[word])
    if ago := _AGO.fullmatch(word):
        return today - timedelta(days=int(ago.group(1)))
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
    if not allow_future and result > today:
        raise InvalidInputError(
            f"{result.isoformat()} is in the future: log what has happened, on or before "
            f"{today.isoformat()}"
        )
    return result
