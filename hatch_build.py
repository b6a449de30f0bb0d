"""Build step: compile the translation catalogues (``.po``) into the ``.mo`` files gettext reads.

The ``.mo`` files are build output, not sources: they are not in git, and each wheel (editable
installs included) gets them fresh from the ``.po`` files through Babel.
"""

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

CATALOGUES = "src/wederkerig/locale/*/LC_MESSAGES/*.po"


class CompileCatalogues(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for source in Path(self.root).glob(CATALOGUES):
            with source.open("rb") as stream:
                catalogue = read_po(stream)
            with source.with_suffix(".mo").open("wb") as stream:
                write_mo(stream, catalogue)
        build_data["artifacts"].append("src/wederkerig/locale/*/LC_MESSAGES/*.mo")
