"""Starting the desktop app: the QApplication, the store (asking for a passphrase when needed), the window. The
order of the start and the store's opening behind the first window are startup.py's."""

from __future__ import annotations

import pathlib
import sys
from concurrent.futures import Future
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ...logging_setup import install_crash_handler, setup_logging
from ...security.session import Session
from ...storage.app_lock import AppLock
from ...storage.errors import StoreOpenError
from ..common.i18n import install_language
from ..common.tasks import TaskRunner
from ..security import sign_in
from ..security.security_feature import install_signed_in
from . import appearance
from .branding import APP_NAME, app_icon, window_title
from .main_window import MainWindow
from .startup import OpeningStore, OpenStore, StoreHandle

if TYPE_CHECKING:
    from ...domain.actor import Actor
    from ...storage.repository import IncidentStore

ASK_AGAIN = ("no_keyring", "needs_passphrase", "wrong_key", "weak_passphrase")


def _application(argv: list[str] | None) -> QApplication:
    QCoreApplication.setOrganizationName("Intake")
    QCoreApplication.setApplicationName(APP_NAME)
    # The one application of the process is a QApplication (the self-test's, the tests' or this one).
    app = cast(QApplication, QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1]))
    app.setWindowIcon(app_icon())
    return app


def open_with_prompts(data_dir: pathlib.Path, passphrase: str | None,
                      first_try: Future[IncidentStore] | None = None) -> IncidentStore | None:
    """Open the store; on a keyring or passphrase problem ask (and retry); None if the user gives up.
    `first_try`: an opening already under way (run() starts it on a worker thread); its outcome is the first."""
    from ...storage.opening import open_store

    while True:
        try:
            if first_try is not None:
                attempt, first_try = first_try, None
                return attempt.result()
            return open_store(data_dir, passphrase=passphrase)
        except StoreOpenError as exc:
            if exc.reason not in ASK_AGAIN:
                QMessageBox.critical(None, window_title("Cannot open the records"), str(exc))
                return None
            from ..security.passphrase_dialog import (
                PassphraseDialog,  # only when there is a passphrase to ask for
            )

            dialog = PassphraseDialog(exc.reason, str(exc), choose=exc.reason == "no_keyring")
            if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
                return None
            passphrase = dialog.passphrase.text()


def run(data_dir: pathlib.Path, passphrase: str | None = None, argv: list[str] | None = None,
        opening: OpeningStore | None = None) -> int:
    """`opening`: the store's opening, already started (the `intake` command starts it before importing Qt)."""
    data_dir = pathlib.Path(data_dir)
    opening = opening or OpeningStore(data_dir, passphrase)
    data_dir.mkdir(parents=True, exist_ok=True)
    hold = AppLock.for_app(data_dir)  # held while the app runs: `intake restore` refuses meanwhile
    try:
        return _start(data_dir, passphrase, argv, opening)
    finally:
        opening.close()  # the opening thread must never be left waiting
        if hold is not None:
            hold.release()


def _start(data_dir: pathlib.Path, passphrase: str | None, argv: list[str] | None, opening: OpeningStore) -> int:
    app = _application(argv)
    appearance.apply_saved(app)
    setup_logging(data_dir)
    running = [True]
    # The report is always written; the dialog only while the app runs. After the event loop has ended there
    # is no window to show it over nor a loop to close it with: a dialog then kept the process alive for ever.
    install_crash_handler(data_dir, lambda report: _crash_dialog(report) if running[0] else None)
    look = opening.look()
    # What the sign-in and the window hold: with a look, the opening itself, whose store they ask for only on
    # the database worker (startup.StoreHandle); without one, the store, opened here.
    handle: StoreHandle
    opened: IncidentStore | None = None  # the store opened here, closed here
    if look is None:
        install_language("", app)  # the system's language for the passphrase prompt; the station's once open
        opened = open_with_prompts(data_dir, passphrase, opening.opened)
        if opened is None:
            return 1
        handle, settings, has_users, page = OpenStore(opened), opened.settings(), None, None
    else:
        handle, settings, has_users, page = opening, look.settings, look.has_users, opening.first_page
    install_language(settings.language, app)

    runner = TaskRunner()  # one database worker from the sign-in on: the passphrase check runs there too
    failed: list[BaseException] = []
    if look is not None:  # first in the database worker's queue, so a failed opening is said before anything
        runner.run(opening.wait, on_error=lambda exc: _could_not_open(exc, failed))
    # nobody sees the records before signing in. The store opens in full while the person types.
    first_screen_shown = opening.first_screen_shown
    actor = sign_in.sign_in_or_first_run(handle, runner=runner, has_users=has_users, on_shown=first_screen_shown)
    if actor is None:
        runner.shutdown(wait=True)
        if opened is not None:
            opened.engine.dispose()
        return 1
    while True:
        window = MainWindow(handle, runner, data_dir=data_dir, settings=settings, first_page=page,
                            session=Session(actor))
        window.when_on_screen(first_screen_shown)  # again after a sign-in: both do nothing the second time
        install_signed_in(window)
        # Closing the window ends the event loop even when it was hidden behind the lock (another user
        # signing in there), which Qt's "last window closed" does not see.
        window.closed.connect(app.quit)
        window.show()
        window.offer_autosaves()
        code = app.exec()
        running[0] = False
        opening.window_closed()
        following = _next_user(window, handle) if not failed else None
        # A store opened here is closed here; the one the opening thread opened, by run() (opening.close()),
        # also when that opening failed after the window was shown.
        close_down(window, opened if following is None else None)
        if following is None:
            break
        store = handle.store  # open: a window has been used (a failed opening ends the app above)
        sign_out(store, actor.star)  # after close_down: the last autosave under this user's star is written
        actor, runner = following
        settings, page = store.settings(), None
        running[0] = True
    return 1 if failed else code


def _next_user(window: MainWindow, handle: StoreHandle) -> tuple[Actor, TaskRunner] | None:
    """After the window closed: (who uses the app next, a new task runner), or None when the app ends. Another
    user signed in on the lock screen (window.switch_to), or Sign out asks for the next sign-in."""
    nxt = window.switch_to
    if nxt is None and window.sign_in_next:
        window.runner.shutdown(wait=True)  # the signed-out user's last save is written before anyone signs in
        fresh = TaskRunner()
        nxt = sign_in.sign_in_or_first_run(handle, runner=fresh, has_users=True)
        if nxt is None:
            fresh.shutdown(wait=True)
            return None
        return nxt, fresh
    return (nxt, TaskRunner()) if nxt is not None else None


def sign_out(store: IncidentStore, star: str) -> None:
    from ...security.users import sign_out as forget

    forget(store, star)


def _crash_dialog(report: pathlib.Path) -> None:
    from .crash_dialog import show_crash_dialog

    show_crash_dialog(report)


def _could_not_open(exc: BaseException, failed: list[BaseException]) -> None:
    """The full opening failed after the first look had succeeded (a disk error, say): say so and end, by
    closing the windows (the sign-in dialog, or the main window and with it the event loop)."""
    failed.append(exc)
    QMessageBox.critical(None, window_title("Cannot open the records"), str(exc))
    QApplication.closeAllWindows()


def close_down(window: MainWindow, store: IncidentStore | None = None) -> None:
    """After the event loop: queued writes (a last autosave) finish, then the window is deleted while everything
    its `destroyed` handlers use still exists, then the store closes. Left to Python's exit, PySide deletes the
    remaining Qt objects in no fixed order: the idle lock could go before the window whose `destroyed` handler
    stops it, and that error's crash dialog kept the process from ending (start-up speed)."""
    window.runner.shutdown(wait=True)
    shiboken6.delete(window)
    if store is not None:
        store.engine.dispose()
