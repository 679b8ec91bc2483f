"""The notice's annexes on the demo village: why each household's points moved (by rule,
adding up to the sealed month), the rules in force and the price list (五公开), and the
honour roll; read back as the township's auditors read them, with poppler's pdftotext."""

import re
from collections import defaultdict

import pytest

from pos import demo
from pos.month import closure, notice
from pos.month.reasons import month_reasons
from tests import pdfs
from tests.pos.test_month import AFTER_MONTH, MONTH, close, ledger_month, login

pytestmark = pdfs.needs_poppler


@pytest.fixture
def village(demo_village):
    demo_village.clock = lambda: AFTER_MONTH
    return demo_village


def demo_approval():
    from pos.service import Approval

    return Approval("lishuji", demo.PASSWORD)


def test_each_households_points_by_rule_add_up_to_the_ledger_and_print(village, tmp_path):
    closed = close(village)
    with village.read() as s:
        reasons = month_reasons(s, closure.closure_in(s, MONTH))
    by_household = defaultdict(lambda: [0, 0])
    for r in reasons:
        by_household[r.household_id][r.lost] += r.points
    month, heads = ledger_month(village, closed.first_seq, closed.last_seq)
    for household, numbers in month.items():
        assert by_household[household] == [numbers["earned"], numbers["deducted"]], heads[household]
    assert any(r.lost for r in reasons) and any(not r.lost and r.code not in ("base", "") for r in reasons)

    data, _ = notice.write_pdf(village, login(village), MONTH, tmp_path / "notice.pdf")
    text = pdfs.poppler_text(tmp_path / "notice.pdf", layout=True)
    assert "附表一、各户本月得分与扣分的事由" in text
    lines = {h.household_id: h for h in closed.households}
    for r in reasons:
        h = lines[r.household_id]
        code = "" if r.code in ("base", "hygiene") else re.escape(r.code) + r"\s+"
        column = rf"{r.count}\s+(?:{r.points}\s*$)" if not r.lost else rf"{r.count}\s+{r.points}\s*$"
        pattern = rf"{h.group}\s+{h.head}\s+{h.card[-4:]}\s+{code}{re.escape(r.name)}\s+{column}"
        assert re.search(pattern, text, re.M), (h.head, r)
    earned = sum(r.points for r in reasons if not r.lost)
    lost = sum(r.points for r in reasons if r.lost)
    assert earned == sum(h.earned for h in closed.households) and lost == sum(h.deducted for h in closed.households)
    assert re.search(rf"合计\s+{sum(r.count for r in reasons)}\s+{earned}\s+{lost}", text)
    assert len(data.reasons) == len(reasons)


def test_names_in_the_annex_are_masked_when_the_notice_masks_them(village, tmp_path):
    close(village)
    data, _ = notice.write_pdf(village, login(village), MONTH, tmp_path / "masked.pdf", mask_names=True)
    text = pdfs.poppler_text(tmp_path / "masked.pdf")
    assert data.reasons and all("*" in row.head for row in data.reasons)
    with village.read() as s:
        full = {h.head for h in closure.closure_in(s, MONTH).households}
    assert not any(name in text for name in full if len(name) > 1)


def test_the_notice_publishes_the_rules_and_prices_of_its_month_not_todays(village, tmp_path):
    from pos import goods, rules

    admin = login(village, "wangfang")
    in_month_rules = rules.list_rules(village, admin)
    in_month_goods = goods.search(village, admin)
    close(village)
    l01 = next(r for r in in_month_rules if r.code == "L01")
    rules.save(village, admin, "L01", l01.category, l01.name, l01.points_min, l01.points_max, limit="2/week")
    rules.save(village, admin, "N01", "公益劳动", "闭账后新增的细则", 5, cap_per_event=10, approval=demo_approval())
    dearer = in_month_goods[0]
    goods.change(village, admin, dearer.code, price_points=dearer.price_points + 7)
    notice.write_pdf(village, login(village), MONTH, tmp_path / "notice.pdf")
    text = pdfs.poppler_text(tmp_path / "notice.pdf", layout=True)
    assert "附表二、本月执行的积分规则" in text and "附表三、商品兑换所需积分（本月价目表）" in text
    for rule in in_month_rules:
        limit = rule.limit.phrase if rule.limit else "—"
        assert re.search(rf"{rule.code}\s+{rule.category}\s+{re.escape(rule.name)}\s+"
                         rf"{re.escape(rule.points_text)}\s+{re.escape(limit)}", text), rule.code
    assert re.search(r"L01\s+公益劳动\s+参加村组公益劳动（每次）\s+\+5\s+—", text), "the limit set after closing is not"
    assert "闭账后新增的细则" not in text and "每周最多 2 次" not in text
    for item in in_month_goods:
        value = f"{item.value_fen // 100}.{item.value_fen % 100:02d}"
        assert re.search(rf"{item.code}\s+{re.escape(item.name)}\s+{item.unit}\s+{item.price_points}\s+"
                         rf"{value}", text), item.code


def test_the_annexes_words_follow_the_notices_language(village):
    from pos.month import notice as month_notice
    from pos.village import settings

    close(village)
    with village.read() as s:
        view = closure.closure_in(s, MONTH)
    zh = month_notice.build(view, settings(village)).words
    en = month_notice.build(view, settings(village), lang="en").words
    assert zh["annex_rules_title"].startswith("附表二") and en["annex_rules_title"].startswith("Annex 2")
    assert zh.keys() == en.keys() and not any(pdfs_cjk(text) for text in en.values())


def pdfs_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
