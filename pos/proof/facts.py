"""Recording the shop's facts in the chain: one ``ledger.record`` entry a change."""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

import ledger
from pos.store.tables import Claim, ClaimPosting, Goods, Household, Rule, User, Village
from pos.vocabulary import AwardsMode, Kind, UserChange

VILLAGE_FIELDS = ("name", "shop_name", "base_points", "point_value_fen", "opening_hours",
                  "deduction_approval_above", "redemption_approval_above")
# What the notice prints beside the closure; chained since the controls were themselves
# controlled, so a village fact carrying them also marks where those rules begin.
NOTICE_FIELDS = ("notice_days", "objection_phone")
# Whom the notices and the honour roll name: chained since they were controlled, so a village
# fact without them was written before (and proves nothing of them).
PUBLICITY_FIELDS = ("mask_names", "name_deductions")
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


def village_facts(village: Village) -> dict:
    """The village's chained settings. ``awards`` only for a village on claims: a fact
    without it says direct, as every village's did before claims. Whether names are masked
    and deductions named (0 or 1), in every fact since they were controlled."""
    facts = {name: getattr(village, name) for name in VILLAGE_FIELDS + NOTICE_FIELDS}
    facts.update({name: int(bool(getattr(village, name))) for name in PUBLICITY_FIELDS})
    if (village.awards or AwardsMode.DIRECT) != AwardsMode.DIRECT:
        facts["awards"] = village.awards
    return facts


def village_fact(session: Session, village: Village, operator: str, approver: str | None = None) -> None:
    ledger.record(session, kind=Kind.VILLAGE, operator=operator, approver=approver,
                  attrs=village_facts(village))


def group_fact(session: Session, name: str, operator: str) -> None:
    ledger.record(session, kind=Kind.GROUP, operator=operator, attrs={"group": name})


def rule_facts(rule: Rule) -> dict:
    """A rule's chained facts; ``limit`` (``N/period``) and ``cap`` (households an event)
    only for a rule that has one, so a rule's facts read as they did before either existed."""
    facts = {name: getattr(rule, name) for name in RULE_FIELDS}
    facts["deduction"], facts["active"] = int(bool(rule.deduction)), int(bool(rule.active))
    if rule.limit_count and rule.limit_period:
        facts["limit"] = f"{rule.limit_count}/{rule.limit_period}"
    if rule.cap_per_event:
        facts["cap"] = int(rule.cap_per_event)
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


CLAIM_FIELDS = ("household", "rule", "points", "deed_date", "declared_by", "note", "photo", "entered_by",
                "status", "reviewed_by", "reason", "posting", "objected_by", "objection", "objected_on")


def claim_facts(claim: Claim) -> dict:
    return {"household": claim.household_id, "rule": claim.rule, "points": claim.points,
            "deed_date": claim.deed_date.isoformat(), "declared_by": claim.declared_by, "note": claim.note,
            "photo": claim.photo, "entered_by": claim.entered_by, "status": claim.status,
            "reviewed_by": claim.reviewed_by, "reason": claim.reason, "posting": claim.posting_id,
            "objected_by": claim.objected_by, "objection": claim.objection,
            "objected_on": claim.objected_on.isoformat() if claim.objected_on else ""}


def claim_fact(session: Session, claim: Claim, operator: str) -> int:
    """A claim entered, reviewed or objected to: its facts after the change. The entry's seq."""
    return ledger.record(session, kind=Kind.CLAIM, operator=operator,
                         attrs={"claim": claim.id, **claim_facts(claim)}).seq


def posting_fact(session: Session, posting: ClaimPosting, claims: list[int], operator: str) -> int:
    """Accepted claims put up for notice: from which day, for how many days, which claims."""
    return ledger.record(session, kind=Kind.CLAIM_POSTING, operator=operator, attrs={
        "posting": posting.id, "starts_on": posting.starts_on.isoformat(),
        "notice_days": posting.notice_days, "claims": ",".join(str(c) for c in claims)}).seq


def claims_text(claims) -> str:
    """``ID:HOUSEHOLD:RULE=POINTS; ...``: what a crediting names of each claim."""
    return "; ".join(f"{c.id}:{c.household_id}:{c.rule}={c.points}" for c in claims)


def _parts(text) -> list[str]:
    """The non-empty parts of a ``...; ...`` list, stripped."""
    return [part.strip() for part in str(text or "").split(";") if part.strip()]


def parse_claims(text) -> list[tuple[int, int, str, int]]:
    found = []
    for part in _parts(text):
        head, _, points = part.partition("=")
        claim, household, rule = head.split(":")
        found.append((int(claim), int(household), rule, int(points)))
    return found


def items_text(lines) -> str:
    """``CODE×QUANTITY=NUMBER; ...`` from (code, quantity, number) triples."""
    return "; ".join(f"{code}×{quantity}={number}" for code, quantity, number in lines)


def parse_items(text) -> list[tuple[str, int, int]]:
    lines = []
    for part in str(text or "").split(";"):  # ``_parts``, inline: read for every redemption
        part = part.strip()
        if not part:
            continue
        code, _, rest = part.partition("×")
        quantity, _, number = rest.partition("=")
        lines.append((code, int(quantity), int(number)))
    return lines
