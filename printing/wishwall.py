"""The printed wish wall (心愿墙) for the notice board: the open wishes as cards, A4 or A3.

Names arrive already as the public may see them (masked unless the villager
agreed); this module only lays out what it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from printing.pdffont import cjk_font, sheet_canvas

BEIJING = timezone(timedelta(hours=8))  # the village's calendar, whatever the PC's zone


@dataclass(frozen=True)
class WallCard:
    number: int
    group: str
    name: str  # as shown in public: masked unless the villager agreed
    member: str  # which member the wish is for; empty when the name is masked
    text: str
    category: str
    written_on: date
    value_fen: int = 0


@dataclass(frozen=True)
class Paper:
    size: tuple[float, float]
    columns: int
    rows: int
    scale: float  # type sizes and spacing, against A4's


# A3 goes on the board to be read from a step away: more wishes a page, and larger type.
PAPERS = {"A4": Paper(A4, 2, 4, 1.0), "A3": Paper(A3, 3, 4, 1.25)}

MARGIN = 12 * mm
GAP = 5 * mm
HEADER = 34 * mm
FOOTER = 10 * mm
PAD = 4 * mm
TEXT_SIZES = (15, 14, 13, 12, 11, 10, 9)
LEADING = 1.35
RED = (0.72, 0.11, 0.11)
NOTE = (1.0, 0.97, 0.88)  # the paper note a wish is written on
# Punctuation that must not begin a line (a simple 禁则).
NO_LINE_START = set("，。、；：？！）》」』”’…·,.;:?!)")
GUIDE = "欢迎爱心企业、爱心单位和爱心人士认领心愿，请与村委会监督员（第一书记）联系。"
PRIVACY = "未经本人同意，姓名已隐去。"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of ``text`` no wider than ``width``, broken between characters (Chinese has no
    spaces), never starting a line with closing punctuation."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for ch in paragraph:
            if line and stringWidth(line + ch, font, size) > width:
                if ch in NO_LINE_START and len(line) > 1:
                    # carry the last character down with the punctuation
                    lines.append(line[:-1])
                    line = line[-1]
                else:
                    lines.append(line)
                    line = ""
            line += ch
        lines.append(line)
    return lines


def _fit(text: str, font: str, width: float, height: float, k: float = 1.0) -> tuple[float, list[str]]:
    """The largest size at which the wish fits its card; at the smallest, cut with an ellipsis."""
    for size in (s * k for s in TEXT_SIZES):
        lines = wrap(text, font, size, width)
        if len(lines) * size * LEADING <= height:
            return size, lines
    size = TEXT_SIZES[-1] * k
    lines = wrap(text, font, size, width)
    keep = max(int(height // (size * LEADING)), 1)
    return size, lines[:keep - 1] + [lines[keep - 1][:-1] + "…"]


def _yuan(fen: int) -> str:
    return f"{fen // 100}" if fen % 100 == 0 else f"{fen // 100}.{fen % 100:02d}"


def _header(c, paper: Paper, font: str, shop: str, count: int, printed_on: date, page: int,
            pages: int) -> None:
    width, height = paper.size
    k = paper.scale
    band = (HEADER - 10 * mm) * k
    c.setFillColorRGB(*RED)
    c.rect(MARGIN, height - MARGIN - band, width - 2 * MARGIN, band, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(font, 30 * k)
    middle = height - MARGIN - band / 2
    c.drawString(MARGIN + 6 * mm, middle - 30 * k * 0.35, "心愿墙")
    c.setFont(font, 12 * k)
    c.drawRightString(width - MARGIN - 6 * mm, middle + 3 * k, shop)
    c.setFont(font, 10 * k)
    c.drawRightString(width - MARGIN - 6 * mm, middle - 12 * k,
                      f"待认领心愿 {count} 个 · {printed_on.isoformat()} 印")
    c.setFillColorRGB(0.2, 0.2, 0.2)
    c.setFont(font, 10 * k)
    c.drawString(MARGIN, height - MARGIN - band - 6 * mm * k, GUIDE + PRIVACY)
    c.setFont(font, 8 * k)
    c.setFillColorRGB(0.4, 0.4, 0.4)
    c.drawCentredString(width / 2, MARGIN, f"第 {page} / {pages} 页")


def _who(card: WallCard, font: str, size: float, room: float) -> tuple[str, float]:
    """Group, name and member in the room beside the date: smaller type first, then without
    the member, then cut."""
    full = f"{card.group} · {card.name}" + (f"（{card.member}）" if card.member else "")
    for text in (full, f"{card.group} · {card.name}"):
        for step in (1.0, 0.9, 0.8):
            if stringWidth(text, font, size * step) <= room:
                return text, size * step
    text = f"{card.group} · {card.name}"
    while len(text) > 1 and stringWidth(text + "…", font, size * 0.8) > room:
        text = text[:-1]
    return text + "…", size * 0.8


def _card(c, card: WallCard, x: float, y: float, w: float, h: float, font: str, k: float) -> None:
    pad = PAD * k
    c.saveState()
    c.setFillColorRGB(*NOTE)
    c.setStrokeColorRGB(0.85, 0.7, 0.45)
    c.setLineWidth(0.8)
    c.roundRect(x, y, w, h, 3 * mm, stroke=1, fill=1)
    # heading: number and category
    c.setFillColorRGB(*RED)
    c.setFont("Helvetica-Bold", 12 * k)
    c.drawString(x + pad, y + h - pad - 10 * k, f"No. {card.number}")
    tag_w = stringWidth(card.category, font, 10 * k) + 4 * mm * k
    c.roundRect(x + w - pad - tag_w, y + h - pad - 13 * k, tag_w, 15 * k, 2 * mm, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(font, 10 * k)
    c.drawCentredString(x + w - pad - tag_w / 2, y + h - pad - 9 * k, card.category)
    # the wish, in the villager's words
    body_top = y + h - pad - 13 * k - 3 * mm * k
    body_bottom = y + pad + 24 * k
    size, lines = _fit(card.text, font, w - 2 * pad, body_top - body_bottom, k)
    c.setFillColorRGB(0.1, 0.1, 0.1)
    c.setFont(font, size)
    line_y = body_top - size
    for line in lines:
        c.drawString(x + pad, line_y, line)
        line_y -= size * LEADING
    # who and when
    c.setStrokeColorRGB(0.85, 0.7, 0.45)
    c.setLineWidth(0.4)
    c.line(x + pad, y + pad + 20 * k, x + w - pad, y + pad + 20 * k)
    written = f"{card.written_on.isoformat()} 写"
    room = w - 2 * pad - stringWidth(written, font, 9 * k) - 2 * mm
    who, who_size = _who(card, font, 10 * k, room)
    c.setFillColorRGB(0.25, 0.25, 0.25)
    c.setFont(font, who_size)
    c.drawString(x + pad, y + pad + 7 * k, who)
    c.setFont(font, 9 * k)
    c.drawRightString(x + w - pad, y + pad + 8 * k, written)
    if card.value_fen:
        c.drawRightString(x + w - pad, y + pad - 2 * k, f"估价约 {_yuan(card.value_fen)} 元")
    c.restoreState()


def render(cards: Sequence[WallCard], path: Path, *, shop: str, paper: str = "A4",
           printed_on: date | None = None) -> int:
    """Write the wall; return the number of pages. An empty wall still prints one page
    that says every wish has found its donor."""
    layout = PAPERS[paper]
    font = cjk_font().name
    printed_on = printed_on or datetime.now(BEIJING).date()
    width, height = layout.size
    c = sheet_canvas(path, f"{shop} 心愿墙", layout.size)
    per_page = layout.columns * layout.rows
    card_w = (width - 2 * MARGIN - (layout.columns - 1) * GAP) / layout.columns
    top = height - MARGIN - HEADER * layout.scale - 2 * mm
    card_h = (top - MARGIN - FOOTER - (layout.rows - 1) * GAP) / layout.rows
    pages = max((len(cards) + per_page - 1) // per_page, 1)
    for page in range(pages):
        _header(c, layout, font, shop, len(cards), printed_on, page + 1, pages)
        chunk = cards[page * per_page:(page + 1) * per_page]
        if not chunk:
            c.setFont(font, 18 * layout.scale)
            c.setFillColorRGB(*RED)
            c.drawCentredString(width / 2, height / 2, "心愿都已有爱心人士认领，感谢大家！")
        for index, card in enumerate(chunk):
            column, row = index % layout.columns, index // layout.columns
            x = MARGIN + column * (card_w + GAP)
            y = top - (row + 1) * card_h - row * GAP
            _card(c, card, x, y, card_w, card_h, font, layout.scale)
        c.showPage()
    c.save()
    return pages
