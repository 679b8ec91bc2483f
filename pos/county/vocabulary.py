"""The county's fixed words: its users' roles, what became of a package, a key's standing.

Like ``pos.vocabulary``, members equal the text stored in the county database;
what a person reads for each comes from ``pos.messages``.
"""

from __future__ import annotations

from enum import StrEnum


class CountyRole(StrEnum):
    ADMIN = "admin"  # adds county users
    OFFICIAL = "official"  # imports, accepts keys, reports, spot-checks


class PackageStatus(StrEnum):
    IMPORTED = "imported"  # checked and stored
    UNCHANGED = "unchanged"  # everything in it was held already
    HELD = "held"  # signed by a key the county has not accepted yet
    REFUSED = "refused"  # failed a check; kept as evidence


class KeyStatus(StrEnum):
    PINNED = "pinned"  # the village's key in use
    HELD = "held"  # new: waits for a county user to accept it
    REPLACED = "replaced"  # an accepted key came after it
    RETIRED = "retired"  # refused from now on; listed on the rules the villages take back


class Section(StrEnum):
    """The parts of a month kept by name in ``county_month_detail``."""

    CATEGORY = "category"  # points awarded, by the rule's category
    ZONE = "zone"  # points redeemed, by the goods' zone


# The files the county signs for villages: its receipts, and its reference rules.
RECEIPT_FORMAT = "aixin-county-receipt"
RULES_FORMAT = "aixin-county-rules"
