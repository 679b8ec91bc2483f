"""The chain replayed: every entry checked against the facts in force before it.

Beside the facts themselves (``pos.proof.facts``) the walk keeps what a check
needs later: each user's facts over time (was the approver, the closer or the
reviewer an active supervisor then?), each user's household link, the sealed
recovery code still unspent, and the day's unapproved points per operator and
household (``pos.oversight``: approval limits count the day).

The controls on the controls (``pos.oversight``) bind from the first village
fact that carries the notice's settings: a chain written before them is proven
by the rules it was written under.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger.schema import Account, Posting, Transaction
from ledger.verification import Finding
from pos import oversight
from pos.periods import local_date as row_date
from pos.proof.claims import ClaimsWalk
from pos.proof.facts import GOODS_FIELDS, NOTICE_FIELDS, PUBLICITY_FIELDS, RULE_FIELDS, VILLAGE_FIELDS, parse_items
from pos.vocabulary import (
    CARD_PREFIX, COUNTY_OPERATOR, AwardsMode, CardStatus, HouseholdStatus, Kind, Role, UserChange, card_of,
)


def row_day(row) -> str:
    """An entry's Beijing date, for an award written before awards carried their deed's date."""
    return row_date(row.at).isoformat()


class Walk(ClaimsWalk):
    def __init__(self, session: Session):
        self.session = session
        self.start_claims()
        self.findings: list[Finding] = []
        self.users: dict[str, dict] = {}
        self.history: dict[str, list[tuple[int, object, dict]]] = defaultdict(list)  # (seq, at, facts)
        self.ever_supervisor = False
        self.controlled = False
        self.recovery: str | None = None  # the digest of the unspent recovery code
        self.village: dict | None = None
        self.groups: dict[str, int] = {}
        self.rules: dict[str, dict] = {}
        self.goods: dict[str, dict] = {}
        self.stock: dict[str, int] = defaultdict(int)
        self.moves: dict[tuple[int, str], int] = defaultdict(int)
        self.households: dict[int, dict] = {}
        self.cards: dict[str, dict] = {}
        self.redemptions: dict[int, dict] = {}
        self.reversed: dict[int, int] = {}
        self.day: dict[tuple, int] = defaultdict(int)  # unapproved points by oversight.day_key
        self.unapproved: dict[int, tuple[tuple, int]] = {}  # seq -> (day key, points)

    def add(self, code: str, seq: int | None, detail: str, **params) -> None:
        self.findings.append(Finding(code, seq, detail, params))

    def run(self) -> None:
        conn = self.session.connection()
        tx = Transaction.__table__.c
        legs: dict[int, list[tuple[str, int]]] = defaultdict(list)
        p, a = Posting.__table__.c, Account.__table__.c
        for seq, code, amount in conn.execute(
                select(p.tx_seq, a.code, p.amount).join(Account.__table__, a.id == p.account_id)
                .where(a.code.startswith(CARD_PREFIX)).order_by(p.tx_seq, p.line)):
            legs[seq].append((card_of(code), amount))
        for row in conn.execute(select(tx.seq, tx.at, tx.kind, tx.operator, tx.approver, tx.reverses,
                                       tx.attrs).order_by(tx.seq)):
            try:
                attrs = json.loads(row.attrs)
            except (TypeError, ValueError):
                attrs = {}
            self.entry(row, attrs, legs.get(row.seq, []))

    def user_at(self, username: str, *, seq: int | None = None, at=None) -> dict | None:
        """A user's facts as they stood through entry ``seq``, or at the moment ``at``."""
        found = None
        for fact_seq, fact_at, facts in self.history.get(username, ()):
            if (seq is not None and fact_seq > seq) or (at is not None and fact_at > at):
                break
            found = facts
        return found

    # Each entry is checked against the facts in force before it, then applied.
    def entry(self, row, attrs: dict, card_legs: list[tuple[str, int]]) -> None:
        seq, kind = row.seq, row.kind
        if row.approver is not None:
            approver = self.users.get(row.approver)
            if (approver is None or not approver["active"] or approver["role"] != Role.SUPERVISOR
                    or row.approver == row.operator):
                self.add("approver_not_supervisor", seq,
                         f"approved by {row.approver}, who was not another active supervisor then",
                         approver=row.approver)
        for number, _ in card_legs:
            card = self.cards.get(number)
            if card is not None and card["status"] != CardStatus.ACTIVE:
                self.add("closed_card_posting", seq, f"points moved on card {number}, "
                         f"{card['status']} since entry {card['seq']}", card=number)
        handler = getattr(self, f"on_{kind}", None)
        if handler is not None:
            try:
                handler(seq, row, attrs, card_legs)
            except (KeyError, TypeError, ValueError) as problem:
                self.add("bad_fact", seq, f"{kind} entry cannot be read: {problem!r}", kind=kind)

    def _guarded(self, row) -> bool:
        """A change of a control the oversight rules cover, made without an approver."""
        return self.controlled and self.ever_supervisor and row.approver is None

    def on_user(self, seq, row, attrs, _legs) -> None:
        name = attrs["user"]
        before = self.users.get(name)
        after = {"seq": seq, "name": attrs["name"], "role": attrs["role"],
                 "active": bool(attrs["active"]), "password": attrs["password"]}
        if "household" in attrs:
            after["household"] = attrs["household"]
        elif before is not None and "household" in before:
            after["household"] = before["household"]
        made_supervisor = attrs["role"] == Role.SUPERVISOR and (before is None or before["role"] != Role.SUPERVISOR)
        # a reviewer passes claims: made one (added, given the role, or back in it) only with a supervisor
        made_reviewer = after["role"] == Role.REVIEWER and after["active"] and not (
            before is not None and before["role"] == Role.REVIEWER and before["active"])
        recovered = attrs.get("change") == UserChange.RECOVERY
        if recovered:
            if self.recovery is None or attrs.get("recovery") != self.recovery:
                self.add("recovery_code_unknown", seq, f"{name} made a supervisor by a recovery code "
                         "that was never issued, or was spent or replaced", user=name)
            self.recovery = None
        elif made_supervisor and row.approver is None and self.ever_supervisor:
            self.add("supervisor_unapproved", seq,
                     f"{name} became a supervisor without another supervisor's approval", user=name)
        elif made_reviewer and self.ever_supervisor and row.approver in (None, name):
            self.add("reviewer_unapproved", seq,
                     f"{name} became a reviewer without a supervisor's approval", user=name)
        elif (self.controlled and not made_supervisor and oversight.supervisor_changed(before, after)
              and (row.approver is None or row.approver == name)):
            self.add("supervisor_change_unapproved", seq,
                     f"supervisor {name} was demoted, deactivated or brought back without another "
                     "supervisor's approval", user=name)
        elif (self._guarded(row) and attrs.get("change") == UserChange.PASSWORD and row.operator != name
              and oversight.is_supervisor(before) and not row.operator.startswith(COUNTY_OPERATOR)):
            self.add("approval_missing", seq, f"supervisor {name}'s password reset without approval",
                     what=Kind.USER)
        self.users[name] = after
        self.history[name].append((seq, row.at, after))
        if self.controlled and oversight.is_supervisor(before) and not any(
                oversight.is_supervisor(u) for u in self.users.values()):
            self.add("no_supervisor_left", seq, f"{name} was the last active supervisor", user=name)
        self.ever_supervisor |= oversight.is_supervisor(after)

    def on_recovery_code(self, seq, row, attrs, _legs) -> None:
        if not oversight.is_supervisor(self.users.get(row.operator)) and row.approver is None:
            self.add("approval_missing", seq, "a recovery code issued without a supervisor",
                     what=Kind.RECOVERY_CODE)
        self.recovery = attrs["digest"]

    def on_village(self, seq, row, attrs, _legs) -> None:
        self.controlled |= all(name in attrs for name in NOTICE_FIELDS)
        after = {"seq": seq, **{name: attrs[name] for name in VILLAGE_FIELDS},
                 **{name: attrs[name] for name in NOTICE_FIELDS + PUBLICITY_FIELDS if name in attrs},
                 "awards": attrs.get("awards", AwardsMode.DIRECT)}
        if self.village is not None and self._guarded(row):
            changed = oversight.village_guarded(self.village, after)
            if changed:
                self.add("approval_missing", seq, f"village settings {', '.join(changed)} changed "
                         "without approval", what=Kind.VILLAGE)
        self.village = after

    def on_group(self, seq, _row, attrs, _legs) -> None:
        self.groups[attrs["group"]] = seq

    def on_rule(self, seq, row, attrs, _legs) -> None:
        after = {"seq": seq, **{name: attrs[name] for name in RULE_FIELDS}, "limit": attrs.get("limit", ""),
                 "cap": int(attrs.get("cap") or 0)}
        if self._guarded(row) and oversight.rule_widened(self.rules.get(attrs["rule"]), after):
            self.add("approval_missing", seq, f"rule {attrs['rule']} widened without approval",
                     what=Kind.RULE)
        self.rules[attrs["rule"]] = after

    def on_goods(self, seq, row, attrs, _legs) -> None:
        after = {"seq": seq, **{name: attrs[name] for name in GOODS_FIELDS}}
        if self._guarded(row) and oversight.price_lowered(self.goods.get(attrs["goods"]), after):
            self.add("approval_missing", seq, f"the price of {attrs['goods']} lowered without approval",
                     what=Kind.GOODS)
        self.goods[attrs["goods"]] = after

    def on_household(self, seq, _row, attrs, _legs) -> None:
        self.households[int(attrs["household"])] = {
            "seq": seq, "head": attrs["head"], "group": attrs["group"], "status": attrs["status"]}

    def _move(self, seq: int, code: str, quantity: int) -> None:
        if code not in self.goods:
            self.add("goods_unknown_in_chain", seq, f"moves goods {code}, never added", goods=code)
        self.stock[code] += quantity
        self.moves[(seq, code)] += quantity

    def on_stock_intake(self, seq, _row, attrs, _legs) -> None:
        for code, quantity, _value in parse_items(attrs["items"]):
            self._move(seq, code, quantity)

    def on_stock_count(self, seq, row, attrs, _legs) -> None:
        if row.approver is None:
            self.add("approval_missing", seq, "a stock difference without approval", what=Kind.STOCK_COUNT)
        for code, quantity, _value in parse_items(attrs["items"]):
            self._move(seq, code, quantity)

    def _limited(self, seq, row, kind: Kind, household, points: int) -> None:
        """The approval the threshold in force asked for: by the slip in a chain written before
        the controls were controlled, by the day since."""
        limit = (self.village or {}).get(oversight.LIMITED[kind])
        if limit is None or row.approver is not None:
            return
        if not self.controlled:
            if points > limit:
                self.add("approval_missing", seq, f"{points} points without approval", what=kind)
            return
        key = oversight.day_key(kind, row.operator, household, row.at)
        if oversight.over_limit(self.day[key], points, limit):
            self.add("approval_missing", seq, f"{points} points without approval, "
                     f"{self.day[key] + points} that day by {row.operator} for household {household}",
                     what=kind)
        self.day[key] += points
        self.unapproved[seq] = (key, points)

    def on_redemption(self, seq, row, attrs, card_legs) -> None:
        items = parse_items(attrs["items"])
        points = -sum(amount for _, amount in card_legs)
        for code, quantity, line_points in items:
            goods = self.goods.get(code)
            if goods is not None and line_points != quantity * goods["price_points"]:
                self.add("redemption_price", seq, f"{code} redeemed at {line_points} points for "
                         f"{quantity}, the price in force was {goods['price_points']}", goods=code)
            self._move(seq, code, -quantity)
        if points != sum(line[2] for line in items):
            self.add("redemption_mismatch", seq, "the items do not add up to the points taken",
                     field="points")
        self._limited(seq, row, Kind.REDEMPTION, attrs.get("household"), points)
        self.redemptions[seq] = {"card": attrs.get("card"), "household": attrs.get("household"),
                                 "points": points, "items": items}

    def on_reversal(self, seq, row, attrs, _legs) -> None:
        if row.approver is None:
            self.add("approval_missing", seq, "a reversal without approval", what=Kind.REVERSAL)
        self.undone(row.reverses)
        if row.reverses in self.unapproved:
            key, points = self.unapproved.pop(row.reverses)
            self.day[key] -= points
        original = self.redemptions.get(row.reverses)
        if attrs.get("original_kind") == Kind.REDEMPTION and original is not None:
            for code, quantity, _points in original["items"]:
                self._move(seq, code, quantity)
            self.reversed[row.reverses] = seq

    def _rule_in_force(self, seq, attrs, deduction: bool) -> None:
        code = attrs.get("rule")
        rule = self.rules.get(code)
        points = abs(int(attrs.get("points", 0)))
        if (rule is None or not rule["active"] or bool(rule["deduction"]) != deduction
                or not rule["points_min"] <= points <= rule["points_max"]):
            self.add("rule_not_in_force", seq,
                     f"{points} points by rule {code}, which did not allow that then", rule=code)

    def _outside_claims(self, seq, kind: Kind) -> None:
        """A village on claims awards and deducts only through them (``pos.claims``)."""
        if (self.village or {}).get("awards") == AwardsMode.CLAIMS:
            self.add("outside_claims", seq, f"a direct {kind} while the village awards by claims", what=kind)

    def on_award(self, seq, _row, attrs, card_legs) -> None:
        self._outside_claims(seq, Kind.AWARD)
        self._rule_in_force(seq, attrs, deduction=False)
        deed = date.fromisoformat(str(attrs.get("deed_date") or row_day(_row))[:10])
        self.within_cap(seq, str(attrs.get("rule", "")), {
            (self.cards.get(number) or {}).get("household") for number, _amount in card_legs} - {None}, deed)
        for number, _amount in card_legs:
            household = (self.cards.get(number) or {}).get("household")
            if household is not None:
                self.within_limit(seq, str(attrs.get("rule", "")), household, deed, seq)

    def on_deduction(self, seq, row, attrs, _legs) -> None:
        self._outside_claims(seq, Kind.DEDUCTION)
        self._rule_in_force(seq, attrs, deduction=True)
        self._limited(seq, row, Kind.DEDUCTION, attrs.get("household"), abs(int(attrs["points"])))

    def on_card_issue(self, seq, _row, attrs, _legs) -> None:
        self.cards[attrs["card"]] = {"seq": seq, "household": int(attrs["household"]), "status": CardStatus.ACTIVE}

    def on_card_replace(self, seq, _row, attrs, _legs) -> None:
        old = self.cards.get(attrs["old_card"])
        if old is not None:
            self.cards[attrs["old_card"]] = {**old, "seq": seq, "status": CardStatus.BLOCKED}
        self.cards[attrs["card"]] = {"seq": seq, "household": int(attrs["household"]), "status": CardStatus.ACTIVE}

    def on_card_recovery(self, seq, row, attrs, card_legs) -> None:
        if self._guarded(row) and any(amount for _, amount in card_legs):
            self.add("approval_missing", seq, f"card {attrs['card']} taken back with its points "
                     "without approval", what=Kind.CARD_RECOVERY)
        card = self.cards.get(attrs["card"])
        if card is not None:
            self.cards[attrs["card"]] = {**card, "seq": seq, "status": CardStatus.RECOVERED}
        household = self.households.get(int(attrs["household"]))
        if household is not None:
            self.households[int(attrs["household"])] = {**household, "seq": seq, "status": HouseholdStatus.MOVED}
