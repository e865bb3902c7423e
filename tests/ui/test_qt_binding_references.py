"""The Qt binding keeps Python's reference counts: a station PC runs the app all shift, and a binding that takes
a reference from None (or True/False) at every call of a Qt function returning nothing ends the app with
"Fatal Python error: none_dealloc" after a few thousand calls (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject

CALLS = 2000


def references_lost(call) -> int:
    before_none, before_true, before_false = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        call()
    return max(before_none - sys.getrefcount(None), before_true - sys.getrefcount(True),
               before_false - sys.getrefcount(False))


def test_a_qt_function_returning_nothing_leaves_none_its_references(qapp):
    thing = QObject()
    assert references_lost(lambda: thing.setObjectName("station")) < 50


def test_turning_the_event_loop_leaves_none_its_references(qapp):
    assert references_lost(QCoreApplication.processEvents) < 50


def test_blocking_signals_leaves_the_booleans_their_references(qapp):
    thing = QObject()
    assert references_lost(lambda: thing.blockSignals(False)) < 50
