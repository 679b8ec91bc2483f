"""The counter's questions, the same for the command line and the window.

A card number (scanned or typed) to the household it pays for, with the
refusal that says why not (misread, lost, taken back, moved away); a goods
code to the goods; goods by name or pinyin initials; a card's recent
transactions; the balance slip printed for a villager to take home.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

import ledger
from ledger.schema import Account, Posting, Transaction
from pos import codes, messages
from pos.cards import account, find as find_card, usable
from pos.claims import pending_deductions_in, pending_in
from pos.store.database import Database
from pos.errors import ShopError
from pos.goods import GoodsView, find as find_goods, view as goods_view
from pos.history import memo
from pos.households import HouseholdView, initials, view as household_view
from pos.station.settings import PrinterSettings
from pos.store.tables import Goods
from pos.service import Actor, caller
from pos.village import settings_in
from pos.vocabulary import LOCAL
from ledger.book import now

RECENT = 10
SLIP_WORDS = ("slip_",)  # the catalogue's words the balance slip prints


@dataclass(frozen=True)
class Recent:
    seq: int
    at: datetime
    kind: str
    memo: str  # what the entry says (``pos.history.memo``)
    points: int  # + earned, - spent


@dataclass(frozen=True)
class AtCounter:
    """A household at the counter: who, which card, how many points, and what is worth what."""

    household: HouseholdView
    card_number: str
    balance: int
    point_value_fen: int
    redemption_approval_above: int
    pending: int = 0  # accepted or posted claims, not yet credited: shown, never spendable
    pending_deducted: int = 0  # what accepted or posted deduction claims will take, once credited

    @property
    def spendable(self) -> int:
        """The balance less what pending deductions will take: those points are held back, so a
        household cannot spend, before its posting ends, what a deduction is about to take."""
        return self.balance - self.pending_deducted

    def yuan(self, points: int) -> str:
        fen = points * self.point_value_fen
        return f"￥{fen // 100}.{fen % 100:02d}"


def _at_counter(session, card_number: str) -> AtCounter:
    card, household = usable(session, card_number)
    village = settings_in(session)
    return AtCounter(household_view(session, household), card.number,
                     ledger.account_balance(session, account(card.number)),
                     village.point_value_fen, village.redemption_approval_above,
                     pending_in(session, household.id), pending_deductions_in(session, household.id))


def household_for_card(db: Database, actor: Actor, number: str) -> AtCounter:
    """The household a scanned or typed card pays for, or the refusal saying why not."""
    with db.read() as session:
        caller(session, actor)
        return _at_counter(session, number)


def household_at_counter(db: Database, actor: Actor, household_id: int) -> AtCounter:
    """A household found by name: its active card, or why it has none."""
    from pos.cards import household_card

    with db.read() as session:
        caller(session, actor)
        _, number = household_card(session, household_id)
        return _at_counter(session, number)


def is_card_number(text: str) -> bool:
    return codes.looks_like_card(codes.normalise(text))


def goods_for_code(db: Database, actor: Actor, code: str) -> GoodsView:
    """Goods by barcode or shop code; inactive goods are refused here, before the cart."""
    with db.read() as session:
        caller(session, actor)
        goods = find_goods(session, code)
        if not goods.active:
            raise ShopError("goods_inactive", name=goods.name)
        return goods_view(goods)


def goods_matching(db: Database, actor: Actor, text: str = "", zone: str | None = None) -> list[GoodsView]:
    """Active goods whose name contains ``text`` or whose pinyin initials start with it."""
    query = codes.normalise(text).lower()
    with db.read() as session:
        caller(session, actor)
        statement = select(Goods).where(Goods.active).order_by(Goods.zone, Goods.name)
        if zone:
            statement = statement.where(Goods.zone == zone)
        rows = [goods_view(g) for g in session.scalars(statement)]
    if not query:
        return rows
    return [g for g in rows
            if query in g.name.lower() or any(reading.startswith(query) for reading in initials(g.name).split()) or g.code.lower() == query]


def recent(db: Database, actor: Actor, card_number: str, limit: int = RECENT) -> list[Recent]:
    """The card's newest transactions, newest first."""
    with db.read() as session:
        caller(session, actor)
        card = find_card(session, card_number)
        return _recent(session, card.number, limit)


def _recent(session, number: str, limit: int) -> list[Recent]:
    account_id = session.scalar(select(Account.id).where(Account.code == account(number)))
    rows = session.execute(
        select(Transaction.seq, Transaction.at, Transaction.kind, Transaction.memo, Transaction.attrs, Posting.amount)
        .join(Posting, Posting.tx_seq == Transaction.seq)
        .where(Posting.account_id == account_id)
        .order_by(Posting.tx_seq.desc()).limit(limit)).all()
    return [Recent(seq, at, kind, memo(kind, written, json.loads(attrs or "{}")), amount)
            for seq, at, kind, written, attrs, amount in rows]


def balance_slip(db: Database, actor: Actor, card_number: str, printer: PrinterSettings, lang: str = "zh") -> int:
    """Print the card's balance and last transactions on the receipt printer, in ``lang``; the
    bytes sent."""
    from pos.receipts import printer as receipt_printer
    from printing import slip

    if not printer.configured:
        raise ShopError("printer_not_configured")
    with db.read() as session:
        caller(session, actor)
        here = _at_counter(session, card_number)
        village = settings_in(session)
        history = _recent(session, here.card_number, RECENT)
        moment = now(session)
    data = slip.SlipData(
        shop=village.shop_name, village=village.name, head=here.household.head_name,
        group=here.household.group, card=here.card_number, balance=here.balance,
        value_yuan=here.yuan(here.balance), time=moment.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M"),
        lines=tuple(slip.SlipLine(r.at.astimezone(LOCAL).strftime("%m-%d"), messages.kind(r.kind, lang), r.points)
                    for r in history),
        words=messages.templates(SLIP_WORDS, lang))
    return receipt_printer.balance_slip(printer, data)


