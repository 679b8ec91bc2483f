"""The month's transactions summed: by household and in total, as the closure checks them.

Read once per closure, from the ledger's postings and the shop's own records (cards,
rules, hygiene scores); the closure (``pos.month.closure``) compares these sums with the
ledger's accounts and refuses the month if they disagree.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ledger.schema import Account, Posting, Transaction
from pos.errors import ShopError
from pos.month.document import MonthTotals, view_of
from pos.proof.facts import parse_claims
from pos.rules import HYGIENE_ITEMS
from pos.store.tables import Card, HygieneRound, HygieneScore, MonthClosure, Rule
from pos.vocabulary import CARD_PREFIX, DEDUCTED, EARNING_KINDS, ISSUE, RECOVERED, REDEEMED, Kind

HYGIENE_CATEGORY = "卫生检查"  # hygiene points of a round whose scores name no rule


@dataclass(frozen=True)
class Books:
    """What the month's sums are read against: account codes, cards, rules."""

    accounts: dict[int, str]  # account id -> code
    cards: dict[str, tuple[int, int]]  # card number -> (household id, card id)
    rules: dict[str, str]  # rule code -> category
    hygiene_category: str  # where a hygiene round's points go when its scores do not say

    @property
    def by_code(self) -> dict[str, int]:
        return {code: account_id for account_id, code in self.accounts.items()}

    def card_number(self, code: str) -> str | None:
        return code[len(CARD_PREFIX):] if code.startswith(CARD_PREFIX) else None

    def household_of(self, code: str) -> int | None:
        """The household a card account belongs to (None: not a card, or no such card)."""
        number = self.card_number(code)
        return self.cards[number][0] if number in self.cards else None

    def by_household(self, sums: dict[int, int]) -> dict[int, int]:
        """Sums by account added up by the household whose cards they are."""
        found: dict[int, int] = defaultdict(int)
        for account_id, total in sums.items():
            household = self.household_of(self.accounts[account_id])
            if household is not None:
                found[household] += total
        return dict(found)


def read_books(session: Session) -> Books:
    rules = dict(session.execute(select(Rule.code, Rule.category)).all())
    # The rules a hygiene round scores, not any one code: a village may file them otherwise.
    held = Counter(rules[code] for code in HYGIENE_ITEMS if code in rules)
    return Books(
        accounts={row.id: row.code for row in session.execute(select(Account.id, Account.code))},
        cards={number: (household, card_id) for number, household, card_id in session.execute(
            select(Card.number, Card.household_id, Card.id))},
        rules=rules, hygiene_category=held.most_common(1)[0][0] if held else HYGIENE_CATEGORY,
    )


@dataclass
class Tally:
    """The month's transactions summed as they are read, by household and in total."""

    earned: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    deducted: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    redeemed: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    recovered: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    touched: set[int] = field(default_factory=set)
    totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_category: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    reversed: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    redemption_points: dict[int, int] = field(default_factory=dict)  # seq -> points redeemed
    reversed_redemptions: list[int] = field(default_factory=list)
    transactions: int = 0

    def month_totals(self) -> MonthTotals:
        t = self.totals
        return MonthTotals(
            transactions=self.transactions, issued_cards=t["issued_cards"], awarded=t["awarded"],
            awarded_by_category=tuple(sorted(self.by_category.items())), deducted=t["deducted"],
            redeemed=t["redeemed"], redemptions=t["redemptions"],
            reversed=tuple(sorted(self.reversed.items())), recovered=t["recovered"],
            donations_fen=0, purchases_fen=0,
        )


def sums_by_account(session: Session, lo: int | None, hi: int | None) -> dict[int, int]:
    p = Posting.__table__.c
    query = select(p.account_id, func.sum(p.amount)).group_by(p.account_id)
    if lo is not None:
        query = query.where(p.tx_seq >= lo)
    if hi is not None:
        query = query.where(p.tx_seq <= hi)
    return {account: int(total) for account, total in session.execute(query)}


def brought_forward(session: Session, first: int, accounts: dict[int, str]) -> dict[str, int]:
    """Cumulative totals of everything before ``first`` (the village's first closure)."""
    p = Posting.__table__.c
    t = Transaction.__table__
    original = aliased(Transaction)
    issue_id = next(i for i, code in accounts.items() if code == ISSUE)
    rows = session.execute(
        select(t.c.kind, original.kind, func.sum(p.amount))
        .select_from(Posting.__table__.join(t, t.c.seq == p.tx_seq))
        .outerjoin(original, original.seq == t.c.reverses)
        .where(p.account_id == issue_id, p.tx_seq < first)
        .group_by(t.c.kind, original.kind)
    ).all()
    issued_cards = awarded = 0
    for kind, original_kind, total in rows:
        kind = original_kind if kind == Kind.REVERSAL and original_kind else kind
        if kind == Kind.CARD_ISSUE:
            issued_cards -= int(total)
        else:
            awarded -= int(total)
    return {"issued_cards": issued_cards, "awarded": awarded}


def start_of_month(session: Session, books: Books, previous: MonthClosure | None,
                   first: int) -> tuple[dict[int, int], dict[str, int]]:
    """Each household's opening balance and the cumulative totals the month starts from:
    the previous closure's, or for the village's first closure, everything before it."""
    if previous is not None:
        prior = view_of(previous)
        c = prior.cumulative
        return ({h.household_id: h.closing for h in prior.households},
                {"issued_cards": c.issued_cards, "awarded": c.awarded, "redeemed": c.redeemed,
                 "deducted": c.deducted, "recovered": c.recovered, "outstanding": c.outstanding})
    before = sums_by_account(session, None, first - 1)
    opening = books.by_household(before)
    cumulative = brought_forward(session, first, books.accounts)
    by_code = books.by_code
    cumulative.update(
        redeemed=before.get(by_code[REDEEMED], 0), deducted=before.get(by_code[DEDUCTED], 0),
        recovered=before.get(by_code[RECOVERED], 0), outstanding=sum(opening.values()))
    return opening, cumulative


def hygiene_points(session: Session, books: Books, first: int, last: int) -> dict[int, dict[str, int]]:
    """Each hygiene round's points by the category of the rule each item was scored under:
    the rules that carry the round, as the village files them."""
    found: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for seq, item, points in session.execute(
            select(HygieneRound.tx_seq, HygieneScore.item, func.sum(HygieneScore.points))
            .join(HygieneScore, HygieneScore.round_id == HygieneRound.id)
            .where(HygieneRound.tx_seq >= first, HygieneRound.tx_seq <= last)
            .group_by(HygieneRound.tx_seq, HygieneScore.item)):
        if points:
            found[seq][books.rules.get(item, books.hygiene_category)] += int(points)
    return found


def month_tally(session: Session, books: Books, first: int, last: int) -> Tally:
    """Every transaction of the month, by household and in total."""
    tx = Transaction.__table__.c
    p = Posting.__table__.c
    postings: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for seq, account_id, amount in session.execute(
            select(p.tx_seq, p.account_id, p.amount)
            .where(p.tx_seq >= first, p.tx_seq <= last).order_by(p.tx_seq, p.line)):
        postings[seq].append((books.accounts[account_id], amount))
    rows = session.execute(select(tx.seq, tx.kind, tx.attrs, tx.reverses)
                           .where(tx.seq >= first, tx.seq <= last).order_by(tx.seq)).all()
    kinds = {row.seq: row.kind for row in rows}
    hygiene = hygiene_points(session, books, first, last)
    tally = Tally(transactions=len(rows))
    for row in rows:
        attrs = json.loads(row.attrs or "{}")
        original = None
        if row.kind == Kind.REVERSAL:
            original = attrs.get("original_kind") or kinds.get(row.reverses)
            if original is None:
                original = session.scalar(select(Transaction.kind).where(Transaction.seq == row.reverses))
        legs = postings.get(row.seq, [])
        _count_households(tally, books, row, legs, original)
        _count_totals(tally, books, row, legs, attrs, original, hygiene.get(row.seq, {}))
    return tally


def _count_households(tally: Tally, books: Books, row, legs, original: str | None) -> None:
    """One transaction's card legs, in its households' columns."""
    effective = original or row.kind
    for code, amount in legs:
        number = books.card_number(code)
        if number is None:
            continue
        if number not in books.cards:
            raise ShopError("closure_unknown_card", seq=row.seq, card=number)
        household = books.cards[number][0]
        tally.touched.add(household)
        if effective == Kind.CLAIM_CREDIT and amount < 0:  # a deduction claim, credited with its posting
            tally.deducted[household] -= amount
        elif effective in EARNING_KINDS:
            tally.earned[household] += amount
        elif effective == Kind.DEDUCTION:
            tally.deducted[household] -= amount
        elif effective == Kind.REDEMPTION:
            tally.redeemed[household] -= amount
        elif effective == Kind.CARD_RECOVERY:
            tally.recovered[household] -= amount
        elif effective == Kind.CARD_REPLACE:
            pass  # from the lost card to the new one: the household's points stay
        else:
            raise ShopError("closure_unknown_kind", seq=row.seq, kind=row.kind)


def _count_totals(tally: Tally, books: Books, row, legs, attrs: dict, original: str | None,
                  hygiene: dict[str, int]) -> None:
    """One transaction in the month's totals, as it was entered (reversals apart)."""
    card_total = sum(amount for code, amount in legs if code.startswith(CARD_PREFIX))
    totals, kind = tally.totals, row.kind
    if kind == Kind.CARD_ISSUE:
        totals["issued_cards"] += card_total
    elif kind == Kind.AWARD:
        category = books.rules.get(str(attrs.get("rule", "")), attrs.get("rule_name") or "其他")
        tally.by_category[category] += card_total
        totals["awarded"] += card_total
    elif kind == Kind.CLAIM_CREDIT:
        for _claim, _household, rule, points in parse_claims(attrs.get("claims")):
            if points > 0:
                tally.by_category[books.rules.get(rule, "其他")] += points
        totals["awarded"] += sum(amount for code, amount in legs if code.startswith(CARD_PREFIX) and amount > 0)
        totals["deducted"] -= sum(amount for code, amount in legs if code.startswith(CARD_PREFIX) and amount < 0)
    elif kind == Kind.HYGIENE:
        for category, points in hygiene.items():
            tally.by_category[category] += points
        unscored = card_total - sum(hygiene.values())
        if unscored:
            tally.by_category[books.hygiene_category] += unscored
        totals["awarded"] += card_total
    elif kind == Kind.DEDUCTION:
        totals["deducted"] -= card_total
    elif kind == Kind.REDEMPTION:
        totals["redeemed"] -= card_total
        totals["redemptions"] += 1
        tally.redemption_points[row.seq] = -card_total
    elif kind == Kind.CARD_RECOVERY:
        totals["recovered"] -= card_total
    elif kind == Kind.REVERSAL:
        tally.reversed[original] += abs(card_total)
        if original == Kind.REDEMPTION:
            tally.reversed_redemptions.append(row.reverses)


def carried(cumulative: dict[str, int], month: MonthTotals) -> dict[str, int]:
    """The cumulative totals after the month."""
    c = dict(cumulative)
    c["issued_cards"] += month.issued_cards - month.reversed_of(Kind.CARD_ISSUE)
    c["awarded"] += month.net_awarded
    c["redeemed"] += month.net_redeemed
    c["deducted"] += month.net_deducted
    c["recovered"] += month.recovered
    c["outstanding"] = c["issued_cards"] + c["awarded"] - c["redeemed"] - c["deducted"] - c["recovered"]
    return c
