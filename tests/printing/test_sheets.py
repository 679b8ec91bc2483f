"""Card sheets and label sheets: real PDFs, read back by a real barcode decoder and their text."""

import pytest

from pos import messages
from printing import barcodes, cardsheet, labels
from printing.cardsheet import CardFace
from printing.cardsheet import render as render_cards
from printing.labels import LAYOUTS, LabelFace
from printing.labels import render as render_labels
from printing.pdffont import cjk_font
from pos.codes import card_number, internal_code
from tests import pdfs

CARD_WORDS = messages.templates(cardsheet.WORDS)
LABEL_WORDS = messages.templates(labels.WORDS)


def faces(count):
    heads = ["张建国", "王秀英", "李春生", "刘桂兰", "杨满仓", "赵红梅", "高志强", "马玉兰",
             "郭德胜", "冯金花", "薛长青", "白爱萍"]
    return [CardFace("阿道村爱心超市", "阿道村", heads[n % len(heads)], ["啊道", "富庄", "杜河沟"][n % 3],
                     card_number(100_001 + n), card_number(100_500 + n) if n == 4 else None)
            for n in range(count)]


def test_every_card_barcode_decodes_to_its_card_number(tmp_path):
    cards = faces(12)
    pages = render_cards(cards, tmp_path / "cards.pdf", CARD_WORDS)
    assert pages == 2
    found = pdfs.barcodes(tmp_path / "cards.pdf")
    assert sorted(text for _, text in found) == sorted(c.number for c in cards)
    assert {fmt for fmt, _ in found} == {"Code128"}


def test_barcodes_still_read_at_a_cheap_printers_resolution(tmp_path):
    cards = faces(3)
    render_cards(cards, tmp_path / "cards.pdf", CARD_WORDS)
    assert sorted(pdfs.codes(tmp_path / "cards.pdf", dpi=200)) == sorted(c.number for c in cards)


@pdfs.needs_poppler
def test_card_sheets_give_back_the_chinese_text_and_embed_the_font(tmp_path):
    render_cards(faces(5), tmp_path / "cards.pdf", CARD_WORDS)
    text = pdfs.text(tmp_path / "cards.pdf")
    for expected in ("阿道村爱心超市", "积分卡", "张建国", "王秀英", "富庄", "积分不兑换现金",
                     "补发卡（原卡 " + card_number(100_504)):
        assert expected in text, expected
    if cjk_font().embedded:
        cjk = pdfs.cjk_fonts(tmp_path / "cards.pdf")
        assert cjk and all(font.embedded and font.subset for font in cjk), cjk


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_goods_labels_decode_on_every_layout(tmp_path, layout):
    goods = [LabelFace("大米 10kg", "粮油区", 20, "袋", internal_code(1)),
             LabelFace("洗衣粉 1.5kg", "洗化区", 4, "袋", "6901234567892"),
             LabelFace("棉袄（捐赠）", "服装区", 10, "件", "COAT-01")]
    render_labels(goods * 2, LAYOUTS[layout], tmp_path / "labels.pdf", LABEL_WORDS)
    found = pdfs.barcodes(tmp_path / "labels.pdf")
    assert sorted(found) == sorted([("EAN13", internal_code(1)), ("EAN13", "6901234567892"),
                                    ("Code128", "COAT-01")] * 2)


def test_labels_show_name_zone_and_price(tmp_path):
    render_labels([LabelFace("菜籽油 5L", "粮油区", 25, "桶", "6901234567892")], LAYOUTS["a4-3x8"],
                  tmp_path / "labels.pdf", LABEL_WORDS)
    text = pdfs.text(tmp_path / "labels.pdf")
    assert "菜籽油 5L" in text and "粮油区" in text and "25 分/桶" in text


def test_a_label_sheet_holds_as_many_labels_as_its_layout():
    layout = LAYOUTS["a4-4x10"]
    assert layout.columns * layout.rows == 40
    assert layout.columns * layout.width_mm <= 210 and layout.rows * layout.height_mm <= 297


def test_a_wrong_ean_check_digit_is_refused():
    with pytest.raises(ValueError):
        barcodes.ean13("6901234567891")


def test_card_and_label_sheets_made_in_english_say_it_in_english_and_still_decode(tmp_path):
    cards = faces(5)
    render_cards(cards, tmp_path / "cards.pdf", messages.templates(cardsheet.WORDS, "en"))
    assert sorted(pdfs.codes(tmp_path / "cards.pdf", dpi=200)) == sorted(c.number for c in cards)
    text = pdfs.text(tmp_path / "cards.pdf")
    for expected in ("Point card", "Points have no cash value", "Replaces void card " + card_number(100_504)):
        assert expected in text, expected
    data = [word for c in cards for word in (c.shop, c.village, c.head, c.group)]
    assert pdfs.chinese_besides(text, *data) == "" and pdfs.title(tmp_path / "cards.pdf") == "Point cards"
    # the Chinese sheet keeps its words
    render_cards(cards, tmp_path / "zh.pdf", CARD_WORDS)
    assert "积分不兑换现金" in pdfs.text(tmp_path / "zh.pdf") and pdfs.title(tmp_path / "zh.pdf") == "积分卡"

    goods = [LabelFace("菜籽油 5L", messages.stored("粮油区", "en"), 25, "桶", "6901234567892"),
             LabelFace("电风扇", messages.stored("家用电器区", "en"), 1200, "台", internal_code(1))]
    for layout in sorted(LAYOUTS):
        render_labels(goods, LAYOUTS[layout], tmp_path / "labels.pdf", messages.templates(labels.WORDS, "en"))
        assert sorted(pdfs.codes(tmp_path / "labels.pdf")) == sorted(g.code for g in goods)
        text = pdfs.text(tmp_path / "labels.pdf")
        assert "grain and oil" in text and "25 pts/桶" in text and "1200 pts/台" in text, text
        assert pdfs.chinese_besides(text, "菜籽油", "电风扇", "桶", "台") == ""
        assert pdfs.title(tmp_path / "labels.pdf") == "Goods labels"
