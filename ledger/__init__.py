"""The append-only, double-entry, hash-chained points ledger and its verifier.

It knows accounts, transactions and postings, nothing of the shop's words.
Callers hand it a SQLAlchemy session inside their own transaction, so a
ledger posting and the shop's other changes commit together or not at all.

The names below load with the module that holds them, when first used: the
window can catch a ``LedgerError`` without loading the database layer, so its
login shows before SQLAlchemy has loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_HOMES = {
    "Leg": "ledger.book", "Posted": "ledger.book", "account_balance": "ledger.book", "head": "ledger.book",
    "lock": "ledger.book", "open_account": "ledger.book", "post": "ledger.book", "record": "ledger.book",
    "reverse": "ledger.book", "transaction": "ledger.book",
    "NotCanonical": "ledger.canonical",
    "AlreadyReversed": "ledger.errors", "AppendOnlyViolation": "ledger.errors",
    "InsufficientBalance": "ledger.errors", "LedgerError": "ledger.errors", "NotReversible": "ledger.errors",
    "UnbalancedTransaction": "ledger.errors", "UnknownAccount": "ledger.errors",
    "Finding": "ledger.verification", "verify": "ledger.verification",
}

__all__ = [
    "AlreadyReversed", "AppendOnlyViolation", "Finding", "InsufficientBalance", "Leg", "LedgerError",
    "NotCanonical", "NotReversible", "Posted", "UnbalancedTransaction", "UnknownAccount", "account_balance",
    "head", "lock", "open_account", "post", "record", "reverse", "transaction", "verify",
]

if TYPE_CHECKING:  # for readers and checkers (and the frozen program's import scan): the same names
    from ledger.book import (
        Leg, Posted, account_balance, head, lock, open_account, post, record, reverse, transaction,
    )
    from ledger.canonical import NotCanonical
    from ledger.errors import (
        AlreadyReversed, AppendOnlyViolation, InsufficientBalance, LedgerError, NotReversible,
        UnbalancedTransaction, UnknownAccount,
    )
    from ledger.verification import Finding, verify


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'ledger' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
