"""The notice's PDF from plain data: every page's footer and QR, repeated headers, the echo wall."""

import re

import pytest

from printing.notice import DeliveryRow, EchoRow, HouseholdRow, Notice, render
from tests import pdfs

HASH = "5d1224c8a45f03f54a976a2987961e7da335afb12ba69d1d08e28061b54487bd"


def notice(households: int, echo=()) -> Notice:
    return Notice(
        village="阿道村", shop="阿道村爱心超市", month_title="2026年10月", number=7, first_seq=645,
        last_seq=708, last_hash=HASH, qr_text=f"AIXIN1|阿道村|7|708|{HASH}", closed_on="2026年11月2日",
        households=tuple(HouseholdRow(["啊道", "富庄", "杜河沟"][n % 3], f"村民{n:03d}", f"{n:04d}", 100 + n,
                                      n % 7, n % 3, n % 5, 0, 100 + n + n % 7 - n % 3 - n % 5)
                         for n in range(households)),
        donations=(DeliveryRow("2026-10-01", "宜川县鑫源商贸有限公司", "爱心企业", "大米 10kg", "20袋", "1100.00"),),
        purchases=(DeliveryRow("2026-10-01", "扶贫资金", "采购", "洗衣粉", "30袋", "360.00"),),
        zones=(("粮油区", 29, 499), ("洗化区", 38, 130)),
        month_totals=(("加分合计", "2103"), ("兑换（52 笔）", "1782")),
        cumulative=(("累计发放积分", "36002"), ("在册积分余额", "22816")),
        notice_period="2026年11月2日 至 2026年11月8日（7 天）", objection_phone="0911-1234567",
        point_note="每分折合 3.00 元", echo=tuple(echo),
    )


@pytest.mark.parametrize("a3", [False, True], ids=["A4", "A3"])
def test_every_page_has_its_footer_qr_and_table_header(tmp_path, a3):
    path = tmp_path / "notice.pdf"
    pages = render(notice(200), path, a3=a3)
    text = pdfs.pages(path)
    assert pages >= 2 and len(text) == pages
    for number, page in enumerate(text, start=1):
        assert f"末笔哈希 {HASH[:16]}" in page and "月结第 7 号 · 交易第 645–708 笔" in page
        assert re.search(rf"第\s*{number}\s*页\s*/\s*共\s*{pages}\s*页", page)
        if re.search(r"村民\d{3}", page):
            assert "卡号后四位" in page
    assert "村民199" in "".join(text) and "0911-1234567" in text[-1]
    assert pdfs.codes(path, dpi=150) == [f"AIXIN1|阿道村|7|708|{HASH}"] * pages


@pdfs.needs_poppler
def test_an_auditor_reading_the_notice_with_poppler_gets_back_the_chinese(tmp_path):
    """The township's auditors read notices with poppler's pdftotext: what they get must be
    the notice's words and numbers, not boxes or question marks."""
    path = tmp_path / "notice.pdf"
    render(notice(30), path)
    text = pdfs.poppler_text(path, layout=True)
    assert "阿道村爱心超市积分公示（2026年10月）" in text and "卡号后四位" in text
    assert re.search(r"杜河沟\s+村民029\s+0029\s+129", text)
    assert f"末笔哈希 {HASH[:16]}" in text and "宜川县鑫源商贸有限公司" in text and "0911-1234567" in text


def test_the_echo_wall_section_appears_when_wishes_were_fulfilled(tmp_path):
    render(notice(3), tmp_path / "plain.pdf")
    render(notice(3, [EchoRow("张*国", "给孙子一个新书包", "宜川县妇联", "2026-10-12", "书包收到了，谢谢！")]),
           tmp_path / "echo.pdf")
    plain, echo = (pdfs.text(tmp_path / name) for name in ("plain.pdf", "echo.pdf"))
    assert "回音墙" not in plain
    assert "回音墙" in echo and "给孙子一个新书包" in echo and "宜川县妇联" in echo
