"""Users, their passwords and logins, and the supervisor's approval (four-eyes).

Failed logins slow down and then lock the account until another user unlocks
it (``pos.service`` records every attempt); a supervisor approves with their
own password, never their own entry.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ledger.book import now
from pos import fields, messages, proof
from pos.errors import NeedsApproval, PermissionDenied, ShopError
from pos.service import Actor, Approval, CredentialsRefused, caller, transaction
from pos.store.database import Database
from pos.store.tables import LoginAttempt, User
from pos.vocabulary import Outcome, Purpose, Role, UserChange

log = logging.getLogger("pos")

MIN_PASSWORD = 6
_hasher = PasswordHasher()


def random_salt() -> bytes:
    return os.urandom(16)


# Where password salts come from. The demo village swaps in a seeded source while it
# builds, so that its chain (which holds a digest of each stored password hash) is
# the same on every build.
salt: Callable[[], bytes] = random_salt


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ShopError("password_short", length=MIN_PASSWORD)
    return _hasher.hash(password, salt=salt())


def add_user(
    session: Session, actor: Actor | None, username: str, display_name: str, role: Role, password: str,
    approval: Approval | None = None,
) -> Actor:
    """Create a user. Only an administrator may, except for the very first user; a new
    supervisor also needs an existing supervisor's approval."""
    approver = None
    if session.scalar(select(func.count()).select_from(User)):
        me = caller(session, actor, Role.ADMIN)
        if Role(role) == Role.SUPERVISOR:
            approver = approve(session, actor, approval, "approving_supervisor_added",
                               username=username.strip())
        operator = me.username
    elif role != Role.ADMIN:
        raise ShopError("first_user_admin")
    else:
        operator = username.strip()
    return _create(session, operator, username, display_name, role, password, approver)


def first_supervisor(session: Session, username: str, display_name: str, password: str) -> Actor:
    """At first setup only: the village's first supervisor, with their own password typed
    there and then. Once any supervisor exists, a new one needs a supervisor's approval."""
    if session.scalar(select(User.id).where(User.role == Role.SUPERVISOR.value)) is not None:
        raise PermissionDenied("supervisor_exists")
    return _create(session, username.strip(), username, display_name, Role.SUPERVISOR, password, None)


def _create(session: Session, operator: str, username: str, display_name: str, role: Role,
            password: str, approver: str | None) -> Actor:
    username = fields.text(username, "username", longest=64)
    display_name = fields.text(display_name, "display_name", longest=64)
    if not username:
        raise ShopError("username_missing")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ShopError("username_taken", username=username)
    user = User(
        username=username, display_name=display_name.strip() or username, role=Role(role).value,
        password_hash=hash_password(password), active=True, failed_logins=0, locked=False,
        created_at=now(session),
    )
    session.add(user)
    session.flush()
    proof.user_fact(session, user, operator, UserChange.ADD, approver)
    log.info("user %s (%s) added by %s", username, role, operator)
    return _actor(user)


_STAND_IN: dict[int, str] = {}


def _stand_in() -> str:
    """A hash to check a password against when the name is no user's, made with the hasher's
    own cost so the refusal takes as long as for a real user."""
    key = id(_hasher)
    if key not in _STAND_IN:
        _STAND_IN[key] = _hasher.hash(os.urandom(16).hex())
    return _STAND_IN[key]


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, Role(user.role))


def _matches(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _check_password(session: Session, username: str, password: str, purpose: Purpose) -> User:
    """The user, if ``password`` is theirs and they may log in now. Every refusal reads the
    same and takes as long (a password is checked even for a name that is no user's), so
    nobody learns from the answer which names are users, or which are waiting or locked;
    the login records keep what really happened."""
    user = session.scalar(select(User).where(User.username == username))
    moment = now(session)
    right = _matches(user.password_hash if user is not None else _stand_in(), password)
    if user is None or not user.active:
        raise CredentialsRefused("login_wrong", username, purpose, Outcome.UNKNOWN)
    if user.locked:
        raise CredentialsRefused("login_wrong", username, purpose, Outcome.LOCKED)
    if user.wait_until is not None and moment < user.wait_until:
        raise CredentialsRefused("login_wrong", username, purpose, Outcome.WAITING)
    if not right:
        raise CredentialsRefused("login_wrong", username, purpose, Outcome.WRONG)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password, salt=salt())
        proof.user_fact(session, user, user.username, UserChange.PASSWORD)
    user.failed_logins = 0
    user.wait_until = None
    session.add(LoginAttempt(username=username, at=moment, purpose=purpose, outcome=Outcome.OK))
    return user


def login(db: Database, username: str, password: str) -> Actor:
    with transaction(db, on_record=False) as session:
        return _actor(_check_password(session, username.strip(), password, Purpose.LOGIN))


def approve(session: Session, actor: Actor, approval: Approval | None, what: str, **params) -> str:
    """Check a supervisor's approval for ``what`` (a catalogue key, ``approving_...``, with
    its ``params``); return the approver's username."""
    what = messages.Phrase(what, **params)
    if approval is None or not approval.username:
        raise NeedsApproval("needs_approval", what=what)
    if approval.username.strip() == actor.username:
        raise PermissionDenied("self_approval")
    approver = _check_password(session, approval.username.strip(), approval.password, Purpose.APPROVAL)
    if Role(approver.role) != Role.SUPERVISOR:
        raise PermissionDenied("approver_not_supervisor", username=approver.username)
    log.info("%s approved by %s: %s", actor.username, approver.username, what)
    return approver.username


def unlock(db: Database, actor: Actor, username: str) -> None:
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN, Role.SUPERVISOR)
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ShopError("user_unknown", username=username)
        if user.id == me.id:
            raise PermissionDenied("self_unlock")
        user.locked = False
        user.failed_logins = 0
        user.wait_until = None


def set_password(db: Database, actor: Actor, old: str, new: str) -> None:
    with transaction(db) as session:
        user = caller(session, actor)
        _check_password(session, user.username, old, Purpose.LOGIN)
        user.password_hash = hash_password(new)
        proof.user_fact(session, user, user.username, UserChange.PASSWORD)


def _other(session: Session, me: User, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise ShopError("user_unknown", username=username)
    if user.id == me.id:
        raise PermissionDenied("self_change")
    return user


def set_role(db: Database, actor: Actor, username: str, role: Role,
             approval: Approval | None = None) -> UserView:
    """Change another user's role (administrator); making a supervisor needs a supervisor's approval."""
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN)
        user = _other(session, me, username)
        approver = None
        if Role(role) == Role.SUPERVISOR and user.role != Role.SUPERVISOR.value:
            approver = approve(session, actor, approval, "approving_supervisor_made", username=user.username)
            if approver == user.username:
                raise PermissionDenied("self_approval")
        user.role = Role(role).value
        proof.user_fact(session, user, me.username, UserChange.ROLE, approver)
        return _view(user)


def deactivate(db: Database, actor: Actor, username: str) -> UserView:
    """A user who left: they can no longer log in or approve. Their past entries stay."""
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN)
        user = _other(session, me, username)
        user.active = False
        proof.user_fact(session, user, me.username, UserChange.ACTIVE)
        return _view(user)


def reset_password(db: Database, actor: Actor, username: str, new: str,
                   approval: Approval | None = None) -> UserView:
    """Give another user a new password (administrator). A supervisor's password is only
    reset with another supervisor's approval, or an administrator could approve as them."""
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN)
        user = _other(session, me, username)
        approver = None
        if user.role == Role.SUPERVISOR.value:
            approver = approve(session, actor, approval, "approving_supervisor_password",
                               username=user.username)
            if approver == user.username:
                raise PermissionDenied("self_approval")
        user.password_hash = hash_password(new)
        user.locked, user.failed_logins, user.wait_until = False, 0, None
        proof.user_fact(session, user, me.username, UserChange.PASSWORD, approver)
        return _view(user)


@dataclass(frozen=True)
class UserView:
    username: str
    display_name: str
    role: Role
    active: bool
    locked: bool
    household_id: int | None = None  # the user's own household (the audit flags work for it)
    household: str = ""  # its head and group, "张三（啊道）"; filled by ``list_users``


def _view(user: User) -> UserView:
    return UserView(user.username, user.display_name, Role(user.role), user.active, user.locked,
                    user.household_id)


def list_users(db: Database, actor: Actor) -> list[UserView]:
    from pos.store.tables import Household, VillagerGroup

    with db.read() as session:
        caller(session, actor)
        homes = {i: messages.Phrase("user_home", head=head, group=group) for i, head, group in session.execute(
            select(Household.id, Household.head_name, VillagerGroup.name)
            .join(VillagerGroup, VillagerGroup.id == Household.group_id)
            .where(Household.id.in_(select(User.household_id))))}
        return [replace(_view(u), household=homes.get(u.household_id, ""))
                for u in session.scalars(select(User).order_by(User.id))]


def link_household(db: Database, actor: Actor, username: str, household_id: int | None) -> None:
    """Record which household a user belongs to (None: none), so the audit can flag
    an operator awarding points to, or redeeming for, their own household."""
    from pos.store.tables import Household

    with transaction(db) as session:
        caller(session, actor, Role.ADMIN)
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ShopError("user_unknown", username=username)
        if household_id is not None and session.get(Household, household_id) is None:
            raise ShopError("household_unknown", id=household_id)
        user.household_id = household_id


def create(db: Database, actor: Actor, username: str, display_name: str, role: Role,
           password: str, approval: Approval | None = None) -> UserView:
    """``add_user`` as one service call, for the window's user settings (a new supervisor
    needs another supervisor's approval)."""
    with transaction(db) as session:
        added = add_user(session, actor, username, display_name, role, password, approval)
        return UserView(added.username, added.display_name, added.role, True, False)


def set_active(db: Database, actor: Actor, username: str, active: bool) -> UserView:
    """Deactivate a user who no longer works here, or take one back (never deleted: the
    ledger names them). Both are chained like every change of a user."""
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN)
        user = _other(session, me, username)
        user.active = active
        proof.user_fact(session, user, me.username, UserChange.ACTIVE)
        return _view(user)
