"""The Alt+letter shortcuts a window offers: a label's (to its buddy), a button's, a tab's, a menu's, a check box's.
Two on one screen with the same letter means Alt+letter goes to the wrong one (it cycles between them)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QMenuBar, QTabWidget, QWidget


def letter(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root)


def mnemonics(root: QWidget, skip: tuple[QWidget, ...] = ()) -> dict[str, list[str]]:
    """Letter -> the texts that use it, among what is visible in `root` (without the widgets under `skip`)."""
    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        key = letter(text)
        if key:
            found.setdefault(key, []).append(text)

    def skipped(widget: QWidget) -> bool:
        return any(s is widget or s.isAncestorOf(widget) for s in skip)

    for label in root.findChildren(QLabel):
        if label.buddy() is not None and _shown(label, root) and not skipped(label):
            add(label.text())
    for button in root.findChildren(QAbstractButton):
        if _shown(button, root) and not skipped(button):
            add(button.text())
    for tabs in root.findChildren(QTabWidget):
        if _shown(tabs, root) and not skipped(tabs):
            for i in range(tabs.count()):
                add(tabs.tabText(i))
    for bar in root.findChildren(QMenuBar):
        for action in bar.actions():
            add(action.text())
    return found


def clashes(root: QWidget, skip: tuple[QWidget, ...] = ()) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics(root, skip).items() if len(v) > 1}
