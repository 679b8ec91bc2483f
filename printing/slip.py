"""The balance slip (查询积分): a villager's balance and last transactions, to take home."""

from __future__ import annotations

from dataclasses import dataclass

from printing.escpos import CENTER, LEFT, RIGHT, Capabilities, Commands, Paper, columns_line, width
from printing.receipt import NO_CASH


@dataclass(frozen=True)
class SlipLine:
    date: str  # "05-15"
    what: str  # "兑换", "加分"...
    points: int


@dataclass(frozen=True)
class SlipData:
    shop: str
    village: str
    head: str
    group: str
    card: str
    balance: int
    value_yuan: str
    time: str
    lines: tuple[SlipLine, ...]
    title: str = "积分查询"


def render(slip: SlipData, paper: Paper = Paper(), caps: Capabilities = Capabilities()) -> bytes:
    cols = paper.columns
    out = Commands().start()
    big = 2 if width(slip.shop) * 2 <= cols else 1
    out.align(CENTER).size(big, big).line(slip.shop).size().bold().line(slip.title).bold(False)
    out.align(LEFT).line("-" * cols)
    out.line(f"户主：{slip.head}（{slip.group}）")
    out.line(f"卡号：{slip.card}")
    out.line(f"时间：{slip.time}")
    out.line("-" * cols)
    out.align(CENTER).line("当前积分").size(2, 2).bold().line(str(slip.balance)).size().bold(False)
    out.line(f"折合参考价值 {slip.value_yuan}").align(LEFT)
    out.line("-" * cols)
    out.line(columns_line([("日期", 7, LEFT), ("事项", cols - 15, LEFT), ("积分", 8, RIGHT)]))
    for line in slip.lines:
        out.line(columns_line([(line.date, 7, LEFT), (line.what, cols - 15, LEFT), (f"{line.points:+d}", 8, RIGHT)]))
    out.line("-" * cols)
    out.align(CENTER).bold().line(NO_CASH).bold(False).line(slip.village).align(LEFT)
    if caps.cut:
        out.cut()
    else:
        out.feed(4)
    return out.bytes()
