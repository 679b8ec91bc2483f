"""The commands a user reaches for: own password, groups, rules, goods, settings,
write-offs, a household's history and the ledger by date, kind or operator."""

import json


SUPERVISOR = {"AIXIN_APPROVER_PASSWORD": "secretary-1"}


def test_changing_ones_own_password(aixin, village_cli):
    code, out, _ = aixin("user", "passwd", env={"AIXIN_NEW_PASSWORD": "new-secret-7"})
    assert code == 0 and "密码已更改" in out
    assert aixin("rule")[0] == 2  # the old password no longer works
    assert aixin("rule", env={"AIXIN_PASSWORD": "new-secret-7"})[0] == 0
    code, _, err = aixin("user", "passwd", env={"AIXIN_PASSWORD": "new-secret-7", "AIXIN_NEW_PASSWORD": "123"})
    assert code == 2 and "至少 6 位" in err


def test_adding_a_villager_group(aixin, village_cli):
    code, out, _ = aixin("group", "add", "新庄")
    assert code == 0 and "新庄" in out
    code, _, _ = aixin("household", "add", "--head", "钱七", "--group", "新庄", "--people", "3")
    assert code == 0
    code, _, err = aixin("group", "add", "新庄")
    assert code == 2 and "已存在" in err


def test_adding_and_deactivating_a_point_rule(aixin, village_cli):
    code, _, err = aixin("rule", "add", "X01", "--category", "公益", "--name", "清理河道", "--points", "8")
    assert code == 2 and "需要监督员审批" in err, "a new rule is a supervisor's to approve"
    code, out, _ = aixin("rule", "add", "X01", "--category", "公益", "--name", "清理河道", "--points", "8",
                         "--approver", "lishuji", env=SUPERVISOR)
    assert code == 0 and "X01" in out
    assert aixin("award", "--rule", "X01", "--card", village_cli[0])[0] == 0
    code, _, _ = aixin("rule", "deactivate", "X01")
    assert code == 0
    code, _, err = aixin("award", "--rule", "X01", "--card", village_cli[0])
    assert code == 2 and "已停用" in err
    code, out, _ = aixin("rule", "list", "--all", "--json")
    assert {"code": "X01", "active": False}.items() <= next(r for r in json.loads(out) if r["code"] == "X01").items()


def test_editing_goods(aixin, village_cli):
    code, out, _ = aixin("goods", "edit", "6901234567892", "--price", "5", "--name", "洗衣粉 1kg", "--json")
    assert code == 0 and json.loads(out)["price_points"] == 5 and json.loads(out)["name"] == "洗衣粉 1kg"
    assert aixin("goods", "edit", "6901234567892", "--inactive")[0] == 0
    code, _, err = aixin("redeem", "--card", village_cli[0], "--item", "6901234567892")
    assert code == 2 and "停止兑换" in err


def test_changing_thresholds_and_village_settings(aixin, village_cli):
    code, _, err = aixin("village", "set", "--redemption-approval-above", "10", "--opening-hours", "每周六上午")
    assert code == 2 and "需要监督员审批" in err, "a threshold is a supervisor's to change"
    code, out, _ = aixin("village", "set", "--redemption-approval-above", "10", "--opening-hours", "每周六上午",
                         "--approver", "lishuji", env=SUPERVISOR)
    assert code == 0
    code, out, _ = aixin("village", "show", "--json")
    assert json.loads(out)["redemption_approval_above"] == 10
    code, _, err = aixin("redeem", "--card", village_cli[0], "--item", "6901234567892:3")
    assert code == 2 and "需要监督员审批" in err
    code, _, err = aixin("village", "set", "--base-points", "99999")
    assert code == 2 and "10000" in err


def test_writing_off_stock_needs_the_supervisor(aixin, village_cli):
    code, _, err = aixin("stock", "writeoff", "--item", "6901234567892:3", "--reason", "受潮")
    assert code == 2 and "需要监督员审批" in err
    code, out, _ = aixin("stock", "writeoff", "--item", "6901234567892:3", "--reason", "受潮",
                         "--approver", "lishuji", env=SUPERVISOR)
    assert code == 0 and "30" in out and "27" in out
    code, out, _ = aixin("goods", "list", "--json")
    assert json.loads(out)[0]["stock"] == 27


def test_finding_a_transaction_to_reverse_without_the_receipt(aixin, village_cli):
    code, out, _ = aixin("redeem", "--card", village_cli[0], "--item", "6901234567892:2", "--json")
    sale = json.loads(out)["seq"]
    code, out, _ = aixin("history", "--card", village_cli[0])
    assert code == 0 and f"第 {sale} 笔" in out and "兑换" in out and "-8" in out
    code, out, _ = aixin("history", "--household", "1", "--json")
    assert [e["seq"] for e in json.loads(out)][0] == sale
    code, out, _ = aixin("ledger", "list", "--kind", "redemption", "--operator", "wangfang", "--json")
    assert [e["seq"] for e in json.loads(out)] == [sale]
    code, out, _ = aixin("--lang", "en", "ledger", "list", "--from", "2020-01-01", "--to", "2020-12-31")
    assert code == 0 and "No transactions" in out
    assert aixin("reverse", str(sale), "--reason", "退货", "--approver", "lishuji", env=SUPERVISOR)[0] == 0
    code, out, _ = aixin("history", "--card", village_cli[0])
    assert f"已被第 {sale + 1} 笔冲正" in out
