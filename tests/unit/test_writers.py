"""The CSV a script reads: every cell written the one documented way, whatever its type."""

import csv
import io
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from wederkerig.formats.columns import Format
from wederkerig.formats.writers import write_rows

cells = st.one_of(
    st.booleans(),
    st.integers(),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"])),
    st.none(),
    st.decimals(min_value=-(10**9), max_value=10**9, places=2),
    st.dates(),
)


def expected(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@given(st.lists(cells, min_size=1, max_size=6))
def test_each_cell_reads_back_as_its_documented_text(row: list[object]) -> None:
    columns = [f"c{number}" for number in range(len(row))]
    out = io.StringIO()
    write_rows(Format.CSV, out, columns, [row])
    header, written = csv.reader(io.StringIO(out.getvalue(), newline=""))
    assert header == columns
    assert written == [expected(value) for value in row]
