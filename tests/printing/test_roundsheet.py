"""The blank hygiene round sheet on paper: each item's heading stays inside its own column
(the long ones wrap onto a second line), and 备注 leaves room to write."""

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from pos import messages
from printing import roundsheet
from tests import pdfs

ITEMS = ("院内净", "卧室净", "厨房净", "厕所净", "个人卫生净", "物品摆放规范")


def heading_columns(path) -> dict[int, str]:
    """The characters printed in the heading row, gathered by the item column they stand in."""
    page_w, page_h = A4
    item_w = (page_w - 2 * roundsheet.MARGIN - roundsheet.HEAD_W - roundsheet.CARD_W - roundsheet.NOTE_W) / len(ITEMS)
    first = roundsheet.MARGIN + roundsheet.HEAD_W + roundsheet.CARD_W
    top = page_h - roundsheet.MARGIN - 28 * mm
    bottom = top - roundsheet.HEADING_H
    columns: dict[int, list[tuple[float, float, str]]] = {}
    pdf = pdfium.PdfDocument(str(path))
    text = pdf[0].get_textpage()
    for i in range(text.count_chars()):
        char = text.get_text_range(i, 1)
        left, low, right, high = text.get_charbox(i)
        if not char.strip() or low < bottom or high > top or left < first:
            continue
        n = int((left - first) // item_w)
        if n >= len(ITEMS):
            continue
        assert right <= first + (n + 1) * item_w + 0.5, f"{char!r} runs out of column {n}"
        line = round((top - (low + high) / 2) / (4 * mm))  # the headings' lines are 4 mm apart
        columns.setdefault(n, []).append((line, left, char))
    pdf.close()
    return {n: "".join(c for _y, _x, c in sorted(chars)) for n, chars in columns.items()}


def test_every_heading_stays_in_its_column_and_the_note_column_is_wide(tmp_path):
    path = tmp_path / "sheet.pdf"
    sheet = roundsheet.RoundSheet("阿道村", "富庄组", ITEMS, tuple((f"户主{n}", f"8100{n:04d}") for n in range(40)),
                                  messages.templates(roundsheet.WORDS))
    assert roundsheet.render(sheet, path) == 2
    assert heading_columns(path) == dict(enumerate(ITEMS))
    assert roundsheet.NOTE_W >= 30 * mm  # a few words by hand, at about 5 mm a character


def test_the_round_sheet_made_in_english_gives_english_headings_around_the_villages_items(tmp_path):
    path = tmp_path / "sheet.pdf"
    heads = tuple((f"户主{n}", f"8100{n:04d}") for n in range(3))
    roundsheet.render(roundsheet.RoundSheet("阿道村", "富庄组", ITEMS, heads, messages.templates(roundsheet.WORDS, "en")),
                      path)
    assert heading_columns(path) == dict(enumerate(ITEMS))  # the village's own names for its items
    text = pdfs.text(path)
    for expected in ("阿道村 富庄组: hygiene check", "Date:", "Inspectors:", "Page 1", "Tick √", "Household head",
                     "Card no.", "Notes"):
        assert expected in text, expected
    assert pdfs.chinese_besides(text, "阿道村", "富庄组", *ITEMS, *(h for h, _ in heads)) == ""
    assert pdfs.title(path) == "阿道村 富庄组: hygiene check sheet"
    chinese = roundsheet.RoundSheet("阿道村", "富庄组", ITEMS, heads, messages.templates(roundsheet.WORDS))
    roundsheet.render(chinese, tmp_path / "zh.pdf")
    text = pdfs.text(tmp_path / "zh.pdf")
    assert "卫生检查表（五净一规范）" in text and "户主" in text and "备注" in text and "Notes" not in text
