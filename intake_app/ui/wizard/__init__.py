"""The incident wizard: one module per page, in the order of intake_app.domain.wizard_flow.STEPS."""

from .incident_wizard import IncidentWizard

__all__ = ["IncidentWizard"]
