"""Groups: collaborations of contacts; a group's balance is its members' entries."""

import pytest
from sqlmodel import Session

from helpers import NOW, logged
from wederkerig.core.errors import NotFoundError, RefusedError
from wederkerig.core.vocabulary import Kind
from wederkerig.store.filters import Selection
from wederkerig.usecases.balances import balance_rows
from wederkerig.usecases.contacts import add_contact
from wederkerig.usecases.groups import (
    GroupRow,
    add_group,
    group_members,
    group_report,
    join_group,
    leave_group,
    list_groups,
    narrow_to_group,
)


@pytest.fixture
def group(session: Session) -> Session:
    for name in ("Anna", "Bram", "Cees"):
        add_contact(session, name, now=NOW)
    add_group(session, "Drechtsteden", note="regional partnership")
    return session


def test_a_group_name_is_taken_once(group: Session) -> None:
    with pytest.raises(RefusedError, match="already exists"):
        add_group(group, "DRECHTSTEDEN")


def test_joining_twice_adds_a_member_once(group: Session) -> None:
    assert join_group(group, "drechtsteden", ["Anna", "Bram"]) == ("Drechtsteden", ["Anna", "Bram"])
    assert join_group(group, "Drechtsteden", ["anna"]) == ("Drechtsteden", [])
    assert list_groups(group) == [GroupRow("Drechtsteden", "regional partnership", 2)]
    assert group_members(group, "Drechtsteden") == ["Anna", "Bram"]


def test_only_a_member_can_leave(group: Session) -> None:
    join_group(group, "Drechtsteden", ["Anna"])
    with pytest.raises(NotFoundError, match="not in the group"):
        leave_group(group, "Drechtsteden", ["Bram"])
    assert leave_group(group, "Drechtsteden", ["Anna"]) == ("Drechtsteden", ["Anna"])
    assert group_members(group, "Drechtsteden") == []


def test_an_unknown_group_is_refused(group: Session) -> None:
    with pytest.raises(NotFoundError, match="Drechtsteden"):
        join_group(group, "Drechtstede", ["Anna"])


def test_a_group_selection_counts_its_members_entries_only(group: Session) -> None:
    join_group(group, "Drechtsteden", ["Anna", "Bram"])
    logged(group, "Anna", value=1)
    logged(group, "Bram", value=2)
    logged(group, "Cees", value=4)
    rows = balance_rows(group, narrow_to_group(group, Selection(), "Drechtsteden"))
    assert [(row.label, row.gave) for row in rows] == [("Anna", 1), ("Bram", 2)]


def test_a_group_report_holds_its_members_and_their_flows_by_kind(group: Session) -> None:
    join_group(group, "Drechtsteden", ["Anna", "Bram"])
    logged(group, "Anna", value=1)
    logged(group, "Cees", value=4)
    report = group_report(group, "drechtsteden", Selection())
    assert (report.name, report.note, report.members) == (
        "Drechtsteden",
        "regional partnership",
        ["Anna", "Bram"],
    )
    assert [(row.label, row.kind, row.gave) for row in report.rows] == [("Anna", Kind.KNOWLEDGE, 1)]
