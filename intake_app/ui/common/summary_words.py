"""The record's summary (review page, incident view) in the interface language.

`domain.summary` writes English templates; this gives it the translations: Qt's for the templates (context
"Summary"), the vocabulary's labels, the offence classes and the catalogue's statute titles. The list below
only tells lupdate which templates exist; a test keeps it equal to the templates in domain/summary.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.summary import SummaryWords
from .domain_text import class_text, statute_title
from .i18n import QT_TRANSLATE_NOOP, format_in_zone
from .vocabulary import vocabulary_label

KNOWN_TEMPLATES = (
    QT_TRANSLATE_NOOP("Summary", "   [DEMO DATA]"),
    QT_TRANSLATE_NOOP("Summary", " ({latitude}, {longitude})"),
    QT_TRANSLATE_NOOP("Summary", "(assigned on first save)"),
    QT_TRANSLATE_NOOP("Summary", "(empty)"),
    QT_TRANSLATE_NOOP("Summary", "(name unknown)"),
    QT_TRANSLATE_NOOP("Summary", "(no name)"),
    QT_TRANSLATE_NOOP("Summary", "(not in catalogue)"),
    QT_TRANSLATE_NOOP("Summary", "(not set)"),
    QT_TRANSLATE_NOOP("Summary", "; vehicle {color} {make} {model} plate {plate} {state}"),
    QT_TRANSLATE_NOOP("Summary", "Agents ({count}):"),
    QT_TRANSLATE_NOOP("Summary", "Alleged violations ({count}):"),
    QT_TRANSLATE_NOOP("Summary", "CONFIDENTIAL"),
    QT_TRANSLATE_NOOP("Summary", "District: {district}   Beat: {beat}"),
    QT_TRANSLATE_NOOP("Summary", "Footage ({count}):"),
    QT_TRANSLATE_NOOP("Summary", "Location: {address}"),
    QT_TRANSLATE_NOOP("Summary", "Narrative:"),
    QT_TRANSLATE_NOOP("Summary", "Occurred: {when}"),
    QT_TRANSLATE_NOOP("Summary", "Report number: {number}"),
    QT_TRANSLATE_NOOP("Summary", "Reporting party: (hidden)"),
    QT_TRANSLATE_NOOP("Summary", "Reporting party: {name}, {phone}, {address}, language {language}, {consent} to contact, {sharing}"),
    QT_TRANSLATE_NOOP("Summary", "Source: {source}"),
    QT_TRANSLATE_NOOP("Summary", "Status history:"),
    QT_TRANSLATE_NOOP("Summary", "Status: {status}   Version: {version}"),
    QT_TRANSLATE_NOOP("Summary", "Supervisor: {name} (star {star})"),
    QT_TRANSLATE_NOOP("Summary", "consents"),
    QT_TRANSLATE_NOOP("Summary", "masked"),
    QT_TRANSLATE_NOOP("Summary", "may be shared"),
    QT_TRANSLATE_NOOP("Summary", "no address"),
    QT_TRANSLATE_NOOP("Summary", "no consent"),
    QT_TRANSLATE_NOOP("Summary", "no description"),
    QT_TRANSLATE_NOOP("Summary", "no phone"),
    QT_TRANSLATE_NOOP("Summary", "not identified"),
    QT_TRANSLATE_NOOP("Summary", "not masked"),
    QT_TRANSLATE_NOOP("Summary", "{n}. {agency}: {name}, badge {badge}, {how}, {masked}; {description}"),
    QT_TRANSLATE_NOOP("Summary", "{n}. {citation} {title}, {klass}; agents {agents}; {details}"),
    QT_TRANSLATE_NOOP("Summary", "{n}. {kind} {device} star {star}, {start} to {end}, evidence {evidence}, preservation {preservation}"),
    QT_TRANSLATE_NOOP("Summary", "{when}: {before} -> {after} by {name} ({star})"),
    # What the ICE On Notice order and CPD practice require (domain/summary_order.py).
    QT_TRANSLATE_NOOP("Summary", "CPD RD number: {rd}   OEMC event: {oemc}"),
    QT_TRANSLATE_NOOP("Summary", "Force used: {force}   Anyone injured: {injured}"),
    QT_TRANSLATE_NOOP("Summary", "Federal supervisor: credential check not recorded"),
    QT_TRANSLATE_NOOP("Summary", "EMS summoned {when}, unit {unit}; aid by CPD {aid}; transported to {hospital}"),
    QT_TRANSLATE_NOOP("Summary", "Felony review: ASA {name} ({unit}), reference {reference}"),
    QT_TRANSLATE_NOOP("Summary", "Federal supervisor: {check}"),
    QT_TRANSLATE_NOOP("Summary", "{n}. {role}, {severity}: {description}"),
    QT_TRANSLATE_NOOP("Summary", "Footage {n} flagged {when}: {reasons}; hold form {form}"),
    QT_TRANSLATE_NOOP("Summary", "Federal supervisor: {agency}, {name}, badge {badge}; credential check {check} at {when}, on footage {footage}"),
    QT_TRANSLATE_NOOP("Summary", "Touhy request to {agency} ({sent}): {what} - {status}"),
    QT_TRANSLATE_NOOP("Summary", "{date}: {decision}"),
)


def _template(text: str) -> str:
    return QCoreApplication.translate("Summary", text)


def summary_words() -> SummaryWords:
    return SummaryWords(template=_template, vocabulary=vocabulary_label, offence_class=class_text,
                        statute_title=statute_title, moment=format_in_zone)
