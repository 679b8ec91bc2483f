"""Hygiene rounds: every household scored on the six 五净一规范 items at once.

An item's rule may carry a limit (``1/month``): a round that would pass a household on
it once more than the limit allows is refused whole, naming the item, the household and
the round it last passed in (``pos.limits``: the limit follows the rounds)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

import ledger
from ledger import Leg
from ledger.book import reversal_of
from pos import codes, fields, limits, messages, periods
from pos.cards import account, household_cards, usable
from pos.store.database import Database
from pos.errors import ImportProblems, ShopError
from pos.households import read_rows, views
from pos.rules import HYGIENE_ITEMS, rule_in
from pos.store.tables import HygieneRound, HygieneScore, Household, Rule, VillagerGroup
from pos.service import Actor, caller, transaction
from pos.village import settings_in
from pos.vocabulary import ISSUE, CardStatus, HouseholdStatus, Kind, Role
from printing import roundsheet

YES = {"1", "√", "✓", "✔", "是", "合格", "y", "yes", "true", "pass", "ok"}
NO = {"0", "×", "✗", "✘", "否", "不合格", "n", "no", "false", "fail", ""}


@dataclass(frozen=True)
class RoundResult:
    round_id: int
    held_on: date
    seq: int | None
    households: int
    points: int
    full_marks: int


def record(db: Database, actor: Actor, held_on: date, inspectors: str,
           scores: Mapping[int, Mapping[str, bool]]) -> RoundResult:
    """Save a round: every household's six items, and one ledger transaction for all points."""
    if not scores:
        raise ShopError("round_empty")
    inspectors = fields.text(inspectors, "inspectors")
    if not inspectors:
        raise ShopError("round_needs_inspectors")
    fields.day(held_on)
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        periods.check_dated(session, held_on, "dated_round")
        items = {code: rule_in(session, code) for code in HYGIENE_ITEMS}
        _refuse_repeat(session, held_on, scores)
        for code in HYGIENE_ITEMS:
            passed = [household_id for household_id, marks in scores.items() if marks.get(code)]
            if passed:
                limits.check(session, items[code], passed, held_on)
        hygiene_round = HygieneRound(held_on=held_on, inspectors=inspectors.strip(), tx_seq=None)
        session.add(hygiene_round)
        session.flush()
        legs, total, full = [], 0, 0
        targets = household_cards(session, scores)
        for household_id, marks in scores.items():
            unknown = set(marks) - set(HYGIENE_ITEMS)
            if unknown:
                raise ShopError("round_unknown_item", item=messages.AllOf(sorted(unknown)))
            household, number = targets[household_id]
            earned = 0
            for code in HYGIENE_ITEMS:
                passed = bool(marks.get(code, False))
                points = items[code].points_min if passed else 0
                earned += points
                session.add(HygieneScore(round_id=hygiene_round.id, household_id=household.id,
                                         item=code, passed=passed, points=points))
            full += all(marks.get(code, False) for code in HYGIENE_ITEMS)
            if earned:
                legs.append(Leg(account(number), earned))
                total += earned
        if total:
            legs.insert(0, Leg(ISSUE, -total))
            hygiene_round.tx_seq = ledger.post(
                session, kind=Kind.HYGIENE, operator=user.username, legs=legs,
                attrs={"round": hygiene_round.id, "held_on": held_on.isoformat(),
                       "inspectors": inspectors.strip(), "households": len(scores)},
            ).seq
        session.flush()
        return RoundResult(hygiene_round.id, held_on, hygiene_round.tx_seq, len(scores), total, full)


def _refuse_repeat(session, held_on: date, scores: Mapping[int, Mapping[str, bool]]) -> None:
    """A household is scored at most once a day: a round that scores one again repeats an
    earlier round (the same sheet entered twice) unless that round was reversed."""
    earlier = session.execute(
        select(HygieneRound.id, HygieneRound.tx_seq, Household.head_name)
        .join(HygieneScore, HygieneScore.round_id == HygieneRound.id)
        .join(Household, Household.id == HygieneScore.household_id)
        .where(HygieneRound.held_on == held_on, HygieneScore.household_id.in_(list(scores)))
        .order_by(HygieneRound.id, Household.id)
    ).all()
    repeated = [(round_id, head) for round_id, seq, head in earlier
                if seq is None or reversal_of(session, seq) is None]
    if repeated:
        round_id = repeated[0][0]
        heads = list(dict.fromkeys(head for r, head in repeated if r == round_id))
        raise ShopError("round_repeats", round=round_id, date=held_on.isoformat(),
                        head=heads[0], count=len(heads))


def _mark(value: str) -> bool:
    folded = codes.normalise(value).lower()
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise ShopError("round_bad_mark", value=value)


def from_csv(db: Database, actor: Actor, data: bytes, held_on: date, inspectors: str) -> RoundResult:
    """A round from a CSV: a card number (or head of household) column and the six items."""
    with db.read() as session:
        caller(session, actor, Role.ADMIN)
        names = {code: rule_in(session, code).name for code in HYGIENE_ITEMS}
        fields = {"card": ("卡号", "积分卡号", "card", "card_number"),
                  "head": ("户主", "户主姓名", "姓名", "head")}
        fields.update({code: (name, code.lower()) for code, name in names.items()})
        rows = read_rows(data, fields, tuple(HYGIENE_ITEMS))
        problems, scores, seen = [], {}, {}
        for number, row in rows:
            try:
                household_id = _household_for(session, row)
                marks = {code: _mark(row[code]) for code in HYGIENE_ITEMS}
            except ShopError as problem:
                problems.append((number, problem))
                continue
            if household_id in seen:
                problems.append((number, ShopError("row_repeats", other=seen[household_id])))
                continue
            seen[household_id] = number
            scores[household_id] = marks
    if problems:
        raise ImportProblems(problems)
    return record(db, actor, held_on, inspectors, scores)


def _household_for(session, row) -> int:
    if row.get("card"):
        return usable(session, row["card"])[1].id
    head = (row.get("head") or "").strip()
    if not head:
        raise ShopError("round_row_unnamed")
    matches = session.scalars(select(Household.id).where(
        Household.head_name == head, Household.status == HouseholdStatus.ACTIVE)).all()
    if len(matches) != 1:
        raise ShopError("round_head_ambiguous" if matches else "household_named_unknown", head=head)
    return matches[0]


@dataclass(frozen=True)
class HouseholdHistory:
    household_id: int
    head: str
    per_round: tuple[int | None, ...]  # items passed in each round (None: not inspected)
    per_item: tuple[int, ...]  # rounds each of the six items passed, over the rounds shown

    @property
    def trend(self) -> int:
        """Items passed in the latest round minus the earliest one it was in."""
        seen = [n for n in self.per_round if n is not None]
        return seen[-1] - seen[0] if len(seen) > 1 else 0


@dataclass(frozen=True)
class RoundHistory:
    rounds: tuple[date, ...]  # oldest first
    households: tuple[HouseholdHistory, ...]


def history(db: Database, actor: Actor, group: str | None = None, last: int = 6) -> RoundHistory:
    """The last ``last`` rounds, per household and per item, to see who improves."""
    with db.read() as session:
        caller(session, actor)
        rounds = list(reversed(session.execute(
            select(HygieneRound.id, HygieneRound.held_on).order_by(HygieneRound.held_on.desc(),
                                                                   HygieneRound.id.desc()).limit(last)).all()))
        order = {round_id: n for n, (round_id, _) in enumerate(rounds)}
        statement = (select(HygieneScore.round_id, HygieneScore.item, HygieneScore.passed, Household.id,
                            Household.head_name)
                     .join(Household, Household.id == HygieneScore.household_id)
                     .where(HygieneScore.round_id.in_(list(order))).order_by(Household.group_id, Household.id))
        if group:
            statement = statement.join(VillagerGroup, VillagerGroup.id == Household.group_id).where(
                VillagerGroup.name == group)
        passed: dict[int, dict] = {}
        heads: dict[int, str] = {}
        for round_id, item, ok, household_id, head in session.execute(statement):
            heads[household_id] = head
            marks = passed.setdefault(household_id, {})
            marks.setdefault(order[round_id], set())
            if ok:
                marks[order[round_id]].add(item)
    rows = []
    for household_id, marks in passed.items():
        per_round = tuple(len(marks[n]) if n in marks else None for n in range(len(rounds)))
        per_item = tuple(sum(code in done for done in marks.values()) for code in HYGIENE_ITEMS)
        rows.append(HouseholdHistory(household_id, heads[household_id], per_round, per_item))
    return RoundHistory(tuple(held for _, held in rounds), tuple(rows))


def _round_households_in(session, group: str | None) -> list:
    statement = (select(Household).where(Household.status == HouseholdStatus.ACTIVE)
                 .order_by(Household.group_id, Household.id))
    if group:
        statement = statement.where(Household.group_id.in_(
            select(VillagerGroup.id).where(VillagerGroup.name == group)))
    return [h for h in views(session, statement) if h.card_number and h.card_status == CardStatus.ACTIVE]


def round_households(db: Database, actor: Actor, group: str | None = None) -> list:
    """The households a round of one group (``None``: the whole village) inspects: those
    living here with an active card, by group and as added (the screen's rows, the sheet's)."""
    with db.read() as session:
        caller(session, actor)
        return _round_households_in(session, group)


def round_sheet(db: Database, actor: Actor, group: str | None = None, lang: str = "zh") -> roundsheet.RoundSheet:
    """The blank sheet for a round of one group (``None``: the whole village): its households
    with an active card, as the hygiene screen lists them, the six items' names, and the
    sheet's words in ``lang``."""
    with db.read() as session:
        caller(session, actor)
        village = settings_in(session)
        names = dict(session.execute(select(Rule.code, Rule.name).where(Rule.code.in_(HYGIENE_ITEMS))).all())
        rows = _round_households_in(session, group)
    if not rows:  # the screen's list may be older than the books
        raise ShopError("nothing_to_print")
    words = messages.templates(roundsheet.WORDS, lang)
    return roundsheet.RoundSheet(village.name, group or words["round_paper_whole_village"],
                                 tuple(names[code] for code in HYGIENE_ITEMS),
                                 tuple((h.head_name, h.card_number) for h in rows), words)
