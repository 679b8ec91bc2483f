"""Points land where a household can spend them; a round or a card is never counted twice."""

from datetime import date

import pytest

import ledger
from pos import awards, cards, goods, households, hygiene, redemption, reversal, stock
from pos.errors import ShopError
from pos.redemption import CartItem

HYGIENE_HEADER = "卡号,院内净,卧室净,厨房净,厕所净,个人卫生净,物品摆放规范\n"


def test_a_reversed_sale_from_a_replaced_card_refunds_the_new_card(shop):
    old = shop.card("张三")
    sale = redemption.redeem(shop.db, shop.admin, old, [CartItem(shop.rice.code, 2)])
    new = cards.replace(shop.db, shop.admin, old)
    assert new.balance == 60
    reversal.reverse(shop.db, shop.admin, sale.seq, "整单退货", shop.approval)
    assert cards.balance(shop.db, shop.admin, old).balance == 0
    assert cards.balance(shop.db, shop.admin, new.number).balance == 100
    assert shop.balance("张三") == 100 and shop.stock(shop.rice) == 10
    with shop.db.read() as s:
        assert ledger.verify(s).ok


def test_a_reversed_award_from_a_replaced_card_is_taken_from_the_new_card(shop):
    old = shop.card("李四")
    given = awards.award(shop.db, shop.admin, shop.homes["李四"].id, "G01")
    new = cards.replace(shop.db, shop.admin, old)
    reversal.reverse(shop.db, shop.admin, given.seq, "记错了", shop.approval)
    assert cards.balance(shop.db, shop.admin, new.number).balance == 100
    with shop.db.read() as s:
        assert ledger.verify(s).ok


def test_an_award_by_a_blocked_cards_number_is_refused_like_at_the_counter(shop):
    old = shop.card("王五")
    cards.replace(shop.db, shop.admin, old)
    with pytest.raises(ShopError) as at_counter:
        redemption.redeem(shop.db, shop.admin, old, [CartItem(shop.soap.code)])
    with pytest.raises(ShopError) as by_card:
        cards.household_by_card(shop.db, shop.admin, old)
    assert by_card.value.key == at_counter.value.key == "card_blocked"
    text = HYGIENE_HEADER + f"{old},1,1,1,1,1,1\n"
    with pytest.raises(ShopError) as in_round:
        hygiene.from_csv(shop.db, shop.admin, text.encode(), date(2026, 6, 1), "李书记")
    assert in_round.value.problems[0][1].key == "card_blocked"
    assert shop.balance("王五") == 100


def test_the_same_hygiene_round_entered_twice_is_refused_naming_the_first(shop):
    text = (HYGIENE_HEADER + f"{shop.card('张三')},1,1,1,1,1,1\n{shop.card('李四')},1,0,1,0,1,0\n").encode()
    first = hygiene.from_csv(shop.db, shop.admin, text, date(2026, 6, 1), "李书记")
    with pytest.raises(ShopError) as again:
        hygiene.from_csv(shop.db, shop.admin, text, date(2026, 6, 1), "李书记")
    assert again.value.key == "round_repeats" and again.value.params["round"] == first.round_id
    assert str(first.round_id) in again.value.message("zh") and "2026-06-01" in again.value.message("en")
    assert shop.balance("张三") == 112
    # another date is another round
    hygiene.from_csv(shop.db, shop.admin, text, date(2026, 7, 1), "李书记")
    assert shop.balance("张三") == 124


def test_a_household_is_scored_once_per_round(shop):
    one = shop.homes["张三"].id
    marks = {"W01": True}
    hygiene.record(shop.db, shop.admin, date(2026, 6, 1), "李书记", {one: marks})
    with pytest.raises(ShopError) as again:
        hygiene.record(shop.db, shop.admin, date(2026, 6, 1), "李书记",
                       {one: marks, shop.homes["李四"].id: marks})
    assert again.value.key == "round_repeats"


@pytest.mark.parametrize("code", ["96385074", "40170725", "00012345600012", "10614141000415"])
def test_valid_ean8_and_gtin14_codes_are_accepted(shop, code):
    made = goods.add(shop.db, shop.admin, "小包装盐", "粮油区", 2, 300, "包", code=code)
    assert made.code == code
    assert goods.get(shop.db, shop.admin, code).name == "小包装盐"


@pytest.mark.parametrize("code, key, params", [
    ("96385075", "goods_bad_barcode", {"kind": "EAN-8"}),
    ("6901234567893", "goods_bad_barcode", {"kind": "EAN-13"}),
    ("10614141000416", "goods_bad_barcode", {"kind": "GTIN-14"}),
    ("1234567", "goods_code_length", {"length": 7}),
])
def test_a_code_that_cannot_be_accepted_says_what_is_wrong(shop, code, key, params):
    with pytest.raises(ShopError) as refused:
        goods.add(shop.db, shop.admin, "小包装盐", "粮油区", 2, 300, "包", code=code)
    assert refused.value.key == key
    assert params.items() <= refused.value.params.items()
    assert "重扫" not in refused.value.message() or key == "goods_bad_barcode"


def test_absurd_stock_and_dates_are_refused_with_the_bounds(shop):
    with pytest.raises(ShopError) as huge:
        stock.intake(shop.db, shop.admin, [stock.IntakeLine(shop.rice.code, 10 ** 12)],
                     source="donation", donor="某公司", donor_type="company")
    assert huge.value.key == "intake_bad_quantity" and "100000" in huge.value.message()
    for when in (date(1, 1, 1), date(9999, 12, 31)):
        with pytest.raises(ShopError) as odd:
            awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G01", deed_date=when)
        assert odd.value.key == "date_range" and "2000" in odd.value.message()
        with pytest.raises(ShopError):
            hygiene.record(shop.db, shop.admin, when, "李书记", {shop.homes["张三"].id: {"W01": True}})
    assert shop.balance("张三") == 100 and shop.stock(shop.rice) == 10


def test_people_written_with_an_underscore_is_not_a_number(shop):
    with pytest.raises(ShopError) as refused:
        households.add(shop.db, shop.admin, "钱七", "啊道", "1_0")
    assert refused.value.key == "people_not_number"
