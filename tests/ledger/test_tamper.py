"""Someone with the plain sqlite3 module and the database file changes history.

They can drop the append-only triggers, so these tests do; verify must still
catch every change and name the transaction.
"""

import json
import sqlite3

import pytest

import ledger
from ledger import canonical
from tests import tampering


@pytest.fixture
def tamper(small_ledger):
    def run(*statements):
        tampering.edit(small_ledger.file, *statements)
        with small_ledger.read() as s:
            return ledger.verify(s)
    return run


def codes(report):
    return {(f.code, f.seq) for f in report.findings}


def test_a_clean_ledger_verifies(small_ledger):
    with small_ledger.read() as s:
        report = ledger.verify(s)
    assert report.ok and report.transactions == 6 and report.postings == 10


def test_editing_one_memo_names_that_transaction(tamper):
    report = tamper("UPDATE ledger_transaction SET memo='公益劳动' WHERE seq=6")
    assert codes(report) == {("hash_mismatch", 6)}
    assert report.first_bad == 6


def test_editing_a_posting_amount_is_caught(tamper):
    report = tamper("UPDATE ledger_posting SET amount=-3 WHERE tx_seq=5 AND line=1")
    assert ("hash_mismatch", 5) in codes(report) and ("unbalanced", 5) in codes(report)
    assert report.first_bad == 5


def test_a_balanced_edit_with_matching_kept_balances_is_still_caught(tamper):
    report = tamper(
        "UPDATE ledger_posting SET amount=-3 WHERE tx_seq=5 AND line=1",
        "UPDATE ledger_posting SET amount=3 WHERE tx_seq=5 AND line=2",
        "UPDATE ledger_account SET balance=97 WHERE code='household:1'",
        "UPDATE ledger_account SET balance=3 WHERE code='village:redeemed'",
    )
    assert codes(report) == {("hash_mismatch", 5)}


def test_editing_the_time_or_operator_is_caught(tamper):
    report = tamper("UPDATE ledger_transaction SET operator='someone' WHERE seq=3")
    assert codes(report) == {("hash_mismatch", 3)}


def test_deleting_a_row_names_the_gap(tamper):
    report = tamper("DELETE FROM ledger_posting WHERE tx_seq=4",
                    "DELETE FROM ledger_transaction WHERE seq=4")
    assert ("sequence_gap", 5) in codes(report)
    assert report.first_bad == 5
    assert any(f.code == "balance_mismatch" for f in report.findings)


def test_deleting_one_posting_is_caught(tamper):
    report = tamper("DELETE FROM ledger_posting WHERE tx_seq=3 AND line=2")
    assert {("hash_mismatch", 3), ("unbalanced", 3), ("too_few_postings", 3)} <= codes(report)


def test_inserting_a_posting_is_caught(tamper):
    report = tamper("INSERT INTO ledger_posting (tx_seq, line, account_id, amount) "
                    "VALUES (3, 3, 3, 50)")
    assert ("hash_mismatch", 3) in codes(report) and ("unbalanced", 3) in codes(report)


def test_inserting_a_transaction_is_caught(tamper):
    report = tamper(
        "INSERT INTO ledger_transaction (seq, at, kind, operator, approver, memo, reverses, attrs, hash) "
        "VALUES (7, '2026-01-01 00:00:00.000000', 'award', 'admin', NULL, '', NULL, '{}', '" + "1" * 64 + "')",
        "INSERT INTO ledger_posting VALUES (7, 1, 1, -500)",
        "INSERT INTO ledger_posting VALUES (7, 2, 3, 500)",
    )
    assert ("hash_mismatch", 7) in codes(report)
    assert any(f.code == "head_mismatch" for f in report.findings)


def test_swapping_two_transactions_is_caught(tamper):
    report = tamper(
        "UPDATE ledger_transaction SET seq=-3 WHERE seq=3",
        "UPDATE ledger_posting SET tx_seq=-3 WHERE tx_seq=3",
        "UPDATE ledger_transaction SET seq=3 WHERE seq=4",
        "UPDATE ledger_posting SET tx_seq=3 WHERE tx_seq=4",
        "UPDATE ledger_transaction SET seq=4 WHERE seq=-3",
        "UPDATE ledger_posting SET tx_seq=4 WHERE tx_seq=-3",
    )
    assert report.first_bad == 3 and ("hash_mismatch", 3) in codes(report)


def test_deleting_the_tail_is_caught_by_the_head(tamper):
    report = tamper("DELETE FROM ledger_posting WHERE tx_seq=6",
                    "DELETE FROM ledger_transaction WHERE seq=6")
    assert ("head_mismatch", 6) in codes(report)


def test_a_tail_deleted_cleanly_is_caught_only_by_the_anchor(small_ledger, tamper):
    with small_ledger.read() as s:
        anchor = ledger.head(s)  # what last month's notice printed
    with small_ledger.read() as s:
        previous_hash = ledger.transaction(s, 5).hash
    report = tamper(
        "DELETE FROM ledger_posting WHERE tx_seq=6",
        "DELETE FROM ledger_transaction WHERE seq=6",
        f"UPDATE ledger_head SET seq=5, hash='{previous_hash}'",
        "UPDATE ledger_account SET balance=balance+10 WHERE code='village:issue'",
        "UPDATE ledger_account SET balance=balance-10 WHERE code='household:2'",
    )
    assert report.ok, "every prefix of a valid chain is valid on its own"
    with small_ledger.read() as s:
        anchored = ledger.verify(s, anchor=f"{anchor[0]}:{anchor[1]}")
    assert [f.code for f in anchored.findings] == ["anchor_missing"]


def test_rewriting_and_rehashing_history_is_caught_by_the_anchor(small_ledger, tamper):
    with small_ledger.read() as s:
        anchor_hash = ledger.head(s)[1]
    plain = sqlite3.connect(small_ledger.file)
    accounts = dict(plain.execute("SELECT id, code FROM ledger_account"))
    rows = plain.execute(
        "SELECT seq, at, kind, operator, approver, memo, reverses, attrs FROM ledger_transaction ORDER BY seq"
    ).fetchall()
    statements, prev = [], canonical.GENESIS
    for seq, at, kind, operator, approver, memo, reverses, attrs in rows:
        memo = "改过" if seq == 2 else memo
        legs = [(accounts[a], amt) for a, amt in plain.execute(
            "SELECT account_id, amount FROM ledger_posting WHERE tx_seq=? ORDER BY line", (seq,))]
        at_text = at.replace(" ", "T") + ("" if "." in at else ".000000") + "Z"
        prev = canonical.digest(canonical.encode(
            prev=prev, seq=seq, at=at_text, kind=kind, operator=operator, approver=approver,
            memo=memo, reverses=reverses, attrs=json.loads(attrs), postings=legs))
        statements.append(f"UPDATE ledger_transaction SET memo='{memo}', hash='{prev}' WHERE seq={seq}")
    plain.close()
    statements.append(f"UPDATE ledger_head SET hash='{prev}'")
    assert tamper(*statements).ok, "an unkeyed chain can be recomputed by whoever holds the file"
    with small_ledger.read() as s:
        assert [f.code for f in ledger.verify(s, anchor=anchor_hash).findings] == ["anchor_missing"]


def test_an_anchor_inside_the_chain_is_proven(small_ledger):
    with small_ledger.read() as s:
        third = ledger.transaction(s, 4).hash
        report = ledger.verify(s, anchor=f"4:{third}")
        wrong_seq = ledger.verify(s, anchor=f"3:{third}")
    assert report.ok and report.anchor_seq == 4
    assert [f.code for f in wrong_seq.findings] == ["anchor_missing"]


def _ledger_with_a_clock_set_back(db):
    from datetime import UTC, datetime, timedelta

    from ledger import Leg

    moments = iter([datetime(2026, 5, 1, 9, tzinfo=UTC), datetime(2026, 5, 1, 10, tzinfo=UTC),
                    datetime(2026, 4, 30, 16, tzinfo=UTC), datetime(2026, 5, 2, 9, tzinfo=UTC)])
    # Opening an account that may go below zero is itself a chained record.
    db.clock = lambda: datetime(2026, 5, 1, 8, tzinfo=UTC)
    with db.write() as s:
        ledger.open_account(s, "village:issue", "村发放", may_go_negative=True)
        ledger.open_account(s, "household:1", "户 1")
    for _ in range(4):
        moment = next(moments)
        db.clock = lambda moment=moment: moment
        with db.write() as s:
            ledger.post(s, kind="award", operator="admin",
                        legs=[Leg("village:issue", -5), Leg("household:1", 5)])
    db.clock = lambda: datetime(2026, 5, 2, 9, tzinfo=UTC) + timedelta(hours=1)
    return db


def test_a_clock_set_back_is_a_warning_that_names_the_transaction_and_fails_nothing(db):
    _ledger_with_a_clock_set_back(db)
    with db.read() as s:
        report = ledger.verify(s)
    assert report.ok and report.errors == () and report.first_bad is None
    [warning] = report.warnings
    assert (warning.code, warning.seq, warning.severity) == ("clock_back", 4, "warning")
    assert warning.params["previous"] == 3
    assert warning.params["at"] == "2026-04-30T16:00:00.000000Z"
    data = report.as_dict()
    assert data["ok"] is True and data["warnings"] == 1
    assert data["findings"][0]["severity"] == "warning"


def test_a_clock_set_back_does_not_hide_a_real_error(db):
    _ledger_with_a_clock_set_back(db)
    tampering.edit(db.file, "UPDATE ledger_transaction SET memo='x' WHERE seq=5")
    with db.read() as s:
        report = ledger.verify(s)
    assert not report.ok and report.first_bad == 5
    assert {(f.code, f.seq, f.severity) for f in report.findings} == {
        ("clock_back", 4, "warning"), ("hash_mismatch", 5, "error")}


def test_attributes_edited_into_a_number_without_an_exact_form_are_a_finding(tamper):
    report = tamper("""UPDATE ledger_transaction SET attrs='{"items":2.5}' WHERE seq=4""")
    assert ("not_canonical", 4) in codes(report) and not report.ok
    assert "attrs.items" in report.findings[0].params["reason"]


def test_letting_a_household_account_go_below_zero_is_caught(tamper):
    report = tamper("UPDATE ledger_account SET may_go_negative=1 WHERE code='household:1'")
    assert [(f.code, f.params["account"]) for f in report.findings] == [
        ("account_flag_mismatch", "household:1")]


def test_an_overdraft_hidden_by_flipping_the_flag_is_still_caught(tamper):
    report = tamper(
        "UPDATE ledger_account SET may_go_negative=1 WHERE code='household:1'",
        "UPDATE ledger_posting SET amount=-300 WHERE tx_seq=5 AND line=1",
        "UPDATE ledger_posting SET amount=300 WHERE tx_seq=5 AND line=2",
        "UPDATE ledger_account SET balance=-200 WHERE code='household:1'",
        "UPDATE ledger_account SET balance=300 WHERE code='village:redeemed'",
    )
    assert {("negative_balance", 5), ("hash_mismatch", 5), ("account_flag_mismatch", None)} <= codes(report)
