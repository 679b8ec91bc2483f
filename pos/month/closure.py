"""The monthly closure (月结): a month's books summed, checked and sealed.

A supervisor closes the months in order, each once, from the month of the
ledger's first entry: no month of the village's history is ever skipped, so
every month appears on a notice. Closing is the supervisor's signature: their
own password is typed again, and a wrong one counts as a failed login. What
closing decides rests on this PC's clock, so a preview shows the clock beside
the newest transaction's time, and a month that ended less than a day ago, or
long after the newest transaction (a clock running ahead), is closed only when
the supervisor confirms it. A closure records the
first and last ledger transaction of the month, the month's totals, the
totals since the village began (which never reset), every household's
opening and closing balance, the donations and purchases of the month, the
previous closure's hash and the ledger's head. All of it is one canonical
JSON document (the encoding of ``ledger.canonical``) whose SHA-256 is the
closure's hash; the row is append-only.

Everything is recomputed from the ledger before a month is closed (the sums
in ``pos.month.tally``): the month's totals must agree with the previous
closure's cumulative totals plus this month, with the sums of the postings,
and with the kept balances. Every disagreement is found, not only the first,
each naming where: a preview shows them beside the totals, and closing is
refused with all of them.

The public notice is printed from the closure alone, so printing it costs
the same in the village's first month as in its tenth year.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import ledger
from ledger.book import now
from ledger.schema import Account, Transaction
from pos import messages
from pos.errors import Findings, NeedsConfirm, ShopError
from pos.month.document import (
    GENESIS, ClosureView, Cumulative, GoodsLine, HouseholdLine, ZoneLine, digest, document,
    encode, from_document, view_of,
)
from pos.month.tally import Books, Tally, carried, month_tally, read_books, start_of_month, sums_by_account
from pos.periods import LOCAL, Month, last_closure
from pos.service import Actor, caller, transaction
from pos.store.database import Database
from pos.store.tables import (
    Goods, Household, MonthClosure, RedemptionLine, StockIntake, StockMovement, VillagerGroup,
)
from pos.users import sign
from pos.village import settings_in, village_id
from pos.vocabulary import CARD_PREFIX, DEDUCTED, ISSUE, RECOVERED, REDEEMED, ZONES, Role, Source

log = logging.getLogger("pos")

# A progress callback gets (done, total, the catalogue key of what is being done).
Progress = Callable[[int, int, str], None]


def _quiet(_done: int, _total: int, _what: str) -> None:
    pass


# A month that ended less than this long ago (by this PC's clock) is closed only when confirmed.
RECENT = timedelta(days=1)
# ... and so is one that ended this long after the newest transaction: a clock running ahead
# would otherwise close months that have not ended, and lock the village out of them.
QUIET = timedelta(days=15)


# ---------------------------------------------------------------- computing a month


@dataclass(frozen=True)
class Preview:
    """A month as it would be closed now, and every disagreement that keeps it from closing.

    Each finding is a ``ShopError`` naming where: the transaction, the account, the household
    or the total. A month closes only with none."""

    view: ClosureView
    findings: tuple[ShopError, ...] = ()
    now: datetime | None = None  # this PC's time, as the closure would be dated
    newest_at: datetime | None = None  # the newest transaction's time (None: no transaction)
    ended_recently: bool = False  # the month ended less than a day ago by this PC's clock
    beyond_newest: bool = False  # the month ended long after the newest transaction

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def needs_confirm(self) -> bool:
        """Closing asks the supervisor to confirm this PC's date and time first."""
        return self.ended_recently or self.beyond_newest

    def confirm_refusal(self) -> NeedsConfirm:
        """What closing says when it needs the supervisor's confirmation."""
        at = self.now.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")
        newest = (self.newest_at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M") if self.newest_at is not None
                  else messages.Phrase("closure_no_transaction"))
        return NeedsConfirm("closure_recent" if self.ended_recently else "closure_beyond",
                            month=self.view.month, now=at, newest=newest,
                            end=self.view.period_end.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M"))


def first_month(session: Session) -> Month | None:
    """The month of the ledger's first entry: the first month to close."""
    first_at = session.scalar(select(Transaction.at).where(Transaction.seq == 1))
    return Month.of(first_at) if first_at is not None else None


def _check_order(session: Session, month: Month, previous: MonthClosure | None) -> datetime:
    """Refuse a month that cannot be closed at all now; the moment of closing."""
    if previous is not None:
        done = Month.parse(previous.month)
        if month == done or session.scalar(select(MonthClosure.number).where(
                MonthClosure.month == str(month))) is not None:
            raise ShopError("closure_done", month=str(month))
        if month < done:
            raise ShopError("closure_order_past", month=str(month), last=previous.month)
        if month != done.next():
            raise ShopError("closure_order", month=str(month), first=str(done.next()))
    else:
        first = first_month(session)
        if first is not None and month != first:
            raise ShopError("closure_order", month=str(month), first=str(first))
    moment = now(session)
    if month.end > moment:
        raise ShopError("closure_not_ended", month=str(month))
    return moment


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
            raise ShopError("closure_clock", seq=earlier_late, month=str(month))
    last = session.scalar(select(func.max(tx.seq)).where(tx.seq >= first, tx.at < month.end))
    last = first - 1 if last is None else last
    outside = session.scalar(select(func.min(tx.seq)).where(
        tx.seq >= first, tx.seq <= last, (tx.at < month.start) | (tx.at >= month.end)))
    if outside is not None:
        raise ShopError("closure_clock", seq=outside, month=str(month))
    stray = session.scalar(select(func.min(tx.seq)).where(tx.seq > last, tx.at < month.end))
    if stray is not None:
        raise ShopError("closure_clock", seq=stray, month=str(month))
    return first, last


def _ledger_findings(session: Session, last: int) -> list[ShopError]:
    """What the ledger's own verification finds wrong up to the month's last transaction.
    A kept balance that disagrees is left to the closure's own check, which names the
    account once, in the shop's words."""
    report = ledger.verify(session)
    return [ShopError("closure_ledger_bad", seq=f.seq or "-", detail=f.detail)
            for f in report.findings
            if (f.seq is None or f.seq <= last) and f.code != "balance_mismatch"]


def _zones(session: Session, tally: Tally, first: int, last: int) -> tuple[list, list[ShopError]]:
    """Redeemed goods by zone, net of reversals; each redemption whose lines do not add up to
    the points it posted is a finding."""
    zones: dict[str, list[int]] = {}
    line_points: dict[int, int] = defaultdict(int)
    zone_of_lines = select(RedemptionLine.tx_seq, Goods.zone, RedemptionLine.quantity,
                           RedemptionLine.unit_points).join(Goods, Goods.id == RedemptionLine.goods_id)
    for seq, zone, quantity, unit_points in session.execute(
            zone_of_lines.where(RedemptionLine.tx_seq >= first, RedemptionLine.tx_seq <= last)):
        entry = zones.setdefault(zone, [0, 0])
        entry[0] += quantity
        entry[1] += quantity * unit_points
        line_points[seq] += quantity * unit_points
    findings = [ShopError("closure_lines_mismatch", seq=seq, points=points, lines=line_points.get(seq, 0))
                for seq, points in tally.redemption_points.items() if line_points.get(seq, 0) != points]
    if tally.reversed_redemptions:
        for _seq, zone, quantity, unit_points in session.execute(
                zone_of_lines.where(RedemptionLine.tx_seq.in_(tally.reversed_redemptions))):
            entry = zones.setdefault(zone, [0, 0])
            entry[0] -= quantity
            entry[1] -= quantity * unit_points
    return [ZoneLine(zone, q, points) for zone, (q, points) in _zone_order(zones)], findings


def _total_findings(session: Session, books: Books, through_last: dict[int, int],
                    cumulative: dict[str, int]) -> list[ShopError]:
    """The cumulative totals against the ledger's accounts, and every kept balance against the
    sum of its postings."""
    by_code = books.by_code
    recomputed = {
        "ever_issued": -through_last.get(by_code[ISSUE], 0),
        "redeemed": through_last.get(by_code[REDEEMED], 0),
        "deducted": through_last.get(by_code[DEDUCTED], 0),
        "recovered": through_last.get(by_code[RECOVERED], 0),
        "outstanding": _outstanding(books, through_last),
    }
    expected = {"ever_issued": cumulative["issued_cards"] + cumulative["awarded"],
                **{k: cumulative[k] for k in ("redeemed", "deducted", "recovered", "outstanding")}}
    findings = [ShopError("closure_mismatch", where=messages.Phrase(f"total_{name}"), expected=value, found=recomputed[name])
                for name, value in expected.items() if recomputed[name] != value]
    everything = sums_by_account(session, None, None)
    for account_id, balance in session.execute(select(Account.id, Account.balance)):
        if everything.get(account_id, 0) != balance:
            findings.append(ShopError("closure_kept_mismatch", account=books.accounts[account_id],
                                      kept=balance, found=everything.get(account_id, 0)))
    return findings


def _outstanding(books: Books, sums: dict[int, int]) -> int:
    return sum(total for account_id, total in sums.items() if books.accounts[account_id].startswith(CARD_PREFIX))


def _household_lines(session: Session, month: Month, books: Books, opening: dict[int, int],
                     tally: Tally, through_last: dict[int, int]) -> tuple[list[HouseholdLine], list[ShopError]]:
    """Each household's month, opening to closing; a household whose columns do not add up
    to its closing balance is a finding, and so are lines that do not add up to the points
    outstanding."""
    closing = books.by_household(through_last)
    info = {h.id: (h, group) for h, group in session.execute(
        select(Household, VillagerGroup.name).join(VillagerGroup, VillagerGroup.id == Household.group_id))}
    card_of = _cards_shown(session, books, month)
    lines, findings = [], []
    for household_id in sorted(set(opening) | tally.touched | set(closing),
                               key=lambda h: (info[h][0].group_id, h)):
        household, group = info[household_id]
        start, close = opening.get(household_id, 0), closing.get(household_id, 0)
        line = HouseholdLine(
            household_id, group, household.head_name, card_of[household_id], start,
            tally.earned[household_id], tally.deducted[household_id], tally.redeemed[household_id],
            tally.recovered[household_id], close)
        expected = start + line.earned - line.deducted - line.redeemed - line.recovered
        if expected != close:
            findings.append(ShopError("closure_household_mismatch", head=household.head_name,
                                      id=household_id, expected=expected, found=close))
        if start or close or household_id in tally.touched:
            lines.append(line)
    outstanding = _outstanding(books, through_last)
    if sum(line.closing for line in lines) != outstanding:
        findings.append(ShopError("closure_mismatch", where=messages.Phrase("total_outstanding"),
                                  expected=sum(line.closing for line in lines), found=outstanding))
    return lines, findings


def _cards_shown(session: Session, books: Books, month: Month) -> dict[int, str]:
    """The card each household's line names: its newest card opened before the month's end,
    else its newest card."""
    opened = {books.card_number(code): at for code, at in session.execute(
        select(Account.code, Account.opened_at).where(Account.code.startswith(CARD_PREFIX)))}
    shown: dict[int, tuple[bool, int, str]] = {}
    for number, (household, card_id) in books.cards.items():
        candidate = (bool(opened.get(number)) and opened[number] < month.end, card_id, number)
        if household not in shown or candidate[:2] > shown[household][:2]:
            shown[household] = candidate
    return {household: number for household, (_, _, number) in shown.items()}


def compute(session: Session, month: Month, closer: str, progress: Progress = _quiet) -> Preview:
    """The closure of ``month`` as it would be stored now, with every disagreement found.

    A month that cannot be computed at all (closed already, out of order, not ended, the
    clock set back across its edge, an unknown card or kind) is refused at once."""
    steps = 6
    village = settings_in(session)
    previous = last_closure(session)
    moment = _check_order(session, month, previous)

    progress(0, steps, "progress_month_range")
    first, last = _seq_range(session, month, previous)
    head_seq, head_hash = ledger.head(session)
    last_hash = session.scalar(select(Transaction.hash).where(Transaction.seq == last)) if last >= 1 else GENESIS

    progress(1, steps, "progress_verifying")
    findings = _ledger_findings(session, last)

    progress(2, steps, "progress_month_sums")
    books = read_books(session)
    opening, cumulative = start_of_month(session, books, previous, first)
    tally = month_tally(session, books, first, last)

    progress(3, steps, "progress_zones")
    zones, found = _zones(session, tally, first, last)
    findings += found
    cumulative = carried(cumulative, tally.month_totals())

    progress(4, steps, "progress_balances")
    through_last = sums_by_account(session, None, last)
    findings += _total_findings(session, books, through_last, cumulative)

    progress(5, steps, "progress_households")
    lines, found = _household_lines(session, month, books, opening, tally, through_last)
    findings += found
    deliveries = _deliveries(session, month)
    totals = replace(
        tally.month_totals(),
        donations_fen=sum(g.value_fen for g in deliveries if g.source == Source.DONATION),
        purchases_fen=sum(g.value_fen for g in deliveries if g.source == Source.PURCHASE))
    c = cumulative
    progress(steps, steps, "progress_done")
    view = ClosureView(
        number=(previous.number + 1) if previous is not None else 1, month=str(month),
        village=village.name, shop=village.shop_name, period_start=month.start,
        period_end=month.end, first_seq=first, last_seq=last, last_hash=last_hash,
        head_seq=head_seq, head_hash=head_hash,
        prev_hash=previous.hash if previous is not None else GENESIS,
        closed_at=moment, closed_by=closer, point_value_fen=village.point_value_fen,
        totals=totals, households=tuple(lines), zones=tuple(zones), deliveries=deliveries,
        cumulative=Cumulative(c["issued_cards"], c["awarded"], c["redeemed"], c["deducted"], c["recovered"],
                              c["outstanding"], c["outstanding"] * village.point_value_fen),
        brought_forward=previous is None and first > 1, village_id=village_id(session),
    )
    newest_at = session.scalar(select(Transaction.at).where(Transaction.seq == head_seq)) if head_seq else None
    return Preview(view, tuple(findings), moment, newest_at, ended_recently=moment - month.end < RECENT,
                   beyond_newest=newest_at is None or month.end - newest_at > QUIET)


def _zone_order(zones: dict[str, list[int]]):
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


def preview(db: Database, actor: Actor, month: str, progress: Progress = _quiet) -> Preview:
    """Every total of the month as it would be closed now, with every disagreement that keeps
    it from closing; refuses only a month that cannot be computed at all."""
    with db.read() as session:
        user = caller(session, actor, Role.SUPERVISOR, Role.ADMIN)
        return compute(session, Month.parse(month), user.username, progress)


def close(db: Database, actor: Actor, month: str, *, password: str, confirm_recent: bool = False,
          progress: Progress = _quiet) -> ClosureView:
    """Close ``month`` (supervisor): recompute, check, hash and store it, in one transaction.

    The supervisor signs with their own ``password`` (a wrong one is a failed login). A month
    that ended less than a day ago, or long after the newest transaction, by this PC's clock,
    is refused with ``NeedsConfirm`` unless ``confirm_recent``. Refused with every finding
    (``Findings``) if anything disagrees."""
    with transaction(db) as session:
        user = caller(session, actor, Role.SUPERVISOR)
        sign(session, user, password)
        checked = compute(session, Month.parse(month), user.username, progress)
        if checked.needs_confirm and not confirm_recent:
            raise checked.confirm_refusal()
        if checked.findings:
            raise Findings(checked.findings)
        view = checked.view
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
        return replace(from_document(json.loads(text), digest_), village_id=view.village_id)


def closure_in(session: Session, month: str) -> ClosureView:
    row = session.scalar(select(MonthClosure).where(MonthClosure.month == str(Month.parse(month))))
    if row is None:
        raise ShopError("closure_missing", month=month)
    return replace(view_of(row), village_id=village_id(session))


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
        first = min(first_month(session) or present, present)
        closed = {row.month: row.number for row in session.execute(
            select(MonthClosure.month, MonthClosure.number))}
        previous = last_closure(session)
        previous = previous.month if previous is not None else None
    due = Month.parse(previous).next() if previous is not None else first
    found, month = [], first
    while month <= present:
        found.append(MonthState(str(month), month.title, closed.get(str(month)), month < present,
                                month == due and month < present))
        month = month.next()
    return found[::-1]
