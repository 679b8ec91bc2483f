"""One service call: its unit of work, its caller, and who approved it.

Every service in ``pos`` runs inside ``transaction(db)``: it takes the
ledger's write lock before anything is read, so what it decides on (a
balance, a stock level, a card's state, a user's role) cannot change under
it until it commits, on PostgreSQL as on SQLite. It re-reads its caller with
``caller()`` and checks the role itself: a hidden button is not a check.

A refused password is recorded even though the rest of the call rolls back,
so guessing cannot hide inside refused operations: failed logins slow down
(a wait that doubles after the third failure) and then lock the account.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

import ledger
from ledger.book import now
from ledger.errors import LedgerError
from pos import messages, periods
from pos.errors import PermissionDenied, ShopError, from_ledger
from pos.store.database import Database
from pos.store.tables import LoginAttempt, User
from pos.vocabulary import Outcome, Purpose, Role

log = logging.getLogger("pos")

FREE_FAILURES = 3
LOCK_AFTER = 8


@dataclass(frozen=True)
class Actor:
    """Who is asking. Services trust only its id, and look the rest up again."""

    id: int
    username: str
    display_name: str
    role: Role


@dataclass(frozen=True)
class Approval:
    """A supervisor's name and password, typed at the moment of approval."""

    username: str
    password: str


class CredentialsRefused(ShopError):
    """A wrong password or a locked account; recorded after the transaction rolls back."""

    def __init__(self, key: str, username: str, purpose: Purpose, outcome: Outcome, **params):
        # A name that is no user's may be a password typed into the wrong field:
        # it is kept out of the login records, the message's parameters and the log.
        self.username = "" if outcome == Outcome.UNKNOWN else username
        self.purpose = purpose
        self.outcome = outcome
        if self.username:
            params["username"] = self.username
        super().__init__(key, **params)


@dataclass(frozen=True)
class Committed:
    """A service call whose transaction committed: the ledger entries it wrote (none when it
    changed only the shop's working state, such as a print job's status)."""

    first_seq: int | None
    last_seq: int | None
    thread: int = 0  # the thread that committed: the window's worker, its reader, its printer


# Every commit of this process, in order. What fails after a commit (a receipt, a file)
# must say what WAS saved: the command line and the window read this to tell it.
_commits: list[Committed] = []
_commits_lock = threading.Lock()


def commits_since(mark: int, *, thread: int | None = None) -> list[Committed]:
    """The commits after ``mark``, those of one thread only if ``thread`` is given (the window
    runs reads and the printer beside its writes)."""
    with _commits_lock:
        return [c for c in _commits[mark:] if thread is None or c.thread == thread]


def commit_mark() -> int:
    with _commits_lock:
        return len(_commits)


@contextmanager
def transaction(db: Database, *, on_record: bool = True) -> Iterator[Session]:
    """One service call's transaction, all or nothing, with the ledger's write lock taken
    first. Before it commits, nothing written may be dated into a closed month.
    ``on_record=False`` is for bookkeeping that is no operation of the shop (a login's
    record, a stored password hash renewed at login): it is not among the commits a later
    fault reports as saved."""
    try:
        with db.write() as session:
            before, _ = ledger.lock(session)
            yield session
            periods.check_new_transactions(session)
            after, _ = ledger.head(session)
        if on_record:
            with _commits_lock:
                _commits.append(Committed(before + 1, after, threading.get_ident()) if after > before
                                else Committed(None, None, threading.get_ident()))
    except CredentialsRefused as refused:
        with db.write() as session:
            _record_failure(session, refused)
        raise
    except LedgerError as refused:
        raise from_ledger(refused) from refused


def caller(session: Session, actor: Actor | None, *roles: Role) -> User:
    """The calling user, freshly read, if active and in one of ``roles``."""
    user = session.get(User, actor.id) if actor is not None else None
    if user is None or not user.active or user.locked or user.username != actor.username:
        raise PermissionDenied("not_logged_in")
    if roles and Role(user.role) not in roles:
        raise PermissionDenied("wrong_role", role=messages.OneOf(Role(r) for r in roles))
    return user


def known(session: Session, table, key: int, refusal: str):
    """The row ``key`` of ``table``; where there is none, the refusal ``refusal`` naming it."""
    row = session.get(table, key)
    if row is None:
        raise ShopError(refusal, id=key)
    return row


def _record_failure(session: Session, refused: CredentialsRefused) -> None:
    moment = now(session)
    session.add(LoginAttempt(username=refused.username, at=moment, purpose=refused.purpose,
                             outcome=refused.outcome))
    if refused.outcome != Outcome.WRONG:
        return
    user = session.scalar(select(User).where(User.username == refused.username))
    if user is None:
        return
    user.failed_logins += 1
    if user.failed_logins >= LOCK_AFTER:
        user.locked = True
        log.warning("user %s locked after %d failed attempts", user.username, user.failed_logins)
    elif user.failed_logins >= FREE_FAILURES:
        user.wait_until = moment + timedelta(seconds=2 ** (user.failed_logins - FREE_FAILURES + 1))
