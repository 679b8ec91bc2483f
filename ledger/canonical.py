"""The canonical encoding of a ledger transaction, and its hash.

A transaction is encoded as one JSON object serialised per RFC 8785 (JSON
Canonicalization Scheme): object keys sorted by their UTF-16 code units (not
by code point: the two differ once a key mixes characters from U+E000 up with
characters beyond U+FFFF), no insignificant white space, strings as UTF-8
with only the mandatory escapes, integers in plain decimal. Only the part of
JSON whose RFC 8785 form is exact is accepted: strings, integers within
+-(2**53 - 1), true, false, null, arrays and objects with string keys. A
float, a larger integer, a lone surrogate or any other type is refused with
``NotCanonical`` rather than written in a form another implementation could
write differently. The official JCS test vectors and the ``rfc8785`` package
pin this in the tests.

The object (version 1):

    {"approver": str|null,        user who approved it, if one had to
     "at": "YYYY-MM-DDTHH:MM:SS.ffffffZ",   UTC, microseconds
     "attrs": {str: value},       the caller's facts (household, rule, ...)
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

Version 1 chains were first written with Python's ``json.dumps(sort_keys=True)``,
which orders keys by code point. Every key the shop has ever hashed is ASCII
and no float was ever hashed, so those chains encode to the same bytes here
(a test recomputes a whole demo year written by that code); the version
number stays 1. A change that alters any existing transaction's bytes must
come with a new version number, and ``encode`` must keep producing version 1
for the transactions that carry it.
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
import json.scanner
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from ledger.errors import LedgerError

VERSION = 1
GENESIS = "0" * 64
MAX_INTEGER = 2**53 - 1  # the largest integer an IEEE double (JSON's number) holds exactly
MAX_AMOUNT = MAX_INTEGER


class NotCanonical(LedgerError, ValueError):
    """A value that has no exact RFC 8785 form in the ledger's encoding.

    ``path`` names where it sits (``attrs.items[2]``)."""

    def __init__(self, reason: str, path: str = ""):
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)

    def within(self, step: str) -> NotCanonical:
        joint = "" if not self.path or self.path.startswith("[") else "."
        return NotCanonical(self.reason, step + joint + self.path)


def _utf16_units(key: str) -> bytes:
    # Big-endian UTF-16 bytes compare exactly as the RFC's sequences of code units.
    return key.encode("utf-16-be", "surrogatepass")


def _prepared(value):
    """``value`` with every object's keys in RFC 8785 order; refuses what has no exact form."""
    kind = type(value)
    if kind is str or value is None or kind is bool:
        return value
    if kind is int:
        if -MAX_INTEGER <= value <= MAX_INTEGER:
            return value
        raise NotCanonical(
            f"the integer {value} is beyond +-(2**53 - 1); RFC 8785 writes numbers as IEEE "
            "doubles, which cannot hold it exactly"
        )
    if isinstance(value, Mapping):
        keys = list(value)
        for key in keys:
            if type(key) is not str:
                raise NotCanonical(f"object key {key!r} is not a string")
        keys.sort()
        if not all(key.isascii() for key in keys):
            keys.sort(key=_utf16_units)
        ordered = {}
        for key in keys:
            try:
                ordered[key] = _prepared(value[key])
            except NotCanonical as exc:
                raise exc.within(key) from None
        return ordered
    if isinstance(value, (list, tuple)):
        items = []
        for n, item in enumerate(value):
            try:
                items.append(_prepared(item))
            except NotCanonical as exc:
                raise exc.within(f"[{n}]") from None
        return items
    if isinstance(value, float):
        raise NotCanonical(
            f"{value!r} is a floating-point number; the ledger hashes whole numbers only "
            "(points, fen): write it as an integer or as text"
        )
    if isinstance(value, str):  # a str subclass (an enum member): its plain text
        return str(value)
    if isinstance(value, int):
        return _prepared(int(value))
    raise NotCanonical(f"a {type(value).__name__} has no canonical JSON form")


# Keys are put in order by ``_prepared``; the encoder only writes them out.
_WRITER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dumps(value) -> bytes:
    """RFC 8785 bytes of ``value`` (strings, integers, booleans, null, arrays, objects)."""
    return _utf8(_WRITER.encode(_prepared(value)))


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise NotCanonical(
            f"a string holds a lone surrogate ({text[exc.start:exc.end]!r}), which is not "
            "Unicode text and has no UTF-8 form"
        ) from None


# What a canonical line may hold that the sorted writer below does not write as RFC 8785
# does: a run of 16 digits (an integer that may lie beyond +-(2**53 - 1)) and a character
# beyond U+FFFF (keys then sort by UTF-16 code units, not code points). A line with either
# is checked by ``dumps`` itself. Found in one pass: digits become "1", the lead bytes of
# characters beyond U+FFFF "2", everything else "0".
_CLASSES = bytes(0x31 if 0x30 <= n <= 0x39 else 0x32 if n >= 0xF0 else 0x30 for n in range(256))
_LONG_NUMBER = b"1" * 16
_SORTED = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, sort_keys=True)


def _no_float(text: str):
    raise NotCanonical(f"{text} is a floating-point number; the ledger hashes whole numbers only")


_READER = json.JSONDecoder(parse_float=_no_float, parse_constant=_no_float)
# The C scanner and encoder behind ``_READER`` and ``_SORTED``, made once and called directly:
# their Python wrappers build a new encoder on every call, which costs as much as a short
# line's encoding. Parsed JSON holds no cycle and no type JSON lacks, so the encoder needs
# neither the cycle check nor a default. None where the interpreter lacks ``_json``.
_SCAN = _READER.scan_once if json.scanner.c_make_scanner is not None else None
_WRITE_SORTED = (json.encoder.c_make_encoder(None, None, json.encoder.c_encode_basestring, None, ":", ",",
                                             True, False, False)
                 if json.encoder.c_make_encoder is not None and json.encoder.c_encode_basestring else None)


def _read(text: str):
    """The value of a whole JSON text, as ``_READER.decode`` gives it."""
    if _SCAN is not None:
        try:
            value, end = _SCAN(text, 0)
        except (StopIteration, ValueError):
            pass  # said by the full decoder below, in its own words
        else:
            if end == len(text):
                return value
    return _READER.decode(text)


def _sorted(value) -> str:
    return "".join(_WRITE_SORTED(value, 0)) if _WRITE_SORTED is not None else _SORTED.encode(value)


def parse(line: bytes):
    """The value ``line`` holds, if ``line`` is exactly its canonical form (``dumps``);
    else ``NotCanonical``. Reads as fast as JSON is read: a line with no float, no
    integer of 16 digits or more and no character beyond U+FFFF is compared with the
    value written by the sorted encoder, which is then byte for byte what ``dumps`` writes
    (keys in code-point order, which is UTF-16 order below U+10000; integers exact; the
    same escapes; a lone surrogate refused by ``_utf8``); any other line with ``dumps``."""
    try:
        text = line.decode("utf-8")
        value = _read(text)
    except NotCanonical:
        raise
    except ValueError:  # not JSON, or not UTF-8
        raise NotCanonical("not JSON") from None
    classes = line.translate(_CLASSES)
    if _LONG_NUMBER in classes or b"2" in classes:
        again = dumps(value)
    else:
        written = _sorted(value)
        if written == text:  # the same text is the same bytes: ``line`` is valid UTF-8
            return value
        again = _utf8(written)  # a lone surrogate is refused here, as ``dumps`` refuses it
    if again != line:
        raise NotCanonical("not in canonical form")
    return value


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
    legs = [[code, amount] for code, amount in postings]
    doc = {  # the fixed keys, already in RFC 8785 order
        "approver": approver,
        "at": at if isinstance(at, str) else format_time(at),
        "attrs": attrs,
        "kind": kind,
        "memo": memo,
        "operator": operator,
        "postings": legs,
        "prev": prev,
        "reverses": reverses,
        "seq": seq,
        "v": VERSION,
    }
    # The common case checked inline (verify encodes every transaction); anything
    # unusual goes through the general path, which orders and refuses as the RFC says.
    if (
        type(kind) is str and type(memo) is str and type(operator) is str and type(prev) is str
        and (approver is None or type(approver) is str)
        and type(seq) is int and -MAX_INTEGER <= seq <= MAX_INTEGER
        and (reverses is None or (type(reverses) is int and -MAX_INTEGER <= reverses <= MAX_INTEGER))
        and all(type(code) is str and type(amount) is int and -MAX_INTEGER <= amount <= MAX_INTEGER
                for code, amount in legs)
    ):
        try:
            doc["attrs"] = _prepared(attrs) if attrs else {}
        except NotCanonical as exc:
            raise exc.within("attrs") from None
        return _utf8(_WRITER.encode(doc))
    return dumps(doc)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def encode_attrs(attrs: Mapping[str, str | int]) -> str:
    """How ``attrs`` is stored in its column: canonical JSON text."""
    return dumps(dict(attrs)).decode("utf-8")
