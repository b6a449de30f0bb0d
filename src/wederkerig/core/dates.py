"""Dates as people type them: ISO, Dutch day-first, and a few words in English and Dutch."""

import calendar
import os
import re
from datetime import date, datetime, timedelta
from enum import StrEnum

from wederkerig.core.errors import InvalidInputError
from wederkerig.core.i18n import N_, _

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
_LAST_WEEK = {"vorige week", "last week", "afgelopen week"}
_LAST = {"last", "vorige", "afgelopen"}
_IN = re.compile(r"(?:in|over) (\d{1,5}) *(?:days?|dagen|dag)")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})")
_LETTER = re.compile(r"[^\W\d_]")
_COUNTED = re.compile(r"\d|\bago\b|\bgeleden\b")
_AGO = re.compile(r"(\d{1,5}) *(?:days?|dagen|dag) *(?:ago|geleden)")

# The words themselves are input and read in both languages; a translation may only reorder
# them (Dutch first) and translate the joining words.
ACCEPTED = N_(
    "YYYY-MM-DD, D-M-YYYY, today, yesterday, 'N days ago', 'friday', 'last friday', "
    "'12 march', '3 weeks ago' (or vandaag, gisteren, 'N dagen geleden', 'vrijdag', "
    "'vorige week dinsdag', '12 maart', '3 weken geleden')"
)


# 'twee weken geleden': dateparser counts in digits only, so a Dutch count becomes one.
_COUNTS = {
    **dict.fromkeys(("een", "één"), 1),
    **{word: number for number, word in enumerate(
        ("twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
         "twaalf"), start=2)},
}  # fmt: skip
_COUNTED_WORD = re.compile(
    rf"\b({'|'.join(_COUNTS)}) (?=(?:dag|dagen|week|weken|maand|maanden|jaar)\b)"
)


def parse_date(text: str, today: date, *, allow_future: bool = False) -> date:
    """Read a date relative to ``today`` (passed in, so callers and tests fix the clock)."""
    return read_date(text, today, allow_future=allow_future)[0]


def read_date(text: str, today: date, *, allow_future: bool = False) -> tuple[date, str | None]:
    """:func:`parse_date`, with a notice for the user when the text could be read another way:
    a slash date whose day and month could swap, or a day without a year still to come this
    year (read as last year's). ``None`` when the reading is the only one."""
    word = " ".join(text.strip().casefold().split())
    word = _COUNTED_WORD.sub(lambda count: f"{_COUNTS[count.group(1)]} ", word)
    if word in _WORDS:
        return _not_future(today - timedelta(days=_WORDS[word]), today, allow_future), None
    if ago := _AGO.fullmatch(word):
        return today - timedelta(days=int(ago.group(1))), None
    if ahead := _IN.fullmatch(word):
        return _not_future(today + timedelta(days=int(ahead.group(1))), today, allow_future), None
    if weekday := _weekday(word, today):
        return _not_future(weekday, today, allow_future), None
    swappable = False
    if iso := _ISO.fullmatch(word):
        year, month, day = (int(g) for g in iso.groups())
    elif numeric := _DAY_FIRST.fullmatch(word):
        first, second, year = (int(numeric.group(n)) for n in (1, 3, 4))
        year += 2000 if len(numeric.group(4)) == 2 else 0  # 3-11-26 is in this century
        day, month = (second, first) if _month_first() else (first, second)
        swappable = numeric.group(2) == "/" and first != second and max(first, second) <= 12
    elif (
        word.isprintable()
        and _LETTER.search(word)
        and (natural := _natural(word, text, today, allow_future))
    ):
        return _not_future(natural, today, allow_future), _moved_back(word, text, natural, today)
    else:
        raise InvalidInputError(
            _("cannot read the date '{text}': use {accepted}").format(
                text=text, accepted=_(ACCEPTED)
            )
        )
    try:
        result = date(year, month, day)
    except ValueError:
        raise InvalidInputError(
            _("'{text}' is not a date on the calendar: check day and month (YYYY-MM-DD)").format(
                text=text
            )
        ) from None
    result = _not_future(result, today, allow_future)
    return result, _("Read {text} as {reading}.").format(
        text=text.strip(), reading=_spelled(result)
    ) if swappable else None


def _spelled(day: date) -> str:
    """'11 March 2026': the month named, in the reader's language, so no order is in doubt."""
    from babel.dates import format_date

    from wederkerig.core import i18n

    return format_date(day, "d MMMM y", locale=i18n.language())


def _moved_back(word: str, text: str, reading: date, today: date) -> str | None:
    """The notice for a day named without a year ('12 december') that is still to come this
    year, so that it was read as last year's; ``None`` for any other reading."""
    counted = {"ago", "geleden"} & set(word.split())
    if counted or len(re.findall(r"\d+", word)) != 1 or reading.year != today.year - 1:
        return None
    try:
        this_year = reading.replace(year=today.year)
    except ValueError:  # 29 February
        return None
    if this_year <= today:
        return None
    return _("{text} is still to come this year, so it was read as {reading}.").format(
        text=text.strip(), reading=reading.isoformat()
    )


def _month_first() -> bool:
    """3-12-2026 is the 3rd of December, as in the Netherlands, unless the locale is the US's."""
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_TIME") or os.environ.get("LANG", "")
    return locale.startswith("en_US")


def _natural(word: str, text: str, today: date, allow_future: bool) -> date | None:
    """Everything else people say ('3 weken geleden', '12 maart', 'two weeks ago'), read by
    dateparser (imported only now: it takes a tenth of a second), preferring the past.

    Words that name a week, month or year rather than a day ('vorige week') are refused
    with the day they would have been read as, rather than silently picking one."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["nl", "en"],
        settings={
            "PREFER_DATES_FROM": "future" if allow_future else "past",
            "RELATIVE_BASE": datetime.combine(today, datetime.min.time()),
            "DATE_ORDER": "MDY" if _month_first() else "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    found = parser.get_date_data(word)
    if found.date_obj is None:
        return None
    # '31m', '10 hours ago': a moment counted back from midnight, so always yesterday
    if found.period == "time" or found.date_obj.time() != datetime.min.time():
        raise InvalidInputError(
            _("'{text}' is a time, not a date: give the day (today, gisteren, 2026-11-26)").format(
                text=text
            )
        )
    counted = _COUNTED.search(word)  # '3 weken geleden' is a day; 'vorige week' is not
    if found.period not in (None, "day") and not counted:
        refusal = _NAMES_A.get(found.period or "", _NAMES_A_PERIOD)
        raise InvalidInputError(
            _(refusal).format(text=text, period=found.period, reading=found.date_obj.date())
        )
    return found.date_obj.date()


# A whole sentence per stretch, so that translations need not fit 'a week' into a frame.
_NAMES_A = {
    "week": N_(
        "'{text}' names a week, not a date: say which day (such as 'vorige week dinsdag'); "
        "it would have been read as {reading}"
    ),
    "month": N_(
        "'{text}' names a month, not a date: say which day (such as 'vorige week dinsdag'); "
        "it would have been read as {reading}"
    ),
    "year": N_(
        "'{text}' names a year, not a date: say which day (such as 'vorige week dinsdag'); "
        "it would have been read as {reading}"
    ),
}
_NAMES_A_PERIOD = N_(
    "'{text}' names a {period}, not a date: say which day (such as 'vorige week dinsdag'); "
    "it would have been read as {reading}"
)


def _weekday(word: str, today: date) -> date | None:
    """'friday' or 'vrijdag' is the last one (today counts); 'next friday' the coming one;
    'vorige week dinsdag' (last week's Tuesday) the one in the week before this one."""
    words = word.split()
    if len(words) == 3 and " ".join(words[:2]) in _LAST_WEEK and words[2] in _WEEKDAYS:
        monday = today - timedelta(days=today.weekday() + 7)
        return monday + timedelta(days=_WEEKDAYS[words[2]])
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
            _(
                "{day} is in the future: log what has happened, on or before {today} "
                "(a promise's due date may lie ahead)"
            ).format(day=result.isoformat(), today=today.isoformat())
        )
    return result


_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-q([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_LAST_DAYS = re.compile(r"last-(\d{1,5})-days")
PERIODS = (
    "2026, 2026-Q1, 2026-03, this-month, last-month, this-quarter, last-quarter, this-year, "
    "last-year, last-90-days"
)


def parse_period(text: str, today: date) -> tuple[date, date]:
    """A named stretch of time as its first and last day (both inclusive)."""
    try:
        return _period(text.strip().casefold(), text, today)
    except (ValueError, OverflowError):  # year 0, or before the first day there is
        raise InvalidInputError(
            _("the period '{text}' is outside the calendar: years run from 0001 to 9999").format(
                text=text
            )
        ) from None


def _period(word: str, text: str, today: date) -> tuple[date, date]:
    if year := _YEAR.fullmatch(word):
        return date(int(year.group(1)), 1, 1), date(int(year.group(1)), 12, 31)
    if quarter := _QUARTER.fullmatch(word):
        return _quarter(int(quarter.group(1)), int(quarter.group(2)))
    if (month := _MONTH.fullmatch(word)) and 1 <= int(month.group(2)) <= 12:
        return _month(int(month.group(1)), int(month.group(2)))
    if days := _LAST_DAYS.fullmatch(word):
        count = int(days.group(1))
        if count >= 1:
            return today - timedelta(days=count - 1), today
    this_quarter = (today.month - 1) // 3 + 1
    named = {
        "this-month": lambda: _month(today.year, today.month),
        "last-month": lambda: _month(*_shift_month(today.year, today.month, -1)),
        "this-quarter": lambda: _quarter(today.year, this_quarter),
        "last-quarter": lambda: _quarter(*_shift_quarter(today.year, this_quarter)),
        "this-year": lambda: (date(today.year, 1, 1), date(today.year, 12, 31)),
        "last-year": lambda: (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
    }
    if word in named:
        return named[word]()
    raise InvalidInputError(
        _("cannot read the period '{text}': use {periods}").format(text=text, periods=PERIODS)
    )


class Every(StrEnum):
    """The stretch one column of a report over time stands for (like hledger's -M/-Q/-Y)."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


def period_label(day: date, every: Every) -> str:
    """The name of the period ``day`` falls in, as ``--period`` reads it: 2026-03, 2026-Q1, 2026."""
    if every is Every.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if every is Every.QUARTER:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}"


def period_labels(first: date, last: date, every: Every) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last``, none skipped."""
    labels: list[str] = []
    day = first
    while day <= last:
        labels.append(period_label(day, every))
        end = parse_period(labels[-1], day)[1]
        if end == date.max:
            break
        day = end + timedelta(days=1)
    return labels


def _month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _quarter(year: int, quarter: int) -> tuple[date, date]:
    return _month(year, 3 * quarter - 2)[0], _month(year, 3 * quarter)[1]


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _shift_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


_SPAN = re.compile(
    r"(\d{1,5}) *(d|days?|dagen|dag|w|weeks?|weken|m|months?|maanden|maand|y|years?|j|jaar)"
)
_SPAN_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365, "j": 365}


def parse_span(text: str, what: str, *, allow_zero: bool = False) -> int:
    """A stretch of time in days: ``90d``, ``12w``, ``3m`` (30 days each), ``1y`` (or Dutch);
    with ``allow_zero``, none at all too (``0``, ``0d``, ``0w``)."""
    cleaned = " ".join(text.strip().casefold().split())
    match = _SPAN.fullmatch(cleaned)
    days = int(match.group(1)) * _SPAN_DAYS[match.group(2)[0]] if match else None
    if days is None and cleaned == "0":
        days = 0
    if days is None or not (0 if allow_zero else 1) <= days <= 36_500:
        raise InvalidInputError(
            _("{what} '{text}' is not a stretch of time: write it like 90d, 12w, 3m or 1y").format(
                what=what, text=text
            )
        )
    return days


def parse_cadence(text: str) -> int | None:
    """How often to be in touch, in days; ``none`` (or ``geen``) means no cadence."""
    if text.strip().casefold() in {"none", "geen", "off", "uit"}:
        return None
    return parse_span(text, _("cadence"))


def last_twelve_months(last: date) -> tuple[date, date]:
    """From the first day of the month eleven months before ``last`` up to ``last``."""
    year, month = _shift_month(last.year, last.month, -11)
    return date(year, month, 1), last
