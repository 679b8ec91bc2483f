"""The aixin command for the ledger: init, verify, backup, restore, export."""

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys

import pytest

from pos.cli.main import main

SUPERVISOR = {"AIXIN_APPROVER_PASSWORD": "secretary-1"}
SOAP = "6901234567892"


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
    for text in ("", "AIXIN2|only"):  # an empty or malformed notice text is a mistake, never "intact"
        code, out, err = run("verify", "--notice", text)
        assert code == 2 and "公示二维码" in err and "Traceback" not in err, (text, out, err)


def test_the_installed_command_runs(db_url):
    result = subprocess.run([sys.executable, "-m", "pos", "--db", db_url, "init"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0 and "数据库就绪" in result.stdout


def test_verify_prints_a_clock_set_back_as_a_warning_and_still_exits_zero(run, db):
    from tests.ledger.test_tamper import _ledger_with_a_clock_set_back

    _ledger_with_a_clock_set_back(db)
    code, out, _ = run("verify")
    assert code == 0 and "账本完好" in out
    assert "提醒：第 4 笔的时间 2026-04-30T16:00:00.000000Z 早于第 3 笔" in out
    code, out, _ = run("--lang", "en", "verify", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True and report["warnings"] == 1
    assert report["findings"][0]["severity"] == "warning" and report["findings"][0]["seq"] == 4


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def _sale(aixin, card, quantity=1):
    code, out, err = aixin("redeem", "--card", card, "--item", f"{SOAP}:{quantity}", "--json")
    assert code == 0, err
    return json.loads(out)["seq"]


def test_backup_and_restore_round_trip_with_a_supervisor_s_approval(aixin, village_cli, db_dir):
    code, out, _ = aixin("backup", "--to", str(db_dir / "copies"), "--json")
    assert code == 0
    copy = json.loads(out)
    _sale(aixin, village_cli[0])
    code, _, err = aixin("restore", copy["path"], "--yes")
    assert code == 2 and "恢复备份需要监督员审批" in err
    code, _, err = aixin("restore", copy["path"], "--approver", "lishuji", env=SUPERVISOR)
    assert code == 2 and "--yes" in err
    code, out, _ = aixin("restore", copy["path"], "--yes", "--approver", "lishuji", env=SUPERVISOR)
    assert code == 0 and "已恢复" in out
    assert json.loads(aixin("verify", "--json")[1])["head_seq"] == copy["head_seq"]


def test_backup_restore_and_export_need_a_logged_in_user(aixin, village_cli, db_dir, monkeypatch):
    code, out, _ = aixin("backup", "--to", str(db_dir / "copies"), "--json")
    copy = json.loads(out)["path"]
    monkeypatch.delenv("AIXIN_USER")
    for command in (["backup", "--to", str(db_dir / "more")],
                    ["restore", copy, "--approver", "lishuji"],
                    ["ledger", "export", "--out", str(db_dir / "audit")]):
        code, _, err = aixin(*command, env=SUPERVISOR)
        assert code == 2 and "--user" in err, command
    code, _, err = aixin("backup", "--user", "wangfang", "--to", str(db_dir / "more"),
                         env={"AIXIN_PASSWORD": "wrong-password"})
    assert code == 2 and "密码不对" in err
    assert not (db_dir / "more").exists() and not (db_dir / "audit").exists()


def test_restoring_a_copy_used_on_another_pc_is_refused_naming_the_first_difference(
        aixin, village_cli, db_dir, db_url):
    card = village_cli[0]
    code, out, _ = aixin("backup", "--to", str(db_dir / "copies"), "--json")
    common = json.loads(out)
    sale_here = _sale(aixin, card)
    # The same copy, carried to another PC and used there: two sales of its own.
    other = db_dir / "other-pc.db"
    shutil.copyfile(common["path"], other)
    other_url = f"sqlite:///{other}"
    for quantity in (2, 3):
        assert aixin("redeem", "--db", other_url, "--card", card, "--item", f"{SOAP}:{quantity}")[0] == 0
    assert aixin("backup", "--db", other_url, "--to", str(db_dir / "other-copies"))[0] == 0
    [forked] = (db_dir / "other-copies").iterdir()
    code, _, err = aixin("restore", str(forked), "--yes", "--approver", "lishuji", env=SUPERVISOR)
    assert code == 2
    assert f"从第 {sale_here} 笔起分叉" in err and "未做任何改动" in err
    code, out, _ = aixin("--lang", "en", "restore", str(forked), "--yes", "--approver", "lishuji",
                         "--json", env=SUPERVISOR)
    refusal = json.loads(out)
    assert refusal["error"] == "restore_forked" and refusal["seq"] == sale_here
    assert refusal["live_kind"] == refusal["copy_kind"] == "redemption"
    report = json.loads(aixin("verify", "--json")[1])
    assert report["ok"] and report["head_seq"] == sale_here  # the sale made here is still here


def test_a_backup_leaves_one_private_file_and_no_wal_or_shm(aixin, village_cli, db_dir):
    target = db_dir / "copies"
    code, out, _ = aixin("backup", "--to", str(target), "--json")
    assert code == 0
    copy = json.loads(out)["path"]
    assert [p.name for p in target.iterdir()] == [os.path.basename(copy)]
    if os.name == "posix":
        assert _mode(target) == 0o700 and _mode(copy) == 0o600


def test_the_database_and_the_log_are_readable_by_their_owner_only(aixin, village_cli, db_dir,
                                                                   data_home):
    if os.name != "posix":
        pytest.skip("permission bits are POSIX")
    assert _mode(db_dir / "village.db") == 0o600
    for name in ("village.db-wal", "village.db-shm"):
        if (db_dir / name).exists():
            assert _mode(db_dir / name) == 0o600, name
    assert _mode(data_home) == 0o700 and _mode(data_home / "logs") == 0o700
    assert _mode(data_home / "logs" / "aixin.log") == 0o600


def test_the_export_leaves_out_password_hashes_and_login_records(aixin, village_cli, db_dir, tmp_path):
    audit = tmp_path / "audit"
    code, out, _ = aixin("ledger", "export", "--out", str(audit), "--json")
    assert code == 0
    manifest = json.loads(out)
    assert "app_user.password_hash" in manifest["left_out"] and "login_attempt" in manifest["left_out"]
    with sqlite3.connect(db_dir / "village.db") as plain:
        hashes = [h for (h,) in plain.execute("SELECT password_hash FROM app_user")]
    assert hashes and all(h.startswith("$argon2") for h in hashes)
    for path in audit.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "argon2" not in text and all(h not in text for h in hashes), path.name
    assert "password_hash" not in (audit / "app_user.csv").read_text(encoding="utf-8")
    assert not (audit / "login_attempt.csv").exists()
    if os.name == "posix":
        assert _mode(audit) == 0o700 and {_mode(p) for p in audit.iterdir()} == {0o600}
    checked = subprocess.run([sys.executable, "-I", str(audit / "verify_export.py"), str(audit)],
                             capture_output=True, text=True)
    assert checked.returncode == 0 and "OK:" in checked.stdout


@pytest.mark.parametrize("command", [["verify"], ["ledger", "summary"], ["user", "list"],
                                     ["balance", "81000012"], ["backup"],
                                     ["ledger", "export", "--out", "audit"]])
def test_a_mistyped_database_path_is_refused_and_nothing_is_created(tmp_path, capsys, command):
    missing = tmp_path / "no-such-folder" / "village.db"
    code = main(["--db", f"sqlite:///{missing}", *command])
    assert code == 2 and "找不到数据库" in capsys.readouterr().err
    assert not missing.parent.exists()


def test_the_demo_prints_the_whole_anchor_that_verify_accepts(aixin, db_url):
    # A village already named as the demo's is opened as it is, not built again.
    assert aixin("init", "--village", "阿道村", "--groups", "啊道", "--admin", "wangfang")[0] == 0
    assert aixin("household", "add", "--head", "张三", "--group", "啊道", "--people", "2")[0] == 0
    assert aixin("card", "issue", "--all")[0] == 0
    code, out, _ = aixin("demo")
    assert code == 0
    [line] = [line for line in out.splitlines() if "--anchor" in line]
    anchor = line.rsplit("：", 1)[1]
    seq, digest = anchor.split(":")
    head = json.loads(aixin("verify", "--json")[1])
    assert int(seq) == head["head_seq"] and len(digest) == 64
    assert aixin("verify", "--anchor", anchor)[0] == 0


def test_a_new_pc_is_restored_from_a_copy_whose_own_users_vouch(aixin, village_cli, db_dir, tmp_path):
    card = village_cli[0]
    _sale(aixin, card)
    code, out, _ = aixin("backup", "--to", str(db_dir / "copies"), "--json")
    copy = json.loads(out)
    new_pc = tmp_path / "new-pc" / "village.db"
    new_url = f"sqlite:///{new_pc}"
    code, _, err = aixin("restore", "--db", new_url, copy["path"])
    assert code == 2 and "需要监督员审批" in err and not new_pc.parent.exists()
    code, _, err = aixin("restore", "--db", new_url, copy["path"], "--approver", "lishuji",
                         env={"AIXIN_APPROVER_PASSWORD": "wrong-password"})
    assert code == 2 and "密码不对" in err and not new_pc.parent.exists()
    code, out, _ = aixin("restore", "--db", new_url, copy["path"], "--approver", "lishuji",
                         env=SUPERVISOR)
    assert code == 0 and "恢复为本机数据库" in out
    report = json.loads(aixin("verify", "--db", new_url, "--json")[1])
    assert report["ok"] and report["head_seq"] == copy["head_seq"]
    code, out, _ = aixin("balance", "--db", new_url, card, "--json")
    assert code == 0 and json.loads(out)["balance"] == 96
    if os.name == "posix":
        assert _mode(new_pc) == 0o600


@pytest.mark.parametrize("damage", ["header", "empty"])
def test_a_damaged_or_empty_database_is_put_back_from_a_backup_and_kept_aside(
        aixin, village_cli, db_dir, db_url, damage):
    code, out, _ = aixin("backup", "--to", str(db_dir / "copies"), "--json")
    copy = json.loads(out)
    path = db_dir / db_url.rsplit("/", 1)[-1]
    data = path.read_bytes()
    for end in ("-wal", "-shm"):
        (db_dir / f"{path.name}{end}").unlink(missing_ok=True)
    path.write_bytes(bytes(100) + data[100:] if damage == "header" else b"")
    code, _, err = aixin("verify")
    assert code != 0
    # Nobody can log in to a damaged file: the copy's own supervisor approves.
    code, out, err = aixin("restore", copy["path"], "--approver", "lishuji", "--json", env=SUPERVISOR)
    assert code == 0, err
    kept = json.loads(out)["safety_copy"]
    assert kept and os.path.exists(kept) and os.path.getsize(kept) == (len(data) if damage == "header" else 0)
    assert json.loads(aixin("verify", "--json")[1])["head_seq"] == copy["head_seq"]


def test_a_damaged_database_is_not_replaced_without_the_copy_s_supervisor(aixin, village_cli, db_dir, db_url):
    code, out, _ = aixin("backup", "--to", str(db_dir / "copies"), "--json")
    copy = json.loads(out)
    path = db_dir / db_url.rsplit("/", 1)[-1]
    for end in ("-wal", "-shm"):
        (db_dir / f"{path.name}{end}").unlink(missing_ok=True)
    damaged = bytes(100) + path.read_bytes()[100:]
    path.write_bytes(damaged)
    code, _, err = aixin("restore", copy["path"], "--approver", "lishuji",
                         env={"AIXIN_APPROVER_PASSWORD": "wrong-password"})
    assert code == 2
    assert path.read_bytes() == damaged  # refused: the damaged file is where it was
    assert [p.name for p in db_dir.iterdir() if ".damaged-" in p.name] == []
