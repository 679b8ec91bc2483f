"""Issue 18's eleven ways around the supervisor, each tried as a dishonest administrator would:
each is now refused without another supervisor's approval, flagged in the audit on the very
entries, or caught by the proof."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from ledger.schema import Transaction
from pos import awards, backups, cards, goods, redemption, rules, stock, users, village, wishes
from pos.errors import NeedsApproval, ShopError
from pos.month import audit, closure, notice
from pos.periods import LOCAL, today
from pos.store.database import open_database
from pos.store.tables import StockIntake
from pos.vocabulary import Role
from tests import tampering
from tests.pos.conftest import PASSWORD, SEPTEMBER, SUPERVISOR_PASSWORD, september_village

def flags(shop, rule: str) -> list[audit.Flag]:
    return [f for f in audit.report(shop.db, shop.secretary, SEPTEMBER).flags if f.rule == rule]


def test_1_a_price_lowered_needs_approval_and_a_sale_at_it_is_flagged_once_restored(september):
    shop = september
    with pytest.raises(NeedsApproval):
        goods.change(shop.db, shop.admin, shop.fan.code, price_points=1)
    assert goods.get(shop.db, shop.admin, shop.fan.code).price_points == 90
    goods.change(shop.db, shop.admin, shop.fan.code, shop.approval, price_points=1)
    sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.fan.code, 1)])
    goods.change(shop.db, shop.admin, shop.fan.code, price_points=90)  # raising is one person's act
    [flag] = flags(shop, "price_toggle")
    assert flag.seq == sale.seq
    # both price changes are operations in the audit, with who approved the cut
    listed = [(e.operator, e.approver) for e in audit.report(shop.db, shop.secretary, SEPTEMBER).entries
              if e.kind == "goods" and e.seq > sale.seq - 2]
    assert listed == [("wangfang", "lishuji"), ("wangfang", None)]


def test_2_a_threshold_changed_needs_approval_and_a_sale_under_a_raised_one_is_flagged(september):
    shop = september
    with pytest.raises(NeedsApproval):
        village.change(shop.db, shop.admin, redemption_approval_above=100_000)
    assert village.settings(shop.db).redemption_approval_above == 200
    village.change(shop.db, shop.admin, shop.approval, deduction_approval_above=100)
    deducted = awards.deduct(shop.db, shop.admin, shop.homes["张三"].id, "D06", 30)
    village.change(shop.db, shop.admin, shop.approval, deduction_approval_above=20)
    assert [f.seq for f in flags(shop, "threshold_toggle")] == [deducted.seq]


def test_3_a_rule_widened_needs_approval_and_an_award_under_it_is_flagged(september):
    shop = september
    rule = next(r for r in rules.list_rules(shop.db, shop.admin) if r.code == "L01")
    wide = (rule.code, rule.category, rule.name, rule.points_min, 1000, rule.deduction)
    with pytest.raises(NeedsApproval):
        rules.save(shop.db, shop.admin, *wide)
    rules.save(shop.db, shop.admin, *wide, approval=shop.approval)
    given = awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01", 1000)
    rules.save(shop.db, shop.admin, rule.code, rule.category, rule.name, rule.points_min, rule.points_max,
               rule.deduction)  # narrowing is one person's act
    assert [f.seq for f in flags(shop, "rule_toggle")] == [given.seq]


def test_4_a_card_taken_back_with_points_on_it_needs_approval(september):
    shop = september
    number, before = shop.card("赵六"), shop.balance("赵六")
    assert before > 0
    with pytest.raises(NeedsApproval):
        cards.recover(shop.db, shop.admin, number)
    assert shop.balance("赵六") == before
    cards.recover(shop.db, shop.admin, number, approval=shop.approval)


def test_5_deductions_split_within_a_day_reach_the_approval_the_whole_needed(september):
    shop = september
    home = shop.homes["张三"].id
    awards.deduct(shop.db, shop.admin, home, "D06", 15)
    with pytest.raises(NeedsApproval):  # 15 + 15 is above 20, as one deduction of 30 would be
        awards.deduct(shop.db, shop.admin, home, "D06", 15)
    awards.deduct(shop.db, shop.admin, home, "D06", 15, approval=shop.approval)


def test_5_a_series_just_under_the_threshold_across_days_is_flagged(september):
    shop = september
    home = shop.homes["张三"].id
    first = awards.deduct(shop.db, shop.admin, home, "D06", 15)
    shop.clock.now = datetime(2026, 9, 12, 9, 0, tzinfo=LOCAL)  # the next Saturday
    awards.deduct(shop.db, shop.admin, home, "D06", 15)
    assert [f.seq for f in flags(shop, "split_series")] == [first.seq]


def test_6_an_award_to_ones_own_household_stays_flagged_after_the_link_is_undone(september):
    shop = september
    users.link_household(shop.db, shop.admin, "zhaoming", shop.homes["王五"].id)
    given = awards.award(shop.db, shop.clerk, shop.homes["王五"].id, "G01")
    users.link_household(shop.db, shop.admin, "zhaoming", None)
    assert [f.seq for f in flags(shop, "own_household")] == [given.seq]


def test_7_a_supervisor_changed_needs_another_and_the_last_one_stays(september):
    shop = september
    with pytest.raises(NeedsApproval):
        users.set_role(shop.db, shop.admin, "lishuji", Role.ADMIN)
    users.set_active(shop.db, shop.admin, "zhoushuji", False, shop.approval)
    with pytest.raises(ShopError):  # lishuji is the last active supervisor now, approved or not
        users.set_role(shop.db, shop.admin, "lishuji", Role.ADMIN, shop.approval)
    with pytest.raises(ShopError):
        users.set_active(shop.db, shop.admin, "lishuji", False, shop.approval)
    assert {u.username: u.role for u in users.list_users(shop.db, shop.admin)}["lishuji"] == Role.SUPERVISOR


@pytest.mark.parametrize("edit", [
    "UPDATE goods SET price_points = 1",
    "UPDATE goods SET stock = stock + 5",
    "UPDATE app_user SET role = 'supervisor' WHERE username = 'wangfang'",
    "UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE username = 'wangfang') "
    "WHERE username = 'lishuji'",
], ids=["price", "stock", "role", "password"])
def test_8_a_doctored_backup_is_refused_and_the_live_database_untouched(september, tmp_path, edit):
    shop = september
    copy = backups.backup(shop.db, shop.admin, tmp_path).path
    tampering.edit(copy, edit)
    before = shop.stock(shop.soap), goods.get(shop.db, shop.admin, shop.fan.code).price_points
    with pytest.raises(ShopError) as refused:
        backups.restore(shop.db, shop.admin, shop.approval, copy)
    assert refused.value.key in ("restore_doctored", "restore_refused")
    assert (shop.stock(shop.soap), goods.get(shop.db, shop.admin, shop.fan.code).price_points) == before


def test_8_a_backup_with_a_newer_schema_is_refused(september, tmp_path):
    shop = september
    copy = backups.backup(shop.db, shop.admin, tmp_path).path
    tampering.edit(copy, "UPDATE alembic_version SET version_num = 'ffffffffffff'")
    with pytest.raises(ShopError) as refused:
        backups.restore(shop.db, shop.admin, shop.approval, copy)
    assert refused.value.key == "restore_newer"
    assert goods.get(shop.db, shop.admin, shop.fan.code).price_points == 90


def test_9_the_first_closure_is_the_ledgers_first_month(september):
    shop = september
    shop.clock.now = datetime(2026, 11, 3, 9, 0, tzinfo=LOCAL)
    with pytest.raises(ShopError) as refused:
        closure.close(shop.db, shop.secretary, "2026-10", password=SUPERVISOR_PASSWORD, confirm_recent=True)
    assert refused.value.key == "closure_order" and SEPTEMBER in str(refused.value)
    assert closure.close(shop.db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD,
                         confirm_recent=True).number == 1


def test_10_today_is_the_beijing_date_and_future_deeds_are_refused(september):
    shop = september
    shop.clock.now = datetime(2026, 10, 1, 7, 30, tzinfo=LOCAL)  # 30 September by UTC
    with shop.db.read() as session:
        assert today(session) == date(2026, 10, 1)
    with pytest.raises(ShopError):
        awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G01", deed_date=date(2099, 1, 1))


def test_10_nothing_is_dated_into_a_closed_month(september):
    shop = september
    shop.clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    closure.close(shop.db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD, confirm_recent=True)
    with pytest.raises(ShopError):
        awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G01", deed_date=date(2026, 9, 30))
    with pytest.raises(ShopError):
        wishes.add(shop.db, shop.admin, shop.homes["张三"].id, "想要一个书包", "学习用品",
                   written_on=date(2026, 9, 30))


def test_11_the_notice_names_its_village_by_id_and_survives_a_rename(september):
    shop = september
    shop.clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    closed = closure.close(shop.db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD,
                           confirm_recent=True)
    with pytest.raises(ShopError):  # the QR's separator is no part of a name
        village.change(shop.db, shop.admin, name="阿道新村|合并")
    village.change(shop.db, shop.admin, name="阿道新村")  # a merger renames the village
    assert "阿道" not in closed.qr_text and closed.village_id in closed.qr_text
    with shop.db.read() as session:
        assert notice.check_notice(session, closed.qr_text).ok
    for bad in ("", "   ", "AIXIN2|only"):
        with pytest.raises(ShopError) as refused:
            notice.parse_qr(bad)
        assert refused.value.key in ("notice_text_empty", "notice_text_bad")


def test_every_guarded_change_names_its_approver_in_the_chain(september):
    shop = september
    goods.change(shop.db, shop.admin, shop.fan.code, shop.approval, price_points=80)
    with shop.db.read() as session:
        approver = session.scalar(select(Transaction.approver).order_by(Transaction.seq.desc()).limit(1))
    assert approver == "lishuji"


def test_8_a_closure_by_someone_made_supervisor_behind_the_chain_is_named(september):
    shop = september
    shop.clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    tampering.edit(shop.db.file, "UPDATE app_user SET role = 'supervisor' WHERE username = 'wangfang'")
    made_up = users.login(shop.db, "wangfang", PASSWORD)
    closed = closure.close(shop.db, made_up, SEPTEMBER, password=PASSWORD, confirm_recent=True)
    assert ("closure_not_supervisor", closed.head_seq) in tampering.proof_findings(shop.db)


def test_10_a_donation_at_half_past_seven_on_the_first_is_the_new_months(september):
    shop = september
    shop.clock.now = datetime(2026, 10, 1, 7, 30, tzinfo=LOCAL)  # 30 September by UTC
    closure.close(shop.db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD, confirm_recent=True)
    given = stock.intake(shop.db, shop.admin, [stock.IntakeLine(shop.soap.code, 5)], source="donation",
                         donor="张大爷", donor_type="person")
    with shop.db.read() as session:
        assert session.get(StockIntake, given.intake_id).received_on == date(2026, 10, 1)
    wish = wishes.add(shop.db, shop.admin, shop.homes["张三"].id, "想要一个书包", "学习用品")
    assert wish.written_on == date(2026, 10, 1)
    with pytest.raises(ShopError):  # tomorrow is in the future
        wishes.add(shop.db, shop.admin, shop.homes["李四"].id, "想要一个书包", "学习用品",
                   written_on=date(2026, 10, 2))


@pytest.mark.postgres
@pytest.mark.parametrize("scenario", [
    test_1_a_price_lowered_needs_approval_and_a_sale_at_it_is_flagged_once_restored,
    test_2_a_threshold_changed_needs_approval_and_a_sale_under_a_raised_one_is_flagged,
    test_4_a_card_taken_back_with_points_on_it_needs_approval,
    test_5_deductions_split_within_a_day_reach_the_approval_the_whole_needed,
    test_6_an_award_to_ones_own_household_stays_flagged_after_the_link_is_undone,
    test_7_a_supervisor_changed_needs_another_and_the_last_one_stays,
], ids=lambda f: f.__name__.split("_")[1])
def test_the_approvals_hold_on_postgresql(pg_url, scenario):
    db = open_database(pg_url)
    try:
        scenario(september_village(db))
    finally:
        db.dispose()


def test_7_the_outgoing_supervisor_hands_over_to_the_incoming_one(september):
    shop = september
    users.set_active(shop.db, shop.admin, "zhoushuji", False, shop.approval)  # lishuji is the last one
    users.handover(shop.db, shop.admin, shop.approval, "wangshuji", "王书记", "incoming-1")
    roles = {u.username: (u.role, u.active) for u in users.list_users(shop.db, shop.admin)}
    assert roles["wangshuji"] == (Role.SUPERVISOR, True) and not roles["lishuji"][1]
    assert tampering.proof_findings(shop.db) == []


def test_7_a_village_whose_supervisor_left_recovers_once_with_the_sealed_code_and_it_shows(september):
    shop = september
    code = users.issue_recovery_code(shop.db, shop.secretary)
    with pytest.raises(ShopError):
        users.recover_supervisor(shop.db, shop.admin, "AAAA-BBBB-CCCC-DDDD-EEEE", "xinshuji", "新书记", "newsup-1")
    users.recover_supervisor(shop.db, shop.admin, code, "xinshuji", "新书记", "newsup-1")
    with pytest.raises(ShopError):  # the code works once
        users.recover_supervisor(shop.db, shop.admin, code, "another", "又一个", "newsup-2")
    assert [f.rule for f in audit.report(shop.db, shop.secretary, SEPTEMBER).flags].count("supervisor_recovered") == 1
    assert tampering.proof_findings(shop.db) == []
    shop.clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    closure.close(shop.db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD, confirm_recent=True)
    printed = notice.notice_data(shop.db, shop.secretary, SEPTEMBER).supervisor_lines
    assert any("xinshuji" in line or "新书记" in line for line in printed)


def test_5_a_redemption_split_in_two_in_a_day_reaches_the_approval_the_whole_needed(september):
    shop = september
    village.change(shop.db, shop.admin, shop.approval, redemption_approval_above=30)
    redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.rice.code, 1)])
    with pytest.raises(NeedsApproval):  # 20 + 20 is above 30, as one redemption of 40 would be
        redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.rice.code, 1)])
    redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.rice.code, 1)],
                      shop.approval)


def test_6_every_change_of_a_users_household_link_is_in_the_audit(september):
    shop = september

    def about_zhaoming() -> list[str]:
        found = audit.report(shop.db, shop.secretary, SEPTEMBER)
        return [f.message for f in found.flags if f.rule == "user_change" and "zhaoming" in f.message]

    before = about_zhaoming()  # his account, added this month
    users.link_household(shop.db, shop.admin, "zhaoming", shop.homes["王五"].id)
    users.link_household(shop.db, shop.admin, "zhaoming", None)
    assert len(about_zhaoming()) == len(before) + 2


def test_naming_households_on_the_board_needs_a_supervisor_and_every_change_is_in_the_audit(september):
    from pos import messages, proof

    shop = september
    village.change(shop.db, shop.admin, mask_names=True)  # masking is one person's act
    with pytest.raises(NeedsApproval):
        village.change(shop.db, shop.admin, mask_names=False)
    with pytest.raises(NeedsApproval):
        village.change(shop.db, shop.admin, name_deductions=True)
    assert (village.settings(shop.db).mask_names, village.settings(shop.db).name_deductions) == (True, False)
    village.change(shop.db, shop.admin, shop.approval, mask_names=False, name_deductions=True)
    village.change(shop.db, shop.admin, name_deductions=False)  # naming no one is one person's act
    found = audit.report(shop.db, shop.secretary, SEPTEMBER)
    changed = [(e.operator, e.approver, messages.worded(e.detail, "en")) for e in found.entries
               if e.kind == "village" and e.operator != "setup" and "names" in messages.worded(e.detail, "en")]
    assert [(who, approver) for who, approver, _ in changed] == [
        ("wangfang", None), ("wangfang", "lishuji"), ("wangfang", None)]
    assert [detail for _, _, detail in changed] == [
        "village settings: names masked on the notices no → yes",
        "village settings: names masked on the notices yes → no, the honour roll names who lost points no → yes",
        "village settings: the honour roll names who lost points yes → no"]
    with shop.db.read() as s:
        assert proof.verify(s).ok
    tampering.edit(shop.db.file, "UPDATE village SET name_deductions = 1")
    with shop.db.read() as s:
        assert {(f.code, f.params.get("field")) for f in proof.verify(s).findings} == {
            ("village_differs", "name_deductions")}


def test_naming_deductions_in_a_chain_written_around_the_program_is_found_by_verify(september):
    import ledger
    from pos import proof
    from pos.store.tables import Village

    shop = september
    with shop.db.write() as s:
        facts = {**proof.village_facts(s.get(Village, 1)), "name_deductions": 1}
        s.get(Village, 1).name_deductions = True
        ledger.record(s, kind="village", operator="wangfang", attrs=facts)
    with shop.db.read() as s:
        found = [(f.code, f.params.get("what")) for f in proof.verify(s).findings]
    assert found == [("approval_missing", "village")]
