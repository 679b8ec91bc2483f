"""Point-card sheets: ID-1 cards (85.6 x 54 mm) on A4, ten to a page, with cutting marks.

The words on a card (积分卡, 积分不兑换现金, a replacement's note) come from the catalogue's
``card_paper_*`` templates in the language asked for (``words``), filled here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from printing import barcodes
from printing.pdffont import cjk_font, sheet_canvas

CARD_W, CARD_H = 85.6 * mm, 54 * mm
COLUMNS, ROWS = 2, 5
MODULE = 0.33 * mm  # Code128 module: wide enough for a common handheld scanner
BAR_HEIGHT = 11 * mm
MARK = 4 * mm
WORDS = ("card_paper_",)  # the catalogue's words a card sheet prints


@dataclass(frozen=True)
class CardFace:
    shop: str
    village: str
    head: str
    group: str
    number: str
    replaces: str | None = None  # the blocked card this one replaces


def spaced(number: str) -> str:
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def _origin(index: int) -> tuple[float, float]:
    page_w, page_h = A4
    left = (page_w - COLUMNS * CARD_W) / 2
    top = (page_h - ROWS * CARD_H) / 2
    column, row = index % COLUMNS, index // COLUMNS
    return left + column * CARD_W, page_h - top - (row + 1) * CARD_H


def _cut_marks(c) -> None:
    page_w, page_h = A4
    left = (page_w - COLUMNS * CARD_W) / 2
    bottom = (page_h - ROWS * CARD_H) / 2
    c.saveState()
    c.setLineWidth(0.3)
    c.setStrokeColorRGB(0, 0, 0)
    for i in range(COLUMNS + 1):
        x = left + i * CARD_W
        c.line(x, bottom - 2 * mm - MARK, x, bottom - 2 * mm)
        c.line(x, page_h - bottom + 2 * mm, x, page_h - bottom + 2 * mm + MARK)
    for j in range(ROWS + 1):
        y = bottom + j * CARD_H
        c.line(left - 2 * mm - MARK, y, left - 2 * mm, y)
        c.line(page_w - left + 2 * mm, y, page_w - left + 2 * mm + MARK, y)
    c.restoreState()


def _card(c, face: CardFace, x: float, y: float, font: str, words: Mapping[str, str]) -> None:
    c.saveState()
    c.setLineWidth(0.2)
    c.setStrokeColorRGB(0.75, 0.75, 0.75)
    c.roundRect(x + 1 * mm, y + 1 * mm, CARD_W - 2 * mm, CARD_H - 2 * mm, 3 * mm)
    c.setFillColorRGB(0.75, 0.1, 0.1)
    c.rect(x + 1 * mm, y + CARD_H - 10 * mm, CARD_W - 2 * mm, 9 * mm, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(font, 11)
    c.drawString(x + 4 * mm, y + CARD_H - 7 * mm, face.shop)
    c.drawRightString(x + CARD_W - 4 * mm, y + CARD_H - 7 * mm, words["card_paper_heading"])
    c.setFillColorRGB(0, 0, 0)
    c.setFont(font, 16)
    c.drawString(x + 4 * mm, y + CARD_H - 18 * mm, face.head)
    c.setFont(font, 8)
    c.drawString(x + 4 * mm, y + CARD_H - 23 * mm, f"{face.village} · {face.group}")
    c.setFont("Helvetica-Bold", 15)
    c.drawRightString(x + CARD_W - 4 * mm, y + CARD_H - 18 * mm, spaced(face.number))
    if face.replaces:
        c.setFillColorRGB(0.75, 0.1, 0.1)
        c.setFont(font, 9)
        c.drawRightString(x + CARD_W - 4 * mm, y + CARD_H - 23 * mm,
                          words["card_paper_replaces"].format(old=face.replaces))
        c.setFillColorRGB(0, 0, 0)
    bars = barcodes.code128(face.number)
    barcodes.draw(c, bars, x + 2 * mm, y + 7 * mm, MODULE, BAR_HEIGHT)
    c.setFont(font, 7)
    c.drawRightString(x + CARD_W - 4 * mm, y + 5 * mm, words["card_paper_no_cash"])
    c.setFont("Helvetica", 7)
    c.drawString(x + 2 * mm + barcodes.QUIET_MODULES * MODULE, y + 4 * mm, face.number)
    c.restoreState()


def render(faces: Sequence[CardFace], path: Path, words: Mapping[str, str]) -> int:
    """Write the sheet, its words the catalogue's ``card_paper_*`` templates (``WORDS``) in one
    language; return the number of pages."""
    font = cjk_font().name
    c = sheet_canvas(path, words["card_paper_doc_title"])
    per_page = COLUMNS * ROWS
    pages = 0
    for start in range(0, max(len(faces), 1), per_page):
        if not faces:
            break
        _cut_marks(c)
        for index, face in enumerate(faces[start:start + per_page]):
            _card(c, face, *_origin(index), font, words)
        c.showPage()
        pages += 1
    c.save()
    return pages
