"""A household's statement for one month (a PDF, or a slip on the receipt printer), or its
whole history as an A4 PDF, page after page, each with the table's headers.

Plain data in; the villager sees every transaction of their own household,
its points and the running balance, between the opening and closing balance. Its words come
with the data (``Statement.words``: the catalogue's templates in the language asked for).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

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
    # its words, by catalogue key (``pos.statement.WORDS``), in the language it is printed in
    words: Mapping[str, str] = field(kw_only=True)  # required; by keyword, as it follows defaults

    @property
    def earned(self) -> int:
        return sum(line.points for line in self.lines if line.points > 0)

    @property
    def spent(self) -> int:
        return -sum(line.points for line in self.lines if line.points < 0)


MAX_LINES = 48  # one page; a longer month continues on further pages


def render_pdf(statement: Statement, path: Path) -> int:
    font = cjk_font().name
    w = statement.words
    # The CJK font from the start, so no unembedded standard font is written at all.
    c = sheet_canvas(path, w["statement_doc_title"].format(head=statement.head, month=statement.month_title),
                     initial_font=font)
    page_w, page_h = A4
    left, right = 18 * mm, page_w - 18 * mm
    pages = 0
    chunks = [statement.lines[i:i + MAX_LINES] for i in range(0, len(statement.lines), MAX_LINES)] or [()]
    # the kind's column, 20 mm unless a kind needs more (in English they are longer than in Chinese)
    widest = max(stringWidth(text, font, 9)
                 for text in [w["statement_col_kind"], *(line.kind for line in statement.lines)])
    kind_width = 20 * mm if widest <= 20 * mm - 2 else widest + 2 * mm
    columns = [left, left + 20 * mm, left + 36 * mm, left + 36 * mm + kind_width, right - 28 * mm, right]
    for number, chunk in enumerate(chunks, start=1):
        y = page_h - 20 * mm
        c.setFont(font, 15)
        if statement.whole:
            shop = statement.shop if statement.village in statement.shop else f"{statement.village} {statement.shop}"
            c.drawCentredString(page_w / 2, y, w["statement_title_whole"].format(shop=shop))
        else:
            c.drawCentredString(page_w / 2, y, w["statement_title"].format(shop=statement.shop,
                                                                          month=statement.month_title))
        y -= 9 * mm
        c.setFont(font, 10)
        c.drawString(left, y, w["statement_who"].format(head=statement.head, group=statement.group,
                                                        card=statement.card))
        y -= 6 * mm
        if statement.whole:
            c.drawString(left, y, w["statement_sums_whole"].format(earned=statement.earned, spent=statement.spent,
                                                                   closing=statement.closing,
                                                                   count=len(statement.lines)))
        else:
            c.drawString(left, y, w["statement_sums"].format(opening=statement.opening, earned=statement.earned,
                                                             spent=statement.spent, closing=statement.closing))
        y -= 8 * mm
        c.setFont(font, 9)
        headers = [w[key] for key in ("statement_col_date", "statement_col_seq", "statement_col_kind",
                                      "statement_col_detail", "posting_points", "statement_col_balance")]
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
            c.drawString(columns[0], y, w["statement_none_whole"] if statement.whole else w["statement_none"])
            y -= 5 * mm
        c.line(left, y + 2 * mm, right, y + 2 * mm)
        c.setFont(font, 8)
        footer = w["statement_footer"].format(printed=statement.printed, page=number, pages=len(chunks))
        if statement.closure is not None:
            footer += w["statement_footer_closure"].format(closure=statement.closure, hash=statement.last_hash)
        c.drawString(left, 15 * mm, footer)
        c.drawRightString(right, 15 * mm, w["paper_no_cash"])
        c.showPage()
        pages += 1
    c.save()
    return pages


def _clip(text: str, columns: int) -> str:
    pieces = fit(text, columns)
    return pieces[0] + ("…" if len(pieces) > 1 else "")


def render_slip(statement: Statement, paper: Paper = Paper(), caps: Capabilities = Capabilities()) -> bytes:
    w = statement.words
    cols = paper.columns
    rule = "-" * cols
    out = Commands().start()
    out.align(CENTER).bold().line(statement.shop).line(w["statement_slip_title"].format(month=statement.month_title))
    out.bold(False).align(LEFT).line(rule)
    out.line(w["statement_slip_head"].format(head=statement.head, group=statement.group))
    out.line(w["statement_slip_card"].format(card=statement.card))
    out.line(_pair(w["statement_opening"], str(statement.opening), cols))
    out.line(rule)
    for line in statement.lines:
        points = f"{line.points:+d}"
        balance = str(line.balance)
        label = fit(f"{line.date} {line.kind}", cols - 14)[0]
        out.line(columns_line([(label, cols - 14, LEFT), (points, 7, RIGHT), (balance, 7, RIGHT)]))
        for piece in fit(line.detail, cols - 2)[:2]:
            out.line("  " + piece)
    if not statement.lines:
        out.line(w["statement_none"])
    out.line(rule)
    out.line(_pair(w["statement_earned"], str(statement.earned), cols))
    out.line(_pair(w["statement_spent"], str(statement.spent), cols))
    out.bold().line(_pair(w["statement_closing"], str(statement.closing), cols)).bold(False)
    out.line(w["statement_slip_printed"].format(printed=statement.printed))
    if statement.closure is not None:
        out.line(w["statement_slip_closure"].format(closure=statement.closure, hash=statement.last_hash))
    out.align(CENTER).line(w["statement_slip_no_cash"]).line(statement.village).align(LEFT)
    if caps.cut:
        out.cut()
    else:
        out.feed(4)
    return out.bytes()


def _pair(left: str, right: str, columns: int) -> str:
    return columns_line([(left, columns - width(right), LEFT), (right, width(right), RIGHT)])
