"""A database with a county's history: many households and a million or more transactions.

    python benchmarks/county.py PATH.db --transactions 1000000 [--households 5000]

Built with the shop's own services (village, households, cards) and the
ledger's own ``post`` for the history (awards and spending in turn, so no
card goes below zero), in batches of one transaction each. Reused if the
file already holds at least that many transactions.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import ledger  # noqa: E402
from ledger import Leg  # noqa: E402
from pos import cards, goods, households, stock, users, village  # noqa: E402
from pos.store.database import open_database  # noqa: E402
from pos.vocabulary import ISSUE, REDEEMED  # noqa: E402

PASSWORD = "county-1"
BATCH = 2000


def build(path: Path, transactions: int, households_count: int = 5000, seed: int = 7) -> dict:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.read() as session:
            have, _ = ledger.head(session)
        if have >= transactions:
            return {"transactions": have, "built": False, "seconds": 0.0}
        started = time.perf_counter()
        rng = random.Random(seed)
        if have == 0:
            admin = village.initialise(db, name="县城", groups=[f"{n}组" for n in range(1, 31)],
                                       admin_username="county", admin_name="县管理员", admin_password=PASSWORD)
            rows = ["户主,小组,人口"] + [f"户{n:05d},{rng.randrange(1, 31)}组,{rng.randrange(1, 8)}"
                                         for n in range(households_count)]
            households.import_csv(db, admin, ("\n".join(rows) + "\n").encode("utf-8"))
            cards.issue_missing(db, admin)
            shelf = [goods.add(db, admin, f"商品{n:02d}", goods.ZONES[n % 6], 1 + n % 20, 300 * (1 + n % 20), "件")
                     for n in range(60)]
            stock.intake(db, admin, [stock.IntakeLine(g.code, 100_000) for g in shelf],
                         source="donation", donor="县慈善会", donor_type="company")
        admin = users.login(db, "county", PASSWORD)
        numbers = [h.card_number for h in households.search(db, admin, limit=1_000_000) if h.card_number]
        with db.read() as session:
            have, _ = ledger.head(session)
        while have < transactions:
            with db.write() as session:
                for _ in range(min(BATCH, transactions - have)):
                    account = cards.account(rng.choice(numbers))
                    if rng.random() < 0.5:
                        ledger.post(session, kind="award", operator="county", memo="公益劳动",
                                    legs=[Leg(ISSUE, -5), Leg(account, 5)])
                    else:
                        ledger.post(session, kind="redemption", operator="county", memo="兑换",
                                    legs=[Leg(account, -1), Leg(REDEEMED, 1)])
                    have += 1
            print(f"\r{have:,} transactions", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        return {"transactions": have, "built": True, "seconds": round(time.perf_counter() - started, 1)}
    finally:
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--transactions", type=int, default=1_000_000)
    parser.add_argument("--households", type=int, default=5000)
    args = parser.parse_args()
    print(build(args.path, args.transactions, args.households))
    return 0


if __name__ == "__main__":
    sys.exit(main())
