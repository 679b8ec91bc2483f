"""What happened, read back: a household's history, and the ledger filtered by date, kind
or operator, so a reversal can find its transaction number without the receipt."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session, aliased

from ledger.schema import Account, Posting, Transaction
from pos import fields, messages, proof
from pos.store.database import Database
from pos.errors import ShopError
from pos.store.tables import Card, Household
from pos.service import Actor, caller
from pos.vocabulary import CARD_PREFIX, LOCAL, Kind

LIMIT = 500

# What an entry written without a memo says, by its kind (see ``memo``).
_SAID = {Kind.CARD_ISSUE: "entry_card_issue", Kind.CARD_REPLACE: "entry_card_replace",
         Kind.CARD_RECOVERY: "entry_card_recovery"}


def memo(kind: str, written: str, attrs: dict) -> str:
    """What an entry says. Its memo if it has one: what a person typed (a note, a reason),
    or the words older versions wrote there. Otherwise the entry is worded from its kind and
    attrs, as a phrase (``messages.Phrase``: Chinese as a string, either language when shown)."""
    if written:
        return written
    if kind in (Kind.AWARD, Kind.DEDUCTION):
        return attrs.get("note") or attrs.get("rule_name", "")
    if kind == Kind.HYGIENE:
        return messages.Phrase("entry_hygiene", date=attrs.get("held_on", ""))
    if kind == Kind.REDEMPTION:
        return messages.Phrase("entry_redemption", count=len(proof.parse_items(attrs.get("items"))))
    if kind == Kind.CLAIM_CREDIT:
        return messages.Phrase("entry_claim_credit", posting=attrs.get("posting", ""),
                               count=len(proof.parse_claims(attrs.get("claims"))))
    if kind in _SAID:
        return messages.Phrase(_SAID[kind])
    return ""


@dataclass(frozen=True)
class Entry:
    """One ledger transaction as a person reads it."""

    seq: int
    at: datetime
    kind: str
    operator: str
    approver: str | None
    memo: str  # what the entry says (``memo``): its memo, or words from its kind and attrs
    points: int  # for a household: its change; in the ledger: the points moved
    reverses: int | None
    reversed_by: int | None


def _entries(session: Session, statement, points) -> list[Entry]:
    undo = aliased(Transaction)
    reversed_by = (select(undo.seq).where(undo.reverses == Transaction.seq)
                   .correlate(Transaction).scalar_subquery())
    rows = session.execute(statement.add_columns(points.label("points"), reversed_by.label("reversed_by"))).all()
    return [Entry(t.seq, t.at, t.kind, t.operator, t.approver, memo(t.kind, t.memo, json.loads(t.attrs or "{}")),
                  int(p or 0), t.reverses, r)
            for t, p, r in rows]


def household(db: Database, actor: Actor, household_id: int, limit: int = LIMIT) -> list[Entry]:
    """Every transaction that touched any card the household ever had, newest first."""
    with db.read() as session:
        caller(session, actor)
        if session.get(Household, household_id) is None:
            raise ShopError("household_unknown", id=household_id)
        accounts = select(Account.id).where(Account.code.in_(
            select(literal(CARD_PREFIX) + Card.number).where(Card.household_id == household_id)))
        change = func.sum(Posting.amount)
        statement = (select(Transaction).join(Posting, Posting.tx_seq == Transaction.seq)
                     .where(Posting.account_id.in_(accounts))
                     .group_by(Transaction.seq).order_by(Transaction.seq.desc()).limit(limit))
        return _entries(session, statement, change)


def ledger(db: Database, actor: Actor, *, start: date | None = None, end: date | None = None,
           kind: str | None = None, operator: str | None = None, limit: int = LIMIT) -> list[Entry]:
    """The ledger's transactions between two local dates (inclusive), of one kind, or
    entered by one operator; newest first."""
    fields.day(start)
    fields.day(end)
    with db.read() as session:
        caller(session, actor)
        moved = func.sum(Posting.amount).filter(Posting.amount > 0)
        statement = (select(Transaction).join(Posting, Posting.tx_seq == Transaction.seq)
                     .group_by(Transaction.seq).order_by(Transaction.seq.desc()).limit(limit))
        if start:
            statement = statement.where(Transaction.at >= _local_midnight(start))
        if end:
            statement = statement.where(Transaction.at < _local_midnight(end + timedelta(days=1)))
        if kind:
            statement = statement.where(Transaction.kind == kind)
        if operator:
            statement = statement.where(Transaction.operator == operator)
        return _entries(session, statement, moved)


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, LOCAL)
