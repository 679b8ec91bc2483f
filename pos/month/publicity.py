"""五公开 on the notice: the point rules in force (with their limits) and the goods' point
values, as the notice's annexes print them. These are the rules and prices on the day
the notice is printed; the month's points themselves come from the sealed closure and
its range of the ledger (``pos.month.reasons``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos import messages
from pos.month.document import ClosureView
from pos.month.reasons import Reason
from pos.rules import _view as rule_view
from pos.store.tables import Goods, Rule
from printing.annex import PriceRow, ReasonRow, RuleRow


def rule_rows(session: Session, lang: str = "zh") -> tuple[RuleRow, ...]:
    found = []
    for rule in session.scalars(select(Rule).where(Rule.active.is_(True)).order_by(Rule.deduction, Rule.code)):
        view = rule_view(rule)
        limit = view.limit
        found.append(RuleRow(view.code, view.category, view.name, view.points_text,
                             messages.worded(limit.phrase, lang) if limit else "—"))
    return tuple(found)


def price_rows(session: Session) -> tuple[PriceRow, ...]:
    return tuple(PriceRow(g.zone, g.code, g.name, g.unit, g.price_points, f"{g.value_fen // 100}.{g.value_fen % 100:02d}")
                 for g in session.scalars(select(Goods).where(Goods.active.is_(True))
                                          .order_by(Goods.zone, Goods.price_points, Goods.code)))


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
