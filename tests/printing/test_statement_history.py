"""A household's whole history as an A4 PDF: a long one runs over pages, each with the headers."""

from printing.statement import Statement, StatementLine, render_pdf
from tests import pdfs


def test_a_long_history_repeats_the_table_headers_and_numbers_its_pages(tmp_path):
    balance, lines = 100, []
    for seq in range(1, 121):
        points = 5 if seq % 3 else -12
        balance += points
        lines.append(StatementLine(f"2026-{1 + seq // 12:02d}-{1 + seq % 28:02d}", seq, "加分" if points > 0 else "兑换",
                                   f"第{seq}笔", points, balance))
    history = Statement(village="阿道村", shop="阿道村爱心超市", month_title="全部记录", head="张三", group="啊道",
                        card="81000057", opening=0, lines=tuple(lines), closing=balance,
                        printed="2026-11-29 12:00", whole=True)
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
