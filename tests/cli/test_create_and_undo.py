"""`log --create` says it added the contact, and `undo` takes back the contact that the undone
entry's log added, when nothing else holds on to it (issue #14)."""

import json

from helpers import Run, ok


def contacts(run: Run) -> list[str]:
    return [c["name"] for c in json.loads(ok(run("contact", "list", "--format", "json")).stdout)]


def test_log_create_says_it_added_the_contact(run: Run) -> None:
    result = ok(run("log", "Bram Bakker", "gave", "talent", "--create"))
    assert result.stdout == "1\n"
    assert result.stderr.splitlines()[0] == "Added contact 'Bram Bakker'."
    assert "Logged entry 1" in result.stderr


def test_log_create_on_a_known_contact_says_nothing_was_added(run: Run) -> None:
    ok(run("contact", "add", "Bram Bakker"))
    assert "Added contact" not in ok(run("log", "Bram Bakker", "gave", "talent", "--create")).stderr
    assert "Added contact" not in ok(run("log", "Bram Bakker", "gave", "talent")).stderr


def test_undo_removes_the_contact_its_log_created(run: Run) -> None:
    ok(run("contact", "add", "Anna de Vries"))
    ok(run("log", "Anna de Vries", "gave", "knowledge"))
    ok(run("log", "Bram Bakker", "gave", "talent", "--create"))
    result = ok(run("undo", "--yes"))
    assert result.stderr.splitlines()[-1] == "Removed contact 'Bram Bakker'."
    assert contacts(run) == ["Anna de Vries"]


def test_undo_keeps_a_created_contact_that_has_other_entries(run: Run) -> None:
    ok(run("log", "Bram Bakker", "gave", "talent", "--create"))
    ok(run("log", "Bram Bakker", "received", "knowledge"))
    assert "contact" not in ok(run("undo", "--yes")).stderr
    assert contacts(run) == ["Bram Bakker"]
    assert "Removed contact 'Bram Bakker'." in ok(run("undo", "--yes")).stderr  # now the first
    assert contacts(run) == []


def test_undo_keeps_a_created_contact_that_was_given_more_since(run: Run) -> None:
    ok(run("log", "Bram Bakker", "gave", "talent", "--create"))
    ok(run("contact", "edit", "Bram Bakker", "--alias", "Bram"))
    assert "Removed contact" not in ok(run("undo", "--yes")).stderr
    assert contacts(run) == ["Bram Bakker"]


def test_undo_keeps_a_contact_that_was_added_before_its_log(run: Run) -> None:
    ok(run("contact", "add", "Bram Bakker"))
    ok(run("log", "Bram Bakker", "gave", "talent", "--create"))
    assert "Removed contact" not in ok(run("undo", "--yes")).stderr
    assert contacts(run) == ["Bram Bakker"]
