"""Events: add, list, log at one, and what flowed there."""

import json

from helpers import Refused, Run, ok


def test_add_list_and_balance_at_an_event(run: Run, refused: Refused) -> None:
    ok(run("event", "add", "Nieuwjaarsreceptie 2026", "--on", "2026-01-09", "--place", "Dordrecht"))
    ok(run("event", "add", "Netwerkavond", "--on", "next friday"))  # an event may lie ahead
    refused(1, "event", "add", "nieuwjaarsreceptie  2026")
    ok(run("log", "--create", "Anna", "received", "access", "--on", "2026-01-09",
           "--event", "Nieuwjaarsreceptie 2026", "--value", "3"))  # fmt: skip
    ok(run("log", "--create", "Bram", "gave", "knowledge", "--on", "2026-01-09",
           "--event", "nieuwjaarsreceptie 2026"))  # fmt: skip
    ok(run("log", "Bram", "gave", "talent", "--on", "2026-02-01", "--value", "5"))

    events = json.loads(ok(run("event", "list", "--format", "json")).stdout)
    assert events == [
        {"name": "Netwerkavond", "date": "2026-11-27", "place": None, "entries": 0},
        {"name": "Nieuwjaarsreceptie 2026", "date": "2026-01-09", "place": "Dordrecht",
         "entries": 2},
    ]  # fmt: skip
    at_event = json.loads(
        ok(run("balance", "--event", "Nieuwjaarsreceptie 2026", "--format", "json")).stdout
    )
    assert {row["contact"]: (row["gave"], row["received"]) for row in at_event} == {
        "Anna": (0, 3),
        "Bram": (1, 0),
    }


def test_an_unknown_event_is_refused_with_a_suggestion(run: Run, refused: Refused) -> None:
    ok(run("event", "add", "Nieuwjaarsreceptie Drechtsteden"))
    result = refused(1, "balance", "--event", "nieuwjaars")
    assert "Did you mean 'Nieuwjaarsreceptie Drechtsteden'" in result.stderr
    ok(run("contact", "add", "Anna"))
    refused(1, "log", "Anna", "gave", "talent", "--event", "nieuwjaars")
    refused(1, "entries", "--event", "nieuwjaars")


def test_entries_at_an_event_or_of_a_group(run: Run) -> None:
    ok(run("event", "add", "Havendag"))
    ok(run("group", "add", "Board"))
    ok(run("contact", "add", "Anna", "--group", "Board"))
    ok(run("contact", "add", "Bram"))
    for person, event in (("Anna", "Havendag"), ("Bram", "Havendag"), ("Anna", None)):
        at = ("--event", event) if event else ()
        ok(run("log", person, "gave", "knowledge", f"{person} at {event}", *at))

    def described(*args: str) -> list[str]:
        rows = json.loads(ok(run("entries", *args, "--format", "json")).stdout)
        return [row["description"] for row in rows]

    assert described("--event", "havendag") == ["Anna at Havendag", "Bram at Havendag"]
    assert described("--group", "Board") == ["Anna at Havendag", "Anna at None"]
    assert described("--group", "Board", "--event", "Havendag") == ["Anna at Havendag"]
    assert "Bram at Havendag" in ok(run("entries", "--event", "Havendag")).stdout
