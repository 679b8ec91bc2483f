"""Goods label sheets: name, zone, price in points and a scannable barcode, on
common A4 label layouts (3 x 8 of 70 x 37 mm, 4 x 10 of 52.5 x 29.7 mm). The price's words
(20 分/袋) come from the catalogue's ``label_paper_*`` templates in the language asked for."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from printing import barcodes
from printing.pdffont import cjk_font, sheet_canvas

WORDS = ("label_paper_",)  # the catalogue's words a label sheet prints


@dataclass(frozen=True)
class LabelLayout:
    name: str
    columns: int
    rows: int
    width_mm: float
    height_mm: float
    left_mm: float = 0
    top_mm: float = 0
    gap_x_mm: float = 0
    gap_y_mm: float = 0


LAYOUTS = {
    "a4-3x8": LabelLayout("a4-3x8", 3, 8, 70, 37, 0, 0.5),
    "a4-4x10": LabelLayout("a4-4x10", 4, 10, 52.5, 29.7),
}


@dataclass(frozen=True)
class LabelFace:
    name: str
    zone: str
    points: int
    unit: str
    code: str


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _label(c, face: LabelFace, x: float, y: float, layout: LabelLayout, font: str,
           words: Mapping[str, str]) -> None:
    w, h = layout.width_mm * mm, layout.height_mm * mm
    small = layout.height_mm < 33
    name_size = 9 if small else 11
    c.setFont(font, name_size)
    c.drawString(x + 3 * mm, y + h - 3 * mm - name_size, _fit(face.name, font, name_size, w - 6 * mm))
    c.setFont(font, 7 if small else 8)
    c.drawString(x + 3 * mm, y + h - 5 * mm - name_size - 7, face.zone)
    c.setFont(font, 10 if small else 12)
    c.drawRightString(x + w - 3 * mm, y + h - 5 * mm - name_size - 7,
                      words["label_paper_price"].format(points=face.points, unit=face.unit))
    bars = barcodes.for_goods(face.code)
    module = min(0.33 * mm, (w - 4 * mm) / bars.width_modules)
    bar_height = (8 if small else 12) * mm
    drawn = bars.width_modules * module
    left = x + (w - drawn) / 2
    barcodes.draw(c, bars, left, y + 4 * mm, module, bar_height)
    c.setFont("Helvetica", 6.5)
    c.drawCentredString(x + w / 2, y + 1.5 * mm, face.code)


def render(faces: Sequence[LabelFace], layout: LabelLayout, path: Path, words: Mapping[str, str]) -> int:
    """Write the label sheet, its words the catalogue's ``label_paper_*`` templates (``WORDS``)
    in one language; return the number of pages."""
    font = cjk_font().name
    c = sheet_canvas(path, words["label_paper_doc_title"])
    page_h = A4[1]
    per_page = layout.columns * layout.rows
    pages = 0
    for start in range(0, len(faces), per_page):
        for index, face in enumerate(faces[start:start + per_page]):
            column, row = index % layout.columns, index // layout.columns
            x = (layout.left_mm + column * (layout.width_mm + layout.gap_x_mm)) * mm
            y = page_h - (layout.top_mm + (row + 1) * layout.height_mm + row * layout.gap_y_mm) * mm
            _label(c, face, x, y, layout, font, words)
        c.showPage()
        pages += 1
    c.save()
    return pages
