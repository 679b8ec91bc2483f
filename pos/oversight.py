"""Who approves a change of the controls themselves, and what an approval limit counts.

Every control is itself controlled. A threshold decides when a supervisor must
approve; a rule's range decides how many points an award may give; a price
decides how many points goods cost; base points decide what a new card holds.
Moving one of them toward less oversight would let through, unseen, what the
control exists to stop, so it needs another supervisor's approval like the act
it would allow. Narrowing one (a rule's range, a goods' price raised, a rule out
of use) stays one person's act. The same goes for the people who approve: making,
unmaking, deactivating or bringing back a supervisor needs another supervisor,
and the village always keeps one.

Approval limits count the day, not the slip: what one operator did for one
household in one Beijing day, of one kind (deductions against the deduction
threshold, redemptions against the redemption threshold), so seven deductions of
20 points reach the approval one of 140 would have needed. What a supervisor
approved, and what a reversal undid, no longer counts toward it.

The rules are declared here once and asked twice: by the services before they
write, and by ``pos.proof`` when it replays the chain, so what the counter
refuses and what ``verify`` finds are one rule.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger.schema import Transaction
from pos.periods import LOCAL, local_date
from pos.vocabulary import AwardsMode, Kind, Role

# The village's settings whose change needs a supervisor (base points only when raised).
THRESHOLDS = ("deduction_approval_above", "redemption_approval_above")
# Which threshold limits each kind of entry, counted by the day.
LIMITED = {Kind.DEDUCTION: "deduction_approval_above", Kind.REDEMPTION: "redemption_approval_above"}


def village_guarded(before: Mapping, after: Mapping) -> tuple[str, ...]:
    """The settings changed from ``before`` to ``after`` that need a supervisor's approval:
    an approval threshold changed either way, base points for new cards raised, claims given
    up for direct awards (an award would count unreviewed and unposted), the days a posting
    stays up shortened (a claim credited before the village could object), names no longer
    masked on the notices or the households that lost points named on the honour roll (a
    household's name put up on the board). Each only where ``before`` says what it was: a
    chain written before they were controlled does not."""
    changed = [name for name in THRESHOLDS if before.get(name) != after.get(name)]
    if int(after.get("base_points", 0)) > int(before.get("base_points", 0)):
        changed.append("base_points")
    if (before.get("awards", AwardsMode.DIRECT) == AwardsMode.CLAIMS
            and after.get("awards", AwardsMode.DIRECT) == AwardsMode.DIRECT):
        changed.append("awards")
    if "notice_days" in before and int(after.get("notice_days") or 0) < int(before["notice_days"]):
        changed.append("notice_days")
    if "mask_names" in before and bool(before["mask_names"]) and not bool(after.get("mask_names")):
        changed.append("mask_names")
    if "name_deductions" in before and not bool(before["name_deductions"]) and bool(after.get("name_deductions")):
        changed.append("name_deductions")
    return tuple(changed)


def rule_widened(before: Mapping | None, after: Mapping) -> bool:
    """A rule that now allows what it did not: new, back in use, a wider range, turned
    between award and deduction, a looser limit or cap. A rule out of use allows nothing."""
    if not after["active"]:
        return False
    if before is None or not before["active"]:
        return True
    return (bool(after["deduction"]) != bool(before["deduction"])
            or after["points_min"] < before["points_min"] or after["points_max"] > before["points_max"]
            or limit_loosened(before.get("limit"), after.get("limit"))
            or cap_loosened(before.get("cap"), after.get("cap")))


def cap_loosened(before: int | None, after: int | None) -> bool:
    """A rule's cap per event (households a deed day) taken away or raised."""
    return bool(before) and (not after or int(after) > int(before))


# The limit periods, shortest first: the same count in a shorter period allows more.
_PERIODS = ("day", "week", "month", "quarter", "year")


def limit_loosened(before: str | None, after: str | None) -> bool:
    """A rule's limit (``N/period``) taken away, raised, or counted over a shorter period."""
    if not before:
        return False
    if not after:
        return True
    (count_before, period_before), (count_after, period_after) = (
        (int(text.partition("/")[0]), _PERIODS.index(text.partition("/")[2])) for text in (before, after))
    return count_after > count_before or period_after < period_before


def price_lowered(before: Mapping | None, after: Mapping) -> bool:
    """Goods that now cost fewer points than they did (new goods cost what they are given)."""
    return before is not None and int(after["price_points"]) < int(before["price_points"])


def is_supervisor(facts: Mapping | None) -> bool:
    """An active supervisor, by a user's facts (``role`` and ``active``)."""
    return facts is not None and facts["role"] == Role.SUPERVISOR and bool(facts["active"])


def supervisor_changed(before: Mapping | None, after: Mapping) -> bool:
    """A change that makes, unmakes, deactivates or brings back a supervisor."""
    return is_supervisor(before) != is_supervisor(after)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), LOCAL)
    return start, start + timedelta(days=1)


def day_key(kind: str, operator: str, household, at: datetime) -> tuple:
    """What an approval limit counts together: one kind, one operator, one household, one
    Beijing day."""
    return kind, operator, int(household) if household is not None else None, local_date(at)


def unapproved_on(session: Session, kind: Kind, operator: str, household: int, day: date) -> int:
    """The points ``operator`` already moved by ``kind`` for ``household`` on the Beijing
    ``day`` without a supervisor's approval, leaving out what a reversal undid."""
    start, end = day_bounds(day)
    t = Transaction.__table__.c
    rows = session.execute(select(t.seq, t.attrs).where(
        t.kind == kind, t.operator == operator, t.approver.is_(None), t.at >= start, t.at < end)).all()
    points = {}
    for seq, attrs in rows:
        facts = json.loads(attrs or "{}")
        if str(facts.get("household")) == str(household):
            points[seq] = entry_points(kind, facts)
    if not points:
        return 0
    undone = set(session.scalars(select(t.reverses).where(t.kind == Kind.REVERSAL,
                                                          t.reverses.in_(list(points)))))
    return sum(p for seq, p in points.items() if seq not in undone)


def entry_points(kind: str, attrs: Mapping) -> int:
    """The points an entry of a limited kind moved, as its chained facts say."""
    if kind == Kind.DEDUCTION:
        return abs(int(attrs.get("points", 0)))
    return sum(int(part.rpartition("=")[2]) for part in str(attrs.get("items", "")).split(";")
               if part.strip())


def over_limit(already: int, points: int, limit: int) -> bool:
    """Whether the day's unapproved points with this entry would pass the threshold."""
    return already + points > limit
