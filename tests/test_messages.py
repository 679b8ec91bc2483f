"""Every message fits its parameters in both languages, and each language stays itself."""

import ast
import json
import re
import string
from pathlib import Path

import pytest

from pos import messages

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(messages.CATALOG))
def test_every_message_formats_with_its_named_parameters_in_both_languages(key):
    zh, en = messages.CATALOG[key]
    names = fields(zh) | fields(en)
    params = {name: f"<{name}>" for name in names}
    for lang, template in (("zh", zh), ("en", en)):
        formatted = messages.text(key, lang, **params)
        assert "{" not in formatted.replace("{{", "").replace("}}", ""), (key, lang, formatted)
        for name in fields(template):
            assert f"<{name}>" in formatted
    assert CJK.search(en) is None, (key, en)
    # the two languages ask for the same facts (an _en twin stands for its Chinese original)
    assert {n.removesuffix("_en") for n in fields(zh)} == {n.removesuffix("_en") for n in fields(en)}, key


def _calls():
    """Every ShopError("key", name=...) and its subclasses' calls in the program's code."""
    for path in sorted((ROOT / "pos").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("ShopError", "PermissionDenied", "NeedsApproval")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                if any(k.arg is None for k in node.keywords):
                    continue  # **params: checked where they are built
                yield path.relative_to(ROOT), node.lineno, node.args[0].value, {k.arg for k in node.keywords}


@pytest.mark.parametrize("where, line, key, given", list(_calls()), ids=lambda v: str(v))
def test_every_refusal_in_the_code_gives_what_its_message_needs(where, line, key, given):
    assert key in messages.CATALOG, f"{where}:{line} uses unknown message {key}"
    zh, en = messages.CATALOG[key]
    missing = (fields(zh) | fields(en)) - given
    assert not missing, f"{where}:{line} {key} lacks {missing}"


def test_chinese_output_has_no_english_words(aixin, village_cli):
    card = village_cli[0]
    code, out, _ = aixin("balance", card)
    assert code == 0 and "active" not in out and "正常" in out
    code, out, _ = aixin("redeem", "--card", card, "--item", "6901234567892:1")
    sale = out.split("第 ")[1].split(" 笔")[0]
    code, out, _ = aixin("ledger", "summary")
    assert code == 0 and "redemption" not in out and "card_issue" not in out and "兑换" in out
    code, out, _ = aixin("reverse", sale, "--reason", "退货", "--approver", "lishuji",
                         env={"AIXIN_APPROVER_PASSWORD": "secretary-1"})
    reversal = out.split("冲正为第 ")[1].split(" 笔")[0]
    code, _, err = aixin("reverse", reversal, "--reason", "再冲", "--approver", "lishuji")
    assert code == 2 and "reversal" not in err and "冲正" in err
    code, _, err = aixin("stock", "count", "--item", "6901234567892", "--reason", "盘点")
    assert code == 2 and "-1" not in err and "实盘数量" in err
    code, _, err = aixin("redeem", "--card", "12345670", "--item", "6901234567892")
    assert code == 2 and "8 开头" in err


def test_argparse_speaks_chinese_unless_asked_for_english(aixin):
    code, _, err = aixin("redeem", "--card")
    assert code == 2 and "error" not in err and "usage" not in err and "需要" in err
    code, _, err = aixin("no-such-command")
    assert code == 2 and "invalid choice" not in err and "用法" in err
    code, _, err = aixin("--lang", "en", "redeem", "--card")
    assert code == 2 and "expected one argument" in err


def test_english_output_has_no_chinese_words(aixin, village_cli):
    code, out, _ = aixin("--lang", "en", "user", "list")
    assert code == 0 and "管理员" not in out and "administrator" in out
    code, out, _ = aixin("--lang", "en", "balance", village_cli[0])
    assert code == 0 and CJK.search(out.replace("张三", "")) is None
    code, out, _ = aixin("--lang", "en", "ledger", "summary")
    assert code == 0 and CJK.search(out) is None


def test_a_batch_awards_reversal_names_the_household_short_of_points(aixin, village_cli):
    code, out, _ = aixin("award", "--rule", "G02", "--points", "10", "--card", *village_cli, "--json")
    seq = json.loads(out)["seq"]
    assert aixin("redeem", "--card", village_cli[1], "--item", "6901234567892:27")[0] == 0
    code, _, err = aixin("reverse", str(seq), "--reason", "记错", "--approver", "lishuji",
                         env={"AIXIN_APPROVER_PASSWORD": "secretary-1"})
    assert code == 2 and "李四" in err and "2 分" in err


def test_a_missing_printer_port_is_said_once(aixin, village_cli):
    aixin("printer", "setup", "--port", "/dev/ttyAIXIN-none")
    code, out, err = aixin("redeem", "--card", village_cli[0], "--item", "6901234567892:1")
    assert code == 0 and (out + err).count("找不到打印机串口") == 1


def test_everyday_commands_speak_english_when_asked(aixin, village_cli, tmp_path):
    from pos.rules import default_rules

    data = ["张三", "李四", "李书记", "王芳", "洗衣粉", "啊道", "富庄", "杜河沟", "鑫源商贸", "袋"]
    data += sorted((r["name"] for r in default_rules()), key=len, reverse=True)
    names = re.compile("|".join(map(re.escape, data)))  # names are data, not the program's words

    def english(*args):
        code, out, err = aixin("--lang", "en", *args)
        assert code == 0, err
        assert CJK.search(names.sub("", out)) is None, out
        return out

    english("household", "list")
    english("award", "--rule", "G02", "--points", "10", "--card", village_cli[0], "--note", "修路")
    round_csv = tmp_path / "round.csv"
    round_csv.write_text("卡号,院内净,卧室净,厨房净,厕所净,个人卫生净,物品摆放规范\n"
                         f"{village_cli[0]},1,1,1,1,1,1\n", encoding="utf-8")
    english("hygiene", str(round_csv), "--date", "2026-05-15", "--inspectors", "李书记")
    english("stock", "count", "--item", "6901234567892:30")
    english("user", "unlock", "lishuji")
    assert "replaces" in english("card", "replace", village_cli[1])
    assert "stock 30" in english("goods", "list")
    assert "yuan" in english("stock", "in", "--funding", "村集体", "--item", "6901234567892:2")
    english("stock", "donations")
