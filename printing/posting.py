"""A posting of claims (申报公示) as an A4 PDF: plain data in, pages out.

The list put up on the village's notice board: each household's accepted claims with
the rule, the points and the reason, the household's total, the days the posting is up
and whom to call with an objection. Headers repeat on every page. Its fixed words come with
the data (``words``: the catalogue's templates in the language asked for).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from printing.escpos import fit
from printing.pdffont import cjk_font, sheet_canvas


@dataclass(frozen=True)
class PostingRow:
    group: str
    head: str  # already masked if the village masks names
    claim: int
    rule: str  # "B03 创办合作社或带动就业"
    points: int
    reason: str  # the note, else who declared it
    deed_date: str


@dataclass(frozen=True)
class PostingSheet:
    village: str
    shop: str
    number: int
    first: str  # the first day it is up, "2026-09-05"
    last: str  # the last day
    notice_days: int
    phone: str
    printed: str
    rows: tuple[PostingRow, ...]
    words: Mapping[str, str]  # templates by catalogue key

    @property
    def points(self) -> int:
        return sum(row.points for row in self.rows)

    def households(self) -> list[tuple[str, str, int]]:
        """(group, head, points) of each household on the posting, in the order listed."""
        totals: dict[tuple[str, str], int] = {}
        for row in self.rows:
            totals[(row.group, row.head)] = totals.get((row.group, row.head), 0) + row.points
        return [(group, head, points) for (group, head), points in totals.items()]


LINES = 40  # rows a page


def render(sheet: PostingSheet, path: Path) -> int:
    font = cjk_font().name
    w = sheet.words
    c = sheet_canvas(path, w["posting_doc_title"].format(village=sheet.village, number=sheet.number),
                     initial_font=font)
    page_w, page_h = A4
    left, right = 16 * mm, page_w - 16 * mm
    columns = [left, left + 22 * mm, left + 44 * mm, left + 56 * mm, left + 118 * mm, right - 18 * mm]
    lines = _lines(sheet)
    chunks = [lines[i:i + LINES] for i in range(0, len(lines), LINES)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        y = page_h - 20 * mm
        c.setFont(font, 16)
        c.drawCentredString(page_w / 2, y, w["posting_title"].format(village=sheet.village, number=sheet.number))
        y -= 9 * mm
        c.setFont(font, 10)
        c.drawString(left, y, w["posting_summary"].format(
            first=sheet.first, last=sheet.last, days=sheet.notice_days, households=len(sheet.households()),
            count=len(sheet.rows), points=sheet.points))
        y -= 6 * mm
        c.drawString(left, y, w["posting_objections_phone"].format(phone=sheet.phone) if sheet.phone
                     else w["posting_objections"])
        y -= 8 * mm
        c.setFont(font, 9)
        for x, header in zip(columns, ("paper_group", "paper_head", "posting_claim_no", "posting_rule",
                                       "posting_reason"), strict=False):
            c.drawString(x, y, w[header])
        c.drawRightString(right, y, w["posting_points"])
        y -= 2 * mm
        c.setStrokeColor(colors.grey)
        c.line(left, y, right, y)
        y -= 5 * mm
        for line in chunk:
            if line[0] == "total":
                c.drawString(columns[1], y, w["posting_household_total"].format(head=line[1]))
                c.drawRightString(right, y, f"{line[2]:+d}")
            else:
                row = line[1]
                c.drawString(columns[0], y, _clip(row.group, 10))
                c.drawString(columns[1], y, _clip(row.head, 10))
                c.drawString(columns[2], y, str(row.claim))
                c.drawString(columns[3], y, _clip(row.rule, 30))
                c.drawString(columns[4], y, _clip(f"{row.deed_date[5:]} {row.reason}", 26))
                c.drawRightString(right, y, f"{row.points:+d}")
            y -= 5 * mm
        if not sheet.rows:
            c.drawString(columns[0], y, w["posting_none"])
        c.setFont(font, 8)
        c.drawString(left, 15 * mm, w["posting_footer"].format(printed=sheet.printed, shop=sheet.shop, page=number,
                                                               pages=len(chunks)))
        c.drawRightString(right, 15 * mm, w["paper_no_cash"])
        c.showPage()
    c.save()
    return len(chunks)


def _lines(sheet: PostingSheet) -> list[tuple]:
    """Each claim's row, and after each household's rows its total."""
    lines: list[tuple] = []
    for index, row in enumerate(sheet.rows):
        lines.append(("row", row))
        following = sheet.rows[index + 1] if index + 1 < len(sheet.rows) else None
        if following is None or (following.group, following.head) != (row.group, row.head):
            total = sum(r.points for r in sheet.rows if (r.group, r.head) == (row.group, row.head))
            lines.append(("total", row.head, total))
    return lines


def _clip(text: str, columns: int) -> str:
    pieces = fit(text, columns)
    return pieces[0] + ("…" if len(pieces) > 1 else "")
