"""What the dashboard shows, computed in the core (no Qt) from the same rows as the public release.

The dashboard is internal (supervisors, headquarters), so counts are not suppressed; it covers the incidents
a release would hold (reviewed outcomes, never drafts), demo records included but counted, so the screen can
say when it shows synthetic data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..domain.catalogue import class_label
from ..domain.enums import Agency, label
from ..storage.repository import IncidentStore
from .release_rows import ReleaseRow, fetch_rows


@dataclass(frozen=True)
class DashboardData:
    incidents: int = 0
    demo_incidents: int = 0
    per_month: list[tuple[str, int]] = field(default_factory=list)
    by_district: list[tuple[str, int]] = field(default_factory=list)
    by_agency: list[tuple[str, int]] = field(default_factory=list)
    by_offence_class: list[tuple[str, int]] = field(default_factory=list)
    referred: int = 0
    felony_alleged: int = 0
    footage_with_deadline: int = 0
    footage_preserved_on_time: int = 0

    @property
    def referral_rate(self) -> float:
        """Share of incidents alleging a felony that were referred to the CCSAO (0 when none)."""
        return self.referred / self.felony_alleged if self.felony_alleged else 0.0

    @property
    def preserved_on_time_rate(self) -> float:
        return self.footage_preserved_on_time / self.footage_with_deadline if self.footage_with_deadline else 0.0


def dashboard_from_rows(rows: list[ReleaseRow]) -> DashboardData:
    months = Counter(r.month for r in rows)
    districts = Counter(r.district for r in rows if r.district is not None)
    agencies = Counter(a for r in rows for a in r.agencies)
    classes = Counter(k for r in rows for k in set(r.offence_classes))
    return DashboardData(
        incidents=len(rows),
        demo_incidents=sum(r.is_demo for r in rows),
        per_month=sorted(months.items()),
        by_district=[(f"{d}", n) for d, n in sorted(districts.items())],
        by_agency=[(label(Agency(a)), n) for a, n in sorted(agencies.items(), key=lambda kv: (-kv[1], kv[0]))],
        by_offence_class=[(class_label(k), n) for k, n in sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))],
        referred=sum(r.referred for r in rows),
        felony_alleged=sum(r.felony for r in rows),
        footage_with_deadline=sum(r.footage_with_deadline for r in rows),
        footage_preserved_on_time=sum(r.footage_preserved_on_time for r in rows),
    )


def load_dashboard(store: IncidentStore) -> DashboardData:
    """Runs queries over every released incident: call it off the GUI thread."""
    with store.reading() as session:
        rows = fetch_rows(session, date_from=None, date_to=None, include_demo=True)
    return dashboard_from_rows(rows)
