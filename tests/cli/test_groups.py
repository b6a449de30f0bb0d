"""Groups: membership, balance --group, group show, and groups following merges and erasure."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import NewLedger, Refused, Run, ok

PEOPLE = ("Anna", "Bram", "Cees", "Dina")


def balance(run: Run, *args: str) -> dict[str, tuple[int, int]]:
    rows = json.loads(ok(run("balance", *args, "--format", "json")).stdout)
    return {row["contact"]: (row["gave"], row["received"]) for row in rows}


def test_group_add_join_leave_list(run: Run, refused: Refused) -> None:
    ok(run("group", "add", "Drechtsteden", "--note", "regionale samenwerking"))
    refused(1, "group", "add", "drechtsteden")
    ok(run("contact", "add", "Anna", "--group", "Drechtsteden"))
    refused(1, "contact", "add", "Bram", "--group", "Drechtstedn")
    ok(run("contact", "add", "Bram"))
    ok(run("group", "join", "drechtsteden", "Bram", "Anna"))
    groups = json.loads(ok(run("group", "list", "--format", "json")).stdout)
    assert groups == [{"name": "Drechtsteden", "note": "regionale samenwerking", "members": 2}]
    ok(run("group", "leave", "Drechtsteden", "Bram"))
    refused(1, "group", "leave", "Drechtsteden", "Bram")
    assert json.loads(ok(run("group", "list", "--format", "json")).stdout)[0]["members"] == 1


def test_balance_and_show_are_restricted_to_members(run: Run) -> None:
    ok(run("group", "add", "Board"))
    for person in PEOPLE:
        ok(run("contact", "add", person))
        ok(run("log", person, "gave", "knowledge", "--value", "2"))
    ok(run("group", "join", "Board", "Anna", "Cees"))
    ok(run("log", "Cees", "received", "talent", "--value", "5"))
    assert balance(run, "--group", "board") == {"Anna": (2, 0), "Cees": (2, 5)}
    shown = json.loads(ok(run("group", "show", "Board", "--format", "json")).stdout)
    assert {(row["contact"], row["kind"]) for row in shown} == {
        ("Anna", "knowledge"), ("Cees", "knowledge"), ("Cees", "talent"),
    }  # fmt: skip
    assert "Members: Anna, Cees" in ok(run("group", "show", "Board")).stdout
    assert "  groups: Board\n" in ok(run("contact", "show", "Cees")).stdout
    assert "groups:" not in ok(run("contact", "show", "Bram")).stdout


def test_merge_moves_memberships_and_forget_ends_them(run: Run) -> None:
    ok(run("group", "add", "Board"))
    ok(run("contact", "add", "Anna de Vries"))
    ok(run("contact", "add", "A. de Vries", "--group", "Board"))
    ok(run("contact", "merge", "Anna de Vries", "A. de Vries"))
    record = json.loads(ok(run("contact", "export", "Anna de Vries")).stdout)
    assert record["contact"]["groups"] == ["Board"]
    ok(run("forget", "Anna de Vries", "--yes"))
    assert json.loads(ok(run("group", "list", "--format", "json")).stdout)[0]["members"] == 0


@pytest.mark.slow  # a property: many examples, each a run of commands
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    members=st.sets(st.sampled_from(PEOPLE), min_size=1),
    logged=st.lists(
        st.tuples(
            st.sampled_from(PEOPLE), st.sampled_from(["gave", "received"]), st.integers(1, 9)
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_a_group_balance_is_the_sum_of_its_members(
    fresh_ledger: NewLedger, members: set[str], logged: list[tuple[str, str, int]]
) -> None:
    # a fresh ledger per example: Hypothesis may run the same example twice (when shrinking)
    ledger = fresh_ledger()
    ok(ledger("group", "add", "G"))
    for person in PEOPLE:
        ok(ledger("contact", "add", person))
    ok(ledger("group", "join", "G", *sorted(members)))
    for person, direction, value in logged:
        ok(ledger("log", person, direction, "access", "--value", str(value)))
    everyone = balance(ledger)
    group = balance(ledger, "--group", "G")
    assert group == {name: sums for name, sums in everyone.items() if name in members}
    totals = [
        sum(v for p, d, v in logged if p in members and d == way) for way in ("gave", "received")
    ]
    assert [sum(g for g, _ in group.values()), sum(r for _, r in group.values())] == totals
