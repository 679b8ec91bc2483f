"""The honour roll (光荣榜) as an A4 poster for the village's board: the month's boards and
the year's, the closure they were read from, and the notice's QR code, which proves the
books still hold the month the roll was counted from. Plain data in (``pos.month.honour``'s
roll: titles, boards, the closure's number and last hash), a PDF out."""

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
    story = [
        Paragraph("光荣榜", banner),
        Paragraph(f"{roll.shop} · {roll.month_title}", s.title),
        Paragraph("按积分规则所得的分数排名（劳动、卫生、美德等加分，扣除撤销的记录；不含发卡基础积分，不按余额）。"
                  "同分同名次。", s.subtitle),
    ]
    story += annex.honour(roll.month_boards, f"{roll.month_title}得分最多的农户", s, width, _table)
    story += annex.honour(roll.year_boards, f"{roll.year}年累计得分最多的农户", s, width, _table)
    story += annex.deductions(roll.deductions, roll.deductions_named, s, width, _table)
    if roll.masked:
        story.append(Paragraph("注：户主姓名中间的字以 * 代替。", s.cell))

    def footer(c, doc):
        c.saveState()
        c.setFont(font, 8)
        c.drawString(MARGIN, FOOT - 8 * mm, f"{roll.shop} · {roll.month_title}光荣榜 · 依据月结第 {roll.number} 号")
        c.drawString(MARGIN, FOOT - 13 * mm, f"台账至第 {roll.last_seq} 笔 · 末笔哈希 {roll.last_hash[:16]}")
        c.setFont(font, 7)
        c.drawString(MARGIN, FOOT - 18 * mm, "扫右边二维码可核对本月账本是否被删改（与本月积分公示相同）")
        renderPDF.draw(qr_drawing(roll.qr_text), c, A4[0] - MARGIN - QR_SIZE, 4 * mm)
        c.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=FOOT, title=f"{roll.shop}光荣榜 {roll.month_title}", author="aixin-pos",
                            pageCompression=1)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return doc.page
