"""A village on claims: points declared, reviewed, posted for notice, then credited.

The test village from its September clock: 张三's household earns by claims that an
administrator enters, a reviewer (评议员) accepts, a posting puts up for seven Beijing
days, and a crediting turns into points only after the last of them.
"""

from datetime import date, datetime, timedelta

import pytest

from pos import awards, claims, proof, service, users, village
from pos.errors import NeedsApproval, PermissionDenied, ShopError
from pos.periods import LOCAL
from pos.vocabulary import ClaimStatus, Role
from tests import tampering
from tests.pdfs import needs_poppler
from tests.pos.conftest import PASSWORD


@pytest.fixture
def on_claims(september):
    shop = september
    village.change(shop.db, shop.admin, awards="claims")
    with service.transaction(shop.db) as session:
        shop.reviewer = users.add_user(session, shop.admin, "liuping", "刘平", Role.REVIEWER, PASSWORD, shop.approval)
    return shop


def at(shop, day: date, hour: int = 9) -> None:
    shop.clock.now = datetime(day.year, day.month, day.day, hour, 0, tzinfo=LOCAL)


def proven(shop):
    with shop.db.read() as s:
        return proof.verify(s)


def test_a_claim_lives_from_entry_to_credit_after_its_posting(on_claims):
    shop = on_claims
    home = shop.homes["张三"].id
    before = shop.balance("张三")
    entered, = claims.enter(shop.db, shop.admin, [home], "B03", 15, date(2026, 9, 4), "张三", "带动三户就业")
    assert entered.status == ClaimStatus.ENTERED and entered.points == 15
    accepted = claims.review(shop.db, shop.reviewer, entered.id, accept=True, points=12)
    assert (accepted.status, accepted.points, accepted.reviewed_by) == (ClaimStatus.ACCEPTED, 12, "liuping")
    assert claims.pending(shop.db, shop.admin, home) == 12
    assert shop.balance("张三") == before, "accepted is pending, not spendable"

    posting = claims.post(shop.db, shop.admin, notice_days=7)
    assert (posting.starts_on, posting.ends_on) == (date(2026, 9, 5), date(2026, 9, 11))
    assert [c.id for c in posting.claims] == [entered.id]
    with pytest.raises(ShopError) as early:
        claims.credit(shop.db, shop.admin, posting.id)
    assert early.value.key == "posting_not_ended"

    at(shop, date(2026, 9, 12))
    result = claims.credit(shop.db, shop.admin, posting.id)
    assert (result.claims, result.points) == ((entered.id,), 12)
    assert shop.balance("张三") == before + 12
    assert claims.pending(shop.db, shop.admin, home) == 0
    assert claims.list_claims(shop.db, shop.admin)[0].status == ClaimStatus.CREDITED
    with pytest.raises(ShopError) as again:
        claims.credit(shop.db, shop.admin, posting.id)
    assert again.value.key == "posting_credited"
    assert shop.balance("张三") == before + 12, "never credited twice"
    assert proven(shop).ok, proven(shop).findings


def test_the_notice_period_is_counted_in_beijing_days(on_claims):
    shop = on_claims
    entered, = claims.enter(shop.db, shop.admin, [shop.homes["李四"].id], "L01", None, None, "组长李")
    claims.review(shop.db, shop.reviewer, entered.id, accept=True)
    village.change(shop.db, shop.admin, shop.approval, notice_days=3)
    posting = claims.post(shop.db, shop.admin)  # 5, 6 and 7 September
    shop.clock.now = datetime(2026, 9, 7, 23, 50, tzinfo=LOCAL)  # 15:50 UTC: still the 7th
    with pytest.raises(ShopError):
        claims.credit(shop.db, shop.admin, posting.id)
    # 00:10 on the 8th in Beijing is 16:10 UTC on the 7th: the village's day has turned.
    shop.clock.now = datetime(2026, 9, 8, 0, 10, tzinfo=LOCAL)
    assert shop.clock.now.astimezone(LOCAL).date() == date(2026, 9, 8)
    assert claims.credit(shop.db, shop.admin, posting.id).points == 5


def test_an_objection_holds_a_claim_until_it_is_reviewed_again_and_rejected(on_claims):
    shop = on_claims
    first, second = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id, shop.homes["王五"].id],
                                 "L02", None, date(2026, 9, 5), "组长李", "清渠")
    for claim in (first, second):
        claims.review(shop.db, shop.reviewer, claim.id, accept=True)
    posting = claims.post(shop.db, shop.admin)
    held = claims.object_to(shop.db, shop.admin, second.id, "赵六", "王五当天在外打工")
    assert (held.status, held.objected_by, held.objected_on) == (ClaimStatus.OBJECTED, "赵六", date(2026, 9, 5))
    assert claims.pending(shop.db, shop.admin, shop.homes["王五"].id) == 0
    rejected = claims.review(shop.db, shop.secretary, second.id, accept=False, reason="核实未参加")
    assert (rejected.status, rejected.reason) == (ClaimStatus.REJECTED, "核实未参加")

    wang, zhang = shop.balance("王五"), shop.balance("张三")
    at(shop, date(2026, 9, 5) + timedelta(days=7))
    result = claims.credit(shop.db, shop.admin, posting.id)
    assert result.claims == (first.id,)
    assert (shop.balance("张三"), shop.balance("王五")) == (zhang + 10, wang)
    assert proven(shop).ok, proven(shop).findings


def test_an_objected_claim_accepted_again_waits_for_the_next_posting(on_claims):
    shop = on_claims
    claim, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "L01", None, None, "张三")
    claims.review(shop.db, shop.reviewer, claim.id, accept=True)
    first = claims.post(shop.db, shop.admin)
    claims.object_to(shop.db, shop.admin, claim.id, "李四", "日期不对")
    again = claims.review(shop.db, shop.secretary, claim.id, accept=True)
    assert (again.status, again.posting_id) == (ClaimStatus.ACCEPTED, None)
    second = claims.post(shop.db, shop.admin)
    at(shop, date(2026, 9, 20))
    with pytest.raises(ShopError) as nothing:
        claims.credit(shop.db, shop.admin, first.id)
    assert nothing.value.key == "posting_nothing_standing"
    assert claims.credit(shop.db, shop.admin, second.id).claims == (claim.id,)
    assert proven(shop).ok, proven(shop).findings


def test_crediting_killed_halfway_credits_nothing(on_claims, monkeypatch):
    shop = on_claims
    entered = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id, shop.homes["李四"].id],
                           "L01", None, None, "组长")
    for claim in entered:
        claims.review(shop.db, shop.reviewer, claim.id, accept=True)
    posting = claims.post(shop.db, shop.admin)
    before = (shop.balance("张三"), shop.balance("李四"))
    credit_one = claims._credit_one
    done = []

    def dies_after_the_first(session, claim, seq):
        if done:
            raise RuntimeError("power cut")
        credit_one(session, claim, seq)
        done.append(claim.id)

    monkeypatch.setattr(claims, "_credit_one", dies_after_the_first)
    at(shop, date(2026, 9, 13))
    with pytest.raises(RuntimeError):
        claims.credit(shop.db, shop.admin, posting.id)
    assert (shop.balance("张三"), shop.balance("李四")) == before
    assert {c.status for c in claims.list_claims(shop.db, shop.admin)} == {ClaimStatus.POSTED}
    assert claims.posting(shop.db, shop.admin, posting.id).credited_seq is None
    monkeypatch.setattr(claims, "_credit_one", credit_one)
    assert claims.credit(shop.db, shop.admin, posting.id).points == 10
    assert proven(shop).ok


def test_nobody_reviews_a_claim_they_entered_or_their_own_households(on_claims):
    shop = on_claims
    own, = claims.enter(shop.db, shop.reviewer, [shop.homes["王五"].id], "L01", None, None, "王五")
    with pytest.raises(PermissionDenied) as entered_it:
        claims.review(shop.db, shop.reviewer, own.id, accept=True)
    assert entered_it.value.key == "claim_review_own"
    users.link_household(shop.db, shop.admin, "liuping", shop.homes["张三"].id)
    mine, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "L01", None, None, "张三")
    with pytest.raises(PermissionDenied) as household:
        claims.review(shop.db, shop.reviewer, mine.id, accept=True)
    assert household.value.key == "claim_review_household"
    with pytest.raises(PermissionDenied):
        claims.review(shop.db, shop.admin, mine.id, accept=True)  # an administrator is no reviewer
    assert claims.review(shop.db, shop.secretary, mine.id, accept=True).status == ClaimStatus.ACCEPTED


def test_a_rejection_needs_a_reason_and_changed_points_stay_in_the_rules_range(on_claims):
    shop = on_claims
    claim, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "B03", 10, None, "张三")
    with pytest.raises(ShopError) as reason:
        claims.review(shop.db, shop.reviewer, claim.id, accept=False)
    assert reason.value.key == "claim_reject_reason"
    with pytest.raises(ShopError) as outside:
        claims.review(shop.db, shop.reviewer, claim.id, accept=True, points=25)
    assert outside.value.key == "rule_points_range"


def test_a_village_on_claims_refuses_direct_awards_and_a_direct_one_takes_no_claims(on_claims):
    shop = on_claims
    with pytest.raises(ShopError) as direct:
        awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01")
    assert direct.value.key == "awards_by_claims"
    village.change(shop.db, shop.admin, shop.approval, awards="direct")
    with pytest.raises(ShopError) as off:
        claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "L01", None, None, "张三")
    assert off.value.key == "claims_off"


def test_a_direct_award_written_around_a_village_on_claims_is_found_by_verify(on_claims):
    from pos import messages

    shop = on_claims
    assert proven(shop).ok
    stray = tampering.stray_award(shop.db, shop.card("张三"), 5)
    found = [f for f in proven(shop).findings if f.code == "outside_claims"]
    assert [f.seq for f in found] == [stray.seq]
    said = messages.text("finding_outside_claims", "en", seq=stray.seq, **found[0].params)
    assert "while the village awarded by claims" in said and "{" not in said


def test_giving_up_claims_needs_a_supervisor_taking_them_up_does_not(september):
    shop = september
    assert village.change(shop.db, shop.admin, awards="claims").on_claims
    with pytest.raises(NeedsApproval):
        village.change(shop.db, shop.admin, awards="direct")
    assert not village.change(shop.db, shop.admin, shop.approval, awards="direct").on_claims
    with pytest.raises(ShopError) as unknown:
        village.change(shop.db, shop.admin, awards="sometimes")
    assert unknown.value.key == "awards_mode_unknown"
    assert proven(shop).ok


def test_switching_to_claims_and_back_leaves_every_balance_as_it_was(september):
    shop = september
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01")
    balances = {head: shop.balance(head) for head in shop.homes}
    village.change(shop.db, shop.admin, awards="claims")
    assert {head: shop.balance(head) for head in shop.homes} == balances
    village.change(shop.db, shop.admin, shop.approval, awards="direct")
    assert {head: shop.balance(head) for head in shop.homes} == balances
    assert proven(shop).ok


def test_a_claims_row_edited_behind_the_programs_back_fails_verify(on_claims):
    shop = on_claims
    claim, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "B03", 10, None, "张三")
    claims.review(shop.db, shop.reviewer, claim.id, accept=True)
    assert proven(shop).ok
    tampering.edit(shop.db.file, f"UPDATE claim SET points=20 WHERE id={claim.id}")
    report = proven(shop)
    assert {(f.code, f.params.get("field")) for f in report.findings} == {("claim_differs", "points")}


def test_a_claim_credited_by_raw_sql_is_named(on_claims):
    shop = on_claims
    claim, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "L01", None, None, "张三")
    tampering.edit(shop.db.file, f"UPDATE claim SET status='accepted', reviewed_by='wangfang' WHERE id={claim.id}")
    codes = {f.code for f in proven(shop).findings}
    assert codes == {"claim_differs"}


def test_a_claim_entered_in_september_and_credited_in_october_is_earned_on_octobers_books(on_claims):
    from pos import statement
    from pos.month import audit, closure, notice

    shop = on_claims
    home = shop.homes["张三"].id
    claim, = claims.enter(shop.db, shop.admin, [home], "B03", 18, date(2026, 9, 5), "张三", "带动就业")
    claims.review(shop.db, shop.reviewer, claim.id, accept=True)
    at(shop, date(2026, 9, 28))
    posting = claims.post(shop.db, shop.admin)  # up to 4 October
    at(shop, date(2026, 10, 2))
    september = closure.close(shop.db, shop.secretary, "2026-09", password="secretary-1",
                               confirm_recent=True)
    assert september.totals.awarded == 0
    at(shop, date(2026, 10, 5))
    claims.credit(shop.db, shop.admin, posting.id)
    at(shop, date(2026, 11, 2))
    october = closure.close(shop.db, shop.secretary, "2026-10", password="secretary-1", confirm_recent=True)
    assert october.totals.awarded == 18
    assert dict(october.totals.awarded_by_category) == {"产业发展": 18}
    row = next(h for h in notice.notice_data(shop.db, shop.secretary, "2026-10").households if h.head == "张三")
    assert row.earned == 18 and row.closing == row.opening + 18
    listed = audit.report(shop.db, shop.secretary, "2026-10")
    assert any(e.kind == "claim_credit" and e.points == 18 for e in listed.entries)
    lines = statement.history(shop.db, shop.admin, home).lines
    assert lines[-1].points == 18
    assert proven(shop).ok, proven(shop).findings


@needs_poppler
def test_the_postings_pdf_reads_back_with_the_points_the_ledger_credited(on_claims, tmp_path):
    import ledger
    from pos.month import posting as posting_sheet
    from pos.vocabulary import CARD_PREFIX
    from tests.pdfs import poppler_text

    shop = on_claims
    made = claims.enter(shop.db, shop.admin, [shop.homes[h].id for h in ("张三", "李四", "王五")], "L02",
                        None, None, "组长", "清渠")
    made += claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "B03", 15, None, "张三", "带动就业")
    for claim in made:
        claims.review(shop.db, shop.reviewer, claim.id, accept=True)
    posting = claims.post(shop.db, shop.admin)
    claims.object_to(shop.db, shop.admin, made[1].id, "赵六", "李四没来")  # taken off the posting
    at(shop, date(2026, 9, 13))
    credited = claims.credit(shop.db, shop.admin, posting.id)
    out = tmp_path / "posting.pdf"
    sheet, pages = posting_sheet.write_pdf(shop.db, shop.admin, posting.id, out)
    text = poppler_text(out)
    with shop.db.read() as s:
        entry = ledger.transaction(s, credited.seq)
    on_cards = sum(leg.amount for leg in entry.legs if leg.account.startswith(CARD_PREFIX))
    households = len({leg.account for leg in entry.legs if leg.account.startswith(CARD_PREFIX)})
    assert pages == 1 and on_cards == credited.points == sheet.points == 35
    assert f"共 {households} 户 3 项 {on_cards} 分" in text
    assert "李四" not in text, "an objected claim is no longer on the posting"
    assert "张三 合计" in text and "+25" in text
    english = tmp_path / "posting-en.pdf"
    posting_sheet.write_pdf(shop.db, shop.admin, posting.id, english, lang="en")
    text = poppler_text(english)
    assert "claims posted for notice (no. 1)" in text and f"{households} households, 3 claims, {on_cards} points" in text
    assert "张三, total" in text and "Points buy goods only, never cash" in text
    assert "合计" not in text and "公示" not in text, "only the village's own data stays Chinese"


def test_a_deduction_claim_lives_from_entry_to_debit_after_its_posting(on_claims):
    from pos import counter
    from pos.vocabulary import DEDUCTED

    shop = on_claims
    home = shop.homes["张三"].id
    before = shop.balance("张三")
    with pytest.raises(ShopError) as direct:
        awards.deduct(shop.db, shop.admin, home, "D05", 10)
    assert direct.value.key == "deductions_by_claims"
    with pytest.raises(ShopError) as many:
        claims.enter(shop.db, shop.admin, [home, shop.homes["李四"].id], "D05", 10, date(2026, 9, 4), "组长")
    assert many.value.key == "claim_deduction_one"
    with pytest.raises(ShopError) as outside:
        claims.enter(shop.db, shop.admin, [home], "D05", 25, date(2026, 9, 4), "组长")
    assert outside.value.key == "rule_points_range"
    deducted, = claims.enter(shop.db, shop.admin, [home], "D05", 12, date(2026, 9, 4), "组长", "乱搭乱建")
    earned, = claims.enter(shop.db, shop.admin, [home], "B03", 15, date(2026, 9, 4), "张三", "带动就业")
    assert deducted.points == -12 and deducted.status == ClaimStatus.ENTERED
    accepted = claims.review(shop.db, shop.reviewer, deducted.id, accept=True, points=8)  # its size, either way
    assert accepted.points == -8
    claims.review(shop.db, shop.reviewer, earned.id, accept=True)
    assert claims.pending(shop.db, shop.admin, home) == 15
    assert claims.pending_deductions(shop.db, shop.admin, home) == 8
    here = counter.household_for_card(shop.db, shop.admin, shop.card("张三"))
    assert (here.balance, here.pending, here.pending_deducted) == (before, 15, 8), "shown apart, nothing moved yet"

    posting = claims.post(shop.db, shop.admin)
    assert posting.points == 7 and sorted(c.points for c in posting.claims) == [-8, 15]
    at(shop, date(2026, 9, 12))
    result = claims.credit(shop.db, shop.admin, posting.id)
    assert result.points == 7 and shop.balance("张三") == before + 7
    assert (claims.pending(shop.db, shop.admin, home), claims.pending_deductions(shop.db, shop.admin, home)) == (0, 0)
    import ledger

    with shop.db.read() as s:
        legs = {leg.account: leg.amount for leg in ledger.transaction(s, result.seq).legs}
    assert legs[DEDUCTED] == 8 and legs["village:issue"] == -15, "what was taken lands where deductions land"
    assert proven(shop).ok, proven(shop).findings

    from pos.month import closure, reasons

    at(shop, date(2026, 10, 2))
    september = closure.close(shop.db, shop.secretary, "2026-09", password="secretary-1", confirm_recent=True)
    assert (september.totals.awarded, september.totals.deducted) == (15, 8)
    line = next(h for h in september.households if h.household_id == home)
    assert (line.earned, line.deducted, line.closing) == (100 + 15, 8, before + 7)  # its card issued in September
    with shop.db.read() as s:
        mine = {(r.lost, r.code, r.points) for r in reasons.month_reasons(s, september) if r.household_id == home}
    assert mine == {(False, "base", 100), (False, "B03", 15), (True, "D05", 8)}, "the notice's reasons say what was earned and lost"


def test_a_posting_whose_deduction_a_card_no_longer_covers_is_refused_whole_until_reviewed_again(on_claims):
    from pos import redemption

    shop = on_claims
    zhang, li = shop.homes["张三"].id, shop.homes["李四"].id
    # Spent before the deduction was declared (what is pending is held back from then on).
    spent = shop.balance("张三") - 20
    redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, spent // 4)],
                      approval=shop.approval)
    left = shop.balance("张三")
    assert left < 30
    taken, = claims.enter(shop.db, shop.admin, [zhang], "D06", 30, date(2026, 9, 4), "组长", "参与赌博")
    gained, = claims.enter(shop.db, shop.admin, [li], "L02", None, date(2026, 9, 4), "组长", "清渠")
    for claim in (taken, gained):
        claims.review(shop.db, shop.reviewer, claim.id, accept=True)
    posting = claims.post(shop.db, shop.admin)
    at(shop, date(2026, 9, 12))
    with pytest.raises(ShopError) as short:
        claims.credit(shop.db, shop.admin, posting.id)
    assert short.value.key == "posting_deduction_exceeds" and short.value.params["head"] == "张三"
    assert (shop.balance("张三"), shop.balance("李四")) == (left, 100), "nothing credited"
    claims.object_to(shop.db, shop.admin, taken.id, "张三", "积分已用完，请求减扣")
    assert claims.review(shop.db, shop.reviewer, taken.id, accept=True, points=10).points == -10
    credited = claims.credit(shop.db, shop.admin, posting.id)
    assert credited.claims == (gained.id,) and shop.balance("李四") == 110
    again = claims.post(shop.db, shop.admin)
    at(shop, date(2026, 9, 20))
    claims.credit(shop.db, shop.admin, again.id)
    assert shop.balance("张三") == left - 10
    assert proven(shop).ok, proven(shop).findings


def test_points_a_pending_deduction_will_take_are_held_back_at_the_counter(on_claims):
    """A household cannot spend, while a deduction is on its posting, the points it will take:
    the sale is refused naming what is held, and the rest stays spendable."""
    from pos import counter, redemption

    shop = on_claims
    home = shop.homes["张三"].id
    before = shop.balance("张三")
    taken, = claims.enter(shop.db, shop.admin, [home], "D05", 12, date(2026, 9, 4), "组长", "乱搭乱建")
    claims.review(shop.db, shop.reviewer, taken.id, accept=True)
    claims.post(shop.db, shop.admin)
    here = counter.household_for_card(shop.db, shop.admin, shop.card("张三"))
    assert (here.balance, here.pending_deducted, here.spendable) == (before, 12, before - 12)
    too_much = (before - 12) // shop.soap.price_points + 1
    with pytest.raises(ShopError) as held:
        redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, too_much)],
                          approval=shop.approval)
    assert held.value.key == "insufficient_held" and held.value.params["held"] == 12
    assert "12 分是公示中的扣分" in held.value.message("zh") and shop.balance("张三") == before
    fits = (before - 12) // shop.soap.price_points
    sold = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, fits)],
                             approval=shop.approval)
    assert sold.balance_after >= 12
