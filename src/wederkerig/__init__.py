"""wederkerig: a command-line reciprocity ledger, and a library (see docs/library.md).

The library's names are imported when first used: ``import wederkerig`` runs before every
command, and ``wederkerig --help`` must not pay for SQLAlchemy.
"""

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Where each public name lives.
_HOMES = {
    "Ledger": "wederkerig.api",
    "ExitCode": "wederkerig.core.errors",
    "WederkerigError": "wederkerig.core.errors",
    "NotFoundError": "wederkerig.core.errors",
    "RefusedError": "wederkerig.core.errors",
    "InvalidInputError": "wederkerig.core.errors",
    "StorageError": "wederkerig.core.errors",
    "Kind": "wederkerig.core.vocabulary",
    "Direction": "wederkerig.core.vocabulary",
    "Status": "wederkerig.core.vocabulary",
    "Outcome": "wederkerig.core.vocabulary",
}
__all__ = [  # _HOMES's names, spelled out for type checkers and linters
    "Direction",
    "ExitCode",
    "InvalidInputError",
    "Kind",
    "Ledger",
    "NotFoundError",
    "Outcome",
    "RefusedError",
    "Status",
    "StorageError",
    "WederkerigError",
    "__version__",
]

if TYPE_CHECKING:
    from wederkerig.api import Ledger
    from wederkerig.core.errors import (
        ExitCode,
        InvalidInputError,
        NotFoundError,
        RefusedError,
        StorageError,
        WederkerigError,
    )
    from wederkerig.core.vocabulary import Direction, Kind, Outcome, Status


def __getattr__(name: str) -> object:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'wederkerig' has no attribute {name!r}")
