"""Users of a station PC (review and station security): supervisor, reviewer, administrator; sign-in with star number and passphrase.

Passphrases are kept only as scrypt hashes (random salt, compared in constant time). Failed sign-ins are
counted per star in the store and slow the next try down exponentially, so restarting the app does not
reset the delay. Enforcement of roles on record changes is in `authorization.py`; it starts once the
first administrator exists (a fresh install and the store's own tests have no users).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from ..domain.actor import Actor
from ..domain.roles import ADMINISTRATOR, ROLES
from ..storage import user_tables  # noqa: F401  (declares the tables on Base)
from ..storage.repository import IncidentStore
from ..storage.user_tables import SignInFailureRow, UserRow
from . import user_keys
from .audit import record_action_in

MIN_PASSPHRASE = 10
FREE_FAILURES = 3  # typos happen; the delay starts after these
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(minutes=15)
_N, _R, _P = 2**14, 8, 1  # ~16 MiB and ~50 ms per try on this class of machine


class SignInError(PermissionError):
    """Wrong star or passphrase; deliberately does not say which."""


class SignInLocked(SignInError):
    def __init__(self, seconds: int):
        super().__init__(f"Too many failed sign-ins. Try again in {seconds} seconds.")
        self.seconds = seconds


@dataclass(frozen=True)
class User:
    star: str
    name: str
    role: str
    active: bool

    def actor(self) -> Actor:
        return Actor(self.name, self.star, self.role)


# Stars signed in on each open store: the store refuses changes by a star that is not signed in here,
# so an Actor object built by hand does not carry a user's rights.
def _signed_in(store: IncidentStore) -> set[str]:
    """The stars signed in to this opened store (in this process; nothing of it is stored)."""
    return store.feature_state("signed_in", set)


def hash_passphrase(passphrase: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(passphrase.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_passphrase(passphrase: str, stored: str) -> bool:
    _scheme, n, r, p, salt, digest = stored.split("$")
    mine = hashlib.scrypt(passphrase.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                          dklen=len(digest) // 2)
    return hmac.compare_digest(mine, bytes.fromhex(digest))


@functools.cache
def _dummy_hash() -> str:
    """Checked for an unknown star, so it costs the same time as a known one. Made on first need, not at import:
    it is a whole scrypt, which every start of the app and of the CLI paid before anyone signed in."""
    return hash_passphrase(secrets.token_hex(8))


def _user(row: UserRow) -> User:
    return User(row.star, row.name, row.role, bool(row.active))


def _check_new(star: str, name: str, role: str, passphrase: str) -> None:
    if not star.strip().isdigit():
        raise ValueError("star: a star number is digits only")
    if not name.strip():
        raise ValueError("name: the user's name is required")
    if role not in ROLES:
        raise ValueError(f"role: must be one of {', '.join(ROLES)}")
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(f"passphrase: at least {MIN_PASSPHRASE} characters")


def has_users(store: IncidentStore) -> bool:
    with store.reading() as session:
        return bool(session.scalar(select(func.count()).select_from(UserRow)))


def list_users(store: IncidentStore) -> list[User]:
    with store.reading() as session:
        return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.star))]


def find_user(store: IncidentStore, star: str) -> User | None:
    with store.reading() as session:
        row = session.get(UserRow, star.strip())
        return _user(row) if row else None


def create_first_administrator(store: IncidentStore, star: str, name: str, passphrase: str) -> User:
    """First run only: from now on every change needs a signed-in user with the right role."""
    _check_new(star, name, ADMINISTRATOR, passphrase)
    with store.transaction() as session:
        if session.scalar(select(func.count()).select_from(UserRow)):
            raise PermissionError("An administrator exists already; ask them to add you.")
        session.add(UserRow(star=star.strip(), name=name.strip(), role=ADMINISTRATOR,
                            pass_hash=hash_passphrase(passphrase), active=True, created_at=_now()))
        # Who manages users is a decision like any other: in the audit trail, attributed (no passphrase in it).
        record_action_in(session, None, "user_added", Actor(name.strip(), star.strip(), ADMINISTRATOR),
                         f"star {star.strip()} as {ADMINISTRATOR} (first user of the station)")
    return User(star.strip(), name.strip(), ADMINISTRATOR, True)


def _require_admin(store: IncidentStore, admin: Actor) -> None:
    user = find_user(store, admin.star)
    if user is None or not user.active or user.role != ADMINISTRATOR or not is_signed_in(store, admin.star):
        raise PermissionError("Only a signed-in administrator can manage users.")


def add_user(store: IncidentStore, admin: Actor, star: str, name: str, role: str, passphrase: str) -> User:
    _require_admin(store, admin)
    _check_new(star, name, role, passphrase)
    with store.transaction() as session:
        if session.get(UserRow, star.strip()) is not None:
            raise ValueError(f"star: a user with star {star.strip()} exists already")
        session.add(UserRow(star=star.strip(), name=name.strip(), role=role,
                            pass_hash=hash_passphrase(passphrase), active=True, created_at=_now()))
        record_action_in(session, None, "user_added", admin, f"star {star.strip()} as {role}")
    return User(star.strip(), name.strip(), role, True)


def set_active(store: IncidentStore, admin: Actor, star: str, active: bool) -> None:
    """Users are deactivated, never deleted: their name stays attached to what they did."""
    _require_admin(store, admin)
    if star == admin.star and not active:
        raise ValueError("You cannot deactivate yourself.")
    with store.transaction() as session:
        row = session.get(UserRow, star)
        if row is None:
            raise LookupError(f"No user with star {star}")
        row.active = active
        record_action_in(session, None, "user_enabled" if active else "user_disabled", admin, f"star {star}")
    if not active:
        sign_out(store, star)


def set_passphrase(store: IncidentStore, admin: Actor, star: str, passphrase: str) -> None:
    _require_admin(store, admin)
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(f"passphrase: at least {MIN_PASSPHRASE} characters")
    with store.transaction() as session:
        row = session.get(UserRow, star)
        if row is None:
            raise LookupError(f"No user with star {star}")
        row.pass_hash = hash_passphrase(passphrase)
        failures = session.get(SignInFailureRow, star)
        if failures is not None:
            session.delete(failures)
        record_action_in(session, None, "user_passphrase_reset", admin, f"star {star}")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _delay_after(failures: int) -> timedelta:
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(BASE_DELAY * 2 ** (failures - FREE_FAILURES), MAX_DELAY)


def check_passphrase(store: IncidentStore, star: str, passphrase: str, *, now: datetime | None = None) -> User:
    """The user, if the passphrase is right and no delay is running. Counts failures. Raises SignInError."""
    star = star.strip()
    moment = (now or datetime.now(UTC)).replace(tzinfo=None)
    dummy = _dummy_hash()  # before looking the star up: the first check costs the same for every star
    with store.transaction() as session:
        failures = session.get(SignInFailureRow, star)
        if failures is not None and failures.locked_until is not None and failures.locked_until > moment:
            raise SignInLocked(int((failures.locked_until - moment).total_seconds()) + 1)
        row = session.get(UserRow, star)
        ok = verify_passphrase(passphrase, row.pass_hash if row else dummy) and row is not None and row.active
        if ok and row is not None:
            if failures is not None:
                session.delete(failures)
            return _user(row)
        if failures is None:
            failures = SignInFailureRow(star=star, failures=0)
            session.add(failures)
        failures.failures += 1
        delay = _delay_after(failures.failures)
        failures.locked_until = moment + delay if delay else None
    if delay:
        raise SignInLocked(int(delay.total_seconds()))
    raise SignInError("Wrong star number or passphrase.")


def sign_in(store: IncidentStore, star: str, passphrase: str, *, now: datetime | None = None) -> Actor:
    user = check_passphrase(store, star, passphrase, now=now)
    user_keys.unlock(store, user.star, passphrase)
    _signed_in(store).add(user.star)
    return user.actor()


def sign_out(store: IncidentStore, star: str) -> None:
    user_keys.lock(store, star)
    _signed_in(store).discard(star)


def is_signed_in(store: IncidentStore, star: str) -> bool:
    return star in _signed_in(store)
