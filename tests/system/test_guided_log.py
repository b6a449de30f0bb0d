"""`wederkerig log` with no arguments, driven through a real pseudo-terminal (pexpect)."""

from collections.abc import Sequence
from datetime import date, timedelta

import pexpect
import pytest

from helpers import Run, Spawn, ok, parse_csv


@pytest.fixture
def known(run: Run) -> Run:
    ok(run("contact", "add", "Anneke de Vries", "--alias", "Anneke"))
    ok(run("log", "Anneke", "gave", "knowledge", "old tip", "--value", "3", "--on", "2026-01-05"))
    ok(run("event", "add", "Nieuwjaarsreceptie"))
    return run


def entries(run: Run) -> list[dict[str, str]]:
    return parse_csv(ok(run("export")).stdout)


def answer(child: pexpect.spawn, prompt: str, reply: str) -> None:
    child.expect_exact(prompt)
    child.sendline(reply)


def converse(child: pexpect.spawn, steps: Sequence[tuple[str, str | None]]) -> None:
    """Answer each prompt in turn; a reply of None only waits for the text (a message)."""
    for prompt, reply in steps:
        if reply is None:
            child.expect_exact(prompt)
        else:
            answer(child, prompt, reply)


def test_a_conversation_with_two_entries_is_saved_together(known: Run, spawn: Spawn) -> None:
    child = spawn("log")
    answer(child, "Who did you talk to", "Annek")  # not a name: pick from suggestions
    answer(child, "Pick a number", "1")
    answer(child, "Gave or received", "kreeg")
    answer(child, "Which kind", "talent")
    answer(child, "What exactly", "Her team ran the meeting")
    child.expect_exact("[1]")  # no talent with her before: the usual 1
    child.sendline("")
    answer(child, "When", "gisteren")
    answer(child, "At an event", "")
    answer(child, "Only promised", "")
    answer(child, "Anything else", "j")
    answer(child, "Gave or received", "gave")
    answer(child, "Which kind", "knowledge")
    answer(child, "What exactly", "Feedback on the agenda")
    child.expect_exact("[3, as last time]")  # the last knowledge given to her was worth 3
    child.sendline("")
    answer(child, "When", "")  # the same conversation: still yesterday
    answer(child, "At an event", "Nieuwjaarsreceptie")
    answer(child, "Only promised", "")
    answer(child, "Anything else", "")
    child.expect_exact("With Anneke de Vries:")
    answer(child, "Save?", "")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    # a real process in a real terminal: it knows only the real clock
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    rows = entries(known)[1:]
    assert [(r["direction"], r["kind"], r["value"], r["date"], r["event"], r["member"])
            for r in rows] == [
        ("received", "talent", "1", yesterday, "", "anneke"),
        ("gave", "knowledge", "3", yesterday, "Nieuwjaarsreceptie", "anneke"),
    ]  # fmt: skip


def test_back_goes_one_field_back_and_a_new_contact_can_be_added(known: Run, spawn: Spawn) -> None:
    child = spawn("log")
    answer(child, "Who did you talk to", "Zoë Janssen")
    answer(child, "Pick a number", "n")
    answer(child, "Gave or received", "gave")
    answer(child, "Which kind", "talent")
    answer(child, "What exactly", "<")  # back to the kind
    answer(child, "Which kind", "access")
    answer(child, "What exactly", "Intro to the port")
    answer(child, "Worth how many points", "not a number")
    child.expect_exact("not a whole number")
    answer(child, "Worth how many points", "2")
    answer(child, "When", (date.today() + timedelta(days=30)).isoformat())
    child.expect_exact("in the future")
    answer(child, "When", "2026-11-20")
    answer(child, "At an event", "")
    answer(child, "Only promised", "")
    answer(child, "Anything else", "n")
    answer(child, "Save?", "y")
    child.expect(pexpect.EOF)
    last = entries(known)[-1]
    assert (last["contact"], last["kind"], last["value"], last["date"]) == (
        "Zoë Janssen", "access", "2", "2026-11-20",
    )  # fmt: skip


@pytest.mark.parametrize("stop", ["ctrl-c", "ctrl-c at the due date", "no"])
def test_ctrl_c_or_no_saves_nothing(known: Run, spawn: Spawn, stop: str) -> None:
    before = entries(known)
    child = spawn("log")
    answer(child, "Who did you talk to", "Anneke")
    answer(child, "Gave or received", "gave")
    answer(child, "Which kind", "money")
    if stop == "ctrl-c":
        child.expect_exact("What exactly")
        child.sendcontrol("c")
    else:
        converse(
            child,
            (
                ("What exactly", "x"),
                ("How much", ""),
                ("Worth", ""),
                ("When", ""),
                ("At an event", ""),
                ("Only promised", "n" if stop == "no" else "y"),
            ),
        )
        if stop == "no":
            converse(child, (("Anything else", ""), ("Save?", "n")))
        else:
            child.expect_exact("Due when")
            child.sendcontrol("c")
    child.expect_exact("Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == (0 if stop == "no" else 130)
    assert entries(known) == before


def test_tab_completes_a_contact_name(known: Run, spawn: Spawn) -> None:
    child = spawn("log")
    child.expect_exact("Who did you talk to")
    child.send("Anneke d\t")
    child.expect_exact("Anneke de Vries")
    child.sendline("")
    child.expect_exact("Gave or received")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_without_a_terminal_log_without_arguments_is_a_usage_error(run: Run) -> None:
    result = run("log")
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr
    partial = run("log", "Anneke")
    assert partial.exit_code == 2
    assert "DIRECTION and KIND" in partial.stderr


def test_an_answer_that_is_not_yes_or_no_asks_again(known: Run, spawn: Spawn) -> None:
    before = len(entries(known))
    child = spawn("log")
    converse(
        child,
        (
            ("Who did you talk to", "Anneke"),
            ("Gave or received", "kreeg"),
            ("Which kind", "talent"),
            ("What exactly", "Ran the meeting"),
            ("Worth", ""),
            ("When", ""),
            ("At an event", ""),
            ("Only promised", ""),
            ("Anything else", "nope"),
        ),
    )
    child.expect_exact("Answer y or yes, n or no")
    answer(child, "Anything else", "nee")
    answer(child, "Save?", "ok")  # once threw the whole conversation away
    child.expect_exact("Answer y or yes, n or no")
    answer(child, "Save?", "ja")
    child.expect_exact("Logged entry")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(entries(known)) == before + 1


def test_later_items_carry_the_conversations_date_and_event_over(known: Run, spawn: Spawn) -> None:
    child = spawn("log")
    converse(
        child,
        (
            ("Who did you talk to", "Anneke"),
            ("Gave or received", "kreeg"),
            ("Which kind", "talent"),
            ("What exactly", "Ran the meeting"),
            ("Worth", ""),
            ("When", "vorige week dinsdag"),
            ("At an event", "Nieuwjaarsreceptie"),
            ("Only promised", ""),
            ("Anything else", "j"),
            ("Gave or received", "gaf"),
            ("Which kind", "kennis"),
            ("What exactly", "Agenda tips"),
            ("Worth", ""),
        ),
    )
    child.expect(r"When \[(\d{4}-\d\d-\d\d)\]")  # the first item's day, not today
    day = child.match.group(1)
    child.sendline("")
    answer(child, "At an event ('none' for none) [Nieuwjaarsreceptie]", "")
    answer(child, "Only promised", "")
    answer(child, "Anything else", "j")
    converse(
        child,
        (
            ("Gave or received", "gaf"),
            ("Which kind", "kennis"),
            ("What exactly", "A book"),
            ("Worth", ""),
            (f"When [{day}]", ""),
            ("At an event ('none' for none) [Nieuwjaarsreceptie]", "geen"),
            ("Only promised", ""),
            ("Anything else", "n"),
            ("Save?", "j"),
        ),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert day < date.today().isoformat()
    assert [(r["description"], r["date"], r["event"]) for r in entries(known)[1:]] == [
        ("Ran the meeting", day, "Nieuwjaarsreceptie"),
        ("Agenda tips", day, "Nieuwjaarsreceptie"),
        ("A book", day, ""),
    ]


def test_money_asks_how_much_and_back_passes_over_that_question(known: Run, spawn: Spawn) -> None:
    child = spawn("log")
    converse(
        child,
        (
            ("Who did you talk to", "Anneke"),
            ("Gave or received", "gaf"),
            ("Which kind", "geld"),
            ("What exactly", "Lunch"),
            ("How much, in EUR", "twelve"),
            ("not an amount of money", None),
            ("How much, in EUR", "€ 12,50"),
            ("Worth", "<"),  # back to the amount
            ("How much, in EUR (Enter for none) [12.50]", "<"),
            ("What exactly", "Lunch at the port"),
            ("How much", ""),  # keeps 12.50
            ("Worth", "2"),
            ("When", ""),
            ("At an event", ""),
            ("Only promised", ""),
            ("Anything else", "j"),
            ("Gave or received", "kreeg"),
            ("Which kind", "kennis"),
            ("What exactly", "Tips"),
            ("Worth", "<"),  # no amount for knowledge: straight back to the description
            ("What exactly", "Tax tips"),
            ("Worth", ""),
            ("When", ""),
            ("At an event", ""),
            ("Only promised", ""),
            ("Anything else", "j"),
            ("Gave or received", "gaf"),
            ("Which kind", "geld"),
            ("What exactly", "Coffee"),
            ("How much", "5"),
            ("Worth", "<"),
            ("How much, in EUR (Enter for none) [5.00]", "geen"),  # clears what was typed
            ("Worth", ""),
            ("When", ""),
            ("At an event", ""),
            ("Only promised", ""),
            ("Anything else", "n"),
            ("2 points, €12.50", None),
            ("Save?", ""),
        ),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert [(r["kind"], r["description"], r["amount"], r["value"]) for r in entries(known)[1:]] == [
        ("money", "Lunch at the port", "12.50", "2"),
        ("knowledge", "Tax tips", "", "3"),  # as the knowledge before
        ("money", "Coffee", "", "1"),
    ]


def test_direction_kind_and_points_default_to_the_last_entry_with_the_contact(
    known: Run, spawn: Spawn
) -> None:
    child = spawn("log")
    answer(child, "Who did you talk to", "Anneke")
    answer(child, "Gave or received [gave, as last time]", "")
    answer(child, "Which kind (knowledge, talent, money, access) [knowledge, as last time]", "")
    answer(child, "What exactly", "Another tip")
    answer(child, "[3, as last time]", "")
    answer(child, "When", "")
    answer(child, "At an event", "")
    answer(child, "Only promised", "")
    answer(child, "Anything else", "")
    answer(child, "Save?", "")
    child.expect(pexpect.EOF)
    last = entries(known)[-1]
    assert (last["direction"], last["kind"], last["value"]) == ("gave", "knowledge", "3")


def test_enter_without_a_default_says_what_to_type(known: Run, spawn: Spawn) -> None:
    child = spawn("log")
    answer(child, "Who did you talk to", "Someone New")
    answer(child, "Pick a number", "n")
    answer(child, "Gave or received: ", "")  # a new contact: nothing to offer
    child.expect_exact("Type gave or received (Tab completes).")
    answer(child, "Gave or received: ", "gaf")
    answer(child, "Which kind (knowledge, talent, money, access): ", "")
    child.expect_exact("Type knowledge, talent, money or access (Tab completes).")
    answer(child, "Which kind", "talent")
    answer(child, "What exactly", "")
    answer(child, "Worth how many points (1 small, 3 a real favour, 5 life-changing) [1]: ", "")
    child.expect_exact("When")
    child.sendcontrol("c")
    child.expect_exact("Nothing was saved.")
    child.expect(pexpect.EOF)


def test_a_give_offers_to_answer_an_open_loop_once(known: Run, spawn: Spawn) -> None:
    ok(known("log", "Anneke", "received", "talent", "Chaired my panel", "--on", "2026-02-01"))
    loop = entries(known)[-1]["id"]
    child = spawn("log")
    converse(
        child,
        (
            ("Who did you talk to", "Anneke"),
            ("Gave or received", "gaf"),
            ("Which kind", "kennis"),
            ("What exactly", "Returned the favour"),
            ("Worth", ""),
            ("When", ""),
            ("At an event", ""),
        ),
    )
    child.expect_exact("Still open with Anneke de Vries:")
    child.expect_exact(f'1. entry {loop}: received talent "Chaired my panel"')
    answer(child, "Does this answer one of them?", "2")
    child.expect_exact("Pick a number from 1 to 1, or press Enter for none.")
    answer(child, "Does this answer one of them?", "1")
    converse(
        child,
        (
            ("Only promised", ""),
            ("Anything else", "j"),
            ("Gave or received", "gaf"),
            ("Which kind", "talent"),
            ("What exactly", "More help"),
            ("Worth", ""),
            ("When", ""),
            ("At an event", ""),
            ("Only promised", ""),  # the one loop is answered already: not offered again
            ("Anything else", "n"),
            (f"answering entry {loop}", None),
            ("Save?", ""),
        ),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert [(r["description"], r["answers"]) for r in entries(known)[-2:]] == [
        ("Returned the favour", loop),
        ("More help", ""),
    ]


def test_a_promise_made_in_the_conversation_is_saved_with_its_due_date(
    known: Run, spawn: Spawn
) -> None:
    due = (date.today() + timedelta(days=10)).isoformat()
    child = spawn("log")
    converse(
        child,
        (
            ("Who did you talk to", "Anneke"),
            ("Gave or received", "gaf"),
            ("Which kind", "toegang"),
            ("What exactly", "Intro to the port"),
            ("Worth", ""),
            ("When", ""),
            ("At an event", ""),
            ("Only promised, not done yet? (y/N)", "j"),
            ("Due when (Enter for no date)", "2020-01-01"),
            ("a due date comes later", None),
            ("Due when", due),
            ("Anything else", ""),
            (f", promised, due {due}", None),
            ("Save?", ""),
        ),
    )
    child.expect_exact("promised access")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    last = entries(known)[-1]
    assert (last["kind"], last["status"], last["due"], last["date"]) == (
        "access", "promised", due, date.today().isoformat(),
    )  # fmt: skip


def test_in_dutch_the_defaults_are_dutch_words_and_ja_is_yes(known: Run, spawn: Spawn) -> None:
    child = spawn("log", language="nl")
    converse(
        child,
        (
            ("Met wie heb je gesproken", "Anneke"),
            ("[gaf, zoals de vorige keer]", ""),
            ("[kennis, zoals de vorige keer]", ""),
            ("Wat precies", "Nog een tip"),
            ("[3, zoals de vorige keer]", ""),
            ("Wanneer", ""),
            ("Op een bijeenkomst", ""),
            ("Alleen beloofd", ""),
            ("Nog iets anders", "nee"),
            ("Opslaan?", "misschien"),
        ),
    )
    child.expect_exact("Antwoord met j of ja, n of nee")
    answer(child, "Opslaan?", "ja")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    last = entries(known)[-1]
    assert (last["description"], last["direction"], last["kind"], last["value"]) == (
        "Nog een tip", "gave", "knowledge", "3",
    )  # fmt: skip


def test_a_description_too_long_is_refused_at_once_not_at_save(known: Run, spawn: Spawn) -> None:
    child = spawn("log")
    converse(
        child,
        (
            ("Who did you talk to", "Anneke"),
            ("Gave or received", "gaf"),
            ("Which kind", "kennis"),
            ("What exactly", "x" * 2_001),
            ("the description is 2,001 characters long: keep it under 2,000", None),
            ("What exactly", "Short"),
            ("Worth", ""),
            ("When", ""),
            ("At an event", ""),
            ("Only promised", ""),
            ("Anything else", ""),
            ("Save?", ""),
        ),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert entries(known)[-1]["description"] == "Short"


def test_back_at_the_last_questions_returns_to_the_item(known: Run, spawn: Spawn) -> None:
    due = (date.today() + timedelta(days=7)).isoformat()
    child = spawn("log")
    converse(
        child,
        (
            ("Who did you talk to", "Anneke"),
            ("Gave or received", "gaf"),
            ("Which kind", "kennis"),
            ("What exactly", "Tip"),
            ("Worth", ""),
            ("When", ""),
            ("At an event", ""),
            ("Only promised", ""),
            ("Anything else", "<"),  # once: 'Nothing was saved', exit 130
            ("Only promised, not done yet? (y/N)", "j"),
            ("Due when", ""),
            ("Anything else", "n"),
            ("Save?", "<"),
            ("Due when", due),
            ("Anything else", "n"),
            (f", promised, due {due}", None),
            ("Save?", "j"),
        ),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    last = entries(known)[-1]
    assert (last["description"], last["status"], last["due"]) == ("Tip", "promised", due)
