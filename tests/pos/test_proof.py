"""Someone with the plain sqlite3 module edits the shop's tables; verify names each edit.

Every fact that decides who holds points or goods, or who may approve what, is
in the hash chain, so an edit to the table that keeps it for speed shows up as
a finding naming the record (and, where it has one, the ledger entry).
"""


import pytest

import ledger
from ledger import Leg
from pos import awards, proof, redemption, stock
from pos.redemption import CartItem
from tests import tampering


@pytest.fixture
def village_month(shop):
    """A month of the test village: a sale, an approved deduction, a write-off, a lost card."""
    shop.sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"),
                                  [CartItem(shop.rice.code, 2), CartItem(shop.soap.code, 3)])
    shop.deduction = awards.deduct(shop.db, shop.admin, shop.homes["李四"].id, "D06", 25,
                                   approval=shop.approval)
    stock.write_off(shop.db, shop.admin, shop.fan.code, 1, "运输磕坏", shop.approval)
    return shop


@pytest.fixture
def tamper(village_month):
    def run(*statements):
        tampering.edit(village_month.db.file, *statements)
        with village_month.db.read() as s:
            return proof.verify(s)
    return run


def found(report):
    return {(f.code, f.params.get("record") or f.params.get("field") or f.params.get("account"))
            for f in report.findings}


def test_the_village_month_proves_clean(village_month):
    with village_month.db.read() as s:
        report = proof.verify(s)
    assert report.ok, report.findings
    assert report.transactions > 50, "users, rules, goods, households and cards are all in the chain"


def test_a_goods_price_edit_is_named(tamper, shop):
    report = tamper(f"UPDATE goods SET price_points=1 WHERE code='{shop.fan.code}'")
    assert found(report) == {("goods_differs", shop.fan.code)}
    assert report.findings[0].params["field"] == "price_points"


def test_a_goods_stock_edit_is_named(tamper, shop):
    report = tamper(f"UPDATE goods SET stock=stock+5 WHERE code='{shop.soap.code}'")
    assert found(report) == {("stock_mismatch", shop.soap.code)}


def test_a_stock_movement_quantity_edit_is_named(tamper, shop):
    report = tamper("UPDATE stock_movement SET quantity=quantity+5 WHERE kind='intake' AND goods_id="
                    f"(SELECT id FROM goods WHERE code='{shop.soap.code}')")
    assert ("movement_mismatch", shop.soap.code) in found(report)


def test_a_stock_movement_and_the_stock_edited_together_are_still_named(tamper, shop):
    report = tamper(
        "UPDATE stock_movement SET quantity=quantity+5 WHERE kind='intake' AND goods_id="
        f"(SELECT id FROM goods WHERE code='{shop.soap.code}')",
        f"UPDATE goods SET stock=stock+5 WHERE code='{shop.soap.code}'")
    assert found(report) == {("movement_mismatch", shop.soap.code), ("stock_mismatch", shop.soap.code)}


def test_a_deleted_stock_movement_is_named(tamper, shop):
    report = tamper("DELETE FROM stock_movement WHERE kind='writeoff'")
    assert ("movement_mismatch", shop.fan.code) in found(report)


def test_a_redemption_lines_quantity_edit_is_named(tamper, shop):
    report = tamper(f"UPDATE redemption_line SET quantity=1 WHERE tx_seq={shop.sale.seq} AND line=1")
    assert found(report) == {("redemption_mismatch", "items")}
    assert report.findings[0].seq == shop.sale.seq


def test_a_redemption_lines_goods_swapped_is_named(tamper, shop):
    report = tamper(f"UPDATE redemption_line SET goods_id=(SELECT id FROM goods WHERE code='{shop.fan.code}') "
                    f"WHERE tx_seq={shop.sale.seq} AND line=1")
    assert ("redemption_mismatch", "items") in found(report)


def test_a_redemption_moved_to_another_card_is_named(tamper, shop):
    report = tamper(f"UPDATE redemption SET card_number='{shop.card('王五')}', household_id="
                    f"{shop.homes['王五'].id} WHERE tx_seq={shop.sale.seq}")
    assert {("redemption_mismatch", "card"), ("redemption_mismatch", "household")} <= found(report)


def test_a_raised_redemption_threshold_is_named(tamper):
    report = tamper("UPDATE village SET redemption_approval_above=100000")
    assert found(report) == {("village_differs", "阿道村")}
    assert report.findings[0].params["field"] == "redemption_approval_above"


def test_a_lowered_deduction_threshold_is_named(tamper):
    report = tamper("UPDATE village SET deduction_approval_above=0")
    assert {f.params["field"] for f in report.findings} == {"deduction_approval_above"}


def test_a_point_rule_edit_is_named(tamper):
    report = tamper("UPDATE point_rule SET points_max=500 WHERE code='G02'")
    assert found(report) == {("rule_differs", "G02")}


def test_a_deduction_rule_turned_into_an_award_is_named(tamper):
    report = tamper("UPDATE point_rule SET deduction=0 WHERE code='D01'")
    assert found(report) == {("rule_differs", "D01")}


def test_a_household_renamed_is_named(tamper, shop):
    report = tamper(f"UPDATE household SET head_name='张三丰' WHERE id={shop.homes['张三'].id}")
    assert found(report) == {("household_differs", str(shop.homes["张三"].id))}


def test_a_card_given_to_another_household_is_named(tamper, shop):
    card = shop.card("张三")
    report = tamper(f"UPDATE point_card SET household_id={shop.homes['王五'].id} WHERE number='{card}'")
    assert found(report) == {("card_differs", card)}


def test_a_blocked_card_made_active_again_is_named(shop):
    from pos import cards

    lost = shop.card("赵六")
    cards.replace(shop.db, shop.admin, lost)
    tampering.edit(shop.db.file, f"UPDATE point_card SET status='active' WHERE number='{lost}'")
    with shop.db.read() as s:
        report = proof.verify(s)
    assert found(report) == {("card_differs", lost)}


def test_an_account_allowed_to_go_below_zero_is_named(tamper, shop):
    account = f"card:{shop.card('张三')}"
    report = tamper(f"UPDATE ledger_account SET may_go_negative=1 WHERE code='{account}'")
    assert found(report) == {("account_flag_mismatch", account)}


def test_the_village_issue_account_made_strict_is_named(tamper):
    report = tamper("UPDATE ledger_account SET may_go_negative=0 WHERE code='village:issue'")
    assert ("account_flag_mismatch", "village:issue") in found(report)


def test_a_deleted_household_is_named(tamper, shop):
    report = tamper(f"DELETE FROM household WHERE id={shop.homes['赵六'].id}")
    assert ("household_missing", str(shop.homes["赵六"].id)) in found(report)


def test_the_chain_itself_catches_an_edited_fact_record(tamper, shop):
    report = tamper("UPDATE ledger_transaction SET attrs=replace(attrs, '\"price_points\":90', "
                    "'\"price_points\":9') WHERE kind='goods'")
    assert any(f.code == "hash_mismatch" for f in report.findings)


def test_points_posted_to_a_blocked_card_through_the_ledger_are_named(shop):
    from pos import cards

    lost = shop.card("赵六")
    cards.replace(shop.db, shop.admin, lost)
    stray = tampering.stray_award(shop.db, lost, 5)
    assert tampering.proof_findings(shop.db) == [("closed_card_posting", stray.seq)]


def test_an_award_outside_its_rule_is_named(shop):
    stray = tampering.stray_award(shop.db, shop.card("王五"), 50)
    assert tampering.proof_findings(shop.db) == [("rule_not_in_force", stray.seq)]


def test_a_redemption_above_the_threshold_without_approval_is_named(shop):
    from pos import village

    village.change(shop.db, shop.admin, shop.approval, redemption_approval_above=10)
    card = shop.card("张三")
    with shop.db.write() as s:
        stray = ledger.post(s, kind="redemption", operator="wangfang",
                            legs=[Leg(f"card:{card}", -20), Leg("village:redeemed", 20)],
                            attrs={"card": card, "household": shop.homes["张三"].id,
                                   "items": f"{shop.rice.code}×1=20"})
    with shop.db.read() as s:
        codes = {f.code for f in proof.verify(s).findings if f.seq == stray.seq}
    assert "approval_missing" in codes


def test_deleting_the_village_row_does_not_switch_the_shops_checks_off(tamper):
    report = tamper("DELETE FROM village", "UPDATE goods SET stock=stock+1")
    assert ("village_missing", "阿道村") in found(report)
    assert any(f.code == "stock_mismatch" for f in report.findings)
