"""Bad input to every command: refused with the right exit code, in one line that names the
problem (and usually the fix), without a traceback and without touching the ledger.

One table holds the refusals; odd input that must be *accepted* has tests of its own below.
"""

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from helpers import (
    ENTRY_COLUMNS,
    LedgerUnderTest,
    MakeLedger,
    Refused,
    Run,
    Templates,
    ok,
    on,
    one_line,
)

OVERFLOW = "99999999999999999999"  # more than SQLite's 64-bit integers
LONG_NAME = "A" * 10_000
BLURSDAY = "next blursday"
LOG = ("log", "Anna", "gave", "talent")
MONEY = ("log", "Anna", "gave", "money")
IMPORT = ("import", "entries", "--create-contacts")
REVERSED = ("--since", "2026-12-01", "--until", "2026-01-01")  # --since after --until


def build_small_ledger(run: Run) -> None:
    """Two contacts, an event, a group, a tag with a cadence, three entries (one a promise)
    and an introduction (entries 4 and 5, introduction 1)."""
    ok(run("contact", "add", "Anna de Vries", "--alias", "Anna", "--tag", "drechtsteden",
           "--org", "Gemeente", "--note", "allergisch voor noten"))  # fmt: skip
    ok(run("contact", "add", "Bram Bakker", "--alias", "Bram", "--email", "bram@example.org"))
    ok(run("event", "add", "Nieuwjaarsreceptie", "--on", "2026-01-10"))
    ok(run("group", "add", "Bestuur"))
    ok(run("group", "join", "Bestuur", "Anna", "Bram"))
    ok(run("log", "Anna", "gave", "knowledge", "tip over subsidie", "--on", "2026-10-01"))
    ok(run("log", "Bram", "received", "money", "lening", "--amount", "12,50", "--on",
           "2026-10-02", "--event", "Nieuwjaarsreceptie"))  # fmt: skip
    ok(run(*LOG, "hulp", "--promise", "--due", "2026-12-10"))
    ok(run("intro", "Anna", "Bram", "beide in de haven"))
    ok(run("tag", "cadence", "drechtsteden", "30d"))


@pytest.fixture
def small(run: Run, db: LedgerUnderTest, templates: Templates, tmp_path: Path) -> Run:
    templates.once("small", db, lambda: build_small_ledger(run))
    (tmp_path / "notes.csv").write_text("Dear diary,\nno entries here.\n", encoding="utf-8")
    write_bad_imports(tmp_path)
    return run


def write_bad_imports(folder: Path) -> None:
    """Entry files that are well formed up to one thing a reader may choke on."""
    header = ",".join(ENTRY_COLUMNS)
    good: dict[str, object] = {"date": "2026-10-01", "contact": "Anna", "direction": "gave",
                               "kind": "talent", "value": "1", "description": "x"}  # fmt: skip

    def csv_row(**cells: str) -> str:
        return header + "\n" + ",".join(str({**good, **cells}.get(c, "")) for c in ENTRY_COLUMNS)

    def json_row(**values: object) -> str:
        return json.dumps([{column: {**good, **values}.get(column) for column in ENTRY_COLUMNS}])

    files = {
        "long-field.csv": csv_row(description="x" * 140_000),
        "value-underscore.csv": csv_row(value="1_0"),
        "value-arabic-indic.csv": csv_row(value="\u0663"),
        "amount-underscore.csv": csv_row(kind="money", amount="1_0.00"),
        "id-arabic-indic.csv": csv_row(id="\u0663"),
        "huge-number.json": '[{"id": ' + "1" * 5_000 + "}]",
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "object-description.json": json_row(description={"a": 1}),
        "list-description.json": json_row(description=["a", "b"]),
        "endless-entry.json": json_row(description="x" * 1_200_000),
        "reason-not-dropped.csv": csv_row(dropped_reason="changed my mind"),
        "outcome-unknown.csv": csv_row(kind="access", introduction="1", outcome="great"),
        "outcome-without-introduction.csv": csv_row(outcome="met"),
        "outcome-note-without-introduction.csv": csv_row(outcome_note="koffie gedronken"),
        "date-a-line-break.csv": csv_row(date='"\n"'),  # echoed, it made the error two lines
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def row(id: str, code: int, says: str, *args: str, marks: Any = ()) -> object:
    return pytest.param(args, code, says, id=id, marks=marks)


BAD_INPUT = [
    # --- dates ---
    row("log-date-not-on-the-calendar", 2, "2026-02-30", *LOG, "x", "--on", "2026-02-30"),
    row("log-date-with-slashes-in-the-future", 2, "2026-12-31", *LOG, "--on", "31/12/2026"),
    row("log-date-with-slashes-not-on-the-calendar", 2, "31/02/2026", *LOG, "--on", "31/02/2026"),
    row("log-date-unknown-weekday", 2, BLURSDAY, *LOG, "x", "--on", BLURSDAY),
    row("log-date-in-the-future", 2, "future", *LOG, "x", "--on", "2026-12-01"),
    row("log-date-year-0", 2, "0000-01-01", *LOG, "--on", "0000-01-01"),
    row("log-date-a-bare-number", 2, "cannot read the date", *LOG, "--on", "12"),
    row("log-date-minutes-are-not-a-date", 2, "31m", *LOG, "--on", "31m"),
    row("log-date-with-a-colour-code", 2, "cannot read", *LOG, "--on", "\x1b[31m2026"),
    row("log-date-option-without-value", 2, "--on", *LOG, "--on"),
    row("log-due-without-promise", 2, "--promise", *LOG, "--due", "2026-12-01"),
    row("log-due-before-it-was-made", 2, "2026-11-01", *LOG, "--promise", "--due", "2026-11-01"),
    row("log-due-not-a-date", 2, BLURSDAY, *LOG, "--promise", "--due", BLURSDAY),
    row("edit-date-in-the-future", 2, "future", "edit", "1", "--on", "2027-01-01"),
    row("keep-before-it-was-made", 2, "before it was made", "keep", "3", "--on", "2026-01-01"),
    row("keep-date-not-on-the-calendar", 2, "2026-02-30", "keep", "3", "--on", "2026-02-30"),
    row("intro-date-in-the-future", 2, "future", "intro", "Anna", "Bram", "--on", "2027-01-01"),
    row(
        "event-date-not-on-the-calendar",
        2,
        "2026-02-30",
        "event",
        "add",
        "Feest",
        "--on",
        "2026-02-30",
    ),
    row("balance-since-after-until", 2, "swap", "balance", *REVERSED),
    row(
        "entries-since-after-until",
        2,
        "swap",
        "entries",
        "--since",
        "2026-11-01",
        "--until",
        "2026-10-01",
    ),
    row("flow-since-after-until", 2, "swap", "flow", *REVERSED),
    row("group-show-since-after-until", 2, "swap", "group", "show", "Bestuur", *REVERSED),
    row("entries-since-unknown-weekday", 2, BLURSDAY, "entries", "--since", BLURSDAY),
    # --- names and texts ---
    row("contact-add-empty-name", 2, "empty", "contact", "add", ""),
    row("contact-add-blank-name", 2, "empty", "contact", "add", "   "),
    row("contact-add-10000-characters", 2, "10,000", "contact", "add", LONG_NAME),
    row("contact-add-nul-in-name", 2, "control characters", "contact", "add", "Anna\x00Bram"),
    row("contact-add-esc-in-name", 2, "control characters", "contact", "add", "Anna\x1b[2J"),
    row(
        "contact-add-rtl-override-in-name",
        2,
        "control characters",
        "contact",
        "add",
        "\u202eanna.exe",
    ),
    row("contact-add-only-combining-marks", 2, "name", "contact", "add", "\u0301\u0308"),
    row(
        "contact-add-note-of-100000-characters",
        2,
        "10,000",
        "contact",
        "add",
        "Cees",
        "--note",
        "x" * 100_000,
    ),
    row(
        "contact-add-esc-in-organisation",
        2,
        "organisation",
        "contact",
        "add",
        "Cees",
        "--org",
        "\x1b[31mrood",
    ),
    row(
        "contact-add-not-an-email",
        2,
        "not-an-email",
        "contact",
        "add",
        "Cees",
        "--email",
        "not-an-email",
    ),
    row("contact-add-semicolon-in-alias", 2, ";", "contact", "add", "Cees", "--alias", "Ce;es"),
    row("contact-add-empty-tag", 2, "tag", "contact", "add", "Cees", "--tag", ""),
    row("contact-edit-empty-new-name", 2, "empty", "contact", "edit", "Anna", "--name", ""),
    row(
        "contact-edit-nul-in-email", 2, "email", "contact", "edit", "Anna", "--email", "a\x00@b.nl"
    ),
    row("log-empty-name", 2, "empty", "log", "", "gave", "talent"),
    row("log-create-empty-name", 2, "empty", "log", "", "gave", "talent", "--create"),
    row(
        "log-create-10000-character-name",
        2,
        "10,000",
        "log",
        LONG_NAME,
        "gave",
        "talent",
        "--create",
    ),
    row(
        "log-create-esc-in-name",
        2,
        "control characters",
        "log",
        "Anna\x1b[31m",
        "gave",
        "talent",
        "--create",
    ),
    row("log-nul-in-description", 2, "description", *LOG, "a\x00b"),
    row("log-esc-in-description", 2, "description", *LOG, "\x1b[31mrood"),
    row("log-rtl-override-in-description", 2, "description", *LOG, "factuur\u202efdp.exe"),
    row("edit-esc-in-description", 2, "description", "edit", "1", "--description", "x\x1b"),
    row("intro-esc-in-why", 2, "description", "intro", "Anna", "Bram", "x\x1b[0m"),
    row("drop-empty-reason", 2, "--reason", "drop", "3", "--reason", ""),
    row("drop-nul-in-reason", 2, "reason", "drop", "3", "--reason", "x\x00"),
    row("drop-without-reason", 2, "--reason", "drop", "3"),
    row("group-add-esc-in-name", 2, "group name", "group", "add", "x\x1b[31m"),
    row("group-add-empty-name", 2, "empty", "group", "add", ""),
    row("event-add-empty-name", 2, "empty", "event", "add", ""),
    row("event-add-nul-in-place", 2, "place", "event", "add", "Feest", "--place", "x\x00"),
    row("tag-cadence-empty-tag", 2, "tag", "tag", "cadence", "", "30d"),
    # --- points ---
    row("log-value-minus-1", 2, "-1", *LOG, "--value", "-1"),
    row("log-value-0", 2, "1 to 1,000,000", *LOG, "--value", "0"),
    row("log-value-nan", 2, "--value", *LOG, "--value", "NaN"),
    row("log-value-inf", 2, "--value", *LOG, "--value", "inf"),
    row("log-value-1e9", 2, "--value", *LOG, "--value", "1e9"),
    row("log-value-drie", 2, "--value", *LOG, "--value", "drie"),
    row("log-value-1.5", 2, "--value", *LOG, "--value", "1.5"),
    row("log-value-1000001", 2, "1,000,000", *LOG, "--value", "1000001"),
    row("log-value-beyond-64-bits", 2, "1,000,000", *LOG, "--value", OVERFLOW),
    row("edit-value-0", 2, "1 to 1,000,000", "edit", "1", "--value", "0"),
    row("intro-value-0", 2, "1 to 1,000,000", "intro", "Anna", "Bram", "--value", "0"),
    row("log-value-with-underscore", 2, "1_0", *LOG, "--value", "1_0"),
    row("log-value-arabic-indic-digit", 2, "\u0663", *LOG, "--value", "\u0663"),
    row("log-promise-value-with-underscore", 2, "1_0", *LOG, "--promise", "--value", "1_0"),
    row("edit-value-with-underscore", 2, "1_0", "edit", "1", "--value", "1_0"),
    row("edit-answers-superscript-two", 2, "not an entry id", "edit", "1", "--answers", "\u00b2"),
    row(
        "edit-answers-arabic-indic", 2, "not an entry id", "edit", "1", "--answers", "\u0661\u0662"
    ),
    row("intro-value-fullwidth-digit", 2, "\uff13", "intro", "Anna", "Bram", "--value", "\uff13"),
    # --- amounts ---
    row("log-amount-minus-5", 2, "-5", *MONEY, "--amount", "-5"),
    row("log-amount-abc", 2, "abc", *MONEY, "--amount", "abc"),
    row("log-amount-1.234-is-ambiguous", 2, "unclear", *MONEY, "--amount", "1.234"),
    row("log-amount-1,234-is-ambiguous", 2, "unclear", *MONEY, "--amount", "1,234"),
    row("log-amount-0", 2, "more than 0", *MONEY, "--amount", "0"),
    row("log-amount-nan", 2, "NaN", *MONEY, "--amount", "NaN"),
    row("log-amount-inf", 2, "inf", *MONEY, "--amount", "inf"),
    row("log-amount-1e9", 2, "1e9", *MONEY, "--amount", "1e9"),
    row("log-amount-over-a-billion", 2, "1,000,000,000", *MONEY, "--amount", "1000000000.01"),
    row("log-amount-on-talent", 2, "drop --amount", *LOG, "--amount", "5"),
    row("edit-amount-ambiguous", 2, "unclear", "edit", "2", "--amount", "1.234"),
    row("edit-amount-on-knowledge", 2, "--amount none", "edit", "1", "--amount", "5"),
    row("log-amount-arabic-indic-digit", 2, "\u0663", *MONEY, "--amount", "\u0663"),
    row("log-amount-with-underscore", 2, "1_000", *MONEY, "--amount", "1_000"),
    row(
        "edit-amount-devanagari-digits", 2, "\u0967\u0968", "edit", "2", "--amount", "\u0967\u0968"
    ),
    # --- ids ---
    row("edit-unknown-id", 1, "999", "edit", "999", "--value", "2"),
    row("rm-unknown-id", 1, "999", "rm", "999"),
    row("rm-id-0", 2, "Invalid value for 'ID'", "rm", "0"),
    row("rm-id-not-a-number", 2, "ID", "rm", "abc"),
    row("rm-one-side-of-an-introduction", 2, "--other-side", "rm", "4"),
    row("keep-unknown-id", 1, "999", "keep", "999"),
    row("keep-not-a-promise", 1, "not an open promise", "keep", "1"),
    row("drop-unknown-id", 1, "999", "drop", "999", "--reason", "x"),
    row("intro-outcome-unknown-id", 1, "999", "intro-outcome", "999", "met"),
    row(
        "log-answers-unknown-id", 1, "999", "log", "Anna", "received", "talent", "--answers", "999"
    ),
    row("log-answers-the-same-direction", 2, "other way", *LOG, "--answers", "1"),
    row("edit-answers-itself", 2, "itself", "edit", "1", "--answers", "1"),
    row("rm-id-beyond-64-bits", 2, "Invalid value for 'ID'", "rm", OVERFLOW),
    row("rm-id-beyond-32-bits", 2, "from 1 to 2147483647", "rm", "3000000000"),
    row("edit-id-beyond-64-bits", 2, "Invalid value for 'ID'", "edit", OVERFLOW, "--value", "2"),
    row("keep-id-beyond-64-bits", 2, "Invalid value for 'ID'", "keep", OVERFLOW),
    row("drop-id-beyond-64-bits", 2, "Invalid value for 'ID'", "drop", OVERFLOW, "--reason", "x"),
    row(
        "intro-outcome-id-beyond-64-bits",
        2,
        "Invalid value for 'ID'",
        "intro-outcome",
        OVERFLOW,
        "met",
    ),
    row(
        "log-answers-id-beyond-64-bits",
        2,
        "Invalid value for '--answers'",
        "log",
        "Anna",
        "received",
        "talent",
        "--answers",
        OVERFLOW,
    ),
    row("edit-answers-id-beyond-64-bits", 2, "not an entry id", "edit", "1", "--answers", OVERFLOW),
    # --- kinds, directions, outcomes ---
    row("log-kind-kenniss", 2, "Did you mean 'kennis'", "log", "Anna", "gave", "kenniss"),
    row("log-kind-telent", 2, "Did you mean 'talent'", "log", "Anna", "gave", "telent"),
    row("log-direction-sideways", 2, "sideways", "log", "Anna", "sideways", "talent"),
    row("log-direction-gaaf", 2, "Did you mean 'gaf'", "log", "Anna", "gaaf", "talent"),
    row("edit-kind-kenniss", 2, "Did you mean 'kennis'", "edit", "1", "--kind", "kenniss"),
    row("edit-direction-up", 2, "'up'", "edit", "1", "--direction", "up"),
    row("entries-direction-up", 2, "'up'", "entries", "--direction", "up"),
    row("balance-kind-gift", 2, "'gift'", "balance", "--kind", "gift"),
    row("flow-kind-kenniss", 2, "Did you mean 'kennis'", "flow", "--kind", "kenniss"),
    row("intro-outcome-mett", 2, "Did you mean 'met'", "intro-outcome", "1", "mett"),
    row("intro-outcome-married", 2, "married", "intro-outcome", "1", "married"),
    # --- commands (the root builds a command only when asked: a typo must still be matched) ---
    row("command-balanse", 2, "Did you mean 'balance'", "balanse"),
    row("command-contact-ad", 2, "Did you mean 'add'", "contact", "ad"),
    # --- contacts, events, groups, tags ---
    row("log-unknown-contact-anne", 1, "Did you mean 'Anna'", "log", "Anne", "gave", "talent"),
    row(
        "log-unknown-contact-misspelt",
        1,
        "Did you mean 'Anna de Vries'",
        "log",
        "Anna de Vris",
        "gave",
        "talent",
    ),
    row("log-unknown-contact-no-suggestion", 1, "contact add", "log", "Zzyzx", "gave", "talent"),
    row("contact-show-unknown", 1, "Did you mean 'Anna'", "contact", "show", "Anne"),
    row("contact-show-empty-name", 2, "empty", "contact", "show", ""),
    row("contact-edit-unknown", 1, "Zzyzx", "contact", "edit", "Zzyzx", "--note", "x"),
    row("contact-rm-with-entries", 1, "entries", "contact", "rm", "Anna"),
    row("contact-rm-unknown", 1, "Did you mean 'Bram'", "contact", "rm", "Bran"),
    row(
        "contact-add-duplicate-however-typed",
        1,
        "already exists",
        "contact",
        "add",
        "anna  DE vries",
    ),
    row(
        "contact-edit-rename-to-another",
        1,
        "already exists",
        "contact",
        "edit",
        "Anna",
        "--name",
        "Bram Bakker",
    ),
    row("contact-edit-untag-unknown", 1, "nope", "contact", "edit", "Anna", "--untag", "nope"),
    row("contact-edit-every-0d", 2, "0d", "contact", "edit", "Anna", "--every", "0d"),
    row(
        "contact-edit-every-blursday",
        2,
        "blursday",
        "contact",
        "edit",
        "Anna",
        "--every",
        "blursday",
    ),
    row("contact-merge-with-itself", 1, "same contact", "contact", "merge", "Anna", "Anna"),
    row("balance-unknown-contact", 1, "Did you mean 'Anna'", "balance", "Anne"),
    row("brief-unknown-contact", 1, "Did you mean 'Anna'", "brief", "Anne"),
    row("brief-empty-name", 2, "empty", "brief", ""),
    row("promises-unknown-contact", 1, "Did you mean 'Anna'", "promises", "Anne"),
    row("loops-unknown-contact", 1, "Did you mean 'Anna'", "loops", "Anne"),
    row("intros-unknown-contact", 1, "Did you mean 'Anna'", "intros", "Anne"),
    row("intro-with-themselves", 2, "two different people", "intro", "Anna", "Anna"),
    row("intro-unknown-contact", 1, "Did you mean 'Bram'", "intro", "Anna", "Bran"),
    row("forget-unknown-contact", 1, "Did you mean 'Anna'", "forget", "Anne", "--yes"),
    row("forget-without-yes-outside-a-terminal", 2, "--yes", "forget", "Anna"),
    row("group-join-unknown-contact", 1, "Did you mean 'Anna'", "group", "join", "Bestuur", "Anne"),
    row("group-join-unknown-group", 1, "Onbekend", "group", "join", "Onbekend", "Anna"),
    row("group-show-unknown", 1, "group add", "group", "show", "Onbekend"),
    row("group-add-duplicate", 1, "already exists", "group", "add", "bestuur"),
    row("event-add-duplicate", 1, "already exists", "event", "add", "Nieuwjaarsreceptie"),
    row("log-unknown-event", 1, "event add", *LOG, "--event", "Onbekend"),
    row("balance-unknown-event", 1, "Onbekend", "balance", "--event", "Onbekend"),
    row("balance-unknown-group", 1, "Onbekend", "balance", "--group", "Onbekend"),
    row("tag-cadence-unknown-tag", 1, "drechtsteden", "tag", "cadence", "nope", "30d"),
    row("tag-cadence-blursday", 2, "blursday", "tag", "cadence", "drechtsteden", "blursday"),
    row("due-within-minus-3d", 2, "-3d", "due", "--within", "-3d"),
    row("due-unanswered-after-0d", 2, "0d", "due", "--unanswered-after", "0d"),
    # --- periods and formats ---
    row("balance-period-blursday", 2, "blursday", "balance", "--period", "blursday"),
    row("balance-period-month-13", 2, "2026-13", "balance", "--period", "2026-13"),
    row("balance-period-quarter-5", 2, "2026-Q5", "balance", "--period", "2026-Q5"),
    row("balance-period-year-0", 2, "0000", "balance", "--period", "0000"),
    row("entries-period-a-date", 2, "2026-02-30", "entries", "--period", "2026-02-30"),
    row("flow-period-empty", 2, "period", "flow", "--period", ""),
    row(
        "group-show-period-blursday",
        2,
        "blursday",
        "group",
        "show",
        "Bestuur",
        "--period",
        "blursday",
    ),
    row(
        "balance-period-and-since",
        2,
        "--period",
        "balance",
        "--since",
        "2026-01-01",
        "--period",
        "2026",
    ),
    row("balance-format-xml", 2, "xml", "balance", "--format", "xml"),
    row("entries-format-yaml", 2, "yaml", "entries", "--format", "yaml"),
    row("export-format-table", 2, "table", "export", "--format", "table"),
    row("export-unknown-what", 2, "people", "export", "people"),
    row("due-format-xml", 2, "xml", "due", "--format", "xml"),
    row("brief-format-xml", 2, "xml", "brief", "Anna", "--format", "xml"),
    row("balance-by-planet", 2, "planet", "balance", "--by", "planet"),
    row("balance-every-week", 2, "week", "balance", "--every", "week"),
    row("promises-mine-and-theirs", 2, "--mine", "promises", "--mine", "--theirs"),
    # --- files ---
    row(
        "import-entries-missing-file",
        2,
        "No such file",
        "import",
        "entries",
        "/nonexistent/entries.csv",
    ),
    row("import-entries-a-folder", 2, "directory", "import", "entries", "{tmp}"),
    row("import-entries-not-an-export", 2, "header", "import", "entries", "{tmp}/notes.csv"),
    row(
        "import-entries-format-xml",
        2,
        "xml",
        "import",
        "entries",
        "{tmp}/notes.csv",
        "--format",
        "xml",
    ),
    row(
        "import-contacts-missing-file",
        2,
        "No such file",
        "import",
        "contacts",
        "/nonexistent/people.vcf",
    ),
    row("import-unknown-what", 2, "people", "import", "people", "{tmp}/notes.csv"),
    row(
        "import-entries-endless-json-entry",
        2,
        "{tmp}/endless-entry.json:1: an entry runs on",
        *IMPORT,
        "{tmp}/endless-entry.json",
    ),
    *(
        row(
            f"import-entries-{name.replace('.', '-')}",
            2,
            f"{{tmp}}/{name}:{line}",
            *IMPORT,
            f"{{tmp}}/{name}",
        )
        for name, line in [
            ("long-field.csv", 2),
            ("value-underscore.csv", 2),
            ("value-arabic-indic.csv", 2),
            ("amount-underscore.csv", 2),
            ("id-arabic-indic.csv", 2),
            ("huge-number.json", 1),
            ("deep.json", 1),
            ("object-description.json", 1),
            ("list-description.json", 1),
            ("reason-not-dropped.csv", 2),
            ("outcome-unknown.csv", 2),
            ("outcome-without-introduction.csv", 2),
            ("outcome-note-without-introduction.csv", 2),
            ("date-a-line-break.csv", 2),
        ]
    ),
    row(
        "export-to-a-missing-folder",
        1,
        "/nonexistent/dir/x.csv",
        "export",
        "--output",
        "/nonexistent/dir/x.csv",
    ),
    row("export-to-a-folder", 1, "{tmp}", "export", "--output", "{tmp}"),
    row("backup-keep-0", 2, "--keep", "backup", "--keep", "0"),
    row("backup-keep-abc", 2, "--keep", "backup", "--keep", "abc"),
    row(
        "backup-to-a-missing-folder",
        3,
        "/nonexistent/dir/x.db",
        "backup",
        "/nonexistent/dir/x.db",
        marks=pytest.mark.sqlite_only(reason="backup copies the ledger file"),
    ),
    # --- a ledger that is not there: refused, never made by reading ---
    row("due-quiet-on-a-mistyped-ledger", 1, "init --db", "--db", "{tmp}/l.db", "due", "--quiet"),
    row("doctor-on-a-mistyped-ledger", 1, "{tmp}/leger.db", "--db", "{tmp}/leger.db", "doctor"),
    # --- usage ---
    row("log-missing-kind", 2, "KIND", "log", "Anna", "gave"),
    row("log-unknown-option", 2, "--bogus", *LOG, "--bogus"),
    row("unknown-command", 2, "frobnicate", "frobnicate"),
]


@pytest.mark.parametrize(("args", "code", "says"), BAD_INPUT)
def test_bad_input_is_refused_in_one_line_and_changes_nothing(
    small: Run,
    refused: Refused,
    tmp_path: Path,
    templates: Templates,
    new_ledger: MakeLedger,
    args: tuple[str, ...],
    code: int,
    says: str,
) -> None:
    args = tuple(arg.replace("{tmp}", str(tmp_path)) for arg in args)
    try:
        result = refused(code, *args)
    except AssertionError:
        again = new_ledger()  # the same command on a fresh copy, to say what broke
        templates.copy("small", again)
        crashed = on(small, again)(*args).exception
        if crashed is not None and not isinstance(crashed, SystemExit):
            pytest.fail(f"uncaught {crashed!r}: a real process prints a traceback")
        raise
    line = one_line(result.stderr)
    assert line.startswith("error: "), line
    assert says.replace("{tmp}", str(tmp_path)) in line, line


ECHOED = [
    pytest.param(
        1, ("contact", "show", "Anna\x1b]52;c;ZWNobyBoaQ==\x1b\\\x1b[2J"), id="osc52-name"
    ),
    pytest.param(1, ("log", "Ann\x1b[8m", "gave", "talent"), id="hidden-text-name"),
    pytest.param(2, ("log", "Anna", "\u202egave", "talent"), id="rtl-override-direction"),
    pytest.param(2, ("log", "Anna", "gave", "kennis\x1b[31m"), id="colour-code-kind"),
    pytest.param(2, ("balance", "--period", "\x1b[2J"), id="clear-screen-period"),
    pytest.param(2, ("intro-outcome", "1", "\x1b[2Jmet"), id="clear-screen-outcome"),
    pytest.param(1, ("group", "show", "\x1b[31mBestuur"), id="colour-code-group"),
    pytest.param(2, (*LOG, "--on", "\u202e2026-01-01"), id="rtl-override-date"),
]


@pytest.mark.parametrize(("code", "args"), ECHOED)
def test_an_error_never_echoes_control_characters_to_the_terminal(
    small: Run, refused: Refused, code: int, args: tuple[str, ...]
) -> None:
    """Names holding ESC or bidi overrides are refused because they 'would corrupt a
    terminal'; the error line that repeats what was typed must not pass them on either
    (ESC ] 52 writes the clipboard, ESC [ 2 J clears the screen, U+202E reverses text)."""
    line = one_line(refused(code, *args).stderr)
    controls = [char for char in line if unicodedata.category(char) in {"Cc", "Cf"}]
    assert controls == [], repr(line)


def test_the_table_is_large_and_reaches_every_command() -> None:
    assert len(BAD_INPUT) >= 40
    commands = {param.values[0][0] for param in BAD_INPUT}  # type: ignore[attr-defined]
    for command in ["log", "contact", "edit", "rm", "balance", "entries", "export", "import",
                    "promises", "keep", "drop", "loops", "intro", "intro-outcome", "due", "tag",
                    "group", "event", "brief", "flow", "forget", "backup", "intros"]:  # fmt: skip
        assert command in commands, command


def test_a_message_names_the_problem_not_a_fragment(small: Run, refused: Refused) -> None:
    """'drop --since and --until, or it' leaves the reader to guess what 'it' is."""
    line = one_line(refused(2, "balance", "--since", "2026-01-01", "--period", "2026").stderr)
    assert not line.rstrip().endswith(", or it"), line


# --- odd input that must be accepted ---------------------------------------------------------


def test_rich_markup_is_accepted_and_shown_literally(small: Run) -> None:
    ok(small("contact", "add", "[bold]Cees[/bold]", "--note", "[red]rood[/red]",
             "--org", "[link=https://example.org]klik[/link]"))  # fmt: skip
    logged = ok(small("log", "[bold]Cees[/bold]", "gave", "talent", r"[bold]markup[/bold] \[x]"))
    assert "[bold]markup[/bold]" in logged.stderr

    table = ok(small("entries")).stdout
    assert "[bold]Cees[/bold]" in table
    assert r"[bold]markup[/bold] \[x]" in table
    shown = ok(small("contact", "show", "[bold]Cees[/bold]")).stdout
    assert "[red]rood[/red]" in shown
    assert "[link=https://example.org]klik[/link]" in shown
    assert "\x1b" not in table + shown
    exported = ok(small("export", "--format", "json")).stdout
    assert '"[bold]Cees[/bold]"' in exported
    assert r'"[bold]markup[/bold] \\[x]"' in exported
    missing = small("log", "[bold]Ces[/bold]", "gave", "talent")
    assert missing.exit_code == 1
    assert "Did you mean '[bold]Cees[/bold]'" in one_line(missing.stderr)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("José García", id="combining-accents"),
        pytest.param("👩\u200d👩\u200d👧 Familie de Wit", id="zero-width-joiner-emoji"),
        pytest.param("محمد الأمين", id="right-to-left-script"),
        pytest.param("O'Brien-Ó Súilleabháin", id="apostrophe-and-hyphen"),
        pytest.param("-Min Jansen", id="leading-dash"),
    ],
)
def test_real_names_with_odd_characters_are_accepted(small: Run, name: str) -> None:
    ok(small("contact", "add", "--", name))
    ok(small("log", "--", name, "gave", "talent"))
    assert unicodedata.normalize("NFC", name) in ok(small("export")).stdout


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("balance", "--period", "9999-Q4"), id="balance-last-quarter-of-9999"),
        pytest.param(("entries", "--period", "9999-12"), id="entries-december-9999"),
        pytest.param(("flow", "--until", "9999-12-31"), id="flow-until-the-last-day"),
        pytest.param(("balance", "--period", "0001"), id="balance-year-1"),
        pytest.param(("flow", "--since", "0001-01-01"), id="flow-since-the-first-day"),
    ],
)
def test_valid_dates_at_the_edges_of_the_calendar_are_accepted(
    small: Run, args: tuple[str, ...]
) -> None:
    result = small(*args)
    assert result.exit_code == 0, (result.stderr, result.exception)


@pytest.mark.parametrize("every", ["year", "quarter", "month"])
def test_an_entry_from_before_the_year_1000_does_not_break_balance_every(
    small: Run, every: str
) -> None:
    """A typo such as 0206-10-01 is a valid date and is accepted by log; reports over time
    must still work (and today they say "cannot read the period '206'", which nobody typed)."""
    ok(small(*LOG, "typo", "--on", "0206-10-01"))
    result = small("balance", "--every", every, "--format", "csv")
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert "0206" in result.stdout.splitlines()[0]


def test_an_unknown_tag_filter_does_not_say_the_ledger_has_no_contacts(small: Run) -> None:
    result = ok(small("contact", "list", "--tag", "nope"))
    assert "No contacts yet" not in result.stderr, result.stderr


def test_an_old_date_written_as_days_ago_is_accepted(small: Run) -> None:
    ok(small(*LOG, "--on", "99999 days ago"))
    assert "1753-02-11" in ok(small("export")).stdout
