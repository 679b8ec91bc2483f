"""A village on claims through the aixin command: set, enter, review, post, object, credit,
print, and the rules' limits, in either language."""

import json
import os
from datetime import datetime, timedelta

import pytest

from tests.pdfs import needs_poppler, poppler_text

SUPERVISOR = {"AIXIN_APPROVER_PASSWORD": "secretary-1"}


@pytest.fixture
def later_days(monkeypatch):
    """Move the database's clock forward by whole days: ``later_days(8)``."""
    import pos.store.database as database

    shift = [timedelta(0)]

    class Moved(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + shift[0]

    monkeypatch.setattr(database, "datetime", Moved)

    def move(days):
        shift[0] = timedelta(days=days)
    return move


@pytest.fixture
def on_claims(aixin, village_cli):
    code, out, _ = aixin("village", "set", "--awards", "claims")
    assert code == 0 and "申报—评议—公示后记分" in out
    refused = aixin("user", "add", "liuping", "--name", "刘平", "--role", "reviewer",
                    env={"AIXIN_NEW_PASSWORD": "review-1"})
    assert refused[0] != 0 and "审批" in refused[1] + refused[2], "a reviewer passes claims: a supervisor approves"
    assert aixin("user", "add", "liuping", "--name", "刘平", "--role", "reviewer", "--approver", "lishuji",
                 env={"AIXIN_NEW_PASSWORD": "review-1", "AIXIN_APPROVER_PASSWORD": "secretary-1"})[0] == 0
    return village_cli


def as_reviewer(aixin, *args):
    said = aixin(*args, "--user", "liuping", env={"AIXIN_PASSWORD": "review-1"})
    os.environ["AIXIN_PASSWORD"] = "counter-1"  # the fixture set it; it puts it back after the test
    return said


def test_a_claim_from_entry_to_credit_on_the_command_line(aixin, on_claims, later_days, tmp_path):
    photo = tmp_path / "labour.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the ditch")
    code, out, _ = aixin("claim", "add", "--household", "1", "2", "--rule", "L02", "--declared-by", "组长",
                         "--note", "清渠", "--photo", str(photo), "--json")
    made = json.loads(out)
    assert code == 0 and [c["status"] for c in made] == ["entered", "entered"]
    assert len(made[0]["photo"]) == 64
    assert aixin("award", "--rule", "L01", "--household", "1")[2].strip() == "本村加分须先申报、评议并公示，请录入申报。"
    code, _, err = aixin("claim", "review", str(made[0]["id"]), "--accept")
    assert code == 2 and "wrong_role" not in err
    for claim in made:
        code, out, _ = as_reviewer(aixin, "claim", "review", str(claim["id"]), "--accept")
        assert code == 0 and "已通过，待公示" in out
    code, out, _ = aixin("claim", "post", "--days", "7", "--json")
    posting = json.loads(out)
    assert code == 0 and posting["points"] == 20
    code, out, _ = aixin("claim", "object", str(made[1]["id"]), "--by", "赵六", "--what", "李四没来")
    assert code == 0 and "有异议" in out
    code, _, err = aixin("--lang", "en", "claim", "credit", str(posting["id"]))
    assert code == 2 and "can be credited from" in err
    later_days(8)
    code, out, _ = aixin("claim", "credit", str(posting["id"]))
    assert code == 0 and "10 分" in out
    code, out, _ = aixin("household", "list", "--json")
    assert [h["balance"] for h in json.loads(out)] == [110, 100]
    code, out, _ = aixin("claim", "list", "--status", "objected", "--json")
    assert [c["id"] for c in json.loads(out)] == [made[1]["id"]]
    assert aixin("verify")[0] == 0


@needs_poppler
def test_a_posting_prints_on_a4_with_its_dates_phone_and_households(aixin, on_claims, tmp_path):
    assert aixin("village", "set", "--objection-phone", "0911-4567890")[0] == 0
    assert aixin("rule", "add", "F01", "--category", "家庭美德", "--name", "孝老爱亲", "--points", "5",
                 "--max", "10")[0] == 0
    made = json.loads(aixin("claim", "add", "--household", "1", "--rule", "F01", "--points", "8",
                            "--declared-by", "村民", "--note", "照顾瘫痪婆婆", "--json")[1])
    made += json.loads(aixin("claim", "add", "--household", "1", "2", "--rule", "L01",
                             "--declared-by", "组长", "--json")[1])
    for claim in made:
        assert as_reviewer(aixin, "claim", "review", str(claim["id"]), "--accept")[0] == 0
    posting = json.loads(aixin("claim", "post", "--json")[1])
    out = tmp_path / "posting.pdf"
    code, said, _ = aixin("claim", "print", str(posting["id"]), "--out", str(out))
    assert code == 0 and out.exists()
    text = poppler_text(out)
    assert "积分申报公示（第 1 期）" in text
    assert f"公示期：{posting['starts_on']} 至 {posting['ends_on']}（7 天）" in text
    assert "0911-4567890" in text and "照顾瘫痪婆婆" in text
    assert "共 2 户 3 项 18 分" in text
    assert "张三 合计" in text and "+13" in text and "李四 合计" in text


def test_a_rules_limit_on_the_command_line(aixin, village_cli):
    code, _, err = aixin("rule", "add", "L01", "--category", "公益劳动", "--name", "参加村组公益劳动（每次）",
                         "--points", "5", "--limit", "3/fortnight")
    assert code == 2 and "2/week" in err
    code, out, _ = aixin("rule", "add", "L01", "--category", "公益劳动", "--name", "参加村组公益劳动（每次）",
                         "--points", "5", "--limit", "1/week")
    assert code == 0 and "每周最多 1 次" in out
    assert aixin("award", "--rule", "L01", "--household", "1")[0] == 0
    code, _, err = aixin("--lang", "en", "award", "--rule", "L01", "--household", "1", "2")
    assert code == 2 and "at most 1 times a week" in err and "张三" in err
    code, _, err = aixin("rule", "add", "L01", "--category", "公益劳动", "--name", "参加村组公益劳动（每次）",
                         "--points", "5", "--limit", "none")
    assert code == 2 and "审批" in err
    assert aixin("rule", "add", "L01", "--category", "公益劳动", "--name", "参加村组公益劳动（每次）",
                 "--points", "5", "--limit", "none", "--approver", "lishuji", env=SUPERVISOR)[0] == 0


def test_a_rules_cap_per_event_on_the_command_line(aixin, village_cli):
    code, out, _ = aixin("rule", "add", "L09", "--category", "公益劳动", "--name", "修村道", "--points", "10",
                         "--cap-per-event", "1", "--approver", "lishuji", env=SUPERVISOR)
    assert code == 0 and "每次活动最多 1 户" in out
    code, _, err = aixin("--lang", "en", "award", "--rule", "L09", "--household", "1", "2")
    assert code == 2 and "at most 1 households an event" in err
    code, _, err = aixin("rule", "add", "L09", "--category", "公益劳动", "--name", "修村道", "--points", "10",
                         "--cap-per-event", "0")
    assert code == 2 and "审批" in err


def test_giving_up_claims_on_the_command_line_needs_a_supervisor(aixin, on_claims):
    code, _, err = aixin("village", "set", "--awards", "direct")
    assert code == 2 and "审批" in err
    code, out, _ = aixin("--lang", "en", "village", "set", "--awards", "direct", "--approver", "lishuji",
                         env=SUPERVISOR)
    assert code == 0 and "direct awards" in out


def test_a_deduction_on_a_village_on_claims_is_claimed_on_the_command_line(aixin, on_claims):
    code, _, err = aixin("deduct", "--rule", "D01", "--household", "1")
    assert code == 2 and "扣分也须先申报" in err
    code, out, _ = aixin("--lang", "en", "claim", "add", "--household", "1", "--rule", "D01", "--declared-by", "组长")
    assert code == 0 and "Entered 1 claim" in out
    code, out, _ = aixin("claim", "list", "--json")
    assert [(c["rule"], c["points"]) for c in json.loads(out)] == [("D01", -5)]
