"""Refusals the shop expects, each with a message for the person at the counter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pos import messages

if TYPE_CHECKING:
    from ledger.errors import LedgerError


class ShopError(Exception):
    """A refusal or problem with a user-facing message looked up by ``key``.

    ``str(error)`` is the Chinese message; ``error.message("en")`` the English.
    """

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(self.message("zh"))

    def message(self, lang: str = "zh") -> str:
        return messages.text(self.key, lang, **self.params)

    def lines(self, lang: str = "zh") -> list[str]:
        """What follows the message, one a line (a refusal that found several things)."""
        return []


class PermissionDenied(ShopError):
    """The caller's role may not do this."""


class NeedsApproval(ShopError):
    """A supervisor must approve this (four-eyes)."""


class NeedsConfirm(ShopError):
    """Done only when the person confirms what the message says (a month that ended minutes
    ago by this PC's clock): asked again with the confirmation, it goes ahead."""


class ImportProblems(ShopError):
    """An import found problems in its rows; nothing was written.

    ``problems`` holds ``(row_number, ShopError)`` pairs, row 1 being the header.
    """

    def __init__(self, problems: list[tuple[int, ShopError]]):
        self.problems = problems
        super().__init__("import_refused", count=len(problems))

    def lines(self, lang: str = "zh") -> list[str]:
        return [messages.text("problem_row", lang, row=number, problem=problem.message(lang))
                for number, problem in self.problems]


class Findings(ShopError):
    """Every disagreement a check found, not only the first; nothing was written.

    It reads as its first finding (so one finding reads as a refusal always did);
    ``findings`` holds them all, each a ``ShopError`` naming where.
    """

    def __init__(self, findings: Sequence[ShopError]):
        self.findings = tuple(findings)
        super().__init__(self.findings[0].key, **self.findings[0].params)

    def lines(self, lang: str = "zh") -> list[str]:
        return [finding.message(lang) for finding in self.findings[1:]]


def from_ledger(exc: LedgerError) -> ShopError:
    """The ledger's refusal, told in the shop's words."""
    # Imported here: the ledger package loads SQLAlchemy, which `aixin --help` does without.
    from ledger.errors import (
        AlreadyReversed,
        InsufficientBalance,
        NotReversible,
        UnbalancedTransaction,
        UnknownAccount,
    )

    if isinstance(exc, InsufficientBalance):
        return ShopError("insufficient", available=exc.available, needed=exc.needed, account=exc.account)
    if isinstance(exc, UnbalancedTransaction):
        return ShopError("unbalanced", total=exc.total)
    if isinstance(exc, UnknownAccount):
        return ShopError("unknown_account", account=exc.account)
    if isinstance(exc, AlreadyReversed):
        return ShopError("already_reversed", seq=exc.seq, by=exc.by)
    if isinstance(exc, NotReversible):
        return ShopError("not_reversible", seq=exc.seq, reason=exc.reason)
    return ShopError("ledger_error", detail=str(exc))


# What SQLite says when the file itself is the problem.
_DAMAGED = ("malformed", "file is not a database", "not a database")
_IO = ("disk i/o error",)
_READ_ONLY = ("readonly database", "read-only", "unable to open database file")
_FULL = ("database or disk is full", "disk is full")


def from_database(exc: Exception, where: str) -> ShopError | None:
    """A database fault that is not the program's: a damaged or read-only file, a full disk,
    a server that cannot be reached, a lock held too long. None for anything else. The
    transaction was rolled back in every case, so each message says nothing was saved."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if not isinstance(exc, DBAPIError):
        return None
    detail = str(exc.orig or exc).strip().splitlines()[0] if str(exc.orig or exc).strip() else type(exc).__name__
    text = detail.lower()
    if exc.connection_invalidated or _server_gone(exc):
        return ShopError("db_unreachable", server=where, detail=detail)
    if any(word in text for word in _DAMAGED):
        return ShopError("db_damaged", path=where, detail=detail)
    if any(word in text for word in _IO):
        return ShopError("db_io_error", path=where, detail=detail)
    if any(word in text for word in _READ_ONLY):
        return ShopError("db_read_only", path=where, detail=detail)
    if any(word in text for word in _FULL):
        return ShopError("disk_full", path=where, detail=detail)
    if isinstance(exc, OperationalError) and "locked" in text:
        return ShopError("db_busy", path=where)
    return None


def _server_gone(exc) -> bool:
    """PostgreSQL refused, restarted or stopped under us (psycopg's OperationalError)."""
    module = type(exc.orig).__module__ if exc.orig is not None else ""
    return module.startswith("psycopg") and type(exc.orig).__name__ in (
        "OperationalError", "InterfaceError", "AdminShutdown", "ConnectionTimeout", "ConnectionException")
