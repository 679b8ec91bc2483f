"""The wish wall and the echo wall: a villager's wish from the counter to the echo."""

import json
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from ledger.errors import AppendOnlyViolation
from pos import goods, stock, wishes
from pos.errors import PermissionDenied, ShopError
from pos.periods import LOCAL
from pos.store.tables import WishEvent
from tests.pos.conftest import SUPERVISOR_PASSWORD, Village

CLAIMER = str(Path(__file__).with_name("wish_claimer.py"))


def today() -> date:
    """The village's date (Beijing), as the shop dates what it writes: the machine's own date
    is the day before from 16:00 UTC."""
    return datetime.now(LOCAL).date()


def write(shop, head="张三", text="孙女明年上初中，想要一个新书包。", **kwargs):
    kwargs.setdefault("category", "学习用品")
    return wishes.add(shop.db, shop.admin, shop.homes[head].id, text, **kwargs)


def refusal(call, *args, **kwargs) -> ShopError:
    with pytest.raises(ShopError) as refused:
        call(*args, **kwargs)
    return refused.value


def test_a_wish_goes_from_the_wall_to_the_echo(shop):
    written = write(shop, member="孙女 张小花", value_fen=12000, written_on=today() - timedelta(days=20))
    assert (written.status, written.head_name, written.public_name) == ("open", "张三", "张*")
    assert [w.id for w in wishes.wishes(shop.db, shop.admin, "open")] == [written.id]

    claimed = wishes.claim(shop.db, shop.secretary, written.id, "宜川县鑫源商贸有限公司", "company",
                           "刘经理 13800000000")
    assert claimed.status == "claimed" and claimed.claimed_by == "lishuji"
    delivered = wishes.deliver(shop.db, shop.secretary, written.id, "李书记", "书包送到家里",
                               delivered_on=today())
    assert (delivered.status, delivered.handover, delivered.intake_id) == ("delivered", "household", None)
    thanked = wishes.thank(shop.db, shop.secretary, written.id, "谢谢鑫源商贸的叔叔阿姨，我会好好学习！")
    assert thanked.status == "thanked" and thanked.echo.startswith("谢谢")

    events = wishes.history(shop.db, shop.admin, written.id)
    assert [(e.kind, e.operator) for e in events] == [
        ("written", "wangfang"), ("claimed", "lishuji"), ("delivered", "lishuji"), ("thanked", "lishuji")]
    assert events[1].detail["donor"] == "宜川县鑫源商贸有限公司"
    assert wishes.wishes(shop.db, shop.admin, "open") == []

    echo = wishes.fulfilled_in_month(shop.db, shop.secretary, today().year, today().month)
    assert len(echo) == 1
    entry = echo[0]
    assert (entry.public_name, entry.donor, entry.donor_type, entry.value_fen) == (
        "张*", "宜川县鑫源商贸有限公司", "爱心企业", 12000)
    assert entry.echo == thanked.echo and "张三" not in repr(entry)
    last_month = today().replace(day=1) - timedelta(days=1)
    assert wishes.fulfilled_in_month(shop.db, shop.admin, last_month.year, last_month.month) == []


def test_a_claimed_wish_refuses_a_second_donor(shop):
    wish = write(shop, head="李四", text="老伴腿脚不好，想要一辆轮椅。", category="助老助残")
    wishes.claim(shop.db, shop.secretary, wish.id, "县民政局", "unit", "王科长 0911-1234567")
    refused = refusal(wishes.claim, shop.db, shop.other_secretary, wish.id, "张老板", "person", "13900000000")
    assert refused.key == "wish_taken"
    assert str(refused) == f"第 {wish.id} 号心愿已由 县民政局 认领，一个心愿只能由一位爱心人士认领。"
    after = wishes.get(shop.db, shop.admin, wish.id)
    assert (after.donor, after.donor_type, after.claimed_by) == ("县民政局", "unit", "lishuji")
    assert [e.kind for e in wishes.history(shop.db, shop.admin, wish.id)] == ["written", "claimed"]


def test_a_delivered_gift_taken_into_stock_appears_as_a_donation(shop):
    bag = goods.add(shop.db, shop.admin, "儿童书包", "日用品区", 30, 9000, "个")
    wish = write(shop, value_fen=15000)
    wishes.claim(shop.db, shop.secretary, wish.id, "爱心人士 刘芳", "person", "13700000000")
    delivered = wishes.deliver(shop.db, shop.secretary, wish.id, "赵明", "入库后由农户领取",
                               into_stock=stock.IntakeLine(bag.code, 1))
    assert delivered.handover == "stock" and delivered.intake_id is not None
    assert goods.get(shop.db, shop.admin, bag.code).stock == 1

    register = stock.donation_register(shop.db, shop.admin, today(), today())
    ours = [d for d in register if d.intake_id == delivered.intake_id]
    assert len(ours) == 1
    assert (ours[0].donor, ours[0].donor_type, ours[0].goods, ours[0].quantity, ours[0].value_fen) == (
        "爱心人士 刘芳", "person", "儿童书包", 1, 15000), "valued at the wish's estimate"
    echo = wishes.fulfilled_in_month(shop.db, shop.admin, today().year, today().month)
    assert [(e.wish_id, e.handover) for e in echo] == [(wish.id, "stock")]


def test_a_gift_from_a_unit_goes_into_the_register_as_other(shop):
    wish = write(shop, head="王五", text="想要一床厚棉被过冬。", category="衣物被褥")
    wishes.claim(shop.db, shop.secretary, wish.id, "县农业农村局", "unit", "办公室 0911-7654321")
    delivered = wishes.deliver(shop.db, shop.secretary, wish.id, "李书记",
                               into_stock=stock.IntakeLine(shop.soap.code, 2, 2400))
    entry = [d for d in stock.donation_register(shop.db, shop.admin) if d.intake_id == delivered.intake_id]
    assert [(d.donor, d.donor_type, d.value_fen) for d in entry] == [("县农业农村局", "other", 2400)]


def test_a_failed_intake_leaves_the_wish_claimed(shop):
    wish = write(shop)
    wishes.claim(shop.db, shop.secretary, wish.id, "鑫源商贸", "company", "13800000000")
    refused = refusal(wishes.deliver, shop.db, shop.secretary, wish.id, "李书记",
                      into_stock=stock.IntakeLine("NO-SUCH-1", 1))
    assert refused.key == "goods_unknown"
    assert wishes.get(shop.db, shop.admin, wish.id).status == "claimed"
    assert [e.kind for e in wishes.history(shop.db, shop.admin, wish.id)] == ["written", "claimed"]


def test_a_withdrawn_wish_stays_on_record_with_its_reason(shop):
    wish = write(shop, head="赵六", text="想要一台电视机。", category="家用电器")
    withdrawn = wishes.withdraw(shop.db, shop.secretary, wish.id, "家里已自行购买")
    assert (withdrawn.status, withdrawn.withdrawn_reason) == ("withdrawn", "家里已自行购买")
    refused = refusal(wishes.claim, shop.db, shop.secretary, wish.id, "鑫源商贸", "company", "138")
    assert refused.key == "wish_wrong_status" and "已撤回" in str(refused)
    assert [w.id for w in wishes.wishes(shop.db, shop.admin, "withdrawn")] == [wish.id]

    delivered = write(shop)
    wishes.claim(shop.db, shop.secretary, delivered.id, "鑫源商贸", "company", "138")
    wishes.deliver(shop.db, shop.secretary, delivered.id, "李书记")
    assert refusal(wishes.withdraw, shop.db, shop.secretary, delivered.id, "不要了").key == "wish_wrong_status"
    assert refusal(wishes.deliver, shop.db, shop.secretary, delivered.id, "李书记").key == "wish_wrong_status"
    assert refusal(wishes.thank, shop.db, shop.secretary, wish.id, "谢谢").key == "wish_wrong_status"
    assert refusal(wishes.claim, shop.db, shop.secretary, 999, "x", "company", "y").key == "wish_unknown"


def test_administrators_write_wishes_and_supervisors_match_them(shop):
    wish = write(shop)
    with pytest.raises(PermissionDenied):
        wishes.add(shop.db, shop.secretary, shop.homes["张三"].id, "想要台灯", "学习用品")
    for call, args in ((wishes.claim, ("鑫源", "company", "138")), (wishes.withdraw, ("不要了",))):
        with pytest.raises(PermissionDenied) as denied:
            call(shop.db, shop.clerk, wish.id, *args)
        assert denied.value.key == "wrong_role" and "监督员" in str(denied.value)
    wishes.claim(shop.db, shop.secretary, wish.id, "鑫源", "company", "138")
    with pytest.raises(PermissionDenied):
        wishes.deliver(shop.db, shop.admin, wish.id, "王芳")
    wishes.deliver(shop.db, shop.secretary, wish.id, "王芳")
    with pytest.raises(PermissionDenied):
        wishes.thank(shop.db, shop.admin, wish.id, "谢谢")


@pytest.mark.parametrize("field, value, key", [
    ("text", "想要\x07书包", "wish_text_control"),
    ("text", "想要\u202e书包", "wish_text_control"),
    ("text", "想要书包\n还有台灯", "wish_text_control"),
    ("text", "愿" * 101, "wish_text_long"),
    ("text", "   ", "wish_text_missing"),
    ("member", "孙" * 21, "wish_text_long"),
    ("category", "玩具", "wish_bad_category"),
    ("value_fen", -1, "wish_bad_value"),
    ("value_fen", 5_000_001, "wish_bad_value"),
    ("written_on", today() + timedelta(days=3), "wish_date_future"),
])
def test_a_wish_with_unusable_text_or_numbers_is_refused(shop, field, value, key):
    arguments = {"text": "想要一个书包", "category": "学习用品", field: value}
    refused = refusal(wishes.add, shop.db, shop.admin, shop.homes["张三"].id, arguments.pop("text"),
                      **arguments)
    assert refused.key == key and refused.message("en")
    assert wishes.wishes(shop.db, shop.admin) == []


def test_texts_on_claim_delivery_and_echo_are_checked_too(shop):
    wish = write(shop)
    assert refusal(wishes.claim, shop.db, shop.secretary, wish.id, "鑫源\x00", "company", "138").key == \
        "wish_text_control"
    assert refusal(wishes.claim, shop.db, shop.secretary, wish.id, "鑫源", "company", "1" * 51).key == \
        "wish_text_long"
    assert refusal(wishes.claim, shop.db, shop.secretary, wish.id, "鑫源", "bank", "138").key == \
        "wish_bad_donor_type"
    wishes.claim(shop.db, shop.secretary, wish.id, "鑫源", "company", "138")
    assert refusal(wishes.deliver, shop.db, shop.secretary, wish.id, "").key == "wish_text_missing"
    assert refusal(wishes.deliver, shop.db, shop.secretary, wish.id, "李书记",
                   delivered_on=date(2020, 1, 1)).key == "wish_date_early"
    wishes.deliver(shop.db, shop.secretary, wish.id, "李书记")
    assert refusal(wishes.thank, shop.db, shop.secretary, wish.id, "谢" * 201).key == "wish_text_long"


def test_a_moved_household_cannot_write_a_wish(shop):
    from pos import cards

    cards.recover(shop.db, shop.admin, shop.card("赵六"), approval=shop.approval)
    assert refusal(write, shop, head="赵六").key == "household_moved"


def test_the_database_itself_keeps_one_donor_and_every_change(shop):
    wish = write(shop)
    wishes.claim(shop.db, shop.secretary, wish.id, "鑫源商贸", "company", "138")
    open_wish = write(shop, head="李四")
    engine = shop.db.engine
    refused_statements = [
        # a second claim event for the same wish
        ("INSERT INTO wish_event (wish_id, kind, at, operator, detail) "
         f"VALUES ({wish.id}, 'claimed', '2026-11-01 10:00:00', 'zhoushuji', '{{}}')", IntegrityError),
        # a claimed wish without a donor, an open wish with one
        (f"UPDATE wish SET status = 'claimed' WHERE id = {open_wish.id}", IntegrityError),
        (f"UPDATE wish SET donor = '张老板' WHERE id = {open_wish.id}", IntegrityError),
        (f"UPDATE wish SET status = 'lost' WHERE id = {wish.id}", IntegrityError),
        # history is never rewritten, and no wish is ever deleted
        ("UPDATE wish_event SET operator = 'someone'", DBAPIError),
        ("DELETE FROM wish_event", DBAPIError),
        (f"DELETE FROM wish WHERE id = {open_wish.id}", DBAPIError),
    ]
    for statement, error in refused_statements:
        with pytest.raises(error):
            with engine.begin() as connection:
                connection.execute(text(statement))
    with pytest.raises(AppendOnlyViolation):
        with shop.db.write() as session:
            session.query(WishEvent).first().operator = "someone"
    assert len(wishes.history(shop.db, shop.admin, wish.id)) == 2
    assert len(wishes.wishes(shop.db, shop.admin)) == 2


def _claimers(url: str, env: dict) -> list[subprocess.Popen]:
    """Two counter PCs, each a process of its own, each with a supervisor logged in."""
    processes = []
    for username, donor in (("lishuji", "宜川县鑫源商贸有限公司"), ("zhoushuji", "延安市爱心车行")):
        process = subprocess.Popen([sys.executable, CLAIMER, url, username, donor], env=env,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        processes.append(process)
    for process in processes:
        assert process.stdout.readline().strip() == "ready"
    return processes


def two_pcs_claim_the_same_wishes(shop: Village, url: str, rounds: int = 5) -> None:
    ids = [write(shop, head=head, text=f"想要一辆轮椅（{n}）", category="助老助残").id
           for n, head in enumerate(["张三", "李四", "王五", "赵六", "张三"][:rounds])]
    env = {**os.environ, "AIXIN_PASSWORD": SUPERVISOR_PASSWORD,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parents[2]),
                                                       os.environ.get("PYTHONPATH")]))}
    processes = _claimers(url, env)
    try:
        for wish_id in ids:
            start_at = time.time() + 0.3
            for process in processes:
                process.stdin.write(f"{wish_id} {start_at}\n")
                process.stdin.flush()
            outcomes = [json.loads(process.stdout.readline()) for process in processes]
            winners = [o for o in outcomes if o["ok"]]
            losers = [o for o in outcomes if not o["ok"]]
            assert len(winners) == 1 and len(losers) == 1, outcomes
            assert losers[0]["error"] == "wish_taken"
            assert f"已由 {winners[0]['donor']} 认领" in losers[0]["message"]
            stored = wishes.get(shop.db, shop.admin, wish_id)
            assert stored.status == "claimed" and stored.donor == winners[0]["donor"]
            assert [e.kind for e in wishes.history(shop.db, shop.admin, wish_id)] == ["written", "claimed"]
    finally:
        for process in processes:
            process.stdin.close()
            process.wait(timeout=30)
            process.stdout.close()
    assert all(process.returncode == 0 for process in processes)


@pytest.mark.slow
def test_two_counter_pcs_claiming_one_wish_at_once_on_one_sqlite_file(shop, db_url):
    two_pcs_claim_the_same_wishes(shop, db_url)


@pytest.mark.postgres
@pytest.mark.slow
def test_two_counter_pcs_claiming_one_wish_at_once_on_postgresql(pg_url):
    from pos.store.database import open_database

    db = open_database(pg_url)
    try:
        two_pcs_claim_the_same_wishes(Village(db), pg_url)
    finally:
        db.dispose()


def test_a_scanned_card_finds_the_household_for_a_new_wish(shop):
    household = wishes.household_of_card(shop.db, shop.admin, shop.card("王五"))
    assert household == shop.homes["王五"].id
