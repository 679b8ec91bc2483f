"""The county's papers: the month's one-page summary and a village's visit list.

Plain data in, pages out. The summary fits one A4 page whatever the number of
villages: the county's totals, how many villages stand where, and the lines that
need someone's attention (late, refused, held keys, outliers), cut to fit with
a note that the workbook has the rest. The visit list (走访核实, 现场抽查盘点)
gives, for each household drawn, what the county holds (its card's last four
digits, the balance at the month's end and the month's movements) with room to
write what the villager's own slip says, and a stock sheet of goods to count.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from printing.pdffont import cjk_font

MARGIN = 14 * mm
ATTENTION_LINES = 34  # what one page holds below the totals
VILLAGE_ROWS = 16  # a county with more villages finds them in the workbook


@dataclass(frozen=True)
class SummaryPage:
    title: str
    subtitle: str
    totals: tuple[tuple[str, str], ...]  # (label, value)
    statuses: tuple[tuple[str, str], ...]  # (label, count)
    attention: tuple[str, ...]
    more: str  # "另有 {n} 项见工作簿" with {n} in it
    footer: str
    villages: tuple[tuple[str, ...], ...] = ()  # header row first; left out when they do not fit
    page_word: str = "{page}"  # the page's number in words ("第 {page} 页"), from the catalogue


@dataclass(frozen=True)
class VisitHousehold:
    number: int
    group: str
    head: str
    card_tail: str
    balance: int
    month_line: str  # "期初 120 得 30 扣 0 兑 40 期末 110"
    movements: tuple[str, ...]  # "03-08 加分 +10", ...
    reason: str  # why drawn


@dataclass(frozen=True)
class StockLine:
    code: str
    name: str
    unit: str
    expected: int


@dataclass(frozen=True)
class VisitList:
    title: str
    subtitle: str
    households: tuple[VisitHousehold, ...]
    goods: tuple[StockLine, ...]
    instructions: str
    footer: str
    words: dict[str, str]  # the paper's own wording (``county_visit_`` and ``county_page``), unfilled


class _Styles:
    def __init__(self, font: str):
        self.font = font
        self.title = ParagraphStyle("title", fontName=font, fontSize=15, leading=20, alignment=1)
        self.subtitle = ParagraphStyle("subtitle", fontName=font, fontSize=9, leading=12, alignment=1,
                                       spaceAfter=3 * mm)
        self.heading = ParagraphStyle("heading", fontName=font, fontSize=11, leading=14,
                                      spaceBefore=3 * mm, spaceAfter=1.5 * mm)
        self.body = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
        self.small = ParagraphStyle("small", fontName=font, fontSize=7, leading=9, wordWrap="CJK")


def _grid(rows, widths, font, size=8, header=True):
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands = [("FONT", (0, 0), (-1, -1), font, size), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")))
    table.setStyle(TableStyle(commands))
    return table


class _Paper:
    """An A4 paper being made: its document, styles, the width between the margins, and its
    footer (a line of text and the page's number) on every page."""

    def __init__(self, path: Path, title: str, footer: str, page_word: str):
        self.font = cjk_font().name
        self.styles = _Styles(self.font)
        self.width = A4[0] - 2 * MARGIN
        self.doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                                     topMargin=MARGIN, bottomMargin=14 * mm, title=title, author="aixin-pos")
        self.footer, self.page_word = footer, page_word

    def _draw_footer(self, c, doc) -> None:
        c.saveState()
        c.setFont(self.font, 7)
        c.drawString(MARGIN, 8 * mm, self.footer)
        c.drawRightString(A4[0] - MARGIN, 8 * mm, self.page_word.format(page=doc.page))
        c.restoreState()

    def build(self, story) -> int:
        """Lays the story out; the number of pages."""
        self.doc.build(story, onFirstPage=self._draw_footer, onLaterPages=self._draw_footer)
        return self.doc.page


def render_summary(page: SummaryPage, path: Path) -> int:
    """The month's summary on one A4 page; returns the number of pages (1)."""
    paper = _Paper(path, page.title, page.footer, page.page_word)
    font, s, width = paper.font, paper.styles, paper.width
    half = (len(page.totals) + 1) // 2
    left, right = page.totals[:half], page.totals[half:]
    rows = [[a, b, *(right[i] if i < len(right) else ("", ""))] for i, (a, b) in enumerate(left)]
    totals = _grid(rows, [width * 0.3, width * 0.2, width * 0.3, width * 0.2], font, header=False)
    totals.setStyle(TableStyle([("ALIGN", (1, 0), (1, -1), "RIGHT"), ("ALIGN", (3, 0), (3, -1), "RIGHT")]))
    statuses = _grid([[label for label, _ in page.statuses], [count for _, count in page.statuses]],
                     [width / max(len(page.statuses), 1)] * len(page.statuses), font)
    attention = list(page.attention)
    room = ATTENTION_LINES
    table = []
    if 1 < len(page.villages) <= VILLAGE_ROWS + 1 and len(page.totals) <= 24:
        columns = len(page.villages[0])
        table = [_grid([list(row) for row in page.villages],
                       [width * 0.22] + [width * 0.78 / (columns - 1)] * (columns - 1), font, size=7),
                 Spacer(1, 2 * mm)]
        room -= len(page.villages) + 2
    if len(attention) > room:
        rest = len(attention) - room + 1
        attention = attention[:room - 1] + [page.more.format(n=rest)]
    story = [Paragraph(page.title, s.title), Paragraph(page.subtitle, s.subtitle), totals,
             Spacer(1, 3 * mm), statuses, Spacer(1, 2 * mm), *table]
    story += [Paragraph(line, s.small) for line in attention]
    return paper.build(story)


def render_visit_list(data: VisitList, path: Path) -> int:
    """The visit list and stock sheet; returns the number of pages."""
    words = data.words
    paper = _Paper(path, data.title, data.footer, words["county_page"])
    font, s, width = paper.font, paper.styles, paper.width
    story = [Paragraph(data.title, s.title), Paragraph(data.subtitle, s.subtitle),
             Paragraph(words["county_visit_visits"], s.heading)]
    rows = [words["county_visit_visit_columns"].split("|")]
    spans = []
    for h in data.households:
        rows.append([str(h.number), h.group, h.head, h.card_tail, str(h.balance), "", ""])
        detail = words["county_visit_drawn_because"].format(month_line=h.month_line, reason=h.reason)
        if h.movements:
            detail += words["county_visit_movements"].format(movements=words["county_visit_and"].join(h.movements))
        rows.append([Paragraph(detail, s.small), "", "", "", "", "", ""])
        spans.append(len(rows) - 1)
    table = _grid(rows, [width * w for w in (0.07, 0.13, 0.14, 0.13, 0.15, 0.15, 0.23)], font)
    table.setStyle(TableStyle([("SPAN", (0, r), (-1, r)) for r in spans]
                              + [("ALIGN", (4, 1), (4, -1), "RIGHT")]))
    story.append(table)
    story.append(Paragraph(words["county_visit_stock"], s.heading))
    rows = [words["county_visit_stock_columns"].split("|")]
    rows += [[str(n), g.code, Paragraph(g.name, s.small), g.unit, str(g.expected), "", ""]
             for n, g in enumerate(data.goods, start=1)]
    story.append(_grid(rows, [width * w for w in (0.07, 0.2, 0.25, 0.08, 0.15, 0.13, 0.12)], font))
    story += [Spacer(1, 4 * mm), Paragraph(data.instructions, s.body), Spacer(1, 8 * mm),
              Paragraph(words["county_visit_signatures"], s.body)]
    return paper.build(story)
