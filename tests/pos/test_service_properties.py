"""No sequence of service calls makes a negative balance or stock, or pays in anything but points."""

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from ledger.schema import Account, Posting, Transaction
from pos import awards, cards, redemption, reversal, stock
from pos import proof
from pos.store.database import open_database
from pos.errors import ShopError
from pos.redemption import CartItem
from pos.stock import movements_sum
from pos.store.tables import Goods, Redemption, RedemptionLine
from tests.pos.conftest import Village

HEADS = ["张三", "李四", "王五", "赵六"]
ITEMS = ["rice", "soap", "fan"]
head = st.sampled_from(HEADS)
operation = st.one_of(
    st.tuples(st.just("redeem"), head, st.lists(st.tuples(st.sampled_from(ITEMS),
                                                          st.integers(-1, 12)), max_size=3)),
    st.tuples(st.just("award"), st.lists(head, min_size=1, max_size=4, unique=True),
              st.sampled_from(["L01", "L02", "H01", "G02"]), st.integers(5, 40)),
    st.tuples(st.just("deduct"), head, st.sampled_from(["D01", "D05", "D06"]), st.integers(1, 40)),
    st.tuples(st.just("reverse"), st.integers(1, 60)),
    st.tuples(st.just("replace"), head),
    st.tuples(st.just("intake"), st.sampled_from(ITEMS), st.integers(1, 5)),
    st.tuples(st.just("count"), st.sampled_from(ITEMS), st.integers(0, 12)),
)
MONEY_FREE = ("card:", "village:redeemed", "village:deducted", "village:recovered")
_n = itertools.count()


def apply(shop, op):
    name = op[0]
    if name == "redeem":
        items = [CartItem(getattr(shop, item).code, qty) for item, qty in op[2]]
        redemption.redeem(shop.db, shop.admin, shop.card(op[1]), items, shop.approval)
    elif name == "award":
        rule = op[2]
        points = op[3] if rule == "G02" and 10 <= op[3] <= 30 else None
        awards.batch_award(shop.db, shop.admin, [shop.homes[h].id for h in op[1]], rule, points)
    elif name == "deduct":
        points = op[3] if op[2] != "D01" else None
        awards.deduct(shop.db, shop.admin, shop.homes[op[1]].id, op[2], points, approval=shop.approval)
    elif name == "reverse":
        reversal.reverse(shop.db, shop.admin, op[1], "更正", shop.approval)
    elif name == "replace":
        cards.replace(shop.db, shop.admin, shop.card(op[1]))
    elif name == "intake":
        stock.intake(shop.db, shop.admin, [stock.IntakeLine(getattr(shop, op[1]).code, op[2])],
                     source="purchase", funding="村集体")
    elif name == "count":
        stock.count(shop.db, shop.admin, {getattr(shop, op[1]).code: op[2]}, "盘点", shop.approval)


def check_invariants(db):
    with db.read() as s:
        for account in s.scalars(select(Account)):
            if not account.may_go_negative:
                assert account.balance >= 0, account.code
        for item in s.scalars(select(Goods)):
            assert item.stock >= 0 and item.stock == movements_sum(s, item.id)
        for tx in s.scalars(select(Transaction)):
            legs = s.execute(select(Account.code, Posting.amount).join(Account)
                             .where(Posting.tx_seq == tx.seq)).all()
            credited = [code for code, amount in legs if amount > 0]
            assert all(code.startswith(MONEY_FREE) or code == "village:issue" for code in credited)
            if tx.kind == "redemption":
                record = s.get(Redemption, tx.seq)
                lines = s.scalars(select(RedemptionLine).where(RedemptionLine.tx_seq == tx.seq)).all()
                assert record.points == sum(l.quantity * l.unit_points for l in lines)
                assert sorted(amount for _, amount in legs) == [-record.points, record.points]
                assert dict(legs)["village:redeemed"] == record.points
        report = proof.verify(s)  # the ledger's checks and every shop fact against the chain
        assert report.ok, [(f.code, f.seq, f.params) for f in report.findings]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(operation, min_size=1, max_size=12))
def test_random_days_at_the_counter_keep_every_invariant(db_dir, operations):
    db = open_database(f"sqlite:///{db_dir / f'seq-{next(_n)}.db'}")
    try:
        shop = Village(db)
        for op in operations:
            try:
                apply(shop, op)
            except ShopError:
                pass
        check_invariants(db)
    finally:
        db.dispose()
