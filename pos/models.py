"""Every mapped table, so that metadata and migrations see them all."""

from ledger.schema import Account, Base, Head, Posting, Transaction
from pos.tables import (
    AuditReview,
    MonthClosure,
    Card,
    Goods,
    Household,
    HygieneRound,
    HygieneScore,
    LoginAttempt,
    PrintJob,
    Redemption,
    RedemptionLine,
    Rule,
    StockCount,
    StockIntake,
    StockMovement,
    User,
    Village,
    VillagerGroup,
    Wish,
    WishEvent,
)

__all__ = [
    "Account", "AuditReview", "Base", "Card", "Goods", "Head", "Household", "HygieneRound", "HygieneScore",
    "LoginAttempt", "MonthClosure", "Posting", "PrintJob", "Redemption", "RedemptionLine", "Rule", "StockCount",
    "StockIntake", "StockMovement", "Transaction", "User", "Village", "VillagerGroup",
    "Wish", "WishEvent",
]
