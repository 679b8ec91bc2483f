"""Every service checks its caller itself; logins slow down and then lock."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from pos import awards, cards, goods, households, hygiene, redemption, reversal, rules, service, stock, users, village
from pos.errors import PermissionDenied, ShopError
from pos.periods import LOCAL
from pos.redemption import CartItem
from pos.store.tables import LoginAttempt, User
from pos.service import Actor
from pos.vocabulary import Role
from tests.pos.conftest import PASSWORD, SUPERVISOR_PASSWORD


def counter_calls(shop):
    home = shop.homes["张三"].id
    return {
        "redeem": lambda a: redemption.redeem(shop.db, a, shop.card("张三"), [CartItem(shop.soap.code)]),
        "award": lambda a: awards.award(shop.db, a, home, "L01"),
        "deduct": lambda a: awards.deduct(shop.db, a, home, "D01"),
        "hygiene": lambda a: hygiene.record(shop.db, a, datetime.now(LOCAL).date(), "x", {home: {"W01": True}}),
        "add goods": lambda a: goods.add(shop.db, a, "毛巾", "日用品区", 3, 900, "条"),
        "stock in": lambda a: stock.intake(shop.db, a, [stock.IntakeLine(shop.soap.code, 1)],
                                           source="purchase", funding="村集体"),
        "add household": lambda a: households.add(shop.db, a, "孙七", "啊道", 2),
        "issue card": lambda a: cards.issue(shop.db, a, home),
        "replace card": lambda a: cards.replace(shop.db, a, shop.card("张三")),
        "change rule": lambda a: rules.save(shop.db, a, "L01", "公益劳动", "x", 5),
        "settings": lambda a: village.change(shop.db, a, base_points=50),
    }




def test_a_supervisor_cannot_work_the_counter(shop):
    for name, call in counter_calls(shop).items():
        with pytest.raises(PermissionDenied) as refused:
            call(shop.secretary)
        assert refused.value.key == "wrong_role", name
        assert "管理员" in str(refused.value)
    assert shop.balance("张三") == 100


def test_a_forged_actor_is_refused(shop):
    forged = Actor(shop.secretary.id, shop.secretary.username, "x", Role.ADMIN)
    with pytest.raises(PermissionDenied):
        redemption.redeem(shop.db, forged, shop.card("张三"), [CartItem(shop.soap.code)])
    stranger = Actor(999, "nobody", "x", Role.ADMIN)
    with pytest.raises(PermissionDenied) as refused:
        awards.award(shop.db, stranger, shop.homes["张三"].id, "L01")
    assert refused.value.key == "not_logged_in"


def test_only_an_administrator_adds_users(shop):
    with pytest.raises(PermissionDenied):
        with service.transaction(shop.db) as s:
            users.add_user(s, shop.secretary, "x", "x", Role.ADMIN, "long-enough")


def test_login_with_the_right_password(shop):
    actor = users.login(shop.db, "wangfang", PASSWORD)
    assert actor == shop.admin


def test_failed_logins_slow_down_then_lock_and_are_recorded(shop):
    moment = [datetime(2026, 3, 1, 9, tzinfo=UTC)]
    shop.db.clock = lambda: moment[0]
    outcomes = []
    for _ in range(3):
        with pytest.raises(ShopError) as refused:
            users.login(shop.db, "zhaoming", "wrong")
        outcomes.append(refused.value.outcome)
    with pytest.raises(ShopError) as refused:
        users.login(shop.db, "zhaoming", PASSWORD)  # even the right password must wait
    assert outcomes == ["wrong"] * 3 and refused.value.outcome == "waiting"
    for _ in range(5):
        moment[0] += timedelta(minutes=10)
        with pytest.raises(ShopError):
            users.login(shop.db, "zhaoming", "wrong")
    moment[0] += timedelta(hours=1)
    with pytest.raises(ShopError) as refused:
        users.login(shop.db, "zhaoming", PASSWORD)
    assert refused.value.outcome == "locked"
    users.unlock(shop.db, shop.secretary, "zhaoming")
    assert users.login(shop.db, "zhaoming", PASSWORD).username == "zhaoming"
    with shop.db.read() as s:
        outcomes = s.scalars(select(LoginAttempt.outcome).where(LoginAttempt.username == "zhaoming")
                             .order_by(LoginAttempt.id)).all()
    assert outcomes[:4] == ["wrong", "wrong", "wrong", "waiting"] and outcomes[-2:] == ["locked", "ok"]


def test_a_wrong_approval_password_counts_as_a_failed_login(shop):
    sale = redemption.redeem(shop.db, shop.admin, shop.card("李四"), [CartItem(shop.soap.code)])
    for _ in range(3):
        with pytest.raises(ShopError):
            reversal.reverse(shop.db, shop.admin, sale.seq, "退货", service.Approval("lishuji", "guess"))
    with pytest.raises(ShopError) as refused:
        reversal.reverse(shop.db, shop.admin, sale.seq, "退货", shop.approval)
    assert refused.value.outcome == "waiting"
    assert shop.balance("李四") == 96


def test_passwords_are_stored_as_argon2id(shop):
    from pos.store.tables import User

    with shop.db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "lishuji"))
    assert stored.startswith("$argon2id$") and SUPERVISOR_PASSWORD not in stored


def test_a_real_name_and_an_unknown_one_are_answered_alike(shop):
    """Three misses, then a fourth try: a user waiting, a locked user and a name that is no
    user's all get the same words, so the answer does not tell which names are users."""
    told = {}
    for name in ("zhaoming", "nobody-here"):
        for _ in range(3):
            with pytest.raises(ShopError):
                users.login(shop.db, name, "wrong")
        with pytest.raises(ShopError) as refused:
            users.login(shop.db, name, "wrong")
        told[name] = (refused.value.key, refused.value.message("zh"), refused.value.message("en"))
    assert told["zhaoming"] == told["nobody-here"]
    with shop.db.write() as s:
        s.execute(update(User).where(User.username == "zhaoming").values(locked=True))
    with pytest.raises(ShopError) as refused:
        users.login(shop.db, "zhaoming", PASSWORD)
    assert (refused.value.key, str(refused.value)) == told["nobody-here"][:2]
