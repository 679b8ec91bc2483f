"""The county database's tables, all named ``county_``, on a base of their own.

A county database is not a village's: its migrations (``pos/county/migrations``)
keep their own version table, so a county may even share a PostgreSQL database
with other systems. Reports read ``county_month`` and ``county_month_detail``,
which import fills once per closed month; nothing a report shows is summed from
``county_transaction``. The read-only views (``county_v_*``) are made by the
migrations and documented in the README.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ledger.schema import UtcDateTime

VILLAGE_ID = String(64)


class CountyBase(DeclarativeBase):
    pass


class Meta(CountyBase):
    """One row: the county, and the public half of the key its receipts are signed with."""

    __tablename__ = "county_meta"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    county_id: Mapped[str] = mapped_column(String(32))  # names its key file
    name: Mapped[str] = mapped_column(String(100))
    algorithm: Mapped[str] = mapped_column(String(16))
    public_key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    late_days: Mapped[int] = mapped_column(Integer, default=15)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CountyUser(CountyBase):
    __tablename__ = "county_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CountyVillage(CountyBase):
    """A village the county holds, named by the hash of its ledger's first entry.

    ``head_*`` is the county's copy of the village's head; ``closure_*`` its newest
    closure held; ``state`` the replayed facts in force at the head (cards, households,
    goods and stock, rules, balances), as JSON, so that the next import continues from
    them without reading the history again."""

    __tablename__ = "county_village"

    id: Mapped[str] = mapped_column(VILLAGE_ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    head_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    head_hash: Mapped[str] = mapped_column(String(64))
    closure_number: Mapped[int] = mapped_column(Integer, default=0)
    closure_hash: Mapped[str] = mapped_column(String(64))
    first_month: Mapped[str | None] = mapped_column(String(7))
    last_month: Mapped[str | None] = mapped_column(String(7))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_import_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    state: Mapped[str] = mapped_column(Text, default="{}", deferred=True)  # read by import and spot checks only


class CountyKey(CountyBase):
    """A village key the county has seen: ``pinned`` (in use), ``held`` (new, waiting for a
    county user to accept it), ``replaced`` (an accepted key came after it) or ``retired``
    (refused from now on, and listed on the stick that goes back to villages)."""

    __tablename__ = "county_key"
    __table_args__ = (UniqueConstraint("village_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    village_id: Mapped[str] = mapped_column(VILLAGE_ID, index=True)
    village_name: Mapped[str] = mapped_column(String(100))
    algorithm: Mapped[str] = mapped_column(String(16))
    public_key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CountyPackage(CountyBase):
    """Every package file the county was given, and what became of it. A refused or held
    package keeps its bytes (``data``): refused ones as evidence, held ones until their key
    is accepted."""

    __tablename__ = "county_package"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(300))
    village_id: Mapped[str | None] = mapped_column(VILLAGE_ID, index=True)
    village_name: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int | None] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    from_seq: Mapped[int | None] = mapped_column(BigInteger)
    to_seq: Mapped[int | None] = mapped_column(BigInteger)
    closures: Mapped[str] = mapped_column(String(200), default="")  # "4,5,6"
    months: Mapped[str] = mapped_column(String(400), default="")  # "2026-04,2026-05,2026-06"
    status: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str] = mapped_column(String(64), default="")  # a message key
    detail: Mapped[str] = mapped_column(Text, default="{}")  # the message's parameters, JSON
    fork_seq: Mapped[int | None] = mapped_column(BigInteger)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    received_by: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


class CountyTransaction(CountyBase):
    """The county's copy of each village's chain: ``body`` is exactly the bytes the chain
    hashes (``ledger.canonical``), so the copy proves itself and rebuilds the village."""

    __tablename__ = "county_transaction"
    __table_args__ = (UniqueConstraint("village_id", "reverses", name="county_reversed_once"),)

    village_id: Mapped[str] = mapped_column(VILLAGE_ID, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(32))
    reverses: Mapped[int | None] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)


class CountyClosure(CountyBase):
    __tablename__ = "county_closure"

    village_id: Mapped[str] = mapped_column(VILLAGE_ID, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    month: Mapped[str] = mapped_column(String(7))
    first_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    package_id: Mapped[int] = mapped_column(ForeignKey("county_package.id"))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    notes: Mapped[str] = mapped_column(Text, default="[]")  # what the recomputation noted, JSON


class CountyMonth(CountyBase):
    """One village's closed month, summed once at import: what every report reads."""

    __tablename__ = "county_month"
    __table_args__ = (Index("county_month_by_month", "month"),)

    village_id: Mapped[str] = mapped_column(VILLAGE_ID, primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    closure_number: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    package_id: Mapped[int] = mapped_column(ForeignKey("county_package.id"))
    households: Mapped[int] = mapped_column(Integer)  # with a card in use at the month's end
    transactions: Mapped[int] = mapped_column(Integer)
    issued_cards: Mapped[int] = mapped_column(BigInteger)  # base points on new cards, net
    awarded: Mapped[int] = mapped_column(BigInteger)  # awards and hygiene, net of reversals
    deducted: Mapped[int] = mapped_column(BigInteger)  # net
    redeemed: Mapped[int] = mapped_column(BigInteger)  # net
    redemptions: Mapped[int] = mapped_column(Integer)
    recovered: Mapped[int] = mapped_column(BigInteger)
    reversals: Mapped[int] = mapped_column(Integer)
    labour_points: Mapped[int] = mapped_column(BigInteger)
    hygiene_points: Mapped[int] = mapped_column(BigInteger)
    after_hours: Mapped[int] = mapped_column(Integer)  # redemptions outside opening hours
    own_household: Mapped[int] = mapped_column(Integer)  # the village audit's flags of that rule
    flags: Mapped[int] = mapped_column(Integer)
    flags_reviewed: Mapped[int] = mapped_column(Integer)
    outstanding: Mapped[int] = mapped_column(BigInteger)  # points on cards at the month's end
    outstanding_fen: Mapped[int] = mapped_column(BigInteger)
    point_value_fen: Mapped[int] = mapped_column(Integer)
    donations: Mapped[int] = mapped_column(Integer)  # delivery lines
    donations_fen: Mapped[int] = mapped_column(BigInteger)
    purchases_fen: Mapped[int] = mapped_column(BigInteger)
    count_lines: Mapped[int] = mapped_column(Integer)  # stock-count differences
    count_fen: Mapped[int] = mapped_column(BigInteger)  # their value, signed
    writeoff_fen: Mapped[int] = mapped_column(BigInteger)  # the value of what left by them
    notes: Mapped[int] = mapped_column(Integer, default=0)  # what the recomputation noted (names, zones)


class CountyMonthDetail(CountyBase):
    """A month's points by award category (``section`` "category") and redemptions by
    goods zone ("zone")."""

    __tablename__ = "county_month_detail"
    __table_args__ = (Index("county_month_detail_by_month", "month"),)

    village_id: Mapped[str] = mapped_column(VILLAGE_ID, primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    section: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    quantity: Mapped[int] = mapped_column(BigInteger, default=0)
    points: Mapped[int] = mapped_column(BigInteger)


class CountyFlag(CountyBase):
    """The village supervisor's audit flags and reviews of a closed month, as packaged."""

    __tablename__ = "county_flag"
    __table_args__ = (UniqueConstraint("village_id", "month", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    village_id: Mapped[str] = mapped_column(VILLAGE_ID, index=True)
    month: Mapped[str] = mapped_column(String(7))
    key: Mapped[str] = mapped_column(String(200))
    rule: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int | None] = mapped_column(BigInteger)
    household: Mapped[int | None] = mapped_column(Integer)
    operator: Mapped[str] = mapped_column(String(64), default="")
    message: Mapped[str] = mapped_column(Text)
    reviews: Mapped[str] = mapped_column(Text, default="[]")  # JSON


class CountyNotice(CountyBase):
    """What a village's notice printed beyond its closure (period, objection phone, echo wall)."""

    __tablename__ = "county_notice"

    village_id: Mapped[str] = mapped_column(VILLAGE_ID, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    month: Mapped[str] = mapped_column(String(7))
    data: Mapped[str] = mapped_column(Text)


class CountyReceipt(CountyBase):
    """A signed receipt (回执) the county gave for an import."""

    __tablename__ = "county_receipt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    village_id: Mapped[str] = mapped_column(VILLAGE_ID, index=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("county_package.id"))
    last_closure: Mapped[int] = mapped_column(Integer)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    document: Mapped[str] = mapped_column(Text)  # canonical JSON
    signature: Mapped[str] = mapped_column(String(200))


class CountyInbox(CountyBase):
    """Packages a village sent over the network (``aixin county send``), waiting for import."""

    __tablename__ = "county_inbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    taken_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    package_id: Mapped[int | None] = mapped_column(Integer)


class CountyRule(CountyBase):
    """The county's reference point rules, which villages adapt."""

    __tablename__ = "county_rule"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    category: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(100))
    points_min: Mapped[int] = mapped_column(Integer)
    points_max: Mapped[int] = mapped_column(Integer)
    deduction: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The rule's limits as a village's rules carry them: "N/period" ("" for none), and the most
    # households one deed day (0 for none).
    limit: Mapped[str] = mapped_column(String(16), default="", server_default="")
    cap_per_event: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class CountySpotcheck(CountyBase):
    """A visit list drawn for one village (走访核实, 现场抽查盘点): ``lines`` holds what the
    county held for each household and goods drawn, as JSON, so findings compare with it."""

    __tablename__ = "county_spotcheck"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    village_id: Mapped[str] = mapped_column(VILLAGE_ID, index=True)
    month: Mapped[str] = mapped_column(String(7))
    head_seq: Mapped[int] = mapped_column(BigInteger)
    drawn_at: Mapped[datetime] = mapped_column(UtcDateTime)
    drawn_by: Mapped[str] = mapped_column(String(64))
    seed: Mapped[int] = mapped_column(BigInteger)
    lines: Mapped[str] = mapped_column(Text)


class CountyFinding(CountyBase):
    """What the official found on a visit, against what the county held."""

    __tablename__ = "county_finding"
    __table_args__ = (UniqueConstraint("spotcheck_id", "kind", "ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spotcheck_id: Mapped[int] = mapped_column(ForeignKey("county_spotcheck.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # household | goods
    ref: Mapped[str] = mapped_column(String(32))  # household id or goods code
    expected: Mapped[int] = mapped_column(BigInteger)
    found: Mapped[int] = mapped_column(BigInteger)
    differs: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    entered_by: Mapped[str] = mapped_column(String(64))
    entered_at: Mapped[datetime] = mapped_column(UtcDateTime)
