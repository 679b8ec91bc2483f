"""A village's chain replayed at the county: the facts in force, and each closure recomputed.

The county trusts nothing a village states that it can recompute. ``Replay`` walks
the chain lines of a package in order, on top of the facts in force at the
county's copy of the head (``State``, kept as JSON between imports so that an
import never reads the history again): it checks that each transaction links to
the one before, balances, and leaves no account below zero that the chain did not
open that way, and keeps each card's household, each household's balance, the
goods and their stock, the rules and the village's settings.

Each closure in the package is recomputed over its range as ``pos.month.closure``
computes it, independently written: the month's point totals, the totals since the
village began, and every household's opening, earned, deducted, redeemed,
recovered and closing points. A difference in any of those refuses the package.
What a village's tables decided at closing time and the chain cannot pin down
exactly (a rule's category name, a goods' zone, the card shown on a line, a
delivery dated into the month but entered after it) is compared too, and a
difference is kept as a note on the closure, never silently dropped.

Alongside, the figures the county compares across villages are summed once per
month (``MonthFigures``): labour and hygiene points, reversals, redemptions outside
opening hours, stock-count differences and write-offs.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from ledger import canonical
from pos.county.package import ChainEntry, Refused
from pos.periods import LOCAL
from pos.proof import parse_claims, parse_items
from pos.vocabulary import (
    CARD_PREFIX,
    DEDUCTED,
    EARNING_KINDS,
    ISSUE,
    RECOVERED,
    REDEEMED,
    CardStatus,
    HouseholdStatus,
    Kind,
)

HYGIENE_CATEGORY = "卫生检查"
OTHER_CATEGORY = "其他"
LABOUR_WORD = "劳动"  # award categories holding it count as labour (公益劳动, 义务劳动)
RECENT = 2048
_CARD = len(CARD_PREFIX)
# The kinds as plain strings: the replay compares each transaction's kind a dozen times, and
# a plain string compares in a third of the time of an enum member.
K = type("K", (), {member.name: member.value for member in Kind})
_EARNING = frozenset(kind.value for kind in EARNING_KINDS)
# The kinds whose fact the replay keeps (``Replay._fact``).
_WITH_FACT = frozenset({K.VILLAGE, K.GROUP, K.USER, K.RULE, K.GOODS, K.HOUSEHOLD, K.STOCK_INTAKE,
                        K.STOCK_COUNT, K.REDEMPTION, K.REVERSAL, K.CARD_ISSUE, K.CARD_REPLACE,
                        K.CARD_RECOVERY})


class Kept(NamedTuple):
    """What a reversal needs of a redemption the replay passed: its kind and facts."""

    kind: str
    attrs: dict


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


class State:
    """The facts in force at a village's head, as the county replayed them."""

    def __init__(self, data: dict | None = None):
        data = data or {}
        self.seq: int = data.get("seq", 0)
        self.hash: str = data.get("hash", canonical.GENESIS)
        self.at: str = data.get("at", "")
        self.negative: set[str] = set(data.get("negative", ()))
        self.balances: dict[str, int] = dict(data.get("balances", {}))
        self.cards: dict[str, list] = dict(data.get("cards", {}))  # number -> [household, status]
        self.households: dict[int, list] = {int(k): v for k, v in data.get("households", {}).items()}
        self.rules: dict[str, list] = dict(data.get("rules", {}))
        self.goods: dict[str, list] = dict(data.get("goods", {}))  # code -> [name, zone, price, value, unit, active]
        self.stock: dict[str, int] = dict(data.get("stock", {}))
        self.village: dict = dict(data.get("village", {}))
        self.groups: list[str] = list(data.get("groups", ()))
        self.users: dict[str, list] = dict(data.get("users", {}))  # name -> [display, role, active]
        self.issued_cards: int = data.get("issued_cards", 0)
        self.awarded: int = data.get("awarded", 0)
        # Heads recorded by closures, beyond what was replayed: seq -> [hash, closure, month].
        self.heads: dict[str, list] = dict(data.get("heads", {}))

    def to_json(self) -> str:
        return json.dumps({
            "seq": self.seq, "hash": self.hash, "at": self.at, "negative": sorted(self.negative),
            "balances": self.balances, "cards": self.cards,
            "households": {str(k): v for k, v in self.households.items()}, "rules": self.rules,
            "goods": self.goods, "stock": self.stock, "village": self.village,
            "groups": self.groups, "users": self.users, "issued_cards": self.issued_cards,
            "awarded": self.awarded, "heads": self.heads,
        }, ensure_ascii=False, sort_keys=True)

    # --- what the closure compares with

    def household_balances(self) -> dict[int, int]:
        found: dict[int, int] = {}
        balance = self.balances.get
        for number, card in self.cards.items():
            household = card[0]
            found[household] = found.get(household, 0) + balance(CARD_PREFIX + number, 0)
        return found

    def outstanding(self) -> int:
        return sum(v for code, v in self.balances.items() if code.startswith(CARD_PREFIX))

    def households_with_cards(self) -> int:
        return len({household for household, status in self.cards.values()
                    if status == CardStatus.ACTIVE
                    and self.households.get(household, [None, None, HouseholdStatus.ACTIVE])[2]
                    == HouseholdStatus.ACTIVE})

    def category(self, rule: str, fallback: str | None = None) -> str:
        known = self.rules.get(rule)
        return known[0] if known else (fallback or OTHER_CATEGORY)


@dataclass(slots=True)
class Effect:
    """What one transaction did to households, for the month's tally."""

    kind: str
    effective: str  # the original kind, for a reversal
    card_legs: list[tuple[int, int]]  # (household, points)
    card_total: int
    items: list[tuple[str, int, int]] | None = None  # a redemption's or stock record's lines


class Replay:
    """Applies chain entries to a ``State``, refusing the first that breaks the chain.

    ``original(seq)`` gives an earlier entry the package does not carry (a reversal's
    original, read from the county's copy)."""

    def __init__(self, state: State, original: Callable[[int], ChainEntry | None]):
        self.state = state
        self.original = original
        # The package's newest redemptions, for their reversals; older ones are read back from
        # the county's copy (written in batches far smaller than this).
        self.recent: dict[int, Kept] = {}

    def fail(self, seq: int, detail: str):
        raise Refused("county_chain_bad", seq=seq, detail=detail)

    def lookup(self, seq: int) -> ChainEntry | Kept | None:
        return self.recent.get(seq) or self.original(seq)

    def apply(self, entry: ChainEntry) -> Effect:
        s = self.state
        seq = entry.seq
        if seq != s.seq + 1:
            self.fail(seq, f"follows transaction {s.seq}")
        if entry.prev != s.hash:
            self.fail(seq, "does not link to the transaction before it")
        legs = entry.postings
        if len(legs) == 1:
            self.fail(seq, "has a single posting")
        balances, total, zero, issued, falling = s.balances, 0, False, 0, None
        for code, amount in legs:
            total += amount
            balances[code] = balances.get(code, 0) + amount
            if amount < 0:
                falling = (falling or []) + [code]
            elif amount == 0:
                zero = True
            if code == ISSUE:
                issued += amount
        if total != 0:
            self.fail(seq, "postings do not sum to zero")
        if zero:
            self.fail(seq, "a posting of zero points")
        if entry.reverses is not None and not 1 <= entry.reverses < seq:
            self.fail(seq, f"reverses {entry.reverses}, which does not precede it")
        attrs = entry.attrs
        kind = entry.kind
        if kind == K.ACCOUNT_OPEN and not legs:
            code = attrs.get("account")
            if attrs.get("may_go_negative") and isinstance(code, str):
                s.negative.add(code)
        # Only an account a posting took from can have fallen below zero (every account was at
        # or above zero before, or allowed below).
        for code in falling or ():
            if balances[code] < 0 and code not in s.negative:
                self.fail(seq, f"account {code} falls below zero")
        effective = kind
        if kind == K.REVERSAL:
            effective = attrs.get("original_kind") or ""
            if not effective:
                original = self.lookup(entry.reverses)
                effective = original.kind if original else ""
        if issued:
            if effective == K.CARD_ISSUE:
                s.issued_cards -= issued
            else:
                s.awarded -= issued
        try:
            items = self._fact(entry)
        except (KeyError, TypeError, ValueError) as problem:
            self.fail(seq, f"{kind} cannot be read: {problem!r}")
        card_legs = []
        card_total = 0
        for code, amount in legs:
            if code.startswith(CARD_PREFIX):
                card = s.cards.get(code[_CARD:])
                if card is None:
                    self.fail(seq, f"moves points on card {code[_CARD:]}, never issued")
                card_legs.append((card[0], amount))
                card_total += amount
        if kind == K.REDEMPTION:  # kept for a reversal to come: what it needs, not its bytes
            self.recent[seq] = Kept(kind, attrs)
            if len(self.recent) > RECENT:
                del self.recent[next(iter(self.recent))]
        s.seq, s.hash, s.at = seq, entry.hash, entry.at
        return Effect(kind, effective, card_legs, card_total, items)

    def _fact(self, entry: ChainEntry) -> list[tuple[str, int, int]] | None:
        """Apply the fact the entry chains; the lines of a redemption or stock record."""
        s, a, kind = self.state, entry.attrs, entry.kind
        if kind == K.REDEMPTION:  # most transactions, and most of those without a fact
            items = parse_items(a["items"])
            stock = s.stock
            for code, quantity, _points in items:
                stock[code] = stock.get(code, 0) - quantity
            return items
        if kind not in _WITH_FACT:
            return None
        if kind == K.VILLAGE:
            s.village = dict(a)
        elif kind == K.GROUP:
            if a["group"] not in s.groups:
                s.groups.append(a["group"])
        elif kind == K.USER:
            s.users[a["user"]] = [a["name"], a["role"], int(a["active"])]
        elif kind == K.RULE:
            s.rules[a["rule"]] = [a["category"], a["name"], a["points_min"], a["points_max"],
                                  int(a["deduction"]), int(a["active"])]
        elif kind == K.GOODS:
            s.goods[a["goods"]] = [a["name"], a["zone"], a["price_points"], a["value_fen"], a["unit"],
                                   int(a["active"])]
        elif kind == K.HOUSEHOLD:
            s.households[int(a["household"])] = [a["head"], a["group"], a["status"]]
        elif kind in (K.STOCK_INTAKE, K.STOCK_COUNT):
            items = parse_items(a["items"])
            for code, quantity, _value in items:
                s.stock[code] = s.stock.get(code, 0) + quantity
            return items
        elif kind == K.REVERSAL and a.get("original_kind") == K.REDEMPTION:
            original = self.lookup(entry.reverses)
            if original is not None:
                for code, quantity, _points in parse_items(original.attrs.get("items")):
                    s.stock[code] = s.stock.get(code, 0) + quantity
        elif kind == K.CARD_ISSUE:
            s.cards[a["card"]] = [int(a["household"]), CardStatus.ACTIVE.value]
        elif kind == K.CARD_REPLACE:
            old = s.cards.get(a["old_card"])
            if old is not None:
                old[1] = CardStatus.BLOCKED.value
            s.cards[a["card"]] = [int(a["household"]), CardStatus.ACTIVE.value]
        elif kind == K.CARD_RECOVERY:
            card = s.cards.get(a["card"])
            if card is not None:
                card[1] = CardStatus.RECOVERED.value
            home = s.households.get(int(a["household"]))
            if home is not None:
                home[2] = HouseholdStatus.MOVED.value


# ---------------------------------------------------------------- one closure, recomputed


@dataclass
class MonthFigures:
    """A closed month of one village, as the county stores it for its reports."""

    households: int = 0
    labour_points: int = 0
    hygiene_points: int = 0
    reversals: int = 0
    after_hours: int = 0
    count_lines: int = 0
    count_fen: int = 0
    writeoff_fen: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    zones: dict[str, list[int]] = field(default_factory=dict)  # zone -> [quantity, points]


@functools.lru_cache(maxsize=64)
def _opening_windows(text: str):
    """The village's opening hours read once per wording (a village rarely changes them)."""
    from pos.month.audit import opening_windows

    return opening_windows(text)


def _open_at(windows, at: datetime) -> bool:
    days, times = windows
    local = at.astimezone(LOCAL)
    if local.weekday() not in days:
        return False
    moment = local.time()
    for start, end in times:
        if start <= moment <= end:
            return True
    return False


class Tally:
    """One closure's month, recomputed as the replay passes its transactions."""

    def __init__(self, number: int, document: dict, state: State, opening: dict[int, int] | None = None):
        """``opening``: the households' balances now, if the caller has them (the closing
        balances of the month that ended at this same transaction)."""
        self.number = number
        self.doc = document
        self.opening = state.household_balances() if opening is None else opening
        self.closing: dict[int, int] = {}
        self.start = parse_time(document["period"][0])
        self.end = parse_time(document["period"][1])
        self.count = 0
        self.totals: dict[str, int] = defaultdict(int)
        self.by_category: dict[str, int] = defaultdict(int)
        self.reversed: dict[str, int] = defaultdict(int)
        self.earned, self.deducted, self.redeemed, self.recovered = (defaultdict(int) for _ in range(4))
        # where what a card gave up is counted, by the kind that took it (earnings add)
        self._taken = {K.DEDUCTION: (self.deducted, -1), K.REDEMPTION: (self.redeemed, -1),
                       K.CARD_RECOVERY: (self.recovered, -1)}
        self.touched: set[int] = set()
        self.zones: dict[str, list[int]] = {}
        self.figures = MonthFigures()
        self.windows = _opening_windows(state.village.get("opening_hours", ""))
        self.problems: list[str] = []

    def add(self, entry: ChainEntry, effect: Effect, replay: Replay, at: datetime | None = None) -> None:
        """Count ``entry`` in the month (``at``: its time, if the caller parsed it already)."""
        at = at or parse_time(entry.at)
        if not self.start <= at < self.end:
            self.problems.append(f"transaction {entry.seq} is dated {entry.at}, outside the month")
        self.count += 1
        if effect.card_legs:
            self._cards_moved(entry, effect)
        kind, total, totals = effect.kind, effect.card_total, self.totals
        if kind == K.REDEMPTION:  # most transactions: first
            self._redemption(entry, effect, replay.state, at)
        elif kind == K.CARD_ISSUE:
            totals["issued_cards"] += total
        elif kind == K.AWARD:
            self._earned_by_rule(replay.state.category(str(entry.attrs.get("rule", "")), entry.attrs.get("rule_name")),
                                 total)
            totals["awarded"] += total
        elif kind == K.CLAIM_CREDIT:
            self._claims_credited(entry, effect, replay.state)
        elif kind == K.HYGIENE:
            self.by_category[replay.state.category("W01", HYGIENE_CATEGORY)] += total
            totals["awarded"] += total
            self.figures.hygiene_points += total
        elif kind == K.DEDUCTION:
            totals["deducted"] -= total
        elif kind == K.CARD_RECOVERY:
            totals["recovered"] -= total
        elif kind == K.REVERSAL:
            self._reversal(entry, effect, replay)
        elif kind == K.STOCK_COUNT:
            self._stock_count(entry, effect)

    def _cards_moved(self, entry: ChainEntry, effect: Effect) -> None:
        """Each household card's points, into what the month earned, lost or spent."""
        effective = effect.effective
        if effective in _EARNING:
            into, sign = self.earned, 1
        else:
            into, sign = self._taken.get(effective, (None, 0))
        touched = self.touched
        if into is None:
            touched.update(household for household, _amount in effect.card_legs)
            if effective != K.CARD_REPLACE:
                self.problems.append(f"transaction {entry.seq} of kind {effect.kind} moves points on a card")
            return
        for household, amount in effect.card_legs:
            touched.add(household)
            if effective == Kind.CLAIM_CREDIT and amount < 0:  # a deduction claim
                self.deducted[household] -= amount
            else:
                into[household] += sign * amount

    def _redemption(self, entry: ChainEntry, effect: Effect, state: State, at: datetime) -> None:
        totals = self.totals
        totals["redeemed"] -= effect.card_total
        totals["redemptions"] += 1
        items = effect.items if effect.items is not None else parse_items(entry.attrs.get("items"))
        goods, zones = state.goods, self.zones
        for code, quantity, points in items:
            known = goods.get(code)
            zone = zones.setdefault(known[1] if known else "?", [0, 0])
            zone[0] += quantity
            zone[1] += points
        if self.windows is not None and not _open_at(self.windows, at):
            self.figures.after_hours += 1

    def _earned_by_rule(self, category: str, points: int) -> None:
        self.by_category[category] += points
        if LABOUR_WORD in category:
            self.figures.labour_points += points

    def _claims_credited(self, entry: ChainEntry, effect: Effect, state: State) -> None:
        for _claim, _household, rule, points in parse_claims(entry.attrs.get("claims")):
            if points >= 0:  # a deduction claim is counted as deducted below
                self._earned_by_rule(state.category(rule, None), points)
        self.totals["awarded"] += sum(amount for _h, amount in effect.card_legs if amount > 0)
        self.totals["deducted"] -= sum(amount for _h, amount in effect.card_legs if amount < 0)

    def _reversal(self, entry: ChainEntry, effect: Effect, replay: Replay) -> None:
        """What a reversal takes back: its points by the kind it reverses, a redemption's goods
        from their zones, hygiene and labour points from the month's figures."""
        effective, undone, figures, state = effect.effective, abs(effect.card_total), self.figures, replay.state
        self.reversed[effective] += undone
        figures.reversals += 1
        if effective == K.REDEMPTION:
            original = replay.lookup(entry.reverses)
            for code, quantity, points in parse_items(original.attrs.get("items") if original else ""):
                zone = self.zones.setdefault(self._zone(state, code), [0, 0])
                zone[0] -= quantity
                zone[1] -= points
        elif effective == K.HYGIENE:
            figures.hygiene_points -= undone
        elif effective == K.AWARD:
            original = replay.lookup(entry.reverses)
            if original is not None:
                category = state.category(str(original.attrs.get("rule", "")), original.attrs.get("rule_name"))
                if LABOUR_WORD in category:
                    figures.labour_points -= undone

    def _stock_count(self, entry: ChainEntry, effect: Effect) -> None:
        figures = self.figures
        items = effect.items if effect.items is not None else parse_items(entry.attrs.get("items"))
        for _code, quantity, value in items:
            figures.count_lines += 1
            figures.count_fen += value
            if quantity < 0:
                figures.writeoff_fen -= value

    @staticmethod
    def _zone(state: State, code: str) -> str:
        goods = state.goods.get(code)
        return goods[1] if goods else "?"

    def finish(self, state: State) -> tuple[list[str], list[str], MonthFigures]:
        """(errors, notes, figures): errors refuse the package, notes are kept."""
        doc, errors, notes = self.doc, list(self.problems), []
        t = doc["month_totals"]
        reversed_doc = {kind: points for kind, points in t["reversed"]}
        mine = {"transactions": self.count, "issued_cards": self.totals["issued_cards"],
                "awarded": self.totals["awarded"], "deducted": self.totals["deducted"],
                "redeemed": self.totals["redeemed"], "redemptions": self.totals["redemptions"],
                "recovered": self.totals["recovered"]}
        for name, value in mine.items():
            if t[name] != value:
                errors.append(f"month {name}: closure {t[name]}, recomputed {value}")
        if reversed_doc != {k: v for k, v in self.reversed.items() if v}:
            errors.append(f"reversed points: closure {reversed_doc}, recomputed {dict(self.reversed)}")
        categories = {name: points for name, points in t["awarded_by_category"]}
        if sum(categories.values()) != t["awarded"]:
            errors.append("the award categories do not add up to the points awarded")
        if categories != {k: v for k, v in self.by_category.items() if v}:
            notes.append(f"award categories: closure {categories}, chain {dict(self.by_category)}")

        net_redeemed = t["redeemed"] - reversed_doc.get(Kind.REDEMPTION, 0)
        zones = {zone: [quantity, points] for zone, quantity, points in doc["zones"]}
        if sum(points for _, points in zones.values()) != net_redeemed:
            errors.append("the goods zones do not add up to the points redeemed")
        mine_zones = {z: v for z, v in self.zones.items() if v != [0, 0]}
        if zones != mine_zones:
            notes.append(f"goods zones: closure {zones}, chain {mine_zones}")
        deliveries = doc["deliveries"]
        if sum(line[8] for line in deliveries if line[1] == "donation") != t["donations_fen"] or sum(
                line[8] for line in deliveries if line[1] == "purchase") != t["purchases_fen"]:
            errors.append("the deliveries do not add up to the month's donations and purchases")

        c = doc["cumulative"]
        outstanding = state.outstanding()
        recomputed = {
            "issued_cards": state.issued_cards, "awarded": state.awarded,
            "ever_issued": -state.balances.get(ISSUE, 0),
            "redeemed": state.balances.get(REDEEMED, 0), "deducted": state.balances.get(DEDUCTED, 0),
            "recovered": state.balances.get(RECOVERED, 0), "outstanding": outstanding,
            "outstanding_fen": outstanding * doc["point_value_fen"],
        }
        for name, value in recomputed.items():
            if c[name] != value:
                errors.append(f"cumulative {name}: closure {c[name]}, recomputed {value}")

        closing = self.closing = state.household_balances()
        lines = {row[0]: row for row in doc["households"]}
        opening, touched = self.opening, self.touched
        expected = {h for h in opening.keys() | closing.keys() | touched
                    if opening.get(h, 0) or closing.get(h, 0) or h in touched}
        if lines.keys() != expected:
            errors.append(f"households listed: closure {len(lines)}, recomputed {len(expected)}")
        earned, deducted, redeemed, recovered = self.earned, self.deducted, self.redeemed, self.recovered
        households = state.households
        differing, renamed = [], []  # each household's line and name, compared in one pass
        for h in expected & lines.keys():
            line = lines[h]
            mine = [opening.get(h, 0), earned.get(h, 0), deducted.get(h, 0), redeemed.get(h, 0),
                    recovered.get(h, 0), closing.get(h, 0)]
            if mine != line[4:]:
                differing.append((h, mine))
            known = households.get(h)
            if known is not None and (known[0], known[1]) != (line[2], line[1]):
                renamed.append(h)
        for household, mine in sorted(differing):
            line = lines[household]
            errors.append(f"household {household} ({line[2]}): closure {'/'.join(map(str, line[4:]))}, "
                          f"recomputed {'/'.join(map(str, mine))}")
        for household in sorted(renamed):
            line, known = lines[household], households[household]
            notes.append(f"household {household}: closure {line[2]} ({line[1]}), chain {known[0]} ({known[1]})")
        if doc["point_value_fen"] != state.village.get("point_value_fen", doc["point_value_fen"]):
            notes.append(f"point value: closure {doc['point_value_fen']} fen, chain "
                         f"{state.village.get('point_value_fen')} fen")

        self.figures.households = state.households_with_cards()
        self.figures.categories = categories
        self.figures.zones = zones
        return errors, notes, self.figures
