"""The shop's fixed words, declared once and light to import.

Each kind, status, role and area the code compares against is a member here,
never a free string elsewhere (a free string that names a status has already
made a receipt count as waiting forever). The members are ``StrEnum``s, so
they equal the text stored in the database and hashed into the chain; what a
person reads for each comes from ``pos.messages``, in either language.

Nothing here loads the database layer: the command line builds its help from
these lists before anything else is imported.
"""

from __future__ import annotations

from datetime import timedelta, timezone
from enum import StrEnum

# The village's clock: China Standard Time (UTC+8, no daylight saving), whatever zone the
# PC is set to. ``pos.periods`` builds the calendar on it.
LOCAL = timezone(timedelta(hours=8), "CST")


class Role(StrEnum):
    ADMIN = "admin"  # 管理员: works the counter
    SUPERVISOR = "supervisor"  # 监督员 / 第一书记: audits, approves
    REVIEWER = "reviewer"  # 评议员: reviews claims, one of the village's review group


class Kind(StrEnum):
    """The kinds of ledger entry the shop writes: points transactions, and the chained
    facts that move no points (``ledger.record``)."""

    # points move
    CARD_ISSUE = "card_issue"  # also a fact, when a card is issued with no base points
    CARD_REPLACE = "card_replace"
    CARD_RECOVERY = "card_recovery"
    AWARD = "award"
    DEDUCTION = "deduction"
    HYGIENE = "hygiene"
    REDEMPTION = "redemption"
    REVERSAL = "reversal"  # ledger.book.REVERSAL
    CLAIM_CREDIT = "claim_credit"  # a posting's accepted claims credited once its notice ended
    # facts only
    ACCOUNT_OPEN = "account_open"  # ledger.book.ACCOUNT_OPEN
    USER = "user"
    VILLAGE = "village"
    GROUP = "group"
    RULE = "rule"
    GOODS = "goods"
    HOUSEHOLD = "household"
    STOCK_INTAKE = "stock_intake"
    STOCK_COUNT = "stock_count"
    COUNTY_RECEIPT = "county_receipt"  # the county's receipt (回执) for closed months, recorded
    RECOVERY_CODE = "recovery_code"  # a sealed one-time code's digest, issued for a village left
    # without a supervisor
    CLAIM = "claim"  # a claim (申报) entered, reviewed, objected to: its facts after the change
    CLAIM_POSTING = "claim_posting"  # accepted claims put up for public notice (公示)


def kind_of(stored: str) -> Kind | str:
    """A kind as stored, as its member; a kind this program does not know stays as it is."""
    return Kind._value2member_map_.get(stored, stored)


# Kinds whose points count as earned on a household's statement and the notice.
EARNING_KINDS = frozenset({Kind.CARD_ISSUE, Kind.AWARD, Kind.HYGIENE, Kind.CLAIM_CREDIT})
# Kinds a supervisor may undo by a reversal.
REVERSIBLE = frozenset({Kind.REDEMPTION, Kind.AWARD, Kind.DEDUCTION, Kind.HYGIENE})


class CardStatus(StrEnum):
    ACTIVE = "active"
    BLOCKED = "blocked"  # reported lost, replaced
    RECOVERED = "recovered"  # taken back from a household that moved away


class HouseholdStatus(StrEnum):
    ACTIVE = "active"
    MOVED = "moved"


class AwardsMode(StrEnum):
    """How the village's awards count: at once (direct), or as claims reviewed and posted
    for a notice period before they are credited (claims)."""

    DIRECT = "direct"
    CLAIMS = "claims"


class ClaimStatus(StrEnum):
    """A claim's life: entered, reviewed (accepted or rejected), posted, objected to (held
    until reviewed again), credited."""

    ENTERED = "entered"
    ACCEPTED = "accepted"  # pending: waits for a posting
    REJECTED = "rejected"
    POSTED = "posted"  # on a posting whose notice period has not ended
    OBJECTED = "objected"  # held until the review group decides again
    CREDITED = "credited"


# A claim that still counts toward its household's points: pending, or soon to be.
PENDING_CLAIMS = (ClaimStatus.ACCEPTED, ClaimStatus.POSTED)
# A claim that counts toward a rule's limit: every claim not rejected.
LIVE_CLAIMS = (ClaimStatus.ENTERED, ClaimStatus.ACCEPTED, ClaimStatus.POSTED, ClaimStatus.OBJECTED,
               ClaimStatus.CREDITED)


class LimitPeriod(StrEnum):
    """The period a rule's limit counts in (``N/week``: N times a household a week)."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class JobStatus(StrEnum):
    """A receipt's print job. SENDING is recorded before the bytes go out; a job still
    SENDING when a run starts was cut short by a crash, so it is kept as INTERRUPTED and the
    receipt goes out again as a numbered reprint. SENT: sent to a printer whose status is
    not queried, so nobody knows it printed."""

    PENDING = "pending"
    SENDING = "sending"
    PRINTED = "printed"
    SENT = "sent"
    FAILED = "failed"
    INTERRUPTED = "interrupted"


# A job in one of these is finished; every other job is waiting (the queue, the status bar).
JOB_DONE = (JobStatus.PRINTED, JobStatus.SENT, JobStatus.INTERRUPTED)


class ReceiptState(StrEnum):
    """What became of a sale's receipt right after the sale: printed, queued because no
    printer is set up, or held by a fault (which one is said beside it)."""

    PRINTED = "printed"
    QUEUED = "queued"
    FAULT = "fault"


class WishStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    DELIVERED = "delivered"
    THANKED = "thanked"
    WITHDRAWN = "withdrawn"


class Source(StrEnum):
    """Where a stock intake came from."""

    DONATION = "donation"
    PURCHASE = "purchase"


class Movement(StrEnum):
    """Why goods came onto or left the shelf (a stock movement's kind)."""

    INTAKE = "intake"
    REDEMPTION = "redemption"
    RETURN = "return"  # a redemption reversed puts its goods back
    WRITEOFF = "writeoff"  # a count's difference, or damaged goods written off


class StockEvent(StrEnum):
    """The stock's own records the audit lists beside the ledger's transactions."""

    INTAKE = "intake"
    COUNT = "count"  # a count whose differences go both ways
    WRITEOFF = "writeoff"  # a count or write-off that only took goods away


class UserChange(StrEnum):
    """What a chained user record changed (its ``change`` attribute)."""

    ADD = "add"
    ROLE = "role"
    ACTIVE = "active"
    PASSWORD = "password"
    HOUSEHOLD = "household"  # linked to (or unlinked from) the user's own household
    RECOVERY = "recovery"  # a supervisor made with the village's sealed recovery code


class Purpose(StrEnum):
    """What a password was typed for, as the login records keep it."""

    LOGIN = "login"
    APPROVAL = "approval"
    SIGNATURE = "signature"  # a supervisor signing a month's closure with their password again


class Outcome(StrEnum):
    """How a typed password went. UNKNOWN: no such active user (the name is not kept)."""

    OK = "ok"
    WRONG = "wrong"
    UNKNOWN = "unknown"
    LOCKED = "locked"
    WAITING = "waiting"


class WishChange(StrEnum):
    """A step in a wish's life, as its events record it."""

    WRITTEN = "written"
    CLAIMED = "claimed"
    DELIVERED = "delivered"
    THANKED = "thanked"
    WITHDRAWN = "withdrawn"


class Handover(StrEnum):
    """Where a wish's gift went when it came."""

    HOUSEHOLD = "household"  # straight to the villager
    STOCK = "stock"  # onto the shelf, as a donation


class Area(StrEnum):
    """What a write changed, as the window's views listen for it (``Operations.changed``)."""

    LEDGER = "ledger"
    HOUSEHOLDS = "households"
    CARDS = "cards"
    GOODS = "goods"
    STOCK = "stock"
    HYGIENE = "hygiene"
    RECEIPTS = "receipts"  # print jobs: a sale's receipt, a reprint, a retry
    VILLAGE = "village"
    RULES = "rules"
    USERS = "users"
    AUDIT = "audit"
    CLOSURE = "closure"
    WISHES = "wishes"
    # the county's window
    COUNTY_PACKAGES = "county_packages"  # packages imported, held or refused: villages' months too
    COUNTY_KEYS = "county_keys"
    COUNTY_SPOTCHECKS = "county_spotchecks"
    CLAIMS = "claims"


# Whose entries a county user wrote into a village's chain (a village rebuilt from the county's
# copy gives each user a one-time password this way): ``county:NAME``.
COUNTY_OPERATOR = "county:"

# The ledger's accounts: each household card's, and the village's own.
CARD_PREFIX = "card:"
PHOTOS = "photos"  # the folder beside the database file where claims' photos are kept (by SHA-256)
ISSUE = "village:issue"  # every point comes from here: base points and awards
REDEEMED = "village:redeemed"  # points spent on goods
DEDUCTED = "village:deducted"  # points taken away by deductions
RECOVERED = "village:recovered"  # points left on cards taken back from households that moved away

# The lists a person picks from. Zones, funding and wish categories are stored as these
# very words (they are the codes too); their English is in the catalogue.
ZONES = ("粮油区", "日用品区", "洗化区", "服装区", "农资区", "家用电器区")
DONOR_TYPES = ("company", "person", "other")
FUNDING = ("扶贫资金", "民政补贴", "社会捐赠", "村集体", "其他")
WISH_CATEGORIES = ("学习用品", "生活用品", "衣物被褥", "家用电器", "助老助残", "医疗康复", "农资农具", "其他")
WISH_DONOR_TYPES = ("company", "person", "unit")
LABEL_LAYOUTS = ("a4-3x8", "a4-4x10")
WALL_PAPERS = ("A4", "A3")  # printing/wishwall.py lays out both

# A new village's defaults.
BASE_POINTS = 100
POINT_VALUE_FEN = 300


def card_account(number: str) -> str:
    """The ledger account of point card ``number``."""
    return f"{CARD_PREFIX}{number}"


def card_of(account: str) -> str | None:
    """The card number of a card's ledger account; None for the village's accounts."""
    return account[len(CARD_PREFIX):] if account.startswith(CARD_PREFIX) else None
