"""`search TEXT [--format table|csv|json]` (issue #14): the contract columns, the hits
highlighted on a terminal only, nothing found said on stderr, and user text never syntax."""

import json

import pytest

from helpers import Refused, Run, csv_header, ok, parse_csv

SEARCH_COLUMNS = ["kind", "id", "date", "contact", "text"]
PIPE = {"TERM": "xterm-256color", "FORCE_COLOR": "", "TTY_COMPATIBLE": ""}


@pytest.fixture
def haven(run: Run) -> Run:
    ok(run("contact", "add", "Anna de Vries", "--needs", "stages in de haven"))
    ok(run("log", "Anna de Vries", "gave", "knowledge", "Tip over Café De Haven",
           "--on", "2026-11-02"))  # fmt: skip
    return run


def test_csv_and_json_have_the_contract_columns(haven: Run) -> None:
    text = ok(haven("search", "haven", "--format", "csv")).stdout
    assert csv_header(text) == SEARCH_COLUMNS
    assert parse_csv(text) == [
        {"kind": "entry", "id": "1", "date": "2026-11-02", "contact": "Anna de Vries",
         "text": "Tip over Café De Haven"},
        {"kind": "needs", "id": "", "date": "", "contact": "Anna de Vries",
         "text": "stages in de haven"},
    ]  # fmt: skip
    records = json.loads(ok(haven("search", "haven", "-f", "json")).stdout)
    assert [list(record) for record in records] == [SEARCH_COLUMNS] * 2
    assert records[1]["id"] is None


def test_the_table_highlights_the_hit_on_a_terminal_and_not_in_a_pipe(haven: Run) -> None:
    piped = ok(haven("search", "cafe", COLUMNS="100", NO_COLOR="1", **PIPE))
    assert "Tip over Café De Haven" in piped.stdout
    assert "\x1b" not in piped.stdout
    terminal = ok(haven("search", "cafe", COLUMNS="100", FORCE_COLOR="1", TERM="xterm"))
    assert "\x1b[1;7mCafé\x1b[0m" in terminal.stdout  # bold reverse, accents and all


def test_nothing_found_is_said_on_stderr_and_exits_zero(haven: Run) -> None:
    result = ok(haven("search", "tender"))
    assert result.stdout == ""
    assert "Nothing found for 'tender'" in result.stderr
    assert ok(haven("search", "tender", "-f", "json")).stdout.strip() == "[]"
    assert csv_header(ok(haven("search", "tender", "-f", "csv")).stdout) == SEARCH_COLUMNS


@pytest.mark.parametrize("text", ['"haven', "haven*", "-haven", "NEAR(haven)", "%", "'"])
def test_search_syntax_never_becomes_an_error(haven: Run, text: str) -> None:
    assert ok(haven("search", "--", text)).exit_code == 0


def test_an_empty_search_is_a_usage_error(haven: Run, refused: Refused) -> None:
    assert "search for" in refused(2, "search", '""').stderr
