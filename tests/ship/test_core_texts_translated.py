"""The core's English words that the desktop UI shows (validation problems, offence classes, field names)
are all known to the translations, so a Spanish interface never shows a validator sentence in English."""

from __future__ import annotations

import ast
from pathlib import Path

from intake_app.domain.catalogue import CLASS_LABELS, FELONY_LABEL, MISDEMEANOR_LABEL
from intake_app.domain.enums import FootageKind
from intake_app.domain.records import (
    Agent,
    FootageItem,
    Incident,
    Location,
    ReportingParty,
    Vehicle,
    Violation,
)
from intake_app.domain.validation import validate
from intake_app.ui.common import domain_text, summary_words

DOMAIN = Path(__file__).resolve().parents[2] / "intake_app" / "domain"
VALIDATION = DOMAIN / "validation.py"


def validator_templates() -> set[str]:
    calls = [n for source in (VALIDATION, DOMAIN / "order_validation.py")
             for n in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("_missing", "_wrong")]
    return {c.args[1].value for c in calls if isinstance(c.args[1], ast.Constant)}


def test_the_ui_knows_every_template_the_validator_writes():
    assert set(domain_text.KNOWN_PROBLEMS) == validator_templates()


def test_the_ui_knows_every_offence_class_label():
    assert set(domain_text.KNOWN_CLASS_LABELS) == {*CLASS_LABELS.values(), FELONY_LABEL, MISDEMEANOR_LABEL}


def test_every_field_a_problem_points_to_is_named_as_the_form_names_it():
    incident = Incident(
        report_number="bad", district=13, beat="12", location=Location("x" * 501, 50.0, None),
        reporting_party=ReportingParty(phone="call me", preferred_language="Spanish", consent_to_contact=True),
        agents=[Agent(name="x" * 501), Agent(badge="7", vehicle=Vehicle(plate="!!", plate_state="Illinois"))],
        footage=[FootageItem(kind=FootageKind.BODY_WORN, officer_star="abc", sha256="xyz", file_size=-1)],
        violations=[Violation(statute="720 ILCS 5/12-3.05", agent_ids=["nobody"]), Violation(statute="nope")],
    )
    problems = validate(incident)
    assert len(problems) > 25
    unnamed = [p.path for p in problems if domain_text.field_place(p.path) == p.path]
    assert not unnamed


def test_the_ui_knows_every_template_of_the_record_summary():
    calls = [n for source in ("summary.py", "summary_order.py")
             for n in ast.walk(ast.parse((DOMAIN / source).read_text(encoding="utf-8")))
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "t"]
    assert all(isinstance(c.args[0], ast.Constant) for c in calls), "summary lines are templates, not f-strings"
    assert set(summary_words.KNOWN_TEMPLATES) == {c.args[0].value for c in calls}
