"""The same code on a real PostgreSQL server, as a county server would run it."""

import threading

import pytest
from sqlalchemy import text

import ledger
from ledger import Leg
from pos import households, redemption, reversal
from pos.store.database import open_database
from pos.redemption import CartItem

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_db(pg_url):
    db = open_database(pg_url)
    yield db
    db.dispose()


def accounts(db):
    with db.write() as s:
        ledger.open_account(s, "village:issue", "发放", may_go_negative=True)
        for n in range(3):
            ledger.open_account(s, f"household:{n}", f"户 {n}")


def test_the_ledger_posts_reverses_and_verifies_on_postgresql(pg_db):
    accounts(pg_db)
    with pg_db.write() as s:
        first = ledger.post(s, kind="card_issue", operator="admin",
                            legs=[Leg("village:issue", -100), Leg("household:0", 100)],
                            attrs={"head": "张三"})
    with pytest.raises(ledger.InsufficientBalance):
        with pg_db.write() as s:
            ledger.post(s, kind="redemption", operator="admin",
                        legs=[Leg("household:0", -101), Leg("village:issue", 101)])
    with pg_db.write() as s:
        ledger.reverse(s, first.seq, operator="admin", reason="发错", approver="lishuji")
    with pg_db.read() as s:
        report = ledger.verify(s, anchor=first.hash)
        stored = ledger.transaction(s, first.seq)
    assert report.ok and report.transactions == 3 and report.anchor_seq == first.seq
    assert stored.hash == first.hash and stored.at == first.at, "times survive the round trip exactly"


def test_postgresql_itself_refuses_changes_to_history(pg_db):
    accounts(pg_db)
    with pg_db.write() as s:
        ledger.post(s, kind="award", operator="admin", legs=[Leg("village:issue", -5), Leg("household:1", 5)])
    for statement in ("UPDATE ledger_transaction SET memo = 'x'", "DELETE FROM ledger_posting"):
        with pytest.raises(Exception, match="append-only"):
            with pg_db.engine.begin() as conn:
                conn.execute(text(statement))


def test_concurrent_appends_queue_on_the_head_row(pg_db):
    accounts(pg_db)
    errors = []

    def counter(n):
        try:
            for _ in range(40):
                with pg_db.write() as s:
                    ledger.post(s, kind="award", operator=f"counter-{n}",
                                legs=[Leg("village:issue", -1), Leg(f"household:{n}", 1)])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=counter, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with pg_db.read() as s:
        report = ledger.verify(s)
    assert report.ok and report.transactions == 121


def test_a_village_day_on_postgresql(pg_db, monkeypatch):
    from argon2 import PasswordHasher

    from pos import users
    from tests.pos.conftest import Village

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    shop = Village(pg_db)
    sale = redemption.redeem(pg_db, shop.admin, shop.card("张三"), [CartItem(shop.rice.code, 2)])
    reversal.reverse(pg_db, shop.admin, sale.seq, "退货", shop.approval)
    assert shop.balance("张三") == 100 and shop.stock(shop.rice) == 10
    assert [h.head_name for h in households.search(pg_db, shop.admin, "zs")] == ["张三"]
    with pg_db.read() as s:
        assert ledger.verify(s).ok
