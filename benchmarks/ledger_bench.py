"""Ledger speed against raw sqlite3 and raw hashlib, measured in the same run.

    python benchmarks/ledger_bench.py [--dir DIR] [--rounds N]

1. Durable append of one 2-posting transaction (ledger.post in its own write
   transaction) vs raw sqlite3 issuing the same statements with the same
   pragmas (WAL, synchronous=FULL, BEGIN IMMEDIATE). Aim: ratio <= 1.5.
2. One 300-posting transaction vs raw sqlite3 with executemany. Aim <= 2.
3. verify throughput (transactions/s) vs raw hashlib.sha256 over the same
   canonical bytes. Aim: ratio >= 0.3.

Runs alternate between the two sides so disk noise hits both alike; the
figures are medians. DIR defaults to a temporary folder on the real disk,
because fsync is part of what is measured.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import ledger
from ledger import Leg, canonical
from pos.store.database import open_database

HOUSEHOLDS = 299


def setup(db) -> None:
    with db.write() as s:
        ledger.open_account(s, "village:issue", "issue", may_go_negative=True)
        for n in range(HOUSEHOLDS):
            ledger.open_account(s, f"household:{n}", f"h{n}")


def raw_append(conn: sqlite3.Connection, legs: list[tuple[str, int]]) -> None:
    """What ledger.post does, written by hand on the sqlite3 module."""
    conn.execute("BEGIN IMMEDIATE")
    seq, prev = conn.execute("SELECT seq, hash FROM ledger_head WHERE id = 1").fetchone()
    codes = sorted({code for code, _ in legs})
    marks = ",".join("?" * len(codes))
    ids = dict(conn.execute(f"SELECT code, id FROM ledger_account WHERE code IN ({marks})", codes))
    at = datetime.now(UTC)
    digest = canonical.digest(canonical.encode(
        prev=prev, seq=seq + 1, at=at, kind="award", operator="admin", approver=None, memo="",
        reverses=None, attrs={}, postings=legs))
    conn.execute(
        "INSERT INTO ledger_transaction (seq, at, kind, operator, approver, memo, reverses, attrs, hash) "
        "VALUES (?, ?, ?, ?, NULL, '', NULL, '{}', ?)",
        (seq + 1, at.replace(tzinfo=None).isoformat(sep=" "), "award", "admin", digest))
    conn.executemany("INSERT INTO ledger_posting (tx_seq, line, account_id, amount) VALUES (?, ?, ?, ?)",
                     [(seq + 1, i, ids[code], amount) for i, (code, amount) in enumerate(legs, 1)])
    conn.executemany("UPDATE ledger_account SET balance = balance + ? WHERE id = ?",
                     [(amount, ids[code]) for code, amount in legs])
    conn.execute("UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1", (seq + 1, digest))
    conn.execute("COMMIT")


def raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def compare_appends(folder: Path, legs: list[Leg], rounds: int, label: str) -> dict:
    ours_db = open_database(f"sqlite:///{folder / f'ours-{label}.db'}")
    raw_db = open_database(f"sqlite:///{folder / f'raw-{label}.db'}")
    setup(ours_db)
    setup(raw_db)
    raw_db.dispose()
    raw = raw_connection(folder / f"raw-{label}.db")
    raw_legs = [(leg.account, leg.amount) for leg in legs]
    ours_times, raw_times = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        with ours_db.write() as s:
            ledger.post(s, kind="award", operator="admin", legs=legs)
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        raw_append(raw, raw_legs)
        raw_times.append(time.perf_counter() - start)
    raw.close()
    with ours_db.read() as s:
        assert ledger.verify(s).ok
    ours_db.dispose()
    ours, base = statistics.median(ours_times), statistics.median(raw_times)
    return {"ours_ms": ours * 1000, "raw_ms": base * 1000, "ratio": ours / base}


def compare_verify(folder: Path, transactions: int) -> dict:
    db = open_database(f"sqlite:///{folder / 'verify.db'}")
    setup(db)
    with db.write() as s:
        for n in range(transactions):
            ledger.post(s, kind="award", operator="admin", memo="义务劳动",
                        legs=[Leg("village:issue", -3), Leg(f"household:{n % HOUSEHOLDS}", 3)])
    with db.read() as s:
        rows = [ledger.transaction(s, seq) for seq in range(1, ledger.head(s)[0] + 1)]
    prev = canonical.GENESIS
    blobs = []
    for tx in rows:
        blob = canonical.encode(prev=prev, seq=tx.seq, at=tx.at, kind=tx.kind, operator=tx.operator,
                                approver=tx.approver, memo=tx.memo, reverses=tx.reverses,
                                attrs=tx.attrs, postings=[(l.account, l.amount) for l in tx.legs])
        prev = canonical.digest(blob)
        blobs.append(blob)
    path = folder / "verify.db"
    verify_times, hash_times, minimal_times = [], [], []
    for _ in range(5):
        start = time.perf_counter()
        assert minimal_verify(path) == prev
        minimal_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        with db.read() as s:
            report = ledger.verify(s)
        verify_times.append(time.perf_counter() - start)
        assert report.ok and report.head_hash == prev
        start = time.perf_counter()
        for blob in blobs:
            hashlib.sha256(blob).hexdigest()
        hash_times.append(time.perf_counter() - start)
    db.dispose()
    ours = transactions / statistics.median(verify_times)
    base = transactions / statistics.median(hash_times)
    minimal = transactions / statistics.median(minimal_times)
    return {"verify_tx_per_s": ours, "hashlib_tx_per_s": base, "ratio": ours / base,
            "minimal_tx_per_s": minimal, "ratio_to_minimal": ours / minimal}


def minimal_verify(path: Path) -> str:
    """The least any verifier must do: read rows with raw sqlite3, encode, hash, chain."""
    conn = sqlite3.connect(path)
    codes = dict(conn.execute("SELECT id, code FROM ledger_account"))
    legs: dict[int, list] = {}
    for seq, account_id, amount in conn.execute(
            "SELECT tx_seq, account_id, amount FROM ledger_posting ORDER BY tx_seq, line"):
        legs.setdefault(seq, []).append((codes[account_id], amount))
    prev = canonical.GENESIS
    for seq, at, kind, operator, approver, memo, reverses, attrs in conn.execute(
            "SELECT seq, at, kind, operator, approver, memo, reverses, attrs "
            "FROM ledger_transaction ORDER BY seq"):
        stamp = datetime.fromisoformat(at).replace(tzinfo=UTC)
        prev = hashlib.sha256(canonical.encode(
            prev=prev, seq=seq, at=stamp, kind=kind, operator=operator, approver=approver,
            memo=memo, reverses=reverses, attrs=json.loads(attrs), postings=legs.get(seq, []))).hexdigest()
    conn.close()
    return prev


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="folder for the database files")
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--verify-transactions", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        folder = Path(folder)
        single = compare_appends(folder, [Leg("village:issue", -5), Leg("household:1", 5)],
                                 args.rounds, "single")
        batch = compare_appends(folder, [Leg("village:issue", -HOUSEHOLDS)] + [
            Leg(f"household:{n}", 1) for n in range(HOUSEHOLDS)], max(10, args.rounds // 3), "batch")
        verified = compare_verify(folder, args.verify_transactions)
    print(f"durable append, 1 tx of 2 postings: ours {single['ours_ms']:.2f} ms, "
          f"raw sqlite3 {single['raw_ms']:.2f} ms, ratio {single['ratio']:.2f}x (aim <= 1.5x)")
    print(f"300-posting transaction:            ours {batch['ours_ms']:.2f} ms, "
          f"raw executemany {batch['raw_ms']:.2f} ms, ratio {batch['ratio']:.2f}x (aim <= 2x)")
    print(f"verify throughput:                  ours {verified['verify_tx_per_s']:,.0f} tx/s, "
          f"raw hashlib {verified['hashlib_tx_per_s']:,.0f} tx/s, ratio {verified['ratio']:.3f}x (aim >= 0.3x)")
    print(f"  against the least a verifier must do (raw sqlite3 read + encode + hash): "
          f"{verified['minimal_tx_per_s']:,.0f} tx/s, ratio {verified['ratio_to_minimal']:.2f}x")
    print(json.dumps({"single": single, "batch": batch, "verify": verified}))


if __name__ == "__main__":
    main()
