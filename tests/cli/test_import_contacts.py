"""`import contacts` (vCard 3/4, CSV) and `contact merge`: complete, never duplicate."""

import json
import re
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from helpers import LedgerUnderTest, MakeLedger, Refused, Run, ok, on, one_line

CONTACT_COLUMNS = ["name", "organisation", "email", "tags", "aliases", "note", "needs", "offers"]
JOSE_NFC = "Jos\u00e9 Garc\u00eda"  # é and í as single code points
JOSE_NFD = "Jose\u0301 Garci\u0301a"  # e and i followed by a combining acute accent
ZOE_NFD = "Zoe\u0308"  # e followed by a combining diaeresis
ULKU = "Ülkü Yılmaz"
LI_NA = "李娜"
LAYLA = "ليلى حداد"  # Arabic: Layla Haddad
CRLF = "\r\n"


def contacts_json(run: Run) -> list[dict[str, Any]]:
    cards: list[dict[str, Any]] = json.loads(ok(run("contact", "list", "--format", "json")).stdout)
    return cards


def by_name(run: Run) -> dict[str, dict[str, Any]]:
    return {card["name"]: card for card in contacts_json(run)}


def vcard(*properties: str, version: str = "3.0") -> list[str]:
    """One card as its physical lines (folded continuation lines included as given)."""
    return ["BEGIN:VCARD", f"VERSION:{version}", *properties, "END:VCARD"]


def write_vcf(path: Path, *cards: Sequence[str]) -> Path:
    """Cards written as exporters write them: CRLF after every line, the last one included."""
    lines = [line for card in cards for line in card]
    path.write_bytes((CRLF.join(lines) + CRLF).encode("utf-8"))
    return path


def card_lines(path: Path, number: int, culprit: str | None = None) -> set[int]:
    """Where a message may place the ``number``-th card (0-based) of a file we wrote: the
    card's BEGIN line, or the line of its property starting with ``culprit``."""
    lines = path.read_bytes().decode("utf-8").split(CRLF)
    begin = [i for i, line in enumerate(lines, 1) if line == "BEGIN:VCARD"][number]
    end = lines.index("END:VCARD", begin - 1) + 1
    at = {i for i in range(begin, end) if culprit and lines[i - 1].startswith(culprit)}
    return {begin} | at


def reported_line(message: str, file: Path) -> int:
    found = re.search(rf"{re.escape(str(file))}:(\d+)\b", message)
    assert found, message
    return int(found.group(1))


def summary(stderr: str) -> tuple[int, int, int, int]:
    """(added, completed, up to date, cards) from the one-line import summary."""
    line = one_line(stderr)
    found = re.search(
        r"(?:Added|Would add) ([\d,]+) contacts?\b.*; (?:completed|would complete) ([\d,]+)\b.*"
        r"; ([\d,]+) already up to date, of ([\d,]+) cards? or rows?",
        line,
    )
    assert found, line
    added, completed, up_to_date, total = (int(n.replace(",", "")) for n in found.groups())
    return added, completed, up_to_date, total


# --- vCard: several cards, versions 3 and 4, folding, non-ASCII ------------------------------


def people(version: str) -> list[list[str]]:
    return [
        vcard(
            f"FN:{ULKU}",
            "N:Yılmaz;Ülkü;;;",
            "ORG:Gemeente Dordrecht;Afdeling Wonen",  # organisation and unit: the first is kept
            "EMAIL;TYPE=INTERNET,WORK:ulku@example.nl",
            "EMAIL;TYPE=INTERNET,HOME:ulku@thuis.example",  # a second email: the first is kept
            "NICKNAME:Ülkü",
            "CATEGORIES:Board,Haven",
            "NOTE:Spreekt Turks en Nederlands\\, en een beet",
            " je Engels.",  # folded: the leading space is dropped, the rest joins the line
            version=version,
        ),
        vcard(
            f"FN:{LI_NA}",
            "ORG:Stichting Ha",
            " ven Dordrecht",  # a folded ORG
            "EMAIL:lina@example.cn",
            "CATEGORIES:netwerk",
            version=version,
        ),
        vcard(f"N:Jansen;{ZOE_NFD};Maria;;", "EMAIL:zoe@example.nl", version=version),  # no FN
        vcard("FN:ليلى", "\t حداد", "NOTE:Regel een\\nRegel twee", version=version),  # tab fold
    ]


EXPECTED_PEOPLE = {
    ULKU: {
        "name": ULKU,
        "organisation": "Gemeente Dordrecht",
        "email": "ulku@example.nl",
        "tags": ["board", "haven"],
        "aliases": ["Ülkü"],
        "note": "Spreekt Turks en Nederlands, en een beetje Engels.",
        "needs": None,
        "offers": None,
    },
    LI_NA: {
        "name": LI_NA,
        "organisation": "Stichting Haven Dordrecht",
        "email": "lina@example.cn",
        "tags": ["netwerk"],
        "aliases": [],
        "note": None,
        "needs": None,
        "offers": None,
    },
    "Zoë Maria Jansen": {
        "name": "Zoë Maria Jansen",  # built from N, stored in NFC
        "organisation": None,
        "email": "zoe@example.nl",
        "tags": [],
        "aliases": [],
        "note": None,
        "needs": None,
        "offers": None,
    },
    LAYLA: {
        "name": LAYLA,
        "organisation": None,
        "email": None,
        "tags": [],
        "aliases": [],
        "note": "Regel een\nRegel twee",
        "needs": None,
        "offers": None,
    },
}


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_several_cards_with_folded_lines_and_non_ascii_names(
    run: Run, tmp_path: Path, version: str
) -> None:
    file = write_vcf(tmp_path / "contacts.vcf", *people(version))
    result = ok(run("import", "contacts", str(file)))
    assert result.stdout == ""
    assert summary(result.stderr) == (4, 0, 0, 4)
    assert by_name(run) == EXPECTED_PEOPLE


def test_one_file_may_mix_vcard_3_and_4(run: Run, tmp_path: Path) -> None:
    three, four = people("3.0"), people("4.0")
    file = write_vcf(tmp_path / "mixed.vcf", three[0], four[1], three[2], four[3])
    assert summary(ok(run("import", "contacts", str(file))).stderr) == (4, 0, 0, 4)
    assert by_name(run) == EXPECTED_PEOPLE


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_a_nickname_with_several_values_gives_every_alias(
    run: Run, tmp_path: Path, version: str
) -> None:
    file = write_vcf(
        tmp_path / "nick.vcf",
        vcard(f"FN:{ULKU}", "NICKNAME:Ülkü,Ulku,Kuşum", version=version),
    )
    ok(run("import", "contacts", str(file)))
    (card,) = contacts_json(run)
    assert sorted(card["aliases"]) == sorted(["Ülkü", "Ulku", "Kuşum"])


def test_several_nickname_and_categories_lines_are_all_kept(run: Run, tmp_path: Path) -> None:
    file = write_vcf(
        tmp_path / "lines.vcf",
        vcard(f"FN:{ULKU}", "NICKNAME:Ülkü", "NICKNAME:Ulku", "CATEGORIES:Board", "CATEGORIES:x"),
    )
    ok(run("import", "contacts", str(file)))
    (card,) = contacts_json(run)
    assert sorted(card["aliases"]) == ["Ulku", "Ülkü"]
    assert card["tags"] == ["board", "x"]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcard_escapes_are_honoured_in_every_field(run: Run, tmp_path: Path, version: str) -> None:
    r"""RFC 6350 3.4: ``\,`` ``\;`` ``\\`` and ``\n`` stand for themselves in any text value."""
    file = write_vcf(
        tmp_path / "escaped.vcf",
        vcard(
            r"FN:Smith\, Jo",
            r"NICKNAME:Jo\, Jr.,back\\slash,x\\,y",
            r"ORG:Smith\, Sons\; Co;Sales",
            r"EMAIL:jo@example.org",
            r"CATEGORIES:a\,b,c",
            r"NOTE:one\, two\; three\\four\nfive",
            version=version,
        ),
    )
    ok(run("import", "contacts", str(file)))
    (card,) = contacts_json(run)
    assert card["name"] == "Smith, Jo"
    assert sorted(card["aliases"]) == sorted(["Jo, Jr.", "back\\slash", "x\\", "y"])
    assert card["organisation"] == "Smith, Sons; Co"
    assert card["tags"] == ["a,b", "c"]
    assert card["note"] == "one, two; three\\four\nfive"


@pytest.mark.parametrize("escaped", [r"NICKNAME:x\;y", r"CATEGORIES:x\;y"])
def test_an_escaped_semicolon_in_an_alias_or_tag_is_refused_not_split(
    run: Run, tmp_path: Path, refused: Refused, escaped: str
) -> None:
    """An alias or tag may not hold ';' (it joins several in CSV): 'x;y' is refused on its
    card's line, not quietly split in two."""
    file = write_vcf(tmp_path / "semi.vcf", vcard("FN:Ann", escaped))
    line = one_line(refused(2, "import", "contacts", str(file)).stderr)  # and nothing written
    assert f"{file}:1:" in line, line
    assert "'x;y' contains ';'" in line, line


def test_a_vcard_file_is_recognised_by_its_content_whatever_its_name(
    run: Run, tmp_path: Path
) -> None:
    file = tmp_path / "from-phone.txt"
    file.write_bytes(b"\xef\xbb\xbf" + (CRLF.join(vcard(f"FN:{LI_NA}")) + CRLF).encode())
    ok(run("import", "contacts", str(file)))
    assert [card["name"] for card in contacts_json(run)] == [LI_NA]


# --- matching: complete the contact the ledger knows, never duplicate or overwrite ----------


@pytest.fixture
def known(run: Run) -> Run:
    """José has every field; Anna has none; Bram has only an email."""
    ok(
        run(
            "contact", "add", JOSE_NFC, "--org", "Gemeente Dordrecht", "--email",
            "jose@example.nl", "--note", "Koffie, geen thee", "--tag", "board", "--alias", "Pepe",
        )
    )  # fmt: skip
    ok(run("contact", "add", "Anna de Vries"))
    ok(run("contact", "add", "Bram Bakker", "--email", "bram@bakker.nl"))
    return run


@pytest.mark.parametrize(
    "typed",
    [JOSE_NFC, JOSE_NFD, JOSE_NFC.upper(), JOSE_NFD.lower(), "  Jos\u00e9   Garc\u00eda "],
    ids=["same", "nfd", "upper", "nfd-lower", "spacing"],
)
def test_a_known_name_however_typed_is_completed_never_overwritten(
    known: Run, tmp_path: Path, typed: str
) -> None:
    file = write_vcf(
        tmp_path / "jose.vcf",
        vcard(
            f"FN:{typed}",
            "ORG:Havenbedrijf",
            "EMAIL:other@example.nl",
            "NOTE:Thee graag",
            "CATEGORIES:Haven,BOARD",
            "NICKNAME:Jos",
        ),
    )
    result = ok(known("import", "contacts", str(file)))
    assert summary(result.stderr) == (0, 1, 0, 1)
    cards = by_name(known)
    assert sorted(cards) == ["Anna de Vries", "Bram Bakker", JOSE_NFC]  # no duplicate
    assert cards[JOSE_NFC] == {
        "name": JOSE_NFC,
        "organisation": "Gemeente Dordrecht",  # kept
        "email": "jose@example.nl",  # kept
        "tags": ["board", "haven"],  # joined
        "aliases": ["Jos", "Pepe"],  # joined
        "note": "Koffie, geen thee",  # kept
        "needs": None,
        "offers": None,
    }
    kept = "Kept what the ledger already had where the file says otherwise (organisation, email"
    assert f"{kept}, note, needs or offers) for '{JOSE_NFC}'" in result.stderr


def test_empty_fields_of_a_known_contact_are_filled(known: Run, tmp_path: Path) -> None:
    file = write_vcf(
        tmp_path / "anna.vcf",
        vcard(
            "FN:ANNA  DE  VRIES",
            "ORG:Gemeente Dordrecht;Burgerzaken",
            "EMAIL:anna@example.nl",
            "NOTE:Via de ha",
            " venborrel",
            "NICKNAME:Anna",
            "CATEGORIES:haven",
            version="4.0",
        ),
    )
    assert summary(ok(known("import", "contacts", str(file))).stderr) == (0, 1, 0, 1)
    assert by_name(known)["Anna de Vries"] == {
        "name": "Anna de Vries",
        "organisation": "Gemeente Dordrecht",
        "email": "anna@example.nl",
        "tags": ["haven"],
        "aliases": ["Anna"],
        "note": "Via de havenborrel",
        "needs": None,
        "offers": None,
    }


def test_the_same_email_in_another_case_finds_the_contact(known: Run, tmp_path: Path) -> None:
    file = write_vcf(
        tmp_path / "bram.vcf",
        vcard("FN:B. Bakker", "EMAIL:BRAM@Bakker.NL", "ORG:Bakkerij Bakker", "CATEGORIES:buurt"),
    )
    assert summary(ok(known("import", "contacts", str(file))).stderr) == (0, 1, 0, 1)
    cards = by_name(known)
    assert sorted(cards) == ["Anna de Vries", "Bram Bakker", JOSE_NFC]
    assert cards["Bram Bakker"]["email"] == "bram@bakker.nl"  # kept as it was
    assert cards["Bram Bakker"]["organisation"] == "Bakkerij Bakker"
    assert cards["Bram Bakker"]["tags"] == ["buurt"]


def mixed_file(tmp_path: Path) -> Path:
    """One new person, one known person to complete and one known person already complete."""
    return write_vcf(
        tmp_path / "mixed.vcf",
        vcard(f"FN:{LI_NA}", "EMAIL:lina@example.cn", "CATEGORIES:netwerk", version="4.0"),
        vcard("FN:anna de vries", "EMAIL:anna@example.nl", "NICKNAME:Anna"),
        vcard(f"FN:{JOSE_NFD}", "ORG:Gemeente Dordrecht", "CATEGORIES:board", "NICKNAME:Pepe"),
    )


def test_summary_counts_added_completed_and_up_to_date(known: Run, tmp_path: Path) -> None:
    result = ok(known("import", "contacts", str(mixed_file(tmp_path))))
    assert result.stdout == ""
    assert summary(result.stderr) == (1, 1, 1, 3)
    assert LI_NA in result.stderr
    assert "Anna de Vries" in result.stderr
    assert "Kept what the ledger already had" not in result.stderr  # nothing said otherwise
    assert sorted(by_name(known)) == ["Anna de Vries", "Bram Bakker", JOSE_NFC, LI_NA]


def test_importing_the_same_file_again_adds_and_completes_nothing(
    known: Run, tmp_path: Path, db: LedgerUnderTest
) -> None:
    files = [mixed_file(tmp_path), write_vcf(tmp_path / "people.vcf", *people("3.0"))]
    for file in files:
        ok(known("import", "contacts", str(file)))
    before = db.snapshot()
    for file, cards in zip(files, (3, 4), strict=True):
        assert summary(ok(known("import", "contacts", str(file))).stderr) == (0, 0, cards, cards)
    assert db.snapshot() == before


def test_dry_run_reports_the_same_counts_and_writes_nothing(
    known: Run, tmp_path: Path, db: LedgerUnderTest
) -> None:
    file = mixed_file(tmp_path)
    before = db.snapshot()
    dry = ok(known("import", "contacts", str(file), "--dry-run"))
    assert dry.stdout == ""
    assert "dry run" in dry.stderr.lower()
    assert db.snapshot() == before
    real = ok(known("import", "contacts", str(file)))
    assert summary(dry.stderr) == summary(real.stderr) == (1, 1, 1, 3)
    assert db.snapshot() != before


# --- CSV: what `contact list --format csv` writes comes back the same ------------------------


def test_csv_round_trip_into_an_empty_ledger(
    run: Run, new_ledger: MakeLedger, tmp_path: Path
) -> None:
    ok(
        run(
            "contact", "add", 'Anna, de "Vries"', "--org", "=Gemeente+Dordrecht",
            "--email", "anna@example.nl", "--tag", "Board", "--tag", "haven",
            "--alias", "Anna", "--alias", "Ans", "--note", "Twee\nregels, met \"quotes\"",
            "--needs", "BBL-leerlingen", "--offers", "kennis van subsidies",
        )
    )  # fmt: skip
    ok(run("contact", "add", JOSE_NFD, "--alias", "Pepe", "--note", "-begint met een min"))
    ok(run("contact", "add", ULKU, "--org", "Stichting Haven", "--tag", "netwerk"))
    ok(run("contact", "add", LI_NA, "--email", "lina@example.cn"))
    ok(run("contact", "add", LAYLA))
    exported = ok(run("contact", "list", "--format", "csv")).stdout
    assert exported.splitlines()[0] == ",".join(CONTACT_COLUMNS)
    file = tmp_path / "contacts.csv"
    file.write_text(exported, encoding="utf-8", newline="")

    empty = on(run, new_ledger())
    assert summary(ok(empty("import", "contacts", str(file))).stderr) == (5, 0, 0, 5)
    assert ok(empty("contact", "list", "--format", "csv")).stdout == exported


def test_csv_round_trip_keeps_two_contacts_who_share_an_email(
    run: Run, new_ledger: MakeLedger, tmp_path: Path
) -> None:
    ok(run("contact", "add", "Piet Jansen", "--email", "info@haven.nl"))
    ok(run("contact", "add", "Marie Jansen", "--email", "INFO@haven.nl", "--tag", "haven"))
    exported = ok(run("contact", "list", "--format", "csv")).stdout
    file = tmp_path / "contacts.csv"
    file.write_text(exported, encoding="utf-8", newline="")

    empty = on(run, new_ledger())
    ok(empty("import", "contacts", str(file)))
    assert ok(empty("contact", "list", "--format", "csv")).stdout == exported


# --- refusals: one line naming file and line, nothing written -------------------------------


@pytest.mark.parametrize(
    ("bad", "said", "culprit"),
    [
        (vcard("FN:Jan\x1b[31mRood", "EMAIL:jan@example.nl"), "control", "FN:"),
        (vcard("FN:Bidi \u202etxet", version="4.0"), "control", "FN:"),
        (vcard("EMAIL:nobody@example.nl", "ORG:Niemand BV"), "empty", None),
        (vcard("FN:Kees", "EMAIL:geen-adres"), "email", "EMAIL:"),
    ],
    ids=["escape", "bidi-override", "no-fn-nor-n", "bad-email"],
)
def test_a_bad_card_writes_nothing_and_names_file_and_line(
    known: Run, tmp_path: Path, refused: Refused, bad: list[str], said: str, culprit: str | None
) -> None:
    file = write_vcf(tmp_path / "contacts.vcf", *people("3.0")[:2], bad, people("4.0")[2])
    result = refused(2, "import", "contacts", str(file))
    message = one_line(result.stderr)
    assert said in message.lower()
    assert reported_line(message, file) in card_lines(file, 2, culprit), message
    assert sorted(by_name(known)) == ["Anna de Vries", "Bram Bakker", JOSE_NFC]


def test_a_bad_card_is_found_on_its_line_after_a_note_with_a_line_separator(
    run: Run, tmp_path: Path, refused: Refused
) -> None:
    """U+2028 inside a value is one character of a note, not a line break of the file."""
    file = write_vcf(
        tmp_path / "contacts.vcf",
        vcard(f"FN:{LI_NA}", "NOTE:Eerste\u2028tweede"),
        vcard("EMAIL:nobody@example.nl"),
    )
    message = one_line(refused(2, "import", "contacts", str(file)).stderr)
    assert reported_line(message, file) in card_lines(file, 1), message


def test_a_bad_csv_row_writes_nothing_and_names_its_line(
    known: Run, tmp_path: Path, refused: Refused
) -> None:
    file = tmp_path / "contacts.csv"
    file.write_text(
        "name,organisation,email,tags,aliases,note\r\n"
        'Kees,,,,,"twee\nregels"\r\n'  # lines 2 and 3
        "Lotte,,,vrienden,,\r\n"  # line 4
        "Jan\x07Rood,,,,,\r\n",  # line 5
        encoding="utf-8",
        newline="",
    )
    message = one_line(refused(2, "import", "contacts", str(file)).stderr)
    assert f"{file}:5" in message
    assert "control" in message
    assert sorted(by_name(known)) == ["Anna de Vries", "Bram Bakker", JOSE_NFC]


def test_a_csv_note_with_windows_line_breaks_is_kept_as_lines(run: Run, tmp_path: Path) -> None:
    """A spreadsheet may write CRLF inside a quoted cell; the note's lines are the point."""
    file = tmp_path / "contacts.csv"
    file.write_text(
        'name,organisation,email,tags,aliases,note\r\nKees,,,,,"twee\r\nregels"\r\n',
        encoding="utf-8",
        newline="",
    )
    ok(run("import", "contacts", str(file)))
    (card,) = contacts_json(run)
    assert card["note"].splitlines() == ["twee", "regels"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.vcf", "Boodschappen\r\nmelk, brood\r\n"),
        ("notes.txt", "Boodschappen\r\nmelk, brood\r\n"),
        ("contacts.csv", "name,email\r\nAnna,anna@example.nl\r\n"),
        ("entries.csv", "id,date,contact,direction,kind,value,amount,description,event\r\n"),
        ("unclosed.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\n"),
        ("empty.csv", ""),
    ],
    ids=["text-as-vcf", "text", "csv-wrong-header", "entries-csv", "unclosed-card", "empty"],
)
def test_a_file_that_is_neither_vcard_nor_contacts_csv_is_refused(
    known: Run, tmp_path: Path, refused: Refused, name: str, content: str
) -> None:
    file = tmp_path / name
    file.write_bytes(content.encode("utf-8"))
    message = one_line(refused(2, "import", "contacts", str(file)).stderr)
    assert str(file) in message


def test_a_file_that_is_not_utf8_is_refused(known: Run, tmp_path: Path, refused: Refused) -> None:
    file = tmp_path / "latin1.vcf"
    file.write_bytes(CRLF.join(vcard("FN:Zoë")).encode("latin-1") + CRLF.encode())
    message = one_line(refused(2, "import", "contacts", str(file)).stderr)
    assert str(file) in message
    assert "UTF-8" in message


def test_a_missing_file_is_refused(known: Run, tmp_path: Path, refused: Refused) -> None:
    missing = tmp_path / "nowhere.vcf"
    message = one_line(refused(2, "import", "contacts", str(missing)).stderr)
    assert str(missing) in message


def test_dry_run_of_a_bad_file_fails_the_same_way(
    known: Run, tmp_path: Path, refused: Refused
) -> None:
    file = write_vcf(tmp_path / "contacts.vcf", people("3.0")[0], vcard("ORG:Niemand"))
    real = refused(2, "import", "contacts", str(file))
    dry = refused(2, "import", "contacts", str(file), "--dry-run")
    assert dry.stderr == real.stderr


# --- stdin, through the installed command -----------------------------------------------------


def test_vcards_piped_on_stdin_are_imported(
    cli: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    text = CRLF.join(line for card in people("3.0") for line in card) + CRLF
    done = cli("import", "contacts", "-", input=text)
    assert done.returncode == 0, done.stderr
    listed = cli("contact", "list", "--format", "json")
    assert {card["name"] for card in json.loads(listed.stdout)} == set(EXPECTED_PEOPLE)


def test_contacts_csv_piped_on_stdin_is_imported(
    cli: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    text = "name,organisation,email,tags,aliases,note\r\nAnna de Vries,,,haven,Anna,\r\n"
    done = cli("import", "contacts", "-", input=text)
    assert done.returncode == 0, done.stderr
    listed = json.loads(cli("contact", "list", "--format", "json").stdout)
    assert listed == [
        {
            "name": "Anna de Vries",
            "organisation": None,
            "email": None,
            "tags": ["haven"],
            "aliases": ["Anna"],
            "note": None,
            "needs": None,
            "offers": None,
        }
    ]


# --- contact merge A B ------------------------------------------------------------------------


def balance(run: Run, name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(ok(run("balance", name, "--format", "json")).stdout)
    return document


@pytest.fixture
def two_annas(run: Run) -> Run:
    """The same person twice: Anna de Vries (A) and Anna Smit (B), each with entries."""
    ok(
        run(
            "contact", "add", "Anna de Vries", "--org", "Gemeente Dordrecht",
            "--tag", "board", "--alias", "Anna", "--offers", "een werkplek",
        )
    )  # fmt: skip
    ok(
        run(
            "contact", "add", "Anna Smit", "--org", "Havenbedrijf", "--email",
            "anna@haven.nl", "--note", "Koffie zwart", "--tag", "haven", "--tag", "board",
            "--alias", "Ans", "--needs", "BBL-leerlingen", "--offers", "kennis van subsidies",
        )
    )  # fmt: skip
    ok(run("contact", "add", "Bram Bakker"))
    ok(run("log", "Anna de Vries", "gave", "knowledge", "--value", "2"))
    ok(run("log", "Anna Smit", "received", "talent", "--value", "3"))
    ok(run("log", "Anna Smit", "gave", "money", "--amount", "12.50"))
    ok(run("log", "Bram Bakker", "gave", "access"))
    return run


def test_merge_moves_entries_and_the_balance_adds_up(two_annas: Run) -> None:
    run = two_annas
    a, b = balance(run, "Anna de Vries"), balance(run, "Anna Smit")
    ids = sorted(row["id"] for row in a["entries"] + b["entries"])
    result = ok(run("contact", "merge", "Anna de Vries", "Anna Smit"))
    assert result.stdout == ""
    assert "Anna Smit" in result.stderr
    assert "Anna de Vries" in result.stderr

    merged = balance(run, "Anna de Vries")
    for key in ("gave", "received", "net"):
        assert merged[key] == a[key] + b[key], key
    assert sorted(row["id"] for row in merged["entries"]) == ids
    assert {row["contact"] for row in merged["entries"]} == {"Anna de Vries"}
    assert balance(run, "Bram Bakker")["gave"] == 1  # others untouched


def test_after_merge_b_is_gone_but_its_name_finds_a(two_annas: Run) -> None:
    run = two_annas
    ok(run("contact", "merge", "Anna de Vries", "Anna Smit"))
    assert sorted(by_name(run)) == ["Anna de Vries", "Bram Bakker"]
    listed = json.loads(ok(run("entries", "anna smit", "--format", "json")).stdout)
    assert len(listed) == 3
    assert {row["contact"] for row in listed} == {"Anna de Vries"}
    assert balance(run, "Anna Smit")["contact"] == "Anna de Vries"
    assert balance(run, "Ans")["contact"] == "Anna de Vries"  # B's alias came along
    assert ok(run("contact", "show", "Anna Smit")).stdout.splitlines()[0] == "Anna de Vries"


def test_merge_joins_tags_and_aliases_fills_empty_fields_and_reports_conflicts(
    two_annas: Run,
) -> None:
    run = two_annas
    result = ok(run("contact", "merge", "Anna de Vries", "Anna Smit"))
    assert by_name(run)["Anna de Vries"] == {
        "name": "Anna de Vries",
        "organisation": "Gemeente Dordrecht",  # A's own value stays
        "email": "anna@haven.nl",  # A had none: B's fills it
        "tags": ["board", "haven"],
        "aliases": ["Anna", "Anna Smit", "Ans"],
        "note": "Koffie zwart",
        "needs": "BBL-leerlingen",  # A had none: B's fills it
        "offers": "een werkplek",  # A's own stays, B's is named
    }
    message = " ".join(result.stderr.split())
    assert "kennis van subsidies" in message
    assert "Havenbedrijf" in message  # B's organisation is named, not silently dropped
    assert "anna@haven.nl" not in message  # filled in, so not a conflict


def test_merge_may_be_given_aliases_and_names_typed_differently(two_annas: Run) -> None:
    run = two_annas
    ok(run("contact", "merge", "ANNA", "  ans "))
    assert sorted(by_name(run)) == ["Anna de Vries", "Bram Bakker"]
    assert len(balance(run, "Anna de Vries")["entries"]) == 3


@pytest.mark.parametrize(
    ("keep", "absorb"),
    [
        ("Anna de Vries", "Anna de Vries"),
        ("Anna de Vries", "anna  DE vries"),
        ("Anna de Vries", "Anna"),  # A's own alias
        ("Ans", "Anna Smit"),  # B's alias against B
    ],
    ids=["same", "typed-differently", "alias-of-a", "alias-of-b"],
)
def test_merging_a_contact_with_itself_is_refused(
    two_annas: Run, refused: Refused, keep: str, absorb: str
) -> None:
    message = one_line(refused(1, "contact", "merge", keep, absorb).stderr)
    assert "same contact" in message


@pytest.mark.parametrize(
    ("keep", "absorb", "unknown", "suggested"),
    [
        ("Anna de Vries", "Anna Smid", "Anna Smid", "Anna Smit"),
        ("Anna de Vris", "Anna Smit", "Anna de Vris", "Anna de Vries"),
    ],
    ids=["unknown-b", "unknown-a"],
)
def test_merging_an_unknown_name_is_refused_with_a_suggestion(
    two_annas: Run, refused: Refused, keep: str, absorb: str, unknown: str, suggested: str
) -> None:
    message = one_line(refused(1, "contact", "merge", keep, absorb).stderr)
    assert unknown in message
    assert f"Did you mean '{suggested}'" in message


def test_merge_of_a_contact_whose_name_holds_a_semicolon(run: Run) -> None:
    """Names may hold ';' (only tags and aliases may not); merging such a contact still works."""
    ok(run("contact", "add", "Anna de Vries"))
    ok(run("contact", "add", "Smit; Anna"))
    ok(run("log", "Smit; Anna", "gave", "knowledge"))
    ok(run("contact", "merge", "Anna de Vries", "Smit; Anna"))
    assert sorted(by_name(run)) == ["Anna de Vries"]
    assert len(balance(run, "Anna de Vries")["entries"]) == 1
