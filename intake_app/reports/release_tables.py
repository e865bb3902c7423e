"""Aggregate count tables of the release (cross-tabulations with totals), suppressed before writing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from ..domain.catalogue import class_label
from .release_rows import ReleaseRow
from .suppression import CountTable, render, suppress

TOTAL = "total"


def _units_by_month_district(r: ReleaseRow) -> Iterable[tuple[str, str]]:
    yield r.month, _district(r)


def _units_by_agency_month(r: ReleaseRow) -> Iterable[tuple[str, str]]:
    for agency in r.agencies:
        yield agency, r.month


def _units_by_agency_district(r: ReleaseRow) -> Iterable[tuple[str, str]]:
    for agency in r.agencies:
        yield agency, _district(r)


def _units_by_class_month(r: ReleaseRow) -> Iterable[tuple[str, str]]:
    for klass in sorted(set(r.offence_classes)):
        yield class_label(klass), r.month


def _units_by_review_outcome_month(r: ReleaseRow) -> Iterable[tuple[str, str]]:
    if r.referred:
        yield r.review_decision or AWAITING_DECISION, r.month


AWAITING_DECISION = "awaiting_decision"
NOT_RECORDED = "not_recorded"


def _units_by_credential_check_month(r: ReleaseRow) -> Iterable[tuple[str, str]]:
    yield r.credential_check or NOT_RECORDED, r.month


def _units_by_injuries_and_aid_month(r: ReleaseRow) -> Iterable[tuple[str, str]]:
    if r.injured_count:
        yield "injury_reported", r.month
    if r.ems_summoned:
        yield "ems_summoned", r.month
    if r.aid_rendered == "yes":
        yield "aid_rendered_by_cpd", r.month


def _district(r: ReleaseRow) -> str:
    return f"{r.district:03d}" if r.district is not None else "unknown"


# file stem -> (row dimension, column dimension, what one counted unit is, unit function)
TABLES: dict[str, tuple[str, str, str, Callable[[ReleaseRow], Iterable[tuple[str, str]]]]] = {
    "incidents_by_month_district": ("month", "district", "incident", _units_by_month_district),
    "incidents_by_agency_month": ("agency", "month", "incident involving the agency", _units_by_agency_month),
    "incidents_by_agency_district": ("agency", "district", "incident involving the agency", _units_by_agency_district),
    "incidents_by_offence_class_month": ("offence_class", "month", "incident with an alleged offence of the class",
                                         _units_by_class_month),
    "referrals_by_felony_review_outcome_month": ("felony_review_outcome", "month", "referred incident",
                                                 _units_by_review_outcome_month),
    "incidents_by_credential_check_month": ("credential_check", "month", "incident", _units_by_credential_check_month),
    "incidents_by_injuries_and_aid_month": ("injuries_and_aid", "month", "incident", _units_by_injuries_and_aid_month),
}


def count_table(rows: list[ReleaseRow], units: Callable[[ReleaseRow], Iterable[tuple[str, str]]]) -> CountTable:
    counts: Counter[tuple[str, str]] = Counter()
    for r in rows:
        counts.update(units(r))
    row_keys = sorted({k[0] for k in counts})
    col_keys = sorted({k[1] for k in counts})
    cells = [[counts.get((rk, ck), 0) for ck in col_keys] for rk in row_keys]
    return CountTable(row_keys, col_keys, cells, set())


def table_lines(rows: list[ReleaseRow], stem: str, threshold: int) -> list[list[str]]:
    """The CSV lines (header first) of one aggregate table, suppressed."""
    row_dim, _col_dim, _unit, units = TABLES[stem]
    table = suppress(count_table(rows, units), threshold)
    nr, nc = len(table.rows), len(table.columns)
    header = [row_dim, *table.columns] + ([TOTAL] if table.has_row_totals else [])
    last_c = nc + 1 if table.has_row_totals else nc
    out = [header]
    for r, key in enumerate(table.rows):
        out.append([key, *(render(table, threshold, r, c) for c in range(last_c))])
    if table.has_column_totals:
        out.append([TOTAL, *(render(table, threshold, nr, c) for c in range(last_c))])
    return out
