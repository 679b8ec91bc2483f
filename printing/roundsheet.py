"""The blank hygiene round sheet: one group's households with six empty boxes each, on A4,
for the inspectors to tick door to door and enter afterwards.

Every column has its rule, an item's name too long for its column wraps onto a second line
(个人卫生净, 物品摆放规范 never run into each other), and 备注 is wide enough to write in.
The sheet's own words come from the catalogue's ``round_paper_*`` templates in the language
asked for; the item names are the village's, as given."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from printing.pdffont import cjk_font, sheet_canvas

MARGIN = 14 * mm
ROW_H = 9 * mm
HEADING_H = 12 * mm  # two lines of a long item's name
HEAD_W = 30 * mm
CARD_W = 22 * mm
NOTE_W = 36 * mm  # a few words written by hand
HEADING_PT = 9
WORDS = ("round_paper_",)  # the catalogue's words the round sheet prints


@dataclass(frozen=True)
class RoundSheet:
    village: str
    group: str
    items: tuple[str, ...]  # the six item names, in order
    households: tuple[tuple[str, str], ...]  # (head, card number)
    words: Mapping[str, str]  # the catalogue's round_paper_* templates, in one language


def render(sheet: RoundSheet, path: Path) -> int:
    """Write the sheet; return the number of pages."""
    font = cjk_font().name
    page_w, page_h = A4
    w = sheet.words
    c = sheet_canvas(path, w["round_paper_doc_title"].format(village=sheet.village, group=sheet.group))
    item_w = (page_w - 2 * MARGIN - HEAD_W - CARD_W - NOTE_W) / max(len(sheet.items), 1)
    per_page = int((page_h - 2 * MARGIN - 28 * mm - HEADING_H) // ROW_H)
    edges = [MARGIN, MARGIN + HEAD_W, MARGIN + HEAD_W + CARD_W]
    edges += [edges[-1] + (n + 1) * item_w for n in range(len(sheet.items))]
    rows = list(sheet.households)
    pages = 0
    for start in range(0, len(rows), per_page):
        pages += 1
        top = page_h - MARGIN
        c.setFont(font, 15)
        c.drawString(MARGIN, top - 6 * mm, w["round_paper_heading"].format(village=sheet.village, group=sheet.group))
        c.setFont(font, 10)
        c.drawString(MARGIN, top - 14 * mm, w["round_paper_date_line"])
        c.drawRightString(page_w - MARGIN, top - 14 * mm, w["round_paper_page"].format(page=pages))
        c.drawString(MARGIN, top - 20 * mm, w["round_paper_marks"])
        y = top - 28 * mm
        x_items = MARGIN + HEAD_W + CARD_W
        c.setFont(font, HEADING_PT)
        c.rect(MARGIN, y - HEADING_H, page_w - 2 * MARGIN, HEADING_H)
        middle = y - HEADING_H / 2 - 1.2 * mm
        c.drawString(MARGIN + 2 * mm, middle, w["round_paper_head"])
        c.drawString(MARGIN + HEAD_W + 2 * mm, middle, w["round_paper_card"])
        for n, name in enumerate(sheet.items):
            lines = _wrapped(name, item_w - 2 * mm, font)
            first = middle + (len(lines) - 1) * 2 * mm
            for k, line in enumerate(lines):
                c.drawCentredString(x_items + (n + 0.5) * item_w, first - k * 4 * mm, line)
        c.drawCentredString(page_w - MARGIN - NOTE_W / 2, middle, w["round_paper_note"])
        body_top = y
        y -= HEADING_H
        for head, card in rows[start:start + per_page]:
            c.rect(MARGIN, y - ROW_H, page_w - 2 * MARGIN, ROW_H)
            c.setFont(font, 11)
            c.drawString(MARGIN + 2 * mm, y - 6.3 * mm, head)
            c.setFont("Helvetica", 9)
            c.drawString(MARGIN + HEAD_W + 2 * mm, y - 6 * mm, card)
            for n in range(len(sheet.items)):
                cx = x_items + (n + 0.5) * item_w
                c.rect(cx - 2.5 * mm, y - 7 * mm, 5 * mm, 5 * mm)
            y -= ROW_H
        for x in edges[1:]:
            c.line(x, body_top, x, y)
        c.showPage()
    c.save()
    return pages


def _wrapped(name: str, width: float, font: str) -> list[str]:
    """``name`` on one line if it fits ``width``, else as many characters as fit on the first
    line and the rest on a second (a Chinese name has no spaces to break at): 个人卫生 / 净,
    物品摆放 / 规范."""
    if stringWidth(name, font, HEADING_PT) <= width or len(name) < 2:
        return [name]
    cut = max(1, max(n for n in range(1, len(name)) if stringWidth(name[:n], font, HEADING_PT) <= width))
    return [name[:cut], name[cut:]]
