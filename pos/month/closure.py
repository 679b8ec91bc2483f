"""The monthly closure (月结): a month's books summed, checked and sealed.

A supervisor closes the months in order, each once. A closure records the
first and last ledger transaction of the month, the month's totals, the
totals since the village began (which never reset), every household's
opening and closing balance, the donations and purchases of the month, the
previous closure's hash and the ledger's head. All of it is one canonical
JSON document (the encoding of ``ledger.canonical``) whose SHA-256 is the
closure's hash; the row is append-only.

Everything is recomputed from the ledger before a month is closed: the
month's totals must agree with the previous closure's cumulative totals plus
this month, with the sums of the postings, and with the kept balances. If
anything disagrees, the closure is refused and the refusal says where.

The public notice is printed from the closure alone, so printing it costs
the same in the village's first month as in its tenth year.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

import ledger
from ledger.book import now
from ledger.schema import Account, Posting, Transaction
from pos import messages
from pos.store.database import Database
from pos.errors import ShopError
from pos.periods import Month, last_closure
from pos.store.tables import (
    Card,
    Goods,
    Household,
    MonthClosure,
    RedemptionLine,
    Rule,
    StockIntake,
    StockMovement,
    VillagerGroup,
)
from pos.month.document import (
    GENESIS, ClosureView, Cumulative, GoodsLine, HouseholdLine, MonthTotals, ZoneLine, digest, document,
    encode, from_document, view_of,
)
from pos.service import Actor, caller, transaction
from pos.village import settings_in
from pos.vocabulary import CARD_PREFIX, DEDUCTED, EARNING_KINDS, ISSUE, RECOVERED, REDEEMED, Kind, Role, Source

log = logging.getLogger("pos")

HYGIENE_CATEGORY = "卫生检查"

# A progress callback gets (done, total, the catalogue key of what is being done).
Progress = Callable[[int, int, str], None]


def _quiet(_done: int, _total: int, _what: str) -> None:
    pass


# ---------------------------------------------------------------- computing a month


def _refuse(key: str, **params):
    raise ShopError(key, **params)


def _seq_range(session: Session, month: Month, previous: MonthClosure | None) -> tuple[int, int]:
    tx = Transaction.__table__.c
    head_seq, _ = ledger.head(session)
    if previous is not None:
        first = previous.last_seq + 1
    else:
        first = session.scalar(select(func.min(tx.seq)).where(tx.at >= month.start))
        first = head_seq + 1 if first is None else first
        earlier_late = session.scalar(
            select(func.min(tx.seq)).where(tx.seq >= first, tx.at < month.start))
        if earlier_late is not None:
            _refuse("closure_clock", seq=earlier_late, month=str(month))
    last = session.scalar(select(func.max(tx.seq)).where(tx.seq >= first, tx.at < month.end))
    last = first - 1 if last is None else last
    outside = session.scalar(select(func.min(tx.seq)).where(
        tx.seq >= first, tx.seq <= last, (tx.at < month.start) | (tx.at >= month.end)))
    if outside is not None:
        _refuse("closure_clock", seq=outside, month=str(month))
    stray = session.scalar(select(func.min(tx.seq)).where(tx.seq > last, tx.at < month.end))
    if stray is not None:
        _refuse("closure_clock", seq=stray, month=str(month))
    return first, last


def _sums_by_account(session: Session, lo: int | None, hi: int | None) -> dict[int, int]:
    p = Posting.__table__.c
    query = select(p.account_id, func.sum(p.amount)).group_by(p.account_id)
    if lo is not None:
        query = query.where(p.tx_seq >= lo)
    if hi is not None:
        query = query.where(p.tx_seq <= hi)
    return {account: int(total) for account, total in session.execute(query)}


def _brought_forward(session: Session, first: int, accounts: dict[int, str]) -> dict[str, int]:
    """Cumulative totals of everything before ``first`` (the village's first closure)."""
    p = Posting.__table__.c
    t = Transaction.__table__
    original = aliased(Transaction)
    issue_id = next(i for i, code in accounts.items() if code == ISSUE)
    rows = session.execute(
        select(t.c.kind, original.kind, func.sum(p.amount))
        .select_from(Posting.__table__.join(t, t.c.seq == p.tx_seq))
        .outerjoin(original, original.seq == t.c.reverses)
        .where(p.account_id == issue_id, p.tx_seq < first)
        .group_by(t.c.kind, original.kind)
    ).all()
    issued_cards = awarded = 0
    for kind, original_kind, total in rows:
        kind = original_kind if kind == Kind.REVERSAL and original_kind else kind
        if kind == Kind.CARD_ISSUE:
            issued_cards -= int(total)
        else:
            awarded -= int(total)
    return {"issued_cards": issued_cards, "awarded": awarded}


def _cards(session: Session) -> dict[str, tuple[int, int]]:
    """card number -> (household id, card id)."""
    return {number: (household, card_id)
            for number, household, card_id in session.execute(
                select(Card.number, Card.household_id, Card.id))}


def compute(session: Session, month: Month, closer: str, progress: Progress = _quiet) -> ClosureView:
    """The closure of ``month`` as it would be stored now; refuses what cannot be closed."""
    steps = 6
    village = settings_in(session)
    previous = last_closure(session)
    if previous is not None:
        done = Month.parse(previous.month)
        if month == done or session.scalar(select(MonthClosure.number).where(
                MonthClosure.month == str(month))) is not None:
            _refuse("closure_done", month=str(month))
        if month < done:
            _refuse("closure_order_past", month=str(month), last=previous.month)
        if month != done.next():
            _refuse("closure_order", month=str(month), first=str(done.next()))
    moment = now(session)
    if month.end > moment:
        _refuse("closure_not_ended", month=str(month))

    progress(0, steps, "progress_month_range")
    first, last = _seq_range(session, month, previous)
    head_seq, head_hash = ledger.head(session)
    if last >= 1:
        last_hash = session.scalar(select(Transaction.hash).where(Transaction.seq == last))
    else:
        last_hash = GENESIS

    progress(1, steps, "progress_verifying")
    report = ledger.verify(session)
    bad = [f for f in report.findings if f.seq is None or f.seq <= last]
    if bad:
        _refuse("closure_ledger_bad", seq=bad[0].seq or "-", detail=bad[0].detail)

    progress(2, steps, "progress_month_sums")
    accounts = {row.id: row.code for row in session.execute(select(Account.id, Account.code))}
    by_code = {code: account_id for account_id, code in accounts.items()}
    cards = _cards(session)
    rules = {code: category for code, category in session.execute(select(Rule.code, Rule.category))}
    hygiene_category = rules.get("W01", HYGIENE_CATEGORY)

    if previous is not None:
        prior = view_of(previous)
        opening = {h.household_id: h.closing for h in prior.households}
        c = prior.cumulative
        cumulative = {"issued_cards": c.issued_cards, "awarded": c.awarded, "redeemed": c.redeemed,
                      "deducted": c.deducted, "recovered": c.recovered, "outstanding": c.outstanding}
    else:
        before = _sums_by_account(session, None, first - 1)
        opening = defaultdict(int)
        for account_id, total in before.items():
            code = accounts[account_id]
            if code.startswith(CARD_PREFIX) and code[len(CARD_PREFIX):] in cards:
                opening[cards[code[len(CARD_PREFIX):]][0]] += total
        opening = dict(opening)
        cumulative = _brought_forward(session, first, accounts)
        cumulative.update(
            redeemed=before.get(by_code[REDEEMED], 0), deducted=before.get(by_code[DEDUCTED], 0),
            recovered=before.get(by_code[RECOVERED], 0), outstanding=sum(opening.values()))

    earned, deducted, redeemed, recovered = (defaultdict(int) for _ in range(4))
    by_category: dict[str, int] = defaultdict(int)
    reversed_: dict[str, int] = defaultdict(int)
    zones: dict[str, list[int]] = {}
    totals = defaultdict(int)
    touched: set[int] = set()
    redemption_points: dict[int, int] = {}
    reversed_redemptions: list[int] = []
    tx = Transaction.__table__.c
    p = Posting.__table__.c
    postings: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for seq, account_id, amount in session.execute(
            select(p.tx_seq, p.account_id, p.amount)
            .where(p.tx_seq >= first, p.tx_seq <= last).order_by(p.tx_seq, p.line)):
        postings[seq].append((accounts[account_id], amount))
    rows = session.execute(select(tx.seq, tx.kind, tx.attrs, tx.reverses)
                           .where(tx.seq >= first, tx.seq <= last).order_by(tx.seq)).all()
    kinds = {row.seq: row.kind for row in rows}
    for row in rows:
        legs = postings.get(row.seq, [])
        attrs = json.loads(row.attrs or "{}")
        kind = row.kind
        original = None
        if kind == Kind.REVERSAL:
            original = attrs.get("original_kind") or kinds.get(row.reverses)
            if original is None:
                original = session.scalar(select(Transaction.kind).where(Transaction.seq == row.reverses))
        for code, amount in legs:
            if not code.startswith(CARD_PREFIX):
                continue
            number = code[len(CARD_PREFIX):]
            if number not in cards:
                _refuse("closure_unknown_card", seq=row.seq, card=number)
            household = cards[number][0]
            touched.add(household)
            effective = original or kind
            if effective in EARNING_KINDS:
                earned[household] += amount
            elif effective == Kind.DEDUCTION:
                deducted[household] -= amount
            elif effective == Kind.REDEMPTION:
                redeemed[household] -= amount
            elif effective == Kind.CARD_RECOVERY:
                recovered[household] -= amount
            elif effective == Kind.CARD_REPLACE:
                pass  # from the lost card to the new one: the household's points stay
            else:
                _refuse("closure_unknown_kind", seq=row.seq, kind=kind)
        card_total = sum(amount for code, amount in legs if code.startswith(CARD_PREFIX))
        if kind == Kind.CARD_ISSUE:
            totals["issued_cards"] += card_total
        elif kind == Kind.AWARD:
            category = rules.get(str(attrs.get("rule", "")), attrs.get("rule_name") or "其他")
            by_category[category] += card_total
            totals["awarded"] += card_total
        elif kind == Kind.HYGIENE:
            by_category[hygiene_category] += card_total
            totals["awarded"] += card_total
        elif kind == Kind.DEDUCTION:
            totals["deducted"] -= card_total
        elif kind == Kind.REDEMPTION:
            totals["redeemed"] -= card_total
            totals["redemptions"] += 1
            redemption_points[row.seq] = -card_total
        elif kind == Kind.CARD_RECOVERY:
            totals["recovered"] -= card_total
        elif kind == Kind.REVERSAL:
            moved = abs(card_total)
            reversed_[original] += moved
            if original == Kind.REDEMPTION:
                reversed_redemptions.append(row.reverses)
    progress(3, steps, "progress_zones")
    line_points: dict[int, int] = defaultdict(int)
    zone_of_lines = select(RedemptionLine.tx_seq, Goods.zone, RedemptionLine.quantity,
                           RedemptionLine.unit_points).join(Goods, Goods.id == RedemptionLine.goods_id)
    for seq, zone, quantity, unit_points in session.execute(
            zone_of_lines.where(RedemptionLine.tx_seq >= first, RedemptionLine.tx_seq <= last)):
        entry = zones.setdefault(zone, [0, 0])
        entry[0] += quantity
        entry[1] += quantity * unit_points
        line_points[seq] += quantity * unit_points
    for seq, points in redemption_points.items():
        if line_points.get(seq, 0) != points:
            _refuse("closure_lines_mismatch", seq=seq, points=points, lines=line_points.get(seq, 0))
    if reversed_redemptions:
        for seq, zone, quantity, unit_points in session.execute(
                zone_of_lines.where(RedemptionLine.tx_seq.in_(reversed_redemptions))):
            entry = zones.setdefault(zone, [0, 0])
            entry[0] -= quantity
            entry[1] -= quantity * unit_points

    month_totals = MonthTotals(
        transactions=len(rows), issued_cards=totals["issued_cards"], awarded=totals["awarded"],
        awarded_by_category=tuple(sorted(by_category.items())), deducted=totals["deducted"],
        redeemed=totals["redeemed"], redemptions=totals["redemptions"],
        reversed=tuple(sorted(reversed_.items())), recovered=totals["recovered"],
        donations_fen=0, purchases_fen=0,
    )
    cumulative["issued_cards"] += month_totals.issued_cards - month_totals.reversed_of(Kind.CARD_ISSUE)
    cumulative["awarded"] += month_totals.net_awarded
    cumulative["redeemed"] += month_totals.net_redeemed
    cumulative["deducted"] += month_totals.net_deducted
    cumulative["recovered"] += month_totals.recovered
    cumulative["outstanding"] = (cumulative["issued_cards"] + cumulative["awarded"]
                                 - cumulative["redeemed"] - cumulative["deducted"]
                                 - cumulative["recovered"])

    progress(4, steps, "progress_balances")
    through_last = _sums_by_account(session, None, last)
    recomputed = {
        "ever_issued": -through_last.get(by_code[ISSUE], 0),
        "redeemed": through_last.get(by_code[REDEEMED], 0),
        "deducted": through_last.get(by_code[DEDUCTED], 0),
        "recovered": through_last.get(by_code[RECOVERED], 0),
        "outstanding": sum(total for account_id, total in through_last.items()
                           if accounts[account_id].startswith(CARD_PREFIX)),
    }
    expected = {"ever_issued": cumulative["issued_cards"] + cumulative["awarded"],
                **{k: cumulative[k] for k in ("redeemed", "deducted", "recovered", "outstanding")}}
    for name, value in expected.items():
        if recomputed[name] != value:
            _refuse("closure_mismatch", where=messages.Phrase(f"total_{name}"), expected=value, found=recomputed[name])
    kept = {row.id: row.balance for row in session.execute(select(Account.id, Account.balance))}
    everything = _sums_by_account(session, None, None)
    for account_id, balance in kept.items():
        if everything.get(account_id, 0) != balance:
            _refuse("closure_kept_mismatch", account=accounts[account_id], kept=balance,
                    found=everything.get(account_id, 0))

    household_closing: dict[int, int] = defaultdict(int)
    for account_id, total in through_last.items():
        code = accounts[account_id]
        if code.startswith(CARD_PREFIX) and code[len(CARD_PREFIX):] in cards:
            household_closing[cards[code[len(CARD_PREFIX):]][0]] += total

    progress(5, steps, "progress_households")
    info = {
        h.id: (h, group) for h, group in session.execute(
            select(Household, VillagerGroup.name).join(VillagerGroup, VillagerGroup.id == Household.group_id))
    }
    newest_card: dict[int, tuple[int, str]] = {}
    for number, (household, card_id) in cards.items():
        if card_id > newest_card.get(household, (0, ""))[0]:
            newest_card[household] = (card_id, number)
    card_opened = {code[len(CARD_PREFIX):]: opened for code, opened in session.execute(
        select(Account.code, Account.opened_at).where(Account.code.startswith(CARD_PREFIX)))}
    lines = []
    for household_id in sorted(set(opening) | touched | set(household_closing),
                               key=lambda h: (info[h][0].group_id, h)):
        household, group = info[household_id]
        start = opening.get(household_id, 0)
        close = household_closing.get(household_id, 0)
        line = HouseholdLine(
            household_id, group, household.head_name,
            _card_at(cards, card_opened, household_id, month.end) or newest_card[household_id][1],
            start, earned[household_id], deducted[household_id], redeemed[household_id],
            recovered[household_id], close)
        if start + line.earned - line.deducted - line.redeemed - line.recovered != close:
            _refuse("closure_household_mismatch", head=household.head_name, id=household_id,
                    expected=start + line.earned - line.deducted - line.redeemed - line.recovered,
                    found=close)
        if start or close or household_id in touched:
            lines.append(line)
    if sum(line.closing for line in lines) != recomputed["outstanding"]:
        _refuse("closure_mismatch", where=messages.Phrase("total_outstanding"),
                expected=sum(line.closing for line in lines), found=recomputed["outstanding"])

    deliveries = _deliveries(session, month)
    month_totals = replace(
        month_totals,
        donations_fen=sum(g.value_fen for g in deliveries if g.source == Source.DONATION),
        purchases_fen=sum(g.value_fen for g in deliveries if g.source == Source.PURCHASE))
    cum = Cumulative(cumulative["issued_cards"], cumulative["awarded"], cumulative["redeemed"],
                     cumulative["deducted"], cumulative["recovered"], cumulative["outstanding"],
                     cumulative["outstanding"] * village.point_value_fen)
    progress(steps, steps, "progress_done")
    return ClosureView(
        number=(previous.number + 1) if previous is not None else 1, month=str(month),
        village=village.name, shop=village.shop_name, period_start=month.start,
        period_end=month.end, first_seq=first, last_seq=last, last_hash=last_hash,
        head_seq=head_seq, head_hash=head_hash,
        prev_hash=previous.hash if previous is not None else GENESIS,
        closed_at=moment, closed_by=closer, point_value_fen=village.point_value_fen,
        totals=month_totals, cumulative=cum, households=tuple(lines),
        zones=tuple(ZoneLine(zone, q, points) for zone, (q, points) in _zone_order(zones)),
        deliveries=deliveries, brought_forward=previous is None and first > 1,
    )


def _card_at(cards, card_opened, household_id: int, end: datetime) -> str | None:
    """The household's newest card opened before the month's end."""
    best = None
    for number, (household, card_id) in cards.items():
        if household == household_id and card_opened.get(number) and card_opened[number] < end:
            if best is None or card_id > best[0]:
                best = (card_id, number)
    return best[1] if best else None


def _zone_order(zones: dict[str, list[int]]):
    from pos.goods import ZONES

    order = {zone: i for i, zone in enumerate(ZONES)}
    return sorted(((z, v) for z, v in zones.items() if v != [0, 0]),
                  key=lambda item: (order.get(item[0], len(order)), item[0]))


def _deliveries(session: Session, month: Month) -> tuple[GoodsLine, ...]:
    rows = session.execute(
        select(StockIntake, StockMovement.quantity, StockMovement.value_fen, Goods.name, Goods.unit)
        .join(StockMovement, StockMovement.intake_id == StockIntake.id)
        .join(Goods, Goods.id == StockMovement.goods_id)
        .where(StockIntake.received_on >= month.first_day, StockIntake.received_on <= month.last_day)
        .order_by(StockIntake.received_on, StockIntake.id, StockMovement.id)
    ).all()
    return tuple(
        GoodsLine(i.received_on, i.source, i.donor, i.donor_type, i.funding, name, quantity, unit,
                  value)
        for i, quantity, value, name, unit in rows
    )


# ---------------------------------------------------------------- services


def preview(db: Database, actor: Actor, month: str, progress: Progress = _quiet) -> ClosureView:
    """Every total of the month as it would be closed now, or the refusal saying why not."""
    with db.read() as session:
        user = caller(session, actor, Role.SUPERVISOR, Role.ADMIN)
        return compute(session, Month.parse(month), user.username, progress)


def close(db: Database, actor: Actor, month: str, progress: Progress = _quiet) -> ClosureView:
    """Close ``month`` (supervisor): recompute, check, hash and store it, in one transaction."""
    with transaction(db) as session:
        user = caller(session, actor, Role.SUPERVISOR)
        view = compute(session, Month.parse(month), user.username, progress)
        text = encode(document(view))
        digest_ = digest(text)
        session.add(MonthClosure(
            number=view.number, month=view.month, period_start=view.period_start,
            period_end=view.period_end, first_seq=view.first_seq, last_seq=view.last_seq,
            last_hash=view.last_hash, head_seq=view.head_seq, head_hash=view.head_hash,
            prev_hash=view.prev_hash, closed_at=view.closed_at, closed_by=view.closed_by,
            document=text, hash=digest_,
        ))
        session.flush()
        log.info("month %s closed as number %d by %s: #%d-#%d %s", view.month, view.number,
                 user.username, view.first_seq, view.last_seq, digest_[:12])
        return from_document(json.loads(text), digest_)


def closure_in(session: Session, month: str) -> ClosureView:
    row = session.scalar(select(MonthClosure).where(MonthClosure.month == str(Month.parse(month))))
    if row is None:
        raise ShopError("closure_missing", month=month)
    return view_of(row)


def get(db: Database, actor: Actor, month: str) -> ClosureView:
    with db.read() as session:
        caller(session, actor)
        return closure_in(session, month)


@dataclass(frozen=True)
class ClosureSummary:
    number: int
    month: str
    first_seq: int
    last_seq: int
    last_hash: str
    closed_at: datetime
    closed_by: str
    hash: str


def list_closures(db: Database, actor: Actor) -> list[ClosureSummary]:
    with db.read() as session:
        caller(session, actor)
        return [ClosureSummary(r.number, r.month, r.first_seq, r.last_seq, r.last_hash,
                               r.closed_at, r.closed_by, r.hash)
                for r in session.scalars(select(MonthClosure).order_by(MonthClosure.number))]


@dataclass(frozen=True)
class MonthState:
    """A month of the village's books, as the supervisor's screen lists them."""

    month: str  # "2026-10"
    title: str  # "2026年10月"
    closure: int | None  # its closure number, once closed
    ended: bool  # only an ended month can be closed
    next_to_close: bool  # the month a supervisor should close now


def months(db: Database, actor: Actor) -> list[MonthState]:
    """The months from the village's first transaction to the present one, newest first."""
    with db.read() as session:
        caller(session, actor)
        present = Month.of(now(session))
        first_at = session.scalar(select(func.min(Transaction.at)))
        first = min(Month.of(first_at), present) if first_at is not None else present
        closed = {row.month: row.number for row in session.execute(
            select(MonthClosure.month, MonthClosure.number))}
        previous = last_closure(session)
        previous = previous.month if previous is not None else None
    if previous is not None:
        due = Month.parse(previous).next()
    else:
        due = present.previous() if present.previous() >= first else None
    found, month = [], first
    while month <= present:
        found.append(MonthState(str(month), month.title, closed.get(str(month)), month < present,
                                month == due and month < present))
        month = month.next()
    return found[::-1]
