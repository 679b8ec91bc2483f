"""A rule's limit: at most N times a household in a period, for single and batch awards
and for claims; the refusal names the limit and when the household last earned."""

from datetime import date

import pytest

from pos import awards, claims, limits, messages, proof, rules, service, users, village
from pos.errors import NeedsApproval, ShopError
from pos.vocabulary import LimitPeriod, Role
from tests.pos.conftest import PASSWORD


def test_periods_follow_the_calendar():
    day = date(2026, 8, 13)  # a Thursday
    assert limits.period_of(day, LimitPeriod.DAY) == (day, day)
    assert limits.period_of(day, LimitPeriod.WEEK) == (date(2026, 8, 10), date(2026, 8, 16))
    assert limits.period_of(day, LimitPeriod.MONTH) == (date(2026, 8, 1), date(2026, 8, 31))
    assert limits.period_of(day, LimitPeriod.QUARTER) == (date(2026, 7, 1), date(2026, 9, 30))
    assert limits.period_of(date(2026, 12, 31), LimitPeriod.QUARTER) == (date(2026, 10, 1), date(2026, 12, 31))
    assert limits.period_of(day, LimitPeriod.YEAR) == (date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ShopError):
        limits.parse("3/fortnight")
    assert str(limits.parse(" 2 / week ")) == "2/week" and limits.parse("") is None


@pytest.fixture
def limited(september):
    shop = september
    rules.save(shop.db, shop.admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 5, limit="1/week")
    return shop


def test_a_second_award_in_the_week_is_refused_naming_the_limit_and_the_last_time(limited):
    shop = limited
    home = shop.homes["张三"].id
    awards.award(shop.db, shop.admin, home, "L01", deed_date=date(2026, 9, 1))
    with pytest.raises(ShopError) as refused:
        awards.award(shop.db, shop.admin, home, "L01", deed_date=date(2026, 9, 3))
    assert refused.value.key == "rule_limit_reached"
    assert "每周最多 1 次" in str(refused.value) and "2026-09-01" in str(refused.value)
    assert "at most 1 times a week" in refused.value.message("en")
    awards.award(shop.db, shop.admin, home, "L01", deed_date=date(2026, 8, 30))  # the week before


def test_the_limit_holds_across_a_batch(limited):
    shop = limited
    awards.award(shop.db, shop.admin, shop.homes["王五"].id, "L01", deed_date=date(2026, 9, 1))
    batch = [shop.homes[h].id for h in ("张三", "李四", "王五")]
    before = {h: shop.balance(h) for h in shop.homes}
    with pytest.raises(ShopError) as refused:
        awards.batch_award(shop.db, shop.admin, batch, "L01", deed_date=date(2026, 9, 2))
    assert refused.value.params["head"] == "王五"
    assert {h: shop.balance(h) for h in shop.homes} == before, "all or nothing"
    awards.batch_award(shop.db, shop.admin, batch[:2], "L01", deed_date=date(2026, 9, 2))
    with pytest.raises(ShopError):
        awards.award(shop.db, shop.admin, shop.homes["李四"].id, "L01", deed_date=date(2026, 9, 4))


def test_a_reversed_award_no_longer_counts(limited):
    shop = limited
    from pos import reversal

    first = awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01", deed_date=date(2026, 9, 1))
    reversal.reverse(shop.db, shop.admin, first.seq, "录错", shop.approval)
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01", deed_date=date(2026, 9, 2))


def test_claims_count_toward_the_limit_until_rejected(limited):
    shop = limited
    village.change(shop.db, shop.admin, awards="claims")
    with service.transaction(shop.db) as session:
        reviewer = users.add_user(session, shop.admin, "liuping", "刘平", Role.REVIEWER, PASSWORD, shop.approval)
    home = shop.homes["张三"].id
    claim, = claims.enter(shop.db, shop.admin, [home], "L01", None, date(2026, 9, 1), "张三")
    with pytest.raises(ShopError) as refused:
        claims.enter(shop.db, shop.admin, [home], "L01", None, date(2026, 9, 2), "张三")
    assert refused.value.key == "rule_limit_reached"
    claims.review(shop.db, reviewer, claim.id, accept=False, reason="重复申报")
    claims.enter(shop.db, shop.admin, [home], "L01", None, date(2026, 9, 2), "张三")


def test_loosening_a_limit_needs_a_supervisor_and_the_limit_is_chained(limited):
    shop = limited
    with pytest.raises(NeedsApproval):
        rules.save(shop.db, shop.admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 5, limit="")
    with pytest.raises(NeedsApproval):
        rules.save(shop.db, shop.admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 5, limit="2/week")
    tighter = rules.save(shop.db, shop.admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 5, limit="1/month")
    assert str(tighter.limit) == "1/month"
    kept = rules.save(shop.db, shop.admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 5)
    assert str(kept.limit) == "1/month", "a change that names no limit keeps the rule's"
    with shop.db.read() as s:
        assert proof.verify(s).ok
    from tests import tampering

    tampering.edit(shop.db.file, "UPDATE point_rule SET limit_count=NULL WHERE code='L01'")
    with shop.db.read() as s:
        assert {(f.code, f.params.get("field")) for f in proof.verify(s).findings} == {("rule_differs", "limit")}


def test_an_award_past_the_limit_written_around_the_program_is_found_by_verify(limited):
    shop = limited
    from tests import tampering

    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01", deed_date=date(2026, 9, 1))
    awards.award(shop.db, shop.admin, shop.homes["李四"].id, "L01", deed_date=date(2026, 9, 2))
    with shop.db.read() as s:
        assert proof.verify(s).ok
    stray = tampering.stray_award(shop.db, shop.card("张三"), 5)
    with shop.db.read() as s:
        found = [(f.code, f.seq) for f in proof.verify(s).findings]
    assert ("rule_limit_exceeded", stray.seq) in found


# ---------------------------------------------------------------- a cap per event


@pytest.fixture
def capped(september):
    shop = september
    rules.save(shop.db, shop.admin, "L09", "公益劳动", "修村道（每次）", 10, cap_per_event=2, approval=shop.approval)
    return shop


def test_a_labour_day_credits_no_more_households_than_the_rules_cap(capped):
    shop = capped
    homes = [shop.homes[h].id for h in ("张三", "李四", "王五")]
    before = {h: shop.balance(h) for h in shop.homes}
    with pytest.raises(ShopError) as refused:
        awards.batch_award(shop.db, shop.admin, homes, "L09", deed_date=date(2026, 9, 1))
    assert refused.value.key == "rule_cap_reached"
    assert "每次活动最多 2 户" in str(refused.value) and "2026-09-01" in str(refused.value)
    assert "at most 2 households an event" in refused.value.message("en")
    assert {h: shop.balance(h) for h in shop.homes} == before, "all or nothing"
    awards.batch_award(shop.db, shop.admin, homes[:2], "L09", deed_date=date(2026, 9, 1))
    with pytest.raises(ShopError) as refused:  # a second batch for the same day counts with the first
        awards.award(shop.db, shop.admin, homes[2], "L09", deed_date=date(2026, 9, 1))
    assert refused.value.params["already"] == 2 and refused.value.params["more"] == 1
    awards.award(shop.db, shop.admin, homes[2], "L09", deed_date=date(2026, 9, 2))  # another event
    with shop.db.read() as s:
        assert proof.verify(s).ok


def test_the_cap_holds_for_claims_and_a_rejected_claim_frees_its_place(capped):
    shop = capped
    village.change(shop.db, shop.admin, awards="claims")
    with service.transaction(shop.db) as session:
        reviewer = users.add_user(session, shop.admin, "liuping", "刘平", Role.REVIEWER, PASSWORD, shop.approval)
    homes = [shop.homes[h].id for h in ("张三", "李四", "王五")]
    first, _second = claims.enter(shop.db, shop.admin, homes[:2], "L09", None, date(2026, 9, 1), "组长")
    with pytest.raises(ShopError) as refused:
        claims.enter(shop.db, shop.admin, homes[2:], "L09", None, date(2026, 9, 1), "组长")
    assert refused.value.key == "rule_cap_reached"
    claims.review(shop.db, reviewer, first.id, accept=False, reason="当天未出工")
    claims.enter(shop.db, shop.admin, homes[2:], "L09", None, date(2026, 9, 1), "组长")
    with shop.db.read() as s:
        assert proof.verify(s).ok


def test_raising_or_removing_a_cap_needs_a_supervisor_lowering_it_does_not(capped):
    shop = capped
    for wider in (3, 0):
        with pytest.raises(NeedsApproval):
            rules.save(shop.db, shop.admin, "L09", "公益劳动", "修村道（每次）", 10, cap_per_event=wider)
    assert rules.save(shop.db, shop.admin, "L09", "公益劳动", "修村道（每次）", 10, cap_per_event=1).cap_per_event == 1
    kept = rules.save(shop.db, shop.admin, "L09", "公益劳动", "修村道（每次）", 10, limit="1/week")
    assert kept.cap_per_event == 1, "a change that names no cap keeps the rule's"
    wider = rules.save(shop.db, shop.admin, "L09", "公益劳动", "修村道（每次）", 10, cap_per_event=0,
                       approval=shop.approval)
    assert wider.cap_per_event is None
    with shop.db.read() as s:
        assert proof.verify(s).ok
    from pos.month import changes

    with shop.db.read() as s:
        controls = changes.Controls(s)
        details = [messages.worded(changes.entry_detail(controls, seq, {}), "en") for seq, change
                   in controls.changes.items() if change[1] == "L09"]
    assert any("cap per event" in d for d in details), details


def test_a_cap_taken_away_behind_the_program_and_an_award_past_it_are_found(capped):
    shop = capped
    from tests import tampering

    awards.batch_award(shop.db, shop.admin, [shop.homes["张三"].id, shop.homes["李四"].id], "L09",
                       deed_date=date(2026, 9, 1))
    tampering.edit(shop.db.file, "UPDATE point_rule SET cap_per_event=NULL WHERE code='L09'")
    with shop.db.read() as s:
        assert {(f.code, f.params.get("field")) for f in proof.verify(s).findings} == {("rule_differs", "cap")}
    tampering.edit(shop.db.file, "UPDATE point_rule SET cap_per_event=2 WHERE code='L09'")
    stray = tampering.stray_award(shop.db, shop.card("王五"), 10, rule="L09", deed_date="2026-09-01")
    with shop.db.read() as s:
        found = [(f.code, f.seq) for f in proof.verify(s).findings]
    assert ("rule_cap_exceeded", stray.seq) in found


# ---------------------------------------------------------------- the hygiene rule's limit follows the round


def test_a_hygiene_items_limit_counts_the_rounds_that_passed_the_household(september):
    shop = september
    from pos import hygiene, reversal
    from pos.rules import HYGIENE_ITEMS

    rules.save(shop.db, shop.admin, "W01", "卫生检查", "院内净", 2, limit="1/month")
    zhang, li = shop.homes["张三"].id, shop.homes["李四"].id
    clean = {item: True for item in HYGIENE_ITEMS}
    yard_dirty = {**clean, "W01": False}
    first = hygiene.record(shop.db, shop.admin, date(2026, 9, 1), "李书记", {zhang: clean, li: yard_dirty})
    before = {h: shop.balance(h) for h in shop.homes}
    with pytest.raises(ShopError) as refused:
        hygiene.record(shop.db, shop.admin, date(2026, 9, 4), "李书记", {zhang: clean, li: clean})
    assert refused.value.key == "rule_limit_reached"
    message = str(refused.value)
    assert "W01" in message and "院内净" in message and "每月最多 1 次" in message
    assert "张三" in message and "2026-09-01" in message
    assert {h: shop.balance(h) for h in shop.homes} == before, "the whole round is refused"
    # 李四 failed the yard on the 1st: a round that passes it, and not 张三 on it, goes through
    hygiene.record(shop.db, shop.admin, date(2026, 9, 4), "李书记", {zhang: yard_dirty, li: clean})
    with pytest.raises(ShopError):  # a direct award by the item counts with the rounds
        awards.award(shop.db, shop.admin, li, "W01", deed_date=date(2026, 9, 5))
    hygiene.record(shop.db, shop.admin, date(2026, 8, 28), "李书记", {zhang: clean, li: clean})  # another month
    # a reversed round no longer counts
    reversal.reverse(shop.db, shop.admin, first.seq, "录错了日期", shop.approval)
    hygiene.record(shop.db, shop.admin, date(2026, 9, 2), "李书记", {zhang: clean})
    with shop.db.read() as s:
        assert proof.verify(s).ok
