"""Writing to the ledger: open accounts, post transactions, record facts, reverse.

Every function takes the caller's session and works inside the caller's
database transaction; nothing here commits. Appends are serialised by locking
the single head row (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the
write transaction itself is exclusive because it starts with BEGIN IMMEDIATE).
A caller that decides on what it reads (a balance, a stock level, a card's
state) calls ``lock`` before reading it, so two writers cannot both decide on
the same old value.

Besides transactions that move points, the chain holds *records*: entries
with no postings whose hashed ``attrs`` carry a fact (an account opened, and
whatever facts the caller wants proven). Opening an account that may go below
zero records that, so ``verify`` proves every account's flag: no record, no
going below zero.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from ledger import canonical
from ledger.errors import (
    AlreadyReversed,
    InsufficientBalance,
    LedgerError,
    NotReversible,
    UnbalancedTransaction,
    UnknownAccount,
)
from ledger.schema import Account, Head, Posting, Transaction

log = logging.getLogger("ledger")

REVERSAL = "reversal"
ACCOUNT_OPEN = "account_open"

# Built once: constructing statements per call costs more than executing them.
_head = Head.__table__
_account = Account.__table__
_posting = Posting.__table__
_HEAD = select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)
_LOCK_HEAD = _HEAD.with_for_update()
_ACCOUNTS = select(
    _account.c.id, _account.c.code, _account.c.balance, _account.c.may_go_negative
).where(_account.c.code.in_(bindparam("codes", expanding=True)))
_INSERT_TX = insert(Transaction.__table__)
_INSERT_POSTING = insert(_posting)
_ADD_TO_BALANCE = (
    update(_account)
    .where(_account.c.id == bindparam("account"))
    .values(balance=_account.c.balance + bindparam("change"))
)
_MOVE_HEAD = update(_head).where(_head.c.id == 1).values(
    seq=bindparam("seq"), hash=bindparam("hash")
)


_compiled_cache: dict = {}


def _driver(conn, statement, names: tuple[str, ...], rows: list[tuple]):
    """Execute a prebuilt statement whose parameters and results are plain integers and
    strings, ``rows`` giving values for ``names``: compiled once per dialect, rows handed
    straight to the driver. This skips SQLAlchemy's per-row parameter processing, which
    costs more than the database's own work on a 300-posting transaction."""
    key = (conn.dialect.name, id(statement), names)
    cached = _compiled_cache.get(key)
    if cached is None:
        compiled = statement.compile(dialect=conn.dialect)
        # Literals in the statement (``id == 1``) are bound parameters with defaults.
        defaults = {k: v for k, v in compiled.params.items() if k not in names}
        order = compiled.positiontup
        if order is None:
            shape = None
        elif tuple(order) == names:
            shape = "as-is"
        else:
            shape = tuple((names.index(n), None) if n in names else (None, defaults[n]) for n in order)
        cached = _compiled_cache[key] = (compiled.string, shape, defaults)
    sql, shape, defaults = cached
    if shape is None:
        params = [{**defaults, **dict(zip(names, row, strict=True))} for row in rows]
    elif shape == "as-is":
        params = rows
    else:
        params = [tuple(row[i] if i is not None else v for i, v in shape) for row in rows]
    if len(params) == 1:
        return conn.exec_driver_sql(sql, params[0])
    return conn.exec_driver_sql(sql, params)


@dataclass(frozen=True)
class Leg:
    """One posting: ``amount`` points into (positive) or out of (negative) ``account``."""

    account: str
    amount: int


@dataclass(frozen=True)
class Posted:
    """A transaction as written: plain data, detached from any session."""

    seq: int
    at: datetime
    kind: str
    operator: str
    approver: str | None
    memo: str
    reverses: int | None
    legs: tuple[Leg, ...]
    hash: str
    attrs: Mapping[str, str | int] = field(default_factory=dict)

    @property
    def short_hash(self) -> str:
        return self.hash[:12]


def now(session: Session) -> datetime:
    """The session's clock (``session.info["clock"]``), else the system's, in UTC."""
    clock = session.info.get("clock")
    return clock() if clock is not None else datetime.now(UTC)


def lock(session: Session) -> tuple[int, str]:
    """Take the ledger's write lock (the head row) for the rest of the caller's
    transaction and return (seq, hash) of the head. Everything read after this
    is what the next append will be decided on: no other writer can change it."""
    row = _driver(session.connection(), _LOCK_HEAD, (), [()]).one()
    return row.seq, row.hash


def open_account(session: Session, code: str, name: str, *, may_go_negative: bool = False,
                 operator: str = "system") -> None:
    """Create an account with balance 0. Opening an existing code is an error.

    An account that may go below zero is recorded in the chain as such; every
    other account may not, so the chain proves the flag of every account."""
    lock(session)
    if session.scalar(select(Account.id).where(Account.code == code)) is not None:
        raise LedgerError(f"account {code} exists already")
    session.add(
        Account(
            code=code,
            name=name,
            may_go_negative=may_go_negative,
            balance=0,
            opened_at=now(session),
        )
    )
    session.flush()
    if may_go_negative:
        record(session, kind=ACCOUNT_OPEN, operator=operator,
               attrs={"account": code, "name": name, "may_go_negative": 1})


def account_balance(session: Session, code: str) -> int:
    balance = session.scalar(select(Account.balance).where(Account.code == code))
    if balance is None:
        raise UnknownAccount(code)
    return balance


def head(session: Session) -> tuple[int, str]:
    """(seq, hash) of the newest transaction; (0, GENESIS) for an empty ledger."""
    row = session.connection().execute(_HEAD).one()
    return row.seq, row.hash


def _check_legs(legs: Sequence[Leg]) -> None:
    if len(legs) < 2:
        raise LedgerError("a transaction needs at least two postings")
    for leg in legs:
        if not isinstance(leg.amount, int) or isinstance(leg.amount, bool):
            raise LedgerError(f"amount for {leg.account} is not a whole number of points")
        if leg.amount == 0 or abs(leg.amount) > canonical.MAX_AMOUNT:
            raise LedgerError(f"amount {leg.amount} for {leg.account} is out of range")
    total = sum(leg.amount for leg in legs)
    if total != 0:
        raise UnbalancedTransaction(total)


def post(
    session: Session,
    *,
    kind: str,
    operator: str,
    legs: Sequence[Leg],
    memo: str = "",
    approver: str | None = None,
    attrs: Mapping[str, str | int] | None = None,
    reverses: int | None = None,
) -> Posted:
    """Append one balanced transaction, or raise and write nothing of it."""
    legs = tuple(legs)
    _check_legs(legs)
    return _append(session, kind, operator, legs, memo, approver, attrs, reverses)


def record(
    session: Session,
    *,
    kind: str,
    operator: str,
    attrs: Mapping[str, str | int],
    memo: str = "",
    approver: str | None = None,
) -> Posted:
    """Append an entry that moves no points: its hashed ``attrs`` are the fact it proves."""
    return _append(session, kind, operator, (), memo, approver, attrs, None)


def _append(session, kind, operator, legs, memo, approver, attrs, reverses) -> Posted:
    if not kind or not operator:
        raise LedgerError("a transaction needs a kind and an operator")
    attrs = dict(attrs or {})
    conn = session.connection()
    current = _driver(conn, _LOCK_HEAD, (), [()]).one()
    codes = {leg.account for leg in legs}
    accounts = {row.code: row for row in conn.execute(_ACCOUNTS, {"codes": list(codes)})} if codes else {}
    for code in codes - accounts.keys():
        raise UnknownAccount(code)
    delta: dict[str, int] = {}
    for leg in legs:
        delta[leg.account] = delta.get(leg.account, 0) + leg.amount
    for code, change in delta.items():
        account = accounts[code]
        if not account.may_go_negative and account.balance + change < 0:
            raise InsufficientBalance(code, account.balance, -change)

    seq = current.seq + 1
    at = now(session)
    digest = canonical.digest(
        canonical.encode(
            prev=current.hash,
            seq=seq,
            at=at,
            kind=kind,
            operator=operator,
            approver=approver,
            memo=memo,
            reverses=reverses,
            attrs=attrs,
            postings=[(leg.account, leg.amount) for leg in legs],
        )
    )
    conn.execute(
        _INSERT_TX,
        {
            "seq": seq, "at": at, "kind": kind, "operator": operator, "approver": approver,
            "memo": memo, "reverses": reverses, "attrs": canonical.encode_attrs(attrs),
            "hash": digest,
        },
    )
    if legs:
        _driver(conn, _INSERT_POSTING, ("tx_seq", "line", "account_id", "amount"),
                [(seq, line, accounts[leg.account].id, leg.amount)
                 for line, leg in enumerate(legs, start=1)])
    changes = [(d, accounts[c].id) for c, d in delta.items() if d]
    if changes:
        _driver(conn, _ADD_TO_BALANCE, ("change", "account"), changes)
    _driver(conn, _MOVE_HEAD, ("seq", "hash"), [(seq, digest)])
    log.info("posted %s #%d by %s (%d postings) %s", kind, seq, operator, len(legs), digest[:12])
    return Posted(seq, at, kind, operator, approver, memo, reverses, legs, digest, attrs)


def transaction(session: Session, seq: int) -> Posted | None:
    """The transaction numbered ``seq`` as plain data, or None."""
    tx = session.get(Transaction, seq)
    if tx is None:
        return None
    codes = {
        row.id: row.code
        for row in session.execute(
            select(Account.id, Account.code).where(
                Account.id.in_({p.account_id for p in tx.postings})
            )
        )
    }
    legs = tuple(Leg(codes[p.account_id], p.amount) for p in tx.postings)
    return Posted(
        tx.seq, tx.at, tx.kind, tx.operator, tx.approver, tx.memo, tx.reverses, legs, tx.hash,
        json.loads(tx.attrs),
    )


def reversal_of(session: Session, seq: int) -> int | None:
    """The seq of the transaction that reversed ``seq``, if any."""
    return session.scalar(select(Transaction.seq).where(Transaction.reverses == seq))


def reverse(
    session: Session,
    seq: int,
    *,
    operator: str,
    reason: str,
    approver: str | None = None,
    attrs: Mapping[str, str | int] | None = None,
    redirect: Mapping[str, str] | None = None,
) -> Posted:
    """Post the mirror image of transaction ``seq``, naming it and the reason.

    ``redirect`` maps an account of the original to the account that takes its
    mirrored amount instead (an account closed since, and its successor).
    """
    original = transaction(session, seq)
    if original is None:
        raise NotReversible(seq, "no such transaction")
    if original.kind == REVERSAL:
        raise NotReversible(seq, "it is itself a reversal")
    if not original.legs:
        raise NotReversible(seq, "it moves no points")
    by = reversal_of(session, seq)
    if by is not None:
        raise AlreadyReversed(seq, by)
    if not reason.strip():
        raise NotReversible(seq, "a reversal needs a reason")
    moved = dict(redirect or {})
    legs = [Leg(moved.get(leg.account, leg.account), -leg.amount) for leg in original.legs]
    merged = {"original_kind": original.kind, **dict(attrs or {})}
    for old, new in sorted(moved.items()):
        if any(leg.account == old for leg in original.legs):
            merged[f"moved:{old}"] = new
    return post(
        session,
        kind=REVERSAL,
        operator=operator,
        approver=approver,
        legs=legs,
        memo=reason,
        attrs=merged,
        reverses=seq,
    )
