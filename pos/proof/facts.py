"""Recording the shop's facts in the chain: one ``ledger.record`` entry a change."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

import ledger
from pos.store.tables import Goods, Household, Rule, User, Village
from pos.vocabulary import Kind, UserChange

VILLAGE_FIELDS = ("name", "shop_name", "base_points", "point_value_fen", "opening_hours",
                  "deduction_approval_above", "redemption_approval_above")
# What the notice prints beside the closure; chained since the controls were themselves
# controlled, so a village fact carrying them also marks where those rules begin.
NOTICE_FIELDS = ("notice_days", "objection_phone")
RULE_FIELDS = ("category", "name", "points_min", "points_max", "deduction", "active")
GOODS_FIELDS = ("name", "zone", "price_points", "value_fen", "unit", "active")


def password_digest(password_hash: str) -> str:
    """What the chain keeps of a password: a digest of its (salted) stored hash."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()


def code_digest(code: str) -> str:
    """What the chain keeps of a recovery code: the SHA-256 of its letters and digits (however
    it was grouped when typed), never the code."""
    letters = "".join(ch for ch in code.upper() if ch.isascii() and ch.isalnum())
    return hashlib.sha256(letters.encode("ascii")).hexdigest()


def user_fact(session: Session, user: User, operator: str, change: UserChange,
              approver: str | None = None, **extra) -> None:
    ledger.record(session, kind=Kind.USER, operator=operator, approver=approver, attrs={
        "user": user.username, "name": user.display_name, "role": user.role,
        "active": int(bool(user.active)), "password": password_digest(user.password_hash),
        "household": user.household_id, "change": change, **extra,
    })


def village_fact(session: Session, village: Village, operator: str, approver: str | None = None) -> None:
    ledger.record(session, kind=Kind.VILLAGE, operator=operator, approver=approver,
                  attrs={name: getattr(village, name) for name in VILLAGE_FIELDS + NOTICE_FIELDS})


def group_fact(session: Session, name: str, operator: str) -> None:
    ledger.record(session, kind=Kind.GROUP, operator=operator, attrs={"group": name})


def rule_facts(rule: Rule) -> dict:
    facts = {name: getattr(rule, name) for name in RULE_FIELDS}
    facts["deduction"], facts["active"] = int(bool(rule.deduction)), int(bool(rule.active))
    return facts


def rule_fact(session: Session, rule: Rule, operator: str, approver: str | None = None) -> None:
    ledger.record(session, kind=Kind.RULE, operator=operator, approver=approver,
                  attrs={"rule": rule.code, **rule_facts(rule)})


def goods_facts(goods: Goods) -> dict:
    facts = {name: getattr(goods, name) for name in GOODS_FIELDS}
    facts["active"] = int(bool(goods.active))
    return facts


def goods_fact(session: Session, goods: Goods, operator: str, approver: str | None = None) -> None:
    ledger.record(session, kind=Kind.GOODS, operator=operator, approver=approver,
                  attrs={"goods": goods.code, **goods_facts(goods)})


def household_fact(session: Session, household: Household, group: str, operator: str) -> None:
    ledger.record(session, kind=Kind.HOUSEHOLD, operator=operator, attrs={
        "household": household.id, "head": household.head_name, "group": group,
        "status": household.status,
    })


def card_fact(session: Session, kind: Kind, operator: str, **attrs) -> None:
    """A card issued, replaced or taken back with no points moving: the same facts the
    points transaction would carry, as a record of the same kind."""
    ledger.record(session, kind=kind, operator=operator, attrs=attrs)


def recovery_fact(session: Session, code: str, operator: str, approver: str | None = None) -> None:
    """A new sealed recovery code: only its digest is chained; an older one is void."""
    ledger.record(session, kind=Kind.RECOVERY_CODE, operator=operator, approver=approver,
                  attrs={"digest": code_digest(code)})


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
