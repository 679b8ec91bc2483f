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
        plain.execute("UPDATE ledger_transaction SET memo='x' WHERE seq=4")
    code, out, _ = run("verify")
    assert code == 1 and "第 4 笔" in out
    code, out, _ = run("--lang", "en", "verify", "--json")
    report = json.loads(out)
    assert code == 1 and report["first_bad_seq"] == 4
    assert report["findings"][0]["code"] == "hash_mismatch"


def test_an_anchor_from_a_notice_is_checked(run, small_ledger):
    head = json.loads(run("verify", "--json")[1])["head_hash"]
    assert run("verify", "--anchor", f"6:{head}")[0] == 0
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
    assert json.loads(run("verify", "--json")[1])["head_seq"] == 6


def test_export_writes_csv_manifest_and_verifier(run, small_ledger, tmp_path):
    code, out, _ = run("ledger", "export", "--out", str(tmp_path / "audit"))
    assert code == 0
    manifest = json.loads((tmp_path / "audit" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["head"]["seq"] == 6
    checked = subprocess.run([sys.executable, "-I", str(tmp_path / "audit" / "verify_export.py"),
                              str(tmp_path / "audit")], capture_output=True, text=True)
    assert checked.returncode == 0 and "OK: 6 transactions" in checked.stdout


def test_the_installed_command_runs(db_url):
    result = subprocess.run([sys.executable, "-m", "pos", "--db", db_url, "init"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0 and "数据库就绪" in result.stdout
