"""Users, their passwords and logins, and the supervisor's approval (four-eyes).

Failed logins slow down and then lock the account until another user unlocks
it (``pos.service`` records every attempt); a supervisor approves with their
own password, never their own entry.

The village always keeps a supervisor. Making, unmaking, deactivating or
bringing back one needs another supervisor's approval, and the last active
one can be neither demoted nor deactivated. First secretaries rotate every two
or three years: at a handover the outgoing supervisor approves the incoming
one, and the incoming one approves the outgoing one's leaving. A village whose
supervisor left without a handover has a one-time recovery code, printed on its
setup sheet and kept sealed by the township: it makes one new supervisor, once,
is chained (as a digest only), flagged in the audit and printed on the notice.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ledger.book import now
from ledger.schema import Transaction
from pos import fields, messages, oversight, proof
from pos.errors import NeedsApproval, PermissionDenied, ShopError
from pos.service import Actor, Approval, CredentialsRefused, caller, transaction
from pos.store.database import Database
from pos.store.tables import LoginAttempt, User
from pos.vocabulary import Kind, Outcome, Purpose, Role, UserChange

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
    supervisor, or a reviewer (who passes claims), also needs an existing supervisor's approval."""
    approver = None
    if session.scalar(select(func.count()).select_from(User)):
        me = caller(session, actor, Role.ADMIN)
        if Role(role) in (Role.SUPERVISOR, Role.REVIEWER):
            approver = approve(session, actor, approval, "approving_supervisor_added" if Role(role) == Role.SUPERVISOR
                               else "approving_reviewer_added", username=username.strip())
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


def _new_user(session: Session, username: str, display_name: str, role: Role, password: str) -> User:
    """A user row, its name checked and free; the caller chains the fact of it."""
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
    return user


def _create(session: Session, operator: str, username: str, display_name: str, role: Role,
            password: str, approver: str | None) -> Actor:
    user = _new_user(session, username, display_name, role, password)
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


def sign(session: Session, user: User, password: str) -> None:
    """A supervisor's signature on what they are about to do (closing a month): their own
    password, typed again; a wrong one is a failed login like an approval's."""
    _check_password(session, user.username, password, Purpose.SIGNATURE)


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


def _facts(user: User) -> dict:
    return {"role": user.role, "active": user.active}


def _reviewer_change(session: Session, actor: Actor, user: User, before: dict,
                     approval: Approval | None) -> str | None:
    """The approver making a reviewer (or taking one back) needs: a reviewer passes claims, so an
    administrator who could make one alone could pass their own. Unmaking one needs nobody."""
    after = _facts(user)
    reviewer = after["active"] and after["role"] == Role.REVIEWER.value
    if not reviewer or (before["active"] and before["role"] == Role.REVIEWER.value):
        return None
    approver = approve(session, actor, approval, "approving_reviewer_made", username=user.username)
    if approver == user.username:
        raise PermissionDenied("self_approval")
    return approver


def _supervisor_change(session: Session, actor: Actor, user: User, before: dict,
                       approval: Approval | None) -> str | None:
    """The approver a change of ``user`` needs, if it makes, unmakes, deactivates or brings
    back a supervisor: another supervisor, never the one changed. The last active supervisor
    stays."""
    if not oversight.supervisor_changed(before, _facts(user)):
        return None
    if oversight.is_supervisor(before) and not session.scalar(
            select(func.count()).select_from(User).where(
                User.role == Role.SUPERVISOR.value, User.active, User.id != user.id)):
        raise PermissionDenied("last_supervisor", username=user.username)
    what = ("approving_supervisor_made" if before["role"] != Role.SUPERVISOR.value
            else "approving_supervisor_back" if oversight.is_supervisor(_facts(user))
            else "approving_supervisor_removed")
    approver = approve(session, actor, approval, what, username=user.username)
    if approver == user.username:
        raise PermissionDenied("self_approval")
    return approver


def set_role(db: Database, actor: Actor, username: str, role: Role,
             approval: Approval | None = None) -> UserView:
    """Change another user's role (administrator); making or unmaking a supervisor, or making
    a reviewer, needs a supervisor's approval, and the last active supervisor keeps the role."""
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN)
        user = _other(session, me, username)
        before = _facts(user)
        user.role = Role(role).value
        approver = (_supervisor_change(session, actor, user, before, approval)
                    or _reviewer_change(session, actor, user, before, approval))
        proof.user_fact(session, user, me.username, UserChange.ROLE, approver)
        return _view(user)


def deactivate(db: Database, actor: Actor, username: str, approval: Approval | None = None) -> UserView:
    """A user who left: they can no longer log in or approve. Their past entries stay. A
    supervisor is deactivated only with another supervisor's approval, never the last one."""
    return set_active(db, actor, username, False, approval)


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
    an operator awarding points to, or redeeming for, their own household. The link is a
    chained fact: the audit judges each entry by the link in force when it was made, and
    flags every change of it."""
    from pos.store.tables import Household

    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN)
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise ShopError("user_unknown", username=username)
        if household_id is not None and session.get(Household, household_id) is None:
            raise ShopError("household_unknown", id=household_id)
        if user.household_id == household_id:
            return
        user.household_id = household_id
        proof.user_fact(session, user, me.username, UserChange.HOUSEHOLD)


def create(db: Database, actor: Actor, username: str, display_name: str, role: Role,
           password: str, approval: Approval | None = None) -> UserView:
    """``add_user`` as one service call, for the window's user settings (a new supervisor
    needs another supervisor's approval)."""
    with transaction(db) as session:
        added = add_user(session, actor, username, display_name, role, password, approval)
        return UserView(added.username, added.display_name, added.role, True, False)


def set_active(db: Database, actor: Actor, username: str, active: bool,
               approval: Approval | None = None) -> UserView:
    """Deactivate a user who no longer works here, or take one back (never deleted: the
    ledger names them). Both are chained like every change of a user; a supervisor's need
    another supervisor's approval, and the last active supervisor stays."""
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN)
        user = _other(session, me, username)
        before = _facts(user)
        user.active = active
        approver = (_supervisor_change(session, actor, user, before, approval)
                    or _reviewer_change(session, actor, user, before, approval))
        proof.user_fact(session, user, me.username, UserChange.ACTIVE, approver)
        return _view(user)


def handover(db: Database, actor: Actor, outgoing: Approval, username: str, display_name: str,
             password: str) -> UserView:
    """A first secretary's handover, in one transaction: the outgoing supervisor approves the
    incoming one (a new user with their own ``password``, typed by them), and the incoming one,
    with that password, approves the outgoing one's leaving."""
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN)
        leaving = session.scalar(select(User).where(User.username == outgoing.username.strip()))
        if leaving is None or not oversight.is_supervisor(_facts(leaving)):
            raise PermissionDenied("approver_not_supervisor", username=outgoing.username)
        coming = add_user(session, actor, username, display_name, Role.SUPERVISOR, password, outgoing)
        if leaving.id == me.id:
            raise PermissionDenied("self_change")
        before = _facts(leaving)
        leaving.active = False
        approver = _supervisor_change(session, actor, leaving, before, Approval(coming.username, password))
        proof.user_fact(session, leaving, me.username, UserChange.ACTIVE, approver)
        return UserView(coming.username, coming.display_name, coming.role, True, False)


# A recovery code: 20 letters and digits a person can read aloud and type (no 0/O, 1/I/L),
# about 100 bits, in five groups of four.
_CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _new_code() -> str:
    raw = "".join(secrets.choice(_CODE_LETTERS) for _ in range(20))
    return "-".join(raw[i:i + 4] for i in range(0, 20, 4))


def issue_recovery_code(db: Database, actor: Actor, approval: Approval | None = None) -> str:
    """A new one-time recovery code for the setup sheet (shown once; the chain keeps only its
    digest, and any earlier code is void). A supervisor issues it, or an administrator with a
    supervisor's approval: whoever holds it can make a supervisor."""
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN, Role.SUPERVISOR)
        approver = None
        if Role(me.role) != Role.SUPERVISOR:
            approver = approve(session, actor, approval, "approving_recovery_code")
        code = _new_code()
        proof.recovery_fact(session, code, me.username, approver)
        log.warning("a new recovery code was issued by %s", me.username)
        return code


def _unspent_code(session: Session) -> str | None:
    """The digest of the recovery code in force, if it was issued and not yet spent."""
    digest = None
    for kind, attrs in session.execute(select(Transaction.kind, Transaction.attrs).where(
            Transaction.kind.in_([Kind.RECOVERY_CODE, Kind.USER])).order_by(Transaction.seq)):
        facts = json.loads(attrs or "{}")
        if kind == Kind.RECOVERY_CODE:
            digest = facts.get("digest")
        elif facts.get("change") == UserChange.RECOVERY:
            digest = None
    return digest


def recover_supervisor(db: Database, actor: Actor, code: str, username: str, display_name: str,
                       password: str) -> UserView:
    """A new supervisor made with the village's sealed recovery code, for a village whose
    supervisor left without a handover. The code works once; the new supervisor is chained
    with the code's digest, flagged in the audit and named on the next notice."""
    with transaction(db) as session:
        me = caller(session, actor, Role.ADMIN)
        digest = _unspent_code(session)
        if digest is None or proof.code_digest(code) != digest:
            raise PermissionDenied("recovery_code_wrong")
        user = _new_user(session, username, display_name, Role.SUPERVISOR, password)
        proof.user_fact(session, user, me.username, UserChange.RECOVERY, recovery=digest)
        log.warning("supervisor %s made with the recovery code by %s", user.username, me.username)
        return _view(user)
