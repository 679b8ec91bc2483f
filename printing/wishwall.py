"""The printed wish wall (心愿墙) for the notice board: the open wishes as cards, A4 or A3.

Names arrive already as the public may see them (masked unless the villager
agreed); this module only lays out what it is given. Its own words (心愿墙, the guide to
donors, the dates and the pages) come from the catalogue's ``wishwall_*`` templates in the
language asked for (``words``), filled here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from printing.pdffont import cjk_font, sheet_canvas

BEIJING = timezone(timedelta(hours=8))  # the village's calendar, whatever the PC's zone
WORDS = ("wishwall_",)  # the catalogue's words the wall prints


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


def _guide(text: str, font: str, size: float, width: float) -> tuple[float, list[str]]:
    """The guide to donors on one line where it fits (the Chinese does), else wrapped between
    words onto two, in smaller type if two lines need it."""
    for step in (1.0, 0.9, 0.8):
        lines = simpleSplit(text, font, size * step, width)
        if len(lines) <= 2:
            return size * step, lines
    return size * step, lines


def _header(c, paper: Paper, font: str, shop: str, count: int, printed_on: date, page: int,
            pages: int, words: Mapping[str, str]) -> None:
    width, height = paper.size
    k = paper.scale
    band = (HEADER - 10 * mm) * k
    c.setFillColorRGB(*RED)
    c.rect(MARGIN, height - MARGIN - band, width - 2 * MARGIN, band, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(font, 30 * k)
    middle = height - MARGIN - band / 2
    c.drawString(MARGIN + 6 * mm, middle - 30 * k * 0.35, words["wishwall_title"])
    c.setFont(font, 12 * k)
    c.drawRightString(width - MARGIN - 6 * mm, middle + 3 * k, shop)
    c.setFont(font, 10 * k)
    c.drawRightString(width - MARGIN - 6 * mm, middle - 12 * k,
                      words["wishwall_count"].format(count=count, date=printed_on.isoformat()))
    c.setFillColorRGB(0.2, 0.2, 0.2)
    size, lines = _guide(words["wishwall_guide"], font, 10 * k, width - 2 * MARGIN)
    c.setFont(font, size)
    if len(lines) == 1:
        c.drawString(MARGIN, height - MARGIN - band - 6 * mm * k, lines[0])
    else:
        for n, line in enumerate(lines):
            c.drawString(MARGIN, height - MARGIN - band - 4.5 * mm * k - n * size * 1.2, line)
    c.setFont(font, 8 * k)
    c.setFillColorRGB(0.4, 0.4, 0.4)
    c.drawCentredString(width / 2, MARGIN, words["wishwall_page"].format(page=page, pages=pages))


def _who(card: WallCard, font: str, size: float, room: float, words: Mapping[str, str]) -> tuple[str, float]:
    """Group, name and member in the room beside the date: smaller type first, then without
    the member, then cut."""
    full = f"{card.group} · {card.name}" + (words["wishwall_member"].format(member=card.member) if card.member
                                            else "")
    for text in (full, f"{card.group} · {card.name}"):
        for step in (1.0, 0.9, 0.8):
            if stringWidth(text, font, size * step) <= room:
                return text, size * step
    text = f"{card.group} · {card.name}"
    while len(text) > 1 and stringWidth(text + "…", font, size * 0.8) > room:
        text = text[:-1]
    return text + "…", size * 0.8


def _card(c, card: WallCard, x: float, y: float, w: float, h: float, font: str, k: float,
          words: Mapping[str, str]) -> None:
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
    written = words["wishwall_written"].format(date=card.written_on.isoformat())
    room = w - 2 * pad - stringWidth(written, font, 9 * k) - 2 * mm
    who, who_size = _who(card, font, 10 * k, room, words)
    c.setFillColorRGB(0.25, 0.25, 0.25)
    c.setFont(font, who_size)
    c.drawString(x + pad, y + pad + 7 * k, who)
    c.setFont(font, 9 * k)
    c.drawRightString(x + w - pad, y + pad + 8 * k, written)
    if card.value_fen:
        c.drawRightString(x + w - pad, y + pad - 2 * k, words["wishwall_value"].format(yuan=_yuan(card.value_fen)))
    c.restoreState()


def render(cards: Sequence[WallCard], path: Path, *, shop: str, words: Mapping[str, str], paper: str = "A4",
           printed_on: date | None = None) -> int:
    """Write the wall, its words the catalogue's ``wishwall_*`` templates (``WORDS``) in one
    language; return the number of pages. An empty wall still prints one page that says
    every wish has found its donor."""
    layout = PAPERS[paper]
    font = cjk_font().name
    printed_on = printed_on or datetime.now(BEIJING).date()
    width, height = layout.size
    c = sheet_canvas(path, words["wishwall_doc_title"].format(shop=shop), layout.size)
    per_page = layout.columns * layout.rows
    card_w = (width - 2 * MARGIN - (layout.columns - 1) * GAP) / layout.columns
    top = height - MARGIN - HEADER * layout.scale - 2 * mm
    card_h = (top - MARGIN - FOOTER - (layout.rows - 1) * GAP) / layout.rows
    pages = max((len(cards) + per_page - 1) // per_page, 1)
    for page in range(pages):
        _header(c, layout, font, shop, len(cards), printed_on, page + 1, pages, words)
        chunk = cards[page * per_page:(page + 1) * per_page]
        if not chunk:
            c.setFont(font, 18 * layout.scale)
            c.setFillColorRGB(*RED)
            c.drawCentredString(width / 2, height / 2, words["wishwall_empty"])
        for index, card in enumerate(chunk):
            column, row = index % layout.columns, index // layout.columns
            x = MARGIN + column * (card_w + GAP)
            y = top - (row + 1) * card_h - row * GAP
            _card(c, card, x, y, card_w, card_h, font, layout.scale, words)
        c.showPage()
    c.save()
    return pages
