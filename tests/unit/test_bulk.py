"""Bulk inserts store exactly what SQLAlchemy's own insert stores, on every engine."""

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import Fresh
from wederkerig.store.bulk import inserter


def _table(name: str) -> sa.Table:
    return sa.Table(
        name,
        sa.MetaData(),
        sa.Column("place", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("number", sa.Integer),
        sa.Column("text", sa.String),
        sa.Column("day", sa.Date),
        sa.Column("moment", sa.DateTime),
        prefixes=["TEMPORARY"],
    )


TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=8)
# A batch's rows; a column may be NULL in some rows, or in all of them (then it is left out).
BATCHES = st.lists(
    st.tuples(
        st.none() | st.integers(-(2**31), 2**31 - 1),
        st.none() | TEXT,
        st.none() | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
        st.none() | st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 1, 1)),
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(BATCHES, min_size=1, max_size=3))
def test_rows_read_back_as_sqlalchemy_stores_them(
    fresh: Fresh, batches: list[list[tuple[Any, ...]]]
) -> None:
    with fresh() as session:
        connection = session.connection()
        ours, theirs = _table("bulk_ours"), _table("bulk_theirs")
        ours.create(connection)
        theirs.create(connection)
        insert = inserter(connection, ours)
        place = 0
        for batch in batches:
            numbered = [(place + number, *row) for number, row in enumerate(batch)]
            place += len(batch)
            insert(numbered)
            names = [column.name for column in theirs.columns]
            connection.execute(
                theirs.insert(), [dict(zip(names, row, strict=True)) for row in numbered]
            )
        read = [connection.execute(sa.select(t).order_by(t.c.place)).all() for t in (ours, theirs)]
        assert read[0] == read[1]
        assert len(read[0]) == place
