"""Reversal: a supervisor-approved entry that undoes an award, a deduction, a hygiene round
or a whole redemption. Nothing is ever edited or deleted; the reversal names what it
undoes, moves the points back through the household's card in use now, and puts a
redemption's goods back on the shelf. Issuing, replacing and recovering cards are undone
by other means."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

import ledger
from ledger.book import REVERSAL, now
from ledger.errors import InsufficientBalance
from pos import fields
from pos.cards import successors
from pos.errors import ShopError
from pos.service import Actor, Approval, caller, transaction
from pos.stock import move
from pos.store.database import Database
from pos.store.tables import Card, Goods, Household, Redemption, StockMovement
from pos.users import approve
from pos.vocabulary import REVERSIBLE, Kind, Movement, Role, card_of, kind_of


@dataclass(frozen=True)
class ReversalResult:
    seq: int
    original_seq: int
    original_kind: str
    reason: str
    approver: str
    restocked: tuple[tuple[str, int], ...]


def _short_of_points(session: Session, short: InsufficientBalance) -> ShopError:
    """A reversal that would take back more than a card holds, naming the household."""
    number = card_of(short.account)
    if number is None:
        return ShopError("insufficient", available=short.available, needed=short.needed)
    household = session.scalar(select(Household).join(Card, Card.household_id == Household.id)
                               .where(Card.number == number))
    return ShopError("reversal_short", head=household.head_name if household else "?", card=number,
                     available=short.available, needed=short.needed)


def reverse(db: Database, actor: Actor, seq: int, reason: str,
            approval: Approval | None = None) -> ReversalResult:
    """Undo an award, deduction, hygiene round or redemption by a reversal entry.

    Always needs a supervisor's approval. A redemption's goods go back on the shelf.
    """
    if not fields.text(reason, "reason"):
        raise ShopError("reversal_needs_reason")
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        original = ledger.transaction(session, seq)
        if original is None:
            raise ShopError("transaction_unknown", seq=seq)
        if original.kind == REVERSAL or original.kind not in REVERSIBLE:
            raise ShopError("transaction_not_reversible", seq=seq, kind=kind_of(original.kind))
        approver = approve(session, actor, approval, "approving_reversal", seq=seq)
        # Points go back to (or come from) the card the household uses now.
        redirect = successors(session, {leg.account for leg in original.legs})
        try:
            posted = ledger.reverse(session, seq, operator=user.username, approver=approver,
                                    reason=reason.strip(), redirect=redirect)
        except InsufficientBalance as short:
            raise _short_of_points(session, short) from None
        restocked = []
        if original.kind == Kind.REDEMPTION:
            record = session.get(Redemption, seq)
            record.reversed_by = posted.seq
            for movement in session.scalars(select(StockMovement).where(
                    StockMovement.tx_seq == seq, StockMovement.kind == Movement.REDEMPTION)):
                goods = session.get(Goods, movement.goods_id)
                move(session, goods, -movement.quantity, Movement.RETURN, user.username, at=now(session),
                     approver=approver, tx_seq=posted.seq, value_fen=-movement.value_fen,
                     note=reason.strip())
                restocked.append((goods.code, -movement.quantity))
        session.flush()
        return ReversalResult(posted.seq, seq, original.kind, reason.strip(), approver, tuple(restocked))
