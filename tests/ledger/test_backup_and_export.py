"""Backups taken while the counter writes, checked restores, and the audit export."""

import shutil
import sqlite3
import subprocess
import sys
import threading

import pytest

import ledger
from ledger import Leg
from ledger import backup as ledger_backup
from ledger.export import export
from pos.store.database import open_database
from pos.store.tables import Base


def test_a_backup_taken_while_another_thread_writes_is_whole_and_verifies(small_ledger, db_dir):
    stop = threading.Event()
    written = []

    def counter():
        while not stop.is_set():
            with small_ledger.write() as s:
                written.append(ledger.post(s, kind="award", operator="admin",
                                           legs=[Leg("village:issue", -1), Leg("household:3", 1)]).seq)

    thread = threading.Thread(target=counter)
    thread.start()
    try:
        copies = []
        while len(copies) < 5:
            if len(written) > 5 * (len(copies) + 1):
                copies.append(ledger_backup.backup(small_ledger.engine, db_dir / "copies"))
    finally:
        stop.set()
        thread.join()
    heads = []
    for copy in copies:
        checked = ledger_backup.check_copy(copy)
        assert checked.integrity == "ok" and checked.ok, checked
        heads.append(checked.report.head_seq)
    assert heads == sorted(heads) and heads[-1] > 5


def test_restore_checks_the_copy_and_keeps_a_safety_copy(small_ledger, db_dir):
    copy = ledger_backup.backup(small_ledger.engine, db_dir / "copies")
    with small_ledger.write() as s:
        ledger.post(s, kind="award", operator="admin",
                    legs=[Leg("village:issue", -7), Leg("household:3", 7)])
    checked, safety = ledger_backup.restore(small_ledger.engine, copy, db_dir / "safety")
    assert checked.report.head_seq == 6 and safety.exists()
    with small_ledger.read() as s:
        assert ledger.head(s)[0] == 6 and ledger.account_balance(s, "household:3") == 100
    assert ledger_backup.check_copy(safety).report.head_seq == 7


def test_a_tampered_or_broken_copy_is_never_restored(small_ledger, db_dir):
    copy = ledger_backup.backup(small_ledger.engine, db_dir / "copies")
    with sqlite3.connect(copy) as plain:
        plain.execute("DROP TRIGGER ledger_posting_no_update")
        plain.execute("UPDATE ledger_posting SET amount=999 WHERE tx_seq=3 AND line=2")
    with pytest.raises(ledger_backup.BackupError):
        ledger_backup.restore(small_ledger.engine, copy, db_dir / "safety")
    garbage = db_dir / "garbage.db"
    garbage.write_bytes(b"this is not a database" * 100)
    assert not ledger_backup.check_copy(garbage).ok
    with pytest.raises(ledger_backup.BackupError):
        ledger_backup.restore(small_ledger.engine, garbage, db_dir / "safety")
    with small_ledger.read() as s:
        assert ledger.verify(s).ok and ledger.head(s)[0] == 6


def test_the_export_reverifies_with_the_standalone_script(small_ledger, tmp_path):
    with small_ledger.read() as s:
        manifest = export(s, Base.metadata.sorted_tables, tmp_path / "export")
        head_hash = ledger.head(s)[1]
    assert manifest["head"]["seq"] == 6
    assert {"ledger_transaction.csv", "ledger_posting.csv", "ledger_account.csv"} <= set(manifest["files"])
    script = tmp_path / "export" / "verify_export.py"
    # Run it from a folder where the app cannot be imported, as an auditor would.
    alone = tmp_path / "auditor"
    alone.mkdir()
    shutil.copytree(tmp_path / "export", alone / "export")
    result = subprocess.run([sys.executable, "-I", str(alone / "export" / "verify_export.py"),
                             str(alone / "export"), "--anchor", head_hash],
                            capture_output=True, text=True, cwd=alone)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"OK: 6 transactions, head {head_hash}" in result.stdout

    postings = alone / "export" / "ledger_posting.csv"
    postings.write_text(postings.read_text().replace("-30", "-3"))
    result = subprocess.run([sys.executable, "-I", str(script.name), "."],
                            capture_output=True, text=True, cwd=alone / "export")
    assert result.returncode == 1
    assert "ledger_posting.csv does not match" in result.stdout
    assert "#5: recomputed hash differs" in result.stdout


def _award(db, account, points):
    with db.write() as s:
        return ledger.post(s, kind="award", operator="admin",
                           legs=[Leg("village:issue", -points), Leg(account, points)]).seq


def test_a_copy_that_forked_is_never_restored_and_names_where_it_parted(small_ledger, db_dir):
    parted = ledger_backup.backup(small_ledger.engine, db_dir / "copies")
    other_file = db_dir / "other-pc.db"
    shutil.copyfile(parted, other_file)
    here = _award(small_ledger, "household:1", 3)
    other = open_database(f"sqlite:///{other_file}")
    try:
        _award(other, "household:2", 8)
        _award(other, "household:2", 9)
        forked = ledger_backup.backup(other.engine, db_dir / "copies")
    finally:
        other.dispose()
    with pytest.raises(ledger_backup.ForkedCopy) as refused:
        ledger_backup.restore(small_ledger.engine, forked, db_dir / "safety")
    assert refused.value.live.seq == refused.value.copy.seq == here == 7
    assert refused.value.live.hash != refused.value.copy.hash
    assert "transaction 7" in str(refused.value)
    assert not (db_dir / "safety").exists()
    with small_ledger.read() as s:
        assert ledger.head(s)[0] == 7 and ledger.account_balance(s, "household:1") == 73


def test_a_copy_that_only_runs_ahead_is_restored_and_an_older_one_only_when_allowed(small_ledger, db_dir):
    older = ledger_backup.backup(small_ledger.engine, db_dir / "copies")
    _award(small_ledger, "household:1", 3)
    ahead = ledger_backup.backup(small_ledger.engine, db_dir / "copies")
    with pytest.raises(ledger_backup.OlderCopy):
        ledger_backup.restore(small_ledger.engine, older, db_dir / "safety", allow_older=False)
    ledger_backup.restore(small_ledger.engine, older, db_dir / "safety", allow_older=True)
    checked, _ = ledger_backup.restore(small_ledger.engine, ahead, db_dir / "safety", allow_older=False)
    assert checked.report.head_seq == 7
    with small_ledger.read() as s:
        assert ledger.verify(s).ok and ledger.head(s)[0] == 7


def test_the_export_leaves_out_what_it_is_told_and_says_so(small_ledger, tmp_path):
    from ledger.schema import Account, Posting, Transaction

    tables = [Account.__table__, Transaction.__table__, Posting.__table__]
    with small_ledger.read() as s:
        manifest = export(s, tables, tmp_path / "out",
                          leave_out={"ledger_account.name": "names stay here"})
    assert manifest["left_out"] == {"ledger_account.name": "names stay here"}
    header = (tmp_path / "out" / "ledger_account.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == ["id", "code", "may_go_negative", "balance", "opened_at"]


def test_the_standalone_verifier_warns_of_a_clock_set_back_and_still_passes(db, tmp_path):
    from ledger.schema import Account, Posting, Transaction
    from tests.ledger.test_tamper import _ledger_with_a_clock_set_back

    _ledger_with_a_clock_set_back(db)
    with db.read() as s:
        export(s, [Account.__table__, Transaction.__table__, Posting.__table__], tmp_path / "out")
    result = subprocess.run([sys.executable, "-I", str(tmp_path / "out" / "verify_export.py"),
                             str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "warning: #4: dated 2026-04-30T16:00:00.000000Z, before #3" in result.stdout
    assert "OK: 5 transactions" in result.stdout
