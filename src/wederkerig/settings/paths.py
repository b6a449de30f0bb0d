"""Where ledgers live: the default location and what ``--db`` / ``WEDERKERIG_DB`` point at."""

import os
import re
from pathlib import Path
from urllib.parse import quote, urlencode

DB_ENV = "WEDERKERIG_DB"
LEDGER_FILE = "ledger.db"
DEMO_FILE = "demo.db"
DRAFT_SUFFIX = ".wederkerig-draft"
# .<name it becomes>.<pid>-<random>.wederkerig-draft, and what SQLite leaves beside one
_DRAFT = re.compile(
    rf"\.(?P<name>.+)\.(?P<pid>\d+)-[a-z0-9_]+{re.escape(DRAFT_SUFFIX)}(-journal|-wal|-shm)?"
)


def data_dir() -> Path:
    """The per-user data directory (``~/.local/share/wederkerig`` on Linux)."""
    from platformdirs import user_data_dir  # not for a named ledger: Tab pays for every import

    return Path(user_data_dir("wederkerig", appauthor=False))


def default_target() -> str:
    return str(data_dir() / LEDGER_FILE)


def demo_target() -> str:
    return str(data_dir() / DEMO_FILE)


def choose_target(flag: str | None) -> str:
    """The ledger to use: the ``--db`` flag, else ``WEDERKERIG_DB``, else ``db`` in the
    settings file, else the default file."""
    named = flag or os.environ.get(DB_ENV)
    if named:  # the settings file could not change it: do not read it (Tab asks on every key)
        return named
    from wederkerig.settings import config

    return config.value("db") or default_target()


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_file(target: str) -> Path | None:
    """The file behind a plain path or a ``sqlite:///`` URL; ``None`` for a database server."""
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///").split("?", 1)[0]
    elif is_url(target):
        return None
    return Path(target).expanduser().absolute()


def sqlite_uri(path: Path, **query: str) -> str:
    """A ``file:`` URI for ``sqlite3.connect(..., uri=True)`` that names exactly ``path``:
    ``?``, ``#``, ``%`` and the like in a folder or file name are quoted, not read as parts of
    the URI (unquoted, ``q?x/ledger.db`` opened ``q``)."""
    return f"file:{quote(str(path))}" + (f"?{urlencode(query)}" if query else "")


def make_private_dir(path: Path) -> None:
    """Create a directory, and any missing parents, readable by their owner only: the ledger
    holds other people's data. (``mkdir(parents=True)`` would give the parents 0755.)"""
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)


def has_password(target: str) -> bool:
    """Whether a URL carries a password (``postgresql://user:secret@host/db``)."""
    if not is_url(target):
        return False
    credentials, at, _ = target.partition("://")[2].rpartition("@")
    return bool(at) and ":" in credentials


def describe(target: str) -> str:
    """A ledger target as shown to the user, with any password in a URL masked."""
    if not is_url(target):
        return target
    if not has_password(target):
        return target
    scheme, _, rest = target.partition("://")
    credentials, _, host = rest.rpartition("@")
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"


def open_draft(target: Path) -> tuple[int, Path]:
    """A new private file (0600) beside ``target``, to be renamed onto it once complete.

    ``mkstemp`` opens with O_EXCL|O_NOFOLLOW, so a file or link planted at the name is never
    written through; the name carries this process's id so that a later run can tell a draft
    whose writer was killed (see :func:`stale_drafts`).
    """
    import tempfile  # only writers need it, and importing it costs every Tab ~10 ms

    descriptor, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.{os.getpid()}-", suffix=DRAFT_SUFFIX
    )
    return descriptor, Path(name)


def stale_drafts(folder: Path) -> list[Path]:
    """The drafts in ``folder`` whose wederkerig process has ended: ours by their name, and
    never a link, a folder, or a draft still being written."""
    try:
        candidates = sorted(folder.iterdir())
    except OSError:
        return []
    return [
        path
        for path in candidates
        if (match := _DRAFT.fullmatch(path.name))
        and not _running(int(match["pid"]))
        and not path.is_symlink()
        and path.is_file()
    ]


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return pid > 0  # another user's process; an impossible id is no process at all
    return pid > 0
