"""A team ledger on a real PostgreSQL server: every command family, schema rules, members.

Needs a server reachable through libpq's environment (PGHOST, PGPORT, PGUSER, PGPASSWORD),
as ``pg_virtualenv`` provides: ``.ci/run`` runs the suite under it with
WEDERKERIG_REQUIRE_POSTGRES=1, so there it fails rather than skips. Each test gets a
database of its own, empty (not even a schema), dropped afterwards. (The rest of the suite
runs on PostgreSQL too with WEDERKERIG_TEST_ENGINE=postgresql: see tests/conftest.py.)
"""

import json
import os
import subprocess
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from helpers import ENTRY_COLUMNS, Run, csv_header, ok, one_line, parse_csv, wederkerig_executable

psycopg = pytest.importorskip("psycopg", reason="pip install 'wederkerig[postgres]'")

REQUIRED = os.environ.get("WEDERKERIG_REQUIRE_POSTGRES") == "1"


def _admin() -> Any:
    try:
        return psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if REQUIRED:
            raise
        pytest.skip(f"no PostgreSQL server to test against ({error}); .ci/run starts one")


@pytest.fixture
def database() -> Iterator[str]:
    """The URL of a fresh, empty database (credentials come from libpq's environment)."""
    name = f"wederkerig_{uuid.uuid4().hex[:12]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg:///{name}"
    with _admin() as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def pg(run: Run, database: str) -> Run:
    """The CLI on the test's PostgreSQL ledger (no password in the URL: libpq finds it)."""
    return lambda *args, **options: run("--db", database, *args, **options)


def sql(database: str, statement: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(dbname=database.rsplit("/", 1)[1], autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchall() if cursor.description else []


def test_an_empty_database_becomes_a_ledger_at_the_newest_schema(pg: Run, database: str) -> None:
    ok(pg("contact", "add", "Anneke de Vries", "--org", "Gemeente Dordrecht"))
    from wederkerig.store.schema import SCHEMA_HEAD

    assert sql(database, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]


def test_every_command_family_works_on_postgresql(pg: Run, tmp_path: Path) -> None:
    ok(pg("contact", "add", "Anneke de Vries", "--alias", "Anneke", "--tag", "drechtsteden"))
    ok(pg("contact", "add", "Zoë Janssen", "--org", "Hogeschool"))
    ok(pg("group", "add", "Drechtsteden"))
    ok(pg("group", "join", "Drechtsteden", "Anneke"))
    got = ok(
        pg("log", "Anneke", "received", "kennis", "Procurement plans", "--value", "3",
           "--on", "2026-10-01", "--event", "Receptie", "--create")
    ).stdout.strip()  # fmt: skip
    ok(pg("log", "Zoë Janssen", "gave", "geld", "--amount", "12,50", "--on", "gisteren"))
    ok(pg("log", "Anneke", "gave", "talent", "Chaired the round table", "--answers", got))
    promise = ok(pg("log", "Zoë Janssen", "gave", "access", "Port intro", "--promise",
                    "--due", "2026-12-01")).stdout.strip()  # fmt: skip
    ok(pg("keep", promise))
    intro = ok(pg("intro", "Anneke", "Zoë Janssen", "both on energy")).stdout.strip()
    ok(pg("intro-outcome", intro, "samenwerking"))
    ok(pg("contact", "edit", "Zoë Janssen", "--every", "30d"))
    ok(pg("tag", "cadence", "drechtsteden", "14d"))

    balance = {r["contact"]: r for r in parse_csv(ok(pg("balance", "--format", "csv")).stdout)}
    assert (balance["Anneke de Vries"]["gave"], balance["Anneke de Vries"]["received"]) == (
        "2",
        "3",
    )
    assert balance["Zoë Janssen"]["net"] == "3"
    for by in ("organisation", "group", "event", "member"):
        assert csv_header(ok(pg("balance", "--by", by, "--format", "csv")).stdout)[0] == by
    every = ok(pg("balance", "--every", "quarter", "--format", "csv")).stdout
    assert csv_header(every)[1:] == ["2026-Q4", "total"]
    for command in (
        ("entries", "--format", "json"), ("promises",), ("loops", "--both"), ("intros",),
        ("due", "--within", "30d"), ("brief", "Anneke"), ("flow",), ("event", "list"),
        ("group", "show", "Drechtsteden"), ("tag", "list"), ("contact", "list"),
        ("contact", "export", "Anneke"), ("balance", "Anneke", "--format", "json"),
    ):  # fmt: skip
        ok(pg(*command))
    assert json.loads(ok(pg("intros", "--format", "json")).stdout)[0]["outcome"] == (
        "collaboration"
    )

    exported = tmp_path / "entries.csv"
    exported.write_text(ok(pg("export")).stdout, encoding="utf-8")
    assert "introduced to Zoë Janssen: both on energy" in exported.read_text(encoding="utf-8")
    ok(pg("undo", "--yes", "--other-side", "remove"))
    assert json.loads(ok(pg("intros", "--format", "json")).stdout) == []
    ok(pg("forget", "Zoë Janssen", "--yes"))
    assert "Zoë" not in ok(pg("contact", "list", "--format", "csv")).stdout


def test_export_then_import_into_an_empty_server_ledger_keeps_ids(
    pg: Run, run: Run, database: str, tmp_path: Path
) -> None:
    for number in range(3):
        ok(pg("log", "Anneke", "gave", "knowledge", f"tip {number}", "--create"))
    exported = tmp_path / "entries.csv"
    exported.write_text(ok(pg("export")).stdout, encoding="utf-8")
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{database.rsplit("/", 1)[1]}_copy"')
    copy = f"{database}_copy"
    try:
        ok(run("--db", copy, "import", "entries", str(exported), "--create-contacts"))
        assert ok(run("--db", copy, "export")).stdout == exported.read_text()
        new_id = ok(run("--db", copy, "log", "Anneke", "gave", "talent")).stdout.strip()
        assert new_id == "4"  # the sequence moved past the kept ids
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE "{database.rsplit("/", 1)[1]}_copy" WITH (FORCE)')


def test_each_entry_records_the_member_who_logged_it(pg: Run) -> None:
    ok(pg("log", "Jan", "gave", "knowledge", "--create", WEDERKERIG_ME="anneke"))
    ok(pg("log", "Jan", "received", "talent", WEDERKERIG_ME="pieter"))
    rows = parse_csv(ok(pg("export")).stdout)
    assert csv_header(ok(pg("export")).stdout) == ENTRY_COLUMNS
    assert [row["member"] for row in rows] == ["anneke", "pieter"]
    mine = parse_csv(ok(pg("balance", "--member", "anneke", "--format", "csv")).stdout)
    assert [(r["contact"], r["gave"], r["received"]) for r in mine] == [("Jan", "1", "0")]
    by_member = parse_csv(ok(pg("balance", "--by", "member", "--format", "csv")).stdout)
    assert [(r["member"], r["net"]) for r in by_member] == [("anneke", "1"), ("pieter", "-1")]


def test_an_out_of_date_shared_ledger_is_refused_until_db_upgrade(pg: Run, database: str) -> None:
    ok(pg("log", "Jan", "gave", "knowledge", "--create"))
    # as schema 0006 left it: without what 0007, 0009 and 0010 added
    sql(database, "ALTER TABLE entry DROP COLUMN member, DROP COLUMN group_id, "
        "DROP COLUMN added_contact")  # fmt: skip
    sql(database, "ALTER TABLE contact DROP COLUMN needs, DROP COLUMN offers")
    sql(database, "ALTER TABLE introduction DROP COLUMN outcome_note")
    sql(database, "UPDATE alembic_version SET version_num = '0006'")

    refused = pg("balance")
    assert refused.exit_code == 3
    assert "db upgrade" in refused.stderr
    assert "0006" in refused.stderr
    assert sql(database, "SELECT version_num FROM alembic_version") == [("0006",)]

    ok(pg("db", "upgrade"))
    assert "Jan" in ok(pg("balance", "--format", "csv")).stdout
    assert "nothing to do" in ok(pg("db", "upgrade")).stderr


def test_a_ledger_from_a_newer_version_is_refused(pg: Run, database: str) -> None:
    ok(pg("contact", "add", "Jan"))
    sql(database, "UPDATE alembic_version SET version_num = '9999'")
    for command in (("balance",), ("db", "upgrade")):
        result = pg(*command)
        assert result.exit_code == 3
        assert "newer wederkerig" in result.stderr


def test_two_members_adding_the_same_contact_at_once_end_with_one(database: str) -> None:
    """Real processes, started together: one adds the contact, the other is told plainly."""
    env = {**os.environ, "WEDERKERIG_DB": database}

    def add(_: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [wederkerig_executable(), "contact", "add", "Fatima El Amrani"],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip

    subprocess.run([wederkerig_executable(), "init"], env=env, check=True)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(add, range(4)))
    assert sorted(result.returncode for result in results) == [0, 1, 1, 1]
    for result in results:
        assert "Traceback" not in result.stderr
        if result.returncode:
            assert "already" in result.stderr
            assert len(result.stderr.splitlines()) == 1
    assert sql(database, "SELECT count(*) FROM contact") == [(1,)]


def test_a_password_never_shows_and_is_refused_on_the_command_line(cli: Any, database: str) -> None:
    user, password = os.environ.get("PGUSER", "postgres"), os.environ.get("PGPASSWORD", "x")
    host, port = os.environ.get("PGHOST", "localhost"), os.environ.get("PGPORT", "5432")
    name = database.rsplit("/", 1)[1]
    url = f"postgresql+psycopg://{user}:{password}@{host}:{port}/{name}"

    on_the_line = cli("--db", url, "balance", db=False)
    assert on_the_line.returncode == 2
    assert password not in on_the_line.stderr
    assert "WEDERKERIG_DB" in on_the_line.stderr

    assert cli("contact", "add", "Jan", env={"WEDERKERIG_DB": url}, db=False).returncode == 0
    sql(database, "UPDATE alembic_version SET version_num = '0006'")
    failing = cli("balance", env={"WEDERKERIG_DB": url}, db=False)
    assert failing.returncode == 3
    assert password not in failing.stderr + failing.stdout
    assert f"{user}:***@" in failing.stderr


def test_backup_and_doctor_send_a_server_ledger_to_pg_dump(pg: Run) -> None:
    """They copy and check a ledger *file*; a server has tools of its own (docs/team.md)."""
    ok(pg("contact", "add", "Jan"))
    for command in ("backup", "doctor"):
        result = pg(command)
        assert result.exit_code == 3, (result.stdout, result.stderr)
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        assert "pg_dump" in one_line(result.stderr)
