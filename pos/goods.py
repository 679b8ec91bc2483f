"""Goods on the shelves: six zones, scanned by barcode, priced in points.

A price lowered needs a supervisor's approval (``pos.oversight``): a price cut for
a few minutes would let goods leave for fewer points than they are worth. Raising
a price, or adding goods, is the administrator's alone; each change is chained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pos import codes, fields, messages, oversight, proof
from pos.store.database import Database
from pos.errors import ShopError
from pos.store.tables import Goods
from pos.service import Actor, Approval, caller, transaction
from pos.users import approve
from pos.vocabulary import ZONES, Role

_INTERNAL = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,19}$")


@dataclass(frozen=True)
class GoodsView:
    code: str
    name: str
    zone: str
    price_points: int
    value_fen: int
    unit: str
    stock: int
    active: bool


def view(goods: Goods) -> GoodsView:
    return GoodsView(goods.code, goods.name, goods.zone, goods.price_points, goods.value_fen,
                     goods.unit, goods.stock, goods.active)


def clean_code(text: str) -> str:
    """A goods code as scanned or typed: EAN-8, EAN-13 (UPC-A gets its leading 0), GTIN-14,
    or an internal code. A code that cannot be accepted is refused saying what is wrong."""
    code = codes.normalise(text).upper()
    if code.isdigit():
        if len(code) not in codes.GTIN_KINDS:
            raise ShopError("goods_code_length", code=code, length=len(code))
        if not codes.valid_gtin(code):
            raise ShopError("goods_bad_barcode", code=code, kind=codes.GTIN_KINDS[len(code)])
        return "0" + code if len(code) == 12 else code
    if not _INTERNAL.match(code):
        raise ShopError("goods_bad_code", code=code)
    return code


def find(session: Session, code: str) -> Goods:
    cleaned = codes.normalise(code).upper()
    if codes.valid_card(cleaned):
        raise ShopError("goods_is_card", code=cleaned)
    goods = session.scalar(select(Goods).where(Goods.code == clean_code(code)))
    if goods is None:
        raise ShopError("goods_unknown", code=cleaned)
    return goods


def _next_internal(session: Session) -> str:
    existing = session.scalars(select(Goods.code).where(Goods.code.like(codes.INTERNAL_PREFIX + "%"))).all()
    serials = [int(c[2:12]) for c in existing if len(c) == 13 and c.isdigit()]
    return codes.internal_code(max(serials, default=0) + 1)


def _check(name: str, zone: str, price_points: int, value_fen: int, unit: str) -> None:
    fields.text(name, "goods_name", longest=fields.SHORT)
    fields.text(unit, "unit", longest=10)
    if not name.strip():
        raise ShopError("goods_needs_name")
    if zone not in ZONES:
        raise ShopError("goods_bad_zone", zone=zone, zones=messages.AllOf(ZONES))
    if not 0 < price_points <= 100_000:
        raise ShopError("goods_bad_price", value=price_points)
    if not 0 <= value_fen <= 100_000_000:
        raise ShopError("goods_bad_value", value=value_fen)
    if not unit.strip():
        raise ShopError("goods_needs_unit")


def add(db: Database, actor: Actor, name: str, zone: str, price_points: int, value_fen: int,
        unit: str = "件", code: str | None = None) -> GoodsView:
    """A new item; without a maker's barcode it gets an internal code for its label."""
    _check(name, zone, price_points, value_fen, unit)
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        code = clean_code(code) if code else _next_internal(session)
        if codes.valid_card(code):
            raise ShopError("goods_is_card", code=code)
        if session.scalar(select(Goods.id).where(Goods.code == code)) is not None:
            raise ShopError("goods_exists", code=code)
        goods = Goods(code=code, name=name.strip(), zone=zone, price_points=price_points,
                      value_fen=value_fen, unit=unit.strip(), stock=0, active=True)
        session.add(goods)
        session.flush()
        proof.goods_fact(session, goods, user.username)
        return view(goods)


def change(db: Database, actor: Actor, code: str, approval: Approval | None = None,
           **changes) -> GoodsView:
    """Change name, zone, price, value, unit or active. Past redemptions keep their prices.
    A lower price needs a supervisor's ``approval``."""
    allowed = {"name", "zone", "price_points", "value_fen", "unit", "active"}
    if set(changes) - allowed:
        raise ShopError("setting_unknown", name=", ".join(sorted(set(changes) - allowed)))
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        goods = find(session, code)
        before = proof.goods_facts(goods)
        for key, value in changes.items():
            setattr(goods, key, value)
        _check(goods.name, goods.zone, goods.price_points, goods.value_fen, goods.unit)
        if before == proof.goods_facts(goods):
            return view(goods)  # nothing changed: nothing to record
        approver = None
        if oversight.price_lowered(before, proof.goods_facts(goods)):
            approver = approve(session, actor, approval, "approving_price", name=goods.name,
                               before=before["price_points"], after=goods.price_points)
        proof.goods_fact(session, goods, user.username, approver)
        return view(goods)


def get(db: Database, actor: Actor, code: str) -> GoodsView:
    with db.read() as session:
        caller(session, actor)
        return view(find(session, code))


def search(db: Database, actor: Actor, text: str = "", zone: str | None = None,
           include_inactive: bool = False) -> list[GoodsView]:
    with db.read() as session:
        caller(session, actor)
        statement = select(Goods).order_by(Goods.zone, Goods.name)
        if text.strip():
            query = codes.normalise(text)
            statement = statement.where(or_(Goods.name.contains(query, autoescape=True),
                                            Goods.code == query.upper()))
        if zone:
            statement = statement.where(Goods.zone == zone)
        if not include_inactive:
            statement = statement.where(Goods.active)
        return [view(g) for g in session.scalars(statement)]
