"""Small counts are hidden, and no hidden count can be worked back out of the totals."""

from __future__ import annotations

import random

from intake_app.reports.suppression import CountTable, suppress


def _recover(table: CountTable) -> dict[tuple[int, int], int]:
    """An attacker's try: repeatedly solve every published sum (row/column/grand total) that has exactly one
    unknown entry, feeding what is found into the other sums. Returns the hidden entries it pins down."""
    known = {p: table.value(*p) for line in table.lines() for p in line if p not in table.hidden}
    found: dict[tuple[int, int], int] = {}
    progress = True
    while progress:
        progress = False
        for *members, total in table.lines():
            unknown = [p for p in (*members, total) if p not in known]
            if len(unknown) != 1:
                continue
            (p,) = unknown
            if p == total:
                known[p] = sum(known[m] for m in members)
            else:
                known[p] = known[total] - sum(known[m] for m in members if m != p)
            found[p] = known[p]
            progress = True
    return found


def _table(cells: list[list[int]]) -> CountTable:
    return CountTable([f"r{i}" for i in range(len(cells))], [f"c{j}" for j in range(len(cells[0]))], cells, set())


def test_a_lone_small_cell_takes_a_second_cell_of_its_row_and_column_with_it():
    table = suppress(_table([[3, 20, 30], [40, 50, 60], [70, 80, 90]]), threshold=5)
    assert (0, 0) in table.hidden
    assert sum(1 for c in range(4) if (0, c) in table.hidden) >= 2
    assert sum(1 for r in range(4) if (r, 0) in table.hidden) >= 2
    assert _recover(table) == {}


def test_a_hidden_cell_cannot_be_recovered_by_subtracting_in_any_random_table():
    rng = random.Random(7)
    for _ in range(300):
        rows, cols = rng.randint(1, 6), rng.randint(1, 6)
        cells = [[rng.choice([0, 1, 2, 4, 5, 9, 30]) for _ in range(cols)] for _ in range(rows)]
        table = suppress(_table(cells), threshold=5)
        recovered = _recover(table)
        assert recovered == {}, (cells, sorted(table.hidden), recovered)
        small = {(r, c) for r in range(rows) for c in range(cols) if 0 < cells[r][c] < 5}
        assert small <= table.hidden


def test_one_column_of_counts_hides_a_second_row_beside_a_small_one():
    table = suppress(_table([[2], [40], [50]]), threshold=5)
    assert table.hidden == {(0, 0), (1, 0)}
    assert _recover(table) == {}


def test_zeros_and_counts_at_the_threshold_are_shown():
    table = suppress(_table([[0, 5], [6, 7]]), threshold=5)
    assert table.hidden == set()


def test_the_threshold_is_configurable():
    cells = [[7, 20], [30, 40]]
    assert suppress(_table(cells), threshold=5).hidden == set()
    assert (0, 0) in suppress(_table(cells), threshold=10).hidden
