"""Screen-reader and keyboard users: every field on every wizard page, and in the agent, footage and violation
dialogs, has an accessible name or a label buddy, and Tab reaches it."""

from __future__ import annotations

import pytest

from intake_app.domain.catalogue import default_catalogue
from intake_app.ui.wizard.agents_page import AgentDialog
from intake_app.ui.wizard.footage_page import FootageDialog
from intake_app.ui.wizard.violations_page import ViolationDialog
from tests.ui.accessibility import describe, inputs, unnamed_inputs, unreachable_by_keyboard

from ..factories import make_agent, make_incident


def wizard_pages(window):
    wizard = window.new_incident()
    return wizard, [wizard.page(page_id) for page_id in wizard.pageIds()]


def test_every_wizard_page_names_every_field(window):
    _wizard, pages = wizard_pages(window)
    assert len(pages) == 7
    for page in pages:
        assert inputs(page), f"page {page.title()!r} has no fields?"
        assert not unnamed_inputs(page), f"{page.title()}: {[describe(w) for w in unnamed_inputs(page)]}"


def test_every_wizard_field_is_reachable_with_tab(window, qtbot):
    _wizard, pages = wizard_pages(window)
    for page in pages:
        assert not unreachable_by_keyboard(page), f"{page.title()}: {[describe(w) for w in unreachable_by_keyboard(page)]}"


@pytest.mark.parametrize("make_dialog", [
    lambda: AgentDialog(make_agent(), 1),
    lambda: FootageDialog(make_incident().footage[0], 1, "America/Chicago"),
    lambda: ViolationDialog(make_incident().violations[0], 1, default_catalogue(), make_incident().agents),
], ids=["agent", "footage", "violation"])
def test_row_dialogs_name_every_field(qtbot, make_dialog):
    dialog = make_dialog()
    qtbot.addWidget(dialog)
    assert inputs(dialog)
    assert not unnamed_inputs(dialog), [describe(w) for w in unnamed_inputs(dialog)]
    assert not unreachable_by_keyboard(dialog), [describe(w) for w in unreachable_by_keyboard(dialog)]


def test_every_wizard_field_label_has_a_keyboard_mnemonic(window):
    from PySide6.QtWidgets import QLabel

    _wizard, pages = wizard_pages(window)
    for page in pages:
        for label in page.findChildren(QLabel):
            if label.buddy() is not None and label.text().strip():
                assert "&" in label.text(), f"{page.title()}: label {label.text()!r} has no Alt+letter shortcut"
