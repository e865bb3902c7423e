"""No secret and no personal field value is readable in any file of the data folder: the database (and its
WAL), the logs, crash reports, settings and store-info files. Checked byte-wise on the files themselves."""

import logging
import sys

from intake_app.domain.enums import Status
from intake_app.domain.records import ReportingParty
from intake_app.domain.roles import REVIEWER, SUPERVISOR
from intake_app.logging_setup import install_crash_handler, setup_logging
from intake_app.security.review import approve, return_for_changes
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.storage.opening import open_store
from tests.factories import make_incident

NAME = "Zyxname Qwmarker"
PHONE = "773-555-8421"
ADDRESS = "1739 W Qwaddress Ct"
PASSPHRASE = "Pzq passphrase marker 99"


def all_bytes(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def leaks(folder, secrets: list[str]) -> list[tuple[str, str]]:
    found = []
    for name, data in all_bytes(folder).items():
        for secret in secrets:
            for form in {secret.encode("utf-8"), secret.encode("utf-16-le"), secret.replace("-", "").encode()}:
                if form in data:
                    found.append((name, secret))
    return found


def test_a_whole_review_story_leaves_no_personal_data_or_secret_in_clear(data_dir, memory_keyring):
    setup_logging(data_dir)
    previous_hook = sys.excepthook
    install_crash_handler(data_dir)
    store = open_store(data_dir)
    try:
        create_first_administrator(store, "1000", "Admin Alvarez", PASSPHRASE)
        admin = sign_in(store, "1000", PASSPHRASE)
        add_user(store, admin, "2231", "Sgt. Maria Test", SUPERVISOR, PASSPHRASE + "s")
        add_user(store, admin, "3100", "Lt. Ray Review", REVIEWER, PASSPHRASE + "r")
        sgt, lt = sign_in(store, "2231", PASSPHRASE + "s"), sign_in(store, "3100", PASSPHRASE + "r")
        inc = make_incident(reporting_party=ReportingParty(name=NAME, phone=PHONE, preferred_language="es",
                                                           address=ADDRESS))
        saved = store.save(inc, sgt)
        store.change_status(saved.id, Status.IN_REVIEW, sgt)
        return_for_changes(store, saved.id, lt, "Add the plate state")
        store.change_status(saved.id, Status.IN_REVIEW, sgt)
        approve(store, saved.id, lt)
        log = logging.getLogger("intake.test")
        log.info("saved %s for %s at %s, %s", saved.id, NAME, PHONE, ADDRESS)  # a careless caller
        log.warning(f"party {NAME!r} phone {PHONE} address {ADDRESS!r}")
        try:
            raise ValueError(f"cannot format {NAME!r} / {PHONE} / {ADDRESS!r}")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        secrets = [NAME, PHONE, ADDRESS, "Qwaddress", PASSPHRASE, PASSPHRASE + "s", PASSPHRASE + "r"]
        secrets += list(memory_keyring.items.values())  # the database key kept in the keyring
        assert list((data_dir / "logs").glob("crash-*.txt")), "the crash report was written"
        assert "saved" in (data_dir / "logs" / "intake.log").read_text()
        assert leaks(data_dir, secrets) == []  # checked while the store is open, so the -wal file counts
        assert leaks(data_dir, ["Add the plate state", "grocery store"]) == []  # record contents too
    finally:
        sys.excepthook = previous_hook
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "intake_log", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
        store.engine.dispose()


def test_the_crash_report_says_where_but_not_what(data_dir):
    from intake_app.logging_setup import write_crash_report

    def format_party(party_name):
        raise KeyError(party_name)

    try:
        format_party(NAME)
    except KeyError:
        path = write_crash_report(data_dir, *sys.exc_info())
    text = path.read_text()
    assert "format_party" in text and "KeyError" in text
    assert NAME not in text
