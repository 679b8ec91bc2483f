"""The notice's annexes (附表): why each household's points moved, the point rules and the
price list in force (五公开), and the honour roll (光荣榜). Plain rows in, flowables out;
``printing.notice`` places them after the notice's own sections and gives them its
styles, its table and its words (``w``: the catalogue's templates in the notice's language)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Paragraph
from reportlab.lib.units import mm


@dataclass(frozen=True)
class ReasonRow:
    """A household's points under one rule in the month (earned or lost)."""

    group: str
    head: str
    card_tail: str
    code: str
    name: str
    count: int
    earned: int
    lost: int


@dataclass(frozen=True)
class RuleRow:
    """A point rule in force, as 五公开 lists it."""

    code: str
    category: str
    name: str
    points: str  # "+5～+10" or "-5"
    limit: str  # "每周最多 2 次", or "—"


@dataclass(frozen=True)
class PriceRow:
    """A goods item's point value (the price list)."""

    zone: str
    code: str
    name: str
    unit: str
    points: int
    value: str  # yuan, "55.00"


@dataclass(frozen=True)
class HonourLine:
    rank: int
    group: str
    head: str
    card_tail: str
    points: int


@dataclass(frozen=True)
class HonourBoard:
    """One list of the honour roll: the village's or a group's, for a month or a year."""

    title: str  # "2026年11月 全村" / "2026年 富庄组"
    lines: tuple[HonourLine, ...]


@dataclass(frozen=True)
class DeductionRow:
    """Points lost in the month under a rule: by a household when the village names them,
    else by the village as a whole (``head`` empty, ``households`` how many lost them)."""

    group: str
    head: str
    card_tail: str
    reason: str  # "D01 乱倒垃圾"
    count: int
    points: int
    households: int = 1


def deductions(rows: Sequence[DeductionRow], named: bool, s, width: float, table: Callable,
               w: Mapping[str, str]) -> list:
    story: list = [CondPageBreak(30 * mm), Paragraph(
        w["annex_deductions_title"] + ("" if named else w["annex_deductions_unnamed"]), s.heading)]
    if not rows:
        return story + [Paragraph(w["annex_deductions_none"], s.body)]
    unit = width / 100
    if named:
        body = [[r.group, r.head, r.card_tail, Paragraph(r.reason, s.cell), r.count, r.points] for r in rows]
        return story + [table([[w["paper_group"], w["paper_head"], w["paper_card_tail"], w["annex_deduction_reason"],
                                w["paper_count"], w["annex_deducted"]]] + body,
                              [unit * n for n in (14, 16, 14, 36, 10, 10)], s, 4)]
    body = [[Paragraph(r.reason, s.cell), r.households, r.count, r.points] for r in rows]
    body.append([w["paper_total"], "", sum(r.count for r in rows), sum(r.points for r in rows)])
    return story + [table([[w["annex_deduction_reason"], w["annex_households"], w["paper_count"],
                            w["annex_deducted"]]] + body, [unit * n for n in (52, 16, 16, 16)], s, 1,
                          total_row=True)]


def reasons(rows: Sequence[ReasonRow], s, width: float, table: Callable, w: Mapping[str, str]) -> list:
    story: list = [CondPageBreak(40 * mm), Paragraph(w["annex_reasons_title"], s.heading)]
    if not rows:
        return story + [Paragraph(w["annex_reasons_none"], s.body)]
    header = [w["paper_group"], w["paper_head"], w["paper_card_tail"], w["annex_rule_code"], w["annex_rule_reason"],
              w["paper_count"], w["annex_earned"], w["annex_deducted"]]
    body = [[r.group, r.head, r.card_tail, r.code, Paragraph(r.name, s.cell), r.count,
             r.earned or "", r.lost or ""] for r in rows]
    body.append([w["paper_total"], "", "", "", "", sum(r.count for r in rows), sum(r.earned for r in rows),
                 sum(r.lost for r in rows)])
    unit = width / 100
    story.append(table([header] + body, [unit * n for n in (10, 12, 10, 10, 30, 8, 10, 10)], s, 5,
                       total_row=True))
    story.append(Paragraph(w["annex_reasons_note"], s.cell))
    return story


def rules(rows: Sequence[RuleRow], s, width: float, table: Callable, w: Mapping[str, str]) -> list:
    story: list = [CondPageBreak(40 * mm), Paragraph(w["annex_rules_title"], s.heading)]
    if not rows:
        return story + [Paragraph(w["annex_rules_none"], s.body)]
    header = [w["annex_code"], w["annex_category"], w["annex_rule"], w["annex_points"], w["annex_limit"]]
    body = [[r.code, Paragraph(r.category, s.cell), Paragraph(r.name, s.cell), r.points,
             Paragraph(r.limit, s.cell)] for r in rows]
    unit = width / 100
    story.append(table([header] + body, [unit * n for n in (10, 16, 38, 14, 22)], s, 3))
    return story


def prices(rows: Sequence[PriceRow], s, width: float, table: Callable, w: Mapping[str, str]) -> list:
    story: list = [CondPageBreak(40 * mm), Paragraph(w["annex_prices_title"], s.heading)]
    if not rows:
        return story + [Paragraph(w["annex_prices_none"], s.body)]
    header = [w["annex_zone"], w["annex_code"], w["annex_goods"], w["annex_unit"], w["annex_price"], w["annex_value"]]
    body = [[r.zone, r.code, Paragraph(r.name, s.cell), r.unit, r.points, r.value] for r in rows]
    unit = width / 100
    story.append(table([header] + body, [unit * n for n in (14, 16, 34, 8, 12, 16)], s, 4))
    return story


def honour(boards: Sequence[HonourBoard], heading: str, s, width: float, table: Callable,
           w: Mapping[str, str]) -> list:
    story: list = [CondPageBreak(40 * mm), Paragraph(heading, s.heading)]
    for board in boards:
        story.append(Paragraph(board.title, s.body))
        if not board.lines:
            story.append(Paragraph(w["annex_honour_none"], s.cell))
            continue
        body = [[w["annex_rank_of"].format(rank=line.rank), line.group, line.head, line.card_tail, line.points]
                for line in board.lines]
        unit = width / 100
        story.append(table([[w["annex_rank"], w["paper_group"], w["paper_head"], w["paper_card_tail"],
                             w["annex_earned"]]] + body, [unit * n for n in (16, 20, 26, 20, 18)], s, 4))
    return story
