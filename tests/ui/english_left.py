"""Finding English on a screen that should be Spanish: every text a user can see or hear (labels, buttons,
tabs, menus, headers, list and combo entries, placeholders, tooltips, accessible names, window titles)
checked against a list of common English words that are not Spanish words.

Allowed: proper nouns and codes (ICE, CBP, CPD, CCSAO, Chicago, time-zone names, ...), statute citations, and
a statute's English title, which the Spanish interface shows beside its translation on purpose (it is the
statute's legal name)."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from intake_app.domain.catalogue import default_catalogue

# Common English words of this interface that are not also Spanish words ("no", "a", "general", "total",
# "supervisor", "color" are both, so they are not here).
ENGLISH = set("""
the of and is are was be been to for with from by this that these not or but if then than when where what who
which your you it its in on at as an all any every each some none other only must should could would will can
cannot may has have had do does new open save saved edit file files search name names title class kind device
start end status deadline days day report reports number mark requested preserved refresh loading settings
about help sign signed lock locked unlock user users review reviewer reviews dashboard footage alerts alert
incident incidents agent agents agency vehicle plate badge star officer district violation violations
details summary history links link export import print packet preview close quit cancel yes unknown
required missing choose select show hide delete remove add data time date zone address phone language
consent confidential queue comment approve approved return returned reason failed here there
referral sent draft drafts submit submitted back next finish apply check checking passphrase password
version station folder computer items item found please try again done later first last ago month year
week today chart charts count counts by per page pages list table view record records masked camera
photo preservation evidence alleged statute statutes offence offense felony misdemeanor law
identified description model make source narrative occurred location beat county state remote server
sync synced pending conflict conflicts duplicate duplicates possible same different keep merge
""".split())
ALLOWED_NAMES = {"ICE", "CBP", "ERO", "HSI", "FBI", "DHS", "CPD", "CCSAO", "OEMC", "ILCS", "MCC", "PDF", "ID",
                 "SHA", "Intake", "Chicago", "Marshals", "Evidence", "com", "POD", "UTC", "beat"}
PROPER_NAMES = ("ICE On Notice",)  # the executive order's name
TIME_ZONE = re.compile(r"\b(America/[A-Za-z_]+|UTC)\b")
CITATION = re.compile(r"\b(720 ILCS 5/[\w.-]+|Chicago MCC [\d-]+)")
WORD = re.compile(r"[A-Za-zÁÉÍÓÚÑÜáéíóúñü]+")
# A report number's third part is the station's code, three random letters or digits: "ALL" is no English left.
REPORT_NUMBER = re.compile(r"\bD\d{3}-\d{4}-[A-Z0-9]{3}-\d{5}\b")


def _legal_titles() -> list[str]:
    return sorted((s.title for s in default_catalogue().statutes), key=len, reverse=True)


def english_words(text: str) -> list[str]:
    text = text.replace("&&", "").replace("&", "")
    text = TIME_ZONE.sub(" ", CITATION.sub(" ", REPORT_NUMBER.sub(" ", text)))
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    for title in _legal_titles():  # shown on purpose beside the Spanish title: the statute's legal name
        text = text.replace(f"({title})", " ")
    return [w for w in WORD.findall(text) if w.casefold() in ENGLISH and w not in ALLOWED_NAMES]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text of root and its children."""
    out: list[tuple[str, str]] = []

    def add(widget: QWidget, what: str, text: str) -> None:
        if text and text.strip():
            out.append((f"{type(widget).__name__}[{widget.objectName() or widget.accessibleName()}].{what}", text))

    for w in [root, *root.findChildren(QWidget)]:
        if w.isWindow():
            add(w, "windowTitle", w.windowTitle())
        add(w, "toolTip", w.toolTip())
        add(w, "accessibleName", w.accessibleName())
        add(w, "accessibleDescription", w.accessibleDescription())
        if isinstance(w, QLabel):
            add(w, "text", w.text())
        elif isinstance(w, QAbstractButton):
            add(w, "text", w.text())
        elif isinstance(w, QGroupBox):
            add(w, "title", w.title())
        elif isinstance(w, QLineEdit):
            add(w, "placeholder", w.placeholderText())
        elif isinstance(w, QPlainTextEdit):
            add(w, "placeholder", w.placeholderText())
            add(w, "text", w.toPlainText())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, f"item {i}", w.itemText(i))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, f"tab {i}", w.tabText(i))
        elif isinstance(w, QMenu):
            add(w, "title", w.title())
            for action in w.actions():
                add(w, "action", action.text())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model hides columnCount: one column
                columns = 1
            for section in range(columns):
                add(w, f"header {section}", str(model.headerData(section, Qt.Orientation.Horizontal) or ""))
            for row in range(min(model.rowCount(QModelIndex()), 50)):
                for column in range(columns):
                    value = model.data(model.index(row, column))
                    add(w, f"cell {row},{column}", "" if value is None else str(value))
    return out


def english_left(root: QWidget) -> list[tuple[str, str, list[str]]]:
    found = []
    for where, text in visible_texts(root):
        words = english_words(text)
        if words:
            found.append((where, text, words))
    return found
