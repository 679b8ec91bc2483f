"""Every message fits its parameters in both languages, and each language stays itself."""

import argparse
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


def _named(func) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _calls():
    """Every ShopError("key", name=...) and its subclasses' calls in the program's code, and
    every catalogue text it asks for by a constant key: a phrase given as a parameter
    (messages.Phrase), a line of the command line (out.t), an approval's what."""
    for path in sorted((ROOT / "pos").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call)
                    and _named(node.func) in ("ShopError", "PermissionDenied", "NeedsApproval", "Phrase", "t",
                                              "said")
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


def test_no_chinese_is_built_outside_the_catalogue():
    """Chinese in an f-string would be words the catalogue does not have in English. Only the
    demo village's own data may build it (the command line's help too is the catalogue's)."""
    built = []
    for path in sorted((ROOT / "pos").rglob("*.py")):
        if "messages" in path.parts or path.name == "demo.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and CJK.search(
                    "".join(v.value for v in node.values if isinstance(v, ast.Constant))):
                built.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert built == []


@pytest.mark.parametrize("paper", sorted(p.name for p in (ROOT / "printing").glob("*.py")))
def test_the_papers_take_every_word_from_the_catalogue(paper):
    """No module of ``printing`` holds Chinese of its own (only in what a docstring explains):
    the receipt and the slip, the notice, its annexes and the honour poster, a household's
    statement, the A4 sheets and the county's papers take their words from the catalogue, in
    either language."""
    tree = ast.parse((ROOT / "printing" / paper).read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    said = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and CJK.search(node.value)]
    assert said == []


def test_a_phrase_speaks_the_language_of_the_message_it_is_given_to():
    from pos.errors import ShopError

    refusal = ShopError("needs_approval", what=messages.Phrase("approving_redemption", points=300))
    assert str(refusal) == "兑换 300 分需要监督员审批：请监督员输入自己的用户名和密码。"
    assert refusal.message("en").startswith("Redeeming 300 points needs a supervisor's approval")
    assert refusal.params["what"] == "兑换 300 分"  # as a plain string, the Chinese


def test_the_catalogue_refuses_a_key_declared_twice():
    month, words = messages.read_part("month"), messages.read_part("words")
    assert "kind_award" in words and "kind_award" not in month
    month["kind_award"] = ["加分", "award"]
    with pytest.raises(KeyError, match="kind_award"):
        messages._catalogue({"words": words, "month": month})


def test_a_part_with_a_key_twice_or_a_text_missing_is_refused_by_name(tmp_path):
    (tmp_path / "words.toml").write_text('kind_award = ["加分", "award"]\nkind_award = ["奖励", "award"]\n',
                                         encoding="utf-8")
    with pytest.raises(ValueError, match="words.toml"):
        messages.read_part("words", tmp_path)
    with pytest.raises(ValueError, match="kind_award"):
        messages._catalogue({"words": {"kind_award": ["加分"]}})


def test_every_part_is_read_and_the_tables_beside_the_entries_are_kept_apart():
    assert set(messages.PARTS) == {p.stem for p in Path(messages.__file__).parent.glob("*.toml")}
    assert messages.stored("粮油区", "en") == "grain and oil" and "粮油区" not in messages.CATALOG
    assert messages.ARGPARSE_ZH["usage: "] == "用法：" and "stored" not in messages.CATALOG


def _helps(parser, where=("aixin",)):
    """Every help text and description of a parser and its subcommands, with where it is."""
    yield where, parser.description
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield (*where, choice.dest), choice.help
            for name, command in action.choices.items():
                yield from _helps(command, (*where, name))
        elif action.help not in (None, argparse.SUPPRESS):
            yield (*where, action.option_strings[-1] if action.option_strings else action.dest), action.help


def _command_line_help(monkeypatch, capsys, *argv) -> tuple[dict, str]:
    """The help texts of the whole command line (the window's ``gui`` too) as ``aixin *argv``
    builds it, and what it prints."""
    import ui.main
    from pos.cli import common
    from pos.cli import main as cli

    monkeypatch.setattr(argparse, "_", argparse._)  # main has argparse speak the asked language
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    monkeypatch.setattr(common, "language", common.language)
    built = []
    monkeypatch.setattr(cli, "build_parser", lambda window=None, build=cli.build_parser: built.append(
        build(window)) or built[-1])
    assert cli.main(list(argv), window=ui.main) == 0
    texts = dict(_helps(built[0]))
    assert len(texts) > 400 and all(texts.values())
    return texts, capsys.readouterr().out


def test_the_command_lines_help_is_the_catalogues_in_the_language_asked_for(monkeypatch, capsys):
    """Every command's and option's help, and every description, in Chinese unless ``--lang en``
    is given (before or after the command, as for its messages): each a catalogue entry, none
    a key the catalogue lacks, no Chinese in the English."""
    chinese, printed = _command_line_help(monkeypatch, capsys, "card", "issue", "--help")
    assert "发卡（含基础积分）" in printed and "issue cards" not in printed
    english, printed = _command_line_help(monkeypatch, capsys, "card", "issue", "--help", "--lang", "en")
    assert "issue cards with base points" in printed and CJK.search(printed) is None
    assert _command_line_help(monkeypatch, capsys, "--lang=en", "--help")[0] == english
    assert chinese.keys() == english.keys()

    assert [w for w, text in english.items() if CJK.search(text)] == []
    for texts in (chinese, english):  # a key the catalogue lacks is given back as the key itself
        assert [w for w, text in texts.items() if text.startswith("help_") or text in messages.CATALOG] == []
    entries = {*messages.CATALOG.values(), *((zh, en) for en, zh in messages.ARGPARSE_ZH.items())}  # and -h's
    assert [w for w in chinese if (chinese[w], english[w]) not in entries] == []
    assert english[("aixin", "card", "issue")] == "issue cards with base points"
    assert chinese[("aixin", "gui", "--demo")] == "打开演示村（没有时先生成）"


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


def test_the_main_commands_in_english_show_chinese_only_as_data(aixin, village_cli, tmp_path, monkeypatch):
    """``--lang en`` words everything the program says; what Chinese remains is what the
    village put in: names, goods, groups, rules, donors, its own settings and notes."""
    from datetime import UTC, datetime, timedelta

    from pos.periods import LOCAL
    from pos.rules import default_rules
    from pos.store import database

    data = ["阿道村爱心超市", "阿道村", "啊道", "富庄", "杜河沟", "王芳", "李书记", "张三", "李四", "洗衣粉",
            "鑫源商贸", "袋", "每周六", "孙女想要一个新书包", "修路", "村集体"]
    data += [rule[field] for rule in default_rules() for field in ("name", "category")]
    names = re.compile("|".join(map(re.escape, sorted(set(data), key=len, reverse=True))))

    def english(*args):
        code, out, err = aixin("--lang", "en", *args)
        assert code == 0, err
        assert CJK.search(names.sub("", out + err)) is None, (args, out, err)
        return out

    monkeypatch.setenv("AIXIN_SUPERVISOR_PASSWORD", "secretary-1")
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert english("--db", fresh, "init", "--village", "阿道村", "--groups", "啊道,富庄", "--admin", "wangfang",
                   "--admin-name", "王芳", "--supervisor", "lishuji", "--supervisor-name", "李书记",
                   ).startswith("Set up 阿道村")

    card = village_cli[0]
    assert "Database ready" in english("init")
    english("household", "list")
    assert "Every household has a card" in english("card", "issue", "--all")
    english("award", "--rule", "L02", "--card", card, "--note", "修路")
    english("award", "--rule", "L01", "--card", card)
    assert "Redeemed" in english("redeem", "--card", card, "--item", "6901234567892:2")
    english("goods", "list")
    english("stock", "in", "--funding", "村集体", "--item", "6901234567892:2")
    english("wish", "add", "--card", card, "--text", "孙女想要一个新书包", "--category", "学习用品")
    assert "waiting for a donor" in english("wish", "list")
    english("user", "list")
    english("village", "show")
    english("printer", "queue")
    history = english("history", "--card", card)
    assert "kind(s) of goods redeemed" in history and "card issued with base points" in history
    english("ledger", "summary")
    assert "Ledger intact" in english("verify")

    this_month = f"{datetime.now(LOCAL):%Y-%m}"  # the village's month (Beijing)
    english("audit", "--month", this_month)
    opened = database.open_database

    def a_month_later(url, **options):  # the month has ended: it can be previewed
        db = opened(url, **options)
        db.clock = lambda: datetime.now(UTC) + timedelta(days=40)
        return db

    monkeypatch.setattr(database, "open_database", a_month_later)
    assert "closure preview" in english("close", "--month", this_month, "--preview")
