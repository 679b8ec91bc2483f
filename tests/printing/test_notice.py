"""The notice's PDF from plain data: every page's footer and QR, repeated headers, the echo wall;
its words in Chinese or in English."""

import dataclasses
import re

import pytest

from pos import messages
from pos.month.notice import WORDS
from printing.notice import ClaimRow, DeliveryRow, EchoRow, HouseholdRow, Notice, render
from tests import pdfs

HASH = "5d1224c8a45f03f54a976a2987961e7da335afb12ba69d1d08e28061b54487bd"
CJK = re.compile(r"[\u4e00-\u9fff]")


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
        point_note="每分折合 3.00 元", echo=tuple(echo), words=messages.templates(WORDS),
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


def english(households: int = 30) -> Notice:
    """The same notice as ``pos.month.notice`` makes it in English: its own words and the
    figures' labels in English, the village's data (names, groups, goods, zones) as kept."""
    return dataclasses.replace(
        notice(households, [EchoRow("张*国", "给孙子一个新书包", "宜川县妇联 (caring body)", "2026-10-12", "谢谢！")]),
        month_title="2026-10", closed_on="2026-11-02",
        donations=(DeliveryRow("2026-10-01", "宜川县鑫源商贸有限公司", "caring company", "大米 10kg", "20袋", "1100.00"),),
        purchases=(DeliveryRow("2026-10-01", "扶贫资金", "purchase", "洗衣粉", "30袋", "360.00"),),
        month_totals=(("Awarded in all", "2103"), ("Redeemed (52)", "1782")),
        cumulative=(("Points ever issued", "36002"), ("Points outstanding", "22816")),
        notice_period="2026-11-02 to 2026-11-08 (7 days)", point_note="A point is worth 3.00 yuan",
        masked=True, village_id="9f" * 32, county_received=6, key_fingerprint="ab12 cd34",
        claims_credited=(ClaimRow("啊道", "张*", "L01 修路", "2026-10-03", 5, "2026-10-09"),),
        claims_posted=(ClaimRow("富庄", "王*", "G02 助人", "2026-10-28", 10, "2026-11-05"),),
        words=messages.templates(WORDS, "en"))


DATA = ["阿道村爱心超市", "阿道村", "啊道", "富庄", "杜河沟", "张*国", "给孙子一个新书包", "宜川县妇联", "张*", "王*",
        "L01 修路", "G02 助人", "宜川县鑫源商贸有限公司", "大米 10kg", "20袋", "扶贫资金", "洗衣粉", "30袋", "粮油区",
        "洗化区", "谢谢！"]


@pytest.mark.parametrize("a3", [False, True], ids=["A4", "A3"])
def test_the_notice_in_english_has_english_headings_columns_and_footers(tmp_path, a3):
    path = tmp_path / "notice-en.pdf"
    pages = render(english(), path, a3=a3)
    text = pdfs.pages(path)
    whole = "\f".join(text)
    assert "阿道村爱心超市: public notice of points, 2026-10" in whole
    assert "阿道村爱心超市 · entries 645–708 · month closure no. 7 · closed 2026-11-02" in whole
    for words in ("1. Each household's points", "Head of household", "Card (last 4)", "Opening", "Earned", "Lost",
                  "Redeemed", "Taken back", "Closing", "30 households",
                  "Note: the middle of each name is replaced by *.", "Claims credited this month",
                  "Claims still posted at the month's end", "Date of the deed", "Posted until",
                  "2. Donations received this month", "Donor", "Value (yuan)", "3. Purchases this month",
                  "Paid from", "Amount (yuan)", "4. Redemptions by zone", "Zone", "Items",
                  "5. Totals of the month and since the shop opened", "This month", "6. Echo wall",
                  "Posting and checking", "tell the village supervisor", "0911-1234567", f"708:{HASH}",
                  "The county has received month closure no. 6", "Fingerprint of the key",
                  "Villagers' committee (seal)"):
        assert words in " ".join(whole.split()), words
    for number, page in enumerate(text, start=1):
        assert f"Month closure no. 7 · entries 645–708 · last hash {HASH[:16]}" in page
        assert f"Page {number} of {pages}" in page and "阿道村爱心超市 · public notice of points, 2026-10" in page
    for data in sorted(DATA, key=len, reverse=True):  # the village's own words stay as they are
        whole = whole.replace(data, "")
    assert CJK.findall(re.sub(r"村民\d{3}", "", whole)) == []
    assert pdfs.codes(path, dpi=150) == [f"AIXIN1|阿道村|7|708|{HASH}"] * pages  # the proof is the same


def test_a_month_without_entries_says_so_in_either_language(tmp_path):
    for words, said in ((messages.templates(WORDS), "本月无交易（截至第 644 笔）"),
                        (messages.templates(WORDS, "en"), "no entries this month (the books end at entry 644)")):
        empty = dataclasses.replace(notice(3), last_seq=644, words=words)
        assert empty.range_text == said and f"· {said} ·" in empty.footer_text
        render(empty, tmp_path / "empty.pdf")
        assert said in " ".join(pdfs.text(tmp_path / "empty.pdf").split())


def test_the_chinese_notice_keeps_its_words(tmp_path):
    chinese = dataclasses.replace(english(3), words=messages.templates(WORDS))
    pages = render(chinese, tmp_path / "notice.pdf")
    text = pdfs.squeezed(tmp_path / "notice.pdf")  # as the lines wrap
    for words in ("阿道村爱心超市积分公示（2026-10）", "阿道村爱心超市 · 交易第 645–708 笔 · 月结第 7 号 · 2026-11-02 月结",
                  "一、各户积分", "村民小组 户主 卡号后四位 期初 本月得分 本月扣分 本月兑换 回收 期末余额", "合计 3 户",
                  "注：户主姓名中间的字以 * 代替。", "本月经公示无异议计入的申报（已含在上表本月得分中）",
                  "月末仍在公示中的申报（公示期满无异议后计入当月得分）", "村民小组 户主 规则 事由日期 积分 公示截止",
                  "二、本月收到的捐赠", "日期 捐赠方 类别 物品 数量 价值（元）", "三、本月采购（资金来源）",
                  "日期 资金来源 方式 物品 数量 金额（元）", "四、按商品分区的兑换", "商品分区 件数 积分",
                  "五、本月与累计合计", "本月合计 积分 累计（自开办以来，从不清零） 积分", "六、回音墙：本月实现的心愿",
                  "农户 心愿 爱心人士 / 单位 日期 回音", "公示与核验", "请在公示期内向村监督员（第一书记）反映，电话：0911-1234567。",
                  "本公示对应积分台账交易第 645–708 笔；", "本村编号（台账第 1 笔的哈希，村名更改也不变）：",
                  "县级已收到第 6 号月结（县级回执已记入本村台账）。", "本村上报数据的签名密钥指纹：ab12 cd34（县乡核对上报数据时比对）。",
                  "管理员（签字）：________________ 监督员（签字）：________________ 日期：______年____月____日",
                  "村民委员会（盖章）", "阿道村爱心超市 · 2026-10积分公示", "乡镇、县里或装有积分程序的人扫右边二维码，可查账本是否被删改",
                  f"第 1 页 / 共 {pages} 页"):
        assert "".join(words.split()) in text, words
