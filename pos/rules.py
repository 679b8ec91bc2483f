"""Point rules (积分管理细则): what earns points, what loses them, and how many.

A rule change never changes the past: every award carries its rule's code,
name and points inside the hashed ledger record. A rule that would allow more
than it did (new, back in use, a wider range, turned between award and
deduction, a looser limit, a higher cap per event or none) needs a supervisor's
approval (``pos.oversight``); narrowing one, or taking it out of use, is the
administrator's alone. Every change is chained.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos import fields, limits, oversight, proof
from pos.store.database import Database
from pos.errors import ShopError
from pos.store.tables import Rule
from pos.service import Actor, Approval, caller, transaction
from pos.users import approve
from pos.vocabulary import Role

HYGIENE_ITEMS = ("W01", "W02", "W03", "W04", "W05", "W06")  # 五净一规范


@dataclass(frozen=True)
class RuleView:
    code: str
    category: str
    name: str
    points_min: int
    points_max: int
    deduction: bool
    active: bool
    limit_count: int | None = None
    limit_period: str = ""
    cap_per_event: int | None = None  # at most this many households an event (deed day)

    @property
    def limit(self) -> limits.Limit | None:
        return limits.of(self.limit_count, self.limit_period)

    @property
    def fixed(self) -> bool:
        return self.points_min == self.points_max

    @property
    def points_text(self) -> str:
        sign = "-" if self.deduction else "+"
        if self.fixed:
            return f"{sign}{self.points_min}"
        return f"{sign}{self.points_min}~{self.points_max}"

    def points_for(self, chosen: int | None) -> int:
        """The points to post (always positive); a range rule needs a choice inside it."""
        if chosen is None:
            if not self.fixed:
                raise ShopError("rule_needs_points", code=self.code, low=self.points_min,
                                high=self.points_max)
            return self.points_min
        if not self.points_min <= chosen <= self.points_max:
            raise ShopError("rule_points_range", code=self.code, value=chosen,
                            low=self.points_min, high=self.points_max)
        return chosen


def _view(rule: Rule) -> RuleView:
    return RuleView(rule.code, rule.category, rule.name, rule.points_min, rule.points_max,
                    rule.deduction, rule.active, rule.limit_count, rule.limit_period or "",
                    rule.cap_per_event or None)


def default_rules() -> list[dict]:
    text = resources.files("resources").joinpath("default_rules.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def load_defaults(session: Session, operator: str = "setup") -> int:
    count = 0
    for row in default_rules():
        if session.scalar(select(Rule.id).where(Rule.code == row["code"])) is None:
            rule = Rule(code=row["code"], category=row["category"], name=row["name"],
                        points_min=int(row["points_min"]), points_max=int(row["points_max"]),
                        deduction=row["deduction"] == "1", active=True)
            session.add(rule)
            proof.rule_fact(session, rule, operator)
            count += 1
    session.flush()
    return count


def rule_in(session: Session, code: str) -> RuleView:
    rule = session.scalar(select(Rule).where(Rule.code == code.strip().upper()))
    if rule is None:
        raise ShopError("rule_unknown", code=code)
    if not rule.active:
        raise ShopError("rule_inactive", code=rule.code, name=rule.name)
    return _view(rule)


def list_rules(db: Database, actor: Actor, include_inactive: bool = False) -> list[RuleView]:
    with db.read() as session:
        caller(session, actor)
        statement = select(Rule).order_by(Rule.code)
        if not include_inactive:
            statement = statement.where(Rule.active)
        return [_view(r) for r in session.scalars(statement)]


def _approved(session: Session, actor: Actor, rule: Rule, before: dict | None,
              approval: Approval | None) -> str | None:
    """The supervisor who approved a rule allowing more than ``before`` did, if it does."""
    if not oversight.rule_widened(before, proof.rule_facts(rule)):
        return None
    return approve(session, actor, approval, "approving_rule", code=rule.code, name=rule.name,
                   points=_view(rule).points_text)


def set_active(db: Database, actor: Actor, code: str, active: bool,
               approval: Approval | None = None) -> RuleView:
    """Stop using a rule, or use it again (with a supervisor's approval). Awards already
    given keep it in their record."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        rule = session.scalar(select(Rule).where(Rule.code == code.strip().upper()))
        if rule is None:
            raise ShopError("rule_unknown", code=code)
        if bool(rule.active) == bool(active):
            return _view(rule)
        before = proof.rule_facts(rule)
        rule.active = active
        session.flush()
        proof.rule_fact(session, rule, user.username, _approved(session, actor, rule, before, approval))
        return _view(rule)


def save(db: Database, actor: Actor, code: str, category: str, name: str,
         points_min: int, points_max: int | None = None, deduction: bool = False,
         active: bool = True, approval: Approval | None = None, limit: str | None = None,
         cap_per_event: int | None = None) -> RuleView:
    """Add a rule or change one. Entries already posted keep the points they had. A new rule,
    or one that now allows more (a wider range, a looser limit or cap), needs a supervisor's
    ``approval``. ``limit`` is ``"N/period"`` (``limits.parse``), ``""`` for none, or None to
    keep the rule's; ``cap_per_event`` the most households an event, 0 for none, or None to
    keep the rule's."""
    limit_given = limits.parse(limit) if limit is not None else None
    if cap_per_event is not None and not 0 <= cap_per_event <= 10_000:
        raise ShopError("rule_cap_bad", value=cap_per_event, high=10_000)
    points_max = points_min if points_max is None else points_max
    if not 0 < points_min <= points_max <= 1000:
        raise ShopError("rule_bad_points", low=points_min, high=points_max)
    code = fields.text(code, "rule_code", longest=10)
    category = fields.text(category, "category", longest=fields.SHORT)
    name = fields.text(name, "rule_name", longest=fields.SHORT)
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        code = code.strip().upper()
        if not code or not name.strip():
            raise ShopError("rule_incomplete")
        rule = session.scalar(select(Rule).where(Rule.code == code))
        before = proof.rule_facts(rule) if rule is not None else None
        if rule is None:
            rule = Rule(code=code)
            session.add(rule)
        rule.category, rule.name = category.strip(), name.strip()
        rule.points_min, rule.points_max = points_min, points_max
        rule.deduction, rule.active = deduction, active
        if limit is not None:
            rule.limit_count = limit_given.count if limit_given else None
            rule.limit_period = str(limit_given.period) if limit_given else ""
        if cap_per_event is not None:
            rule.cap_per_event = cap_per_event or None
        session.flush()
        if before == proof.rule_facts(rule):
            return _view(rule)  # nothing changed: nothing to record
        proof.rule_fact(session, rule, user.username, _approved(session, actor, rule, before, approval))
        return _view(rule)
