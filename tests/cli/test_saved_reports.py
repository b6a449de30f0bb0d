"""--save writes the report people see as a standalone SVG or HTML file, kept private."""

import stat
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from helpers import Refused, Run, ok

ZOE = "Zoë Ødegaard"


@pytest.fixture
def ledger(run: Run) -> Run:
    ok(run("log", ZOE, "gave", "knowledge", "Tender advice", "--on", "2026-10-01", "--create"))
    ok(run("log", ZOE, "received", "access", "Intro to the port", "--on", "2026-11-01"))
    return run


@pytest.mark.parametrize(
    "command", [("balance",), ("balance", ZOE), ("balance", "--every", "month"), ("brief", ZOE),
                ("flow",)],
)  # fmt: skip
def test_svg_parses_as_xml_and_holds_the_report(
    ledger: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    target = tmp_path / "report.svg"
    shown = ok(ledger(*command, "--save", str(target)))
    assert str(target) in shown.stderr
    root = ElementTree.parse(target).getroot()
    assert root.tag.endswith("svg")
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "Ødegaard" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("suffix", [".html", ".HTM"])
def test_html_holds_the_report_text(ledger: Run, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"brief{suffix}"
    ok(ledger("brief", ZOE, "--save", str(target)))
    page = target.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert ZOE in page
    assert "Tender advice" in page


def test_the_terminal_still_shows_the_report(ledger: Run, tmp_path: Path) -> None:
    shown = ok(ledger("flow", "--save", str(tmp_path / "flow.svg")))
    assert "Flow from" in shown.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [(("--save", "report.pdf"), ".svg or .html"),
     (("--save", "report.svg", "--format", "csv"), "table view")],
)  # fmt: skip
def test_a_save_that_cannot_be_honoured_is_refused_before_any_work(
    ledger: Run, refused: Refused, tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    result = refused(2, "balance", *(str(tmp_path / a) if a.startswith("report") else a
                                     for a in args))  # fmt: skip
    assert says in result.stderr
    assert list(tmp_path.glob("report*")) == []
