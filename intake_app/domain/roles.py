"""Who may do what at a station (review and station security): the roles a user of the app has."""

from __future__ import annotations

SUPERVISOR, REVIEWER, ADMINISTRATOR = "supervisor", "reviewer", "administrator"
ROLES = (SUPERVISOR, REVIEWER, ADMINISTRATOR)
