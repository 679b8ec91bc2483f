"""Posting, refusing and reversing: the ledger's everyday rules."""

import sqlite3

import pytest
from sqlalchemy import delete, update

import ledger
from ledger import Leg
from ledger.schema import Posting, Transaction


def balances(db, *codes):
    with db.read() as s:
        return [ledger.account_balance(s, c) for c in codes]


def test_a_posted_transaction_carries_its_number_hash_and_operator(small_ledger):
    with small_ledger.read() as s:
        tx = ledger.transaction(s, 5)
    assert tx.seq == 5 and tx.kind == "redemption" and tx.operator == "admin"
    assert tx.legs == (Leg("household:1", -30), Leg("village:redeemed", 30))
    assert tx.attrs == {"items": 2} and len(tx.hash) == 64
    assert balances(small_ledger, "household:1", "household:2") == [70, 110]


def test_an_unbalanced_transaction_is_rejected_not_balanced(small_ledger):
    with pytest.raises(ledger.UnbalancedTransaction) as refused:
        with small_ledger.write() as s:
            ledger.post(s, kind="award", operator="admin",
                        legs=[Leg("village:issue", -10), Leg("household:1", 9)])
    assert refused.value.total == -1
    with small_ledger.read() as s:
        assert ledger.head(s)[0] == 6


def test_a_household_never_goes_below_zero(small_ledger):
    with pytest.raises(ledger.InsufficientBalance) as refused:
        with small_ledger.write() as s:
            ledger.post(s, kind="redemption", operator="admin",
                        legs=[Leg("household:1", -71), Leg("village:redeemed", 71)])
    assert (refused.value.available, refused.value.needed) == (70, 71)
    assert balances(small_ledger, "household:1") == [70]


def test_a_failure_later_in_the_same_transaction_leaves_no_trace(small_ledger):
    with pytest.raises(RuntimeError):
        with small_ledger.write() as s:
            ledger.post(s, kind="award", operator="admin",
                        legs=[Leg("village:issue", -5), Leg("household:3", 5)])
            raise RuntimeError("the shop's part failed")
    assert balances(small_ledger, "household:3") == [100]
    with small_ledger.read() as s:
        assert ledger.verify(s).ok and ledger.head(s)[0] == 6


def test_unknown_accounts_and_bad_amounts_are_refused(small_ledger):
    with pytest.raises(ledger.UnknownAccount):
        with small_ledger.write() as s:
            ledger.post(s, kind="x", operator="a", legs=[Leg("nobody", 1), Leg("household:1", -1)])
    for legs in ([Leg("household:1", 0), Leg("village:issue", 0)],
                 [Leg("household:1", 1.5), Leg("village:issue", -1.5)],
                 [Leg("household:1", 1)]):
        with pytest.raises(ledger.LedgerError):
            with small_ledger.write() as s:
                ledger.post(s, kind="x", operator="a", legs=legs)


def test_a_reversal_names_the_original_and_restores_balances(small_ledger):
    with small_ledger.write() as s:
        rev = ledger.reverse(s, 5, operator="admin", approver="secretary", reason="顾客退货")
    assert rev.reverses == 5 and rev.memo == "顾客退货" and rev.approver == "secretary"
    assert rev.attrs["original_kind"] == "redemption"
    assert balances(small_ledger, "household:1", "village:redeemed") == [100, 0]
    with pytest.raises(ledger.AlreadyReversed):
        with small_ledger.write() as s:
            ledger.reverse(s, 5, operator="admin", reason="again")
    with pytest.raises(ledger.NotReversible):
        with small_ledger.write() as s:
            ledger.reverse(s, rev.seq, operator="admin", reason="undo the undo")
    with small_ledger.read() as s:
        assert ledger.verify(s).ok


def test_a_reversal_that_would_overdraw_is_refused(small_ledger):
    with small_ledger.write() as s:
        ledger.post(s, kind="redemption", operator="admin",
                    legs=[Leg("household:2", -110), Leg("village:redeemed", 110)])
    with pytest.raises(ledger.InsufficientBalance):
        with small_ledger.write() as s:
            ledger.reverse(s, 6, operator="admin", reason="award was a mistake")


def test_the_orm_refuses_to_change_or_delete_history(small_ledger):
    with pytest.raises(ledger.AppendOnlyViolation):
        with small_ledger.write() as s:
            s.get(Transaction, 1).memo = "changed"
            s.flush()
    with pytest.raises(ledger.AppendOnlyViolation):
        with small_ledger.write() as s:
            s.delete(s.get(Transaction, 2))
            s.flush()
    with pytest.raises(ledger.AppendOnlyViolation):
        with small_ledger.write() as s:
            s.execute(update(Posting).values(amount=1))
    with pytest.raises(ledger.AppendOnlyViolation):
        with small_ledger.write() as s:
            s.execute(delete(Transaction).where(Transaction.seq == 6))
    with small_ledger.read() as s:
        assert ledger.verify(s).ok


def test_the_database_itself_refuses_changes_to_history(small_ledger):
    plain = sqlite3.connect(small_ledger.file)
    for statement in ("UPDATE ledger_transaction SET memo='x' WHERE seq=2",
                      "DELETE FROM ledger_posting WHERE tx_seq=2",
                      "DELETE FROM ledger_transaction WHERE seq=6"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            plain.execute(statement)
    plain.close()


def test_a_record_moves_no_points_and_is_chained_like_any_transaction(small_ledger):
    with small_ledger.write() as s:
        fact = ledger.record(s, kind="price", operator="admin", attrs={"goods": "6901234567892", "points": 4})
    with small_ledger.read() as s:
        stored = ledger.transaction(s, fact.seq)
        report = ledger.verify(s)
    assert stored.legs == () and stored.attrs == {"goods": "6901234567892", "points": 4}
    assert stored.hash == fact.hash and report.ok and report.head_seq == fact.seq
    with pytest.raises(ledger.NotReversible):
        with small_ledger.write() as s:
            ledger.reverse(s, fact.seq, operator="admin", reason="no points to put back")


def test_an_account_that_may_go_below_zero_is_recorded_in_the_chain(small_ledger):
    with small_ledger.read() as s:
        opening = ledger.transaction(s, 1)
    assert opening.kind == "account_open" and opening.legs == ()
    assert opening.attrs == {"account": "village:issue", "name": "村发放", "may_go_negative": 1}


def test_lock_returns_the_head_it_holds(small_ledger):
    with small_ledger.write() as s:
        assert ledger.lock(s) == ledger.head(s)
