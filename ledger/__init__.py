"""The append-only, double-entry, hash-chained points ledger and its verifier.

It knows accounts, transactions and postings, nothing of the shop's words.
Callers hand it a SQLAlchemy session inside their own transaction, so a
ledger posting and the shop's other changes commit together or not at all.
"""

from ledger.book import (
    Leg,
    Posted,
    account_balance,
    head,
    lock,
    open_account,
    post,
    record,
    reverse,
    transaction,
)
from ledger.canonical import NotCanonical
from ledger.errors import (
    AlreadyReversed,
    AppendOnlyViolation,
    InsufficientBalance,
    LedgerError,
    NotReversible,
    UnbalancedTransaction,
    UnknownAccount,
)
from ledger.verification import Finding, verify

__all__ = [
    "AlreadyReversed",
    "AppendOnlyViolation",
    "Finding",
    "InsufficientBalance",
    "Leg",
    "LedgerError",
    "NotCanonical",
    "NotReversible",
    "Posted",
    "UnbalancedTransaction",
    "UnknownAccount",
    "account_balance",
    "head",
    "lock",
    "open_account",
    "post",
    "record",
    "reverse",
    "transaction",
    "verify",
]
