"""五公开 on the notice: the point rules in force (with their limits and caps) and the goods'
point values, as the notice's annexes print them. Both are read from the chain up to the
month's last entry, which the closure seals: a notice printed months later lists the rules
and prices of its month, not today's; the month's points themselves come from the sealed
closure and its range of the ledger (``pos.month.reasons``)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger.schema import Transaction
from pos import limits, messages
from pos.month.document import ClosureView
from pos.month.reasons import Reason
from pos.vocabulary import Kind
from printing.annex import PriceRow, ReasonRow, RuleRow


def _in_force(session: Session, kind: Kind, key: str, last_seq: int) -> dict[str, dict]:
    """Each record's chained facts as they stood at entry ``last_seq``."""
    t = Transaction.__table__.c
    found: dict[str, dict] = {}
    for attrs in session.scalars(select(t.attrs).where(t.kind == kind, t.seq <= last_seq).order_by(t.seq)):
        facts = json.loads(attrs or "{}")
        found[str(facts.get(key, ""))] = facts
    return found


def _points_text(facts: dict) -> str:
    sign = "-" if facts["deduction"] else "+"
    low, high = int(facts["points_min"]), int(facts["points_max"])
    return f"{sign}{low}" if low == high else f"{sign}{low}~{high}"


def rule_rows(session: Session, last_seq: int, lang: str = "zh") -> tuple[RuleRow, ...]:
    """The rules in use at entry ``last_seq``, awards first, with their limits and caps."""
    found = []
    rules = _in_force(session, Kind.RULE, "rule", last_seq)
    for code, facts in sorted(rules.items(), key=lambda item: (bool(item[1]["deduction"]), item[0])):
        if not facts["active"]:
            continue
        bounds = [limits.parse(facts.get("limit") or "")]
        said = [messages.worded(bounds[0].phrase, lang)] if bounds[0] else []
        if facts.get("cap"):
            said.append(messages.text("cap_per_event", lang, count=int(facts["cap"])))
        found.append(RuleRow(code, facts["category"], facts["name"], _points_text(facts),
                             ("；" if lang == "zh" else "; ").join(said) or "—"))
    return tuple(found)


def price_rows(session: Session, last_seq: int) -> tuple[PriceRow, ...]:
    """The goods on offer at entry ``last_seq``, at the points they cost then."""
    goods = [(code, facts) for code, facts in _in_force(session, Kind.GOODS, "goods", last_seq).items()
             if facts["active"]]
    goods.sort(key=lambda item: (item[1]["zone"], int(item[1]["price_points"]), item[0]))
    return tuple(PriceRow(f["zone"], code, f["name"], f["unit"], int(f["price_points"]),
                          f"{int(f['value_fen']) // 100}.{int(f['value_fen']) % 100:02d}") for code, f in goods)


def reason_rows(view: ClosureView, reasons: tuple[Reason, ...], name) -> tuple[ReasonRow, ...]:
    """The annex's rows in the order of the notice's households, names as the notice shows them."""
    lines = {h.household_id: h for h in view.households}
    order = {h.household_id: n for n, h in enumerate(view.households)}
    rows = []
    for r in sorted(reasons, key=lambda r: (order.get(r.household_id, len(order)), r.lost)):
        h = lines.get(r.household_id)
        if h is None:
            continue
        rows.append(ReasonRow(h.group, name(h.head), h.card[-4:], "" if r.code in ("base", "hygiene") else r.code,
                              r.name, r.count, 0 if r.lost else r.points, r.points if r.lost else 0))
    return tuple(rows)
