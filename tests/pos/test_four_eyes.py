"""Four-eyes that cannot be bypassed: no supervisor without a supervisor, and every
user's role, state and password inside the proof."""

import json

import pytest

import ledger
from pos import proof, redemption, reversal, service, users
from pos.errors import NeedsApproval, PermissionDenied, ShopError
from pos.redemption import CartItem
from pos.service import Approval
from pos.vocabulary import Role
from tests.pos.conftest import PASSWORD, SUPERVISOR_PASSWORD
from tests import tampering


def findings(db):
    with db.read() as s:
        return {(f.code, f.params.get("record") or f.params.get("approver")) for f in proof.verify(s).findings}


def test_an_administrator_cannot_make_a_supervisor_alone_and_approve_their_own_reversal(shop):
    sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [CartItem(shop.soap.code)])
    with pytest.raises(NeedsApproval):
        with service.transaction(shop.db) as s:
            users.add_user(s, shop.admin, "shuji2", "书记二", Role.SUPERVISOR, "my-own-pass")
    with pytest.raises(ShopError) as refused:
        reversal.reverse(shop.db, shop.admin, sale.seq, "退货", Approval("shuji2", "my-own-pass"))
    assert refused.value.key == "login_wrong", "shuji2 was never created"
    assert redemption.receipt(shop.db, shop.admin, sale.seq).reversed_by is None


def test_an_administrator_is_no_approver_for_a_new_supervisor(shop):
    with pytest.raises(PermissionDenied) as refused:
        with service.transaction(shop.db) as s:
            users.add_user(s, shop.admin, "shuji2", "书记二", Role.SUPERVISOR, "my-own-pass",
                           Approval("zhaoming", PASSWORD))
    assert refused.value.key == "approver_not_supervisor"


def test_a_supervisor_added_with_approval_can_approve_and_verify_proves_it(shop):
    with service.transaction(shop.db) as s:
        users.add_user(s, shop.admin, "shuji2", "书记二", Role.SUPERVISOR, "my-own-pass", shop.approval)
    sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [CartItem(shop.soap.code)])
    reversal.reverse(shop.db, shop.admin, sale.seq, "退货", Approval("shuji2", "my-own-pass"))
    with shop.db.read() as s:
        report = proof.verify(s)
        record = [t for t in (ledger.transaction(s, n) for n in range(1, report.head_seq + 1))
                  if t.kind == "user" and t.attrs["user"] == "shuji2"][0]
    assert report.ok, report.findings
    assert record.approver == "lishuji" and record.attrs["role"] == "supervisor"
    assert len(record.attrs["password"]) == 64 and "argon2" not in json.dumps(record.attrs)


def test_promoting_to_supervisor_needs_another_supervisors_approval(shop):
    with pytest.raises(NeedsApproval):
        users.set_role(shop.db, shop.admin, "zhaoming", Role.SUPERVISOR)
    view = users.set_role(shop.db, shop.admin, "zhaoming", Role.SUPERVISOR, shop.approval)
    assert view.role == Role.SUPERVISOR
    assert findings(shop.db) == set()


def test_a_deactivated_supervisor_can_no_longer_approve(shop):
    users.deactivate(shop.db, shop.admin, "zhoushuji", shop.approval)
    sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [CartItem(shop.soap.code)])
    with pytest.raises(ShopError) as refused:
        reversal.reverse(shop.db, shop.admin, sale.seq, "退货", Approval("zhoushuji", SUPERVISOR_PASSWORD))
    assert refused.value.key == "login_wrong"
    assert findings(shop.db) == set()


def test_a_supervisors_password_is_reset_only_with_another_supervisors_approval(shop):
    with pytest.raises(NeedsApproval):
        users.reset_password(shop.db, shop.admin, "zhoushuji", "taken-over")
    with pytest.raises(PermissionDenied):
        users.reset_password(shop.db, shop.admin, "zhoushuji", "taken-over",
                             Approval("zhoushuji", SUPERVISOR_PASSWORD))
    users.reset_password(shop.db, shop.admin, "zhoushuji", "new-secret", shop.approval)
    assert users.login(shop.db, "zhoushuji", "new-secret").role == Role.SUPERVISOR
    users.reset_password(shop.db, shop.admin, "zhaoming", "clerk-again")
    assert findings(shop.db) == set()


def test_the_first_supervisor_is_only_made_at_setup(shop):
    with pytest.raises(PermissionDenied):
        with service.transaction(shop.db) as s:
            users.first_supervisor(s, "shuji3", "书记三", "whatever-1")


def test_a_role_edited_in_the_database_is_named(shop):
    tampering.edit(shop.db.file, "UPDATE app_user SET role='supervisor' WHERE username='zhaoming'")
    assert findings(shop.db) == {("user_differs", "zhaoming")}


def test_a_password_hash_copied_in_the_database_is_named(shop):
    tampering.edit(shop.db.file, "UPDATE app_user SET password_hash=(SELECT password_hash FROM app_user "
                  "WHERE username='wangfang') WHERE username='lishuji'")
    assert findings(shop.db) == {("user_differs", "lishuji")}


def test_a_deactivated_user_switched_back_on_is_named(shop):
    users.deactivate(shop.db, shop.admin, "zhoushuji", shop.approval)
    tampering.edit(shop.db.file, "UPDATE app_user SET active=1 WHERE username='zhoushuji'")
    assert findings(shop.db) == {("user_differs", "zhoushuji")}


def test_a_user_inserted_into_the_table_is_named(shop):
    tampering.edit(shop.db.file, "INSERT INTO app_user (username, display_name, role, password_hash, active, "
                  "failed_logins, locked, created_at) SELECT 'ghost', 'ghost', 'supervisor', "
                  "password_hash, 1, 0, 0, created_at FROM app_user WHERE username='wangfang'")
    assert findings(shop.db) == {("user_unchained", "ghost")}


def test_an_approval_by_someone_who_was_not_a_supervisor_then_is_named(shop):
    users.deactivate(shop.db, shop.admin, "zhoushuji", shop.approval)
    card = shop.card("张三")
    by_clerk = tampering.stray_award(shop.db, card, 5, approver="zhaoming")
    by_former = tampering.stray_award(shop.db, card, 5, approver="zhoushuji")
    assert tampering.proof_findings(shop.db) == [
        ("approver_not_supervisor", by_clerk.seq), ("approver_not_supervisor", by_former.seq)]


def test_supervisors_from_the_command_line(aixin):
    code, out, _ = aixin("init", "--village", "阿道村", "--groups", "啊道", "--admin", "wangfang",
                         "--supervisor", "lishuji", "--supervisor-name", "李书记",
                         env={"AIXIN_SUPERVISOR_PASSWORD": "secretary-1"})
    assert code == 0 and "监督员 lishuji" in out
    code, _, err = aixin("user", "add", "shuji2", "--role", "supervisor",
                         env={"AIXIN_NEW_PASSWORD": "shuji2-pass"})
    assert code == 2 and "需要监督员审批" in err
    code, out, _ = aixin("user", "add", "shuji2", "--role", "supervisor", "--approver", "lishuji",
                         env={"AIXIN_APPROVER_PASSWORD": "secretary-1"})
    assert code == 0 and "shuji2" in out
    assert aixin("user", "add", "zhaoming", "--role", "admin",
                 env={"AIXIN_NEW_PASSWORD": "zhaoming-pass"})[0] == 0
    code, _, err = aixin("user", "role", "zhaoming", "--role", "supervisor")
    assert code == 2 and "需要监督员审批" in err
    assert aixin("user", "role", "zhaoming", "--role", "supervisor", "--approver", "shuji2",
                 env={"AIXIN_APPROVER_PASSWORD": "shuji2-pass"})[0] == 0
    code, _, err = aixin("user", "deactivate", "shuji2")
    assert code == 2 and "需要监督员审批" in err, "a supervisor leaves only with another's approval"
    assert aixin("user", "deactivate", "shuji2", "--approver", "lishuji",
                 env={"AIXIN_APPROVER_PASSWORD": "secretary-1"})[0] == 0
    code, _, err = aixin("user", "password", "lishuji", "--approver", "shuji2",
                         env={"AIXIN_NEW_PASSWORD": "fresh-pass-1", "AIXIN_APPROVER_PASSWORD": "shuji2-pass"})
    assert code == 2, "a deactivated supervisor approves nothing"
    assert aixin("user", "password", "lishuji", "--approver", "zhaoming",
                 env={"AIXIN_APPROVER_PASSWORD": "zhaoming-pass"})[0] == 0
    code, out, _ = aixin("verify", "--json")
    assert code == 0 and json.loads(out)["ok"]
