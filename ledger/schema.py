"""The ledger's tables, and the declarative base the shop's tables share.

Transactions and postings are append-only: the ORM refuses to update or
delete them (see ``_refuse_changes``), and the database itself has triggers
that refuse the same (created by the migrations).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    event,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    ORMExecuteState,
    Session,
    mapped_column,
    relationship,
)
from sqlalchemy.types import TypeDecorator

from ledger.errors import AppendOnlyViolation


class UtcDateTime(TypeDecorator):
    """A timezone-aware time, stored in UTC; naive times are refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("times must be timezone-aware")
        value = value.astimezone(UTC)
        # SQLite has no time zones: store UTC without an offset, read it back as UTC.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "ledger_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    may_go_negative: Mapped[bool] = mapped_column(Boolean)
    # Kept for fast look-up; always the sum of this account's postings (verify checks it).
    balance: Mapped[int] = mapped_column(BigInteger, default=0)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Transaction(Base):
    __tablename__ = "ledger_transaction"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    operator: Mapped[str] = mapped_column(String(64))
    approver: Mapped[str | None] = mapped_column(String(64))
    memo: Mapped[str] = mapped_column(Text, default="")
    reverses: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("ledger_transaction.seq"), unique=True
    )
    attrs: Mapped[str] = mapped_column(Text, default="{}")
    hash: Mapped[str] = mapped_column(String(64))

    postings: Mapped[list[Posting]] = relationship(
        order_by="Posting.line", lazy="selectin", viewonly=True
    )


class Posting(Base):
    __tablename__ = "ledger_posting"

    tx_seq: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("ledger_transaction.seq"), primary_key=True
    )
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("ledger_account.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)


class Head(Base):
    """One row: the newest transaction's number and hash, locked by every append."""

    __tablename__ = "ledger_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


_append_only: set = set()


def _refuse_changes(mapper, connection, target):
    raise AppendOnlyViolation(f"{mapper.class_.__name__} rows are never changed or deleted")


def append_only(*classes) -> None:
    """Make the ORM refuse to update or delete rows of ``classes``, one by one or in bulk."""
    for cls in classes:
        event.listen(cls, "before_update", _refuse_changes)
        event.listen(cls, "before_delete", _refuse_changes)
        _append_only.add(cls.__table__)


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state: ORMExecuteState):
    if not (state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if table in _append_only:
        raise AppendOnlyViolation(f"{table.name} rows are never changed or deleted")


append_only(Transaction, Posting)
