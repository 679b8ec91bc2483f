"""Scenarios from a village's year at the counter."""

from datetime import date

import pytest

import ledger
from pos import awards, cards, goods, households, hygiene, proof, redemption, reversal, rules, stock
from pos.errors import NeedsApproval, PermissionDenied, ShopError
from pos.redemption import CartItem
from pos.rules import HYGIENE_ITEMS
from pos.service import Approval


def verified(db):
    with db.read() as s:
        report = proof.verify(s)
    assert report.ok, report.findings
    return report


def test_a_new_card_carries_the_base_points(shop):
    assert shop.balance("张三") == 100
    view = cards.balance(shop.db, shop.admin, shop.card("张三"))
    assert view.status == "active" and view.balance == 100 and view.seq is not None


def test_a_labour_day_awards_30_villagers_in_one_transaction(shop):
    ids = [households.add(shop.db, shop.admin, f"村民{n:02d}", "富庄", 3).id for n in range(26)]
    cards.issue_missing(shop.db, shop.admin)
    ids += [h.id for h in shop.homes.values()]
    with shop.db.read() as s:
        before = ledger.head(s)[0]
    result = awards.batch_award(shop.db, shop.admin, ids, "L02", note="修村道", deed_date=date(2026, 4, 8))
    with shop.db.read() as s:
        assert ledger.head(s)[0] == before + 1
        tx = ledger.transaction(s, result.seq)
    assert len(result.households) == 30 and len(tx.legs) == 31
    assert tx.attrs["rule"] == "L02" and tx.attrs["deed_date"] == "2026-04-08"
    assert all(balance == 110 for _, _, balance in result.households)
    verified(shop.db)


def test_a_labour_day_with_one_household_without_a_card_awards_nobody(shop):
    newcomer = households.add(shop.db, shop.admin, "孙七", "啊道", 2)
    with pytest.raises(ShopError) as refused:
        awards.batch_award(shop.db, shop.admin, [shop.homes["张三"].id, newcomer.id], "L01")
    assert refused.value.key == "household_no_card" and "孙七" in str(refused.value)
    assert shop.balance("张三") == 100


def test_a_hygiene_round_posts_every_households_points_at_once(shop):
    perfect = {item: True for item in HYGIENE_ITEMS}
    half = {item: i % 2 == 0 for i, item in enumerate(HYGIENE_ITEMS)}
    scores = {shop.homes["张三"].id: perfect, shop.homes["李四"].id: half,
              shop.homes["王五"].id: {item: False for item in HYGIENE_ITEMS}}
    result = hygiene.record(shop.db, shop.admin, date(2026, 5, 15), "李书记、王芳", scores)
    assert (result.households, result.points, result.full_marks) == (3, 18, 1)
    assert [shop.balance(h) for h in ("张三", "李四", "王五")] == [112, 106, 100]


def test_a_hygiene_round_from_a_gbk_csv(shop):
    text = "卡号,户主,院内净,卧室净,厨房净,厕所净,个人卫生净,物品摆放规范\n" \
           f"{shop.card('张三')},张三,√,√,√,√,√,√\n,李四,1,0,1,0,1,0\n"
    result = hygiene.from_csv(shop.db, shop.admin, text.encode("gbk"), date(2026, 6, 15), "李书记")
    assert result.points == 18 and shop.balance("李四") == 106


def test_a_hygiene_csv_with_bad_rows_posts_nothing_and_names_each_row(shop):
    text = "户主,院内净,卧室净,厨房净,厕所净,个人卫生净,物品摆放规范\n" \
           "张三,√,√,√,√,√,√\n不存在,1,1,1,1,1,1\n李四,1,好,1,1,1,1\n"
    with pytest.raises(ShopError) as refused:
        hygiene.from_csv(shop.db, shop.admin, text.encode("utf-8"), date(2026, 6, 15), "李书记")
    assert [row for row, _ in refused.value.problems] == [3, 4]
    assert shop.balance("张三") == 100


def test_a_lost_cards_balance_moves_to_the_new_card(shop):
    old = shop.card("张三")
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G01")
    new = cards.replace(shop.db, shop.admin, old)
    assert new.balance == 105 and new.replaces == old and new.number != old
    assert cards.balance(shop.db, shop.admin, old).balance == 0
    with pytest.raises(ShopError) as refused:
        redemption.redeem(shop.db, shop.admin, old, [CartItem(shop.soap.code)])
    assert refused.value.key == "card_blocked"
    redemption.redeem(shop.db, shop.admin, new.number, [CartItem(shop.soap.code)])
    assert shop.balance("张三") == 101
    verified(shop.db)


def test_a_household_that_moves_away_returns_its_points_to_the_village(shop):
    number = shop.card("赵六")
    card = cards.recover(shop.db, shop.admin, number, approval=shop.approval)
    assert card.status == "recovered" and card.balance == 0
    with shop.db.read() as s:
        assert ledger.account_balance(s, "village:recovered") == 100
    with pytest.raises(ShopError) as refused:
        redemption.redeem(shop.db, shop.admin, number, [CartItem(shop.soap.code)])
    assert refused.value.key == "card_recovered"
    assert [h.head_name for h in households.search(shop.db, shop.admin, "赵")] == []


def test_a_redemption_debits_points_and_stock_together(shop):
    result = redemption.redeem(shop.db, shop.admin, shop.card("张三"),
                               [CartItem(shop.rice.code, 2), CartItem(shop.soap.code, 3),
                                CartItem(shop.soap.code, 1)])
    assert result.total_points == 56 and (result.balance_before, result.balance_after) == (100, 44)
    assert [(l.name, l.quantity, l.points) for l in result.lines] == [("大米 10kg", 2, 40), ("洗衣粉", 4, 16)]
    assert result.value_fen == 56 * 300 and result.operator == "王芳" and len(result.hash) == 64
    assert (shop.stock(shop.rice), shop.stock(shop.soap)) == (8, 26)
    assert redemption.receipt(shop.db, shop.admin, result.seq) == result


@pytest.mark.parametrize("cart, key", [
    ([("rice", 6)], "insufficient"),
    ([("rice", 11)], "stock_short"),
    ([("rice", 0)], "cart_bad_quantity"),
    ([], "cart_empty"),
])
def test_a_refused_redemption_changes_nothing(shop, cart, key):
    items = [CartItem(getattr(shop, name).code, qty) for name, qty in cart]
    with shop.db.read() as s:
        head = ledger.head(s)
    with pytest.raises(ShopError) as refused:
        redemption.redeem(shop.db, shop.admin, shop.card("张三"), items)
    assert refused.value.key == key
    with shop.db.read() as s:
        assert ledger.head(s) == head
    assert shop.balance("张三") == 100 and shop.stock(shop.rice) == 10


def test_insufficient_points_states_what_is_available(shop):
    with pytest.raises(ShopError) as refused:
        redemption.redeem(shop.db, shop.admin, shop.card("张三"), [CartItem(shop.rice.code, 6)])
    assert str(refused.value) == "积分不足：可用 100 分，需要 120 分。"
    assert refused.value.message("en") == "Not enough points: 100 available, 120 needed."


def test_a_misread_card_number_is_refused_not_matched(shop):
    number = shop.card("张三")
    typo = number[:3] + str((int(number[3]) + 1) % 10) + number[4:]
    swapped = number[:4] + number[5] + number[4] + number[6:]
    for wrong in {typo, swapped} - {number}:
        with pytest.raises(ShopError) as refused:
            redemption.redeem(shop.db, shop.admin, wrong, [CartItem(shop.soap.code)])
        assert refused.value.key == "card_check_digit"


def test_a_full_width_scan_is_understood(shop):
    wide = shop.card("张三").translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    result = redemption.redeem(shop.db, shop.admin, wide, [CartItem(shop.soap.code)])
    assert result.head_name == "张三"


def test_a_big_redemption_needs_the_supervisor(shop):
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G02", points=30)
    awards.batch_award(shop.db, shop.admin, [shop.homes["张三"].id], "H01")
    awards.batch_award(shop.db, shop.admin, [shop.homes["张三"].id], "H04")
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G03", points=20)
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "B03", points=20)
    assert shop.balance("张三") == 210
    cart = [CartItem(shop.fan.code, 1), CartItem(shop.rice.code, 6)]
    with pytest.raises(NeedsApproval):
        redemption.redeem(shop.db, shop.admin, shop.card("张三"), cart)
    result = redemption.redeem(shop.db, shop.admin, shop.card("张三"), cart, shop.approval)
    assert result.approver == "lishuji" and result.total_points == 210
    with shop.db.read() as s:
        assert ledger.transaction(s, result.seq).approver == "lishuji"


def test_a_reversal_approved_by_the_supervisor_puts_the_stock_back(shop):
    sale = redemption.redeem(shop.db, shop.admin, shop.card("李四"), [CartItem(shop.rice.code, 3)])
    undone = reversal.reverse(shop.db, shop.admin, sale.seq, "大米受潮，整单退回", shop.approval)
    assert undone.restocked == ((shop.rice.code, 3),) and undone.approver == "lishuji"
    assert shop.balance("李四") == 100 and shop.stock(shop.rice) == 10
    assert redemption.receipt(shop.db, shop.admin, sale.seq).reversed_by == undone.seq
    with pytest.raises(ShopError) as again:
        reversal.reverse(shop.db, shop.admin, sale.seq, "再退一次", shop.approval)
    assert again.value.key == "already_reversed"
    verified(shop.db)


def test_a_self_approval_is_refused(shop):
    sale = redemption.redeem(shop.db, shop.admin, shop.card("李四"), [CartItem(shop.soap.code)])
    from tests.pos.conftest import PASSWORD

    with pytest.raises(PermissionDenied) as refused:
        reversal.reverse(shop.db, shop.admin, sale.seq, "退货", Approval("wangfang", PASSWORD))
    assert refused.value.key == "self_approval"
    with pytest.raises(PermissionDenied) as refused:
        reversal.reverse(shop.db, shop.admin, sale.seq, "退货", Approval("zhaoming", PASSWORD))
    assert refused.value.key == "approver_not_supervisor"
    with pytest.raises(ShopError) as refused:
        reversal.reverse(shop.db, shop.admin, sale.seq, "退货", Approval("lishuji", "guess"))
    assert refused.value.key == "login_wrong"
    assert shop.balance("李四") == 96


def test_a_deduction_never_takes_a_balance_below_zero(shop):
    awards.deduct(shop.db, shop.admin, shop.homes["王五"].id, "D05", points=20)
    with pytest.raises(NeedsApproval):
        awards.deduct(shop.db, shop.admin, shop.homes["王五"].id, "D06", points=30)
    awards.deduct(shop.db, shop.admin, shop.homes["王五"].id, "D06", points=30, approval=shop.approval)
    redemption.redeem(shop.db, shop.admin, shop.card("王五"), [CartItem(shop.rice.code, 2)])
    with pytest.raises(ShopError) as refused:
        awards.deduct(shop.db, shop.admin, shop.homes["王五"].id, "D05", points=15)
    assert refused.value.key == "deduction_exceeds"
    assert "只有 10 分" in str(refused.value)
    assert shop.balance("王五") == 10


def test_a_rule_change_never_changes_past_entries(shop, db):
    first = awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01")
    rules.save(shop.db, shop.admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 8, approval=shop.approval)
    second = awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01")
    with db.read() as s:
        assert ledger.transaction(s, first.seq).attrs["points"] == 5
        assert ledger.transaction(s, second.seq).attrs["points"] == 8
    assert shop.balance("张三") == 113


def test_range_rules_need_points_inside_the_range(shop):
    with pytest.raises(ShopError) as refused:
        awards.award(shop.db, shop.admin, shop.homes["张三"].id, "F01")
    assert refused.value.key == "rule_needs_points"
    with pytest.raises(ShopError) as refused:
        awards.award(shop.db, shop.admin, shop.homes["张三"].id, "F01", points=11)
    assert refused.value.key == "rule_points_range"
    assert awards.award(shop.db, shop.admin, shop.homes["张三"].id, "F01", points=8).points == 8


def test_a_stock_count_difference_is_written_off_with_approval(shop):
    with pytest.raises(NeedsApproval):
        stock.count(shop.db, shop.admin, {shop.rice.code: 8}, "受潮两袋")
    result = stock.count(shop.db, shop.admin, {shop.rice.code: 8, shop.soap.code: 30}, "受潮两袋",
                         shop.approval)
    assert result.differences == ((shop.rice.code, "大米 10kg", 10, 8),)
    assert shop.stock(shop.rice) == 8


def test_the_donation_register_lists_what_was_given(shop):
    stock.intake(shop.db, shop.admin, [stock.IntakeLine(shop.rice.code, 5)], source="purchase",
                 funding="扶贫资金")
    register = stock.donation_register(shop.db, shop.admin)
    assert [(d.donor, d.goods, d.quantity) for d in register] == [
        ("宜川县鑫源商贸有限公司", "大米 10kg", 10), ("宜川县鑫源商贸有限公司", "洗衣粉", 30),
        ("宜川县鑫源商贸有限公司", "电风扇", 2)]
    assert register[0].value_fen == 55000


def test_households_are_found_by_name_initials_or_card(shop):
    assert [h.head_name for h in households.search(shop.db, shop.admin, "zs")] == ["张三"]
    assert [h.head_name for h in households.search(shop.db, shop.admin, "李")] == ["李四"]
    assert [h.head_name for h in households.search(shop.db, shop.admin, shop.card("王五"))] == ["王五"]
    assert [h.head_name for h in households.search(shop.db, shop.admin, group="啊道")] == ["张三", "李四"]


def test_goods_codes_are_checked(shop):
    with pytest.raises(ShopError) as refused:
        goods.add(shop.db, shop.admin, "毛巾", "日用品区", 3, 900, "条", code="6901234567891")
    assert refused.value.key == "goods_bad_barcode"
    assert goods.add(shop.db, shop.admin, "毛巾", "日用品区", 3, 900, "条", code="036000291452").code == "0036000291452"
    from pos.codes import valid_ean13
    assert valid_ean13(shop.rice.code) and shop.rice.code.startswith("20")
    with pytest.raises(ShopError):
        goods.add(shop.db, shop.admin, "毛巾", "卫生区", 3, 900, "条")


def test_the_ledger_and_stock_stay_consistent_through_a_busy_day(shop):
    for head in ("张三", "李四", "王五"):
        redemption.redeem(shop.db, shop.admin, shop.card(head), [CartItem(shop.soap.code, 2)])
    report = verified(shop.db)
    from sqlalchemy import select
    from pos.stock import movements_sum
    from pos.store.tables import Goods
    with shop.db.read() as s:
        for item in s.scalars(select(Goods)):
            assert item.stock == movements_sum(s, item.id)
    assert report.transactions >= 7


def test_stock_movements_and_redemption_lines_are_never_changed(shop):
    from sqlalchemy import select, update

    from ledger import AppendOnlyViolation
    from pos.store.tables import RedemptionLine, StockMovement

    redemption.redeem(shop.db, shop.admin, shop.card("张三"), [CartItem(shop.soap.code)])
    for table in (StockMovement, RedemptionLine):
        with pytest.raises(AppendOnlyViolation):
            with shop.db.write() as s:
                s.execute(update(table).values(quantity=0))
    with pytest.raises(AppendOnlyViolation):
        with shop.db.write() as s:
            s.scalars(select(StockMovement)).first().quantity = 99
            s.flush()
