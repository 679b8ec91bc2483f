"""Laying out the wish wall: wrapping a villager's words, and the pages it makes."""

from datetime import date

from reportlab.pdfbase.pdfmetrics import stringWidth

from pos import messages
from printing import wishwall
from printing.pdffont import cjk_font
from printing.wishwall import WallCard
from tests import pdfs

WORDS = messages.templates(wishwall.WORDS)

WISH = "希望有人能教我用智能手机和孙子视频通话，也想要一部老年手机，字大一点、声音大一点的那种，谢谢好心人！"


def test_a_wish_wraps_within_its_card_and_no_line_starts_with_punctuation():
    font = cjk_font().name
    for width in (120, 150, 170, 200, 233):
        lines = wishwall.wrap(WISH, font, 14, width)
        assert "".join(lines) == WISH
        assert all(stringWidth(line, font, 14) <= width for line in lines), width
        assert not any(line[0] in wishwall.NO_LINE_START for line in lines[1:]), lines


def test_the_longest_wish_allowed_fits_a_card_without_being_cut():
    font = cjk_font().name
    size, lines = wishwall._fit("愿" * 100, font, 240, 110)
    assert "".join(lines) == "愿" * 100 and size >= wishwall.TEXT_SIZES[-1]
    size, lines = wishwall._fit("愿" * 400, font, 240, 110)
    assert lines[-1].endswith("…") and len(lines) * size * wishwall.LEADING <= 110


def test_an_empty_wall_prints_one_page_of_thanks(tmp_path):
    assert wishwall.render([], tmp_path / "empty.pdf", shop="阿道村爱心超市", words=WORDS,
                           printed_on=date(2026, 11, 1)) == 1
    text = pdfs.text(tmp_path / "empty.pdf")
    assert "心愿都已有爱心人士认领" in text and "2026-11-01" in text


def test_a_long_group_name_and_member_still_leave_the_date_readable(tmp_path):
    card = WallCard(7, "杜河沟", "李春生", "孙女 李小花和孙子 李小明", "想要两个书包。", "学习用品",
                    date(2026, 11, 3), 9000)
    wishwall.render([card], tmp_path / "wall.pdf", shop="阿道村爱心超市", words=WORDS, paper="A3")
    text = pdfs.text(tmp_path / "wall.pdf")
    assert "2026-11-03 写" in text and "杜河沟 · 李春生" in text and "估价约 90 元" in text


def test_an_empty_wall_made_in_english_thanks_in_english(tmp_path):
    english = messages.templates(wishwall.WORDS, "en")
    for paper in wishwall.PAPERS:
        path = tmp_path / f"empty-{paper}.pdf"
        assert wishwall.render([], path, shop="阿道村爱心超市", words=english, paper=paper,
                               printed_on=date(2026, 11, 1)) == 1
        text = pdfs.text(path)
        assert "Wish wall" in text and "Wishes waiting: 0 · printed 2026-11-01" in text and "Page 1 of 1" in text
        assert "Every wish has found a kind donor" in text
        # the guide to donors wraps between words onto a second line, whole
        assert "".join(english["wishwall_guide"].split()) in "".join(text.split())
        assert pdfs.chinese_besides(text, "阿道村爱心超市") == "" and pdfs.title(path) == "阿道村爱心超市: wish wall"
