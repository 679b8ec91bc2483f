"""What the ledger refuses. Each carries the facts a caller needs to explain it."""

from __future__ import annotations


class LedgerError(Exception):
    """Base of every refusal by the ledger."""


class UnbalancedTransaction(LedgerError):
    def __init__(self, total: int):
        super().__init__(f"postings sum to {total}, not zero")
        self.total = total


class InsufficientBalance(LedgerError):
    def __init__(self, account: str, available: int, needed: int):
        super().__init__(f"account {account} has {available}, needs {needed}")
        self.account = account
        self.available = available
        self.needed = needed


class UnknownAccount(LedgerError):
    def __init__(self, account: str):
        super().__init__(f"no account {account}")
        self.account = account


class AlreadyReversed(LedgerError):
    def __init__(self, seq: int, by: int):
        super().__init__(f"transaction {seq} was already reversed by {by}")
        self.seq = seq
        self.by = by


class NotReversible(LedgerError):
    def __init__(self, seq: int, reason: str):
        super().__init__(f"transaction {seq} cannot be reversed: {reason}")
        self.seq = seq
        self.reason = reason


class AppendOnlyViolation(LedgerError):
    """Raised when code tries to change or delete a written transaction or posting."""
