"""The blank hygiene round sheet: one group's households with six empty boxes each, on A4,
for the inspectors to tick door to door and enter afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas

from printing.pdffont import cjk_font

MARGIN = 14 * mm
ROW_H = 9 * mm
HEAD_W = 34 * mm
CARD_W = 26 * mm
POINTS_W = 16 * mm


@dataclass(frozen=True)
class RoundSheet:
    village: str
    group: str
    items: tuple[str, ...]  # the six item names, in order
    households: tuple[tuple[str, str], ...]  # (head, card number)


def render(sheet: RoundSheet, path: Path) -> int:
    """Write the sheet; return the number of pages."""
    font = cjk_font().name
    page_w, page_h = A4
    c = pdf_canvas.Canvas(str(path), pagesize=A4, pageCompression=1)
    c.setTitle(f"{sheet.village}{sheet.group}卫生检查表")
    c.setAuthor("aixin-pos")
    item_w = (page_w - 2 * MARGIN - HEAD_W - CARD_W - POINTS_W) / max(len(sheet.items), 1)
    per_page = int((page_h - 2 * MARGIN - 34 * mm) // ROW_H)
    rows = list(sheet.households)
    pages = 0
    for start in range(0, len(rows), per_page):
        pages += 1
        top = page_h - MARGIN
        c.setFont(font, 15)
        c.drawString(MARGIN, top - 6 * mm, f"{sheet.village} {sheet.group} 卫生检查表（五净一规范）")
        c.setFont(font, 10)
        c.drawString(MARGIN, top - 14 * mm, "检查日期：______年____月____日        检查人：________________________")
        c.drawRightString(page_w - MARGIN, top - 14 * mm, f"第 {pages} 页")
        c.drawString(MARGIN, top - 20 * mm, "合格打 √，不合格打 ×。")
        y = top - 28 * mm
        x_items = MARGIN + HEAD_W + CARD_W
        c.setFont(font, 9)
        c.rect(MARGIN, y - ROW_H, page_w - 2 * MARGIN, ROW_H)
        c.drawString(MARGIN + 2 * mm, y - 6 * mm, "户主")
        c.drawString(MARGIN + HEAD_W + 2 * mm, y - 6 * mm, "卡号")
        for n, name in enumerate(sheet.items):
            c.drawCentredString(x_items + (n + 0.5) * item_w, y - 6 * mm, name)
        c.drawCentredString(page_w - MARGIN - POINTS_W / 2, y - 6 * mm, "备注")
        y -= ROW_H
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
        c.showPage()
    c.save()
    return pages
