"""Stock: intake from donations and purchases, counts (盘点), write-offs.

Stock changes only by appending movements; ``goods.stock`` is kept equal to
their sum, like the ledger's kept balances.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm import Session

import ledger
from ledger.book import now
from pos import fields, messages, periods, proof
from pos.vocabulary import DONOR_TYPES, FUNDING
from pos.store.database import Database
from pos.errors import ShopError
from pos.goods import find
from pos.store.tables import Goods, StockCount, StockIntake, StockMovement
from pos.service import Actor, Approval, caller, transaction
from pos.vocabulary import Kind, Movement, Role, Source
from pos.users import approve


@dataclass(frozen=True)
class IntakeLine:
    code: str
    quantity: int
    value_fen: int | None = None  # the line's total value; default quantity x the item's value


@dataclass(frozen=True)
class IntakeResult:
    intake_id: int
    source: str
    donor: str
    lines: tuple[tuple[str, str, int, int], ...]  # (code, name, quantity, value_fen)

    @property
    def value_fen(self) -> int:
        return sum(line[3] for line in self.lines)


@dataclass(frozen=True)
class DonationEntry:
    intake_id: int
    received_on: date
    donor: str
    donor_type: str
    goods: str
    quantity: int
    unit: str
    value_fen: int


@dataclass(frozen=True)
class CountResult:
    count_id: int | None
    differences: tuple[tuple[str, str, int, int], ...]  # (code, name, expected, counted)
    approver: str | None


_goods = Goods.__table__
# Relative and conditional: the database adds to what it holds, never below zero.
_ADD_STOCK = (update(_goods)
              .where(_goods.c.id == bindparam("goods"), _goods.c.stock + bindparam("change") >= 0)
              .values(stock=_goods.c.stock + bindparam("change")))


def move(session: Session, goods: Goods, quantity: int, kind: Movement, operator: str, *,
         at: datetime, approver: str | None = None, tx_seq: int | None = None,
         intake_id: int | None = None, count_id: int | None = None, value_fen: int = 0,
         note: str = "") -> None:
    """Append one movement and keep the item's stock equal to the sum of its movements."""
    before = goods.stock
    changed = session.connection().execute(_ADD_STOCK, {"goods": goods.id, "change": quantity})
    if changed.rowcount != 1:
        session.refresh(goods, ["stock"])
        raise ShopError("stock_short", name=goods.name, stock=goods.stock, needed=-quantity)
    set_committed_value(goods, "stock", before + quantity)
    session.add(StockMovement(goods_id=goods.id, quantity=quantity, kind=kind, at=at,
                              operator=operator, approver=approver, tx_seq=tx_seq,
                              intake_id=intake_id, count_id=count_id, value_fen=value_fen,
                              note=note))


def intake(db: Database, actor: Actor, lines: Iterable[IntakeLine], *, source: Source,
           donor: str = "", donor_type: str = "", funding: str = "",
           received_on: date | None = None, note: str = "") -> IntakeResult:
    """Goods arrive: a donation (donor and type) or a purchase (funding source)."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        return intake_in(session, user, lines, source=source, donor=donor, donor_type=donor_type,
                         funding=funding, received_on=received_on, note=note)


def intake_in(session: Session, user, lines: Iterable[IntakeLine], *, source: Source,
              donor: str = "", donor_type: str = "", funding: str = "",
              received_on: date | None = None, note: str = "") -> IntakeResult:
    """``intake`` inside the caller's transaction, for a caller that has checked the role
    (a wish's gift is taken in by the supervisor recording its delivery)."""
    lines = list(lines)
    if not lines:
        raise ShopError("intake_empty")
    donor = fields.text(donor, "donor")
    note = fields.text(note, "note")
    fields.day(received_on)
    if source == Source.DONATION:
        if not donor.strip():
            raise ShopError("intake_needs_donor")
        if donor_type not in DONOR_TYPES:
            raise ShopError("intake_bad_donor_type", types=messages.AllOf(DONOR_TYPES))
    elif source == Source.PURCHASE:
        if funding not in FUNDING:
            raise ShopError("intake_bad_funding", funding=funding, known=messages.AllOf(FUNDING))
    else:
        raise ShopError("intake_bad_source", source=source)
    moment = now(session)
    periods.check_open(session, moment, "dated_intake")
    periods.check_dated(session, received_on, "dated_received")
    # The day it came is the village's day (Beijing), not the PC's zone or UTC's: at 07:30 on
    # the 1st it is the 1st, and the delivery belongs on that month's notice.
    received_on = received_on or periods.local_date(moment)
    record = StockIntake(at=moment, received_on=received_on, source=source,
                         donor=donor.strip(), donor_type=donor_type if source == Source.DONATION else "",
                         funding=funding if source == Source.PURCHASE else "", operator=user.username,
                         note=note)
    session.add(record)
    session.flush()
    found = []
    for line in lines:
        if not 0 < line.quantity <= fields.MAX_QUANTITY:
            raise ShopError("intake_bad_quantity", code=line.code, value=line.quantity,
                            low=1, high=fields.MAX_QUANTITY)
        goods = find(session, line.code)
        value = goods.value_fen * line.quantity if line.value_fen is None else line.value_fen
        if value < 0:
            raise ShopError("goods_bad_value", value=value)
        found.append((goods, line.quantity, value))
    seq = ledger.record(session, kind=Kind.STOCK_INTAKE, operator=user.username, attrs={
        "intake": record.id, "source": source, "donor": record.donor,
        "donor_type": record.donor_type, "funding": record.funding,
        "received_on": record.received_on.isoformat(),
        "items": proof.items_text((g.code, q, v) for g, q, v in found)}).seq
    done = []
    for goods, quantity, value in found:
        move(session, goods, quantity, Movement.INTAKE, user.username, at=moment, tx_seq=seq,
             intake_id=record.id, value_fen=value, note=note)
        done.append((goods.code, goods.name, quantity, value))
    session.flush()
    return IntakeResult(record.id, source, record.donor, tuple(done))


def donation_register(db: Database, actor: Actor, start: date | None = None,
                      end: date | None = None) -> list[DonationEntry]:
    """Donations received between ``start`` and ``end`` (inclusive): what the notice publishes."""
    with db.read() as session:
        caller(session, actor)
        statement = (
            select(StockIntake, StockMovement, Goods)
            .join(StockMovement, StockMovement.intake_id == StockIntake.id)
            .join(Goods, Goods.id == StockMovement.goods_id)
            .where(StockIntake.source == Source.DONATION)
            .order_by(StockIntake.received_on, StockIntake.id, StockMovement.id)
        )
        if start:
            statement = statement.where(StockIntake.received_on >= start)
        if end:
            statement = statement.where(StockIntake.received_on <= end)
        return [
            DonationEntry(i.id, i.received_on, i.donor, i.donor_type, g.name, m.quantity, g.unit,
                          m.value_fen)
            for i, m, g in session.execute(statement)
        ]


def count(db: Database, actor: Actor, counted: dict[str, int], reason: str,
          approval: Approval | None = None) -> CountResult:
    """Record a stock count; each difference becomes a write-off (or a find), approved by a supervisor."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        targets = {}
        for code, quantity in counted.items():
            if not 0 <= quantity <= fields.MAX_QUANTITY:
                raise ShopError("intake_bad_quantity", code=code, value=quantity,
                                low=0, high=fields.MAX_QUANTITY)
            targets[find(session, code).id] = quantity
        return _settle(session, user, actor, targets, reason, approval)


def write_off(db: Database, actor: Actor, code: str, quantity: int, reason: str,
              approval: Approval | None = None) -> CountResult:
    """Damaged or spoiled goods leave the stock, with a supervisor's approval."""
    if not 0 < quantity <= fields.MAX_QUANTITY:
        raise ShopError("intake_bad_quantity", code=code, value=quantity, low=1, high=fields.MAX_QUANTITY)
    reason = fields.text(reason, "reason")
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        goods = find(session, code)
        if quantity > goods.stock:
            raise ShopError("stock_short", name=goods.name, stock=goods.stock, needed=quantity)
        return _settle(session, user, actor, {goods.id: goods.stock - quantity}, reason, approval)


def _settle(session: Session, user, actor: Actor, targets: dict[int, int], reason: str,
            approval: Approval | None) -> CountResult:
    differences = [(goods, goods.stock, quantity)
                   for goods, quantity in ((session.get(Goods, i), q) for i, q in targets.items())
                   if quantity != goods.stock]
    if not differences:
        return CountResult(None, (), None)
    reason = fields.text(reason, "reason")
    if not reason:
        raise ShopError("count_needs_reason")
    approver = approve(session, actor, approval, "approving_count", count=len(differences))
    moment = now(session)
    periods.check_open(session, moment, "dated_count")
    record = StockCount(at=moment, operator=user.username, approver=approver, note=reason)
    session.add(record)
    session.flush()
    seq = ledger.record(session, kind=Kind.STOCK_COUNT, operator=user.username, approver=approver,
                        memo=reason, attrs={"count": record.id, "items": proof.items_text(
                            (g.code, a - e, g.value_fen * (a - e)) for g, e, a in differences)}).seq
    for goods, expected, actual in differences:
        move(session, goods, actual - expected, Movement.WRITEOFF, user.username, at=moment,
             approver=approver, count_id=record.id, tx_seq=seq,
             value_fen=goods.value_fen * (actual - expected), note=reason)
    return CountResult(record.id, tuple((g.code, g.name, e, a) for g, e, a in differences), approver)


def movements_sum(session: Session, goods_id: int) -> int:
    return session.scalar(select(func.coalesce(func.sum(StockMovement.quantity), 0))
                          .where(StockMovement.goods_id == goods_id))
