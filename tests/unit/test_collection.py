"""The console script pauses garbage collection during start-up (cli.main); the ledger's
opening resumes it. Under a test runner or the library, which never paused it, nothing changes."""

import gc

from wederkerig.cli import work_begins


def test_work_begins_resumes_a_collection_paused_for_start_up() -> None:
    gc.disable()
    try:
        work_begins()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what start-up made is left out of collections
    finally:
        gc.unfreeze()
        gc.enable()


def test_work_begins_leaves_a_running_collection_alone() -> None:
    frozen = gc.get_freeze_count()
    work_begins()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
