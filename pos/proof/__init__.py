"""The shop's facts inside the hash chain, and the proof that the tables agree.

Every fact that decides who holds points or goods, or who may approve what,
is in the hashed ``attrs`` of a ledger entry: either the points transaction
that carries it (a redemption's items, a card issue's household) or a record
that moves no points (``ledger.record``). The tables keep the same facts for
speed; ``verify`` walks the chain, rebuilds every fact in force at each entry,
checks each entry against them, and then checks the tables against the end
state. Each finding names the entry (``seq``) and the record.

Records (kind: attrs):
    user          user, name, role, active (0/1), password (SHA-256 of the stored
                  password hash), household (the user's own, or null), change (add |
                  role | active | password | household | recovery); a change that
                  makes, unmakes, deactivates or brings back a supervisor carries
                  the approver, or (recovery) the digest of the sealed code spent;
                  one that makes a reviewer (added, given the role, back in it)
                  carries a supervisor's approval
    village       name, shop_name, base_points, point_value_fen, opening_hours,
                  deduction_approval_above, redemption_approval_above, notice_days,
                  objection_phone, awards (only when on claims); a threshold changed,
                  base points raised, or claims given up, carries the approver
    recovery_code digest (SHA-256 of a one-time code sealed by the township)
    group         group (a villager group's name)
    rule          rule, category, name, points_min, points_max, deduction, active,
                  limit (``N/period``, only when set);
                  a rule new, widened or back in use carries the approver
    goods         goods (its code), name, zone, price_points, value_fen, unit, active;
                  a price lowered carries the approver
    household     household (id), head, group, status
    stock_intake  intake (id), source, donor, donor_type, funding, received_on, items
    stock_count   count (id), items; always approved
    card_issue, card_replace, card_recovery: household, card (and old_card); a
                  record when no points move, else the points transaction itself
    claim         claim (id) and its facts after the change (``CLAIM_FIELDS``): entered,
                  accepted or rejected by a reviewer, objected to
    claim_posting posting (id), starts_on, notice_days, claims (ids): accepted claims up
                  for notice
    claim_credit  (points move) posting, claims (``ID:HOUSEHOLD:RULE=POINTS; ...``): a
                  posting's standing claims credited after its last day

``items`` is ``CODE×QUANTITY=NUMBER; ...``: for stock entries the number is
the line's value in fen, for a redemption the line's points. A movement's
``tx_seq`` names the entry that carries it; a redemption's reversal puts back
exactly the redemption's items.

Besides the entries, ``verify`` proves what the tables keep outside the chain
and a person signs: every closure whole, in its chain, and made by a
supervisor active at its head; every review of an audit flag made by a
supervisor active then.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

import ledger
from ledger.schema import Transaction
from ledger.verification import Finding, Report
from pos.proof.facts import (
    CLAIM_FIELDS,
    GOODS_FIELDS,
    NOTICE_FIELDS,
    PUBLICITY_FIELDS,
    RULE_FIELDS,
    VILLAGE_FIELDS,
    card_fact,
    claim_fact,
    claim_facts,
    claims_text,
    code_digest,
    goods_fact,
    goods_facts,
    group_fact,
    household_fact,
    items_text,
    parse_claims,
    parse_items,
    password_digest,
    posting_fact,
    recovery_fact,
    rule_fact,
    rule_facts,
    user_fact,
    village_fact,
    village_facts,
)
from pos.proof.tables import Tables
from pos.store.tables import Village
from pos.vocabulary import Kind

__all__ = [
    "CLAIM_FIELDS", "claim_fact", "claim_facts", "claims_text", "parse_claims", "posting_fact", "village_facts",
    "GOODS_FIELDS", "NOTICE_FIELDS", "PUBLICITY_FIELDS", "RULE_FIELDS", "VILLAGE_FIELDS", "card_fact", "code_digest",
    "goods_fact", "goods_facts", "group_fact", "household_fact", "items_text", "parse_items",
    "password_digest", "recovery_fact", "rule_fact", "rule_facts", "user_fact", "verify", "village_fact",
]


def verify(session: Session, anchor=None) -> Report:
    """SQLite's check of the file's pages, the ledger's own checks, then the shop's facts:
    one report with every finding. A damaged file is reported alone: what its pages say
    cannot be trusted, and reading on may fail halfway."""
    damage = _damage(session)
    if damage:
        return Report(0, 0, 0, "", (Finding("integrity", None, damage, {"detail": damage}),))
    report = ledger.verify(session, anchor=anchor)
    if session.get(Village, 1) is None and session.scalar(
            select(Transaction.seq).where(Transaction.kind == Kind.VILLAGE).limit(1)) is None:
        return report  # a ledger no shop was ever set up on: nothing of the shop's to prove
    walk = Tables(session)
    walk.run()
    walk.compare_tables()
    walk.compare_signatures()
    walk.compare_photos()
    if not walk.findings:
        return report
    findings = tuple(sorted(report.findings + tuple(walk.findings),
                            key=lambda f: (f.seq is None, f.seq or 0)))
    return replace(report, findings=findings)


def _damage(session: Session) -> str:
    if session.get_bind().dialect.name != "sqlite":
        return ""
    try:
        rows = session.connection().exec_driver_sql("PRAGMA integrity_check").fetchall()
    except DatabaseError as exc:
        return str(exc.orig or exc).splitlines()[0]
    found = "; ".join(str(row[0]) for row in rows[:5])
    return "" if found == "ok" else found
