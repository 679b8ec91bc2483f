"""A separate counter process for the race tests: logs in, waits for "go" on its
standard input, then repeats one shop operation and prints each outcome.

    python shop_worker.py URL redeem CARD GOODS_CODE COUNT
    python shop_worker.py URL award HOUSEHOLD_ID COUNT
    python shop_worker.py URL replace HOUSEHOLD_ID COUNT
    python shop_worker.py URL award_by RULE COUNT HOUSEHOLD_ID...
    python shop_worker.py URL claim_by RULE COUNT HOUSEHOLD_ID...

Each attempt prints one line: "ok SEQ" or "refused KEY".
"""

import sys

from argon2 import PasswordHasher

from pos import awards, cards, claims, households, redemption, users
from pos.store.database import open_database
from pos.errors import ShopError

# The same cheap argon2 parameters the test village's passwords were hashed with.
users._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def main() -> int:
    url, mode = sys.argv[1], sys.argv[2]
    db = open_database(url, create=False)
    me = users.login(db, "wangfang", "counter-1")
    print("ready", flush=True)
    sys.stdin.readline()
    if mode == "redeem":
        card, code, count = sys.argv[3], sys.argv[4], int(sys.argv[5])
        attempt = lambda: redemption.redeem(db, me, card, [redemption.CartItem(code, 1)]).seq
    elif mode == "award":
        household, count = int(sys.argv[3]), int(sys.argv[4])
        attempt = lambda: awards.award(db, me, household, "L01", note="修村道").seq
    elif mode == "replace":
        household, count = int(sys.argv[3]), int(sys.argv[4])

        def attempt():
            number = households.get(db, me, household).card_number
            return cards.replace(db, me, number, "卡片丢失").seq
    elif mode in ("award_by", "claim_by"):
        rule, count, homes = sys.argv[3], int(sys.argv[4]), [int(h) for h in sys.argv[5:]]
        if mode == "award_by":
            attempt = lambda: awards.batch_award(db, me, homes, rule, note="修村道").seq
        else:
            attempt = lambda: claims.enter(db, me, homes, rule, declared_by="组长")[0].id
    else:
        raise SystemExit(f"unknown mode {mode}")
    for _ in range(count):
        try:
            print("ok", attempt(), flush=True)
        except ShopError as refused:
            print("refused", refused.key, flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
