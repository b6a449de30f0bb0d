"""The docs stay true: the command reference is current and complete, and no link is dead."""

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import typer

from helpers import ROOT, every_command, wederkerig_executable
from wederkerig.cli.app import app

DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference.md"
REGENERATE = (
    "sh docs/generate.sh  (that is: WEDERKERIG_LANG=en COLUMNS=80 TERM=dumb NO_COLOR=1 "
    "PYTHONUTF8=1 python3 -m typer wederkerig.cli.app utils docs --name wederkerig "
    "--output docs/reference.md)"
)
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def generate_reference(output: Path) -> str:
    """Run Typer's docs generator exactly as docs/generate.sh does, in a pinned environment."""
    env = {
        **os.environ,
        "COLUMNS": "80",  # nothing in the output should depend on the terminal
        "TERM": "dumb",
        "NO_COLOR": "1",
        "PYTHONUTF8": "1",  # the generator writes with the locale's encoding; the help has "−"
        "WEDERKERIG_LANG": "en",  # the reference is the English one, whatever the locale
    }
    env.pop("FORCE_COLOR", None)
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "typer",
            "wederkerig.cli.app",
            "utils",
            "docs",
            "--name",
            "wederkerig",
            "--output",
            str(output),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, f"the docs generator failed:\n{completed.stderr}"
    return output.read_text(encoding="utf-8")


def test_reference_is_current(tmp_path: Path) -> None:
    generated = generate_reference(tmp_path / "reference.md")
    assert REFERENCE.exists(), f"docs/reference.md is missing: create it with {REGENERATE}"
    assert REFERENCE.read_text(encoding="utf-8") == generated, (
        f"docs/reference.md is out of date with the app: regenerate it with {REGENERATE}"
    )


def reference_sections() -> dict[str, str]:
    """The reference split at its headings: ``wederkerig contact add`` -> that section's text."""
    text = REFERENCE.read_text(encoding="utf-8")
    parts = re.split(r"^#+ `([^`]+)`$", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_command_is_in_the_reference() -> None:
    root = typer.main.get_command(app)
    sections = reference_sections()
    commands = [(("wederkerig",), root)] + [
        (("wederkerig", *path), command)
        for path, command in every_command(root)
        if not command.hidden  # hidden commands are left out of the docs on purpose
    ]
    assert len(commands) > 10, "the walk over the app found too few commands"
    for path, command in commands:
        title = " ".join(path)
        assert title in sections, f"'{title}' has no section in docs/reference.md: {REGENERATE}"
        for parameter in command.params:
            if getattr(parameter, "hidden", False):
                continue
            for opt in parameter.opts:
                if opt.startswith("-"):
                    assert f"`{opt}" in sections[title] or f" {opt}" in sections[title], (
                        f"'{title} {opt}' is not in docs/reference.md: {REGENERATE}"
                    )


CODE_BLOCK = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def links(page: Path) -> list[str]:
    """The link targets of a Markdown page, outside code blocks and inline code."""
    text = INLINE_CODE.sub("", CODE_BLOCK.sub("", page.read_text(encoding="utf-8")))
    return INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)


def anchors(page: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown page."""
    text = CODE_BLOCK.sub("", page.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    result = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, flags=re.MULTILINE):
        words = re.sub(r"[^\w\- ]", "", unicodedata.normalize("NFC", heading).lower())
        slug = words.replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        result.add(slug if count == 0 else f"{slug}-{count}")
    return result


def test_pages_have_links_to_check() -> None:
    readme_links = links(ROOT / "README.md")
    assert any(target.startswith("docs/") for target in readme_links), readme_links


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_relative_links_point_at_existing_files(page: Path) -> None:
    for target in links(page):
        if EXTERNAL.match(target):
            continue
        path_part, _, fragment = target.partition("#")
        linked = (page.parent / path_part).resolve() if path_part else page
        where = f"{page.relative_to(ROOT)} links to '{target}'"
        assert linked.exists(), f"{where}, which does not exist"
        if fragment and linked.suffix == ".md":
            assert fragment in anchors(linked), f"{where}, but that page has no such heading"


def test_the_screenshots_render_from_the_current_code(tmp_path: Path) -> None:
    """docs/screenshots.sh draws the demo's reports as SVG with --save; each parses."""
    from xml.etree import ElementTree

    bin_dir = str(Path(wederkerig_executable()).parent)
    env = {**os.environ, "OUT": str(tmp_path), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["sh", str(DOCS / "screenshots.sh")], env=env, check=True, capture_output=True)
    pictures = sorted(path.name for path in tmp_path.glob("*.svg"))
    assert pictures == ["balance-every-month.svg", "balance.svg", "brief.svg", "flow.svg"]
    for picture in tmp_path.glob("*.svg"):
        text = "".join(ElementTree.parse(picture).getroot().itertext())
        assert "Anneke" in text.replace("\xa0", " "), picture.name
