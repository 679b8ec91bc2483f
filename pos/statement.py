"""A household's own transactions in one month, for a villager who asks (PDF or slip)."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ledger.book import REVERSAL, now
from ledger.schema import Account, Posting, Transaction
from pos import messages
from pos.cards import find
from pos.history import memo
from pos.store.database import Database
from pos.errors import ShopError
from pos.periods import LOCAL, Month
from pos.store.tables import Card, Household, MonthClosure, RedemptionLine, VillagerGroup
from pos.service import Actor, caller, known
from pos.village import settings_in
from pos.vocabulary import Kind, card_account
from printing.statement import Statement, StatementLine

# The catalogue's words the statement prints (PDF or slip): its own, and the columns and the
# line it shares with the other papers.
WORDS = ("statement_", "paper_", "posting_points")


def statement_in(session: Session, card_number: str, month: Month, lang: str = "zh") -> Statement:
    card = find(session, card_number)
    household = session.get(Household, card.household_id)
    group = session.get(VillagerGroup, household.group_id).name
    village = settings_in(session)
    codes = [card_account(n) for n in session.scalars(select(Card.number).where(Card.household_id == household.id))]
    accounts = {i: c for i, c in session.execute(select(Account.id, Account.code).where(Account.code.in_(codes)))}
    closed = session.scalar(select(MonthClosure).where(MonthClosure.month == str(month)))
    t, p = Transaction.__table__.c, Posting.__table__.c
    if closed is not None:
        first, last = closed.first_seq, closed.last_seq
    else:
        first = session.scalar(select(func.min(t.seq)).where(t.at >= month.start))
        last = session.scalar(select(func.max(t.seq)).where(t.at < month.end))
        first = first if first is not None else (last or 0) + 1
        last = last if last is not None else first - 1
    opening = session.scalar(select(func.coalesce(func.sum(p.amount), 0))
                             .where(p.account_id.in_(list(accounts)), p.tx_seq < first))
    rows = session.execute(
        select(t.seq, t.at, t.kind, t.memo, t.attrs, t.reverses, func.sum(p.amount))
        .join(Posting.__table__, p.tx_seq == t.seq)
        .where(p.account_id.in_(list(accounts)), t.seq >= first, t.seq <= last)
        .group_by(t.seq, t.at, t.kind, t.memo, t.attrs, t.reverses).order_by(t.seq)).all()
    lines, balance = _lines(session, rows, int(opening), "%m-%d", lang)
    return Statement(
        village=village.name, shop=village.shop_name, month_title=month.title_in(lang),
        head=household.head_name, group=group, card=_current_card(session, household.id, card.number),
        opening=int(opening), lines=tuple(lines), closing=balance,
        printed=now(session).astimezone(LOCAL).strftime("%Y-%m-%d %H:%M"),
        closure=closed.number if closed is not None else None,
        last_hash=closed.last_hash[:16] if closed is not None else "", words=messages.templates(WORDS, lang),
    )


def history_in(session: Session, household_id: int, lang: str = "zh") -> Statement:
    """Every transaction of the household since its first card, on all the cards it ever had
    (a lost card's history stays with the household), with the balance after each."""
    household = known(session, Household, household_id, "household_unknown")
    group = session.get(VillagerGroup, household.group_id).name
    village = settings_in(session)
    codes = [card_account(n) for n in session.scalars(select(Card.number).where(Card.household_id == household.id))]
    accounts = list(session.scalars(select(Account.id).where(Account.code.in_(codes))))
    t, p = Transaction.__table__.c, Posting.__table__.c
    rows = session.execute(
        select(t.seq, t.at, t.kind, t.memo, t.attrs, t.reverses, func.sum(p.amount))
        .join(Posting.__table__, p.tx_seq == t.seq)
        .where(p.account_id.in_(accounts))
        .group_by(t.seq, t.at, t.kind, t.memo, t.attrs, t.reverses).order_by(t.seq)).all()
    lines, balance = _lines(session, rows, 0, "%Y-%m-%d", lang)
    return Statement(
        village=village.name, shop=village.shop_name, month_title=messages.text("statement_whole", lang),
        head=household.head_name, group=group, card=_current_card(session, household.id, "") or "-",
        opening=0, lines=tuple(lines), closing=balance,
        printed=now(session).astimezone(LOCAL).strftime("%Y-%m-%d %H:%M"), whole=True,
        words=messages.templates(WORDS, lang),
    )


def history(db: Database, actor: Actor, household_id: int, lang: str = "zh") -> Statement:
    """The household's whole history as a statement, for the A4 PDF of the households screen."""
    with db.read() as session:
        caller(session, actor)
        return history_in(session, household_id, lang)


def _lines(session: Session, rows, opening: int, date_format: str, lang: str) -> tuple[list[StatementLine], int]:
    """The statement's lines from (seq, at, kind, memo, attrs, reverses, change) rows in order, and the
    balance after the last."""
    goods = {}
    redemptions = [r.seq for r in rows if r.kind == Kind.REDEMPTION]
    if redemptions:
        for seq, name, quantity in session.execute(
                select(RedemptionLine.tx_seq, RedemptionLine.name, RedemptionLine.quantity)
                .where(RedemptionLine.tx_seq.in_(redemptions)).order_by(RedemptionLine.tx_seq, RedemptionLine.line)):
            goods.setdefault(seq, []).append(f"{name}×{quantity}")
    lines, balance = [], opening
    for seq, at, kind, written, attrs_text, reverses, amount in rows:
        amount = int(amount)
        if amount == 0:
            continue  # a lost card's points moving to the new card
        balance += amount
        attrs = json.loads(attrs_text or "{}")
        detail = _detail(kind, memo(kind, written, attrs), attrs, reverses, goods.get(seq))
        lines.append(StatementLine(at.astimezone(LOCAL).strftime(date_format), seq, messages.kind(kind, lang),
                                   messages.worded(detail, lang), amount, balance))
    return lines, balance


def _detail(kind: str, said: str, attrs: dict, reverses: int | None, goods: list[str] | None):
    """A line's detail: the goods redeemed, the rule and its note, what a reversal undid."""
    if kind == Kind.REDEMPTION:
        return messages.AllOf(goods) if goods else said
    if kind in (Kind.AWARD, Kind.DEDUCTION):
        rule = attrs.get("rule_name") or said
        return messages.Phrase("statement_note", rule=rule, note=attrs["note"]) if attrs.get("note") else rule
    if kind == REVERSAL:
        return messages.Phrase("statement_reversal", seq=reverses, reason=said)
    return said


def _current_card(session: Session, household_id: int, asked: str) -> str:
    newest = session.scalar(select(Card.number).where(Card.household_id == household_id)
                            .order_by(Card.id.desc()).limit(1))
    return newest or asked


def statement(db: Database, actor: Actor, card_number: str, month: str, lang: str = "zh") -> Statement:
    with db.read() as session:
        caller(session, actor)
        return statement_in(session, card_number, Month.parse(month), lang)


def print_slip(db: Database, actor: Actor, card_number: str, month: str, printer, lang: str = "zh") -> Statement:
    """The household's month on the receipt printer, for a villager who asks at the counter,
    its words in ``lang``.

    ``printer`` is the PC's ``PrinterSettings``; a printer fault is a refusal that names it.
    """
    from pos.receipts import printer as receipt_printer

    if printer is None or not printer.configured:
        raise ShopError("statement_no_printer")
    data = statement(db, actor, card_number, month, lang)
    receipt_printer.statement_slip(printer, data)
    return data
