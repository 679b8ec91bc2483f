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
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

import ledger
from ledger import canonical
from ledger.book import now
from ledger.schema import Account, Posting, Transaction
from pos.database import Database
from pos.errors import ShopError
from pos.periods import Month, last_closure
from pos.tables import (
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
from pos.users import Actor, Role, caller, transaction
from pos.village import DEDUCTED, ISSUE, RECOVERED, REDEEMED, settings_in

log = logging.getLogger("pos")

VERSION = 1
GENESIS = canonical.GENESIS
QR_PREFIX = "AIXIN1"
HYGIENE_CATEGORY = "卫生检查"
EARNING_KINDS = {"card_issue", "award", "hygiene"}

Progress = Callable[[int, int, str], None]


def _quiet(_done: int, _total: int, _what: str) -> None:
    pass


@dataclass(frozen=True)
class HouseholdLine:
    """One household's month: closing = opening + earned - deducted - redeemed - recovered."""

    household_id: int
    group: str
    head: str
    card: str
    opening: int
    earned: int
    deducted: int
    redeemed: int
    recovered: int
    closing: int


@dataclass(frozen=True)
class GoodsLine:
    """A line of a delivery received in the month: a donation, or a purchase with its funds."""

    received_on: date
    source: str  # donation | purchase
    donor: str
    donor_type: str
    funding: str
    goods: str
    quantity: int
    unit: str
    value_fen: int


@dataclass(frozen=True)
class ZoneLine:
    zone: str
    quantity: int
    points: int


@dataclass(frozen=True)
class MonthTotals:
    """Points moved in the month. ``awarded``, ``deducted`` and ``redeemed`` are as entered;
    ``reversed`` says how much of each kind was undone by reversals in the month."""

    transactions: int
    issued_cards: int
    awarded: int
    awarded_by_category: tuple[tuple[str, int], ...]
    deducted: int
    redeemed: int
    redemptions: int
    reversed: tuple[tuple[str, int], ...]
    recovered: int
    donations_fen: int
    purchases_fen: int

    def reversed_of(self, *kinds: str) -> int:
        return sum(points for kind, points in self.reversed if kind in kinds)

    @property
    def net_issued(self) -> int:
        return self.issued_cards + self.awarded - self.reversed_of("card_issue", "award", "hygiene")

    @property
    def net_awarded(self) -> int:
        return self.awarded - self.reversed_of("award", "hygiene")

    @property
    def net_deducted(self) -> int:
        return self.deducted - self.reversed_of("deduction")

    @property
    def net_redeemed(self) -> int:
        return self.redeemed - self.reversed_of("redemption")


@dataclass(frozen=True)
class Cumulative:
    """Since the village began; never reset. ever_issued = redeemed + deducted + recovered
    + outstanding."""

    issued_cards: int
    awarded: int
    redeemed: int
    deducted: int
    recovered: int
    outstanding: int
    outstanding_fen: int

    @property
    def ever_issued(self) -> int:
        return self.issued_cards + self.awarded


@dataclass(frozen=True)
class ClosureView:
    number: int
    month: str
    village: str
    shop: str
    period_start: datetime
    period_end: datetime
    first_seq: int
    last_seq: int
    last_hash: str
    head_seq: int
    head_hash: str
    prev_hash: str
    closed_at: datetime
    closed_by: str
    point_value_fen: int
    totals: MonthTotals
    cumulative: Cumulative
    households: tuple[HouseholdLine, ...]
    zones: tuple[ZoneLine, ...]
    deliveries: tuple[GoodsLine, ...]
    hash: str | None = None  # None for a preview, not yet closed
    brought_forward: bool = False  # the village's first closure, with history before it
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def transactions(self) -> int:
        return self.last_seq - self.first_seq + 1

    @property
    def donations(self) -> tuple[GoodsLine, ...]:
        return tuple(line for line in self.deliveries if line.source == "donation")

    @property
    def purchases(self) -> tuple[GoodsLine, ...]:
        return tuple(line for line in self.deliveries if line.source == "purchase")

    @property
    def anchor(self) -> str:
        """``SEQ:HASH`` for ``aixin verify --anchor``."""
        return f"{self.last_seq}:{self.last_hash}"

    @property
    def qr_text(self) -> str:
        return qr_text(self.village, self.number, self.last_seq, self.last_hash)


def qr_text(village: str, number: int, last_seq: int, last_hash: str) -> str:
    return f"{QR_PREFIX}|{village}|{number}|{last_seq}|{last_hash}"


@dataclass(frozen=True)
class NoticeAnchor:
    village: str
    number: int
    last_seq: int
    last_hash: str


def parse_qr(text: str) -> NoticeAnchor:
    """The notice's QR text: ``AIXIN1|village|closure number|last seq|hash``."""
    parts = (text or "").strip().split("|")
    if len(parts) != 5 or parts[0] != QR_PREFIX:
        raise ShopError("notice_text_bad")
    _, village, number, seq, digest = parts
    digest = digest.lower()
    if (not number.isdigit() or not seq.isdigit() or len(digest) != 64
            or any(c not in "0123456789abcdef" for c in digest)):
        raise ShopError("notice_text_bad")
    return NoticeAnchor(village, int(number), int(seq), digest)


# ---------------------------------------------------------------- the document


def _time(at: datetime) -> str:
    return canonical.format_time(at)


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def document(view: ClosureView) -> dict:
    """The closure as the JSON object that is hashed (version 1)."""
    t, c = view.totals, view.cumulative
    return {
        "v": VERSION,
        "number": view.number,
        "month": view.month,
        "village": view.village,
        "shop": view.shop,
        "period": [_time(view.period_start), _time(view.period_end)],
        "first_seq": view.first_seq,
        "last_seq": view.last_seq,
        "last_hash": view.last_hash,
        "head_seq": view.head_seq,
        "head_hash": view.head_hash,
        "prev_hash": view.prev_hash,
        "closed_at": _time(view.closed_at),
        "closed_by": view.closed_by,
        "point_value_fen": view.point_value_fen,
        "brought_forward": int(view.brought_forward),
        "month_totals": {
            "transactions": t.transactions,
            "issued_cards": t.issued_cards,
            "awarded": t.awarded,
            "awarded_by_category": [list(pair) for pair in t.awarded_by_category],
            "deducted": t.deducted,
            "redeemed": t.redeemed,
            "redemptions": t.redemptions,
            "reversed": [list(pair) for pair in t.reversed],
            "recovered": t.recovered,
            "donations_fen": t.donations_fen,
            "purchases_fen": t.purchases_fen,
        },
        "cumulative": {
            "issued_cards": c.issued_cards,
            "awarded": c.awarded,
            "ever_issued": c.ever_issued,
            "redeemed": c.redeemed,
            "deducted": c.deducted,
            "recovered": c.recovered,
            "outstanding": c.outstanding,
            "outstanding_fen": c.outstanding_fen,
        },
        "households": [
            [h.household_id, h.group, h.head, h.card, h.opening, h.earned, h.deducted,
             h.redeemed, h.recovered, h.closing]
            for h in view.households
        ],
        "zones": [[z.zone, z.quantity, z.points] for z in view.zones],
        "deliveries": [
            [g.received_on.isoformat(), g.source, g.donor, g.donor_type, g.funding, g.goods,
             g.quantity, g.unit, g.value_fen]
            for g in view.deliveries
        ],
    }


def encode(doc: dict) -> str:
    return canonical.encode_attrs(doc)


def digest(text: str) -> str:
    return canonical.digest(text.encode("utf-8"))


def from_document(doc: dict, digest_: str | None) -> ClosureView:
    t, c = doc["month_totals"], doc["cumulative"]
    return ClosureView(
        number=doc["number"], month=doc["month"], village=doc["village"], shop=doc["shop"],
        period_start=_parse_time(doc["period"][0]), period_end=_parse_time(doc["period"][1]),
        first_seq=doc["first_seq"], last_seq=doc["last_seq"], last_hash=doc["last_hash"],
        head_seq=doc["head_seq"], head_hash=doc["head_hash"], prev_hash=doc["prev_hash"],
        closed_at=_parse_time(doc["closed_at"]), closed_by=doc["closed_by"],
        point_value_fen=doc["point_value_fen"],
        totals=MonthTotals(
            t["transactions"], t["issued_cards"], t["awarded"],
            tuple((k, v) for k, v in t["awarded_by_category"]), t["deducted"], t["redeemed"],
            t["redemptions"], tuple((k, v) for k, v in t["reversed"]), t["recovered"],
            t["donations_fen"], t["purchases_fen"],
        ),
        cumulative=Cumulative(c["issued_cards"], c["awarded"], c["redeemed"], c["deducted"],
                              c["recovered"], c["outstanding"], c["outstanding_fen"]),
        households=tuple(HouseholdLine(*row) for row in doc["households"]),
        zones=tuple(ZoneLine(*row) for row in doc["zones"]),
        deliveries=tuple(GoodsLine(date.fromisoformat(r[0]), *r[1:]) for r in doc["deliveries"]),
        hash=digest_, brought_forward=bool(doc.get("brought_forward", 0)),
    )


def view_of(row: MonthClosure) -> ClosureView:
    """A stored closure, after checking that its document still has its hash."""
    if digest(row.document) != row.hash:
        raise ShopError("closure_tampered", number=row.number, month=row.month)
    doc = json.loads(row.document)
    if (doc["number"], doc["month"], doc["last_seq"], doc["last_hash"], doc["prev_hash"]) != (
            row.number, row.month, row.last_seq, row.last_hash, row.prev_hash):
        raise ShopError("closure_tampered", number=row.number, month=row.month)
    return from_document(doc, row.hash)


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
        kind = original_kind if kind == ledger.book.REVERSAL and original_kind else kind
        if kind == "card_issue":
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

    progress(0, steps, "确定本月交易范围")
    first, last = _seq_range(session, month, previous)
    head_seq, head_hash = ledger.head(session)
    if last >= 1:
        last_hash = session.scalar(select(Transaction.hash).where(Transaction.seq == last))
    else:
        last_hash = GENESIS

    progress(1, steps, "校验整本台账")
    report = ledger.verify(session)
    bad = [f for f in report.findings if f.seq is None or f.seq <= last]
    if bad:
        _refuse("closure_ledger_bad", seq=bad[0].seq or "-", detail=bad[0].detail)

    progress(2, steps, "汇总本月交易")
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
            if code.startswith("card:") and code[5:] in cards:
                opening[cards[code[5:]][0]] += total
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
        if kind == ledger.book.REVERSAL:
            original = attrs.get("original_kind") or kinds.get(row.reverses)
            if original is None:
                original = session.scalar(select(Transaction.kind).where(Transaction.seq == row.reverses))
        for code, amount in legs:
            if not code.startswith("card:"):
                continue
            number = code[5:]
            if number not in cards:
                _refuse("closure_unknown_card", seq=row.seq, card=number)
            household = cards[number][0]
            touched.add(household)
            effective = original or kind
            if effective in EARNING_KINDS:
                earned[household] += amount
            elif effective == "deduction":
                deducted[household] -= amount
            elif effective == "redemption":
                redeemed[household] -= amount
            elif effective == "card_recovery":
                recovered[household] -= amount
            elif effective == "card_replace":
                pass  # from the lost card to the new one: the household's points stay
            else:
                _refuse("closure_unknown_kind", seq=row.seq, kind=kind)
        card_total = sum(amount for code, amount in legs if code.startswith("card:"))
        if kind == "card_issue":
            totals["issued_cards"] += card_total
        elif kind == "award":
            category = rules.get(str(attrs.get("rule", "")), attrs.get("rule_name") or "其他")
            by_category[category] += card_total
            totals["awarded"] += card_total
        elif kind == "hygiene":
            by_category[hygiene_category] += card_total
            totals["awarded"] += card_total
        elif kind == "deduction":
            totals["deducted"] -= card_total
        elif kind == "redemption":
            totals["redeemed"] -= card_total
            totals["redemptions"] += 1
            redemption_points[row.seq] = -card_total
        elif kind == "card_recovery":
            totals["recovered"] -= card_total
        elif kind == ledger.book.REVERSAL:
            moved = abs(card_total)
            reversed_[original] += moved
            if original == "redemption":
                reversed_redemptions.append(row.reverses)
    progress(3, steps, "按商品分区汇总兑换")
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
    cumulative["issued_cards"] += month_totals.issued_cards - month_totals.reversed_of("card_issue")
    cumulative["awarded"] += month_totals.net_awarded
    cumulative["redeemed"] += month_totals.net_redeemed
    cumulative["deducted"] += month_totals.net_deducted
    cumulative["recovered"] += month_totals.recovered
    cumulative["outstanding"] = (cumulative["issued_cards"] + cumulative["awarded"]
                                 - cumulative["redeemed"] - cumulative["deducted"]
                                 - cumulative["recovered"])

    progress(4, steps, "与台账余额核对")
    through_last = _sums_by_account(session, None, last)
    recomputed = {
        "ever_issued": -through_last.get(by_code[ISSUE], 0),
        "redeemed": through_last.get(by_code[REDEEMED], 0),
        "deducted": through_last.get(by_code[DEDUCTED], 0),
        "recovered": through_last.get(by_code[RECOVERED], 0),
        "outstanding": sum(total for account_id, total in through_last.items()
                           if accounts[account_id].startswith("card:")),
    }
    expected = {"ever_issued": cumulative["issued_cards"] + cumulative["awarded"],
                **{k: cumulative[k] for k in ("redeemed", "deducted", "recovered", "outstanding")}}
    for name, value in expected.items():
        if recomputed[name] != value:
            _refuse("closure_mismatch", where=TOTAL_NAMES[name], expected=value, found=recomputed[name])
    kept = {row.id: row.balance for row in session.execute(select(Account.id, Account.balance))}
    everything = _sums_by_account(session, None, None)
    for account_id, balance in kept.items():
        if everything.get(account_id, 0) != balance:
            _refuse("closure_kept_mismatch", account=accounts[account_id], kept=balance,
                    found=everything.get(account_id, 0))

    household_closing: dict[int, int] = defaultdict(int)
    for account_id, total in through_last.items():
        code = accounts[account_id]
        if code.startswith("card:") and code[5:] in cards:
            household_closing[cards[code[5:]][0]] += total

    progress(5, steps, "各户明细与捐赠")
    info = {
        h.id: (h, group) for h, group in session.execute(
            select(Household, VillagerGroup.name).join(VillagerGroup, VillagerGroup.id == Household.group_id))
    }
    newest_card: dict[int, tuple[int, str]] = {}
    for number, (household, card_id) in cards.items():
        if card_id > newest_card.get(household, (0, ""))[0]:
            newest_card[household] = (card_id, number)
    card_opened = {code[5:]: opened for code, opened in session.execute(
        select(Account.code, Account.opened_at).where(Account.code.like("card:%")))}
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
        _refuse("closure_mismatch", where=TOTAL_NAMES["outstanding"],
                expected=sum(line.closing for line in lines), found=recomputed["outstanding"])

    deliveries = _deliveries(session, month)
    month_totals = replace(
        month_totals,
        donations_fen=sum(g.value_fen for g in deliveries if g.source == "donation"),
        purchases_fen=sum(g.value_fen for g in deliveries if g.source == "purchase"))
    cum = Cumulative(cumulative["issued_cards"], cumulative["awarded"], cumulative["redeemed"],
                     cumulative["deducted"], cumulative["recovered"], cumulative["outstanding"],
                     cumulative["outstanding"] * village.point_value_fen)
    progress(steps, steps, "完成")
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


TOTAL_NAMES = {
    "ever_issued": "累计发放积分", "redeemed": "累计兑换积分", "deducted": "累计扣分",
    "recovered": "累计回收积分", "outstanding": "在册积分余额",
}


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


# ---------------------------------------------------------------- proving a notice


@dataclass(frozen=True)
class NoticeCheck:
    """What ``verify --notice`` found. ``ok`` only if the ledger still holds the printed head
    and the closure the notice was printed from is there, whole, in its chain."""

    anchor: NoticeAnchor
    report: ledger.verification.Report
    problems: tuple[tuple[str, dict], ...]  # (message key, params)

    @property
    def ok(self) -> bool:
        return self.report.anchor_seq is not None and not self.problems and not any(
            f.seq is None or f.seq <= self.anchor.last_seq for f in self.report.findings)


def check_notice(session: Session, text: str) -> NoticeCheck:
    anchor = parse_qr(text)
    report = ledger.verify(session, anchor=(anchor.last_seq, anchor.last_hash))
    problems: list[tuple[str, dict]] = []
    village = settings_in(session)
    if village.name != anchor.village:
        problems.append(("notice_other_village", {"village": anchor.village, "here": village.name}))
    if report.anchor_seq is None:
        problems.append(("notice_head_missing", {"seq": anchor.last_seq, "hash": anchor.last_hash[:16]}))
    rows = session.scalars(select(MonthClosure).where(MonthClosure.number <= anchor.number)
                           .order_by(MonthClosure.number)).all()
    prev = GENESIS
    found = None
    for row in rows:
        if digest(row.document) != row.hash:
            problems.append(("notice_closure_tampered", {"number": row.number}))
        if row.prev_hash != prev:
            problems.append(("notice_closure_chain", {"number": row.number}))
        prev = row.hash
        if row.number == anchor.number:
            found = row
    if found is None:
        problems.append(("notice_closure_missing", {"number": anchor.number}))
    elif (found.last_seq, found.last_hash) != (anchor.last_seq, anchor.last_hash):
        problems.append(("notice_closure_differs", {"number": anchor.number}))
    else:
        later = session.scalars(select(MonthClosure).where(MonthClosure.number > anchor.number)
                                .order_by(MonthClosure.number)).all()
        for row in later:
            if row.prev_hash != prev or digest(row.document) != row.hash:
                problems.append(("notice_closure_chain", {"number": row.number}))
            prev = row.hash
            if row.last_seq > report.head_seq:
                problems.append(("notice_tail_missing", {"number": row.number, "seq": row.last_seq,
                                                         "head": report.head_seq}))
    return NoticeCheck(anchor, report, tuple(problems))
