"""A dishonest administrator against the claims workflow (issue #22).

Each test is one way an administrator could try to credit points the village never saw
for its notice days, or past a rule's limit: a service refuses it, a supervisor must
approve it, or ``verify`` names it when it is written behind the program's back.
"""

from datetime import date

import pytest

from pos import claims, messages, proof, village
from pos.errors import NeedsApproval, PermissionDenied, ShopError
from pos.store.tables import Claim, ClaimPosting, Village as VillageRow
from pos.vocabulary import ClaimStatus
from tests import tampering
from tests.pos.test_claims import at, on_claims, proven  # noqa: F401 (the fixture)


def accepted(shop, head: str = "张三", rule: str = "L01", deed: date | None = None):
    claim, = claims.enter(shop.db, shop.admin, [shop.homes[head].id], rule, None, deed, "组长李")
    return claims.review(shop.db, shop.reviewer, claim.id, accept=True)


def test_a_posting_shorter_than_the_villages_notice_days_is_refused(on_claims):
    shop = on_claims
    accepted(shop)
    with pytest.raises(ShopError) as short:
        claims.post(shop.db, shop.admin, notice_days=1)
    assert (short.value.key, short.value.params["days"], short.value.params["least"]) == ("posting_days_short", 1, 7)
    assert claims.post(shop.db, shop.admin, notice_days=10).notice_days == 10, "longer is no harm"


def test_shortening_the_villages_notice_days_needs_a_supervisor(on_claims):
    shop = on_claims
    with pytest.raises(NeedsApproval):
        village.change(shop.db, shop.admin, notice_days=1)
    assert village.change(shop.db, shop.admin, notice_days=14).notice_days == 14, "longer needs nobody"
    assert village.change(shop.db, shop.admin, shop.approval, notice_days=1).notice_days == 1
    assert proven(shop).ok, proven(shop).findings


def test_notice_days_shortened_behind_the_programs_back_is_found_by_verify(on_claims):
    shop = on_claims
    with shop.db.write() as s:
        row = s.get(VillageRow, 1)
        row.notice_days = 1
        proof.village_fact(s, row, "wangfang")  # no approver
    codes = [(f.code, f.params.get("what")) for f in proven(shop).findings]
    assert codes == [("approval_missing", "village")]


def test_a_short_posting_written_past_the_service_is_found_by_verify(on_claims):
    shop = on_claims
    claim = accepted(shop)
    with shop.db.write() as s:
        posting = ClaimPosting(starts_on=date(2026, 9, 5), notice_days=1, posted_by="wangfang", posted_seq=0)
        s.add(posting)
        s.flush()
        posting.posted_seq = proof.posting_fact(s, posting, [claim.id], "wangfang")
        row = s.get(Claim, claim.id)
        row.status, row.posting_id, row.seq = ClaimStatus.POSTED, posting.id, posting.posted_seq
        number = posting.id
    at(shop, date(2026, 9, 6))
    claims.credit(shop.db, shop.admin, number)
    found = [(f.code, f.params.get("days"), f.params.get("least")) for f in proven(shop).findings]
    assert found == [("posting_short", 1, 7)]


def test_a_reviewer_account_linked_to_the_household_cannot_pass_its_claim(on_claims):
    """The administrator enters for their own household in a group leader's name; the
    reviewer who lives there is refused, whoever is named as declaring it."""
    from pos import users

    shop = on_claims
    users.link_household(shop.db, shop.admin, "liuping", shop.homes["张三"].id)
    claim, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "L01", None, None, "组长李")
    with pytest.raises(PermissionDenied):
        claims.review(shop.db, shop.reviewer, claim.id, accept=True)


def test_a_claim_with_an_objection_is_not_credited_and_a_posting_not_twice(on_claims):
    shop = on_claims
    objected, kept = accepted(shop, "张三"), accepted(shop, "李四")
    posting = claims.post(shop.db, shop.admin)
    claims.object_to(shop.db, shop.admin, objected.id, "王五", "那天他不在")
    at(shop, date(2026, 9, 12))
    assert claims.credit(shop.db, shop.admin, posting.id).claims == (kept.id,)
    with pytest.raises(ShopError):
        claims.credit(shop.db, shop.admin, posting.id)


def test_a_rejected_claim_entered_again_is_reviewed_again(on_claims):
    shop = on_claims
    claim, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "L01", None, None, "组长李")
    claims.review(shop.db, shop.reviewer, claim.id, accept=False, reason="没有参加")
    again, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "L01", None, None, "组长李")
    assert again.status == ClaimStatus.ENTERED
    with pytest.raises(ShopError):
        claims.post(shop.db, shop.admin)  # nothing accepted: it waits for a reviewer


def test_a_claim_moved_to_another_household_after_review_fails_verify(on_claims):
    shop = on_claims
    claim = accepted(shop)
    tampering.edit(shop.db.file, f"UPDATE claim SET household_id={shop.homes['李四'].id} WHERE id={claim.id}")
    assert {f.code for f in proven(shop).findings} == {"claim_differs"}


def test_a_photo_swapped_after_its_hash_was_chained_is_found_by_verify(on_claims):
    shop = on_claims
    digest = claims.keep_photo(shop.db, b"the labour day", ".jpg")
    claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "L01", None, None, "组长李", photo=digest)
    assert proven(shop).ok
    (shop.db.file.parent / claims.PHOTOS / f"{digest}.jpg").write_bytes(b"another day")
    assert [(f.code, f.params["file"]) for f in proven(shop).findings] == [("photo_differs", f"{digest}.jpg")]


def test_a_reviewer_account_needs_a_supervisor_so_an_administrator_cannot_make_one_to_pass_their_claim(on_claims):
    """An administrator who could make a reviewer alone could make one for themselves and pass
    their own claims: adding a reviewer, making a user one, or taking one back needs a
    supervisor; the change stays in the month's audit (``user_change``)."""
    from pos import service, users
    from pos.errors import NeedsApproval
    from pos.month import audit
    from pos.vocabulary import Role
    from tests.pos.conftest import PASSWORD

    shop = on_claims
    with pytest.raises(NeedsApproval), service.transaction(shop.db) as session:
        users.add_user(session, shop.admin, "wangfang2", "王芳二", Role.REVIEWER, PASSWORD)
    with service.transaction(shop.db) as session:
        users.add_user(session, shop.admin, "zhangli", "张丽", Role.ADMIN, PASSWORD)
    with pytest.raises(NeedsApproval):
        users.set_role(shop.db, shop.admin, "zhangli", Role.REVIEWER)
    users.set_role(shop.db, shop.admin, "zhangli", Role.REVIEWER, shop.approval)
    users.set_active(shop.db, shop.admin, "zhangli", False)  # stepping down needs nobody
    with pytest.raises(NeedsApproval):
        users.set_active(shop.db, shop.admin, "zhangli", True)
    flagged = [f.message for f in audit.report(shop.db, shop.secretary, "2026-09").flags if f.rule == "user_change"]
    assert any("zhangli" in m for m in flagged)
    assert proven(shop).ok


def test_a_reviewer_made_behind_the_programs_back_is_found_by_verify(on_claims):
    """The service asks a supervisor before anyone becomes a reviewer; a user record written
    past it (an administrator's own crony as 评议员, no approver) is named by ``verify``."""
    from datetime import datetime, timezone

    from pos.store.tables import User
    from pos.vocabulary import Role, UserChange

    shop = on_claims
    with shop.db.write() as s:
        admin = s.query(User).filter_by(username="wangfang").one()
        helper = User(username="crony", display_name="亲信", role=Role.REVIEWER, password_hash=admin.password_hash,
                      active=True, created_at=datetime.now(timezone.utc))
        s.add(helper)
        s.flush()
        proof.user_fact(s, helper, "wangfang", UserChange.ADD)  # no approver
    found = [(f.code, f.params.get("user")) for f in proven(shop).findings]
    assert found == [("reviewer_unapproved", "crony")]
    finding, = proven(shop).findings
    worded = messages.text(f"finding_{finding.code}", "en", seq=finding.seq, **finding.params)
    assert "crony became a reviewer without a supervisor's approval" in worded


def test_shortening_the_notice_days_mid_posting_does_not_shorten_that_posting(on_claims):
    shop = on_claims
    accepted(shop)
    posting = claims.post(shop.db, shop.admin)  # 5 to 11 September
    village.change(shop.db, shop.admin, shop.approval, notice_days=1)
    at(shop, date(2026, 9, 7))
    with pytest.raises(ShopError) as early:
        claims.credit(shop.db, shop.admin, posting.id)
    assert early.value.key == "posting_not_ended"


def test_a_batch_split_in_two_claims_does_not_pass_the_cap_per_event(on_claims):
    from pos import rules

    shop = on_claims
    rules.save(shop.db, shop.admin, "L09", "公益劳动", "修村道（每次）", 10, cap_per_event=2, approval=shop.approval)
    deed = date(2026, 9, 4)
    claims.enter(shop.db, shop.admin, [shop.homes["张三"].id, shop.homes["李四"].id], "L09", None, deed, "组长李")
    with pytest.raises(ShopError) as capped:
        claims.enter(shop.db, shop.admin, [shop.homes["王五"].id], "L09", None, deed, "组长李")
    assert capped.value.key == "rule_cap_reached"


def test_a_rejected_claim_frees_its_time_under_the_limit_only_through_a_reviewer(on_claims):
    from pos import rules

    shop = on_claims
    rules.save(shop.db, shop.admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 5, limit="1/week")
    home = shop.homes["张三"].id
    first, = claims.enter(shop.db, shop.admin, [home], "L01", None, date(2026, 9, 1), "组长李")
    with pytest.raises(ShopError) as limited:
        claims.enter(shop.db, shop.admin, [home], "L01", None, date(2026, 9, 4), "组长李")
    assert limited.value.key == "rule_limit_reached"
    # Backdated to Monday 31 August: the same Beijing week, still refused.
    with pytest.raises(ShopError):
        claims.enter(shop.db, shop.admin, [home], "L01", None, date(2026, 8, 31), "组长李")
    claims.review(shop.db, shop.reviewer, first.id, accept=False, reason="没有参加")
    again, = claims.enter(shop.db, shop.admin, [home], "L01", None, date(2026, 9, 4), "组长李")
    assert again.status == ClaimStatus.ENTERED
    assert proven(shop).ok, proven(shop).findings


def test_a_clock_set_forward_to_credit_early_is_flagged_when_it_goes_back(on_claims):
    """The crediting trusts the computer's clock, and so does verify: moved forward past
    the notice and back, the month's audit names the entry written after it went back."""
    from pos.month import audit

    shop = on_claims
    accepted(shop)
    posting = claims.post(shop.db, shop.admin)  # up to 11 September
    at(shop, date(2026, 9, 12))
    claims.credit(shop.db, shop.admin, posting.id)
    at(shop, date(2026, 9, 6))
    accepted(shop, "李四")
    assert proven(shop).ok, "the chain cannot tell a forward clock from time passing"
    flags = {f.rule for f in audit.report(shop.db, shop.secretary, "2026-09").flags}
    assert "clock_backwards" in flags
