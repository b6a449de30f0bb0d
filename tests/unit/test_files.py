"""The ledger file's companions: which copies wederkerig made of it, whatever its name."""

from pathlib import Path

import pytest

from wederkerig.store.files import known_backups


@pytest.mark.parametrize("name", ["ledger.db", "team[1].db", "board*?.db"])
def test_the_copies_before_upgrades_are_known_whatever_the_ledger_is_called(
    tmp_path: Path, name: str
) -> None:
    """A name with glob characters hid its pre-upgrade copies from forget and doctor, which
    must list every copy that may still hold erased data."""
    ledger = tmp_path / name
    ledger.write_bytes(b"")
    copy = tmp_path / f"{name}.schema-0001-20261125T090000Z.bak"
    copy.write_bytes(b"")
    (tmp_path / "other.db.schema-0001-20261125T090000Z.bak").write_bytes(b"")
    assert known_backups(ledger) == [copy]
