"""A supervisor who chooses Spanish sees every wizard page in Spanish: titles, explanations, field labels,
buttons, and Qt's own Next/Back/Cancel."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWizard

from intake_app.paths import resource_path
from intake_app.ui.common import i18n

ENGLISH = {m.findtext("source") for m in ET.parse(resource_path("translations", "intake_es.ts")).getroot().iter("message")}


@pytest.fixture
def spanish(qapp):
    i18n.install_language("es")
    yield
    i18n.install_language("en")


def visible_texts(page) -> list[str]:
    texts = [page.title(), page.subTitle()]
    texts += [label.text() for label in page.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in page.findChildren(QAbstractButton) if button.text()]
    return [t for t in texts if t.strip()]


def test_every_wizard_page_is_in_spanish(spanish, window):
    wizard = window.new_incident()
    pages = [wizard.page(page_id) for page_id in wizard.pageIds()]
    assert [p.title() for p in pages][:2] == ["Paso 1 de 7: Datos del incidente", "Paso 2 de 7: Persona informante"]
    for page in pages:
        english_left = [t for t in visible_texts(page) if t in ENGLISH]
        assert not english_left, f"{page.title()}: still English: {english_left}"


def test_the_wizard_buttons_come_from_qts_spanish(spanish, window):
    wizard = window.new_incident()
    assert wizard.buttonText(QWizard.WizardButton.NextButton).replace("&", "").startswith("Siguiente")
    assert wizard.buttonText(QWizard.WizardButton.CancelButton).replace("&", "") == "Cancelar"


def test_a_field_label_reads_in_spanish(spanish, window):
    page = window.new_incident().page(window.wizard.pageIds()[0])
    labels = {label.text() for label in page.findChildren(QLabel)}
    assert "&Distrito *:" in labels and "Na&rrativa *:" in labels  # both required (marked *)
