"""The village's setup sheet (设置单): one A4 page the township keeps, sealed, in its files.

It names the village for good (its id, the hash of its ledger's first entry), the
fingerprint of the key its packages to the county are signed with, the users at
setup, and, if one was issued, the one-time recovery code that lets one new
supervisor be made when the village's supervisor left without a handover. The
program keeps only a digest of that code: this sheet is the one copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from printing.pdffont import cjk_font, sheet_canvas

MARGIN = 18 * mm


@dataclass(frozen=True)
class SetupSheet:
    village: str
    shop: str
    village_id: str
    key_fingerprint: str
    algorithm: str
    printed_on: str  # "2026年12月4日"
    users: tuple[tuple[str, str, str, str], ...]  # (user name, name, role, state), as worded
    recovery_code: str | None = None


def render(sheet: SetupSheet, path: Path) -> int:
    """Write the sheet; return the number of pages (one)."""
    font = cjk_font().name
    width, height = A4
    c = sheet_canvas(path, f"{sheet.village} 爱心超市设置单")
    y = height - MARGIN
    c.setFont(font, 17)
    c.drawString(MARGIN, y - 6 * mm, f"{sheet.shop} 设置单")
    c.setFont(font, 10)
    c.drawRightString(width - MARGIN, y - 6 * mm, f"打印日期：{sheet.printed_on}")
    y -= 18 * mm
    for label, value in (("村名", sheet.village),
                         ("本村编号（台账第 1 笔的哈希，村名更改也不变）", sheet.village_id),
                         (f"上报县级的签名密钥指纹（{sheet.algorithm}）", sheet.key_fingerprint)):
        c.setFont(font, 10)
        c.drawString(MARGIN, y, label)
        c.setFont("Courier" if value.isascii() else font, 10)
        c.drawString(MARGIN + 4 * mm, y - 5.5 * mm, value)
        y -= 14 * mm
    c.setFont(font, 12)
    c.drawString(MARGIN, y, "用户")
    y -= 7 * mm
    c.setFont(font, 10)
    for username, name, role, state in sheet.users:
        c.drawString(MARGIN + 4 * mm, y, username)
        c.drawString(MARGIN + 44 * mm, y, name)
        c.drawString(MARGIN + 94 * mm, y, role)
        c.drawString(MARGIN + 124 * mm, y, state)
        y -= 6 * mm
    y -= 8 * mm
    if sheet.recovery_code:
        box = 46 * mm
        c.setLineWidth(1.2)
        c.rect(MARGIN, y - box, width - 2 * MARGIN, box)
        c.setFont(font, 13)
        c.drawString(MARGIN + 5 * mm, y - 9 * mm, "监督员恢复码（一次性）——请乡镇密封保存")
        c.setFont("Courier-Bold", 20)
        c.drawCentredString(width / 2, y - 22 * mm, sheet.recovery_code)
        c.setFont(font, 9)
        for n, line in enumerate((
                "第一书记（监督员）未交接就离开、本村已没有监督员时，凭此码可新设一位监督员，只能用一次。",
                "使用会记入积分台账，在审计中提示，并印在当月公示上。用后请新监督员生成新的恢复码，重新密封。",
                "平时请勿拆封：恢复码在谁手里，谁就能新设监督员。")):
            c.drawString(MARGIN + 5 * mm, y - (31 + 5 * n) * mm, line)
        y -= box + 8 * mm
    c.setFont(font, 10)
    c.drawString(MARGIN, max(y, 40 * mm), "管理员（签字）：____________    监督员（签字）：____________    "
                 "乡镇经办人（签字）：____________")
    c.showPage()
    c.save()
    return 1
