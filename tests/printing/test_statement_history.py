"""A household's whole history as an A4 PDF: a long one runs over pages, each with the headers;
a statement's words in Chinese or in English, on A4 or on the receipt printer's slip."""

import dataclasses
import re

from pos import messages
from pos.statement import WORDS
from printing.statement import Statement, StatementLine, render_pdf, render_slip
from tests import pdfs
from tests.printing.paper import decode

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_a_long_history_repeats_the_table_headers_and_numbers_its_pages(tmp_path):
    balance, lines = 100, []
    for seq in range(1, 121):
        points = 5 if seq % 3 else -12
        balance += points
        lines.append(StatementLine(f"2026-{1 + seq // 12:02d}-{1 + seq % 28:02d}", seq, "加分" if points > 0 else "兑换",
                                   f"第{seq}笔", points, balance))
    history = Statement(village="阿道村", shop="阿道村爱心超市", month_title="全部记录", head="张三", group="啊道",
                        card="81000057", opening=0, lines=tuple(lines), closing=balance,
                        printed="2026-11-29 12:00", whole=True, words=messages.templates(WORDS))
    path = tmp_path / "history.pdf"
    assert render_pdf(history, path) == 3
    pages = pdfs.pages(path)
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        assert "阿道村爱心超市 积分明细（全部记录）" in page and "户主：张三" in page and "卡号：81000057" in page
        assert "流水号" in page and "余额" in page and f"第 {number} 页 / 共 3 页" in page
    assert "第120笔" in pages[2] and pages[2].split("第120笔")[1].split()[1] == str(balance)
    fonts = pdfs.fonts(path)
    assert fonts and all(font.embedded for font in fonts)


def month(lang: str, lines: int = 3) -> Statement:
    """A household's month as ``pos.statement`` makes it in ``lang``: its kinds in that language,
    the details (a rule's name, the goods) as the village keeps them."""
    kinds = ("加分", "兑换") if lang == "zh" else ("award", "redemption")
    return Statement(village="阿道村", shop="阿道村爱心超市", month_title="2026年10月" if lang == "zh" else "2026-10",
                     head="张三", group="啊道", card="81000057", opening=100,
                     lines=tuple(StatementLine(f"10-{n + 1:02d}", 600 + n, kinds[n % 2], "L01 修路" if n % 2 == 0
                                               else "洗衣粉×1", 5 if n % 2 == 0 else -4, 100 + 5 * (n // 2 + 1)
                                               - 4 * ((n + 1) // 2)) for n in range(lines)),
                     closing=100 + 5 * ((lines + 1) // 2) - 4 * (lines // 2), printed="2026-11-02 09:00", closure=7,
                     last_hash="5d1224c8a45f03f5", words=messages.templates(WORDS, lang))


DATA = ["阿道村爱心超市", "阿道村", "张三", "啊道", "L01 修路", "洗衣粉"]


def without_data(text: str) -> str:
    for data in DATA:
        text = text.replace(data, "")
    return text


def test_a_statement_in_english_has_english_headings_columns_and_footer(tmp_path):
    path = tmp_path / "statement-en.pdf"
    assert render_pdf(month("en"), path) == 1
    text = pdfs.text(path)
    assert "阿道村爱心超市: points statement, 2026-10" in text
    assert "Head of household: 张三" in text and "Group: 啊道" in text and "Card: 81000057" in text
    assert "Opening balance: 100" in text and "This month: earned 10, spent 4" in text
    assert "Closing balance: 106" in text
    assert re.search(r"Date\s+Entry\s+Kind\s+Details\s+Points\s+Balance", text)
    assert re.search(r"10-02\s+601\s+redemption\s+洗衣粉×1\s+-4\s+101", text)
    assert "Printed 2026-11-02 09:00 · page 1 of 1 · month closure no. 7, head 5d1224c8a45f03f5" in text
    assert "Points buy goods only, never cash" in text
    assert CJK.findall(without_data(text)) == []
    history = dataclasses.replace(month("en", 0), whole=True, month_title="Whole history", closure=None)
    render_pdf(history, tmp_path / "history-en.pdf")
    text = pdfs.text(tmp_path / "history-en.pdf")
    assert "阿道村爱心超市: points statement, whole history" in text and "No transactions." in text
    assert "Earned in all: 0" in text and "0 entries" in text and CJK.findall(without_data(text)) == []


def test_a_statement_in_chinese_keeps_its_words(tmp_path):
    path = tmp_path / "statement.pdf"
    render_pdf(month("zh"), path)
    text = pdfs.text(path)
    assert "阿道村爱心超市 积分明细（2026年10月）" in text and "户主：张三 村民小组：啊道 卡号：81000057" in text
    assert "期初余额：100 分 本月得分：10 分 本月支出：4 分 期末余额：106 分" in text
    assert re.search(r"日期\s+流水号\s+类别\s+摘要\s+积分\s+余额", text)
    assert "打印时间 2026-11-02 09:00 · 第 1 页 / 共 1 页 · 月结第 7 号，账头 5d1224c8a45f03f5" in text
    assert "积分只兑换商品，不兑换现金" in text
    render_pdf(month("zh", 0), tmp_path / "empty.pdf")
    assert "本月没有交易。" in pdfs.text(tmp_path / "empty.pdf")


def test_the_slip_speaks_the_statements_language():
    english = decode(render_slip(month("en")), 32).text
    assert english[1] == "Points statement 2026-10" and "Head: 张三 (啊道)" in english and "Card: 81000057" in english
    assert any(row.startswith("Opening balance") and row.endswith("100") for row in english)
    assert any(row.startswith("Closing balance") and row.endswith("106") for row in english)
    assert "Closure 7 5d1224c8a45f03f5" in english and "Points cannot be cashed" in english
    assert CJK.findall(without_data("\n".join(english))) == []
    chinese = decode(render_slip(month("zh")), 32).text
    assert chinese[1] == "积分明细 2026年10月" and "户主：张三（啊道）" in chinese and "卡号：81000057" in chinese
    assert any(row.startswith("期末余额") and row.endswith("106") for row in chinese)
    assert "月结第7号 5d1224c8a45f03f5" in chinese and "积分不兑换现金" in chinese
    assert "本月没有交易。" in decode(render_slip(month("zh", 0)), 32).text
    assert "No transactions this month." in decode(render_slip(month("en", 0)), 32).text
