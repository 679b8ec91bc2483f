"""The wish wall through the aixin command, with --json, as a script would drive it."""

import json

import pytest

from tests import pdfs

SUPERVISOR = {"AIXIN_USER": "lishuji", "AIXIN_PASSWORD": "secretary-1"}


def test_a_wish_from_the_counter_to_the_echo_wall_by_command(aixin, village_cli, tmp_path):
    card = village_cli[0]
    code, out, _ = aixin("wish", "add", "--card", card, "--text", "孙女想要一个新书包", "--category",
                         "学习用品", "--member", "孙女", "--value-fen", "9000", "--json")
    assert code == 0
    wish = json.loads(out)
    assert (wish["status"], wish["head_name"], wish["public_name"], wish["value_fen"]) == (
        "open", "张三", "张*", 9000)

    code, _, err = aixin("wish", "claim", str(wish["id"]), "--donor", "鑫源商贸", "--donor-type",
                         "company", "--contact", "刘经理 13800000000")
    assert code == 2 and err.strip() == "只有监督员可以做此操作。"

    code, out, _ = aixin("wish", "claim", str(wish["id"]), "--donor", "鑫源商贸", "--donor-type",
                         "company", "--contact", "刘经理 13800000000", "--json", env=SUPERVISOR)
    assert code == 0 and json.loads(out)["donor"] == "鑫源商贸"
    code, out, err = aixin("wish", "claim", str(wish["id"]), "--donor", "张老板", "--donor-type",
                           "person", "--contact", "139", "--json")
    refusal = json.loads(out)
    assert code == 2 and refusal["ok"] is False and refusal["error"] == "wish_taken"
    assert "已由 鑫源商贸 认领" in err

    code, out, _ = aixin("wish", "deliver", str(wish["id"]), "--handed-by", "李书记",
                         "--into-stock", "6901234567892:2", "--json")
    delivered = json.loads(out)
    assert code == 0 and delivered["status"] == "delivered" and delivered["handover"] == "stock"
    code, out, _ = aixin("stock", "donations", "--json")
    gifts = [d for d in json.loads(out) if d["intake_id"] == delivered["intake_id"]]
    assert [(d["donor"], d["quantity"], d["value_fen"]) for d in gifts] == [("鑫源商贸", 2, 9000)]

    code, out, _ = aixin("wish", "thank", str(wish["id"]), "--echo", "谢谢鑫源商贸！", "--json")
    assert code == 0 and json.loads(out)["status_name"] == "已回音"
    month = delivered["delivered_on"][:7]
    code, out, _ = aixin("wish", "echo", "--month", month, "--json")
    assert [(e["public_name"], e["donor"], e["echo"]) for e in json.loads(out)] == [
        ("张*", "鑫源商贸", "谢谢鑫源商贸！")]
    code, out, _ = aixin("wish", "show", str(wish["id"]), "--json")
    assert [e["kind"] for e in json.loads(out)["history"]] == ["written", "claimed", "delivered", "thanked"]


def test_withdrawing_listing_and_printing_the_wall_by_command(aixin, village_cli, tmp_path):
    ids = []
    for head_card, text in ((village_cli[0], "想要一辆轮椅"), (village_cli[1], "想要一床棉被")):
        code, out, _ = aixin("wish", "add", "--card", head_card, "--text", text, "--category", "助老助残",
                             "--json")
        ids.append(json.loads(out)["id"])
    code, out, _ = aixin("wish", "withdraw", str(ids[1]), "--reason", "已自行购买", "--json", env=SUPERVISOR)
    assert code == 0 and json.loads(out)["withdrawn_reason"] == "已自行购买"
    code, out, _ = aixin("wish", "list", "--status", "open", "--json")
    assert [w["id"] for w in json.loads(out)] == [ids[0]]
    code, _, err = aixin("--lang", "en", "wish", "add", "--household", "1", "--text", "x\x1by",
                         "--category", "其他")
    assert code == 2 and err.strip() == "The wish holds control characters; type it again."

    code, out, _ = aixin("wish", "wall", "--out", str(tmp_path / "wall.pdf"), "--paper", "A3", "--json")
    made = json.loads(out)
    assert code == 0 and (made["wishes"], made["pages"], made["paper"]) == (1, 1, "A3")
    text = pdfs.text(tmp_path / "wall.pdf")
    assert "想要一辆轮椅" in text and "张*" in text and "张三" not in text and "棉被" not in text
    code, _, _ = aixin("--lang", "en", "wish", "wall", "--out", str(tmp_path / "wall-en.pdf"))
    text = pdfs.text(tmp_path / "wall-en.pdf")
    assert code == 0 and "Wish wall" in text and "for the old and disabled" in text and "written " in text
    assert pdfs.chinese_besides(text, "阿道村爱心超市", "想要一辆轮椅", "啊道", "张*") == ""


@pytest.mark.parametrize("month", ["2026-13", "11-2026", "soon"])
def test_a_bad_month_for_the_echo_wall_is_refused(aixin, village_cli, month):
    code, _, err = aixin("wish", "echo", "--month", month)
    assert code == 2 and month in err
