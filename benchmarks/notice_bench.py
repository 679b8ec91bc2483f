"""The monthly notice of a village with ten years of history against one with a single month.

    python benchmarks/notice_bench.py [--years 10] [--households 80]

Both villages have the same households and the same kind of month: a labour
day for everyone, a hygiene round, a delivery, a dozen redemptions and a
deduction. The ten-year village has every month closed in order. Timed: the
notice of the last month (read the closure, build the data, write the A4 PDF),
the median of five runs in each village. Aim: the ratio stays at or below
1.2x, i.e. the notice does not grow with the village's history.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argon2 import PasswordHasher  # noqa: E402

from pos import awards, cards, closure, goods, households, hygiene, notice, redemption, stock, users  # noqa: E402
from pos import village as village_service  # noqa: E402
from pos.database import open_database  # noqa: E402
from pos.demo import Clock  # noqa: E402
from pos.periods import LOCAL, Month  # noqa: E402
from pos.rules import HYGIENE_ITEMS  # noqa: E402

PASSWORD = "bench-123"
GROUPS = ("啊道", "富庄", "杜河沟")


def build(url: str, months: int, household_count: int, last: Month):
    users._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    first = last
    for _ in range(months - 1):
        first = first.previous()
    clock = Clock(first.start + timedelta(hours=8))
    db = open_database(url)
    db.clock = clock
    admin = village_service.initialise(db, name="阿道村", groups=list(GROUPS), admin_username="wangfang",
                                       admin_name="王芳", admin_password=PASSWORD)
    with users.transaction(db) as session:
        secretary = users.add_user(session, admin, "lishuji", "李书记", users.Role.SUPERVISOR, PASSWORD)
    rows = "户主,村民小组,人口\n" + "\n".join(
        f"村民{n:03d},{GROUPS[n % 3]},4" for n in range(household_count))
    homes = [h.id for h in households.import_csv(db, admin, rows.encode())]
    cards.issue_missing(db, admin)
    shelf = [goods.add(db, admin, name, zone, points, value, unit) for name, zone, points, value, unit in (
        ("大米 10kg", "粮油区", 20, 5500, "袋"), ("洗衣粉", "洗化区", 4, 1200, "袋"),
        ("毛巾", "日用品区", 3, 900, "条"), ("电水壶", "家用电器区", 20, 6000, "台"))]
    approval = users.Approval("lishuji", PASSWORD)
    month = first
    for _ in range(months):
        rng = random.Random(7)  # every month alike, so the last month is the same in both villages
        clock.now = month.start + timedelta(hours=9)
        stock.intake(db, admin, [stock.IntakeLine(g.code, 30) for g in shelf], source="donation",
                     donor="宜川县鑫源商贸有限公司", donor_type="company", received_on=month.first_day)
        clock.now = month.start + timedelta(days=7, hours=8)
        awards.batch_award(db, admin, homes, "L01", note="修村道", deed_date=(month.start + timedelta(days=7)).date())
        clock.now = month.start + timedelta(days=14, hours=10)
        hygiene.record(db, admin, (month.start + timedelta(days=14)).date(), "李书记",
                       {h: {item: rng.random() < 0.8 for item in HYGIENE_ITEMS} for h in homes})
        clock.now = month.start + timedelta(days=20, hours=9)
        for household in rng.sample(homes, 12):
            card = households.get(db, admin, household).card_number
            redemption.redeem(db, admin, card, [redemption.CartItem(rng.choice(shelf).code, 1)], approval)
        awards.deduct(db, admin, rng.choice(homes), "D01", deed_date=(month.start + timedelta(days=20)).date())
        month = month.next()
    month = first
    for _ in range(months):
        clock.now = month.end + timedelta(hours=10)
        closure.close(db, secretary, str(month))
        month = month.next()
    return db, secretary


def time_notice(db, actor, month: Month, folder: Path, runs: int = 5) -> tuple[float, int]:
    times, pages = [], 0
    for n in range(runs):
        started = time.perf_counter()
        _, pages = notice.write_pdf(db, actor, str(month), folder / f"notice-{n}.pdf")
        times.append(time.perf_counter() - started)
    return statistics.median(times), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--households", type=int, default=80)
    args = parser.parse_args()
    last = Month(2026, 10)
    folder = Path(tempfile.mkdtemp(prefix="aixin-notice-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    os.environ.setdefault("AIXIN_HOME", str(folder / "home"))
    results = {}
    for label, months in (("one month", 1), (f"{args.years} years", args.years * 12)):
        started = time.perf_counter()
        db, secretary = build(f"sqlite:///{folder / f'{months}.db'}", months, args.households, last)
        built = time.perf_counter() - started
        with db.read() as session:
            from ledger import head

            transactions, _ = head(session)
        seconds, pages = time_notice(db, secretary, last, folder)
        results[label] = seconds
        print(f"{label:>10}: {transactions:6d} transactions, {months:3d} closures (built in {built:5.1f} s); "
              f"notice {pages} pages in {seconds * 1000:7.1f} ms (median of 5)")
        db.dispose()
    ratio = results[f"{args.years} years"] / results["one month"]
    print(f"ratio {args.years} years / one month: {ratio:.2f}x (aim <= 1.2x)")


if __name__ == "__main__":
    main()
