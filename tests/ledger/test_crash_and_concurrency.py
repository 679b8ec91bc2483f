"""Real processes: one killed with SIGKILL mid-write, two writing one file at once."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import ledger
from ledger.schema import Posting
from pos.store.database import open_database
from sqlalchemy import func, select

WORKER = str(Path(__file__).with_name("worker.py"))
HOUSEHOLDS = 299
KILLS = 20

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")]


def prepare(url):
    db = open_database(url)
    with db.write() as s:
        ledger.open_account(s, "village:issue", "村发放", may_go_negative=True)
        for n in range(HOUSEHOLDS):
            ledger.open_account(s, f"household:{n}", f"户 {n}")
    return db


def integrity(path) -> str:
    with sqlite3.connect(path) as plain:
        return plain.execute("PRAGMA integrity_check").fetchone()[0]


def test_a_process_killed_during_300_posting_transactions_leaves_all_or_nothing(db_dir):
    url = f"sqlite:///{db_dir / 'crash.db'}"
    prepare(url).dispose()
    rng = random.Random(20261122)
    confirmed = 0
    kills_with_commits = 0
    for attempt in range(KILLS):
        worker = subprocess.Popen([sys.executable, WORKER, url, "batch"],
                                  stdout=subprocess.PIPE, text=True)
        # Wait until it is committing, then kill it somewhere inside its loop.
        first = worker.stdout.readline()
        assert first.strip().isdigit(), f"worker did not start (attempt {attempt})"
        time.sleep(rng.uniform(0.0, 0.25))
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        printed = [int(line) for line in [first, *worker.stdout.read().split()] if str(line).strip()]
        worker.stdout.close()
        confirmed = max(printed)
        kills_with_commits += len(printed) > 1

        assert integrity(db_dir / "crash.db") == "ok"
        db = open_database(url)
        try:
            with db.read() as s:
                report = ledger.verify(s)
                head_seq, _ = ledger.head(s)
                sizes = set(s.execute(
                    select(func.count()).select_from(Posting).group_by(Posting.tx_seq)).scalars())
        finally:
            db.dispose()
        assert report.ok, report.findings
        # Every confirmed commit is there; at most the one in flight got in unconfirmed.
        assert confirmed <= head_seq <= confirmed + 1
        assert sizes == {HOUSEHOLDS + 1}, "a transaction was written in part"
    assert kills_with_commits >= KILLS // 2


def test_two_processes_append_to_one_file_without_loss_or_lock_errors(db_dir):
    url = f"sqlite:///{db_dir / 'shared.db'}"
    prepare(url).dispose()
    each = 150
    workers = [
        subprocess.Popen([sys.executable, WORKER, url, "append", str(each), name],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("counter-1", "counter-2")
    ]
    results = [w.communicate(timeout=300) for w in workers]
    for worker, (_out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
        assert "locked" not in err
    seqs = sorted(int(x) for out, _ in results for x in out.split())
    # Entry 1 is the record that village:issue may go below zero.
    assert seqs == list(range(2, 2 * each + 2)), "every commit got its own gap-free number"
    db = open_database(url)
    try:
        with db.read() as s:
            report = ledger.verify(s)
            assert sum(ledger.account_balance(s, f"household:{n}") for n in range(3)) == 2 * each
    finally:
        db.dispose()
    assert report.ok and report.transactions == 2 * each + 1
