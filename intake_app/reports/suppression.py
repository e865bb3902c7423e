"""Small-cell and complementary suppression of count tables.

A cell counting fewer than `threshold` incidents (but more than none) could point at a person, so it is
published as "<threshold". Suppressing it alone is not enough: with the row or column total published, one
subtraction gives it back. So every line (a row with its total, a column with its total, the totals row
itself) that holds one hidden entry is made to hold at least two, hiding the smallest other non-zero cell
(or, failing that, the line's total), until no line has exactly one. Zeros stay visible: they identify no
one, and hiding a zero beside a small cell would tell nothing a reader could not bound anyway.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CountTable:
    """Counts of rows x columns, with totals. `hidden` holds the (row, column) positions to publish as
    suppressed; position index len(rows) is the totals row, len(columns) the totals column."""

    rows: list[str]
    columns: list[str]
    cells: list[list[int]]
    hidden: set[tuple[int, int]]

    @property
    def has_row_totals(self) -> bool:
        return len(self.columns) > 1

    @property
    def has_column_totals(self) -> bool:
        return len(self.rows) > 1

    def value(self, r: int, c: int) -> int:
        """Any entry, totals included."""
        nr, nc = len(self.rows), len(self.columns)
        if r < nr and c < nc:
            return self.cells[r][c]
        if r < nr:
            return sum(self.cells[r])
        if c < nc:
            return sum(row[c] for row in self.cells)
        return sum(map(sum, self.cells))

    def lines(self) -> list[list[tuple[int, int]]]:
        """Each group of entries bound by one published sum: the entries and, last, their total."""
        nr, nc = len(self.rows), len(self.columns)
        out: list[list[tuple[int, int]]] = []
        if self.has_row_totals:
            last_r = nr + 1 if self.has_column_totals else nr
            out += [[(r, c) for c in range(nc + 1)] for r in range(last_r)]
        if self.has_column_totals:
            last_c = nc + 1 if self.has_row_totals else nc
            out += [[(r, c) for r in range(nr + 1)] for c in range(last_c)]
        return out


def suppress(table: CountTable, threshold: int) -> CountTable:
    """Marks small cells, then complementary cells, in `table.hidden` (returned for chaining)."""
    nr, nc = len(table.rows), len(table.columns)
    table.hidden = {(r, c) for r in range(nr) for c in range(nc) if 0 < table.cells[r][c] < threshold}
    if threshold > 1 and table.has_column_totals is False and table.has_row_totals is False:
        return table  # a single cell: it is its own total, nothing to add
    changed = True
    while changed:
        changed = False
        for line in table.lines():
            hidden = [p for p in line if p in table.hidden]
            if len(hidden) != 1:
                continue
            table.hidden.add(_complement(table, line))
            changed = True
    return table


def _complement(table: CountTable, line: list[tuple[int, int]]) -> tuple[int, int]:
    """The entry to hide beside the lone hidden one: the smallest visible non-zero cell of the line
    (ties broken by position, so releases are reproducible), else the line's total."""
    *members, total = line
    candidates = [(table.value(*p), p) for p in members if p not in table.hidden and table.value(*p) > 0]
    if candidates:
        return min(candidates)[1]
    return total


def render(table: CountTable, threshold: int, r: int, c: int) -> str:
    return f"<{threshold}" if (r, c) in table.hidden else str(table.value(r, c))
