"""The counter's services, shared by the command line and the window."""

import pytest

import ledger
from pos import cards, counter, redemption
from pos.errors import ShopError
from pos.redemption import CartItem


def head(db):
    with db.read() as session:
        return ledger.head(session)


def test_a_card_scan_finds_the_household_with_its_balance(shop):
    here = counter.household_for_card(shop.db, shop.admin, shop.card("张三"))
    assert here.household.head_name == "张三" and here.household.group == "啊道"
    assert here.balance == 100 and here.yuan(here.balance) == "￥300.00"


@pytest.mark.parametrize("mangle, key", [
    (lambda n: n[:-1] + str((int(n[-1]) + 1) % 10), "card_check_digit"),
    (lambda n: n[:4], "card_not_a_number"),
])
def test_a_misread_card_is_refused_with_its_reason(shop, mangle, key):
    with pytest.raises(ShopError) as refused:
        counter.household_for_card(shop.db, shop.admin, mangle(shop.card("张三")))
    assert refused.value.key == key


def test_a_lost_card_and_a_household_that_moved_away_are_refused(shop):
    lost = shop.card("李四")
    cards.replace(shop.db, shop.admin, lost)
    with pytest.raises(ShopError) as refused:
        counter.household_for_card(shop.db, shop.admin, lost)
    assert refused.value.key == "card_blocked"
    moved = shop.card("王五")
    cards.recover(shop.db, shop.admin, moved, approval=shop.approval)
    with pytest.raises(ShopError) as refused:
        counter.household_for_card(shop.db, shop.admin, moved)
    assert refused.value.key == "card_recovered"


def test_goods_are_found_by_pinyin_initials_or_part_of_the_name(shop):
    assert [g.name for g in counter.goods_matching(shop.db, shop.admin, "xyf")] == ["洗衣粉"]
    assert [g.name for g in counter.goods_matching(shop.db, shop.admin, "大米")] == ["大米 10kg"]
    assert [g.name for g in counter.goods_matching(shop.db, shop.admin, "", "家用电器区")] == ["电风扇"]


def test_the_same_token_twice_makes_one_redemption(shop):
    card = shop.card("张三")
    first = redemption.redeem(shop.db, shop.admin, card, [CartItem(shop.soap.code, 2)], token="t-1")
    seq_after_first = head(shop.db)[0]
    again = redemption.redeem(shop.db, shop.admin, card, [CartItem(shop.soap.code, 2)], token="t-1")
    assert again.seq == first.seq and again.balance_after == first.balance_after
    assert head(shop.db)[0] == seq_after_first
    assert shop.balance("张三") == 92 and shop.stock(shop.soap) == 28
    other = redemption.redeem(shop.db, shop.admin, card, [CartItem(shop.soap.code, 1)], token="t-2")
    assert other.seq > first.seq and shop.balance("张三") == 88


def test_recent_transactions_are_newest_first(shop):
    card = shop.card("张三")
    redemption.redeem(shop.db, shop.admin, card, [CartItem(shop.soap.code, 1)])
    rows = counter.recent(shop.db, shop.admin, card)
    assert [r.kind for r in rows] == ["redemption", "card_issue"]
    assert [r.points for r in rows] == [-4, 100]


def test_a_balance_slip_prints_on_the_receipt_printer(shop, fake_printer):
    from pos.station.settings import PrinterSettings
    from tests.printing.paper import decode

    printer = PrinterSettings(port=fake_printer.port)
    counter.balance_slip(shop.db, shop.admin, shop.card("张三"), printer)
    paper = decode(fake_printer.printed(), 32)
    assert "积分查询" in paper.text and "100" in paper.text and "积分不兑换现金" in paper.text
    assert any("张三" in line for line in paper.text) and any("+100" in line for line in paper.text)


def test_a_balance_slip_prints_in_the_language_asked_for(shop, fake_printer):
    from pos.station.settings import PrinterSettings
    from tests.printing.paper import decode

    card = shop.card("张三")
    redemption.redeem(shop.db, shop.admin, card, [CartItem(shop.soap.code, 1)])
    counter.balance_slip(shop.db, shop.admin, card, PrinterSettings(port=fake_printer.port), lang="en")
    text = decode(fake_printer.printed(), 32).text
    assert "Points Balance" in text and "Points not exchangeable for cash" in text and "积分查询" not in text
    assert "96" in text and any(line.startswith("Household: 张三") for line in text)
    assert any("redemption" in line and line.endswith("-4") for line in text)  # the kinds in English too
    assert any("card issued" in line and line.endswith("+100") for line in text)
