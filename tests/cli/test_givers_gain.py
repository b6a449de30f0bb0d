"""The givers-gain view (issue #16): the 'view' setting, and --givers-gain/--scores on every
report that shows a net. People see what they gave and received side by side, never a net,
never their own gifts as open loops, never a nudge to ask something back; scripts get the
same bytes in both views."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import LedgerUnderTest, Refused, Run, Templates, log, ok, one_line
from wederkerig.core import i18n

CONFIG = Path("config") / "wederkerig" / "config.toml"  # under XDG_CONFIG_HOME
VIEWS: list[list[str]] = [[], ["--scores"], ["--givers-gain"]]
# Every report that shows a net, with what it is given; 'due' asks nothing back in the view.
REPORTS = [
    ["balance"],
    ["balance", "--by-kind"],
    ["balance", "--by", "group"],
    ["balance", "Anna"],
    ["balance", "--every", "month"],
    ["brief", "Anna"],
    ["flow"],
    ["due"],
    ["group", "show", "Harbour"],
]


@pytest.fixture
def ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """TODAY is 2026-11-26. Anna: I gave knowledge 3 (01-10, never answered) and received
    talent 1 (10-01, unanswered); Bram: I gave access 1 (11-20) and received knowledge 5
    (02-01); Chloé: she gave money 2 (06-01) and her promise was due 11-01. Anna and Daan
    share the tag 'port'; Anna, Bram and Eva are in the group Harbour."""

    def build() -> None:
        log(run, "Anna", "gave", "knowledge", "market study", "--value", "3",
            "--on", "2026-01-10", "--create")  # fmt: skip
        log(run, "Anna", "received", "talent", "a designer", "--on", "2026-10-01")
        log(run, "Bram", "received", "knowledge", "tender tips", "--value", "5",
            "--on", "2026-02-01", "--create")  # fmt: skip
        log(run, "Bram", "gave", "access", "to the alderman", "--on", "2026-11-20")
        log(run, "Chloé", "received", "money", "sponsoring", "--value", "2", "--amount", "50",
            "--on", "2026-06-01", "--create")  # fmt: skip
        log(run, "Chloé", "received", "talent", "a speaker", "--promise",
            "--on", "2026-09-01", "--due", "2026-11-01")  # fmt: skip
        ok(run("contact", "add", "Daan", "--tag", "port"))
        ok(run("contact", "add", "Eva"))
        ok(run("contact", "edit", "Anna", "--tag", "port"))
        ok(run("group", "add", "Harbour"))
        ok(run("group", "join", "Harbour", "Anna", "Bram", "Eva"))

    templates.once("givers-gain", db, build)
    return run


def set_view(run: Run, view: str) -> None:
    ok(run("config", "set", "view", view))


# --- machine output ----------------------------------------------------------------------------


@pytest.mark.parametrize("report", REPORTS, ids=" ".join)
@pytest.mark.parametrize("output_format", ["csv", "json"])
def test_machine_output_is_byte_identical_in_both_views(
    ledger: Run, report: list[str], output_format: str
) -> None:
    outputs = {ok(ledger(*report, *flag, "--format", output_format)).stdout for flag in VIEWS}
    set_view(ledger, "givers-gain")
    outputs |= {ok(ledger(*report, *flag, "--format", output_format)).stdout for flag in VIEWS}
    assert len(outputs) == 1, outputs


# --- what people see -----------------------------------------------------------------------------


def test_balance_keeps_scores_by_default(ledger: Run) -> None:
    table = ok(ledger("balance")).stdout
    assert "Net" in table
    assert "net = gave − received" in table


def test_balance_in_the_givers_gain_view_has_no_net_and_lists_the_latest_gift_first(
    ledger: Run,
) -> None:
    table = ok(ledger("balance", "--givers-gain")).stdout
    assert "Net" not in table
    assert "net =" not in table
    assert "Gave last" in table
    assert "side by side" in table
    names = [line.split()[0] for line in table.splitlines() if line.split()[:1] in (
        ["Anna"], ["Bram"], ["Chloé"])]  # fmt: skip
    assert names == ["Bram", "Anna", "Chloé"]  # gave 11-20, gave 01-10, never gave


def test_the_view_setting_turns_the_mode_on_and_scores_overrides_it_once(ledger: Run) -> None:
    set_view(ledger, "givers-gain")
    assert ok(ledger("config", "get", "view")).stdout == "givers-gain\n"
    for report in (["balance"], ["balance", "--by-kind"], ["flow"], ["brief", "Anna"]):
        assert "Net" not in ok(ledger(*report)).stdout, report
        assert "Net" in ok(ledger(*report, "--scores")).stdout, report


def test_one_contacts_balance_has_no_net_and_no_sentences_that_weigh(ledger: Run) -> None:
    scores = ok(ledger("balance", "Bram")).stdout
    assert "you received 4 more points than you gave" in scores
    shown = ok(ledger("balance", "Bram", "--givers-gain")).stdout
    assert "more point" not in shown
    assert "In words" not in shown
    assert "Net" not in shown
    assert "Timeline" in shown


def test_brief_shows_no_gift_as_an_open_loop_and_ends_with_what_to_give_next(
    ledger: Run,
) -> None:
    scores = ok(ledger("brief", "Anna")).stdout
    assert "market study" in scores.split("Open loops")[1]  # my gift, unanswered
    shown = ok(ledger("brief", "Anna", "--givers-gain")).stdout
    loops = shown.split("Open loops (1)")[1].split("Last entries")[0]
    assert "a designer" in loops  # what I received and owe still shows
    assert "market study" not in loops
    assert "Net" not in shown
    last = shown.split("What you could give next")[1]
    assert "They have received knowledge from you most (3 points)" in last
    assert "Introductions you could make" in last
    assert "Bram, Daan, Eva" in last  # a group and a tag in common, in name order
    assert "What you could give next" not in scores


def test_brief_never_weighs_the_sides_in_the_givers_gain_view(ledger: Run) -> None:
    scores = ok(ledger("brief", "Bram")).stdout
    assert "They have given more than they received" in scores
    shown = ok(ledger("brief", "Bram", "--givers-gain")).stdout
    assert "given more than" not in shown
    assert "They have received access from you most (1 point)" in shown


def test_flow_shows_both_ways_without_a_net(ledger: Run) -> None:
    assert "Net" in ok(ledger("flow")).stdout
    shown = ok(ledger("flow", "--givers-gain")).stdout
    assert "Net" not in shown
    assert "Gave" in shown
    assert "Received" in shown


def test_due_never_asks_something_back_in_the_givers_gain_view(ledger: Run) -> None:
    scores = ok(ledger("due", "--unanswered-after", "30d")).stdout
    assert "their promise" in scores
    shown = ok(ledger("due", "--unanswered-after", "30d", "--givers-gain")).stdout
    assert "their promise" not in shown
    assert "say thanks" in shown  # what I owe stays


def test_group_show_has_no_net_in_the_givers_gain_view(ledger: Run) -> None:
    assert "Net" in ok(ledger("group", "show", "Harbour")).stdout
    assert "Net" not in ok(ledger("group", "show", "Harbour", "--givers-gain")).stdout


def test_balance_every_which_is_all_nets_asks_for_scores(ledger: Run, refused: Refused) -> None:
    result = refused(2, "balance", "--every", "month", "--givers-gain")
    assert "--every shows net points" in result.stderr
    assert "--scores" in result.stderr
    assert "Total" in ok(ledger("balance", "--every", "month", "--scores")).stdout


# --- the setting ---------------------------------------------------------------------------------


def test_an_unknown_view_is_refused_naming_the_views(ledger: Run, refused: Refused) -> None:
    result = refused(2, "config", "set", "view", "generous")
    assert "unknown view 'generous': use one of scores, givers-gain" in result.stderr
    assert ok(ledger("config", "get", "view")).stdout == "scores\n"


def test_a_view_edited_into_the_file_wrongly_is_one_line_naming_the_file(
    ledger: Run, refused: Refused, tmp_path: Path
) -> None:
    path = tmp_path / CONFIG
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('view = "givers gain"\n')
    result = refused(2, "balance")
    line = one_line(result.stderr)
    assert str(path) in line
    assert "view = 'givers gain': use one of scores, givers-gain" in line
    assert "Net" in ok(ledger("balance", "--scores")).stdout  # the flag needs no setting


# --- in Dutch ------------------------------------------------------------------------------------


@pytest.fixture
def dutch() -> Iterator[None]:
    i18n.use("nl")
    yield
    i18n.use("en")


def test_the_givers_gain_view_speaks_dutch(ledger: Run, dutch: None) -> None:
    brief = ok(ledger("brief", "Anna", "--givers-gain")).stdout
    assert "Wat je hierna kunt geven" in brief
    assert "Ze kregen van jou het meest kennis (3 punten)" in brief
    balance = ok(ledger("balance", "--givers-gain")).stdout
    assert "naast elkaar" in balance


def test_the_demos_balance_follows_the_view_setting(run: Run) -> None:
    assert "Net" in ok(run("demo")).stdout
    set_view(run, "givers-gain")
    shown = ok(run("demo")).stdout
    assert "Net" not in shown
    assert "Gave last" in shown
