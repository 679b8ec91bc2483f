"""The aixin command for the ledger: init, verify, backup, restore, export."""

import json
import sqlite3
import subprocess
import sys

import pytest

from pos.cli import main


@pytest.fixture
def run(db_url, capsys):
    def call(*args):
        code = main(["--db", db_url, *args])
        out, err = capsys.readouterr()
        return code, out, err
    return call


def test_init_then_verify_prints_an_intact_ledger(run):
    assert run("init")[0] == 0
    code, out, _ = run("verify")
    assert code == 0 and "账本完好" in out
    code, out, _ = run("verify", "--json")
    assert json.loads(out)["ok"] is True


def test_verify_exits_non_zero_and_names_the_transaction(run, small_ledger, db_dir):
    with sqlite3.connect(db_dir / "village.db") as plain:
        plain.execute("DROP TRIGGER ledger_transaction_no_update")
        plain.execute("UPDATE ledger_transaction SET memo='x' WHERE seq=3")
    code, out, _ = run("verify")
    assert code == 1 and "第 3 笔" in out
    code, out, _ = run("--lang", "en", "verify", "--json")
    report = json.loads(out)
    assert code == 1 and report["first_bad_seq"] == 3
    assert report["findings"][0]["code"] == "hash_mismatch"


def test_an_anchor_from_a_notice_is_checked(run, small_ledger):
    head = json.loads(run("verify", "--json")[1])["head_hash"]
    assert run("verify", "--anchor", f"5:{head}")[0] == 0
    code, out, _ = run("verify", "--anchor", "f" * 64)
    assert code == 1 and "公示过的账头" in out
    code, _, err = run("verify", "--anchor", "not-a-hash")
    assert code == 2 and "账头格式不对" in err and "Traceback" not in err


def test_backup_and_restore_round_trip(run, small_ledger, db_dir):
    code, out, _ = run("backup", "--to", str(db_dir / "copies"), "--json")
    copy = json.loads(out)["path"]
    assert code == 0
    with small_ledger.write() as s:
        import ledger
        ledger.post(s, kind="award", operator="admin",
                    legs=[ledger.Leg("village:issue", -1), ledger.Leg("household:1", 1)])
    code, _, err = run("restore", copy)
    assert code == 2 and "--yes" in err
    code, out, _ = run("restore", copy, "--yes")
    assert code == 0 and "已恢复" in out
    assert json.loads(run("verify", "--json")[1])["head_seq"] == 5


def test_export_writes_csv_manifest_and_verifier(run, small_ledger, tmp_path):
    code, out, _ = run("ledger", "export", "--out", str(tmp_path / "audit"))
    assert code == 0
    manifest = json.loads((tmp_path / "audit" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["head"]["seq"] == 5
    checked = subprocess.run([sys.executable, "-I", str(tmp_path / "audit" / "verify_export.py"),
                              str(tmp_path / "audit")], capture_output=True, text=True)
    assert checked.returncode == 0 and "OK: 5 transactions" in checked.stdout


def test_the_installed_command_runs(db_url):
    result = subprocess.run([sys.executable, "-m", "pos", "--db", db_url, "init"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0 and "数据库就绪" in result.stdout


def test_verify_prints_a_clock_set_back_as_a_warning_and_still_exits_zero(run, db):
    from tests.ledger.test_tamper import _ledger_with_a_clock_set_back

    _ledger_with_a_clock_set_back(db)
    code, out, _ = run("verify")
    assert code == 0 and "账本完好" in out
    assert "提醒：第 3 笔的时间 2026-04-30T16:00:00.000000Z 早于第 2 笔" in out
    code, out, _ = run("--lang", "en", "verify", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True and report["warnings"] == 1
    assert report["findings"][0]["severity"] == "warning" and report["findings"][0]["seq"] == 3
