"""A household's statement for one month (a PDF, or a slip on the receipt printer), or its
whole history as an A4 PDF, page after page, each with the table's headers.

Plain data in; the villager sees every transaction of their own household,
its points and the running balance, between the opening and closing balance.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from printing.escpos import CENTER, LEFT, RIGHT, Capabilities, Commands, Paper, columns_line, fit, width
from printing.pdffont import cjk_font, sheet_canvas


@dataclass(frozen=True)
class StatementLine:
    date: str  # "10-08"
    seq: int
    kind: str  # 加分 / 兑换 / ...
    detail: str
    points: int
    balance: int


@dataclass(frozen=True)
class Statement:
    village: str
    shop: str
    month_title: str
    head: str
    group: str
    card: str
    opening: int
    lines: tuple[StatementLine, ...]
    closing: int
    printed: str  # when it was made, local time
    closure: int | None = None  # the closure number, if the month is closed
    last_hash: str = ""  # of the closure, first 16 hex
    whole: bool = False  # the household's whole history, not one month

    @property
    def earned(self) -> int:
        return sum(line.points for line in self.lines if line.points > 0)

    @property
    def spent(self) -> int:
        return -sum(line.points for line in self.lines if line.points < 0)


MAX_LINES = 48  # one page; a longer month continues on further pages


def render_pdf(statement: Statement, path: Path) -> int:
    font = cjk_font().name
    # The CJK font from the start, so no unembedded standard font is written at all.
    c = sheet_canvas(path, f"{statement.head} {statement.month_title}积分明细", initial_font=font)
    page_w, page_h = A4
    left, right = 18 * mm, page_w - 18 * mm
    pages = 0
    chunks = [statement.lines[i:i + MAX_LINES] for i in range(0, len(statement.lines), MAX_LINES)] or [()]
    columns = [left, left + 20 * mm, left + 36 * mm, left + 56 * mm, right - 28 * mm, right]
    for number, chunk in enumerate(chunks, start=1):
        y = page_h - 20 * mm
        c.setFont(font, 15)
        if statement.whole:
            shop = statement.shop if statement.village in statement.shop else f"{statement.village} {statement.shop}"
            c.drawCentredString(page_w / 2, y, f"{shop} 积分明细（全部记录）")
        else:
            c.drawCentredString(page_w / 2, y, f"{statement.shop} 积分明细（{statement.month_title}）")
        y -= 9 * mm
        c.setFont(font, 10)
        c.drawString(left, y, f"户主：{statement.head}    村民小组：{statement.group}    卡号：{statement.card}")
        y -= 6 * mm
        if statement.whole:
            c.drawString(left, y, f"累计得分：{statement.earned} 分    累计支出：{statement.spent} 分    "
                                  f"现有余额：{statement.closing} 分    共 {len(statement.lines)} 笔")
        else:
            c.drawString(left, y, f"期初余额：{statement.opening} 分    本月得分：{statement.earned} 分    "
                                  f"本月支出：{statement.spent} 分    期末余额：{statement.closing} 分")
        y -= 8 * mm
        c.setFont(font, 9)
        headers = ["日期", "流水号", "类别", "摘要", "积分", "余额"]
        for i, header in enumerate(headers):
            if i >= 4:
                c.drawRightString(columns[i + 1] - 16 * mm if i == 4 else columns[-1], y, header)
            else:
                c.drawString(columns[i], y, header)
        y -= 2 * mm
        c.setStrokeColor(colors.grey)
        c.line(left, y, right, y)
        y -= 5 * mm
        for line in chunk:
            c.drawString(columns[0], y, line.date)
            c.drawString(columns[1], y, str(line.seq))
            c.drawString(columns[2], y, line.kind)
            c.drawString(columns[3], y, _clip(line.detail, 44))
            c.drawRightString(columns[5] - 16 * mm, y, f"{line.points:+d}")
            c.drawRightString(columns[5], y, str(line.balance))
            y -= 5 * mm
        if not statement.lines:
            c.drawString(columns[0], y, "没有交易。" if statement.whole else "本月没有交易。")
            y -= 5 * mm
        c.line(left, y + 2 * mm, right, y + 2 * mm)
        c.setFont(font, 8)
        footer = f"打印时间 {statement.printed} · 第 {number} 页 / 共 {len(chunks)} 页"
        if statement.closure is not None:
            footer += f" · 月结第 {statement.closure} 号，账头 {statement.last_hash}"
        c.drawString(left, 15 * mm, footer)
        c.drawRightString(right, 15 * mm, "积分只兑换商品，不兑换现金")
        c.showPage()
        pages += 1
    c.save()
    return pages


def _clip(text: str, columns: int) -> str:
    pieces = fit(text, columns)
    return pieces[0] + ("…" if len(pieces) > 1 else "")


def render_slip(statement: Statement, paper: Paper = Paper(), caps: Capabilities = Capabilities()) -> bytes:
    cols = paper.columns
    rule = "-" * cols
    out = Commands().start()
    out.align(CENTER).bold().line(statement.shop).line(f"积分明细 {statement.month_title}").bold(False)
    out.align(LEFT).line(rule)
    out.line(f"户主：{statement.head}（{statement.group}）")
    out.line(f"卡号：{statement.card}")
    out.line(_pair("期初余额", str(statement.opening), cols))
    out.line(rule)
    for line in statement.lines:
        points = f"{line.points:+d}"
        balance = str(line.balance)
        label = fit(f"{line.date} {line.kind}", cols - 14)[0]
        out.line(columns_line([(label, cols - 14, LEFT), (points, 7, RIGHT), (balance, 7, RIGHT)]))
        for piece in fit(line.detail, cols - 2)[:2]:
            out.line("  " + piece)
    if not statement.lines:
        out.line("本月没有交易。")
    out.line(rule)
    out.line(_pair("本月得分", str(statement.earned), cols))
    out.line(_pair("本月支出", str(statement.spent), cols))
    out.bold().line(_pair("期末余额", str(statement.closing), cols)).bold(False)
    out.line(f"打印：{statement.printed}")
    if statement.closure is not None:
        out.line(f"月结第{statement.closure}号 {statement.last_hash}")
    out.align(CENTER).line("积分不兑换现金").line(statement.village).align(LEFT)
    if caps.cut:
        out.cut()
    else:
        out.feed(4)
    return out.bytes()


def _pair(left: str, right: str, columns: int) -> str:
    return columns_line([(left, columns - width(right), LEFT), (right, width(right), RIGHT)])
