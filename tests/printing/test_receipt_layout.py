"""What the paper shows, decoded from the bytes the renderer sends."""

import re
from dataclasses import replace

import pytest

from printing.escpos import Capabilities, Paper, encode, width
from printing.receipt import Line, ReceiptData, printer_test_page, render
from tests.printing.paper import decode, words

RECEIPT = ReceiptData(
    shop="阿道村爱心超市", village="陕西省宜川县阿道村", number="00000123", time="2026-11-22 14:05",
    head="张三", group="啊道", card="81000012",
    lines=(Line("大米 10kg", 2, 40), Line("洗衣粉 1.5kg 超值装 家庭用", 3, 12), Line("毛巾", 1, 3),
           Line("香皂", 4, 4), Line("电水壶", 1, 20)),
    total=79, balance_before=100, balance_after=21, value_yuan="￥237.00", operator="王芳",
    approver="李书记", seq=123, short_hash="8c01ad9c1f9d", words=words("receipt"),
)


@pytest.mark.parametrize("mm, columns", [(58, 32), (80, 48)])
def test_every_line_fits_the_paper_and_columns_align(mm, columns):
    paper = decode(render(RECEIPT, Paper.width(mm)), columns)
    assert paper.chinese_mode_entered
    header = paper.find("商品")
    rows = [paper.find(name) for name in ("大米 10kg", "毛巾", "香皂", "电水壶")]
    for row in [header, *rows]:
        assert width(row.text) == columns, row.text  # right column ends at the paper's edge
    assert paper.find("大米 10kg").text.endswith("2    40")
    for label, value in (("合计积分", "79"), ("兑换前余额", "100"), ("兑换后余额", "21"),
                         ("折合参考价值", "￥237.00")):
        line = paper.find(label)
        assert line.text.startswith(label) and line.text.endswith(value) and width(line.text) == columns


def test_the_receipt_says_everything_a_household_needs():
    text = "\n".join(decode(render(RECEIPT), 32).text)
    for expected in ("阿道村爱心超市", "积分兑换凭证", "单号：00000123", "时间：2026-11-22 14:05",
                     "户主：张三（啊道）", "卡号：81000012", "操作员：王芳  审批：李书记",
                     "流水号：123  校验：8c01ad9c1f9d", "积分不兑换现金", "陕西省宜川县阿道村"):
        assert expected in text, expected
    assert "重印" not in text


def test_the_shop_name_is_printed_double_size_and_centred():
    paper = decode(render(RECEIPT), 32)
    title = paper.lines[0]
    assert (title.raw, title.wide, title.tall, title.align) == ("阿道村爱心超市", 2, 2, 1)
    assert paper.find("积分不兑换现金").bold


def test_a_long_name_wraps_without_breaking_a_character():
    paper = decode(render(RECEIPT), 32)
    index = paper.text.index(next(t for t in paper.text if t.startswith("洗衣粉")))
    assert paper.text[index].startswith("洗衣粉 1.5kg 超值装") and paper.text[index + 1] == " 家庭用"


def test_yuan_uses_the_two_byte_sign():
    data = render(RECEIPT)
    assert "￥".encode("gbk") == b"\xa3\xa4" and b"\xa3\xa4" in data
    assert encode("¥5") == b"\xa3\xa45"
    assert b"\x81\x30\x84\x36" not in data  # the four-byte GB18030 yen sign


def test_a_reprint_is_identical_but_for_its_reprint_lines():
    from dataclasses import replace

    original = decode(render(RECEIPT), 32).text
    reprint = decode(render(replace(RECEIPT, reprint=2)), 32).text
    assert reprint.count("重印 第2次") == 2
    assert [line for line in reprint if line != "重印 第2次"] == original


def test_barcode_qr_and_cut_follow_the_printers_capabilities():
    plain = decode(render(RECEIPT, caps=Capabilities(barcode=False, qr=False, cut=False)), 32)
    assert plain.barcodes == [] and plain.qr_codes == [] and plain.cuts == 0
    barcode = decode(render(RECEIPT), 32)
    assert barcode.barcodes == ["123-8c01ad9c"] and barcode.cuts == 1
    qr = decode(render(RECEIPT, caps=Capabilities(qr=True)), 32)
    assert qr.qr_codes == ["AX123-8c01ad9c1f9d"] and qr.barcodes == []


def test_the_test_page_shows_width_character_sets_and_status():
    page = decode(printer_test_page(Paper.width(80), Capabilities(), "正常", "/dev/ttyUSB0",
                                   words=words("receipt_test"), sample="积分兑换凭证"), 48)
    text = page.text
    assert "纸宽：48 列（576 点）" in text and "汉" * 24 in text
    assert "123456789012345678901234567890123456789012345678" in text
    assert "状态：正常" in text and "端口：/dev/ttyUSB0" in text


CJK = re.compile(r"[\u4e00-\u9fff]")
DATA = ("阿道村爱心超市", "陕西省宜川县阿道村", "张三", "啊道", "王芳", "李书记", "大米", "洗衣粉", "超值装", "家庭用", "毛巾",
        "香皂", "电水壶")


def _words_only(text: str) -> str:
    """What the paper says of its own: the text without the village's data."""
    for data in DATA:
        text = text.replace(data, "")
    return text


@pytest.mark.parametrize("mm, columns", [(58, 32), (80, 48)])
def test_an_english_receipt_has_english_words_and_chinese_only_in_its_data(mm, columns):
    paper = decode(render(replace(RECEIPT, words=words("receipt", "en"), reprint=2), Paper.width(mm)), columns)
    text = "\n".join(paper.text)
    for expected in ("阿道村爱心超市", "Points Redemption Receipt", "Receipt no.: 00000123", "Time: 2026-11-22 14:05",
                     "Household: 张三 (啊道)", "Card: 81000012", "Clerk: 王芳  Approver: 李书记",
                     "Entry #123  Check: 8c01ad9c1f9d", "Points not exchangeable for cash", "陕西省宜川县阿道村"):
        assert expected in text, expected
    assert paper.text.count("Reprint no. 2") == 2
    assert CJK.search(_words_only(text)) is None, text
    header = paper.find("Item")
    assert width(header.text) == columns and header.text.endswith("Qty   Pts")
    for label, value in (("Total points", "79"), ("Balance before", "100"), ("Balance after", "21"),
                         ("Reference value", "￥237.00")):
        line = paper.find(label)
        assert line.text.startswith(label) and line.text.endswith(value) and width(line.text) == columns
    assert paper.find("Points not exchangeable for cash").bold


def test_a_chinese_receipt_has_no_english_words():
    text = "\n".join(decode(render(replace(RECEIPT, reprint=1)), 32).text)
    assert "重印 第1次" in text and "积分兑换凭证" in text
    for english in ("Points", "Receipt", "Clerk", "Entry", "Item", "Reprint"):
        assert english not in text, english


def test_the_english_test_page_still_shows_the_printers_chinese():
    page = decode(printer_test_page(Paper.width(58), Capabilities(qr=True), "ready", "COM3",
                                    words=words("receipt_test", "en"), sample="积分兑换凭证"), 32)
    text = page.text
    assert "Print test" in text and "Paper: 32 columns (384 dots)" in text and "W" * 32 in text
    assert "Chinese: 积分兑换凭证 ￥123.00" in text and "Port: COM3" in text and "Status: ready" in text
    assert "Barcode: yes  QR code: yes" in text and "Left" + " " * 23 + "Right" in text
    assert CJK.search("\n".join(text).replace("积分兑换凭证", "")) is None
