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
                  password hash), change (add | role | active | password);
                  a change that makes a supervisor carries the approver
    village       name, shop_name, base_points, point_value_fen, opening_hours,
                  deduction_approval_above, redemption_approval_above
    group         group (a villager group's name)
    rule          rule, category, name, points_min, points_max, deduction, active
    goods         goods (its code), name, zone, price_points, value_fen, unit, active
    household     household (id), head, group, status
    stock_intake  intake (id), source, donor, donor_type, funding, received_on, items
    stock_count   count (id), items; always approved
    card_issue, card_replace, card_recovery: household, card (and old_card); a
                  record when no points move, else the points transaction itself

``items`` is ``CODE×QUANTITY=NUMBER; ...``: for stock entries the number is
the line's value in fen, for a redemption the line's points. A movement's
``tx_seq`` names the entry that carries it; a redemption's reversal puts back
exactly the redemption's items.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

import ledger
from ledger.schema import Account, Posting, Transaction
from ledger.verification import Finding, Report
from pos.store.tables import (
    Card,
    Goods,
    Household,
    Redemption,
    RedemptionLine,
    Rule,
    StockMovement,
    User,
    Village,
    VillagerGroup,
)
from pos.vocabulary import CARD_PREFIX, CardStatus, HouseholdStatus, Kind, Role, UserChange, card_of

VILLAGE_FIELDS = ("name", "shop_name", "base_points", "point_value_fen", "opening_hours",
                  "deduction_approval_above", "redemption_approval_above")
RULE_FIELDS = ("category", "name", "points_min", "points_max", "deduction", "active")
GOODS_FIELDS = ("name", "zone", "price_points", "value_fen", "unit", "active")


# --- recording -------------------------------------------------------------

def password_digest(password_hash: str) -> str:
    """What the chain keeps of a password: a digest of its (salted) stored hash."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()


def user_fact(session: Session, user: User, operator: str, change: UserChange,
              approver: str | None = None) -> None:
    ledger.record(session, kind=Kind.USER, operator=operator, approver=approver, attrs={
        "user": user.username, "name": user.display_name, "role": user.role,
        "active": int(bool(user.active)), "password": password_digest(user.password_hash),
        "change": change,
    })


def village_fact(session: Session, village: Village, operator: str) -> None:
    ledger.record(session, kind=Kind.VILLAGE, operator=operator,
                  attrs={name: getattr(village, name) for name in VILLAGE_FIELDS})


def group_fact(session: Session, name: str, operator: str) -> None:
    ledger.record(session, kind=Kind.GROUP, operator=operator, attrs={"group": name})


def rule_fact(session: Session, rule: Rule, operator: str) -> None:
    attrs = {"rule": rule.code, **{name: getattr(rule, name) for name in RULE_FIELDS}}
    attrs["deduction"], attrs["active"] = int(bool(rule.deduction)), int(bool(rule.active))
    ledger.record(session, kind=Kind.RULE, operator=operator, attrs=attrs)


def goods_fact(session: Session, goods: Goods, operator: str) -> None:
    attrs = {"goods": goods.code, **{name: getattr(goods, name) for name in GOODS_FIELDS}}
    attrs["active"] = int(bool(goods.active))
    ledger.record(session, kind=Kind.GOODS, operator=operator, attrs=attrs)


def household_fact(session: Session, household: Household, group: str, operator: str) -> None:
    ledger.record(session, kind=Kind.HOUSEHOLD, operator=operator, attrs={
        "household": household.id, "head": household.head_name, "group": group,
        "status": household.status,
    })


def card_fact(session: Session, kind: Kind, operator: str, **attrs) -> None:
    """A card issued, replaced or taken back with no points moving: the same facts the
    points transaction would carry, as a record of the same kind."""
    ledger.record(session, kind=kind, operator=operator, attrs=attrs)


def items_text(lines) -> str:
    """``CODE×QUANTITY=NUMBER; ...`` from (code, quantity, number) triples."""
    return "; ".join(f"{code}×{quantity}={number}" for code, quantity, number in lines)


def parse_items(text) -> list[tuple[str, int, int]]:
    lines = []
    for part in str(text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        code, _, rest = part.partition("×")
        quantity, _, number = rest.partition("=")
        lines.append((code, int(quantity), int(number)))
    return lines


# --- proving ---------------------------------------------------------------

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
    walk = _Walk(session)
    walk.run()
    walk.compare_tables()
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


class _Walk:
    def __init__(self, session: Session):
        self.session = session
        self.findings: list[Finding] = []
        self.users: dict[str, dict] = {}
        self.ever_supervisor = False
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
        for row in conn.execute(select(tx.seq, tx.kind, tx.operator, tx.approver, tx.reverses,
                                       tx.attrs).order_by(tx.seq)):
            try:
                attrs = json.loads(row.attrs)
            except (TypeError, ValueError):
                attrs = {}
            self.entry(row, attrs, legs.get(row.seq, []))

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

    def on_user(self, seq, row, attrs, _legs) -> None:
        name = attrs["user"]
        before = self.users.get(name)
        made_supervisor = attrs["role"] == Role.SUPERVISOR and (before is None or before["role"] != Role.SUPERVISOR)
        if made_supervisor and row.approver is None and self.ever_supervisor:
            self.add("supervisor_unapproved", seq,
                     f"{name} became a supervisor without another supervisor's approval", user=name)
        self.users[name] = {"seq": seq, "name": attrs["name"], "role": attrs["role"],
                            "active": bool(attrs["active"]), "password": attrs["password"]}
        self.ever_supervisor |= attrs["role"] == Role.SUPERVISOR and bool(attrs["active"])

    def on_village(self, seq, _row, attrs, _legs) -> None:
        self.village = {"seq": seq, **{name: attrs[name] for name in VILLAGE_FIELDS}}

    def on_group(self, seq, _row, attrs, _legs) -> None:
        self.groups[attrs["group"]] = seq

    def on_rule(self, seq, _row, attrs, _legs) -> None:
        self.rules[attrs["rule"]] = {"seq": seq, **{name: attrs[name] for name in RULE_FIELDS}}

    def on_goods(self, seq, _row, attrs, _legs) -> None:
        self.goods[attrs["goods"]] = {"seq": seq, **{name: attrs[name] for name in GOODS_FIELDS}}

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
        limit = (self.village or {}).get("redemption_approval_above")
        if limit is not None and points > limit and row.approver is None:
            self.add("approval_missing", seq, f"{points} points redeemed without approval",
                     what=Kind.REDEMPTION)
        self.redemptions[seq] = {"card": attrs.get("card"), "household": attrs.get("household"),
                                 "points": points, "items": items}

    def on_reversal(self, seq, row, attrs, _legs) -> None:
        if row.approver is None:
            self.add("approval_missing", seq, "a reversal without approval", what=Kind.REVERSAL)
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

    def on_award(self, seq, _row, attrs, _legs) -> None:
        self._rule_in_force(seq, attrs, deduction=False)

    def on_deduction(self, seq, row, attrs, _legs) -> None:
        self._rule_in_force(seq, attrs, deduction=True)
        limit = (self.village or {}).get("deduction_approval_above")
        if limit is not None and abs(int(attrs["points"])) > limit and row.approver is None:
            self.add("approval_missing", seq, "a deduction above the threshold without approval",
                     what=Kind.DEDUCTION)

    def on_card_issue(self, seq, _row, attrs, _legs) -> None:
        self.cards[attrs["card"]] = {"seq": seq, "household": int(attrs["household"]), "status": CardStatus.ACTIVE}

    def on_card_replace(self, seq, _row, attrs, _legs) -> None:
        old = self.cards.get(attrs["old_card"])
        if old is not None:
            self.cards[attrs["old_card"]] = {**old, "seq": seq, "status": CardStatus.BLOCKED}
        self.cards[attrs["card"]] = {"seq": seq, "household": int(attrs["household"]), "status": CardStatus.ACTIVE}

    def on_card_recovery(self, seq, _row, attrs, _legs) -> None:
        card = self.cards.get(attrs["card"])
        if card is not None:
            self.cards[attrs["card"]] = {**card, "seq": seq, "status": CardStatus.RECOVERED}
        household = self.households.get(int(attrs["household"]))
        if household is not None:
            self.households[int(attrs["household"])] = {**household, "seq": seq, "status": HouseholdStatus.MOVED}

    # --- the tables against the chain ---

    def differs(self, kind: str, record, seq: int | None, table: dict, chain: dict) -> None:
        for field, value in table.items():
            if value != chain.get(field):
                self.add(f"{kind}_differs", seq, f"{kind} {record}: {field} is {value!r} in the "
                         f"table, {chain.get(field)!r} in the chain", record=str(record),
                         field=field, table=str(value), chain=str(chain.get(field)))

    def unchained(self, kind: str, record) -> None:
        self.add(f"{kind}_unchained", None, f"{kind} {record} is not in the chain", record=str(record))

    def missing(self, kind: str, record, seq: int) -> None:
        self.add(f"{kind}_missing", seq, f"{kind} {record}, in the chain, is gone from the table",
                 record=str(record))

    def compare_tables(self) -> None:
        s = self.session
        seen = set()
        for user in s.scalars(select(User)):
            seen.add(user.username)
            chain = self.users.get(user.username)
            if chain is None:
                self.unchained("user", user.username)
                continue
            self.differs("user", user.username, chain["seq"], {
                "name": user.display_name, "role": user.role, "active": bool(user.active),
                "password": password_digest(user.password_hash)}, chain)
        for name in self.users.keys() - seen:
            self.missing("user", name, self.users[name]["seq"])

        village = s.get(Village, 1)
        if village is None and self.village is not None:
            self.missing("village", self.village["name"], self.village["seq"])
        elif village is not None and self.village is None:
            self.unchained("village", village.name)
        elif village is not None:
            self.differs("village", village.name, self.village["seq"],
                         {name: getattr(village, name) for name in VILLAGE_FIELDS}, self.village)
        groups = set(s.scalars(select(VillagerGroup.name)))
        for name in groups - self.groups.keys():
            self.unchained("group", name)
        for name in self.groups.keys() - groups:
            self.missing("group", name, self.groups[name])

        self._compare_rows("rule", {r.code: r for r in s.scalars(select(Rule))}, self.rules,
                           RULE_FIELDS)
        goods = {g.code: g for g in s.scalars(select(Goods))}
        self._compare_rows("goods", goods, self.goods, GOODS_FIELDS)
        for code, row in goods.items():
            if row.stock != self.stock.get(code, 0):
                self.add("stock_mismatch", None, f"goods {code}: stock {row.stock}, its chained "
                         f"movements sum to {self.stock.get(code, 0)}", record=code,
                         table=str(row.stock), chain=str(self.stock.get(code, 0)))
        self._compare_movements({g.id: code for code, g in goods.items()})
        self._compare_redemptions({g.id: code for code, g in goods.items()})

        group_names = dict(s.execute(select(VillagerGroup.id, VillagerGroup.name)).all())
        homes = {h.id: h for h in s.scalars(select(Household))}
        for household_id, home in homes.items():
            chain = self.households.get(household_id)
            if chain is None:
                self.unchained("household", household_id)
                continue
            self.differs("household", household_id, chain["seq"], {
                "head": home.head_name, "group": group_names.get(home.group_id),
                "status": home.status}, chain)
        for household_id in self.households.keys() - homes.keys():
            self.missing("household", household_id, self.households[household_id]["seq"])

        numbers = set()
        for card in s.scalars(select(Card)):
            numbers.add(card.number)
            chain = self.cards.get(card.number)
            if chain is None:
                self.unchained("card", card.number)
                continue
            self.differs("card", card.number, chain["seq"],
                         {"household": card.household_id, "status": card.status}, chain)
        for number in self.cards.keys() - numbers:
            self.missing("card", number, self.cards[number]["seq"])

    def _compare_rows(self, kind, rows: dict, chain: dict, fields) -> None:
        for code, row in rows.items():
            facts = chain.get(code)
            if facts is None:
                self.unchained(kind, code)
                continue
            table = {name: getattr(row, name) for name in fields}
            for name in ("deduction", "active"):
                if name in table:
                    table[name] = int(bool(table[name]))
            self.differs(kind, code, facts["seq"], table, facts)
        for code in chain.keys() - rows.keys():
            self.missing(kind, code, chain[code]["seq"])

    def _compare_movements(self, codes: dict[int, str]) -> None:
        m = StockMovement.__table__.c
        table: dict[tuple[int, str], int] = {}
        for tx_seq, goods_id, quantity in self.session.execute(
                select(m.tx_seq, m.goods_id, func.sum(m.quantity)).group_by(m.tx_seq, m.goods_id)):
            code = codes.get(goods_id, f"#{goods_id}")
            if tx_seq is None:
                self.add("movement_unchained", None, f"goods {code}: stock moved by {quantity} "
                         "outside the chain", record=code, table=str(quantity))
                continue
            table[(tx_seq, code)] = quantity
        chain = {key: q for key, q in self.moves.items() if q}
        for key in sorted(table.keys() | chain.keys()):
            if table.get(key, 0) != chain.get(key, 0):
                seq, code = key
                self.add("movement_mismatch", seq, f"goods {code}: the table moves "
                         f"{table.get(key, 0)}, entry {seq} moves {chain.get(key, 0)}",
                         record=code, table=str(table.get(key, 0)), chain=str(chain.get(key, 0)))

    def _compare_redemptions(self, codes: dict[int, str]) -> None:
        lines: dict[int, list] = defaultdict(list)
        for line in self.session.scalars(select(RedemptionLine).order_by(RedemptionLine.tx_seq,
                                                                        RedemptionLine.line)):
            lines[line.tx_seq].append((codes.get(line.goods_id, f"#{line.goods_id}"), line.quantity,
                                       line.quantity * line.unit_points))
        seen = set()
        for row in self.session.scalars(select(Redemption)):
            seen.add(row.tx_seq)
            chain = self.redemptions.get(row.tx_seq)
            if chain is None:
                self.unchained("redemption", row.tx_seq)
                continue
            table = {"card": row.card_number, "household": row.household_id, "points": row.points,
                     "items": lines.get(row.tx_seq, []),
                     "reversed_by": row.reversed_by}
            facts = {**chain, "reversed_by": self.reversed.get(row.tx_seq)}
            for field, value in table.items():
                if value != facts.get(field):
                    self.add("redemption_mismatch", row.tx_seq, f"redemption {row.tx_seq}: {field} "
                             "in the table differs from its ledger transaction", field=field)
        for seq in self.redemptions.keys() - seen:
            self.missing("redemption", seq, seq)
