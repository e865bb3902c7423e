"""Screens that stay true: every open view refreshes itself after a change to the store, whoever made it (this
window's wizard, the review queue, a sync pull, the preservation screen), from the store's own change
notifications rather than from each screen telling the others.

The store calls its listeners inside the writing transaction, on the database worker; the notice is passed on
only once that transaction has committed (so a view never reads the state before the change), is carried to the
GUI thread by a queued signal, and changes that arrive together are shown in one refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ...storage.repository import IncidentStore
    from ..shell.main_window import MainWindow

SETTLE_MS = 150  # changes within this time (an import, a sync page) make one refresh


class _Hub:
    """Per opened store (IncidentStore.feature_state): the windows' relays that want to hear of changes."""

    def __init__(self, store: IncidentStore):
        self.relays: list[StoreChanges] = []
        store.add_listener(self._changed)

    def _changed(self, session: Session, event) -> None:
        from sqlalchemy import event as sa_event

        record = event.after or event.before
        changed = session.info.get("ui.live_views")
        if changed is None:  # the first change in this transaction: one notice for all of them, at commit
            changed = session.info["ui.live_views"] = set()

            def committed(_session) -> None:
                for relay in list(self.relays):
                    relay.arrived.emit("\n".join(changed))

            sa_event.listen(session, "after_commit", committed, once=True)
        changed.add(record.id if record is not None else "")


class StoreChanges(QObject):
    """`changed(ids)`: the incidents that changed (a set of ids), on the GUI thread, after their commit."""

    arrived = Signal(str)  # from the database worker: the ids changed in one transaction, one a line
    changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pending: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS, timeout=self._flush)
        self._hub: _Hub | None = None  # set by attach(), on the database worker
        self.arrived.connect(self._collect)

    def attach(self, store: IncidentStore) -> None:
        """On the database worker (the open store)."""
        hub = store.feature_state("ui.live_views", lambda: _Hub(store))
        if self not in hub.relays:
            hub.relays.append(self)
        self._hub = hub

    def detach(self) -> None:
        hub = self._hub
        if hub is not None and self in hub.relays:
            hub.relays.remove(self)

    def _collect(self, ids: str) -> None:
        self._pending.update(ids.split("\n"))
        self._timer.start()

    def _flush(self) -> None:
        ids, self._pending = self._pending, set()
        self.changed.emit(ids)


def refresh_window(window: MainWindow, ids: set[str]) -> None:
    """Everything the window shows that a change may have made stale."""
    import shiboken6

    if not shiboken6.isValid(window):
        return
    window.incidents.refresh()
    window.refresh_count()
    window.reload_incident_views(ids)
    dashboard = window.dashboard
    if dashboard is not None and shiboken6.isValid(dashboard):
        dashboard.refresh()
    preservation = window.preservation_tab
    if preservation is not None and preservation.content is not None:
        preservation.content.refresh()
    queue = window.review_queue
    if queue is not None and shiboken6.isValid(queue):
        queue.refresh()


def install_ui(window: MainWindow) -> None:
    window.store_changes = relay = StoreChanges(window)
    relay.changed.connect(lambda ids: refresh_window(window, ids))
    handle = window.store_handle  # built before the first paint: the store is asked for on the worker
    window.runner.run(lambda: relay.attach(handle.store))
    window.destroyed.connect(lambda *_a: relay.detach())
