"""The wizard's steps, kept in the core (as Electrum does) so the order and what each step owns
can be tested without a display. The Qt wizard only renders them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    # Field-path prefixes whose problems belong to this step.
    owns: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step("details", "Incident details", ("report_number", "district", "beat", "occurred_at", "location", "source", "narrative", "supervisor", "timezone")),
    Step("reporting_party", "Reporting party", ("reporting_party",)),
    Step("agents", "Agents involved", ("agents",)),
    Step("footage", "Footage references", ("footage",)),
    # What the ICE On Notice order asks CPD to record on scene (intake.incident/2).
    Step("scene", "On scene: CPD numbers, federal supervisor, injuries",
         ("cpd_rd_number", "oemc_event_number", "federal_supervisor", "use_of_force", "injuries", "medical")),
    Step("violations", "Alleged violations", ("violations",)),
    Step("review", "Review and sign-off", ()),
)


def step_index_for(path: str) -> int:
    """Which step a problem's field path belongs to (the review step if none claims it)."""
    head = path.split(".", 1)[0].split("[", 1)[0]
    for i, step in enumerate(STEPS):
        if head in step.owns:
            return i
    return len(STEPS) - 1

