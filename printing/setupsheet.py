"""The village's setup sheet (设置单): one A4 page the township keeps, sealed, in its files.

It names the village for good (its id, the hash of its ledger's first entry), the
fingerprint of the key its packages to the county are signed with, the users at
setup, and, if one was issued, the one-time recovery code that lets one new
supervisor be made when the village's supervisor left without a handover. The
program keeps only a digest of that code: this sheet is the one copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit

from printing.pdffont import cjk_font, sheet_canvas

MARGIN = 18 * mm
WORDS = ("setup_paper_",)  # the catalogue's words the setup sheet prints
NOTES = ("setup_paper_recovery_when", "setup_paper_recovery_shown", "setup_paper_recovery_sealed")


@dataclass(frozen=True)
class SetupSheet:
    village: str
    shop: str
    village_id: str
    key_fingerprint: str
    algorithm: str
    printed_on: str  # "2026年12月4日", as worded in the sheet's language
    users: tuple[tuple[str, str, str, str], ...]  # (user name, name, role, state), as worded
    words: Mapping[str, str]  # the catalogue's setup_paper_* templates, in one language
    recovery_code: str | None = None


def render(sheet: SetupSheet, path: Path) -> int:
    """Write the sheet; return the number of pages (one)."""
    font = cjk_font().name
    width, height = A4
    w = sheet.words
    c = sheet_canvas(path, w["setup_paper_doc_title"].format(village=sheet.village))
    y = height - MARGIN
    c.setFont(font, 17)
    c.drawString(MARGIN, y - 6 * mm, w["setup_paper_heading"].format(shop=sheet.shop))
    c.setFont(font, 10)
    c.drawRightString(width - MARGIN, y - 6 * mm, w["setup_paper_printed"].format(date=sheet.printed_on))
    y -= 18 * mm
    for label, value in ((w["setup_paper_village"], sheet.village),
                         (w["setup_paper_village_id"], sheet.village_id),
                         (w["setup_paper_key"].format(algorithm=sheet.algorithm), sheet.key_fingerprint)):
        c.setFont(font, 10)
        c.drawString(MARGIN, y, label)
        c.setFont("Courier" if value.isascii() else font, 10)
        c.drawString(MARGIN + 4 * mm, y - 5.5 * mm, value)
        y -= 14 * mm
    c.setFont(font, 12)
    c.drawString(MARGIN, y, w["setup_paper_users"])
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
        # each note on one line where it fits (the Chinese do), else wrapped between words
        lines = [line for key in NOTES for line in simpleSplit(w[key], font, 9, width - 2 * MARGIN - 10 * mm)]
        box = (31 + 5 * len(lines)) * mm
        c.setLineWidth(1.2)
        c.rect(MARGIN, y - box, width - 2 * MARGIN, box)
        c.setFont(font, 13)
        c.drawString(MARGIN + 5 * mm, y - 9 * mm, w["setup_paper_recovery_title"])
        c.setFont("Courier-Bold", 20)
        c.drawCentredString(width / 2, y - 22 * mm, sheet.recovery_code)
        c.setFont(font, 9)
        for n, line in enumerate(lines):
            c.drawString(MARGIN + 5 * mm, y - (31 + 5 * n) * mm, line)
        y -= box + 8 * mm
    c.setFont(font, 10)
    c.drawString(MARGIN, max(y, 40 * mm), w["setup_paper_signatures"])
    c.showPage()
    c.save()
    return 1
