"""A whole redemption against raw sqlite3 doing the same writes, measured in the same run.

    python benchmarks/redemption_bench.py [--dir DIR] [--rounds N]

1. One redemption of two goods through ``pos.redemption.redeem`` (the points
   posting in the hash-chained ledger, two redemption lines, two stock
   movements and the goods' stock, the receipt's print job, one durable
   commit) vs raw sqlite3 on a database set up the same way: the reads a
   hand-written version needs to decide (user, card, household, goods,
   settings, head, accounts), the same rows inserted and updated, the same
   hash computed, the same pragmas (WAL, synchronous=FULL, BEGIN IMMEDIATE).
   The raw database must verify afterwards, so the baseline did the real work.
2. The single append (one 2-posting ledger.post) vs raw sqlite3, as in
   ledger_bench.py. Aim there: <= 1.5x.

Runs alternate between the two sides so disk noise hits both alike; the
figures are medians. DIR defaults to a temporary folder on the real disk,
because fsync is part of what is measured.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ledger  # noqa: E402
import ledger_bench  # noqa: E402
from ledger import Leg, canonical  # noqa: E402
from pos import cards, households, redemption, stock, users, village, vocabulary  # noqa: E402
from pos import goods as shelf  # noqa: E402
from pos.store.database import open_database  # noqa: E402

HOUSEHOLDS = 20
PASSWORD = "bench-password-1"
CART = (("6901234567892", 1), ("6920000000012", 2))


def build_shop(path: Path):
    """A village with households holding cards and two goods in stock, through the services."""
    db = open_database(f"sqlite:///{path}")
    village.initialise(db, name="测试村", groups=["一组"], admin_username="admin", admin_name="管理员",
                       admin_password=PASSWORD)
    admin = users.login(db, "admin", PASSWORD)
    for n in range(HOUSEHOLDS):
        households.add(db, admin, f"户主{n:02d}", "一组", 3)
    numbers = [view.number for view in cards.issue_missing(db, admin)]
    for (code, _), name in zip(CART, ("洗衣粉", "香皂"), strict=True):
        shelf.add(db, admin, name, "洗化区", 1, 500, code=code)
    stock.intake(db, admin, [stock.IntakeLine(code, 10_000) for code, _ in CART],
                 source=stock.DONATION, donor="鑫源商贸", donor_type="company")
    return db, admin, numbers


def raw_connection(path: Path) -> sqlite3.Connection:
    return ledger_bench.raw_connection(path)


def _stamp(at: datetime) -> str:
    """How SQLAlchemy stores a UTC time in SQLite."""
    return at.replace(tzinfo=None).isoformat(sep=" ")


def raw_redeem(conn: sqlite3.Connection, user_id: int, number: str) -> int:
    """What redemption.redeem does, written by hand on the sqlite3 module."""
    conn.execute("BEGIN IMMEDIATE")
    username, active, locked = conn.execute(
        "SELECT username, active, locked FROM app_user WHERE id = ?", (user_id,)).fetchone()
    assert active and not locked
    household_id, status = conn.execute(
        "SELECT household_id, status FROM point_card WHERE number = ?", (number,)).fetchone()
    head_name, group_id, household_status = conn.execute(
        "SELECT head_name, group_id, status FROM household WHERE id = ?", (household_id,)).fetchone()
    assert status == "active" and household_status == "active"
    codes = [code for code, _ in CART]
    goods = {row[0]: row[1:] for row in conn.execute(
        "SELECT code, id, price_points, value_fen, stock FROM goods WHERE code IN (?, ?) AND active",
        codes)}
    total = sum(goods[code][1] * quantity for code, quantity in CART)
    assert all(goods[code][3] >= quantity for code, quantity in CART)
    threshold, = conn.execute("SELECT redemption_approval_above FROM village WHERE id = 1").fetchone()
    assert total <= threshold
    seq, prev = conn.execute("SELECT seq, hash FROM ledger_head WHERE id = 1").fetchone()
    card_account = f"card:{number}"
    accounts = {code: (account_id, balance) for code, account_id, balance in conn.execute(
        "SELECT code, id, balance FROM ledger_account WHERE code IN (?, ?)",
        (card_account, vocabulary.REDEEMED))}
    assert accounts[card_account][1] >= total
    seq += 1
    at = datetime.now(UTC)
    legs = [(card_account, -total), (vocabulary.REDEEMED, total)]
    attrs = {"card": number, "household": household_id, "head": head_name,
             "items": "; ".join(f"{code}×{q}={goods[code][1] * q}" for code, q in CART)}
    memo = f"兑换 {len(CART)} 种商品"
    digest = canonical.digest(canonical.encode(
        prev=prev, seq=seq, at=at, kind="redemption", operator=username, approver=None, memo=memo,
        reverses=None, attrs=attrs, postings=legs))
    conn.execute(
        "INSERT INTO ledger_transaction (seq, at, kind, operator, approver, memo, reverses, attrs, hash) "
        "VALUES (?, ?, 'redemption', ?, NULL, ?, NULL, ?, ?)",
        (seq, _stamp(at), username, memo, canonical.encode_attrs(attrs), digest))
    conn.executemany("INSERT INTO ledger_posting (tx_seq, line, account_id, amount) VALUES (?, ?, ?, ?)",
                     [(seq, line, accounts[code][0], amount) for line, (code, amount) in enumerate(legs, 1)])
    conn.executemany("UPDATE ledger_account SET balance = balance + ? WHERE id = ?",
                     [(amount, accounts[code][0]) for code, amount in legs])
    conn.execute("UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1", (seq, digest))
    conn.execute("INSERT INTO redemption (tx_seq, card_number, household_id, points, at, reversed_by) "
                 "VALUES (?, ?, ?, ?, ?, NULL)", (seq, number, household_id, total, _stamp(at)))
    names = dict(conn.execute("SELECT code, name FROM goods WHERE code IN (?, ?)", codes))
    conn.executemany(
        "INSERT INTO redemption_line (tx_seq, line, goods_id, name, quantity, unit_points) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(seq, line, goods[code][0], names[code], q, goods[code][1])
         for line, (code, q) in enumerate(CART, 1)])
    conn.executemany(
        "INSERT INTO stock_movement (goods_id, quantity, kind, at, operator, approver, tx_seq, "
        "intake_id, count_id, value_fen, note) VALUES (?, ?, 'redemption', ?, ?, NULL, ?, NULL, NULL, ?, '')",
        [(goods[code][0], -q, _stamp(at), username, seq, -goods[code][2] * q) for code, q in CART])
    conn.executemany("UPDATE goods SET stock = stock + ? WHERE id = ?",
                     [(-q, goods[code][0]) for code, q in CART])
    conn.execute("INSERT INTO print_job (tx_seq, copy, status, attempts, last_error, requested_by, "
                 "created_at, printed_at) VALUES (?, 0, 'pending', 0, '', ?, ?, NULL)",
                 (seq, username, _stamp(at)))
    conn.execute("COMMIT")
    return seq


def compare_redemptions(folder: Path, rounds: int) -> dict:
    ours_db, admin, numbers = build_shop(folder / "ours-redeem.db")
    raw_db, raw_admin, raw_numbers = build_shop(folder / "raw-redeem.db")
    raw_db.dispose()
    assert numbers == raw_numbers
    raw = raw_connection(folder / "raw-redeem.db")
    items = [redemption.CartItem(code, quantity) for code, quantity in CART]
    ours_times, raw_times = [], []
    for n in range(rounds):
        number = numbers[n % len(numbers)]
        start = time.perf_counter()
        redemption.redeem(ours_db, admin, number, items)
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        raw_redeem(raw, raw_admin.id, number)
        raw_times.append(time.perf_counter() - start)
    raw.close()
    for path in ("ours-redeem.db", "raw-redeem.db"):
        check = open_database(f"sqlite:///{folder / path}")
        with check.read() as s:
            assert ledger.verify(s).ok and ledger.head(s)[0] > rounds, path
        check.dispose()
    ours_db.dispose()
    ours, base = statistics.median(ours_times), statistics.median(raw_times)
    return {"ours_ms": ours * 1000, "raw_ms": base * 1000, "ratio": ours / base, "rounds": rounds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="folder for the database files (a real disk)")
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    # Setting up logins is not what is measured: a quick hash for the bench's own user.
    users._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        folder = Path(folder)
        whole = compare_redemptions(folder, args.rounds)
        single = ledger_bench.compare_appends(
            folder, [Leg("village:issue", -5), Leg("household:1", 5)], args.rounds, "single")
    print(f"whole redemption (2 goods): ours {whole['ours_ms']:.2f} ms, raw sqlite3 "
          f"{whole['raw_ms']:.2f} ms, ratio {whole['ratio']:.2f}x")
    print(f"durable append, 1 tx of 2 postings: ours {single['ours_ms']:.2f} ms, "
          f"raw sqlite3 {single['raw_ms']:.2f} ms, ratio {single['ratio']:.2f}x (aim <= 1.5x)")
    print(json.dumps({"redemption": whole, "single": single}))


if __name__ == "__main__":
    main()
