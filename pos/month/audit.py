"""The supervisor's audit (监督审计): what was done in a month, and what to look at.

``report`` lists every ledger transaction, stock intake and stock count of the
month, and every change of a control (a price, a rule, a setting, a user, a
role, a household link: ``pos.month.changes``), filterable by kind, operator,
household and day, and raises flags, each by a named rule (``RULES``). A
supervisor marks a flag reviewed with a comment; reviews are appended, never
edited.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ledger.book import now
from ledger.schema import Account, Posting, Transaction
from pos import messages
from pos.errors import ShopError
from pos.history import memo
from pos.month import changes
from pos.store.database import Database
from pos.periods import LOCAL, Month
from pos.store.tables import (
    AuditReview,
    Card,
    Goods,
    Household,
    LoginAttempt,
    MonthClosure,
    RedemptionLine,
    StockCount,
    StockIntake,
    StockMovement,
    User,
)
from pos.service import FREE_FAILURES, Actor, caller, transaction
from pos.vocabulary import HouseholdStatus, Kind, Outcome, Role, Source, StockEvent, UserChange, card_of, kind_of
from pos.village import settings_in

# A progress callback gets (done, total, the catalogue key of what is being done).
Progress = Callable[[int, int, str], None]

# The rules a flag is raised by; each one's title is the catalogue's ``flag_RULE``.
RULES = ("own_household", "after_hours", "reversal", "large_batch", "same_day_spend", "stock_difference",
         "household_outlier", "failed_logins", "user_change", "clock_backwards", "verify",
         "price_toggle", "threshold_toggle", "rule_toggle", "split_series", "clock_forward",
         "supervisor_recovered")
# What the audit lists, in the order a kind filter offers them: the ledger's points entries,
# then the stock's own records.
KINDS = (Kind.CARD_ISSUE, Kind.AWARD, Kind.CLAIM_CREDIT, Kind.HYGIENE, Kind.DEDUCTION, Kind.REDEMPTION, Kind.REVERSAL,
         Kind.CARD_REPLACE, Kind.CARD_RECOVERY, StockEvent.INTAKE, StockEvent.COUNT, StockEvent.WRITEOFF,
         *changes.FACT_KINDS)
BATCH_RATIO = 2  # a batch more than twice the usual size is flagged
OUTLIER_RATIO = 3  # a balance more than three times the group's median ...
OUTLIER_MARGIN = 200  # ... and at least this many points above it
MIN_HISTORY = 3


@dataclass(frozen=True)
class AuditEntry:
    kind: str
    seq: int | None  # the ledger transaction, if any
    ref: str  # "#412", or a phrase: 入库单 3, 盘点 2
    at: datetime
    operator: str
    approver: str | None
    households: tuple[int, ...]
    points: int  # net points onto (+) or off (-) households' cards
    detail: str  # what was done: data, or a phrase (messages.Phrase) worded in either language

    @property
    def day(self) -> date:
        return self.at.astimezone(LOCAL).date()


@dataclass(frozen=True)
class Review:
    reviewer: str
    at: datetime
    comment: str


@dataclass(frozen=True)
class Flag:
    key: str  # stable: a review names the flag by it
    rule: str
    seq: int | None
    at: datetime | None
    operator: str
    household: int | None
    message: str  # a phrase (messages.Phrase): Chinese as a string, worded in either language
    reviews: tuple[Review, ...] = ()

    @property
    def title(self) -> messages.Phrase:
        return messages.Phrase(f"flag_{self.rule}")

    @property
    def reviewed(self) -> bool:
        return bool(self.reviews)


@dataclass(frozen=True)
class AuditReport:
    month: str
    entries: tuple[AuditEntry, ...]
    flags: tuple[Flag, ...]
    verify_ok: bool | None  # None when verification was not run
    verify_summary: str  # a phrase (messages.Phrase)
    closed: int | None  # the closure number if the month is closed


@dataclass(frozen=True)
class UserEvent:
    username: str
    event: str  # added | deactivated | reactivated | role | password (reset by another) |
    # household (linked or unlinked) | recovered (made with the recovery code)
    at: datetime
    detail: str  # a phrase (messages.Phrase)


def user_events(session: Session, start: datetime, end: datetime) -> list[UserEvent]:
    """Users added, deactivated or taken back, given a new role, or given a new password by
    someone else between ``start`` and ``end``: read from the chain, where every change of a
    user is an entry (``pos.proof``), so an edit of the users table cannot hide one."""
    events = []
    for row in session.execute(select(Transaction.operator, Transaction.approver, Transaction.at,
                                      Transaction.attrs)
                               .where(Transaction.kind == Kind.USER, Transaction.at >= start,
                                      Transaction.at < end).order_by(Transaction.seq)):
        attrs = json.loads(row.attrs or "{}")
        username, change = attrs.get("user", ""), attrs.get("change", "")
        if change == UserChange.ADD:
            event = "added"
        elif change == UserChange.RECOVERY:
            event = "recovered"
        elif change == UserChange.HOUSEHOLD:
            event = "household"
        elif change == UserChange.ACTIVE:
            event = "reactivated" if attrs.get("active") else "deactivated"
        elif change == UserChange.ROLE:
            event = "role"
        elif change == UserChange.PASSWORD and row.operator != username:
            event = "password"
        else:
            continue  # a user changing their own password, or a rehash: nothing to look at
        role = Role._value2member_map_.get(attrs.get("role"), attrs.get("role"))
        approved = messages.Phrase("user_event_approved", approver=row.approver) if row.approver else ""
        if event == "household":
            approved = messages.Phrase("user_event_household", household=attrs.get("household") or "-")
        events.append(UserEvent(username, event, row.at, messages.Phrase(
            "user_event_detail", name=attrs.get("name", ""), role=role, operator=row.operator, approved=approved)))
    return events


_TIME_RANGE = re.compile(r"(\d{1,2})[:：](\d{2})\s*[-–—~～至到]\s*(\d{1,2})[:：](\d{2})")
_DAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}


def opening_windows(text: str) -> tuple[frozenset[int], tuple[tuple[time, time], ...]] | None:
    """Weekdays (0 = Monday) and times the shop is open, read from the village's setting
    ("每周六 9:00-12:00", "周一至周五 8:30-11:30，14:00-17:00", "每天 9:00-18:00");
    None if no time of day can be read from it."""
    times = []
    for h1, m1, h2, m2 in _TIME_RANGE.findall(text or ""):
        try:
            times.append((time(int(h1), int(m1)), time(int(h2) % 24, int(m2))))
        except ValueError:
            return None
    if not times:
        return None
    days_text = _TIME_RANGE.sub(" ", text)
    if "每天" in days_text or "每日" in days_text:
        return frozenset(range(7)), tuple(times)
    days: set[int] = set()
    for start, end in re.findall(r"[周期]([一二三四五六日天七])\s*[至到\-–~～]\s*(?:周|星期)?([一二三四五六日天七])", days_text):
        a, b = _DAYS[start], _DAYS[end]
        days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    for group in re.findall(r"(?:周|星期)([一二三四五六日天七、，,和及\s]+)", days_text):
        days.update(_DAYS[c] for c in group if c in _DAYS)
    return (frozenset(days) if days else frozenset(range(7))), tuple(times)


def _open_at(windows, moment: datetime) -> bool:
    days, times = windows
    local = moment.astimezone(LOCAL)
    return local.weekday() in days and any(a <= local.time() <= b for a, b in times)


class _Month:
    """The month's transactions, read once."""

    def __init__(self, session: Session, month: Month):
        self.session = session
        self.month = month
        t = Transaction.__table__.c
        p = Posting.__table__.c
        closed = session.scalar(select(MonthClosure).where(MonthClosure.month == str(month)))
        self.closed = closed.number if closed is not None else None
        if closed is not None:
            where = (t.seq >= closed.first_seq) & (t.seq <= closed.last_seq)
        else:
            where = (t.at >= month.start) & (t.at < month.end)
        self.rows = session.execute(
            select(t.seq, t.at, t.kind, t.operator, t.approver, t.memo, t.reverses, t.attrs)
            .where(where).order_by(t.seq)).all()
        seqs = [r.seq for r in self.rows]
        self.accounts = {i: c for i, c in session.execute(select(Account.id, Account.code))}
        self.cards = {n: h for n, h in session.execute(select(Card.number, Card.household_id))}
        self.legs: dict[int, list[tuple[str, int]]] = defaultdict(list)
        if seqs:
            for seq, account_id, amount in session.execute(
                    select(p.tx_seq, p.account_id, p.amount)
                    .where(p.tx_seq >= seqs[0], p.tx_seq <= seqs[-1]).order_by(p.tx_seq, p.line)):
                self.legs[seq].append((self.accounts[account_id], amount))
        self.previous = None
        if seqs and seqs[0] > 1:
            self.previous = session.execute(select(t.seq, t.at).where(t.seq == seqs[0] - 1)).first()
        self.controls = changes.Controls(session)

    def card_legs(self, seq: int) -> list[tuple[int, str, int]]:
        """(household, card account, amount) of a transaction's postings onto cards."""
        return [(self.cards.get(card_of(code), 0), code, amount)
                for code, amount in self.legs.get(seq, []) if card_of(code) is not None]


def _entries(data: _Month) -> list[AuditEntry]:
    out = []
    heads = changes.household_heads(data.session)
    # A redemption's goods by name (its chained attrs hold codes, unreadable in a list).
    goods_lines: dict[int, list[str]] = defaultdict(list)
    sold = [row.seq for row in data.rows if row.kind == Kind.REDEMPTION]
    for line in data.session.scalars(select(RedemptionLine).where(RedemptionLine.tx_seq.in_(sold))
                                     .order_by(RedemptionLine.tx_seq, RedemptionLine.line)):
        goods_lines[line.tx_seq].append(f"{line.name}×{line.quantity}")
    for row in data.rows:
        if row.seq in data.controls.changes:
            out.append(AuditEntry(row.kind, row.seq, f"#{row.seq}", row.at, row.operator, row.approver, (), 0,
                                  changes.entry_detail(data.controls, row.seq, heads)))
            continue
        if row.kind not in KINDS:
            continue  # a chained fact of another kind (a household, a group, a stock record's)
        attrs = json.loads(row.attrs or "{}")
        legs = data.card_legs(row.seq)
        households = tuple(dict.fromkeys(h for h, _, _ in legs))
        out.append(AuditEntry(row.kind, row.seq, f"#{row.seq}", row.at, row.operator, row.approver,
                              households, sum(a for _, _, a in legs), _detail(row, attrs, goods_lines)))
    return sorted(out + _stock_entries(data.session, data.month), key=lambda e: e.at)


def _detail(row, attrs: dict, goods_lines: dict[int, list[str]]) -> str:
    if row.kind == Kind.REDEMPTION:
        if goods_lines[row.seq]:
            return messages.Phrase("audit_goods", goods=messages.AllOf(goods_lines[row.seq]))
        return attrs.get("items", row.memo)
    if row.kind in (Kind.AWARD, Kind.DEDUCTION):
        return f"{attrs.get('rule', '')} {attrs.get('rule_name', '')} {row.memo}".strip()
    if row.kind == Kind.REVERSAL:
        return messages.Phrase("audit_reversal_detail", seq=row.reverses, reason=row.memo,
                               kind=kind_of(attrs.get("original_kind", "")))
    return memo(row.kind, row.memo, attrs)


def _stock_entries(session: Session, month: Month) -> list[AuditEntry]:
    out = []
    for intake, count, value in session.execute(
            select(StockIntake, func.count(StockMovement.id), func.sum(StockMovement.value_fen))
            .join(StockMovement, StockMovement.intake_id == StockIntake.id)
            .where(StockIntake.at >= month.start, StockIntake.at < month.end)
            .group_by(StockIntake.id).order_by(StockIntake.id)):
        who = (intake.donor if intake.source == Source.DONATION
               else messages.Phrase("audit_purchase", funding=intake.funding))
        out.append(AuditEntry(StockEvent.INTAKE, None, messages.Phrase("audit_ref_intake", id=intake.id), intake.at,
                              intake.operator, None, (), 0, messages.Phrase(
                                  "audit_intake_detail", who=who, count=count, yuan=f"{(value or 0) / 100:.2f}")))
    for record in session.scalars(select(StockCount).where(
            StockCount.at >= month.start, StockCount.at < month.end).order_by(StockCount.id)):
        moves = _count_lines(session, record.id)
        kind = StockEvent.WRITEOFF if all(q < 0 for _, q in moves) else StockEvent.COUNT
        out.append(AuditEntry(kind, None, messages.Phrase("audit_ref_count", id=record.id), record.at,
                              record.operator, record.approver, (), 0, messages.Phrase(
                                  "audit_count_detail", note=record.note,
                                  lines=messages.AllOf(f"{n} {q:+d}" for n, q in moves))))
    return out


def _count_lines(session: Session, count_id: int) -> list[tuple[str, int]]:
    return [(name, quantity) for name, quantity in session.execute(
        select(Goods.name, StockMovement.quantity).join(Goods, Goods.id == StockMovement.goods_id)
        .where(StockMovement.count_id == count_id).order_by(StockMovement.id))]


def _flags(data: _Month, entries: list[AuditEntry], run_verify: bool,
           progress: Progress) -> tuple[list[Flag], bool | None, str]:
    session = data.session
    flags: list[Flag] = []
    heads = {h.id: h.head_name for h in session.scalars(select(Household))}

    def add(rule, key, message, seq=None, at=None, operator="", household=None):
        flags.append(Flag(f"{rule}:{key}", rule, seq, at, operator, household, message))

    progress(1, 5, "progress_each_entry")
    _entry_flags(data, heads, add)
    changes.own_household_flags(data.controls, session, data.rows, data.card_legs, heads, add)
    changes.toggle_flags(data.controls, data.rows, add)
    changes.series_flags(data.controls, data.rows, add)
    changes.clock_forward_flags(data.rows, data.previous, add)
    changes.recovery_flags(data.controls, data.rows, add)
    progress(2, 5, "progress_batches")
    _batch_flags(data, add)
    _outlier_flags(data, heads, add)
    progress(3, 5, "progress_counts_logins")
    for entry in entries:
        if entry.kind in (StockEvent.COUNT, StockEvent.WRITEOFF):
            add("stock_difference", entry.ref.params["id"], messages.Phrase(
                "flagged_stock_difference", ref=entry.ref, detail=entry.detail,
                approver=entry.approver or messages.Phrase("nobody")), None, entry.at, entry.operator)
    _login_flags(data, add)
    for event in user_events(session, data.month.start, data.month.end):
        add("user_change", f"{event.username}:{event.event}:{event.at.isoformat()}", messages.Phrase(
            "flagged_user_change", what=messages.Phrase(f"user_event_{event.event}"), username=event.username,
            detail=event.detail), at=event.at)
    verify_ok, summary = None, messages.Phrase("verified_not")
    if run_verify:
        progress(4, 5, "progress_verifying")
        verify_ok, summary = _verify_flag(data, add)
    progress(5, 5, "progress_done")
    return flags, verify_ok, summary


def _entry_flags(data: _Month, heads: dict[int, str], add) -> None:
    """Each entry of the month in turn: the clock, opening hours, reversals, and points spent
    the day an operator awarded them."""
    session = data.session
    hours = settings_in(session).opening_hours
    windows = opening_windows(hours)
    awards_by_day: dict[tuple, list] = defaultdict(list)
    previous = data.previous
    for row in data.rows:
        legs = data.card_legs(row.seq)
        households = {h for h, _, _ in legs}
        day = row.at.astimezone(LOCAL).date()
        if previous is not None and row.at < previous.at:
            add("clock_backwards", row.seq, messages.Phrase(
                "flagged_clock_backwards", seq=row.seq, at=_local(row.at), previous=previous.seq,
                previous_at=_local(previous.at)), row.seq, row.at, row.operator)
        previous = row
        if row.kind == Kind.REDEMPTION and windows is not None and not _open_at(windows, row.at):
            add("after_hours", row.seq, messages.Phrase(
                "flagged_after_hours", seq=row.seq, at=_local(row.at), hours=hours),
                row.seq, row.at, row.operator, next(iter(households), None))
        if row.kind == Kind.REVERSAL:
            attrs = json.loads(row.attrs or "{}")
            add("reversal", row.seq, messages.Phrase(
                "flagged_reversal", seq=row.seq, original=row.reverses, reason=row.memo,
                kind=kind_of(attrs.get("original_kind", "")), approver=row.approver or messages.Phrase("nobody")),
                row.seq, row.at, row.operator)
        if row.kind in (Kind.AWARD, Kind.HYGIENE):
            for household, code, amount in legs:
                awards_by_day[(household, row.operator, day)].append((row.seq, code, amount))
        if row.kind == Kind.REDEMPTION:
            _same_day_spend(data, row, legs, awards_by_day.get, day, heads, add)


def _same_day_spend(data: _Month, row, legs, awarded, day, heads: dict[int, str], add) -> None:
    spent = -sum(a for _, _, a in legs)
    for household, code, _ in legs:
        earlier = [a for a in awarded((household, row.operator, day), []) if a[0] < row.seq]
        if not earlier:
            continue
        before = _balance_before(data.session, code, earlier[0][0])
        if before < spent:
            add("same_day_spend", row.seq, messages.Phrase(
                "flagged_same_day_spend", head=heads.get(household, household), operator=row.operator,
                award=earlier[0][0], spent=spent, seq=row.seq, before=before),
                row.seq, row.at, row.operator, household)


def _login_flags(data: _Month, add) -> None:
    session, month = data.session, data.month
    attempts = defaultdict(lambda: defaultdict(int))
    for username, outcome in session.execute(
            select(LoginAttempt.username, LoginAttempt.outcome)
            .where(LoginAttempt.at >= month.start, LoginAttempt.at < month.end)):
        attempts[username][outcome] += 1
    for username, outcomes in sorted(attempts.items()):
        locked = session.scalar(select(User.locked).where(User.username == username))
        failed = sum(n for outcome, n in outcomes.items() if outcome != Outcome.OK)
        if outcomes.get(Outcome.LOCKED) or outcomes.get(Outcome.WRONG, 0) >= FREE_FAILURES or (locked and failed):
            add("failed_logins", username, messages.Phrase(
                "flagged_failed_logins", username=username, failed=failed, wrong=outcomes.get(Outcome.WRONG, 0),
                locked=messages.Phrase("flagged_locked") if locked or outcomes.get(Outcome.LOCKED) else ""),
                operator=username)


def _verify_flag(data: _Month, add) -> tuple[bool, messages.Phrase]:
    from pos import proof

    report = proof.verify(data.session)  # the ledger's checks and the shop's facts
    if report.ok:
        return True, messages.Phrase("verified_ok", transactions=report.transactions, seq=report.head_seq,
                                     hash=report.head_hash[:16])
    summary = messages.Phrase("verified_bad", count=len(report.findings), first=report.first_bad or "-")
    first = report.findings[0]
    add("verify", data.month, messages.Phrase(
        "flagged_verify", summary=summary,
        finding=messages.Phrase(f"finding_{first.code}", seq=first.seq, **first.params)), first.seq)
    return False, summary


def _balance_before(session: Session, code: str, seq: int) -> int:
    return session.scalar(
        select(func.coalesce(func.sum(Posting.amount), 0)).join(Account, Account.id == Posting.account_id)
        .where(Account.code == code, Posting.tx_seq < seq))


def _batch_flags(data: _Month, add) -> None:
    batches = [(row, data.card_legs(row.seq)) for row in data.rows if row.kind == Kind.AWARD]
    batches = [(row, legs) for row, legs in batches if len(legs) > 1]
    if not batches:
        return
    t = Transaction.__table__.c
    start = data.month.start
    history = data.session.execute(
        select(t.seq, t.attrs).where(t.kind == Kind.AWARD, t.at >= start - timedelta(days=365),
                                     t.seq < batches[-1][0].seq)).all()
    earlier: list[tuple[int, str, int, int]] = []  # (seq, rule, households, points)
    for seq, attrs_text in history:
        attrs = json.loads(attrs_text or "{}")
        households = int(attrs.get("households", 1))
        if households > 1:
            earlier.append((seq, str(attrs.get("rule", "")), households,
                            households * int(attrs.get("points", 0))))
    for row, legs in batches:
        attrs = json.loads(row.attrs or "{}")
        rule, size, total = str(attrs.get("rule", "")), len(legs), sum(a for _, _, a in legs)
        before = [e for e in earlier if e[0] < row.seq]
        same_rule = [points for _, r, _, points in before if r == rule]
        sizes = [households for _, _, households, _ in before]
        usual_total = statistics.median(same_rule) if len(same_rule) >= MIN_HISTORY else None
        usual_size = statistics.median(sizes) if len(sizes) >= MIN_HISTORY else None
        if (usual_total and total > BATCH_RATIO * usual_total) or (usual_size and size > BATCH_RATIO * usual_size):
            add("large_batch", row.seq, messages.Phrase(
                "flagged_large_batch", seq=row.seq, rule=rule, households=size, points=total,
                usual_points=usual_total if usual_total is not None else "-",
                usual_households=usual_size if usual_size is not None else "-"), row.seq, row.at, row.operator)


def _outlier_flags(data: _Month, heads: dict[int, str], add) -> None:
    session = data.session
    if data.rows:
        last = data.rows[-1].seq
    else:
        last = session.scalar(select(func.max(Transaction.seq)).where(Transaction.at < data.month.end)) or 0
    p = Posting.__table__.c
    balances: dict[int, int] = defaultdict(int)
    for account_id, total in session.execute(
            select(p.account_id, func.sum(p.amount)).where(p.tx_seq <= last).group_by(p.account_id)):
        code = data.accounts[account_id]
        if card_of(code) in data.cards:
            balances[data.cards[card_of(code)]] += int(total)
    groups: dict[int, list[int]] = defaultdict(list)
    group_of = {h.id: h.group_id for h in session.scalars(select(Household).where(Household.status == HouseholdStatus.ACTIVE))}
    for household, balance in balances.items():
        if household in group_of:
            groups[group_of[household]].append(balance)
    for household, balance in balances.items():
        members = groups.get(group_of.get(household), [])
        if len(members) < 5:
            continue
        usual = statistics.median(members)
        if balance > OUTLIER_RATIO * usual and balance - usual >= OUTLIER_MARGIN:
            add("household_outlier", household, messages.Phrase(
                "flagged_household_outlier", head=heads.get(household, household), balance=balance,
                usual=f"{usual:g}"), household=household)


def _local(at: datetime) -> str:
    return at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")


def _reviews(session: Session, month: str) -> dict[str, list[Review]]:
    found: dict[str, list[Review]] = defaultdict(list)
    for r in session.scalars(select(AuditReview).where(AuditReview.month == month).order_by(AuditReview.id)):
        found[r.flag].append(Review(r.reviewer, r.at, r.comment))
    return found


def report_in(session: Session, month: Month, *, kind: str | None = None, operator: str | None = None,
              household: int | None = None, day: date | None = None, run_verify: bool = True,
              progress: Progress | None = None) -> AuditReport:
    progress = progress or (lambda *_: None)
    progress(0, 5, "progress_reading_month")
    data = _Month(session, month)
    entries = _entries(data)
    flags, verify_ok, summary = _flags(data, entries, run_verify, progress)
    reviews = _reviews(session, str(month))
    flags = [Flag(f.key, f.rule, f.seq, f.at, f.operator, f.household, f.message,
                  tuple(reviews.get(f.key, ()))) for f in flags]
    shown = [e for e in entries
             if (kind is None or e.kind == kind) and (operator is None or e.operator == operator)
             and (household is None or household in e.households) and (day is None or e.day == day)]
    return AuditReport(str(month), tuple(shown), tuple(flags), verify_ok, summary, data.closed)


def report(db: Database, actor: Actor, month: str, *, kind: str | None = None,
           operator: str | None = None, household: int | None = None, day: date | None = None,
           run_verify: bool = True, progress: Progress | None = None) -> AuditReport:
    """The month's entries and flags. The supervisor reviews them; an administrator may read
    them too (the audit is open about what it asks), but never review."""
    with db.read() as session:
        caller(session, actor, Role.ADMIN, Role.SUPERVISOR)
        return report_in(session, Month.parse(month), kind=kind, operator=operator,
                         household=household, day=day, run_verify=run_verify, progress=progress)


def review(db: Database, actor: Actor, month: str, flag: str, comment: str) -> Review:
    """A supervisor marks ``flag`` reviewed with a comment. Reviews are never edited:
    a second review of the same flag is added beside the first."""
    if not comment.strip():
        raise ShopError("review_needs_comment")
    period = Month.parse(month)
    with transaction(db) as session:
        user = caller(session, actor, Role.SUPERVISOR)
        found = report_in(session, period, run_verify=flag.startswith("verify:"))
        match = next((f for f in found.flags if f.key == flag), None)
        if match is None:
            raise ShopError("flag_unknown", month=str(period), flag=flag)
        record = AuditReview(month=str(period), flag=flag, rule=match.rule, reviewer=user.username,
                             at=now(session), comment=comment.strip())
        session.add(record)
        session.flush()
        return Review(record.reviewer, record.at, record.comment)
