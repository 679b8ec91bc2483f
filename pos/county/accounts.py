"""The county database's users, its set-up, and the unit of work of a county service.

County users log in as village users do (argon2 hashes; ``--user`` or
``AIXIN_USER``/``AIXIN_PASSWORD`` on the command line). An administrator adds
users; any active county user imports, accepts keys, reports and spot-checks.
Failed logins count, and lock the account after ``LOCK_AFTER`` in a row, until
an administrator unlocks it; a lock is recorded even though the refused call
rolls back.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger.book import now
from pos import fields, rules
from pos.county import signing
from pos.county.schema import CountyRule, CountyUser, CountyVillage, Meta
from pos.county.vocabulary import CountyRole
from pos.errors import PermissionDenied, ShopError
from pos.store.database import Database

log = logging.getLogger("pos")

MIN_PASSWORD = 6
LOCK_AFTER = 8
_hasher = PasswordHasher()


@dataclass(frozen=True)
class CountyActor:
    id: int
    username: str
    display_name: str
    role: CountyRole


@dataclass(frozen=True)
class CountyInfo:
    name: str
    county_id: str
    algorithm: str
    public_key: str
    fingerprint: str
    late_days: int
    created_at: datetime
    key_here: bool  # this PC holds the county's signing key


class _Refused(ShopError):
    def __init__(self, key: str, username: str, **params):
        self.username = username
        super().__init__(key, **params)


@contextmanager
def work(db: Database) -> Iterator[Session]:
    """One county service call: all or nothing; a failed login is recorded afterwards."""
    try:
        with db.write() as session:
            yield session
    except _Refused as refused:
        with db.write() as session:
            user = session.scalar(select(CountyUser).where(CountyUser.username == refused.username))
            if user is not None:
                user.failed_logins += 1
                if user.failed_logins >= LOCK_AFTER:
                    user.locked = True
                    log.warning("county user %s locked after %d failed logins", user.username,
                                user.failed_logins)
        raise


def meta(session: Session) -> Meta:
    row = session.get(Meta, 1)
    if row is None:
        raise ShopError("county_not_set_up")
    return row


def info_in(session: Session) -> CountyInfo:
    row = meta(session)
    return CountyInfo(row.name, row.county_id, row.algorithm, row.public_key, row.fingerprint,
                      row.late_days, row.created_at, signing.county_key(row.county_id) is not None)


def info(db: Database) -> CountyInfo:
    with db.read() as session:
        return info_in(session)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ShopError("password_short", length=MIN_PASSWORD)
    return _hasher.hash(password)


def _add(session: Session, username: str, display_name: str, role: CountyRole, password: str) -> CountyUser:
    username = fields.text(username, "username", longest=64).strip()
    display_name = fields.text(display_name, "display_name", longest=64).strip()
    if not username:
        raise ShopError("username_missing")
    if session.scalar(select(CountyUser.id).where(CountyUser.username == username)) is not None:
        raise ShopError("username_taken", username=username)
    user = CountyUser(username=username, display_name=display_name or username, role=role.value,
                      password_hash=hash_password(password), active=True, failed_logins=0,
                      locked=False, created_at=now(session))
    session.add(user)
    session.flush()
    return user


def _actor(user: CountyUser) -> CountyActor:
    return CountyActor(user.id, user.username, user.display_name, CountyRole(user.role))


def initialise(db: Database, *, name: str, admin: str, admin_name: str, password: str,
               late_days: int = 15) -> CountyInfo:
    """Set up a new county database: its name, its signing key (made here, kept in this
    PC's data folder), the first administrator and the reference rules (the shop's
    defaults, until the county loads its own)."""
    name = fields.text(name, "county", longest=fields.SHORT).strip()
    if not name:
        raise ShopError("county_needs_name")
    with db.write() as session:
        if session.get(Meta, 1) is not None:
            raise ShopError("county_exists", name=session.get(Meta, 1).name)
        county_id = secrets.token_hex(8)
        key = signing.county_key(county_id, create=True)
        session.add(Meta(id=1, county_id=county_id, name=name, algorithm=key.algorithm,
                         public_key=key.public_hex, fingerprint=key.fingerprint,
                         late_days=late_days, created_at=now(session)))
        _add(session, admin, admin_name, CountyRole.ADMIN, password)
        for row in rules.default_rules():
            session.add(CountyRule(code=row["code"], category=row["category"], name=row["name"],
                                   points_min=int(row["points_min"]), points_max=int(row["points_max"]),
                                   deduction=row["deduction"] == "1", active=True))
    return info(db)


def login(db: Database, username: str, password: str) -> CountyActor:
    with work(db) as session:
        user = session.scalar(select(CountyUser).where(CountyUser.username == username.strip()))
        if user is None or not user.active:
            raise ShopError("login_wrong")
        if user.locked:  # answered as a wrong password is, so the answer tells nothing
            raise ShopError("login_wrong")
        try:
            _hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            raise _Refused("login_wrong", user.username) from None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_logins = 0
        return _actor(user)


def caller(session: Session, actor: CountyActor | None, *roles: CountyRole) -> CountyUser:
    user = session.get(CountyUser, actor.id) if actor is not None else None
    if user is None or not user.active or user.locked or user.username != actor.username:
        raise PermissionDenied("not_logged_in")
    if roles and CountyRole(user.role) not in roles:
        raise PermissionDenied("county_wrong_role")
    return user


def find_village(session: Session, text: str) -> CountyVillage:
    """A village the county holds, by its id (six hex digits or more of it) or its name."""
    wanted = text.strip().lower()
    found = session.scalars(select(CountyVillage).where(CountyVillage.id.startswith(wanted))).all() \
        if len(wanted) >= 6 else []
    if not found:
        found = session.scalars(select(CountyVillage).where(CountyVillage.name == text.strip())).all()
    if len(found) != 1:
        raise ShopError("county_village_unknown", village=text)
    return found[0]


@dataclass(frozen=True)
class CountyUserView:
    username: str
    display_name: str
    role: CountyRole
    active: bool
    locked: bool


def add_user(db: Database, actor: CountyActor, username: str, display_name: str, role: CountyRole,
             password: str) -> CountyUserView:
    with work(db) as session:
        caller(session, actor, CountyRole.ADMIN)
        user = _add(session, username, display_name, role, password)
        return CountyUserView(user.username, user.display_name, CountyRole(user.role), True, False)


def list_users(db: Database, actor: CountyActor) -> list[CountyUserView]:
    with db.read() as session:
        caller(session, actor)
        return [CountyUserView(u.username, u.display_name, CountyRole(u.role), u.active, u.locked)
                for u in session.scalars(select(CountyUser).order_by(CountyUser.id))]


def unlock(db: Database, actor: CountyActor, username: str) -> None:
    with work(db) as session:
        me = caller(session, actor, CountyRole.ADMIN)
        user = session.scalar(select(CountyUser).where(CountyUser.username == username.strip()))
        if user is None:
            raise ShopError("user_unknown", username=username)
        if user.id == me.id:
            raise PermissionDenied("self_unlock")
        user.locked, user.failed_logins = False, 0
