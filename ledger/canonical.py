"""The canonical encoding of a ledger transaction, and its hash.

A transaction is encoded as one JSON object, serialised per RFC 8785 (JSON
Canonicalization Scheme): keys sorted, no insignificant white space, strings
as UTF-8 with only the mandatory escapes, integers in plain decimal. Only
strings, integers (|n| < 2**53), null and arrays occur, which is the subset
where Python's ``json.dumps(sort_keys=True, ensure_ascii=False,
separators=(",", ":"))`` and RFC 8785 agree byte for byte.

The object (version 1):

    {"approver": str|null,        user who approved it, if one had to
     "at": "YYYY-MM-DDTHH:MM:SS.ffffffZ",   UTC, microseconds
     "attrs": {str: str|int},     the caller's facts (household, rule, ...)
     "kind": str,                 e.g. "redemption"
     "memo": str,
     "operator": str,             user who entered it
     "postings": [[account_code, amount], ...]   in line order
     "prev": hex,                 hash of transaction seq-1 (GENESIS for seq 1)
     "reverses": int|null,        seq of the transaction this one reverses
     "seq": int,
     "v": 1}

hash = lowercase hex SHA-256 of those bytes. Database row ids are left out,
so an export verifies the same on any database. ``ledger/verify_export.py``
repeats this definition without importing the app; tests pin both to the
same known-answer vectors.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

VERSION = 1
GENESIS = "0" * 64
MAX_AMOUNT = 2**53 - 1


def format_time(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("ledger times must be timezone-aware")
    if at.utcoffset():
        at = at.astimezone(UTC)
    return at.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def encode(
    *,
    prev: str,
    seq: int,
    at: datetime | str,
    kind: str,
    operator: str,
    approver: str | None,
    memo: str,
    reverses: int | None,
    attrs: Mapping[str, str | int],
    postings: Iterable[tuple[str, int]],
) -> bytes:
    doc = {
        "v": VERSION,
        "prev": prev,
        "seq": seq,
        "at": at if isinstance(at, str) else format_time(at),
        "kind": kind,
        "operator": operator,
        "approver": approver,
        "memo": memo,
        "reverses": reverses,
        "attrs": dict(attrs),
        "postings": [[code, amount] for code, amount in postings],
    }
    return json.dumps(
        doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def encode_attrs(attrs: Mapping[str, str | int]) -> str:
    """How ``attrs`` is stored in its column: canonical JSON text."""
    return json.dumps(dict(attrs), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
