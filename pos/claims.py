"""Claims (申报): points declared, reviewed, posted for public notice, then credited.

A village on claims (``village.awards``) does not award at once. A claim names a
household, a rule, points inside the rule's range, the deed's date and who declared
it (a villager, a group leader, the administrator), with a note and the SHA-256 of a
photo if there is one. A reviewer (评议员) or a supervisor accepts it (the points may be
changed within the range) or rejects it with a reason; nobody reviews a claim they
entered, or one for their own household. Accepted claims wait, pending, for a posting
(公示): the list put up on the notice board for the village's notice days, counted in
Beijing days from its first day. An objection holds a claim until it is reviewed
again; accepted again, it waits for the next posting. Once the last day has passed,
a posting's claims are credited in one ledger transaction (``Kind.CLAIM_CREDIT``),
all or nothing, naming each claim; a posting is credited once.

A deduction goes the same way: a claim by a deduction rule carries negative points
(its size inside the rule's range), is reviewed and posted like an award, and is taken
off the card when its posting is credited, into the deducted account. A card never goes
below zero: a posting whose deductions a household can no longer pay is refused whole,
naming the household, until the review group decides again on an objection.

Every change is chained: a claim's facts after each review or objection
(``Kind.CLAIM``), each posting with the claims on it (``Kind.CLAIM_POSTING``), and
the crediting itself, so ``verify`` proves the claims table (``pos.proof``).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import ledger
from ledger import Leg
from pos import fields, limits, periods, proof
from pos import rules as point_rules
from pos.cards import account, household_cards
from pos.errors import PermissionDenied, ShopError
from pos.service import Actor, caller, known, transaction
from pos.store.database import Database
from pos.store.tables import Claim, ClaimPosting, Household, Rule, VillagerGroup
from pos.village import settings_in
from pos.vocabulary import DEDUCTED, ISSUE, PENDING_CLAIMS, PHOTOS, ClaimStatus, Kind, Role

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Who reviews: the review group's members, and supervisors.
REVIEWERS = (Role.REVIEWER, Role.SUPERVISOR)
# Who enters claims, puts them up and records objections: the counter, and the reviewers.
CLERKS = (Role.ADMIN, Role.REVIEWER, Role.SUPERVISOR)
# What a posting shows: its claims standing, not those taken off it by an objection.
SHOWN = (ClaimStatus.POSTED, ClaimStatus.CREDITED)


@dataclass(frozen=True)
class ClaimView:
    id: int
    household_id: int
    head: str
    group: str
    rule: str
    rule_name: str
    points: int
    deed_date: date
    declared_by: str
    note: str
    photo: str
    entered_by: str
    status: ClaimStatus
    reviewed_by: str
    reason: str
    posting_id: int | None
    objected_by: str
    objection: str
    objected_on: date | None
    credited_seq: int | None


@dataclass(frozen=True)
class PostingView:
    id: int
    starts_on: date
    notice_days: int
    ends_on: date  # the last day it is up: creditable from the day after
    posted_by: str
    credited_seq: int | None
    claims: tuple[ClaimView, ...]

    @property
    def points(self) -> int:
        return sum(c.points for c in self.claims if c.status in (ClaimStatus.POSTED, ClaimStatus.CREDITED))


@dataclass(frozen=True)
class CreditResult:
    posting_id: int
    seq: int
    claims: tuple[int, ...]
    points: int


def ends_on(starts_on: date, notice_days: int) -> date:
    """The last Beijing day a posting is up: a posting of 7 days from 1 December is up to
    7 December, and is credited from 8 December."""
    return starts_on + timedelta(days=notice_days - 1)


def _views(session: Session, claims) -> list[ClaimView]:
    claims = list(claims)
    homes = {h.id: (h.head_name, g) for h, g in session.execute(
        select(Household, VillagerGroup.name).join(VillagerGroup, VillagerGroup.id == Household.group_id)
        .where(Household.id.in_({c.household_id for c in claims})))}
    names = {}
    for code in {c.rule for c in claims}:
        found = session.scalar(select(Rule.name).where(Rule.code == code))
        names[code] = found or code
    return [ClaimView(c.id, c.household_id, *homes.get(c.household_id, ("", "")), c.rule, names[c.rule],
                      c.points, c.deed_date, c.declared_by, c.note, c.photo, c.entered_by,
                      ClaimStatus(c.status), c.reviewed_by, c.reason, c.posting_id, c.objected_by,
                      c.objection, c.objected_on, c.credited_seq) for c in claims]


def _signed(rule: point_rules.RuleView, points: int | None) -> int:
    """A claim's points by ``rule``: inside its range, negative for a deduction (whose size may
    be given either way: 5 or -5)."""
    if rule.deduction:
        return -rule.points_for(abs(points) if points is not None else None)
    return rule.points_for(points)


def _claim(session: Session, claim_id: int) -> Claim:
    claim = known(session, Claim, claim_id, "claim_unknown")
    return claim


def _changed(session: Session, claim: Claim, operator: str) -> None:
    session.flush()
    claim.seq = proof.claim_fact(session, claim, operator)


def enter(db: Database, actor: Actor, household_ids: list[int], rule_code: str, points: int | None = None,
          deed_date: date | None = None, declared_by: str = "", note: str = "",
          photo: str = "") -> list[ClaimView]:
    """A claim for each household (a labour day's many), in one transaction, all or nothing.
    Refused unless the village is on claims, and where the rule's limit is reached. By a
    deduction rule, the claim takes points away (``points`` its size), one household at a
    time."""
    declared_by = fields.text(declared_by, "declared_by", longest=fields.SHORT, required=True)
    note = fields.text(note, "note")
    fields.day(deed_date)
    photo = (photo or "").strip().lower()
    if photo and not _SHA256.match(photo):
        raise ShopError("claim_photo_bad")
    if not household_ids:
        raise ShopError("batch_empty")
    if len(set(household_ids)) != len(household_ids):
        raise ShopError("batch_repeats")
    with transaction(db) as session:
        user = caller(session, actor, *CLERKS)
        if not settings_in(session).on_claims:
            raise ShopError("claims_off")
        periods.check_dated(session, deed_date, "dated_deed")
        deed_date = deed_date or periods.today(session)
        rule = point_rules.rule_in(session, rule_code)
        if rule.deduction and len(household_ids) != 1:
            raise ShopError("claim_deduction_one")
        each = _signed(rule, points)
        household_cards(session, household_ids)  # every household active, with a card
        limits.check(session, rule, household_ids, deed_date)
        made = []
        for household_id in household_ids:
            claim = Claim(household_id=household_id, rule=rule.code, points=each, deed_date=deed_date,
                          declared_by=declared_by, note=note, photo=photo, entered_by=user.username,
                          status=ClaimStatus.ENTERED, reviewed_by="", reason="", objected_by="",
                          objection="", seq=0)
            session.add(claim)
            _changed(session, claim, user.username)
            made.append(claim)
        return _views(session, made)


def review(db: Database, actor: Actor, claim_id: int, *, accept: bool, points: int | None = None,
           reason: str = "") -> ClaimView:
    """Accept a claim entered or objected to (``points`` to change them within the rule's
    range), or reject it with a ``reason``. By a reviewer or a supervisor who neither
    entered it nor belongs to its household."""
    reason = fields.text(reason, "reason")
    with transaction(db) as session:
        user = caller(session, actor, *REVIEWERS)
        claim = _claim(session, claim_id)
        if claim.status not in (ClaimStatus.ENTERED, ClaimStatus.OBJECTED):
            raise ShopError("claim_not_reviewable", id=claim.id, status=ClaimStatus(claim.status))
        if claim.entered_by == user.username:
            raise PermissionDenied("claim_review_own", id=claim.id)
        if user.household_id == claim.household_id:
            raise PermissionDenied("claim_review_household", id=claim.id)
        if accept:
            rule = point_rules.rule_in(session, claim.rule)
            claim.points = _signed(rule, claim.points if points is None else points)
            claim.status, claim.reason, claim.posting_id = ClaimStatus.ACCEPTED, "", None
        else:
            if not reason:
                raise ShopError("claim_reject_reason")
            claim.status, claim.reason = ClaimStatus.REJECTED, reason
        claim.reviewed_by = user.username
        _changed(session, claim, user.username)
        return _views(session, [claim])[0]


def object_to(db: Database, actor: Actor, claim_id: int, by: str, what: str,
              on: date | None = None) -> ClaimView:
    """An objection to a posted claim (who, what, when): held until reviewed again."""
    by = fields.text(by, "objected_by", longest=fields.SHORT, required=True)
    what = fields.text(what, "objection", required=True)
    fields.day(on)
    with transaction(db) as session:
        user = caller(session, actor, *CLERKS)
        periods.check_past(session, on, "dated_objection")
        claim = _claim(session, claim_id)
        if claim.status != ClaimStatus.POSTED:
            raise ShopError("claim_not_posted", id=claim.id, status=ClaimStatus(claim.status))
        claim.status = ClaimStatus.OBJECTED
        claim.objected_by, claim.objection = by, what
        claim.objected_on = on or periods.today(session)
        _changed(session, claim, user.username)
        return _views(session, [claim])[0]


def post(db: Database, actor: Actor, starts_on: date | None = None,
         notice_days: int | None = None) -> PostingView:
    """Put every accepted claim up for public notice, from ``starts_on`` (today or later,
    Beijing) for ``notice_days`` (the village's notice days unless given; never fewer)."""
    fields.day(starts_on)
    with transaction(db) as session:
        user = caller(session, actor, *CLERKS)
        today = periods.today(session)
        starts_on = starts_on or today
        if starts_on < today:
            raise ShopError("posting_in_past", starts=starts_on.isoformat(), today=today.isoformat())
        least = settings_in(session).notice_days
        days = least if notice_days is None else notice_days
        if not 1 <= days <= 60:
            raise ShopError("posting_days", low=1, high=60)
        if days < least:  # shorter only by the village's notice days, which a supervisor approves
            raise ShopError("posting_days_short", days=days, least=least)
        claims = list(session.scalars(select(Claim).where(Claim.status == ClaimStatus.ACCEPTED)
                                      .order_by(Claim.household_id, Claim.id)))
        if not claims:
            raise ShopError("posting_empty")
        posting = ClaimPosting(starts_on=starts_on, notice_days=days, posted_by=user.username, posted_seq=0)
        session.add(posting)
        session.flush()
        posted = proof.posting_fact(session, posting, [c.id for c in claims], user.username)
        posting.posted_seq = posted
        for claim in claims:
            claim.status, claim.posting_id, claim.seq = ClaimStatus.POSTED, posting.id, posted
        return _posting_view(session, posting)


def keep_photo(db: Database, data: bytes, suffix: str = "") -> str:
    """Keep a claim's photo beside the database file (``photos/SHA256.jpg``), whole or not
    at all, and return its SHA-256 for the claim. A database with no file keeps only the hash."""
    digest = hashlib.sha256(data).hexdigest()
    if db.file is None:
        return digest
    folder = db.file.parent / PHOTOS
    folder.mkdir(exist_ok=True)
    target = folder / f"{digest}{suffix.lower()[:8]}"
    if not target.exists():
        handle, temporary = tempfile.mkstemp(prefix=".photo-", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    return digest


def _credit_one(session: Session, claim: Claim, seq: int) -> None:
    claim.status, claim.credited_seq, claim.seq = ClaimStatus.CREDITED, seq, seq


def credit(db: Database, actor: Actor, posting_id: int) -> CreditResult:
    """Credit a posting's claims still standing once its last day has passed (Beijing): one
    transaction, all or nothing, naming the claims. A posting is credited once. Its
    deductions come off the cards into the deducted account; where a household's card no
    longer holds what they take, nothing is credited and the refusal names the household."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN, Role.SUPERVISOR)
        posting = known(session, ClaimPosting, posting_id, "posting_unknown")
        if posting.credited_seq is not None:
            raise ShopError("posting_credited", id=posting.id, seq=posting.credited_seq)
        last = ends_on(posting.starts_on, posting.notice_days)
        if periods.today(session) <= last:
            raise ShopError("posting_not_ended", id=posting.id, last=last.isoformat(),
                            first=(last + timedelta(days=1)).isoformat())
        claims = list(session.scalars(select(Claim).where(
            Claim.posting_id == posting.id, Claim.status == ClaimStatus.POSTED).order_by(Claim.id)))
        if not claims:
            raise ShopError("posting_nothing_standing", id=posting.id)
        found = household_cards(session, {c.household_id for c in claims})
        by_card: dict[str, int] = defaultdict(int)
        gained: dict[str, int] = defaultdict(int)
        taken: dict[str, int] = defaultdict(int)
        for claim in claims:
            number = found[claim.household_id][1]
            by_card[number] += claim.points
            (gained if claim.points > 0 else taken)[number] += claim.points
        heads = {number: household.head_name for household, number in found.values()}
        for number, points in by_card.items():
            available = ledger.account_balance(session, account(number))
            if available + points < 0:
                raise ShopError("posting_deduction_exceeds", id=posting.id, head=heads[number],
                                available=available, needed=-points)
        total = sum(by_card.values())
        issued = sum(c.points for c in claims if c.points > 0)
        deducted = -sum(c.points for c in claims if c.points < 0)
        # A card's awards and deductions on legs of their own: the month's books count each
        # where it belongs (earned, deducted), and a household whose add up to nothing stays named.
        legs = ([Leg(ISSUE, -issued)] if issued else []) + ([Leg(DEDUCTED, deducted)] if deducted else []) + [
            Leg(account(number), points) for number in by_card
            for points in (gained.get(number, 0), taken.get(number, 0)) if points]
        posted = ledger.post(session, kind=Kind.CLAIM_CREDIT, operator=user.username, legs=legs,
                             attrs={"posting": posting.id, "claims": proof.claims_text(claims)})
        for claim in claims:
            _credit_one(session, claim, posted.seq)
        posting.credited_seq = posted.seq
        return CreditResult(posting.id, posted.seq, tuple(c.id for c in claims), total)


def _posting_view(session: Session, posting: ClaimPosting) -> PostingView:
    claims = session.scalars(select(Claim).where(Claim.posting_id == posting.id)
                             .order_by(Claim.household_id, Claim.id))
    return PostingView(posting.id, posting.starts_on, posting.notice_days,
                       ends_on(posting.starts_on, posting.notice_days), posting.posted_by,
                       posting.credited_seq, tuple(_views(session, claims)))


def posting(db: Database, actor: Actor, posting_id: int) -> PostingView:
    with db.read() as session:
        caller(session, actor)
        found = known(session, ClaimPosting, posting_id, "posting_unknown")
        return _posting_view(session, found)


def postings(db: Database, actor: Actor) -> list[PostingView]:
    with db.read() as session:
        caller(session, actor)
        return [_posting_view(session, p) for p in session.scalars(select(ClaimPosting).order_by(ClaimPosting.id))]


def list_claims(db: Database, actor: Actor, status: ClaimStatus | None = None,
                household_id: int | None = None) -> list[ClaimView]:
    with db.read() as session:
        caller(session, actor)
        statement = select(Claim).order_by(Claim.id)
        if status is not None:
            statement = statement.where(Claim.status == ClaimStatus(status))
        if household_id is not None:
            statement = statement.where(Claim.household_id == household_id)
        return _views(session, session.scalars(statement))


def pending_in(session: Session, household_id: int) -> int:
    """The points a household has accepted or on a posting, not yet credited: shown beside
    the balance ("另有 12 分公示中"), never spendable. Deductions apart
    (``pending_deductions_in``): one does not hide an award."""
    return session.scalar(select(func.coalesce(func.sum(Claim.points), 0)).where(
        Claim.household_id == household_id, Claim.status.in_(PENDING_CLAIMS), Claim.points > 0)) or 0


def pending_deductions_in(session: Session, household_id: int) -> int:
    """The points accepted or posted deductions will take from a household once credited
    ("另有 5 分待扣"), as a positive number."""
    return -(session.scalar(select(func.coalesce(func.sum(Claim.points), 0)).where(
        Claim.household_id == household_id, Claim.status.in_(PENDING_CLAIMS), Claim.points < 0)) or 0)


def pending(db: Database, actor: Actor, household_id: int) -> int:
    with db.read() as session:
        caller(session, actor)
        return pending_in(session, household_id)


def pending_deductions(db: Database, actor: Actor, household_id: int) -> int:
    with db.read() as session:
        caller(session, actor)
        return pending_deductions_in(session, household_id)
