"""The notice's annexes (附表): why each household's points moved, the point rules and the
price list in force (五公开), and the honour roll (光荣榜). Plain rows in, flowables out;
``printing.notice`` places them after the notice's own sections and gives them its
styles and its table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def deductions(rows: Sequence[DeductionRow], named: bool, s, width: float, table: Callable) -> list:
    story: list = [CondPageBreak(30 * mm), Paragraph("本月扣分情况" + ("" if named else "（按本村决定，不列户名）"),
                                                     s.heading)]
    if not rows:
        return story + [Paragraph("本月没有扣分。", s.body)]
    unit = width / 100
    if named:
        body = [[r.group, r.head, r.card_tail, Paragraph(r.reason, s.cell), r.count, r.points] for r in rows]
        return story + [table([["村民小组", "户主", "卡号后四位", "扣分事由", "次数", "扣分"]] + body,
                              [unit * w for w in (14, 16, 14, 36, 10, 10)], s, 4)]
    body = [[Paragraph(r.reason, s.cell), r.households, r.count, r.points] for r in rows]
    body.append(["合计", "", sum(r.count for r in rows), sum(r.points for r in rows)])
    return story + [table([["扣分事由", "户数", "次数", "扣分"]] + body, [unit * w for w in (52, 16, 16, 16)], s, 1,
                          total_row=True)]


def reasons(rows: Sequence[ReasonRow], s, width: float, table: Callable) -> list:
    story: list = [CondPageBreak(40 * mm), Paragraph("附表一、各户本月得分与扣分的事由（按积分规则）", s.heading)]
    if not rows:
        return story + [Paragraph("本月没有得分或扣分。", s.body)]
    header = ["村民小组", "户主", "卡号后四位", "规则编号", "事由（规则）", "次数", "得分", "扣分"]
    body = [[r.group, r.head, r.card_tail, r.code, Paragraph(r.name, s.cell), r.count,
             r.earned or "", r.lost or ""] for r in rows]
    body.append(["合计", "", "", "", "", sum(r.count for r in rows), sum(r.earned for r in rows),
                 sum(r.lost for r in rows)])
    unit = width / 100
    story.append(table([header] + body, [unit * w for w in (10, 12, 10, 10, 30, 8, 10, 10)], s, 5,
                       total_row=True))
    story.append(Paragraph("注：每户各行之和即上表该户的本月得分与本月扣分；“（撤销）”为更正已入账的记录。", s.cell))
    return story


def rules(rows: Sequence[RuleRow], s, width: float, table: Callable) -> list:
    story: list = [CondPageBreak(40 * mm), Paragraph("附表二、本月执行的积分规则（积分管理细则）", s.heading)]
    if not rows:
        return story + [Paragraph("没有在用的积分规则。", s.body)]
    header = ["编号", "类别", "规则", "分值", "次数限制"]
    body = [[r.code, Paragraph(r.category, s.cell), Paragraph(r.name, s.cell), r.points,
             Paragraph(r.limit, s.cell)] for r in rows]
    unit = width / 100
    story.append(table([header] + body, [unit * w for w in (10, 16, 38, 14, 22)], s, 3))
    return story


def prices(rows: Sequence[PriceRow], s, width: float, table: Callable) -> list:
    story: list = [CondPageBreak(40 * mm), Paragraph("附表三、商品兑换所需积分（本月价目表）", s.heading)]
    if not rows:
        return story + [Paragraph("没有在售的商品。", s.body)]
    header = ["商品分区", "编号", "商品", "单位", "所需积分", "参考价值（元）"]
    body = [[r.zone, r.code, Paragraph(r.name, s.cell), r.unit, r.points, r.value] for r in rows]
    unit = width / 100
    story.append(table([header] + body, [unit * w for w in (14, 16, 34, 8, 12, 16)], s, 4))
    return story


def honour(boards: Sequence[HonourBoard], heading: str, s, width: float, table: Callable) -> list:
    story: list = [CondPageBreak(40 * mm), Paragraph(heading, s.heading)]
    for board in boards:
        story.append(Paragraph(board.title, s.body))
        if not board.lines:
            story.append(Paragraph("暂无得分。", s.cell))
            continue
        body = [[f"第 {line.rank} 名", line.group, line.head, line.card_tail, line.points]
                for line in board.lines]
        unit = width / 100
        story.append(table([["名次", "村民小组", "户主", "卡号后四位", "得分"]] + body,
                           [unit * w for w in (16, 20, 26, 20, 18)], s, 4))
    return story
