"""Random sequences of postings never break the ledger's invariants."""

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledger
from ledger import Leg
from pos.store.database import open_database

HOUSEHOLDS = 4
household = st.integers(min_value=0, max_value=HOUSEHOLDS - 1)
points = st.integers(min_value=1, max_value=150)
operation = st.one_of(
    st.tuples(st.just("award"), household, points),
    st.tuples(st.just("deduct"), household, points),
    st.tuples(st.just("redeem"), st.lists(st.tuples(household, points), min_size=1, max_size=3)),
    st.tuples(st.just("transfer"), household, household, points),
    st.tuples(st.just("reverse"), st.integers(min_value=1, max_value=40)),
)
_counter = itertools.count()


def legs_for(op):
    name = op[0]
    if name == "award":
        return [Leg("village:issue", -op[2]), Leg(f"household:{op[1]}", op[2])]
    if name == "deduct":
        return [Leg(f"household:{op[1]}", -op[2]), Leg("village:deducted", op[2])]
    if name == "redeem":
        legs = [Leg(f"household:{h}", -p) for h, p in op[1]]
        return legs + [Leg("village:redeemed", sum(p for _, p in op[1]))]
    return [Leg(f"household:{op[1]}", -op[3]), Leg(f"household:{op[2]}", op[3])]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(operation, min_size=1, max_size=25))
def test_any_sequence_keeps_the_books_balanced(db_dir, operations):
    db = open_database(f"sqlite:///{db_dir / f'prop-{next(_counter)}.db'}")
    model = {f"household:{h}": 0 for h in range(HOUSEHOLDS)}
    model.update({"village:issue": 0, "village:deducted": 0, "village:redeemed": 0})
    try:
        with db.write() as s:
            for code in model:
                ledger.open_account(s, code, code, may_go_negative=code == "village:issue")
        for op in operations:
            try:
                with db.write() as s:
                    if op[0] == "reverse":
                        posted = ledger.reverse(s, op[1], operator="admin", reason="correction")
                    else:
                        posted = ledger.post(s, kind=op[0], operator="admin", legs=legs_for(op))
            except (ledger.InsufficientBalance, ledger.NotReversible, ledger.AlreadyReversed):
                continue
            for leg in posted.legs:
                model[leg.account] += leg.amount
            assert all(v >= 0 for k, v in model.items() if k != "village:issue")
            if op[0] == "reverse":
                with db.read() as s:
                    original = ledger.transaction(s, op[1])
                assert sorted((l.account, -l.amount) for l in original.legs) == sorted(
                    (l.account, l.amount) for l in posted.legs)

        with db.read() as s:
            kept = {code: ledger.account_balance(s, code) for code in model}
            report = ledger.verify(s)
        assert kept == model
        assert sum(kept.values()) == 0
        issued = -kept["village:issue"]
        assert issued - kept["village:redeemed"] - kept["village:deducted"] == sum(
            v for k, v in kept.items() if k.startswith("household:"))
        assert report.ok, report.findings
    finally:
        db.dispose()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(amounts=st.lists(st.integers(min_value=-1000, max_value=1000), min_size=2, max_size=8))
def test_only_transactions_that_sum_to_zero_are_written(small_ledger, amounts):
    codes = ["village:issue", "village:redeemed"]
    legs = [Leg(codes[i % 2], a) for i, a in enumerate(amounts)]
    with small_ledger.read() as s:
        before = ledger.head(s)
    try:
        with small_ledger.write() as s:
            ledger.post(s, kind="x", operator="admin", legs=legs)
    except ledger.LedgerError:
        with small_ledger.read() as s:
            assert ledger.head(s) == before
        assert sum(amounts) != 0 or 0 in amounts
    else:
        assert sum(amounts) == 0 and 0 not in amounts
