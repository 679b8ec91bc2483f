"""Each audit flag is raised by a scenario built to raise it, and by nothing else."""

import csv
import json
import sqlite3
import subprocess
import sys
from datetime import datetime

import openpyxl
import pytest

from ledger.errors import AppendOnlyViolation
from pos import awards, cards, households, redemption, stock, users
from pos.month import audit
from pos.month import notice
from pos.cli.main import main
from pos.reversal import reverse
from pos.errors import PermissionDenied, ShopError
from pos.periods import LOCAL
from pos.store.tables import AuditReview
from pos.village import village_id
from tests.pos.conftest import PASSWORD, SEPTEMBER, SUPERVISOR_PASSWORD
from tests import tampering
from tests.pos.test_month import login

BEHAVIOUR = {"own_household", "after_hours", "large_batch", "same_day_spend", "household_outlier",
             "failed_logins", "clock_backwards", "verify", "price_toggle", "threshold_toggle", "rule_toggle",
             "split_series", "clock_forward", "supervisor_recovered"}


def rules_raised(shop) -> set[str]:
    found = audit.report(shop.db, shop.secretary, SEPTEMBER)
    return {f.rule for f in found.flags}


def own_household(shop):
    users.link_household(shop.db, shop.admin, "zhaoming", shop.homes["王五"].id)
    awards.award(shop.db, shop.clerk, shop.homes["王五"].id, "G01")


def after_hours(shop):
    shop.clock.now = datetime(2026, 9, 8, 20, 30, tzinfo=LOCAL)  # a Tuesday evening
    redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, 1)])


def reversal(shop):
    sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, 1)])
    reverse(shop.db, shop.admin, sale.seq, "顾客退回", shop.approval)


def large_batch(shop):
    more = [households.add(shop.db, shop.admin, f"新户{n}", "富庄", 3).id for n in range(6)]
    for home in more:
        cards.issue(shop.db, shop.admin, home)
    pair = [shop.homes["张三"].id, shop.homes["李四"].id]
    for _ in range(3):
        awards.batch_award(shop.db, shop.admin, pair, "L01")
    awards.batch_award(shop.db, shop.admin, [h.id for h in shop.homes.values()] + more, "L01")


def same_day_spend(shop):
    redemption.redeem(shop.db, shop.admin, shop.card("李四"), [redemption.CartItem(shop.fan.code, 1)])
    awards.award(shop.db, shop.admin, shop.homes["李四"].id, "G02", 30)
    redemption.redeem(shop.db, shop.admin, shop.card("李四"), [redemption.CartItem(shop.rice.code, 2)])


def stock_difference(shop):
    stock.count(shop.db, shop.admin, {shop.rice.code: 8}, "老鼠咬破两袋", shop.approval)


def household_outlier(shop):
    group = [households.add(shop.db, shop.admin, f"杜户{n}", "杜河沟", 3).id for n in range(5)]
    for home in group:
        cards.issue(shop.db, shop.admin, home)
    for _ in range(10):
        awards.award(shop.db, shop.admin, group[0], "G02", 30)


def failed_logins(shop):
    for _ in range(3):
        with pytest.raises(ShopError):
            users.login(shop.db, "zhaoming", "not-the-password")


def clock_backwards(shop):
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G01")
    shop.clock.now = shop.clock.now.replace(hour=8)
    awards.award(shop.db, shop.admin, shop.homes["李四"].id, "G01")


def verify(shop):
    tampering.edit(shop.db.file, "UPDATE ledger_transaction SET memo = '改过' WHERE seq = 2")


SCENARIOS = [own_household, after_hours, reversal, large_batch, same_day_spend, stock_difference,
             household_outlier, failed_logins, clock_backwards, verify]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__)
def test_each_flag_is_raised_by_its_scenario_and_no_other_flag(september, scenario):
    assert rules_raised(september) == {"user_change"}, "setting up the village only adds users"
    scenario(september)
    assert rules_raised(september) == {"user_change", scenario.__name__}


def test_users_added_in_the_month_are_flagged_with_who(september):
    found = audit.report(september.db, september.secretary, SEPTEMBER)
    added = sorted(f.message for f in found.flags if f.rule == "user_change")
    assert len(added) == 4 and any("zhoushuji" in m for m in added)
    assert audit.report(september.db, september.secretary, "2026-10").flags == ()


def test_the_clean_demo_raises_no_behaviour_flag_in_any_month(demo_village):
    secretary = login(demo_village)
    with demo_village.read() as s:
        for number in range(12):
            month = audit.Month(2025 + (number > 0), 12 if number == 0 else number)
            found = audit.report_in(s, month, run_verify=number == 11)
            raised = {f.rule for f in found.flags}
            # the open month's clerk awarding his own household was put in on purpose, and reviewed
            on_purpose = {f.rule for f in found.flags if f.reviewed and f.operator == "zhaoming"}
            assert on_purpose == ({"own_household"} if str(month) == "2026-11" else set())
            assert not (raised - on_purpose) & BEHAVIOUR, (str(month), [f.message for f in found.flags])
            reversals = [e for e in found.entries if e.kind == "reversal"]
            assert len([f for f in found.flags if f.rule == "reversal"]) == len(reversals)
            assert ("stock_difference" in raised) == (str(month) == "2026-06")
    assert secretary.username == "lishuji"


def test_the_audit_lists_the_months_work_and_filters_it(september):
    shop = september
    sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, 2)])
    awards.award(shop.db, shop.clerk, shop.homes["李四"].id, "G01")
    found = audit.report(shop.db, shop.secretary, SEPTEMBER)
    kinds = {e.kind for e in found.entries}
    assert {"card_issue", "intake", "redemption", "award"} <= kinds
    only = audit.report(shop.db, shop.secretary, SEPTEMBER, kind="redemption")
    assert [e.seq for e in only.entries] == [sale.seq] and only.entries[0].points == -8
    assert only.entries[0].detail == f"{shop.soap.name}×2"  # goods by name, not by barcode
    mine = audit.report(shop.db, shop.secretary, SEPTEMBER, operator="zhaoming")
    assert [e.kind for e in mine.entries] == ["award"]
    theirs = audit.report(shop.db, shop.secretary, SEPTEMBER, household=shop.homes["张三"].id)
    assert {e.kind for e in theirs.entries} == {"card_issue", "redemption"}
    assert audit.report(shop.db, shop.secretary, SEPTEMBER, day=datetime(2026, 9, 6).date()).entries == ()


def test_a_review_is_recorded_and_never_edited(september):
    shop = september
    reversal(shop)
    flag = next(f for f in audit.report(shop.db, shop.secretary, SEPTEMBER).flags if f.rule == "reversal")
    with pytest.raises(PermissionDenied):
        audit.review(shop.db, shop.admin, SEPTEMBER, flag.key, "我自己看过了")
    with pytest.raises(ShopError):
        audit.review(shop.db, shop.secretary, SEPTEMBER, "reversal:9999", "没有这一笔")
    audit.review(shop.db, shop.secretary, SEPTEMBER, flag.key, "已问过农户，确系商品破损")
    again = next(f for f in audit.report(shop.db, shop.secretary, SEPTEMBER).flags if f.key == flag.key)
    assert again.reviewed and again.reviews[0].reviewer == "lishuji"
    assert again.reviews[0].comment == "已问过农户，确系商品破损"
    with shop.db.write() as s, pytest.raises(AppendOnlyViolation):
        s.get(AuditReview, 1).comment = "改成别的"
        s.flush()
    with sqlite3.connect(shop.db.file) as plain, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        plain.execute("UPDATE audit_review SET comment = 'x'")


def test_the_command_line_runs_the_supervisors_month(september, db_url, capsys, monkeypatch, tmp_path):
    shop = september
    reversal(shop)
    shop.clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    monkeypatch.setattr(users, "_hasher", users._hasher)
    monkeypatch.setenv("AIXIN_USER", "lishuji")
    monkeypatch.setenv("AIXIN_PASSWORD", SUPERVISOR_PASSWORD)
    # the command runs on the PC's own clock, long after September
    assert main(["--db", db_url, "close", "--month", SEPTEMBER, "--preview"]) == 0
    assert "月结预览" in capsys.readouterr().out
    # September's last entry was on the 5th: closing it asks this PC's clock to be confirmed
    assert main(["--db", db_url, "close", "--month", SEPTEMBER, "--json"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert main(["--db", db_url, "close", "--month", SEPTEMBER, "--json", "--yes"]) == 0
    closed = json.loads(capsys.readouterr().out)
    with shop.db.read() as s:
        identity = village_id(s)
    assert closed["number"] == 1 and closed["qr_text"].startswith(f"AIXIN2|{identity}|1|")
    assert main(["--db", db_url, "close", "--month", SEPTEMBER, "--yes"]) == 2
    assert "已经月结" in capsys.readouterr().err
    assert main(["--db", db_url, "audit", "--month", SEPTEMBER, "--json"]) == 0
    flags = json.loads(capsys.readouterr().out)["flags"]
    key = next(f["key"] for f in flags if f["rule"] == "reversal")
    assert main(["--db", db_url, "audit", "--month", SEPTEMBER, "--review", key, "--comment", "属实"]) == 0
    assert main(["--db", db_url, "notice", "--month", SEPTEMBER, "--out", str(tmp_path / "n.pdf")]) == 0
    assert main(["--db", db_url, "statement", "--card", shop.card("张三"), "--month", SEPTEMBER,
                 "--out", str(tmp_path / "s.pdf")]) == 0
    assert main(["--db", db_url, "verify", "--notice", closed["qr_text"]]) == 0
    capsys.readouterr()

    out = tmp_path / "township"
    assert main(["--db", db_url, "export", "--month", SEPTEMBER, "--out", str(out)]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["month"]["closure"] == 1 and "month.xlsx" in manifest["files"]
    book = openpyxl.load_workbook(out / "month.xlsx")
    assert book.sheetnames == ["本月台账", "本月分录", "月结", "审计提示", "审核记录", "公示-各户",
                               "公示-捐赠与采购", "公示-分区兑换"]
    assert [c.value for c in book["审核记录"][2]][-1] == "属实"
    with (out / "notice_households.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["户主"] for r in rows} == {"张三", "李四", "王五", "赵六"}
    verifier = [sys.executable, "-I", str(out / "verify_export.py"), str(out)]
    assert subprocess.run(verifier, capture_output=True, text=True).returncode == 0

    # a closure changed in the export, its hash recomputed and the manifest fixed, is still caught
    path = out / "month_closure.csv"
    with path.open(encoding="utf-8") as handle:
        closures = list(csv.DictReader(handle))
    doc = json.loads(closures[0]["document"])
    doc["last_hash"] = "f" * 64
    closures[0]["document"] = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    import hashlib

    closures[0]["hash"] = hashlib.sha256(closures[0]["document"].encode()).hexdigest()
    closures[0]["last_hash"] = "f" * 64
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(closures[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(closures)
    manifest["files"]["month_closure.csv"]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    checked = subprocess.run(verifier, capture_output=True, text=True)
    assert checked.returncode == 1 and "closure 1" in checked.stdout
    assert notice.parse_qr(closed["qr_text"]).number == 1
    assert PASSWORD


def test_a_villager_gets_the_months_statement_on_the_receipt_printer(september, db_url, fake_printer,
                                                                     monkeypatch, capsys):
    from pos.station import settings
    from tests.printing.paper import decode

    shop = september
    redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.rice.code, 1)])
    settings.save(settings.with_printer(settings.load(), port=fake_printer.port))
    monkeypatch.setenv("AIXIN_USER", "wangfang")
    monkeypatch.setenv("AIXIN_PASSWORD", PASSWORD)
    assert main(["--db", db_url, "statement", "--card", shop.card("张三"), "--month", SEPTEMBER,
                 "--print"]) == 0
    assert "明细已打印" in capsys.readouterr().out
    paper = decode(fake_printer.printed(), 32)
    assert "户主：张三（啊道）" in paper.text and "积分明细 2026年9月" in paper.text
    assert paper.find("期初余额").text.endswith("0") and paper.find("期末余额").text.endswith("80")
    assert any("兑换" in line and "-20" in line for line in paper.text) and paper.cuts == 1

    # the administrator records which household a clerk belongs to, for the audit
    assert main(["--db", db_url, "user-household", "zhaoming", "--household", str(shop.homes["王五"].id)]) == 0
    with sqlite3.connect(shop.db.file) as plain:
        assert plain.execute("SELECT household_id FROM app_user WHERE username = 'zhaoming'").fetchone() == (
            shop.homes["王五"].id,)
