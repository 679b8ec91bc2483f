"""Redemption: a cart of goods for one card, paid in points and nothing else.

The points debit and the stock decrement commit in one transaction, or the
redemption is refused with a reason and nothing changes. A return is only
ever the reversal of a whole redemption, approved by a supervisor, and puts
the stock back. There is no operation that turns points into money. The
approval limit counts the day (``pos.oversight``): a cart split in two reaches
the approval the whole would have needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import ledger
from ledger import Leg
from ledger.schema import Account, Posting
from pos import oversight, periods
from pos.claims import pending_deductions_in
from pos.cards import account, usable
from pos.store.database import Database
from pos.errors import ShopError
from pos.goods import find
from pos.stock import move
from pos.store.tables import (
    Goods,
    Household,
    PrintJob,
    Redemption,
    RedemptionLine,
    User,
    VillagerGroup,
)
from pos.service import Actor, Approval, caller, transaction
from pos.users import approve
from pos.village import settings_in
from pos.vocabulary import REDEEMED, JobStatus, Kind, Movement, Role

MAX_QUANTITY = 99


@dataclass(frozen=True)
class CartItem:
    code: str
    quantity: int = 1


@dataclass(frozen=True)
class ReceiptLine:
    code: str
    name: str
    unit: str
    quantity: int
    unit_points: int

    @property
    def points(self) -> int:
        return self.quantity * self.unit_points


@dataclass(frozen=True)
class RedemptionResult:
    """Everything a receipt needs, as plain data."""

    seq: int
    hash: str
    at: datetime
    village: str
    shop: str
    card_number: str
    household_id: int
    head_name: str
    group: str
    lines: tuple[ReceiptLine, ...]
    total_points: int
    balance_before: int
    balance_after: int
    point_value_fen: int
    operator: str
    approver: str | None
    reversed_by: int | None = None
    repeated: bool = False  # the same token came again: this is the first sale, not a new one

    @property
    def value_fen(self) -> int:
        return self.total_points * self.point_value_fen

    @property
    def short_hash(self) -> str:
        return self.hash[:12]


def _cart(session: Session, items: Iterable[CartItem]) -> list[tuple[Goods, int]]:
    merged: dict[int, tuple[Goods, int]] = {}
    for item in items:
        if not isinstance(item.quantity, int) or not 0 < item.quantity <= MAX_QUANTITY:
            raise ShopError("cart_bad_quantity", code=item.code, value=item.quantity, high=MAX_QUANTITY)
        goods = find(session, item.code)
        if not goods.active:
            raise ShopError("goods_inactive", name=goods.name)
        previous = merged.get(goods.id, (goods, 0))[1]
        merged[goods.id] = (goods, previous + item.quantity)
    if not merged:
        raise ShopError("cart_empty")
    for goods, quantity in merged.values():
        if quantity > goods.stock:
            raise ShopError("stock_short", name=goods.name, stock=goods.stock, needed=quantity)
    return list(merged.values())


def redeem(db: Database, actor: Actor, card_number: str, items: Iterable[CartItem],
           approval: Approval | None = None, *, token: str | None = None) -> RedemptionResult:
    """``token``: one per confirm; a redemption already made with it is returned, not repeated."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        if token is not None:
            first = session.scalar(select(Redemption.tx_seq).where(Redemption.token == token))
            if first is not None:
                return replace(receipt_in(session, first), repeated=True)
        card, household = usable(session, card_number)
        cart = _cart(session, items)
        total = sum(goods.price_points * quantity for goods, quantity in cart)
        village = settings_in(session)
        approver = None
        already = oversight.unapproved_on(session, Kind.REDEMPTION, user.username, household.id,
                                          periods.today(session))
        if oversight.over_limit(already, total, village.redemption_approval_above):
            approver = approve(session, actor, approval, "approving_redemption_day" if already
                               else "approving_redemption", points=total, day=already + total)
        before = ledger.account_balance(session, account(card.number))
        held = pending_deductions_in(session, household.id)  # taken once their posting ends
        if total > before - held:
            if held:
                raise ShopError("insufficient_held", balance=before, held=held, available=before - held, needed=total)
            raise ShopError("insufficient", available=before, needed=total)
        posted = ledger.post(
            session, kind=Kind.REDEMPTION, operator=user.username, approver=approver,
            legs=[Leg(account(card.number), -total), Leg(REDEEMED, total)],
            attrs={"card": card.number, "household": household.id, "head": household.head_name,
                   "items": "; ".join(f"{g.code}×{q}={g.price_points * q}" for g, q in cart)},
        )
        moment = posted.at
        session.add(Redemption(tx_seq=posted.seq, card_number=card.number, household_id=household.id,
                               points=total, at=moment, reversed_by=None, token=token))
        session.flush()
        lines = []
        for line, (goods, quantity) in enumerate(cart, start=1):
            session.add(RedemptionLine(tx_seq=posted.seq, line=line, goods_id=goods.id,
                                       name=goods.name, quantity=quantity,
                                       unit_points=goods.price_points))
            move(session, goods, -quantity, Movement.REDEMPTION, user.username, at=moment,
                 approver=approver, tx_seq=posted.seq, value_fen=-goods.value_fen * quantity)
            lines.append(ReceiptLine(goods.code, goods.name, goods.unit, quantity, goods.price_points))
        # The receipt is owed from the moment the sale commits: its job commits with it.
        session.add(PrintJob(tx_seq=posted.seq, copy=0, status=JobStatus.PENDING, attempts=0, last_error="",
                             requested_by=user.username, created_at=moment, printed_at=None))
        session.flush()
        return RedemptionResult(
            posted.seq, posted.hash, posted.at, village.name, village.shop_name, card.number,
            household.id, household.head_name, session.get(VillagerGroup, household.group_id).name,
            tuple(lines), total, before, before - total, village.point_value_fen,
            user.display_name, approver,
        )


def receipt(db: Database, actor: Actor, seq: int) -> RedemptionResult:
    """A past redemption as receipt data (for a reprint), exactly as it was."""
    with db.read() as session:
        caller(session, actor)
        return receipt_in(session, seq)


def receipt_in(session: Session, seq: int) -> RedemptionResult:
    record = session.get(Redemption, seq)
    posted = ledger.transaction(session, seq)
    if record is None or posted is None:
        raise ShopError("redemption_unknown", seq=seq)
    household = session.get(Household, record.household_id)
    village = settings_in(session)
    card_account = account(record.card_number)
    # The balance before is the card's balance through the transaction before this one.
    before = _balance_before(session, card_account, seq)
    rows = session.execute(
        select(RedemptionLine, Goods).join(Goods, Goods.id == RedemptionLine.goods_id)
        .where(RedemptionLine.tx_seq == seq).order_by(RedemptionLine.line)).all()
    lines = tuple(ReceiptLine(g.code, r.name, g.unit, r.quantity, r.unit_points) for r, g in rows)
    operator = session.scalar(select(User.display_name).where(User.username == posted.operator))
    return RedemptionResult(
        seq, posted.hash, posted.at, village.name, village.shop_name, record.card_number,
        household.id, household.head_name, session.get(VillagerGroup, household.group_id).name,
        lines, record.points, before, before - record.points, village.point_value_fen,
        operator or posted.operator, posted.approver, record.reversed_by,
    )


def _balance_before(session: Session, code: str, seq: int) -> int:
    return session.scalar(
        select(func.coalesce(func.sum(Posting.amount), 0))
        .join(Account, Account.id == Posting.account_id)
        .where(Account.code == code, Posting.tx_seq < seq)
    )
