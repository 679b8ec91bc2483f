"""Small villages for the county's tests, built with the shop's own services.

Each is the demo builder's village (``pos.demo``) with another name, seed and a
handful of households, from 1 January 2025: January and February closed as
they end, then March finished here (an outlier village gets extra labour
awards on purpose) and closed on 1 April. The templates are built once per
session; each test gets copies.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from pos import awards, demo, households, users
from pos.month import closure
from pos.store.database import open_database

PASSWORD = demo.PASSWORD
START = date(2025, 1, 1)
HOUSEHOLDS = 16
# name -> seed; 高家村 claims far more labour than the others
CLEAN = {"东岭村": 11, "西沟村": 12, "南坪村": 13, "北塬村": 14}
OUTLIER = "高家村"
SEEDS = {**CLEAN, OUTLIER: 15}


def at(year: int, month: int, day: int, hour: int = 9) -> demo.Clock:
    return demo.Clock(datetime(year, month, day, hour, tzinfo=demo.BEIJING))


def build(path: Path, name: str, seed: int, *, extra_labour: int = 0) -> Path:
    db = open_database(f"sqlite:///{path}")
    try:
        demo.build(db, START, seed=seed, village_name=name, households=HOUSEHOLDS, days=90,
                   close_months=True)
        db.clock = at(2025, 3, 31, 15)
        admin = users.login(db, "wangfang", PASSWORD)
        everyone = [h.id for h in households.search(db, admin, limit=1000)]
        for _ in range(extra_labour):
            awards.batch_award(db, admin, everyone, "L02", note="修路（多报）")
        db.clock = at(2025, 4, 1, 8)
        closure.close(db, users.login(db, "lishuji", PASSWORD), "2025-03",
                      password=PASSWORD, confirm_recent=True)
    finally:
        db.dispose()
    return path


def copy(template: Path, folder: Path, name: str | None = None) -> str:
    """A copy of a template village; returns its database URL."""
    target = folder / (name or template.name)
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def secretary(db):
    return users.login(db, "lishuji", PASSWORD)


def admin(db):
    return users.login(db, "wangfang", PASSWORD)


REVIEWER = "liuping"


def on_claims_in_april(db) -> None:
    """April 2025 on claims, closed on 1 May: a new rule limited to once a week, claims
    entered, one rejected, one objected to and rejected, one posting credited after its
    seven days, and one claim still on a posting when the month ends."""
    from pos import claims, rules, service, village
    from pos.service import Approval
    from pos.vocabulary import Role

    db.clock = at(2025, 4, 2)
    clerk = admin(db)
    village.change(db, clerk, awards="claims")
    with service.transaction(db) as session:
        users.add_user(session, clerk, REVIEWER, "刘平", Role.REVIEWER, PASSWORD,
                       Approval("lishuji", PASSWORD))
    reviewer = users.login(db, REVIEWER, PASSWORD)
    rules.save(db, clerk, "C01", "公益劳动", "清扫村道", 5, 10, limit="1/week",
               approval=Approval("lishuji", PASSWORD))
    homes = [h.id for h in households.search(db, clerk, limit=1000)][:4]
    swept = claims.enter(db, clerk, homes, "C01", 8, date(2025, 4, 2), "村民小组长", "清扫村道")
    claims.review(db, reviewer, swept[0].id, accept=True)
    claims.review(db, reviewer, swept[1].id, accept=True, points=6)
    claims.review(db, reviewer, swept[2].id, accept=False, reason="未到场")
    claims.review(db, reviewer, swept[3].id, accept=True)
    db.clock = at(2025, 4, 3)
    first = claims.post(db, clerk, notice_days=7)
    db.clock = at(2025, 4, 5)
    claims.object_to(db, clerk, swept[3].id, "邻居", "那天他在县城")
    claims.review(db, reviewer, swept[3].id, accept=False, reason="经核实未参加")
    db.clock = at(2025, 4, 10)
    claims.credit(db, clerk, first.id)
    db.clock = at(2025, 4, 25)
    late = claims.enter(db, clerk, homes[:1], "C01", 10, date(2025, 4, 25), "本人", "清扫村道")
    claims.review(db, reviewer, late[0].id, accept=True)
    db.clock = at(2025, 4, 28)
    claims.post(db, clerk, notice_days=7)
    db.clock = at(2025, 5, 1, 8)
    closure.close(db, secretary(db), "2025-04", password=PASSWORD, confirm_recent=True)
