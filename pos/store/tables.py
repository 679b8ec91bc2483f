"""The shop's tables. Services in the other ``pos`` modules read and write them;
nothing outside ``pos`` sees these classes (services return plain dataclasses)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from ledger.schema import Base, UtcDateTime, append_only
from pos.vocabulary import HouseholdStatus


class Village(Base):
    """One row: this shop's settings."""

    __tablename__ = "village"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    shop_name: Mapped[str] = mapped_column(String(100))
    base_points: Mapped[int] = mapped_column(Integer)
    point_value_fen: Mapped[int] = mapped_column(Integer)
    opening_hours: Mapped[str] = mapped_column(String(200))
    deduction_approval_above: Mapped[int] = mapped_column(Integer)
    redemption_approval_above: Mapped[int] = mapped_column(Integer)
    # The monthly notice: how many days it stays up, who takes objections, masked names.
    notice_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")
    objection_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    mask_names: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Whether the honour roll lists the households that lost points by name (pos.month.honour).
    name_deductions: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # direct | claims (pos.claims): whether an award counts at once or after its posting.
    awards: Mapped[str] = mapped_column(String(16), default="direct", server_default="direct")


class VillagerGroup(Base):
    __tablename__ = "villager_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    wait_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The user's own household, if they are a villager too (the audit flags self-dealing).
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"))


class LoginAttempt(Base):
    __tablename__ = "login_attempt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    purpose: Mapped[str] = mapped_column(String(16))  # login | approval
    outcome: Mapped[str] = mapped_column(String(16))  # ok | wrong | waiting | locked | unknown


class Household(Base):
    __tablename__ = "household"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    head_name: Mapped[str] = mapped_column(String(50), index=True)
    initials: Mapped[str] = mapped_column(String(200), index=True)  # " zw cw": every reading
    group_id: Mapped[int] = mapped_column(ForeignKey("villager_group.id"))
    people: Mapped[int] = mapped_column(Integer)
    phone: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(16), default=HouseholdStatus.ACTIVE)  # HouseholdStatus
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Card(Base):
    __tablename__ = "point_card"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))  # CardStatus
    replaces: Mapped[str | None] = mapped_column(String(16))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issue_seq: Mapped[int | None] = mapped_column(BigInteger)
    closed_seq: Mapped[int | None] = mapped_column(BigInteger)


class Rule(Base):
    __tablename__ = "point_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    category: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(100))
    points_min: Mapped[int] = mapped_column(Integer)
    points_max: Mapped[int] = mapped_column(Integer)
    deduction: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # At most ``limit_count`` times a household a ``limit_period`` (pos.limits); none if null.
    limit_count: Mapped[int | None] = mapped_column(Integer)
    limit_period: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # At most this many households earn by the rule for one deed day (pos.limits); none if null.
    cap_per_event: Mapped[int | None] = mapped_column(Integer)


class HygieneRound(Base):
    __tablename__ = "hygiene_round"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    held_on: Mapped[date] = mapped_column(Date)
    inspectors: Mapped[str] = mapped_column(String(200))
    tx_seq: Mapped[int | None] = mapped_column(BigInteger)


class HygieneScore(Base):
    __tablename__ = "hygiene_score"
    __table_args__ = (UniqueConstraint("round_id", "household_id", "item"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("hygiene_round.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"))
    item: Mapped[str] = mapped_column(String(16))
    passed: Mapped[bool] = mapped_column(Boolean)
    points: Mapped[int] = mapped_column(Integer)


class Goods(Base):
    __tablename__ = "goods"
    # Migration 0004: a CHECK on PostgreSQL, triggers doing the same on SQLite.
    __table_args__ = (CheckConstraint("stock >= 0", name="goods_stock_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    zone: Mapped[str] = mapped_column(String(16))
    price_points: Mapped[int] = mapped_column(Integer)
    value_fen: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(16))
    stock: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class StockMovement(Base):
    """Append-only, like the ledger: stock changes only by new movements."""

    __tablename__ = "stock_movement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goods_id: Mapped[int] = mapped_column(ForeignKey("goods.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)  # + in, - out
    kind: Mapped[str] = mapped_column(String(16))  # intake | redemption | return | writeoff
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator: Mapped[str] = mapped_column(String(64))
    approver: Mapped[str | None] = mapped_column(String(64))
    tx_seq: Mapped[int | None] = mapped_column(BigInteger, index=True)
    intake_id: Mapped[int | None] = mapped_column(ForeignKey("stock_intake.id"))
    count_id: Mapped[int | None] = mapped_column(ForeignKey("stock_count.id"))
    value_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class StockIntake(Base):
    """One delivery: a donation (the register the monthly notice publishes) or a purchase."""

    __tablename__ = "stock_intake"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    received_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(16))  # donation | purchase
    donor: Mapped[str] = mapped_column(String(100), default="")
    donor_type: Mapped[str] = mapped_column(String(16), default="")  # company | person | other
    funding: Mapped[str] = mapped_column(String(16), default="")
    operator: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class StockCount(Base):
    __tablename__ = "stock_count"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator: Mapped[str] = mapped_column(String(64))
    approver: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class Redemption(Base):
    """The shop's side of a redemption ledger transaction: what left the shelves."""

    __tablename__ = "redemption"

    tx_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    card_number: Mapped[str] = mapped_column(String(16), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    points: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    reversed_by: Mapped[int | None] = mapped_column(BigInteger)
    # One per confirm at the counter: a second submit with it returns the first redemption.
    token: Mapped[str | None] = mapped_column(String(64), unique=True, index=True, default=None)


class RedemptionLine(Base):
    __tablename__ = "redemption_line"

    tx_seq: Mapped[int] = mapped_column(ForeignKey("redemption.tx_seq"), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    goods_id: Mapped[int] = mapped_column(ForeignKey("goods.id"))
    name: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_points: Mapped[int] = mapped_column(Integer)


append_only(StockMovement, HygieneScore, RedemptionLine)


class PrintJob(Base):
    """A receipt owed to a household: created with the redemption, kept until printed.

    ``copy`` 0 is the original; N is the Nth reprint, so every reprint is on record.
    """

    __tablename__ = "print_job"
    __table_args__ = (UniqueConstraint("tx_seq", "copy"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tx_seq: Mapped[int] = mapped_column(ForeignKey("redemption.tx_seq"), index=True)
    copy: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)  # JobStatus
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(32), default="")
    requested_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # While SENDING, the job belongs to its sender ("PC:process") as long as its heartbeat is fresh.
    sender: Mapped[str] = mapped_column(String(128), default="", server_default="")
    heartbeat_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


# The wish wall (心愿墙) and the echo wall (回音墙): see pos/wishes.py.

class Wish(Base):
    """A villager's wish and where it stands now; ``wish_event`` keeps every change.

    A wish has one donor: the donor columns are written once, by an UPDATE that
    matches only an open wish, and the database refuses an open wish with a donor
    or a claimed one without.
    """

    __tablename__ = "wish"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'claimed', 'delivered', 'thanked', 'withdrawn')",
                        name="wish_status_known"),
        CheckConstraint("status <> 'open' OR donor = ''", name="wish_open_has_no_donor"),
        CheckConstraint("status NOT IN ('claimed', 'delivered', 'thanked') OR donor <> ''",
                        name="wish_claimed_has_a_donor"),
        CheckConstraint("value_fen >= 0", name="wish_value_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    member: Mapped[str] = mapped_column(String(50), default="")
    text: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(16))
    written_on: Mapped[date] = mapped_column(Date)
    value_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    show_name: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), index=True)
    written_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    donor: Mapped[str] = mapped_column(String(100), default="")
    donor_type: Mapped[str] = mapped_column(String(16), default="")  # company | person | unit
    donor_contact: Mapped[str] = mapped_column(String(100), default="")
    claimed_by: Mapped[str] = mapped_column(String(64), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    delivered_on: Mapped[date | None] = mapped_column(Date, index=True)
    handed_by: Mapped[str] = mapped_column(String(50), default="")
    delivery_note: Mapped[str] = mapped_column(String(400), default="")
    handover: Mapped[str] = mapped_column(String(16), default="")  # household | stock
    intake_id: Mapped[int | None] = mapped_column(ForeignKey("stock_intake.id"))
    echo: Mapped[str] = mapped_column(String(400), default="")
    thanked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    withdrawn_reason: Mapped[str] = mapped_column(String(400), default="")


class WishEvent(Base):
    """Append-only: each change of a wish, once per kind (one claim a wish, ever)."""

    __tablename__ = "wish_event"
    __table_args__ = (UniqueConstraint("wish_id", "kind", name="wish_event_once"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    wish_id: Mapped[int] = mapped_column(ForeignKey("wish.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # written | claimed | delivered | thanked | withdrawn
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    operator: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON: what this change set


append_only(WishEvent)


class MonthClosure(Base):
    """A closed month (月结). ``document`` is the closure's canonical JSON, ``hash`` its
    SHA-256; the other columns repeat what the document says, for look-up. Append-only."""

    __tablename__ = "month_closure"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    month: Mapped[str] = mapped_column(String(7), unique=True)
    period_start: Mapped[datetime] = mapped_column(UtcDateTime)
    period_end: Mapped[datetime] = mapped_column(UtcDateTime)
    first_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
    head_seq: Mapped[int] = mapped_column(BigInteger)
    head_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_by: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))


class AuditReview(Base):
    """A supervisor's review of one audit flag: who, when, what was said. Append-only."""

    __tablename__ = "audit_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7), index=True)
    flag: Mapped[str] = mapped_column(String(120))
    rule: Mapped[str] = mapped_column(String(32))
    reviewer: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    comment: Mapped[str] = mapped_column(Text)


append_only(MonthClosure, AuditReview)


# Claims (申报), their review and their posting (公示): see pos/claims.py.

class ClaimPosting(Base):
    """Accepted claims put up for public notice: up from ``starts_on`` for ``notice_days``
    Beijing days; credited in one transaction (``credited_seq``) once that has passed."""

    __tablename__ = "claim_posting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    starts_on: Mapped[date] = mapped_column(Date)
    notice_days: Mapped[int] = mapped_column(Integer)
    posted_by: Mapped[str] = mapped_column(String(64))
    posted_seq: Mapped[int] = mapped_column(BigInteger)
    credited_seq: Mapped[int | None] = mapped_column(BigInteger, unique=True)


class Claim(Base):
    """One household's claim to points by a rule, and where it stands now; every change is
    a chained fact (``Kind.CLAIM``) carrying the claim's facts after it."""

    __tablename__ = "claim"
    __table_args__ = (
        CheckConstraint("status IN ('entered', 'accepted', 'rejected', 'posted', 'objected', 'credited')",
                        name="claim_status_known"),
        CheckConstraint("points <> 0", name="claim_points_not_zero"),  # negative: a deduction
        CheckConstraint("status <> 'credited' OR credited_seq IS NOT NULL", name="claim_credited_has_entry"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    rule: Mapped[str] = mapped_column(String(16), index=True)
    points: Mapped[int] = mapped_column(Integer)  # as declared, or as the review set them
    deed_date: Mapped[date] = mapped_column(Date)
    declared_by: Mapped[str] = mapped_column(String(50))
    note: Mapped[str] = mapped_column(String(400), default="")
    photo: Mapped[str] = mapped_column(String(64), default="")  # the photo's SHA-256, if any
    entered_by: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), index=True)
    reviewed_by: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(400), default="")  # a rejection's reason
    posting_id: Mapped[int | None] = mapped_column(ForeignKey("claim_posting.id"), index=True)
    objected_by: Mapped[str] = mapped_column(String(50), default="")
    objection: Mapped[str] = mapped_column(String(400), default="")
    objected_on: Mapped[date | None] = mapped_column(Date)
    credited_seq: Mapped[int | None] = mapped_column(BigInteger)
    seq: Mapped[int] = mapped_column(BigInteger)  # the chained fact of its latest change
