"""Every report and listing at 40, 60, 80 and 120 columns (issue #14): no line wider than the
terminal, no number or date cut (a column either shows its values whole or is left out), no
"…" anywhere, and piped tables without trailing spaces."""

import re
from pathlib import Path

import pytest

from helpers import ENTRY_COLUMNS, LedgerUnderTest, Run, Templates, entry_row, log, ok
from wederkerig.core import i18n, money

WIDTHS = [40, 60, 80, 120]
LONG = "Pieter-Jan van den Hoogenband"  # a long name, never cut
ORG = "Havenbedrijf Rotterdam Internationaal"
# a terminal Rich cannot mistake for a pipe, without colour so the text can be compared
TERMINAL = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "TERM": "xterm-256color"}
ESCAPES = re.compile(r"\x1b\[[0-9;]*m")

COMMANDS = [
    ("balance",),
    ("balance", "--by-kind"),
    ("balance", "--by", "organisation"),
    ("balance", "--by", "group", "--by-kind"),
    ("balance", "--by", "event"),
    ("balance", "--every", "month"),
    ("balance", LONG),
    ("brief", LONG),
    ("flow",),
    ("due",),
    ("promises",),
    ("loops",),
    ("intros",),
    ("entries",),
    ("contact", "list"),
    ("contact", "show", LONG),
    ("group", "list"),
    ("group", "show", "Drechtsteden Economische Samenwerking"),
    ("event", "list"),
    ("tag", "list"),
    ("config", "list"),
    pytest.param(("doctor",), marks=pytest.mark.sqlite_only(reason="doctor checks a SQLite file")),
    ("search", "report"),
    ("contact", "list", "--sort", "last"),
    ("balance", "--givers-gain"),
    ("brief", LONG, "--givers-gain"),
]


@pytest.fixture
def ledger(run: Run, db: LedgerUnderTest, templates: Templates) -> Run:
    """A long name at a long organisation with large numbers of points (thousands), promises
    both ways, an unanswered entry, an introduction with a long reason, a group and an event."""

    def build() -> None:
        ok(run("contact", "add", LONG, "--org", ORG, "--tag", "havenbestuur"))
        ok(run("contact", "edit", LONG, "--every", "30d"))
        ok(run("contact", "add", "Ülkü Yılmaz", "--org", "Gemeente Dordrecht"))
        ok(run("event", "add", "Nieuwjaarsreceptie Drechtsteden 2026", "--on", "2026-01-09"))
        ok(run("group", "add", "Drechtsteden Economische Samenwerking"))
        ok(run("group", "join", "Drechtsteden Economische Samenwerking", LONG, "Ülkü Yılmaz"))
        log(run, LONG, "gave", "knowledge", "A long description of the regional labour market "
            "study that will certainly need to wrap", "--value", "12345", "--on", "2025-12-18",
            "--event", "Nieuwjaarsreceptie Drechtsteden 2026")  # fmt: skip
        log(run, LONG, "received", "money", "sponsorship", "--value", "3000", "--amount",
            "12500", "--on", "2026-05-05")  # fmt: skip
        log(run, "Ülkü Yılmaz", "received", "access", "seat at the table", "--value", "4321",
            "--on", "2026-10-19")  # fmt: skip
        log(run, LONG, "gave", "talent", "send the report", "--promise", "--on", "2026-10-01",
            "--due", "2026-11-01")  # fmt: skip
        log(run, "Ülkü Yılmaz", "received", "talent", "intro to the port", "--promise",
            "--on", "2026-11-20", "--due", "2026-12-15")  # fmt: skip
        ok(run("intro", LONG, "Ülkü Yılmaz", "financing for offshore wind suppliers in the "
               "Drechtsteden region", "--on", "2026-10-24"))  # fmt: skip

    templates.once("narrow", db, build)
    return run


def numbers_and_dates(out: str) -> set[str]:
    """Every date and every number of two or more digits the wide table shows."""
    return set(re.findall(r"\d{4}-\d{2}-\d{2}|\d[\d,.]*\d", out))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_report_fits_and_cuts_nothing(ledger: Run, args: tuple[str, ...], width: int) -> None:
    out = ESCAPES.sub("", ok(ledger(*args, COLUMNS=str(width), **TERMINAL)).stdout)
    assert max(len(line) for line in out.splitlines()) <= width, out
    cut = [word for word in re.findall(r"\S*…\S*", out) if word != "GBP…"]  # the help says it
    assert cut == [], out
    for date_like in re.findall(r"\d{4}-\d[\d-]*", out):  # a date is whole or absent
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", date_like), out
    for number in re.findall(r"[\d.,]*\d", out):  # thousands grouped in threes, never cut
        assert re.fullmatch(r"\d{1,3}(,\d{3})*(\.\d+)?|\d{4}(-\d\d)*|\d+", number), out


@pytest.mark.parametrize("width", [40, 60])
@pytest.mark.parametrize("args", [("balance",), ("promises",), ("entries",), ("due",)])
def test_a_narrow_table_shows_every_value_whole_or_leaves_its_column_out(
    ledger: Run, args: tuple[str, ...], width: int
) -> None:
    """What the narrow table shows of the wide one's numbers and dates is whole: each value
    on a narrow line is one the wide table holds."""
    wide, narrow = (
        numbers_and_dates(ESCAPES.sub("", ok(ledger(*args, COLUMNS=str(w), **TERMINAL)).stdout))
        for w in (120, width)
    )
    assert narrow <= wide


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("args", "ids"),
    [(("promises",), {"4", "5"}), (("intros",), {"1"}), (("entries",), {"1", "2", "3"})],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else "",
)
def test_the_ids_commands_act_on_stay_at_every_width(
    ledger: Run, args: tuple[str, ...], ids: set[str], width: int
) -> None:
    """keep ID, drop ID, intro-outcome ID, rm ID: a table that hides the id hides the handle."""
    out = ESCAPES.sub("", ok(ledger(*args, COLUMNS=str(width), **TERMINAL)).stdout)
    firsts = {line.split()[0] for line in out.splitlines() if line.strip()}
    assert ids <= firsts, out


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_piped_tables_have_no_trailing_spaces(ledger: Run, args: tuple[str, ...]) -> None:
    out = ok(ledger(*args, COLUMNS="80")).stdout
    assert [line for line in out.splitlines() if line != line.rstrip()] == [], out


def test_people_facing_numbers_have_thousands_separators_and_csv_does_not(ledger: Run) -> None:
    assert "12,346" in ok(ledger("balance", COLUMNS="120")).stdout
    assert ",12346," in ok(ledger("balance", "--format", "csv")).stdout
    i18n.use("nl")
    try:
        assert money.number(300008) == "300.008"
    finally:
        i18n.use("en")


def test_an_overdue_promise_is_marked_with_a_minus_sign(ledger: Run) -> None:
    out = ok(ledger("promises", COLUMNS="60")).stdout
    assert "−25 d" in out, out
    assert "-25 d" not in out, out


def test_brief_save_keeps_the_columns_the_terminal_shows_and_loads_nothing_remote(
    ledger: Run, tmp_path: Path
) -> None:
    svg = tmp_path / "brief.svg"
    shown = ok(ledger("brief", LONG, "--save", str(svg), COLUMNS="120", **TERMINAL)).stdout
    assert "Made" in shown
    assert "Age" in shown
    saved = svg.read_text()
    for heading in ("Made", "Age", "Event"):
        assert heading in saved, heading
    assert not re.search(r"url\(\s*[\"']?https?:", saved)
    assert "cdnjs" not in saved


def test_last_contact_is_one_date_under_one_label_in_every_report(run: Run) -> None:
    """A promise made in a meeting counts as contact (as 'due' counts it): balance NAME,
    brief NAME and contact show all say the same sentence."""
    log(run, "Anna", "gave", "knowledge", "notes", "--on", "2026-09-01", "--create")
    log(run, "Anna", "received", "talent", "a workshop", "--promise", "--on", "2026-11-20")
    said = "Last contact 2026-11-20 (6 days ago)."
    for args in [("balance", "Anna"), ("brief", "Anna"), ("contact", "show", "Anna")]:
        out = ok(run(*args, COLUMNS="80")).stdout
        assert said in " ".join(out.split()), (args, out)


def test_people_are_listed_in_dictionary_order(run: Run) -> None:
    """ "Ülkü" among the U's, before "Zoë" (it sorted after Z, by code point)."""
    for name in ["Zoë Janssen", "Ülkü Yılmaz", "Anneke de Vries", "Émile Dubois"]:
        log(run, name, "gave", "knowledge", "notes", "--create")
    expected = ["Anneke de Vries", "Émile Dubois", "Ülkü Yılmaz", "Zoë Janssen"]
    for args in [("contact", "list"), ("balance",)]:
        rows = ok(run(*args, "--format", "csv")).stdout.splitlines()[1:]
        assert [row.split(",")[0] for row in rows] == expected, args


def test_counts_for_people_are_grouped_the_readers_way(run: Run, tmp_path: Path) -> None:
    """'1234 entries' read as a year; a Dutch reader groups with a dot."""
    header = ",".join(ENTRY_COLUMNS)

    rows = [
        ",".join(entry_row(date=f"2026-01-{1 + n % 28:02d}", contact="Anna", direction="gave",
                           kind="knowledge", value="1", description=f"note {n}", status="done"))
        for n in range(1234)
    ]  # fmt: skip
    file = tmp_path / "many.csv"
    file.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    ok(run("contact", "add", "Anna"))
    english = ok(run("import", "entries", str(file), "--dry-run"))
    assert "1,234 entries" in english.stderr, english.stderr
    i18n.use("nl")  # as main() does for WEDERKERIG_LANG=nl
    try:
        imported = ok(run("import", "entries", str(file)))
        shown = ok(run("contact", "show", "Anna")).stdout
    finally:
        i18n.use("en")
    assert "1.234" in imported.stderr, imported.stderr
    assert "1.234" in shown, shown
