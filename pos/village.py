"""The village's settings and its villager groups.

An approval threshold changed, or base points for new cards raised, needs a
supervisor's approval (``pos.oversight``): each would let through, unseen, what
the control is there to stop. Every change is a chained fact, with its approver.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

import ledger
from ledger.schema import Transaction
from pos import fields, messages, oversight, proof
from pos import vocabulary
from pos.vocabulary import DEDUCTED, ISSUE, RECOVERED, REDEEMED
from pos.store.database import Database
from pos.errors import ShopError
from pos.store.tables import Village, VillagerGroup
from pos.service import Actor, Approval, caller, transaction
from pos.users import approve
from pos.vocabulary import AwardsMode, Role

# What separates the fields of the notice's QR text: never part of a village's name.
SEPARATOR = "|"

# The ledger's accounts that belong to the village as a whole: whether each may go below zero.
VILLAGE_ACCOUNTS = {ISSUE: True, REDEEMED: False, DEDUCTED: False, RECOVERED: False}

SETUP = "setup"  # the operator of what first setup writes, before any user exists
DEFAULT_BASE_POINTS = vocabulary.BASE_POINTS
DEFAULT_POINT_VALUE_FEN = vocabulary.POINT_VALUE_FEN


@dataclass(frozen=True)
class Settings:
    name: str
    shop_name: str
    base_points: int
    point_value_fen: int
    opening_hours: str
    deduction_approval_above: int
    redemption_approval_above: int
    groups: tuple[str, ...]
    notice_days: int = 7
    objection_phone: str = ""
    mask_names: bool = False
    awards: AwardsMode = AwardsMode.DIRECT
    name_deductions: bool = False  # the honour roll names the households that lost points

    @property
    def on_claims(self) -> bool:
        return self.awards == AwardsMode.CLAIMS

    def yuan(self, points: int) -> str:
        """The reference value of ``points`` in yuan, as printed: ￥300.00."""
        fen = points * self.point_value_fen
        return f"￥{fen // 100}.{fen % 100:02d}"


def mask(name: str) -> str:
    """王芳 -> 王*, 王秀芳 -> 王*芳, 欧阳秀芳 -> 欧**芳."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def setup(
    session: Session,
    *,
    name: str,
    groups: list[str],
    shop_name: str = "",
    base_points: int = DEFAULT_BASE_POINTS,
    point_value_fen: int = DEFAULT_POINT_VALUE_FEN,
    opening_hours: str | None = None,
    deduction_approval_above: int = 20,
    redemption_approval_above: int = 200,
) -> None:
    """First-time setup: the village row, its groups and the village's ledger accounts."""
    if session.get(Village, 1) is not None:
        raise ShopError("village_exists")
    name = _name(name)
    shop_name = fields.text(shop_name, "shop_name", longest=fields.SHORT)
    if opening_hours is None:
        opening_hours = messages.text("default_opening_hours")
    opening_hours = fields.text(opening_hours, "opening_hours")
    groups = [fields.text(g, "group", longest=fields.SHORT) for g in groups]
    _check_numbers(base_points, point_value_fen, deduction_approval_above, redemption_approval_above)
    village = Village(
        id=1, name=name.strip(), shop_name=shop_name.strip() or messages.text("default_shop_name", village=name.strip()),
        base_points=base_points, point_value_fen=point_value_fen, opening_hours=opening_hours,
        deduction_approval_above=deduction_approval_above,
        redemption_approval_above=redemption_approval_above,
        notice_days=7, objection_phone="", mask_names=False,
    )
    session.add(village)
    proof.village_fact(session, village, SETUP)
    for group in dict.fromkeys(g.strip() for g in groups if g.strip()):
        session.add(VillagerGroup(name=group))
        proof.group_fact(session, group, SETUP)
    for code, may_go_negative in VILLAGE_ACCOUNTS.items():
        # Named by their codes: what an account is for is worded where it is shown.
        ledger.open_account(session, code, code, may_go_negative=may_go_negative, operator=SETUP)
    session.flush()


def _name(name: str) -> str:
    name = fields.text(name, "village", longest=fields.SHORT)
    if SEPARATOR in name:
        raise ShopError("village_name_separator", separator=SEPARATOR)
    return name


def _check_numbers(base_points, point_value_fen, deduction_above, redemption_above) -> None:
    if not 0 <= base_points <= 10_000:
        raise ShopError("setting_range", name=messages.Phrase("setting_base_points"), low=0, high=10_000)
    if not 1 <= point_value_fen <= 100_000:
        raise ShopError("setting_range", name=messages.Phrase("setting_point_value_fen"), low=1, high=100_000)
    if deduction_above < 0 or redemption_above < 0:
        raise ShopError("setting_range", name=messages.Phrase("setting_approval_thresholds"), low=0, high="∞")


def settings_in(session: Session) -> Settings:
    village = session.get(Village, 1)
    if village is None:
        raise ShopError("village_missing")
    groups = tuple(session.scalars(select(VillagerGroup.name).order_by(VillagerGroup.id)))
    return Settings(
        village.name, village.shop_name, village.base_points, village.point_value_fen,
        village.opening_hours, village.deduction_approval_above,
        village.redemption_approval_above, groups, village.notice_days, village.objection_phone,
        village.mask_names, AwardsMode(village.awards or AwardsMode.DIRECT), bool(village.name_deductions),
    )


def settings(db: Database) -> Settings:
    with db.read() as session:
        return settings_in(session)


def change(db: Database, actor: Actor, approval: Approval | None = None, **changes) -> Settings:
    """Change settings (administrator). Past ledger entries never change with them. An
    approval threshold changed, base points raised, claims given up for direct awards, notice
    days shortened, names no longer masked or deductions named on the honour roll, needs a supervisor's
    ``approval`` (``NeedsApproval`` without it)."""
    allowed = {"name", "shop_name", "base_points", "point_value_fen", "opening_hours",
               "deduction_approval_above", "redemption_approval_above",
               "notice_days", "objection_phone", "mask_names", "awards", "name_deductions"}
    unknown = set(changes) - allowed
    if unknown:
        raise ShopError("setting_unknown", name=", ".join(sorted(unknown)))
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        village = session.get(Village, 1)
        before = proof.village_facts(village)
        for key, value in changes.items():
            if key == "name":
                value = _name(value)
            elif key == "awards":
                if value not in tuple(AwardsMode):
                    raise ShopError("awards_mode_unknown", value=value,
                                    known=messages.OneOf(AwardsMode))
                value = AwardsMode(value).value
            elif isinstance(value, str):
                value = fields.text(value, key, longest=fields.LONG if key == "opening_hours" else fields.SHORT)
            setattr(village, key, value)
        _check_numbers(village.base_points, village.point_value_fen,
                       village.deduction_approval_above, village.redemption_approval_above)
        if not 1 <= village.notice_days <= 60:
            raise ShopError("setting_range", name=messages.Phrase("setting_notice_days"), low=1, high=60)
        if len(village.objection_phone) > 40:
            raise ShopError("text_too_long", field=fields.field_name("objection_phone"), longest=40,
                            length=len(village.objection_phone))
        after = proof.village_facts(village)
        guarded = oversight.village_guarded(before, after)
        approver = None
        if guarded:
            approver = approve(session, actor, approval, "approving_settings",
                               settings=messages.AllOf(messages.Phrase(f"setting_{name}") for name in guarded))
        proof.village_fact(session, village, user.username, approver)
        return settings_in(session)


def add_group(db: Database, actor: Actor, name: str) -> None:
    name = fields.text(name, "group", longest=fields.SHORT, required=True)
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        if session.scalar(select(VillagerGroup.id).where(VillagerGroup.name == name.strip())):
            raise ShopError("group_exists", group=name)
        session.add(VillagerGroup(name=name.strip()))
        proof.group_fact(session, name.strip(), user.username)


def initialise(db: Database, *, name: str, groups: list[str], admin_username: str,
               admin_name: str, admin_password: str, supervisor_username: str | None = None,
               supervisor_name: str = "", supervisor_password: str | None = None,
               **options) -> Actor:
    """Set up a new shop in one transaction: village, groups, accounts, default rules, the
    first administrator and, if named, the first supervisor (with their own password)."""
    from pos import rules, users

    with transaction(db) as session:
        setup(session, name=name, groups=groups, **options)
        rules.load_defaults(session)
        admin = users.add_user(session, None, admin_username, admin_name, Role.ADMIN, admin_password)
        if supervisor_username:
            users.first_supervisor(session, supervisor_username, supervisor_name,
                                   supervisor_password or "")
        return admin


def village_id(session: Session) -> str | None:
    """What names this village for good: the 64-hex hash of its ledger's first entry.

    A name can change and two villages can share one; the first entry's hash never
    changes once written, and no other village's chain begins with it. A village whose
    ledger holds no entry yet has no id (None)."""
    return session.scalar(select(Transaction.hash).where(Transaction.seq == 1))
