"""The printed wish wall for the notice board: open wishes only, names masked unless agreed."""


import pytest

from pos import messages, wishes
from printing import wishwall
from printing.pdffont import cjk_font
from tests import pdfs

WORDS = messages.templates(wishwall.WORDS)


@pytest.fixture
def wall(shop):
    """Four wishes: 张三 agreed to show his name, 李四 did not, 王五's is claimed, 赵六's withdrawn."""
    add = lambda head, text, **kw: wishes.add(shop.db, shop.admin, shop.homes[head].id, text,  # noqa: E731
                                              kw.pop("category", "学习用品"), **kw)
    add("张三", "孙女明年上初中，想要一个新书包和一盏护眼台灯。", member="孙女 张小花", show_name=True,
        value_fen=15000)
    add("李四", "老伴腿脚不好，想要一辆轮椅，天气好的时候推他出去晒晒太阳。", member="老伴 刘桂兰",
        category="助老助残", value_fen=80000)
    claimed = add("王五", "想要一床厚棉被过冬。", category="衣物被褥")
    wishes.claim(shop.db, shop.secretary, claimed.id, "鑫源商贸", "company", "13800000000")
    withdrawn = add("赵六", "想要一台电视机。", category="家用电器")
    wishes.withdraw(shop.db, shop.secretary, withdrawn.id, "已自行购买")
    return shop


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_the_printed_wall_shows_open_wishes_and_masks_names_unless_agreed(wall, tmp_path, paper):
    shop_name, cards = wishes.wall_cards(wall.db, wall.admin)
    pdf = tmp_path / f"wall-{paper}.pdf"
    assert wishwall.render(cards, pdf, shop=shop_name, words=WORDS, paper=paper) == 1
    text = pdfs.squeezed(pdf)
    for shown in ("心愿墙", "阿道村爱心超市", "待认领心愿2个", "啊道·张三（孙女张小花）", "啊道·李*",
                  "估价约800元", "孙女明年上初中，想要一个新书包和一盏护眼台灯。",
                  "老伴腿脚不好，想要一辆轮椅，天气好的时候推他出去晒晒太阳。", "助老助残",
                  "未经本人同意，姓名已隐去"):
        assert shown in text, shown
    for hidden in ("李四", "刘桂兰", "（老伴", "厚棉被", "王五", "电视机", "赵六"):
        assert hidden not in text, hidden
    if cjk_font().embedded:
        cjk = pdfs.cjk_fonts(pdf)
        assert cjk and all(font.embedded and font.subset for font in cjk)


def test_a_full_wall_runs_onto_more_pages(shop, tmp_path):
    for n in range(13):
        wishes.add(shop.db, shop.admin, shop.homes["张三"].id, f"第{n + 1}个心愿：想要一本字典。", "学习用品")
    shop_name, cards = wishes.wall_cards(shop.db, shop.admin)
    assert wishwall.render(cards, tmp_path / "a4.pdf", shop=shop_name, words=WORDS, paper="A4") == 2  # 8 a page
    assert wishwall.render(cards, tmp_path / "a3.pdf", shop=shop_name, words=WORDS, paper="A3") == 2  # 12 a page
    text = pdfs.squeezed(tmp_path / "a3.pdf")
    assert all(f"第{n + 1}个心愿" in text for n in range(13)) and "第2/2页" in text


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_the_wall_printed_in_english_words_its_headings_and_categories_in_english(wall, tmp_path, paper):
    shop_name, cards = wishes.wall_cards(wall.db, wall.admin, lang="en")
    assert sorted(c.category for c in cards) == ["for the old and disabled", "school things"]
    pdf = tmp_path / f"wall-{paper}.pdf"
    assert wishwall.render(cards, pdf, shop=shop_name, words=messages.templates(wishwall.WORDS, "en"),
                           paper=paper) == 1
    text = pdfs.squeezed(pdf)
    for shown in ("Wishwall", "Wisheswaiting:2", "啊道·张三(孙女张小花)", "啊道·李*", "worthabout800yuan",
                  "fortheoldanddisabled", "schoolthings", "Page1of1", "Namesarehiddenunlessthevillageragreed."):
        assert shown in text, shown
    data = [shop_name] + [w for c in cards for w in (c.group, c.name, c.member, c.text)]
    assert pdfs.chinese_besides(text, *data) == ""
    assert "李四" not in text and "刘桂兰" not in text
