"""A record the reviewer sent back: a draft whose last step is "In review -> Draft", with the reviewer's comment.
It is shown as "Returned" (not as any draft), with the comment as a banner in the wizard, and the supervisor who
entered it is told at sign-in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ...domain.enums import Status
from ..common.i18n import format_datetime


@dataclass(frozen=True)
class ReturnNote:
    by_name: str
    by_star: str
    at: datetime
    comment: str


def return_note(incident) -> ReturnNote | None:
    if incident.status == Status.DRAFT and incident.history:
        last = incident.history[-1]
        if last.from_status == Status.IN_REVIEW and last.to_status == Status.DRAFT:
            return ReturnNote(last.by_name, last.by_star, last.at, last.comment)
    return None


def status_text(incident) -> str:
    """The record's state in words: "Returned" for a draft sent back by the reviewer."""
    from ..common.vocabulary import vocabulary_label

    if return_note(incident) is not None:
        return returned_label()
    return vocabulary_label(incident.status)


def returned_label() -> str:
    """The state of a draft the reviewer sent back, in words (the view, the incident list)."""
    return QCoreApplication.translate("Returned", "Returned")


def banner_text(note: ReturnNote) -> str:
    return (QCoreApplication.translate("Returned", "Returned by %1 (star %2) on %3: %4")
            .replace("%1", note.by_name).replace("%2", note.by_star).replace("%3", format_datetime(note.at))
            .replace("%4", note.comment))


def banner(note: ReturnNote) -> QLabel:
    label = QLabel(banner_text(note))
    label.setObjectName("returned_banner")
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("Returned", "Reviewer's comment"))
    # Dark text on a pale amber: readable in the normal and the high-contrast palettes alike.
    label.setStyleSheet("QLabel#returned_banner { background: #fff4ce; color: #1f1f1f; border: 1px solid #c19c00;"
                        " padding: 6px; }")
    return label


def returned_to(store, star: str) -> list:
    """The records `star` entered that a reviewer sent back and that are still drafts (on the worker)."""
    from ...storage.queries import IncidentFilter

    found = []
    for summary in store.list(IncidentFilter(status=Status.DRAFT)):
        incident = store.get(summary.id)
        if incident.supervisor.star == star and return_note(incident) is not None:
            found.append(incident)
    return found
