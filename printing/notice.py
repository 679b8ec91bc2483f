"""The monthly public notice (公示) as a PDF: plain data in, pages out.

Every page carries, at its foot, the closure number, the range of ledger
transactions the month covers, the first 16 hex characters of the month's
last transaction hash, the page number, and a QR code holding
``AIXIN2|village id|closure|last seq|full hash`` (the village named by the hash
of its ledger's first entry, which no renaming changes; notices printed before
held ``AIXIN1|village name|...``): whoever holds any one page can later prove
that the books still contain exactly what was posted (``aixin verify --notice``;
the paper tells villagers who can check it and how, in their words: the township,
the county, anyone with the program). Tables repeat their header on every page.
A4 portrait, or A3 landscape in two columns for a large board. Its words come with its
data (``Notice.words``: the catalogue's templates in the language it is printed in), so the
same paper prints in Chinese for the village's board or in English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from printing import annex
from printing.annex import HonourBoard, PriceRow, ReasonRow, RuleRow
from printing.pdffont import cjk_font

QR_SIZE = 24 * mm
FOOT = 32 * mm  # room at the bottom of every page for the footer and its QR code
MARGIN = 14 * mm


@dataclass(frozen=True)
class HouseholdRow:
    group: str
    head: str  # already masked if the village masks names
    card_tail: str  # the card number's last four digits
    opening: int
    earned: int
    deducted: int
    redeemed: int
    recovered: int
    closing: int


@dataclass(frozen=True)
class DeliveryRow:
    date: str
    party: str  # donor, or the funds a purchase was paid from
    kind: str  # 爱心企业 / 爱心人士 / ... or 采购
    goods: str
    quantity: str  # "20袋"
    value: str  # yuan, "550.00"


@dataclass(frozen=True)
class ClaimRow:
    """A claim (申报) on the notice: credited in the month, or still posted at its end."""

    group: str
    head: str  # already masked if the village masks names
    rule: str  # the rule's name
    deed_date: str
    points: int
    posting_ends: str  # the last day of its posting


@dataclass(frozen=True)
class EchoRow:
    """A wish fulfilled in the month (the echo wall, 回音墙)."""

    household: str
    wish: str
    donor: str
    date: str
    answer: str


@dataclass(frozen=True)
class Notice:
    village: str
    shop: str
    month_title: str  # "2026年10月"
    number: int
    first_seq: int
    last_seq: int
    last_hash: str
    qr_text: str
    closed_on: str
    households: tuple[HouseholdRow, ...]
    donations: tuple[DeliveryRow, ...]
    purchases: tuple[DeliveryRow, ...]
    zones: tuple[tuple[str, int, int], ...]  # (zone, quantity, points)
    month_totals: tuple[tuple[str, str], ...]
    cumulative: tuple[tuple[str, str], ...]
    notice_period: str
    objection_phone: str
    point_note: str  # "每分折合 3.00 元；积分不兑换现金"
    echo: tuple[EchoRow, ...] = ()
    masked: bool = False
    key_fingerprint: str = ""  # the village's signing key, as the county compares it
    county_received: int | None = None  # the newest closure the county acknowledged
    village_id: str = ""  # the hash of the ledger's first entry: the village's lasting name
    supervisor_lines: tuple[str, ...] = ()  # supervisors made with the sealed recovery code
    reasons: tuple[ReasonRow, ...] = ()  # each household's month by rule (annex one)
    rules: tuple[RuleRow, ...] = ()  # the point rules in force (annex two, 五公开)
    prices: tuple[PriceRow, ...] = ()  # the goods' point values (annex three, 五公开)
    honour: tuple[HonourBoard, ...] = ()  # the month's honour roll, and the year's in December
    honour_heading: str = ""
    # The paper's own words and its annexes', by catalogue key (``pos.month.notice.WORDS``), in
    # the language it is printed in: templates it fills with its figures.
    words: Mapping[str, str] = field(kw_only=True)  # required; by keyword, as it follows defaults
    # A village on claims: the claims the month credited (in the households' points), and
    # those still on a posting at its end (counted in the month they are credited).
    claims_credited: tuple[ClaimRow, ...] = ()
    claims_posted: tuple[ClaimRow, ...] = ()

    @property
    def range_text(self) -> str:
        if self.last_seq < self.first_seq:
            return self.words["notice_range_none"].format(last=self.last_seq)
        return self.words["notice_range"].format(first=self.first_seq, last=self.last_seq)

    @property
    def footer_text(self) -> str:
        return self.words["notice_footer_chain"].format(number=self.number, range=self.range_text,
                                                        hash=self.last_hash[:16])


def qr_drawing(text: str, size: float = QR_SIZE) -> Drawing:
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


class _Styles:
    def __init__(self, font: str, scale: float = 1.0):
        self.font = font
        self.title = ParagraphStyle("title", fontName=font, fontSize=17 * scale, leading=22 * scale,
                                    alignment=TA_CENTER, spaceAfter=2 * mm)
        self.subtitle = ParagraphStyle("subtitle", fontName=font, fontSize=9.5 * scale,
                                       leading=13 * scale, alignment=TA_CENTER, spaceAfter=3 * mm)
        self.heading = ParagraphStyle("heading", fontName=font, fontSize=11.5 * scale,
                                      leading=15 * scale, spaceBefore=4 * mm, spaceAfter=1.5 * mm)
        self.body = ParagraphStyle("body", fontName=font, fontSize=9 * scale, leading=13 * scale,
                                   wordWrap="CJK")
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=8 * scale, leading=10 * scale,
                                   wordWrap="CJK")
        self.size = 8 * scale


def _table(rows: list[list], widths: Sequence[float], styles: _Styles, numeric_from: int,
           total_row: bool = False) -> Table:
    rows = [[_fitted(cell, widths[n], styles, TA_CENTER if r == 0 else TA_RIGHT if n >= numeric_from else TA_LEFT)
             for n, cell in enumerate(row)] for r, row in enumerate(rows)]
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands = [
        ("FONT", (0, 0), (-1, -1), styles.font, styles.size),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
    ]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F4F4F4")))
    table.setStyle(TableStyle(commands))
    return table


def _fitted(cell, width: float, s: _Styles, alignment: int):
    """A text too wide for its column (a heading in English, mostly) as a paragraph that wraps
    in it; a text that fits stays as it was."""
    if not isinstance(cell, str) or stringWidth(cell, s.font, s.size) <= width - (0 if alignment == TA_CENTER else 6):
        return cell
    style = ParagraphStyle("fitted", parent=s.cell, alignment=alignment,
                           wordWrap="CJK" if any(ord(ch) >= 0x2E80 for ch in cell) else None)
    return Paragraph(escape(cell), style)


def _story(notice: Notice, styles: _Styles, width: float) -> list:
    """The notice, section by section, then its annexes."""
    story = [*_heading(notice, styles), *_households(notice, styles, width), *_goods(notice, styles, width),
             _totals(notice, styles, width), *_echo(notice, styles, width), _checking(notice, styles, width)]
    if notice.honour:
        story += annex.honour(notice.honour, notice.honour_heading, styles, width, _table, notice.words)
    if notice.reasons or notice.rules or notice.prices:
        story += annex.reasons(notice.reasons, styles, width, _table, notice.words)
        story += annex.rules(notice.rules, styles, width, _table, notice.words)
        story += annex.prices(notice.prices, styles, width, _table, notice.words)
    return story


def _heading(notice: Notice, s: _Styles) -> list:
    w = notice.words
    return [
        Paragraph(w["notice_title"].format(shop=notice.shop, month=notice.month_title), s.title),
        Paragraph(w["notice_subtitle"].format(shop=notice.shop, range=notice.range_text, number=notice.number,
                                              closed=notice.closed_on), s.subtitle),
    ]


def _households(notice: Notice, s: _Styles, width: float) -> list:
    """一、each household's month, with the claims credited and still posted."""
    w = notice.words
    story = [Paragraph(w["notice_households_title"], s.heading)]
    header = [w[key] for key in ("paper_group", "paper_head", "paper_card_tail", "notice_col_opening",
                                 "notice_col_earned", "notice_col_deducted", "notice_col_redeemed",
                                 "notice_col_recovered", "notice_col_closing")]
    rows = [header] + [
        [h.group, h.head, h.card_tail, h.opening, h.earned, h.deducted, h.redeemed, h.recovered,
         h.closing] for h in notice.households
    ]
    rows.append([w["paper_total"], w["notice_households_count"].format(count=len(notice.households)), "",
                 *(sum(getattr(h, f) for h in notice.households)
                   for f in ("opening", "earned", "deducted", "redeemed", "recovered", "closing"))])
    unit = width / 100
    story.append(_table(rows, [11 * unit, 14 * unit, 11 * unit] + [10.66 * unit] * 6, s, 3,
                        total_row=True))
    if notice.masked:
        story.append(Paragraph(w["honour_masked"], s.cell))
    for title, lines in ((w["notice_claims_credited"], notice.claims_credited),
                         (w["notice_claims_posted"], notice.claims_posted)):
        if lines:
            story.append(CondPageBreak(30 * mm))
            story.append(Paragraph(title, s.heading))
            rows = [[w["paper_group"], w["paper_head"], w["annex_rule"], w["notice_col_deed_date"],
                     w["posting_points"], w["notice_col_posted_until"]]] + [
                [c.group, c.head, Paragraph(c.rule, s.cell), c.deed_date, c.points, c.posting_ends]
                for c in lines]
            story.append(_table(rows, [width * share for share in (0.14, 0.16, 0.3, 0.14, 0.1, 0.14)], s, 4))
    return story


def _goods(notice: Notice, s: _Styles, width: float) -> list:
    """二、donations, 三、purchases, 四、redemptions by zone."""
    w = notice.words
    story = [CondPageBreak(40 * mm), Paragraph(w["notice_donations_title"], s.heading),
             _deliveries(notice.donations, [w["notice_col_date"], w["notice_col_donor"], w["annex_category"],
                                            w["notice_col_goods"], w["notice_col_quantity"], w["notice_col_value"]],
                         w["notice_donations_none"], s, width, w),
             CondPageBreak(30 * mm), Paragraph(w["notice_purchases_title"], s.heading),
             _deliveries(notice.purchases, [w["notice_col_date"], w["notice_col_funds"], w["notice_col_means"],
                                            w["notice_col_goods"], w["notice_col_quantity"], w["notice_col_amount"]],
                         w["notice_purchases_none"], s, width, w),
             CondPageBreak(40 * mm), Paragraph(w["notice_zones_title"], s.heading)]
    if notice.zones:
        rows = [[w["annex_zone"], w["notice_col_items"], w["posting_points"]]] + [[z, q, p] for z, q, p in notice.zones]
        rows.append([w["paper_total"], sum(q for _, q, _ in notice.zones), sum(p for _, _, p in notice.zones)])
        story.append(_table(rows, [width * 0.4, width * 0.2, width * 0.2], s, 1, total_row=True))
    else:
        story.append(Paragraph(w["notice_zones_none"], s.body))
    return story


def _totals(notice: Notice, s: _Styles, width: float):
    """五、the month's and the cumulative totals side by side."""
    w = notice.words
    pairs = max(len(notice.month_totals), len(notice.cumulative))
    month_rows = list(notice.month_totals) + [("", "")] * (pairs - len(notice.month_totals))
    cumulative_rows = list(notice.cumulative) + [("", "")] * (pairs - len(notice.cumulative))
    totals = [[w["notice_col_month"], w["posting_points"], w["notice_col_cumulative"], w["posting_points"]]] + [
        [a, b, c, d] for (a, b), (c, d) in zip(month_rows, cumulative_rows, strict=True)]
    table = _table(totals, [width * 0.32, width * 0.16, width * 0.36, width * 0.16], s, 1)
    table.setStyle(TableStyle([("ALIGN", (2, 1), (2, -1), "LEFT")]))
    return KeepTogether([Paragraph(w["notice_totals_title"], s.heading), table, Paragraph(notice.point_note, s.cell)])


def _echo(notice: Notice, s: _Styles, width: float) -> list:
    """六、the wishes come true this month, where there are any."""
    if not notice.echo:
        return []
    w = notice.words
    rows = [[w["notice_col_household"], w["notice_col_wish"], w["notice_col_giver"], w["notice_col_date"],
             w["notice_col_answer"]]] + [
        [Paragraph(e.household, s.cell), Paragraph(e.wish, s.cell), Paragraph(e.donor, s.cell),
         e.date, Paragraph(e.answer, s.cell)] for e in notice.echo]
    return [CondPageBreak(30 * mm), Paragraph(w["notice_echo_title"], s.heading),
            _table(rows, [width * share for share in (0.14, 0.24, 0.2, 0.12, 0.3)], s, 5)]


def _checking(notice: Notice, s: _Styles, width: float):
    """The posting period, whom to tell of an objection, who can check the notice and how, the
    chain's head, and the signatures."""
    w = notice.words
    phone = notice.objection_phone or "________________"
    return KeepTogether([
        Paragraph(w["notice_checking_title"], s.heading),
        Paragraph(w["notice_objections"].format(period=notice.notice_period, phone=phone), s.body),
        Paragraph(w["notice_how_to_check"].format(range=notice.range_text), s.cell),
        Paragraph(f"{notice.last_seq}:{notice.last_hash}",
                  ParagraphStyle("anchor", fontName="Courier", fontSize=7.5, leading=10)),
        *_county_lines(notice, s),
        Spacer(1, 8 * mm),
        Table([[w["notice_sign_admin"], w["notice_sign_supervisor"], w["notice_sign_date"]]],
              colWidths=[width * 0.36, width * 0.36, width * 0.28],
              style=TableStyle([("FONT", (0, 0), (-1, -1), s.font, 9.5 * s.size / 8)])),
        Spacer(1, 4 * mm),
        Paragraph(w["notice_seal"], s.body),
    ])


def _county_lines(notice: Notice, s: _Styles) -> list:
    w = notice.words
    lines = [Paragraph(line, s.body) for line in notice.supervisor_lines]
    if notice.village_id:
        lines.append(Paragraph(w["notice_village_id"].format(id=notice.village_id), s.cell))
    if notice.county_received:
        lines.append(Paragraph(w["notice_county_received"].format(number=notice.county_received), s.cell))
    if notice.key_fingerprint:
        lines.append(Paragraph(w["notice_key_fingerprint"].format(fingerprint=notice.key_fingerprint), s.cell))
    return lines


def _deliveries(lines: Sequence[DeliveryRow], header: list[str], empty: str, s: _Styles, width: float,
                w: Mapping[str, str]):
    if not lines:
        return Paragraph(empty, s.body)
    rows = [header] + [[d.date, Paragraph(d.party, s.cell), d.kind, Paragraph(d.goods, s.cell),
                        d.quantity, d.value] for d in lines]
    total = sum(int(d.value.replace(".", "")) for d in lines)
    rows.append([w["paper_total"], "", "", "", "", f"{total // 100}.{total % 100:02d}"])
    return _table(rows, [width * share for share in (0.13, 0.27, 0.11, 0.25, 0.1, 0.14)], s, 4, total_row=True)


def _numbered_canvas(notice: Notice, font: str):
    """A canvas that, once every page is laid out, writes "第 x 页 / 共 y 页" (page x of y) on each."""

    class NumberedCanvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.setFont(font, 8)
                self.drawRightString(width - MARGIN - QR_SIZE - 4 * mm, 10 * mm,
                                     notice.words["notice_page"].format(page=self._pageNumber, pages=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def _footer(notice: Notice, font: str):
    w = notice.words

    def draw(c, doc):
        width, _ = doc.pagesize
        c.saveState()
        c.setStrokeColor(colors.grey)
        c.setLineWidth(0.4)
        c.line(MARGIN, FOOT - 3 * mm, width - MARGIN, FOOT - 3 * mm)
        c.setFont(font, 8)
        c.drawString(MARGIN, FOOT - 8 * mm, w["notice_footer"].format(shop=notice.shop, month=notice.month_title))
        c.drawString(MARGIN, FOOT - 13 * mm, notice.footer_text)
        c.setFont(font, 7)
        c.drawString(MARGIN, FOOT - 18 * mm, w["notice_footer_qr"])
        renderPDF.draw(qr_drawing(notice.qr_text), c, width - MARGIN - QR_SIZE, 4 * mm)
        c.restoreState()

    return draw


def render(notice: Notice, path: Path, *, a3: bool = False) -> int:
    """Write the notice; return the number of pages."""
    font = cjk_font().name
    pagesize = landscape(A3) if a3 else A4
    width, height = pagesize
    doc = BaseDocTemplate(str(path), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=FOOT,
                          title=notice.words["notice_doc_title"].format(shop=notice.shop, month=notice.month_title),
                          author="aixin-pos", pageCompression=1)
    if a3:
        gap = 10 * mm
        column = (width - 2 * MARGIN - gap) / 2
        frames = [Frame(MARGIN + i * (column + gap), FOOT, column, height - MARGIN - FOOT,
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"c{i}")
                  for i in range(2)]
        styles = _Styles(font, 1.15)
        inner = column
    else:
        frames = [Frame(MARGIN, FOOT, width - 2 * MARGIN, height - MARGIN - FOOT,
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")]
        styles = _Styles(font)
        inner = width - 2 * MARGIN
    doc.addPageTemplates([PageTemplate(id="notice", frames=frames, onPage=_footer(notice, font))])
    doc.build(_story(notice, styles, inner), canvasmaker=_numbered_canvas(notice, font))
    return doc.page
