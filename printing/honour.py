"""The honour roll (光荣榜) as an A4 poster for the village's board: the month's boards and
the year's, the closure they were read from, and the notice's QR code, which proves the
books still hold the month the roll was counted from. Plain data in (``pos.month.honour``'s
roll: titles, boards, the closure's number and last hash, and its words in the language
asked for), a PDF out."""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from printing import annex
from printing.notice import FOOT, MARGIN, QR_SIZE, _Styles, _table, qr_drawing
from printing.pdffont import cjk_font


def render(roll, path: Path) -> int:
    """Write the poster; return the number of pages."""
    font = cjk_font().name
    s = _Styles(font, 1.1)
    width = A4[0] - 2 * MARGIN
    banner = ParagraphStyle("banner", fontName=font, fontSize=34, leading=42, alignment=TA_CENTER,
                            textColor=colors.HexColor("#B22222"), spaceAfter=3 * mm)
    w = roll.words
    story = [
        Paragraph(w["honour_banner"], banner),
        Paragraph(w["honour_subtitle"].format(shop=roll.shop, month=roll.month_title), s.title),
        Paragraph(w["honour_basis"], s.subtitle),
    ]
    story += annex.honour(roll.month_boards, w["honour_month_top"].format(month=roll.month_title), s, width,
                          _table, w)
    story += annex.honour(roll.year_boards, w["honour_year_top"].format(year=roll.year), s, width, _table, w)
    story += annex.deductions(roll.deductions, roll.deductions_named, s, width, _table, w)
    if roll.masked:
        story.append(Paragraph(w["honour_masked"], s.cell))

    def footer(c, doc):
        c.saveState()
        c.setFont(font, 8)
        c.drawString(MARGIN, FOOT - 8 * mm, w["honour_footer"].format(shop=roll.shop, month=roll.month_title,
                                                                      number=roll.number))
        c.drawString(MARGIN, FOOT - 13 * mm, w["honour_footer_chain"].format(seq=roll.last_seq,
                                                                            hash=roll.last_hash[:16]))
        c.setFont(font, 7)
        c.drawString(MARGIN, FOOT - 18 * mm, w["honour_footer_qr"])
        renderPDF.draw(qr_drawing(roll.qr_text), c, A4[0] - MARGIN - QR_SIZE, 4 * mm)
        c.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=FOOT, title=w["honour_doc_title"].format(shop=roll.shop, month=roll.month_title), author="aixin-pos",
                            pageCompression=1)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return doc.page
