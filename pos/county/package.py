"""The village's package for the county: one signed file, made and read.

Format ``aixin-county-package``, version 1. A ZIP file (``*.aixin-county``)
holding these entries, each read as a stream so that neither side holds a
village's whole history in memory:

``chain.jsonl``
    One line per ledger transaction of the segment, in sequence order. Each line is
    exactly the bytes the chain hashes (``ledger.canonical.encode``: RFC 8785 JSON
    with ``prev``, ``seq``, ``at``, ``kind``, ``operator``, ``approver``, ``memo``,
    ``reverses``, ``attrs``, ``postings`` as ``[account code, points]``, ``v``), so
    SHA-256 of a line *is* that transaction's hash and the county recomputes every
    hash from data. Canonical JSON never holds a raw newline.
``closures.jsonl``
    One line per closure in the package: ``{"number", "month", "hash", "document"}``
    where ``document`` is the closure's canonical JSON as the village stored it and
    ``hash`` its SHA-256.
``audit.jsonl``
    One line per closed month: ``{"month", "flags": [{"key", "rule", "seq",
    "household", "operator", "message", "reviews": [{"reviewer", "at", "comment"}]}]}``,
    the supervisor's audit flags and the reviews written for them.
``notices.jsonl``
    One line per closure: what the notice printed beyond the closure
    (``number``, ``month``, ``notice_period``, ``notice_days``, ``objection_phone``,
    ``masked``, ``echo``: the echo wall as published, names masked as published).
``manifest.json``
    Canonical JSON: ``format``, ``version``, ``village`` (``id``: the hash of the
    ledger's first entry, ``name``), ``algorithm``, ``public_key`` (hex),
    ``fingerprint``, ``made_at``, ``made_by``, ``acknowledged`` (the last county
    receipt recorded in the village's chain: ``closure``, ``seq``, ``hash``; zeros
    when none), ``segment`` (``from_seq``, ``to_seq``, ``prev_hash``: the hash the
    first line's ``prev`` must equal, ``last_hash``, ``transactions``),
    ``closures`` (their numbers), ``months`` (theirs, ``YYYY-MM``) and ``files``:
    for each entry above its ``sha256``, ``bytes`` and ``lines``.
``signature.json``
    ``{"algorithm", "public_key", "signature"}``: the village key's signature of
    the bytes of ``manifest.json`` (hex). The algorithm is named, so another can
    replace Ed25519 without a new format.

The segment runs from the transaction after the last one the county
acknowledged (a receipt recorded in the chain), or from #1, through the newest
closed month's last transaction. Closures go in order, with no gap.

What stays out: phone numbers, people counts, password hashes (the chain holds
only a SHA-256 of each user's salted password hash, which is needed to recompute
the chain and reveals nothing usable), login records, and the wish wall beyond
what the notice publishes.

Versions: ``READABLE`` lists what this program reads, the current version and
the one before it once there is one, since villages do not upgrade on the same
day. A new version gets its own entry in ``_UPGRADES`` that turns the older
manifest into the current shape; lines keep their own versions (the chain's
``v``, the closure document's ``v``).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger import canonical
from ledger.book import now
from ledger.schema import Account, Posting, Transaction
from pos import village as village_module
from pos.county import signing
from pos.errors import ShopError
from pos.periods import Month
from pos.service import Actor, caller
from pos.store.database import Database
from pos.store.tables import MonthClosure
from pos.vocabulary import Role

FORMAT = "aixin-county-package"
VERSION = 1
READABLE = (1,)
SUFFIX = ".aixin-county"
CHAIN, CLOSURES, AUDIT, NOTICES = "chain.jsonl", "closures.jsonl", "audit.jsonl", "notices.jsonl"
FILES = (CHAIN, CLOSURES, AUDIT, NOTICES)
MANIFEST, SIGNATURE = "manifest.json", "signature.json"
CHUNK = 2000
BLOCK = 1 << 16
LARGEST_MANIFEST = 1 << 20
# The keys of a chain line, version 1 of the ledger's encoding.
LINE_KEYS = frozenset({"approver", "at", "attrs", "kind", "memo", "operator", "postings", "prev",
                       "reverses", "seq", "v"})

Progress = Callable[[int, int, str], None]


def _quiet(_done: int, _total: int, _what: str) -> None:
    pass


# ---------------------------------------------------------------- making (the village)


@dataclass(frozen=True)
class Made:
    path: Path
    village_id: str
    village: str
    from_seq: int
    to_seq: int
    closures: tuple[int, ...]
    months: tuple[str, ...]
    fingerprint: str
    sha256: str
    size: int


def chain_line(row, legs: list[tuple[str, int]], prev: str) -> bytes:
    """The bytes the chain hashes for one stored transaction."""
    return canonical.encode(
        prev=prev, seq=row.seq, at=row.at, kind=row.kind, operator=row.operator,
        approver=row.approver, memo=row.memo, reverses=row.reverses,
        attrs=json.loads(row.attrs or "{}"), postings=legs)


def chain_lines(session: Session, first: int, last: int) -> Iterator[tuple[int, bytes, str]]:
    """(seq, canonical bytes, stored hash) of transactions ``first``..``last``, read in
    chunks; refuses at the first one whose bytes do not hash to what is stored."""
    tx = Transaction.__table__.c
    p, a = Posting.__table__.c, Account.__table__.c
    prev = canonical.GENESIS if first <= 1 else session.scalar(
        select(tx.hash).where(tx.seq == first - 1))
    lo = first
    while lo <= last:
        hi = min(lo + CHUNK - 1, last)
        legs: dict[int, list[tuple[str, int]]] = {}
        for seq, code, amount in session.execute(
                select(p.tx_seq, a.code, p.amount).join(Account.__table__, a.id == p.account_id)
                .where(p.tx_seq >= lo, p.tx_seq <= hi).order_by(p.tx_seq, p.line)):
            legs.setdefault(seq, []).append((code, amount))
        rows = session.execute(
            select(tx.seq, tx.at, tx.kind, tx.operator, tx.approver, tx.memo, tx.reverses,
                   tx.attrs, tx.hash).where(tx.seq >= lo, tx.seq <= hi).order_by(tx.seq)).all()
        expected = lo
        for row in rows:
            if row.seq != expected:
                raise ShopError("county_ledger_bad", seq=expected)
            line = chain_line(row, legs.get(row.seq, []), prev)
            if canonical.digest(line) != row.hash:
                raise ShopError("county_ledger_bad", seq=row.seq)
            yield row.seq, line, row.hash
            prev = row.hash
            expected += 1
        if expected != hi + 1:
            raise ShopError("county_ledger_bad", seq=expected)
        lo = hi + 1


class _Entry:
    """A file inside the zip being written: its bytes streamed, counted and hashed."""

    def __init__(self, archive: zipfile.ZipFile, name: str):
        self.name = name
        self.stream = archive.open(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), "w")
        self.sha = hashlib.sha256()
        self.bytes = 0
        self.lines = 0

    def line(self, data: bytes) -> None:
        data += b"\n"
        self.stream.write(data)
        self.sha.update(data)
        self.bytes += len(data)
        self.lines += 1

    def close(self) -> dict:
        self.stream.close()
        return {"sha256": self.sha.hexdigest(), "bytes": self.bytes, "lines": self.lines}


def _flags(session: Session, month: str) -> list[dict]:
    from pos.month import audit

    report = audit.report_in(session, Month.parse(month), run_verify=False)
    return [{"key": f.key, "rule": f.rule, "seq": f.seq, "household": f.household,
             "operator": f.operator, "message": f.message,
             "reviews": [{"reviewer": r.reviewer, "at": canonical.format_time(r.at),
                          "comment": r.comment} for r in f.reviews]}
            for f in report.flags]


def _notice(session: Session, row: MonthClosure) -> dict:
    from pos.month import notice
    from pos.month.document import view_of

    settings = village_module.settings_in(session)
    data = notice.build(view_of(row), settings, echo=notice.echo_wall(session, Month.parse(row.month)))
    return {"number": row.number, "month": row.month, "notice_period": data.notice_period,
            "notice_days": settings.notice_days, "objection_phone": data.objection_phone,
            "masked": int(data.masked),
            "echo": [{"household": e.household, "wish": e.wish, "donor": e.donor, "date": e.date,
                      "answer": e.answer} for e in data.echo]}


def _pending(session: Session, acknowledged) -> list[MonthClosure]:
    """The closures the county has not acknowledged, in order; refuses a gap."""
    after = acknowledged.closure if acknowledged else 0
    rows = session.scalars(select(MonthClosure).where(MonthClosure.number > after)
                           .order_by(MonthClosure.number)).all()
    if not rows:
        raise ShopError("county_nothing_new", closure=after)
    previous_number, previous_month = after, None
    previous_last = acknowledged.seq if acknowledged else None
    if acknowledged:
        earlier = session.get(MonthClosure, after)
        previous_month = earlier.month if earlier is not None else None
    for row in rows:
        if row.number != previous_number + 1:
            raise ShopError("county_package_gap", number=previous_number + 1, month=row.month)
        if previous_month is not None and str(Month.parse(previous_month).next()) != row.month:
            raise ShopError("county_package_gap", number=row.number,
                            month=str(Month.parse(previous_month).next()))
        if previous_last is not None and row.first_seq != previous_last + 1:
            raise ShopError("county_package_gap", number=row.number, month=row.month)
        previous_number, previous_month, previous_last = row.number, row.month, row.last_seq
    return rows


def make(db: Database, actor: Actor, out_dir: Path, progress: Progress = _quiet) -> Made:
    """Write the package of everything the county has not acknowledged, through the newest
    closed month, into ``out_dir`` (a supervisor). The file appears whole or not at all."""
    from pos.county import receipt

    with db.read() as session:
        user = caller(session, actor, Role.SUPERVISOR)
        identity = village_module.village_id(session)
        if identity is None:
            raise ShopError("county_no_ledger")
        settings = village_module.settings_in(session)
        acknowledged = receipt.acknowledged(session)
        closures = _pending(session, acknowledged)
        first = acknowledged.seq + 1 if acknowledged else 1
        last = closures[-1].last_seq
        key = signing.village_key(identity)
        out_dir = Path(out_dir)
        if not out_dir.is_dir():
            raise ShopError("folder_missing", path=str(out_dir))
        name = (f"{settings.name}-{identity[:12]}-{closures[0].number}-{closures[-1].number}"
                f"{SUFFIX}")
        target = out_dir / name
        temporary = out_dir / f".{name}.{os.getpid()}.part"
        tx = Transaction.__table__.c
        prev_hash = canonical.GENESIS if first <= 1 else session.scalar(
            select(tx.hash).where(tx.seq == first - 1))
        last_hash = canonical.GENESIS if last < 1 else session.scalar(
            select(tx.hash).where(tx.seq == last))
        total = max(last - first + 1, 0)
        numbers = tuple(row.number for row in closures)
        months = tuple(row.month for row in closures)

        def chain():
            for seq, line, _hash in chain_lines(session, first, last):
                if (seq - first) % CHUNK == 0:
                    progress(seq - first, total, "chain")
                yield line

        for row in closures:
            if canonical.digest(row.document.encode("utf-8")) != row.hash:
                raise ShopError("closure_tampered", number=row.number, month=row.month)
        try:
            with open(temporary, "wb") as handle:
                write(handle, village_id=identity, village_name=settings.name, key=key,
                      made_at=now(session), made_by=user.username, acknowledged=acknowledged,
                      from_seq=first, to_seq=last, prev_hash=prev_hash, last_hash=last_hash,
                      chain=chain(),
                      closures=[{"number": row.number, "month": row.month, "hash": row.hash,
                                 "document": row.document} for row in closures],
                      audit=({"month": row.month, "flags": _flags(session, row.month)} for row in closures),
                      notices=(_notice(session, row) for row in closures))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    data = target.read_bytes()
    progress(total, total, "done")
    return Made(target, identity, settings.name, first, last, numbers, months, key.fingerprint,
                hashlib.sha256(data).hexdigest(), len(data))


def write(target, *, village_id: str, village_name: str, key: signing.Signer, made_at, made_by: str,
          acknowledged, from_seq: int, to_seq: int, prev_hash: str, last_hash: str,
          chain: Iterable[bytes], closures: Iterable[dict], audit: Iterable[dict],
          notices: Iterable[dict]) -> bytes:
    """Write a package into ``target`` (a binary file object): the chain's lines as given
    (each the canonical bytes of one transaction, in order), one line for each closure,
    audit and notice record, the manifest and its signature by ``key``. Returns the
    manifest's bytes. ``acknowledged`` is the county's last receipt the chain records
    (``closure``, ``seq``, ``hash``), or None."""
    closures = list(closures)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        files = {}
        entry = _Entry(archive, CHAIN)
        for line in chain:
            entry.line(line)
        files[CHAIN] = entry.close()
        entry = _Entry(archive, CLOSURES)
        for record in closures:
            entry.line(canonical.dumps({"number": record["number"], "month": record["month"],
                                        "hash": record["hash"], "document": record["document"]}))
        files[CLOSURES] = entry.close()
        for name, records in ((AUDIT, audit), (NOTICES, notices)):
            entry = _Entry(archive, name)
            for record in records:
                entry.line(canonical.dumps(record))
            files[name] = entry.close()
        manifest = canonical.dumps({
            "format": FORMAT, "version": VERSION,
            "village": {"id": village_id, "name": village_name},
            "algorithm": key.algorithm, "public_key": key.public_hex, "fingerprint": key.fingerprint,
            "made_at": canonical.format_time(made_at), "made_by": made_by,
            "acknowledged": {"closure": acknowledged.closure if acknowledged else 0,
                             "seq": acknowledged.seq if acknowledged else 0,
                             "hash": acknowledged.hash if acknowledged else canonical.GENESIS},
            "segment": {"from_seq": from_seq, "to_seq": to_seq, "prev_hash": prev_hash,
                        "last_hash": last_hash, "transactions": max(to_seq - from_seq + 1, 0)},
            "closures": [record["number"] for record in closures],
            "months": [record["month"] for record in closures],
            "files": files,
        })
        archive.writestr(zipfile.ZipInfo(MANIFEST, date_time=(1980, 1, 1, 0, 0, 0)), manifest)
        archive.writestr(zipfile.ZipInfo(SIGNATURE, date_time=(1980, 1, 1, 0, 0, 0)),
                         canonical.dumps({"algorithm": key.algorithm, "public_key": key.public_hex,
                                          "signature": key.sign(manifest)}))
    return manifest


# ---------------------------------------------------------------- reading (the county)


class Refused(Exception):
    """The package cannot be taken, for a reason worded by ``key`` in the catalogue."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(f"{key} {params}")


class ChainEntry(NamedTuple):
    """One transaction as the package carries it, parsed and checked to be canonical."""

    seq: int
    prev: str
    at: str
    kind: str
    operator: str
    approver: str | None
    memo: str
    reverses: int | None
    attrs: dict
    postings: tuple[tuple[str, int], ...]
    hash: str
    line: bytes


def parse_line(line: bytes) -> ChainEntry:
    """A chain line, refused unless it is a version-1 transaction in canonical form."""
    problem = None
    try:
        doc = canonical.parse(line)
    except canonical.NotCanonical as error:
        if error.reason == "not JSON":
            raise Refused("county_line_bad", detail="not JSON") from None
        problem = error  # said after what the line is, if it is a transaction at all
        doc = json.loads(line)
    if (type(doc) is not dict or doc.keys() != LINE_KEYS or type(doc["v"]) is not int
            or doc["v"] != 1):
        raise Refused("county_line_bad", detail="not a version-1 ledger transaction")
    seq, postings, attrs = doc["seq"], doc["postings"], doc["attrs"]
    legs = []
    whole = type(seq) is int and type(postings) is list and type(attrs) is dict
    if whole:
        for leg in postings:
            if type(leg) is not list or len(leg) != 2 or type(leg[0]) is not str or type(leg[1]) is not int:
                whole = False
                break
            legs.append((leg[0], leg[1]))
    if not whole:
        raise Refused("county_line_bad", detail=f"transaction {seq!r} is malformed")
    if problem is not None:
        detail = (f"transaction {seq} is not in canonical form" if problem.reason == "not in canonical form"
                  else f"transaction {seq}: {problem}")
        raise Refused("county_line_bad", detail=detail)
    return ChainEntry(seq, doc["prev"], doc["at"], doc["kind"], doc["operator"], doc["approver"],
                      doc["memo"], doc["reverses"], attrs, tuple(legs), hashlib.sha256(line).hexdigest(),
                      line)


def _v1(manifest: dict) -> dict:
    return manifest


# version -> how its manifest becomes the current one's shape
_UPGRADES: dict[int, Callable[[dict], dict]] = {1: _v1}


class Package:
    """An opened package file (read as a stream, hashed whole on opening). ``check`` reads
    its manifest, ``signed`` checks the signature over it, and each ``lines(name)`` streams
    one entry and, at its end, refuses if its size, line count or SHA-256 differs from the
    manifest's."""

    def __init__(self, source: bytes | Path, name: str = ""):
        if isinstance(source, Path):
            self.name = name or source.name
            self._file = open(source, "rb")
        else:
            self.name = name
            self._file = io.BytesIO(source)
        sha = hashlib.sha256()
        for block in iter(lambda: self._file.read(1 << 20), b""):
            sha.update(block)
        self.sha256 = sha.hexdigest()
        self.size = self._file.tell()
        self._file.seek(0)
        self._zip = None
        self.village_id = None
        self.village_name = ""
        self.version = None

    def check(self) -> None:
        """Read the manifest and the signature entry; refuse what is not a package this
        program reads, or whose entries differ from what its manifest lists. (Whether the
        signature holds is ``signed``; whether each entry's bytes do, ``lines``.)"""
        try:
            self._zip = zipfile.ZipFile(self._file)
            infos = {info.filename: info for info in self._zip.infolist()}
        except (zipfile.BadZipFile, ValueError):
            raise Refused("county_package_unreadable", detail="not a ZIP file") from None
        if MANIFEST not in infos or SIGNATURE not in infos:
            raise Refused("county_package_unreadable", detail="no manifest or no signature")
        if infos[MANIFEST].file_size > LARGEST_MANIFEST or infos[SIGNATURE].file_size > LARGEST_MANIFEST:
            raise Refused("county_package_unreadable", detail="manifest too large")
        self.manifest_bytes = self._zip.read(MANIFEST)
        try:
            manifest = json.loads(self.manifest_bytes)
            self.signature = json.loads(self._zip.read(SIGNATURE))
        except ValueError:
            raise Refused("county_package_unreadable", detail="manifest is not JSON") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise Refused("county_package_unreadable", detail="not an aixin county package")
        version = manifest.get("version")
        if version not in READABLE:
            raise Refused("county_package_version", version=version,
                          readable="、".join(str(v) for v in READABLE))
        self.version = version
        try:
            self.manifest = _UPGRADES[version](manifest)
            village, segment = self.manifest["village"], self.manifest["segment"]
            village_id = str(village["id"])
            self.village_name = str(village["name"])
            self.algorithm = str(self.manifest["algorithm"])
            self.public_hex = str(self.manifest["public_key"])
            self.from_seq = int(segment["from_seq"])
            self.to_seq = int(segment["to_seq"])
            self.prev_hash = str(segment["prev_hash"])
            self.last_hash = str(segment["last_hash"])
            self.closures = tuple(int(n) for n in self.manifest["closures"])
            self.months = tuple(str(Month.parse(str(m))) for m in self.manifest["months"])
            self.acknowledged = self.manifest["acknowledged"]
            self.files = self.manifest["files"]
            if len(village_id) != 64 or any(c not in "0123456789abcdef" for c in village_id):
                raise ValueError(village_id)
        except (KeyError, TypeError, ValueError, ShopError):
            raise Refused("county_package_unreadable", detail="manifest incomplete") from None
        self.village_id = village_id
        if set(infos) != set(FILES) | {MANIFEST, SIGNATURE} or set(self.files) != set(FILES):
            raise Refused("county_package_tampered", village=self.village_name,
                          detail="entries differ from the manifest")
        for entry in FILES:
            if infos[entry].file_size != self.files[entry].get("bytes"):
                raise Refused("county_package_tampered", village=self.village_name,
                              detail=f"{entry} is not the size the manifest says")

    @property
    def fingerprint(self) -> str:
        """The signing key's fingerprint; empty before the manifest was read, "?" if the
        manifest names no readable key."""
        if not hasattr(self, "public_hex"):
            return ""
        try:
            return signing.fingerprint_hex(self.public_hex)
        except ValueError:
            return "?"

    @property
    def signed(self) -> bool:
        """The signature is the manifest's, by the key the package names."""
        sig = self.signature if isinstance(self.signature, dict) else {}
        return (sig.get("algorithm") == self.algorithm and sig.get("public_key") == self.public_hex
                and signing.check(self.algorithm, self.public_hex, self.manifest_bytes,
                                  str(sig.get("signature", ""))))

    def lines(self, name: str) -> Iterator[bytes]:
        expected = self.files[name]
        sha, count, size = hashlib.sha256(), 0, 0
        rest = b""
        with self._zip.open(name) as stream:
            # Read in blocks and split them: far faster than the zip stream's own readline.
            while block := stream.read(BLOCK):
                sha.update(block)
                size += len(block)
                lines = (rest + block).split(b"\n")
                rest = lines.pop()
                count += len(lines)
                yield from lines
        if rest:
            raise Refused("county_package_tampered", village=self.village_name,
                          detail=f"{name} ends without a newline")
        if (sha.hexdigest(), size, count) != (expected.get("sha256"), expected.get("bytes"),
                                              expected.get("lines")):
            raise Refused("county_package_tampered", village=self.village_name,
                          detail=f"{name} differs from the manifest")

    def records(self, name: str) -> Iterator[dict]:
        for raw in self.lines(name):
            try:
                yield json.loads(raw)
            except ValueError:
                raise Refused("county_package_tampered", village=self.village_name,
                              detail=f"{name} holds a line that is not JSON") from None

    def chain(self) -> Iterator[ChainEntry]:
        for raw in self.lines(CHAIN):
            yield parse_line(raw)

    def content(self) -> bytes:
        """The whole file, for keeping a refused or held package as evidence."""
        self._file.seek(0)
        return self._file.read()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
