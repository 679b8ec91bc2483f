"""The monthly notice of a village with ten years of history against one with a single month.

    python benchmarks/notice_bench.py [--years 10] [--households 80]

Both villages have the same households and the same kind of month: a labour
day for everyone, a hygiene round, a delivery, a dozen redemptions and a
deduction. The ten-year village has every month closed in order. Timed: the
notice of the last month (read the closure, build the data, write the A4 PDF),
the median of seven runs in each village after one warm-up, taken in turns. Aim: the ratio stays at or below
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
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argon2 import PasswordHasher  # noqa: E402

from pos import service
from pos import awards, cards, goods, households, hygiene, redemption, stock, users  # noqa: E402
from pos.month import closure
from pos.month import notice
from pos import village as village_service  # noqa: E402
from pos.store.database import open_database  # noqa: E402
from pos.demo import Clock  # noqa: E402
from pos.periods import Month  # noqa: E402
from pos.rules import HYGIENE_ITEMS  # noqa: E402
from ledger import head  # noqa: E402

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
    with service.transaction(db) as session:
        secretary = users.add_user(session, admin, "lishuji", "李书记", service.Role.SUPERVISOR, PASSWORD)
    rows = "户主,村民小组,人口\n" + "\n".join(
        f"村民{n:03d},{GROUPS[n % 3]},4" for n in range(household_count))
    homes = [h.id for h in households.import_csv(db, admin, rows.encode())]
    cards.issue_missing(db, admin)
    shelf = [goods.add(db, admin, name, zone, points, value, unit) for name, zone, points, value, unit in (
        ("大米 10kg", "粮油区", 20, 5500, "袋"), ("洗衣粉", "洗化区", 4, 1200, "袋"),
        ("毛巾", "日用品区", 3, 900, "条"), ("电水壶", "家用电器区", 20, 6000, "台"))]
    approval = service.Approval("lishuji", PASSWORD)
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
            view = households.get(db, admin, household)
            item = rng.choice(shelf)
            if item.price_points <= view.balance:
                redemption.redeem(db, admin, view.card_number, [redemption.CartItem(item.code, 1)], approval)
        fined = rng.choice(homes)
        if households.get(db, admin, fined).balance >= 5:
            awards.deduct(db, admin, fined, "D01", deed_date=(month.start + timedelta(days=20)).date())
        month = month.next()
    month = first
    for _ in range(months):
        clock.now = month.end + timedelta(hours=10)
        closure.close(db, secretary, str(month), password=PASSWORD, confirm_recent=True)
        month = month.next()
    return db, secretary


def time_notices(villages, month: Month, folder: Path, runs: int = 7) -> dict[str, tuple[float, int]]:
    """Median seconds and pages of each village's notice: one warm-up each (fonts, imports),
    then the villages in turn, so a busy moment of the machine falls on both alike."""
    times: dict[str, list[float]] = {label: [] for label in villages}
    pages = {}
    for db, actor in villages.values():
        notice.write_pdf(db, actor, str(month), folder / "warm-up.pdf")
    for n in range(runs):
        for label, (db, actor) in villages.items():
            started = time.perf_counter()
            _, pages[label] = notice.write_pdf(db, actor, str(month), folder / f"notice-{n}.pdf")
            times[label].append(time.perf_counter() - started)
    return {label: (statistics.median(times[label]), pages[label]) for label in villages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--households", type=int, default=80)
    args = parser.parse_args()
    last = Month(2026, 10)
    folder = Path(tempfile.mkdtemp(prefix="aixin-notice-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    os.environ.setdefault("AIXIN_HOME", str(folder / "home"))
    villages, facts = {}, {}
    for label, months in (("one month", 1), (f"{args.years} years", args.years * 12)):
        started = time.perf_counter()
        db, secretary = build(f"sqlite:///{folder / f'{months}.db'}", months, args.households, last)
        built = time.perf_counter() - started
        with db.read() as session:
            transactions, _ = head(session)
        villages[label] = (db, secretary)
        facts[label] = (transactions, months, built)
    results = time_notices(villages, last, folder)
    for label, (seconds, pages) in results.items():
        transactions, months, built = facts[label]
        print(f"{label:>10}: {transactions:6d} transactions, {months:3d} closures (built in {built:5.1f} s); "
              f"notice {pages} pages in {seconds * 1000:7.1f} ms (median of 7)")
    ratio = results[f"{args.years} years"][0] / results["one month"][0]
    print(f"ratio {args.years} years / one month: {ratio:.2f}x (aim <= 1.2x)")
    for db, _ in villages.values():
        db.dispose()


if __name__ == "__main__":
    main()
