"""The import-linter contracts in pyproject.toml bite: a wrong import in a copy of the package
breaks the contract that forbids it, naming the importing module.

Each case runs ``lint-imports`` on a copy of ``src/wederkerig`` with the project's own
contracts, so the test proves the configuration, not a restatement of it.
"""

import os
import shutil
import subprocess
import sysconfig
import tomllib
from pathlib import Path

import pytest
import tomli_w

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
IMPORTLINTER = PYPROJECT["tool"]["importlinter"]
CONTRACT_NAMES: dict[str, str] = {c["id"]: c["name"] for c in IMPORTLINTER["contracts"]}


def lint_imports_executable() -> str:
    """The console script installed beside this interpreter (the venv need not be active)."""
    found = shutil.which("lint-imports", path=sysconfig.get_path("scripts")) or shutil.which(
        "lint-imports"
    )
    assert found, "install the test extra first: python3 -m pip install -e '.[test]'"
    return found


def copy_package(tmp_path: Path) -> Path:
    """A copy of the package, and a config file holding only the project's contracts."""
    shutil.copytree(
        ROOT / "src" / "wederkerig",
        tmp_path / "src" / "wederkerig",
        ignore=shutil.ignore_patterns("__pycache__", "locale"),
    )
    (tmp_path / "importlinter.toml").write_text(
        tomli_w.dumps({"tool": {"importlinter": IMPORTLINTER}}), encoding="utf-8"
    )
    return tmp_path


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    return copy_package(tmp_path)


@pytest.fixture(scope="module")
def unchanged(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """lint-imports on an unchanged copy, run once for every case."""
    return lint(copy_package(tmp_path_factory.mktemp("unchanged")))


def lint(copy: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports on the copy: PYTHONPATH puts it before the installed package."""
    return subprocess.run(
        [lint_imports_executable(), "--no-cache", "--no-logo", "importlinter.toml"],
        cwd=copy,
        env={**os.environ, "PYTHONPATH": str(copy / "src")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def status(result: subprocess.CompletedProcess[str], contract: str) -> str:
    """KEPT or BROKEN, from the summary line that names the contract."""
    name = CONTRACT_NAMES[contract]
    for line in result.stdout.splitlines():
        if line.startswith(name + " "):
            return line.rsplit(" ", 1)[1]
    raise AssertionError(f"{name!r} not in lint-imports' output:\n{result.stdout}")


def reports(result: subprocess.CompletedProcess[str], chain: str) -> bool:
    """Whether the output lists this import as a violation (spacing and wrapping vary)."""
    return f"- {chain} (l." in " ".join(result.stdout.split())


def inject(copy: Path, module: str, line: str) -> None:
    path = copy / "src" / "wederkerig" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("module", "line", "contract", "reported"),
    [
        ("usecases/loops.py", "import rich", "rich-in-render", "wederkerig.usecases.loops -> rich"),
        (
            "usecases/loops.py",
            "from wederkerig import render",
            "layers",
            "wederkerig.usecases.loops -> wederkerig.render",
        ),
        (
            "render/balance.py",
            "from wederkerig import formats",
            "layers",
            "wederkerig.render.balance -> wederkerig.formats",
        ),
        ("store/models.py", "import typer", "typer-in-cli", "wederkerig.store.models -> typer"),
        (
            "formats/writers.py",
            "import click",
            "typer-in-cli",
            "wederkerig.formats.writers -> click",
        ),
        (
            "settings/paths.py",
            "def lazy():\n    import sqlalchemy",
            "no-database-below-store",
            "wederkerig.settings.paths -> sqlalchemy",
        ),
    ],
)
def test_a_wrong_import_breaks_the_contract_that_forbids_it(
    unchanged: subprocess.CompletedProcess[str],
    package_copy: Path,
    module: str,
    line: str,
    contract: str,
    reported: str,
) -> None:
    """Layers may be broken already (issue #13 is moving code); this import must add to it."""
    assert not reports(unchanged, reported)
    inject(package_copy, module, line)
    result = lint(package_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert status(result, contract) == "BROKEN"
    assert reports(result, reported), result.stdout


def test_an_import_only_for_type_checking_is_not_a_dependency(package_copy: Path) -> None:
    """Under ``if TYPE_CHECKING:`` nothing is loaded at runtime, so no contract counts it."""
    inject(
        package_copy,
        "usecases/loops.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import rich",
    )
    result = lint(package_copy)
    assert status(result, "rich-in-render") == "KEPT", result.stdout
