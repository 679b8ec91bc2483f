"""Two counter processes racing, on SQLite and on the real PostgreSQL server.

Each process is a real ``python`` process using the shop's services, as two
counter PCs on one database would. What must hold whatever the timing: no
goods sold that were not on the shelf, stock equal to the sum of its
movements, no card below zero, no points landing on a blocked card, and
nothing refused that should have gone through.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

import ledger
from pos import cards, claims, goods, households, proof, rules, stock, village
from pos.store.database import open_database
from pos.store.tables import Card, Goods, StockMovement

WORKER = str(Path(__file__).with_name("shop_worker.py"))

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="POSIX processes")]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request, db_dir):
    if request.param == "sqlite":
        return f"sqlite:///{db_dir / 'races.db'}"
    return request.getfixturevalue("pg_url")


def set_up(url, base_points=100):
    db = open_database(url)
    admin = village.initialise(db, name="阿道村", groups=["啊道"], admin_username="wangfang",
                               admin_name="王芳", admin_password="counter-1", base_points=base_points)
    return db, admin


def race(url, *jobs):
    """Start one worker per job, let them all go at once, return each one's outcome lines."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    workers = [subprocess.Popen([sys.executable, WORKER, url, *map(str, job)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
               for job in jobs]
    for worker in workers:
        assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err
        results.append([line.split() for line in out.splitlines()])
    return results


def stock_agrees(db):
    with db.read() as s:
        kept = dict(s.execute(select(Goods.id, Goods.stock)).all())
        moved = dict(s.execute(select(StockMovement.goods_id, func.sum(StockMovement.quantity))
                               .group_by(StockMovement.goods_id)).all())
    return all(kept[g] == moved.get(g, 0) for g in kept)


def proven(db):
    with db.read() as s:
        report = proof.verify(s)
    return report.findings


def test_two_counters_racing_for_the_last_ten_items_sell_exactly_ten(url):
    db, admin = set_up(url, base_points=1000)
    homes = [households.add(db, admin, name, "啊道", 3) for name in ("张三", "李四")]
    numbers = [cards.issue(db, admin, h.id).number for h in homes]
    soap = goods.add(db, admin, "洗衣粉", "洗化区", 4, 1200, "袋")
    stock.intake(db, admin, [stock.IntakeLine(soap.code, 10)], source="donation", donor="县妇联",
                 donor_type="other")

    first, second = race(url, ("redeem", numbers[0], soap.code, 12), ("redeem", numbers[1], soap.code, 12))

    sold = [o for o in first + second if o[0] == "ok"]
    refused = {o[1] for o in first + second if o[0] == "refused"}
    assert len(sold) == 10, f"sold {len(sold)} of the last 10"
    assert refused == {"stock_short"}
    assert goods.get(db, admin, soap.code).stock == 0
    assert stock_agrees(db)
    assert proven(db) == ()
    db.dispose()


def test_two_counters_racing_for_one_cards_last_points_never_overdraw_it(url):
    db, admin = set_up(url, base_points=30)
    home = households.add(db, admin, "张三", "啊道", 3)
    number = cards.issue(db, admin, home.id).number
    salt = goods.add(db, admin, "食盐 400g", "粮油区", 1, 250, "袋")
    stock.intake(db, admin, [stock.IntakeLine(salt.code, 100)], source="purchase", funding="村集体")

    first, second = race(url, ("redeem", number, salt.code, 20), ("redeem", number, salt.code, 20))

    outcomes = first + second
    assert sum(o[0] == "ok" for o in outcomes) == 30, "every point that was there was spent"
    assert {o[1] for o in outcomes if o[0] == "refused"} == {"insufficient"}
    assert cards.balance(db, admin, number).balance == 0
    assert goods.get(db, admin, salt.code).stock == 70 and stock_agrees(db)
    assert proven(db) == ()
    db.dispose()


def test_awards_racing_a_lost_card_replacement_all_land_on_the_usable_card(url):
    db, admin = set_up(url)
    home = households.add(db, admin, "张三", "啊道", 3)
    cards.issue(db, admin, home.id)

    awarded, replaced = race(url, ("award", home.id, 40), ("replace", home.id, 8))

    assert all(o[0] == "ok" for o in awarded), "no award refused: the household always had a card"
    assert all(o[0] == "ok" for o in replaced)
    with db.read() as s:
        blocked = s.scalars(select(Card.number).where(Card.status == "blocked")).all()
        left_on_blocked = {n: ledger.account_balance(s, cards.account(n)) for n in blocked}
    assert len(blocked) == 8
    assert set(left_on_blocked.values()) == {0}, f"points on blocked cards: {left_on_blocked}"
    assert households.get(db, admin, home.id).balance == 100 + 40 * 5
    assert proven(db) == ()
    db.dispose()


def test_two_counters_awarding_a_limited_rule_to_one_household_give_it_exactly_the_limit(url):
    db, admin = set_up(url)
    home = households.add(db, admin, "张三", "啊道", 3)
    cards.issue(db, admin, home.id)
    rules.save(db, admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 5, limit="3/week")

    first, second = race(url, ("award_by", "L01", 6, home.id), ("award_by", "L01", 6, home.id))

    outcomes = first + second
    assert sum(o[0] == "ok" for o in outcomes) == 3, "the limit is 3 a week, whoever asked"
    assert {o[1] for o in outcomes if o[0] == "refused"} == {"rule_limit_reached"}
    assert households.get(db, admin, home.id).balance == 100 + 3 * 5
    assert proven(db) == ()
    db.dispose()


def test_two_counters_entering_batches_past_a_rules_cap_per_event_credit_only_the_cap(url):
    db, admin = set_up(url)
    homes = [households.add(db, admin, name, "啊道", 3).id for name in ("张三", "李四", "王五", "赵六")]
    for home in homes:
        cards.issue(db, admin, home)
    rules.save(db, admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 5, cap_per_event=3)

    first, second = race(url, ("award_by", "L01", 1, *homes[:2]), ("award_by", "L01", 1, *homes[2:]))

    assert sorted(o[0] for o in first + second) == ["ok", "refused"], "two households each: one batch fits"
    assert {o[1] for o in first + second if o[0] == "refused"} == {"rule_cap_reached"}
    assert sum(households.get(db, admin, h).balance for h in homes) == 4 * 100 + 2 * 5
    assert proven(db) == ()
    db.dispose()


def test_two_counters_entering_claims_by_a_limited_rule_enter_exactly_the_limit(url):
    db, admin = set_up(url)
    home = households.add(db, admin, "张三", "啊道", 3)
    cards.issue(db, admin, home.id)
    rules.save(db, admin, "L01", "公益劳动", "参加村组公益劳动（每次）", 5, limit="2/month")
    village.change(db, admin, awards="claims")

    first, second = race(url, ("claim_by", "L01", 4, home.id), ("claim_by", "L01", 4, home.id))

    outcomes = first + second
    assert sum(o[0] == "ok" for o in outcomes) == 2
    assert {o[1] for o in outcomes if o[0] == "refused"} == {"rule_limit_reached"}
    assert len(claims.list_claims(db, admin, household_id=home.id)) == 2
    assert proven(db) == ()
    db.dispose()
