"""`due --format ics` and `promises --format ics`: what falls due as a calendar to subscribe to."""

import subprocess
from collections.abc import Callable
from datetime import date

import pytest
from icalendar import Calendar

from helpers import Refused, Run, log, ok

Cli = Callable[..., subprocess.CompletedProcess[str]]


def events(text: str) -> dict[str, dict[str, object]]:
    """The VEVENTs of an iCalendar text by summary: start, end, uid, description."""
    calendar = Calendar.from_ical(text)
    return {
        str(event["summary"]): {
            "start": event.decoded("dtstart"),
            "end": event.decoded("dtend"),
            "uid": str(event["uid"]),
            "description": str(event.get("description", "")),
        }
        for event in calendar.walk("VEVENT")
    }


@pytest.fixture
def promised(run: Run) -> Run:
    """Two dated promises each way, one undated, one kept (gone from the calendar)."""
    for name in ("Anna de Vries", "Zoë Ülkü"):
        ok(run("contact", "add", name))
    log(
        run,
        "Anna de Vries",
        "gave",
        "knowledge",
        "notes on the study",
        "--promise",
        "--due",
        "2026-12-04",
    )
    log(
        run,
        "Zoë Ülkü",
        "received",
        "access",
        "intro to the port",
        "--promise",
        "--on",
        "2026-11-01",
        "--due",
        "2026-11-20",
    )
    log(run, "Anna de Vries", "gave", "talent", "a workshop", "--promise")
    kept = log(
        run, "Anna de Vries", "gave", "money", "sponsoring", "--promise", "--due", "2026-12-01"
    )
    ok(run("keep", str(kept)))
    return run


def test_promises_ics_has_each_dated_open_promise_as_an_all_day_event(promised: Run) -> None:
    result = ok(promised("promises", "--format", "ics"))
    found = events(result.stdout)
    assert set(found) == {
        "Your promise to Anna de Vries: notes on the study",
        "Zoë Ülkü promised you: intro to the port",
    }
    mine = found["Your promise to Anna de Vries: notes on the study"]
    assert (mine["start"], mine["end"]) == (date(2026, 12, 4), date(2026, 12, 5))
    assert mine["description"] == "notes on the study"


def test_promises_ics_says_on_stderr_which_promises_have_no_day(promised: Run) -> None:
    result = ok(promised("promises", "--format", "ics"))
    assert "1 promise has no due date" in result.stderr
    assert "a workshop" not in result.stdout


def test_calendar_uids_stay_the_same_between_exports_so_subscriptions_update(
    promised: Run,
) -> None:
    first = {
        event["uid"] for event in events(ok(promised("promises", "-f", "ics")).stdout).values()
    }
    again = {
        event["uid"] for event in events(ok(promised("promises", "-f", "ics")).stdout).values()
    }
    assert first == again
    assert len(first) == 2


def test_the_file_is_rfc5545_crlf_lines_folded_at_75_octets(promised: Run) -> None:
    text = ok(promised("promises", "--format", "ics")).stdout_bytes.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "VERSION:2.0" in lines


def test_due_ics_holds_cadences_promises_and_thanks_owed(run: Run) -> None:
    for name in ("Anna", "Bram", "Cees"):
        ok(run("contact", "add", name))
    ok(run("contact", "edit", "Anna", "--every", "30d"))
    log(run, "Anna", "gave", "knowledge", "tips", "--on", "2026-09-01")
    log(
        run,
        "Bram",
        "gave",
        "access",
        "an intro",
        "--promise",
        "--on",
        "2026-10-01",
        "--due",
        "2026-11-01",
    )
    log(run, "Cees", "received", "talent", "a review", "--on", "2026-08-01")
    found = events(ok(run("due", "--format", "ics")).stdout)
    assert found["Get in touch with Anna"]["start"] == date(2026, 10, 1)
    assert found["Your promise to Bram: an intro"]["start"] == date(2026, 11, 1)
    assert found["Thank Cees: a review"]["start"] == date(2026, 8, 31)
    uids = [event["uid"] for event in found.values()]
    assert len(set(uids)) == 3


def test_due_ics_with_nothing_due_is_an_empty_calendar_not_nothing(run: Run) -> None:
    """A subscribed calendar must clear when nothing is due, so even --quiet writes it."""
    result = ok(run("due", "--format", "ics", "--quiet"))
    assert Calendar.from_ical(result.stdout).walk("VEVENT") == []
    assert result.stdout.startswith("BEGIN:VCALENDAR")


def test_ics_speaks_dutch_in_what_people_read(promised: Run, cli: Cli) -> None:
    """The language is chosen as the process starts: run the installed command."""
    result = cli("promises", "--format", "ics", env={"WEDERKERIG_LANG": "nl"})
    assert result.returncode == 0, result.stderr
    assert set(events(result.stdout)) == {
        "Je belofte aan Anna de Vries: notes on the study",
        "Zoë Ülkü beloofde je: intro to the port",
    }
    assert "1 belofte heeft geen datum" in result.stderr


@pytest.mark.parametrize("command", ["balance", "entries", "loops"])
def test_ics_is_only_for_what_falls_due(refused: Refused, command: str) -> None:
    refused(2, command, "--format", "ics")
