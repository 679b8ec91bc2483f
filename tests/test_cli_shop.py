"""The shop through the aixin command, as a script would drive it."""

import json


def test_a_redemption_and_its_reversal_from_the_command_line(aixin, village_cli):
    card = village_cli[0]
    code, out, _ = aixin("redeem", "--card", card, "--item", "6901234567892:3", "--json")
    sale = json.loads(out)
    assert code == 0 and sale["total_points"] == 12 and sale["balance_after"] == 88
    code, _, err = aixin("reverse", str(sale["seq"]), "--reason", "退货")
    assert code == 2 and "需要监督员审批" in err
    code, out, _ = aixin("reverse", str(sale["seq"]), "--reason", "退货", "--approver", "lishuji",
                         env={"AIXIN_APPROVER_PASSWORD": "secretary-1"})
    assert code == 0 and "已冲正" in out
    code, out, _ = aixin("balance", card, "--json")
    assert json.loads(out)["balance"] == 100
    assert aixin("verify")[0] == 0


def test_a_refusal_is_one_line_and_changes_nothing(aixin, village_cli):
    card = village_cli[1]
    code, out, err = aixin("redeem", "--card", card, "--item", "6901234567892:31")
    assert code == 2 and out == "" and err.strip() == "洗衣粉 库存只有 30，不够 31。"
    code, _, err = aixin("--lang", "en", "redeem", "--card", card, "--item", "6901234567892:26")
    assert code == 2 and err.strip() == "Not enough points: 100 available, 104 needed."
    code, _, err = aixin("redeem", "--card", card[:-1] + str((int(card[-1]) + 1) % 10), "--item", "6901234567892")
    assert code == 2 and "校验位不对" in err and "Traceback" not in err
    assert json.loads(aixin("balance", card, "--json")[1])["balance"] == 100


def test_a_wrong_password_is_refused_without_a_traceback(aixin, village_cli):
    code, _, err = aixin("rule", env={"AIXIN_PASSWORD": "nope"})
    assert code == 2 and err.strip().startswith("用户名或密码不对。") and "\n" not in err.strip()


def test_an_import_problem_lists_rows(aixin, village_cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("户主,村民小组,人口\n王五,上庄,3\n赵六,啊道,x\n", encoding="utf-8")
    code, out, err = aixin("household", "import", str(bad), "--json")
    assert code == 2
    payload = json.loads(out)
    assert [p["row"] for p in payload["problems"]] == [2, 3]
    assert "第 2 行" in err and "第 3 行" in err
    code, out, _ = aixin("household", "list", "--json")
    assert len(json.loads(out)) == 2


def test_awards_and_hygiene_from_the_command_line(aixin, village_cli, tmp_path):
    code, out, _ = aixin("award", "--rule", "L02", "--card", *village_cli, "--note", "修路", "--json")
    assert code == 0 and len(json.loads(out)["households"]) == 2
    round_csv = tmp_path / "round.csv"
    round_csv.write_text("卡号,院内净,卧室净,厨房净,厕所净,个人卫生净,物品摆放规范\n"
                         f"{village_cli[0]},1,1,1,1,1,1\n", encoding="utf-8-sig")
    code, out, _ = aixin("hygiene", str(round_csv), "--date", "2026-05-15", "--inspectors", "李书记")
    assert code == 0 and "共 12 分" in out
    code, out, _ = aixin("household", "list", "--search", "zs", "--json")
    assert json.loads(out)[0]["balance"] == 122


def test_printing_from_the_command_line(aixin, village_cli, fake_printer):
    from tests.printing.paper import decode

    code, out, _ = aixin("redeem", "--card", village_cli[0], "--item", "6901234567892:2")
    assert code == 0 and "小票已排队（未设置打印机）" in out
    assert aixin("printer", "setup", "--port", fake_printer.port, "--paper", "58")[0] == 0
    code, out, _ = aixin("printer", "retry")
    assert code == 0 and "已打印 1 张" in out
    assert "户主：张三（啊道）" in decode(fake_printer.printed(), 32).text
    fake_printer.clear()

    fake_printer.paper_out = True
    code, out, err = aixin("redeem", "--card", village_cli[1], "--item", "6901234567892:1", "--json")
    sale = json.loads(out)
    assert code == 0 and sale["balance_after"] == 96, "the sale stands"
    assert "打印机缺纸" in err
    code, out, _ = aixin("printer", "queue", "--json")
    assert [(j["seq"], j["status"]) for j in json.loads(out)] == [(sale["seq"], "failed")]

    fake_printer.paper_out = False
    fake_printer.clear()
    assert aixin("receipt", "reprint", str(sale["seq"]))[0] == 0
    assert "重印 第1次" in decode(fake_printer.printed(), 32).text
    fake_printer.clear()
    code, out, _ = aixin("printer", "test")
    assert code == 0 and "测试页已发送" in out
    assert "纸宽：32 列（384 点）" in decode(fake_printer.printed(), 32).text


def test_a_missing_printer_port_is_one_clear_line(aixin, village_cli):
    aixin("printer", "setup", "--port", "/dev/ttyAIXIN-none")
    code, _, err = aixin("printer", "test")
    assert code == 2 and err.strip().startswith("找不到打印机串口 /dev/ttyAIXIN-none")


def test_card_and_label_sheets_from_the_command_line(aixin, village_cli, tmp_path):
    from tests import pdfs

    code, out, _ = aixin("cards", "pdf", "--out", str(tmp_path / "cards.pdf"), "--group", "啊道")
    assert code == 0 and "1 张积分卡" in out
    assert [t for _, t in pdfs.barcodes(tmp_path / "cards.pdf")] == [village_cli[0]]
    code, out, _ = aixin("labels", "pdf", "--out", str(tmp_path / "labels.pdf"), "--layout", "a4-4x10",
                         "--copies", "2", "--json")
    assert code == 0 and json.loads(out)["labels"] == 2
    assert [t for _, t in pdfs.barcodes(tmp_path / "labels.pdf")] == ["6901234567892"] * 2


def test_sheets_asked_for_in_english_are_printed_in_english(aixin, village_cli, tmp_path):
    from tests import pdfs

    code, _, _ = aixin("--lang", "en", "cards", "pdf", "--out", str(tmp_path / "cards.pdf"))
    text = pdfs.text(tmp_path / "cards.pdf")
    assert code == 0 and text.count("Point card") == 2 and "Points have no cash value" in text
    assert pdfs.chinese_besides(text, "阿道村爱心超市", "阿道村", "张三", "李四", "啊道", "富庄") == ""
    code, _, _ = aixin("--lang", "en", "labels", "pdf", "--out", str(tmp_path / "labels.pdf"))
    text = pdfs.text(tmp_path / "labels.pdf")
    assert code == 0 and "toiletries" in text and "4 pts/袋" in text
    assert pdfs.chinese_besides(text, "洗衣粉", "袋") == ""
    # the supervisor's new recovery code, with the setup sheet to seal
    code, out, _ = aixin("--lang", "en", "user", "recovery-code", "--sheet", str(tmp_path / "setup.pdf"), "--json",
                         env={"AIXIN_USER": "lishuji", "AIXIN_PASSWORD": "secretary-1"})
    text = pdfs.text(tmp_path / "setup.pdf")
    assert code == 0 and json.loads(out)["recovery_code"] in text and "Supervisor recovery code" in text
    assert "administrator" in text and pdfs.chinese_besides(text, "阿道村爱心超市", "阿道村", "王芳", "李书记") == ""


def test_a_password_typed_as_the_user_name_is_not_recorded(aixin, village_cli, data_home):
    from sqlalchemy import select

    from pos.store.database import open_database
    from pos.store.tables import LoginAttempt

    code, _, err = aixin("rule", "--user", "Secret-Typed-9", env={"AIXIN_PASSWORD": "whatever"})
    assert code == 2 and err.strip().startswith("用户名或密码不对。") and "\n" not in err.strip()
    code, _, _ = aixin("rule", "--user", "wangfang", env={"AIXIN_PASSWORD": "wrong-one"})
    assert code == 2
    db = open_database(aixin.url, create=False)
    try:
        with db.read() as s:
            names = s.scalars(select(LoginAttempt.username).where(LoginAttempt.outcome != "ok")).all()
    finally:
        db.dispose()
    assert "Secret-Typed-9" not in names and "wangfang" in names
    log = (data_home / "logs" / "aixin.log").read_text(encoding="utf-8")
    assert "Secret-Typed-9" not in log


def test_an_award_by_a_lost_cards_number_is_refused(aixin, village_cli):
    lost = village_cli[0]
    code, out, _ = aixin("card", "replace", lost, "--json")
    assert code == 0
    code, _, err = aixin("award", "--rule", "G01", "--card", lost)
    assert code == 2 and err.strip() == f"积分卡 {lost} 已挂失作废，不能使用。"
