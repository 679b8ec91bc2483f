"""Awards and deductions: one household, or one rule for many in one transaction.

A village on claims (``pos.claims``) awards and deducts only through them: a direct
award or deduction is refused. A rule's limit (``pos.limits``) holds for every household of a batch.

A deed is dated on or before today (Beijing), never inside a closed month. A
deduction's approval limit counts the day (``pos.oversight``): what one operator
deducted from one household that day without approval, this one included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import ledger
from ledger import Leg
from pos.cards import account, household_card, household_cards
from pos.store.database import Database
from pos.errors import ShopError
from pos.service import Actor, Approval, caller, transaction
from pos.users import approve
from pos.village import settings_in
from pos.vocabulary import DEDUCTED, ISSUE, Kind, Role
from pos import fields, limits, oversight, periods
from pos import rules as point_rules


@dataclass(frozen=True)
class AwardResult:
    seq: int
    rule_code: str
    rule_name: str
    points: int  # positive for an award, negative for a deduction
    households: tuple[tuple[int, str, int], ...]  # (id, head, balance after)
    approver: str | None = None


def _attrs(rule, points, note, deed_date: date, household=None) -> dict:
    attrs = {"rule": rule.code, "rule_name": rule.name, "points": points,
             "deed_date": deed_date.isoformat()}
    if household is not None:
        attrs.update(household=household.id, head=household.head_name)
    if note:
        attrs["note"] = note
    return attrs


def award(db: Database, actor: Actor, household_id: int, rule_code: str,
          points: int | None = None, note: str = "", deed_date: date | None = None) -> AwardResult:
    return batch_award(db, actor, [household_id], rule_code, points, note, deed_date)


def batch_award(db: Database, actor: Actor, household_ids: list[int], rule_code: str,
                points: int | None = None, note: str = "", deed_date: date | None = None) -> AwardResult:
    """One rule to many households (a labour day) in one transaction, all or nothing."""
    note = fields.text(note, "note")
    fields.day(deed_date)
    if not household_ids:
        raise ShopError("batch_empty")
    if len(set(household_ids)) != len(household_ids):
        raise ShopError("batch_repeats")
    with transaction(db) as session:
        user, rule, deed_date = _direct(session, actor, rule_code, deed_date, deduction=False)
        each = rule.points_for(points)
        found = household_cards(session, household_ids)
        limits.check(session, rule, household_ids, deed_date)
        targets = [found[h] for h in household_ids]
        legs = [Leg(ISSUE, -each * len(targets))] + [Leg(account(n), each) for _, n in targets]
        attrs = _attrs(rule, each, note, deed_date,
                       targets[0][0] if len(targets) == 1 else None)
        if len(targets) > 1:
            attrs["households"] = len(targets)
        posted = ledger.post(session, kind=Kind.AWARD, operator=user.username, legs=legs, memo=note, attrs=attrs)
        return AwardResult(posted.seq, rule.code, rule.name, each, tuple(
            (h.id, h.head_name, ledger.account_balance(session, account(n))) for h, n in targets))


def _direct(session, actor: Actor, rule_code: str, deed_date: date | None, *, deduction: bool):
    """Who writes a direct award or deduction, by which rule, for which deed day (today if none):
    refused on a village whose awards go by claims, and by a rule of the other kind."""
    user = caller(session, actor, Role.ADMIN)
    periods.check_dated(session, deed_date, "dated_deed")
    deed_date = deed_date or periods.today(session)
    if settings_in(session).on_claims:
        raise ShopError("deductions_by_claims" if deduction else "awards_by_claims")
    rule = point_rules.rule_in(session, rule_code)
    if rule.deduction != deduction:
        raise ShopError("rule_not_deduction" if deduction else "rule_is_deduction", code=rule.code)
    return user, rule, deed_date


def deduct(db: Database, actor: Actor, household_id: int, rule_code: str,
           points: int | None = None, note: str = "", deed_date: date | None = None,
           approval: Approval | None = None) -> AwardResult:
    """Take points away by a deduction rule; above the threshold a supervisor approves.
    Never below zero: refused with the available balance stated."""
    note = fields.text(note, "note")
    fields.day(deed_date)
    with transaction(db) as session:
        user, rule, deed_date = _direct(session, actor, rule_code, deed_date, deduction=True)
        amount = rule.points_for(points)
        household, number = household_card(session, household_id)
        available = ledger.account_balance(session, account(number))
        if amount > available:
            raise ShopError("deduction_exceeds", head=household.head_name, available=available,
                            needed=amount)
        approver = None
        already = oversight.unapproved_on(session, Kind.DEDUCTION, user.username, household.id,
                                          periods.today(session))
        if oversight.over_limit(already, amount, settings_in(session).deduction_approval_above):
            approver = approve(session, actor, approval, "approving_deduction_day" if already
                               else "approving_deduction", points=amount, day=already + amount)
        posted = ledger.post(session, kind=Kind.DEDUCTION, operator=user.username, approver=approver,
                             legs=[Leg(account(number), -amount), Leg(DEDUCTED, amount)],
                             memo=note,
                             attrs=_attrs(rule, -amount, note, deed_date, household))
        return AwardResult(posted.seq, rule.code, rule.name, -amount, (
            (household.id, household.head_name, available - amount),), approver)
