"""Why each household's points moved in a closed month: by rule, read from the ledger.

The closure seals each household's earned and deducted totals; this reads the same
transactions (the closure's range of the ledger, nothing else) and splits them by the
rule each was entered under, so the notice's annex adds up to the sealed totals. A
reversal counts against the rule of the entry it undoes; a hygiene round's points go
under the rules its items were scored by. ``honour`` ranks households by what they
earned (awards, hygiene and credited claims; never the base points of a new card, never
the balance), for a month or for the closed months of a year.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ledger.schema import Account, Posting, Transaction
from pos import messages
from pos.month.document import ClosureView
from pos.proof.facts import parse_claims
from pos.store.tables import Card, HygieneRound, HygieneScore, Rule
from pos.vocabulary import CARD_PREFIX, EARNING_KINDS, Kind

# Not a rule's code: what a line stands for when no rule names it.
BASE = "base"
HYGIENE = "hygiene"


@dataclass(frozen=True)
class Reason:
    """One household's points in the month under one rule: ``points`` earned (``lost``
    False) or lost (``lost`` True); ``count`` entries, reversals counted apart."""

    household_id: int
    lost: bool
    code: str
    name: str
    count: int
    points: int


def month_reasons(session: Session, view: ClosureView, lang: str = "zh") -> tuple[Reason, ...]:
    """Every household's month by rule, earned lines before lost lines."""
    first, last = view.first_seq, view.last_seq
    if last < first:
        return ()
    tx = Transaction.__table__.c
    p, a = Posting.__table__.c, Account.__table__.c
    cards = dict(session.execute(select(Card.number, Card.household_id)).all())
    names = dict(session.execute(select(Rule.code, Rule.name)).all())
    legs: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for seq, code, amount in session.execute(
            select(p.tx_seq, a.code, p.amount).join(Account.__table__, a.id == p.account_id)
            .where(p.tx_seq >= first, p.tx_seq <= last, a.code.startswith(CARD_PREFIX))):
        legs[seq][cards[code[len(CARD_PREFIX):]]] += amount
    rows = session.execute(select(tx.seq, tx.kind, tx.attrs, tx.reverses)
                           .where(tx.seq >= first, tx.seq <= last).order_by(tx.seq)).all()
    originals = {row.reverses for row in rows if row.kind == Kind.REVERSAL and row.reverses}
    undone = {seq: (kind, json.loads(attrs or "{}")) for seq, kind, attrs in session.execute(
        select(tx.seq, tx.kind, tx.attrs).where(tx.seq.in_(originals)))} if originals else {}
    scores = _hygiene(session, first, last)
    found: dict[tuple[int, bool, str, str], list[int]] = defaultdict(lambda: [0, 0])

    def add(household: int, lost: bool, code: str, name: str, points: int, count: int = 1) -> None:
        line = found[(household, lost, code, name)]
        line[0] += count
        line[1] += points

    reversed_mark = messages.text("reason_reversed", lang)
    for row in rows:
        attrs = json.loads(row.attrs or "{}")
        kind, reversal = row.kind, row.kind == Kind.REVERSAL
        if reversal:
            kind, attrs = undone.get(row.reverses, (attrs.get("original_kind"), attrs))
        for household, amount in legs.get(row.seq, {}).items():
            lost = kind == Kind.DEDUCTION
            if not lost and kind not in EARNING_KINDS:
                continue  # redemptions, recoveries, replacements: not a rule's
            points = -amount if lost else amount
            for code, name, part in _split(kind, attrs, household, points, scores.get(row.seq if not reversal
                                                                                    else row.reverses, {}),
                                           names, lang):
                if kind == Kind.CLAIM_CREDIT and part < 0:  # a deduction claim, credited with its posting
                    add(household, True, code, name, -part)
                else:
                    add(household, lost, code, name + (reversed_mark if reversal else ""), part)
    return tuple(sorted((Reason(h, lost, code, name, count, points)
                         for (h, lost, code, name), (count, points) in found.items()),
                        key=lambda r: (r.household_id, r.lost, r.code == BASE, r.code, r.name)))


def _split(kind, attrs: dict, household: int, points: int, scores: dict, names: dict, lang: str):
    """One transaction's points for one household, as (rule code, rule name, points)."""
    if kind == Kind.CARD_ISSUE:
        return [(BASE, messages.text("reason_base", lang), points)]
    if kind == Kind.HYGIENE:
        parts = [(item, names.get(item, item), p) for item, p in scores.get(household, {}).items() if p]
        rest = points - sum(p for _, _, p in parts) * (1 if points >= 0 else -1)
        parts = [(code, name, p if points >= 0 else -p) for code, name, p in parts]
        if rest:
            parts.append((HYGIENE, messages.text("reason_hygiene", lang), rest))
        return parts
    if kind == Kind.CLAIM_CREDIT:
        mine = [(rule, names.get(rule, rule), p) for _c, h, rule, p in parse_claims(attrs.get("claims"))
                if h == household]
        return mine or [("", messages.text("reason_other", lang), points)]
    code = str(attrs.get("rule", ""))
    return [(code, str(attrs.get("rule_name") or names.get(code, code)), points)]


def _hygiene(session: Session, first: int, last: int) -> dict[int, dict[int, dict[str, int]]]:
    """Each hygiene round's points by household and item (the round's transaction, and any
    round a reversal in the range may undo)."""
    found: dict[int, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for seq, household, item, points in session.execute(
            select(HygieneRound.tx_seq, HygieneScore.household_id, HygieneScore.item,
                   func.sum(HygieneScore.points))
            .join(HygieneScore, HygieneScore.round_id == HygieneRound.id)
            .where(HygieneRound.tx_seq <= last)
            .group_by(HygieneRound.tx_seq, HygieneScore.household_id, HygieneScore.item)):
        found[seq][household][item] = int(points or 0)
    return found
