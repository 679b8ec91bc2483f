"""The balance slip as the paper shows it, in Chinese as always and in English."""

import re

import pytest

from printing.escpos import Paper, width
from printing.slip import SlipData, SlipLine, render
from tests.printing.paper import decode, words

CJK = re.compile(r"[\u4e00-\u9fff]")


def slip(lang: str, *lines: SlipLine) -> SlipData:
    return SlipData(shop="阿道村爱心超市", village="陕西省宜川县阿道村", head="张三", group="啊道", card="81000012",
                    balance=96, value_yuan="￥288.00", time="2026-11-22 14:05", lines=lines,
                    words=words("slip", lang))


def test_the_chinese_slip_reads_as_it_always_has():
    paper = decode(render(slip("zh", SlipLine("05-15", "公示期满记分", 10), SlipLine("05-14", "兑换", -4))), 32)
    assert paper.text == [
        "阿道村爱心超市", "积分查询", "-" * 32, "户主：张三（啊道）", "卡号：81000012", "时间：2026-11-22 14:05",
        "-" * 32, "当前积分", "96", "折合参考价值 ￥288.00", "-" * 32,
        "日期   事项                 积分", "05-15  公示期满记分          +10", "05-14  兑换                   -4",
        "-" * 32, "积分不兑换现金", "陕西省宜川县阿道村"]
    assert paper.find("积分查询").bold and paper.find("积分不兑换现金").bold and paper.find("96").wide == 2


@pytest.mark.parametrize("mm, columns", [(58, 32), (80, 48)])
def test_an_english_slip_has_english_words_and_chinese_only_in_its_data(mm, columns):
    data = slip("en", SlipLine("05-15", "posted claims credited", 10), SlipLine("05-14", "redemption", -4))
    paper = decode(render(data, Paper.width(mm)), columns)
    text = paper.text
    for expected in ("阿道村爱心超市", "Points Balance", "Household: 张三 (啊道)", "Card: 81000012",
                     "Time: 2026-11-22 14:05", "Current points", "96", "Reference value ￥288.00",
                     "Points not exchangeable for cash", "陕西省宜川县阿道村"):
        assert expected in text, expected
    header = paper.find("Date")
    assert header.text.startswith("Date   Details") and header.text.endswith("Points") and width(header.text) == columns
    assert paper.find("05-14").text.startswith("05-14  redemption") and paper.find("05-14").text.endswith("-4")
    rows = "\n".join(text)
    if columns == 32:  # a kind too long for the column goes on under itself, broken between words
        assert "05-15  posted claims         +10\n       credited" in rows
    else:
        assert paper.find("05-15").text.startswith("05-15  posted claims credited")
    for data_text in ("阿道村爱心超市", "陕西省宜川县阿道村", "张三", "啊道"):
        rows = rows.replace(data_text, "")
    assert CJK.search(rows) is None, rows
