"""A rule's limit (``N/week``): at most N times a household in each period of the calendar.

A rule may also carry a cap per event (``cap_per_event``): at most N households earn by
it for one deed day, the labour day or the meeting, however many batches or claims it
is entered in; a household already counted that day does not count twice.

The period is the Beijing calendar's, holding the deed's date: a week runs Monday to
Sunday, a quarter is three months from January, April, July or October. What counts is
every award by the rule the household received for a deed in that period (a batch award
counts once for each of its households, a reversed award not at all), every claim by
the rule not rejected, and, for a hygiene item (院内净, ...), every round held in the
period that passed the household on it (a reversed round not at all): the hygiene
rule's limit follows the rounds. The services ask before they write, under the ledger's write
lock, so two counters cannot both take the last time.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger.schema import Account, Posting, Transaction
from pos import messages
from pos.errors import ShopError
from pos.store.tables import Card, Claim, Household, HygieneRound, HygieneScore
from pos.vocabulary import CARD_PREFIX, LIVE_CLAIMS, Kind, LimitPeriod, card_of

_LIMIT = re.compile(r"^\s*(\d{1,4})\s*/\s*([a-z]+)\s*$")


@dataclass(frozen=True)
class Limit:
    count: int
    period: LimitPeriod

    def __str__(self) -> str:
        return f"{self.count}/{self.period}"

    @property
    def phrase(self) -> messages.Phrase:
        """每周最多 2 次 / at most 2 times a week."""
        return messages.Phrase(f"limit_per_{self.period}", count=self.count)


def parse(text: str | None) -> Limit | None:
    """``"2/week"`` as a limit; empty or ``none`` is no limit."""
    if text is None or text.strip().lower() in ("", "none"):
        return None
    found = _LIMIT.match(text.lower())
    if not found or found.group(2) not in tuple(LimitPeriod) or not 1 <= int(found.group(1)) <= 1000:
        raise ShopError("rule_limit_bad", value=text, periods=messages.OneOf(LimitPeriod))
    return Limit(int(found.group(1)), LimitPeriod(found.group(2)))


def of(count: int | None, period: str | None) -> Limit | None:
    return Limit(count, LimitPeriod(period)) if count and period else None


def period_of(day: date, period: LimitPeriod) -> tuple[date, date]:
    """The first and last day of the calendar ``period`` that holds ``day``."""
    if period == LimitPeriod.DAY:
        return day, day
    if period == LimitPeriod.WEEK:
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    if period == LimitPeriod.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    months = 1 if period == LimitPeriod.MONTH else 3
    first_month = day.month if months == 1 else (day.month - 1) // 3 * 3 + 1
    first = date(day.year, first_month, 1)
    after = date(day.year + (first_month + months > 12), (first_month + months - 1) % 12 + 1, 1)
    return first, after - timedelta(days=1)


def earned(session: Session, rule: str, household_ids, first: date, last: date) -> dict[int, list[date]]:
    """The deed dates on which each household earned by ``rule`` between ``first`` and
    ``last``: awards not reversed, and claims not rejected. ``household_ids`` None: every
    household that did."""
    ids = set(household_ids) if household_ids is not None else None
    found: dict[int, list[date]] = defaultdict(list, {h: [] for h in ids or ()})
    t = Transaction.__table__.c
    awards = {}
    for seq, attrs in session.execute(select(t.seq, t.attrs).where(
            t.kind == Kind.AWARD, t.attrs.contains(rule))):
        facts = json.loads(attrs or "{}")
        deed = date.fromisoformat(str(facts.get("deed_date", "1900-01-01"))[:10])
        if facts.get("rule") == rule and first <= deed <= last:
            awards[seq] = deed
    if awards:
        undone = set(session.scalars(select(t.reverses).where(t.kind == Kind.REVERSAL,
                                                              t.reverses.in_(list(awards)))))
        p, a = Posting.__table__.c, Account.__table__.c
        cards = dict(session.execute(select(Card.number, Card.household_id)).all())
        for seq, code in session.execute(
                select(p.tx_seq, a.code).join(Account.__table__, a.id == p.account_id)
                .where(p.tx_seq.in_(list(awards)), a.code.startswith(CARD_PREFIX))):
            household = cards.get(card_of(code))
            if household is not None and (ids is None or household in ids) and seq not in undone:
                found[household].append(awards[seq])
    rounds = (select(HygieneScore.household_id, HygieneRound.held_on, HygieneRound.tx_seq)
              .join(HygieneRound, HygieneRound.id == HygieneScore.round_id)
              .where(HygieneScore.item == rule, HygieneScore.passed, HygieneRound.tx_seq.is_not(None),
                     HygieneRound.held_on >= first, HygieneRound.held_on <= last))
    if ids is not None:
        rounds = rounds.where(HygieneScore.household_id.in_(ids))
    passed = session.execute(rounds).all()
    if passed:
        undone = set(session.scalars(select(t.reverses).where(
            t.kind == Kind.REVERSAL, t.reverses.in_({seq for _, _, seq in passed}))))
        for household, held, seq in passed:
            if seq not in undone:
                found[household].append(held)
    claims = select(Claim.household_id, Claim.deed_date).where(
        Claim.rule == rule, Claim.status.in_(LIVE_CLAIMS), Claim.deed_date >= first, Claim.deed_date <= last)
    if ids is not None:
        claims = claims.where(Claim.household_id.in_(ids))
    for household, deed in session.execute(claims):
        found[household].append(deed)
    return found


def check(session: Session, rule, household_ids, deed: date) -> None:
    """Refuse if one of ``household_ids`` already earned by ``rule`` as often as its limit
    allows in the period of ``deed``, naming the limit and when it last earned; or if they
    would take the households earning by it on ``deed`` past its cap per event."""
    check_cap(session, rule, household_ids, deed)
    limit = of(rule.limit_count, rule.limit_period)
    if limit is None:
        return
    first, last = period_of(deed, limit.period)
    for household, deeds in earned(session, rule.code, household_ids, first, last).items():
        if len(deeds) >= limit.count:
            head = session.get(Household, household).head_name
            raise ShopError("rule_limit_reached", code=rule.code, name=rule.name, limit=limit.phrase,
                            head=head, last=max(deeds).isoformat())


def check_cap(session: Session, rule, household_ids, deed: date) -> None:
    """Refuse households that would take those earning by ``rule`` on ``deed`` past the
    rule's cap per event, naming the cap, the day and how many are counted already."""
    cap = getattr(rule, "cap_per_event", None)
    if not cap:
        return
    already = {h for h, deeds in earned(session, rule.code, None, deed, deed).items() if deeds}
    more = set(household_ids) - already
    if len(already) + len(more) > cap:
        raise ShopError("rule_cap_reached", code=rule.code, name=rule.name,
                        cap=messages.Phrase("cap_per_event", count=cap), date=deed.isoformat(),
                        already=len(already), more=len(more))
