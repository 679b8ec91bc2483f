"""The closure as a document: what a closed month says, and the canonical JSON that is hashed.

A closure records the first and last ledger transaction of the month, the month's
totals, the totals since the village began (which never reset), every household's
opening and closing balance, the deliveries of the month, the previous closure's hash
and the ledger's head. All of it is one canonical JSON document (the encoding of
``ledger.canonical``) whose SHA-256 is the closure's hash; the row is append-only, and
``view_of`` refuses a stored closure that no longer matches its hash.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from ledger import canonical
from pos.errors import ShopError
from pos.store.tables import MonthClosure
from pos.vocabulary import Kind, Source

VERSION = 1
GENESIS = canonical.GENESIS
# The notice's QR text. Version 2 names the village by its id (the hash of its ledger's first
# entry), which no renaming or merger changes; version 1 named it by its name, and notices
# printed then still prove.
QR_PREFIX = "AIXIN2"
QR_PREFIX_V1 = "AIXIN1"


@dataclass(frozen=True)
class HouseholdLine:
    """One household's month: closing = opening + earned - deducted - redeemed - recovered."""

    household_id: int
    group: str
    head: str
    card: str
    opening: int
    earned: int
    deducted: int
    redeemed: int
    recovered: int
    closing: int


@dataclass(frozen=True)
class GoodsLine:
    """A line of a delivery received in the month: a donation, or a purchase with its funds."""

    received_on: date
    source: str  # donation | purchase
    donor: str
    donor_type: str
    funding: str
    goods: str
    quantity: int
    unit: str
    value_fen: int


@dataclass(frozen=True)
class ZoneLine:
    zone: str
    quantity: int
    points: int


@dataclass(frozen=True)
class MonthTotals:
    """Points moved in the month. ``awarded``, ``deducted`` and ``redeemed`` are as entered;
    ``reversed`` says how much of each kind was undone by reversals in the month."""

    transactions: int
    issued_cards: int
    awarded: int
    awarded_by_category: tuple[tuple[str, int], ...]
    deducted: int
    redeemed: int
    redemptions: int
    reversed: tuple[tuple[str, int], ...]
    recovered: int
    donations_fen: int
    purchases_fen: int

    def reversed_of(self, *kinds: str) -> int:
        return sum(points for kind, points in self.reversed if kind in kinds)

    @property
    def net_issued(self) -> int:
        return self.issued_cards + self.awarded - self.reversed_of(Kind.CARD_ISSUE, Kind.AWARD, Kind.HYGIENE)

    @property
    def net_awarded(self) -> int:
        return self.awarded - self.reversed_of(Kind.AWARD, Kind.HYGIENE)

    @property
    def net_deducted(self) -> int:
        return self.deducted - self.reversed_of(Kind.DEDUCTION)

    @property
    def net_redeemed(self) -> int:
        return self.redeemed - self.reversed_of(Kind.REDEMPTION)


@dataclass(frozen=True)
class Cumulative:
    """Since the village began; never reset. ever_issued = redeemed + deducted + recovered
    + outstanding."""

    issued_cards: int
    awarded: int
    redeemed: int
    deducted: int
    recovered: int
    outstanding: int
    outstanding_fen: int

    @property
    def ever_issued(self) -> int:
        return self.issued_cards + self.awarded


@dataclass(frozen=True)
class ClosureView:
    number: int
    month: str
    village: str
    shop: str
    period_start: datetime
    period_end: datetime
    first_seq: int
    last_seq: int
    last_hash: str
    head_seq: int
    head_hash: str
    prev_hash: str
    closed_at: datetime
    closed_by: str
    point_value_fen: int
    totals: MonthTotals
    cumulative: Cumulative
    households: tuple[HouseholdLine, ...]
    zones: tuple[ZoneLine, ...]
    deliveries: tuple[GoodsLine, ...]
    hash: str | None = None  # None for a preview, not yet closed
    brought_forward: bool = False  # the village's first closure, with history before it
    notes: tuple[str, ...] = field(default=(), compare=False)
    village_id: str | None = field(default=None, compare=False)  # not in the document: the chain's

    @property
    def transactions(self) -> int:
        return self.last_seq - self.first_seq + 1

    @property
    def donations(self) -> tuple[GoodsLine, ...]:
        return tuple(line for line in self.deliveries if line.source == Source.DONATION)

    @property
    def purchases(self) -> tuple[GoodsLine, ...]:
        return tuple(line for line in self.deliveries if line.source == Source.PURCHASE)

    @property
    def anchor(self) -> str:
        """``SEQ:HASH`` for ``aixin verify --anchor``."""
        return f"{self.last_seq}:{self.last_hash}"

    @property
    def qr_text(self) -> str:
        if self.village_id is None:  # read without its database: the name is all there is
            return f"{QR_PREFIX_V1}|{self.village}|{self.number}|{self.last_seq}|{self.last_hash}"
        return qr_text(self.village_id, self.number, self.last_seq, self.last_hash)


def qr_text(village_id: str, number: int, last_seq: int, last_hash: str) -> str:
    """``AIXIN2|village id|closure number|last seq|hash``: every field digits or hex."""
    return f"{QR_PREFIX}|{village_id}|{number}|{last_seq}|{last_hash}"


# ---------------------------------------------------------------- the document


def _time(at: datetime) -> str:
    return canonical.format_time(at)


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def document(view: ClosureView) -> dict:
    """The closure as the JSON object that is hashed (version 1)."""
    t, c = view.totals, view.cumulative
    return {
        "v": VERSION,
        "number": view.number,
        "month": view.month,
        "village": view.village,
        "shop": view.shop,
        "period": [_time(view.period_start), _time(view.period_end)],
        "first_seq": view.first_seq,
        "last_seq": view.last_seq,
        "last_hash": view.last_hash,
        "head_seq": view.head_seq,
        "head_hash": view.head_hash,
        "prev_hash": view.prev_hash,
        "closed_at": _time(view.closed_at),
        "closed_by": view.closed_by,
        "point_value_fen": view.point_value_fen,
        "brought_forward": int(view.brought_forward),
        "month_totals": {
            "transactions": t.transactions,
            "issued_cards": t.issued_cards,
            "awarded": t.awarded,
            "awarded_by_category": [list(pair) for pair in t.awarded_by_category],
            "deducted": t.deducted,
            "redeemed": t.redeemed,
            "redemptions": t.redemptions,
            "reversed": [list(pair) for pair in t.reversed],
            "recovered": t.recovered,
            "donations_fen": t.donations_fen,
            "purchases_fen": t.purchases_fen,
        },
        "cumulative": {
            "issued_cards": c.issued_cards,
            "awarded": c.awarded,
            "ever_issued": c.ever_issued,
            "redeemed": c.redeemed,
            "deducted": c.deducted,
            "recovered": c.recovered,
            "outstanding": c.outstanding,
            "outstanding_fen": c.outstanding_fen,
        },
        "households": [
            [h.household_id, h.group, h.head, h.card, h.opening, h.earned, h.deducted,
             h.redeemed, h.recovered, h.closing]
            for h in view.households
        ],
        "zones": [[z.zone, z.quantity, z.points] for z in view.zones],
        "deliveries": [
            [g.received_on.isoformat(), g.source, g.donor, g.donor_type, g.funding, g.goods,
             g.quantity, g.unit, g.value_fen]
            for g in view.deliveries
        ],
    }


def encode(doc: dict) -> str:
    return canonical.encode_attrs(doc)


def digest(text: str) -> str:
    return canonical.digest(text.encode("utf-8"))


def from_document(doc: dict, digest_: str | None) -> ClosureView:
    t, c = doc["month_totals"], doc["cumulative"]
    return ClosureView(
        number=doc["number"], month=doc["month"], village=doc["village"], shop=doc["shop"],
        period_start=_parse_time(doc["period"][0]), period_end=_parse_time(doc["period"][1]),
        first_seq=doc["first_seq"], last_seq=doc["last_seq"], last_hash=doc["last_hash"],
        head_seq=doc["head_seq"], head_hash=doc["head_hash"], prev_hash=doc["prev_hash"],
        closed_at=_parse_time(doc["closed_at"]), closed_by=doc["closed_by"],
        point_value_fen=doc["point_value_fen"],
        totals=MonthTotals(
            t["transactions"], t["issued_cards"], t["awarded"],
            tuple((k, v) for k, v in t["awarded_by_category"]), t["deducted"], t["redeemed"],
            t["redemptions"], tuple((k, v) for k, v in t["reversed"]), t["recovered"],
            t["donations_fen"], t["purchases_fen"],
        ),
        cumulative=Cumulative(c["issued_cards"], c["awarded"], c["redeemed"], c["deducted"],
                              c["recovered"], c["outstanding"], c["outstanding_fen"]),
        households=tuple(HouseholdLine(*row) for row in doc["households"]),
        zones=tuple(ZoneLine(*row) for row in doc["zones"]),
        deliveries=tuple(GoodsLine(date.fromisoformat(r[0]), *r[1:]) for r in doc["deliveries"]),
        hash=digest_, brought_forward=bool(doc.get("brought_forward", 0)),
    )


def view_of(row: MonthClosure) -> ClosureView:
    """A stored closure, after checking that its document still has its hash."""
    if digest(row.document) != row.hash:
        raise ShopError("closure_tampered", number=row.number, month=row.month)
    doc = json.loads(row.document)
    if (doc["number"], doc["month"], doc["last_seq"], doc["last_hash"], doc["prev_hash"]) != (
            row.number, row.month, row.last_seq, row.last_hash, row.prev_hash):
        raise ShopError("closure_tampered", number=row.number, month=row.month)
    return from_document(doc, row.hash)
