"""Starting the desktop app: the QApplication, the store (asking for a passphrase when needed), the window."""

from __future__ import annotations

import pathlib
import sys
from concurrent.futures import Future, ThreadPoolExecutor

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ..storage.opening import StoreOpenError, open_store
from . import appearance
from .branding import APP_NAME, app_icon, window_title
from .i18n import install_language
from .passphrase_dialog import PassphraseDialog

ASK_AGAIN = ("no_keyring", "needs_passphrase", "wrong_key", "weak_passphrase")


def _application(argv: list[str] | None) -> QApplication:
    QCoreApplication.setOrganizationName("Intake")
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setWindowIcon(app_icon())
    return app


def open_with_prompts(data_dir: pathlib.Path, passphrase: str | None, first_try: Future | None = None):
    """Open the store; on a keyring or passphrase problem ask (and retry); None if the user gives up.
    `first_try`: an opening already under way (run() starts it on a worker thread); its outcome is the first."""
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
            dialog = PassphraseDialog(exc.reason, str(exc), choose=exc.reason == "no_keyring")
            if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
                return None
            passphrase = dialog.passphrase.text()


def run(data_dir: pathlib.Path, passphrase: str | None = None, argv: list[str] | None = None) -> int:
    app = _application(argv)
    appearance.apply_saved(app)
    from ..logging_setup import install_crash_handler, setup_logging
    from .crash_dialog import show_crash_dialog

    setup_logging(pathlib.Path(data_dir))
    running = [True]
    # The report is always written; the dialog only while the app runs. After the event loop has ended there
    # is no window to show it over nor a loop to close it with: a dialog then kept the process alive for ever.
    install_crash_handler(pathlib.Path(data_dir), lambda report: show_crash_dialog(report) if running[0] else None)
    install_language("", app)  # the system's language for the passphrase prompt; the station's once it is open
    # Start-up speed (issue 8): the store opens on a worker thread (the key's derivation, the schema check, the
    # features' one-time checks) while this thread imports the window's modules. A problem is handled just as
    # before, here: the passphrase prompt, or the message.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="intake-open") as opener:
        opening = opener.submit(open_store, pathlib.Path(data_dir), passphrase=passphrase)
        from .main_window import MainWindow  # built after the translations are installed
        from .security_feature import install_signed_in
        from .sign_in import sign_in_or_first_run
        from .tasks import TaskRunner

        store = open_with_prompts(pathlib.Path(data_dir), passphrase, opening)
    if store is None:
        return 1
    install_language(store.settings().language, app)

    runner = TaskRunner()  # one database worker from the sign-in on: the passphrase check runs there too
    actor = sign_in_or_first_run(store, runner=runner)  # issue 6: nobody sees the records before signing in
    if actor is None:
        runner.shutdown(wait=True)
        store.engine.dispose()
        return 1
    window = MainWindow(store, runner, data_dir=pathlib.Path(data_dir))
    install_signed_in(window, actor)
    window.show()
    window.offer_autosaves()
    code = app.exec()
    running[0] = False
    close_down(window, store)
    return code


def close_down(window, store) -> None:
    """After the event loop: queued writes (a last autosave) finish, then the window is deleted while everything
    its `destroyed` handlers use still exists, then the store closes. Left to Python's exit, PySide deletes the
    remaining Qt objects in no fixed order: the idle lock could go before the window whose `destroyed` handler
    stops it, and that error's crash dialog kept the process from ending (issue 8)."""
    window.runner.shutdown(wait=True)
    shiboken6.delete(window)
    store.engine.dispose()
