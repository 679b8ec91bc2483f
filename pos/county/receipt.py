"""The county's receipt (回执): issued at import, recorded back in the village's chain.

A receipt is a small JSON file, ``{"receipt": {...}, "signature": hex}``, where
``receipt`` (format ``aixin-county-receipt``, version 1) names the county and its
key, the village (its id and name), the closures imported (number, month, hash),
the last transaction they cover (``last_seq``, ``last_hash``), the package's
SHA-256 and when and by whom it was issued; the signature is the county key's,
over the receipt's canonical JSON (``ledger.canonical.dumps``).

The village checks it (``record``): the county's signature; that it names this
village; that the chain still holds exactly the transaction and the closures it
names (so the county holds this village's history, not another); that the county
signs with the key of its earlier receipts. Then it records the receipt as a
chained fact (kind ``county_receipt``), so the next package begins after it and
the next notice prints "县级已收到第 N 号月结". From then on the village cannot
show the county, or its villagers, a different history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

import ledger
from ledger import canonical
from ledger.book import now
from ledger.schema import Transaction
from pos import village as village_module
from pos.county import signing
from pos.county.schema import CountyReceipt
from pos.county.vocabulary import RECEIPT_FORMAT
from pos.errors import ShopError
from pos.service import Actor, caller, transaction
from pos.store.database import Database
from pos.store.tables import MonthClosure
from pos.vocabulary import Kind, Role

VERSION = 1


# ---------------------------------------------------------------- issuing (the county)


def issue(session: Session, signer: signing.Signer, county, village_id: str, village_name: str,
          package_id: int, package_sha256: str, closures: list[tuple[int, str, str]],
          last_seq: int, last_hash: str, by: str) -> CountyReceipt:
    """Sign and store the receipt for ``closures`` ((number, month, hash), in order)."""
    moment = now(session)
    document = canonical.dumps({
        "format": RECEIPT_FORMAT, "version": VERSION,
        "county": {"id": county.county_id, "name": county.name},
        "algorithm": signer.algorithm, "public_key": signer.public_hex,
        "fingerprint": signer.fingerprint,
        "village": {"id": village_id, "name": village_name},
        "closures": [[number, month, digest] for number, month, digest in closures],
        "last_closure": closures[-1][0], "last_seq": last_seq, "last_hash": last_hash,
        "package": package_sha256, "issued_at": canonical.format_time(moment), "issued_by": by,
    })
    row = CountyReceipt(village_id=village_id, package_id=package_id, last_closure=closures[-1][0],
                        last_seq=last_seq, last_hash=last_hash, issued_at=moment,
                        document=document.decode("utf-8"), signature=signer.sign(document))
    session.add(row)
    session.flush()
    return row


def file_bytes(row: CountyReceipt) -> bytes:
    return signing.signed_file("receipt", row.document.encode("utf-8"), row.signature)


def file_name(village_name: str, village_id: str, last_closure: int) -> str:
    return f"receipt-{village_name}-{village_id[:12]}-{last_closure}.json"


def write(folder: Path, village_name: str, row: CountyReceipt) -> Path:
    """The receipt as a file in ``folder`` (written whole, then renamed into place)."""
    target = Path(folder) / file_name(village_name, row.village_id, row.last_closure)
    temporary = target.with_name(f".{target.name}.part")
    temporary.write_bytes(file_bytes(row))
    temporary.replace(target)
    return target


# ---------------------------------------------------------------- recording (the village)


@dataclass(frozen=True)
class Acknowledged:
    """The newest county receipt recorded in the village's chain."""

    closure: int
    seq: int
    hash: str
    county: str
    key: str  # the county key's fingerprint
    recorded_seq: int


def receipts_in(session: Session, upto: int | None = None) -> list[Acknowledged]:
    """The county receipts recorded in the chain (at or before ``upto``), oldest first."""
    tx = Transaction.__table__.c
    query = select(tx.seq, tx.attrs).where(tx.kind == Kind.COUNTY_RECEIPT.value).order_by(tx.seq)
    if upto is not None:
        query = query.where(tx.seq <= upto)
    found = []
    for seq, attrs in session.execute(query):
        a = json.loads(attrs)
        found.append(Acknowledged(int(a["closure"]), int(a["last_seq"]), a["last_hash"], a["county"],
                                  a["county_key"], seq))
    return found


def acknowledged(session: Session) -> Acknowledged | None:
    receipts = receipts_in(session)
    return max(receipts, key=lambda r: r.closure) if receipts else None


def received_through(session: Session, upto_seq: int | None = None) -> int | None:
    """The newest closure the county acknowledged, by receipts recorded at or before
    ``upto_seq`` (so that a notice printed again says what it said the first time)."""
    receipts = receipts_in(session, upto_seq)
    return max(r.closure for r in receipts) if receipts else None


@dataclass(frozen=True)
class Recorded:
    county: str
    fingerprint: str
    closures: tuple[int, ...]
    last_closure: int
    last_seq: int
    seq: int | None  # the chained fact, None if this receipt was recorded before
    new: bool


def parse(data: bytes) -> tuple[dict, str]:
    """The receipt and its digest, after checking the signature; refuses anything else."""
    receipt, signed = signing.read_signed(data, "receipt", RECEIPT_FORMAT, VERSION,
                                          unreadable="county_receipt_unreadable",
                                          forged="county_receipt_signature")
    return receipt, canonical.digest(signed)


def record(db: Database, actor: Actor, data: bytes, *, accept_key: bool = False) -> Recorded:
    """Check a county receipt and record it in the chain (an administrator or supervisor)."""
    receipt, digest = parse(data)
    closures = tuple(int(c[0]) for c in receipt["closures"])
    county, key = receipt["county"]["name"], signing.fingerprint_hex(receipt["public_key"])
    with transaction(db) as session:
        user = caller(session, actor, Role.SUPERVISOR, Role.ADMIN)
        identity = village_module.village_id(session)
        if receipt["village"]["id"] != identity:
            raise ShopError("county_receipt_other_village", village=receipt["village"]["name"])
        last_seq, last_hash = int(receipt["last_seq"]), receipt["last_hash"]
        stored = session.scalar(select(Transaction.hash).where(Transaction.seq == last_seq))
        if last_seq > 0 and stored != last_hash:
            raise ShopError("county_receipt_not_ours", seq=last_seq)
        for number, month, closure_hash in receipt["closures"]:
            row = session.get(MonthClosure, int(number))
            if row is None or row.hash != closure_hash or row.month != month:
                raise ShopError("county_receipt_closure", number=number, month=month)
        earlier = receipts_in(session)
        if any(r.key != key for r in earlier) and not accept_key:
            raise ShopError("county_receipt_key_changed", county=county, fingerprint=key,
                            pinned=earlier[-1].key)
        base = Recorded(county, key, closures, int(receipt["last_closure"]), last_seq, None, False)
        recorded = session.scalars(select(Transaction.attrs).where(
            Transaction.kind == Kind.COUNTY_RECEIPT.value)).all()
        if any(json.loads(a).get("receipt") == digest for a in recorded):
            return base
        newest = max((r.closure for r in earlier), default=0)
        if base.last_closure <= newest:
            return base
        posted = ledger.record(session, kind=Kind.COUNTY_RECEIPT.value, operator=user.username, attrs={
            "county": county, "county_id": receipt["county"]["id"], "county_key": key,
            "closure": base.last_closure, "closures": ",".join(str(n) for n in closures),
            "last_seq": last_seq, "last_hash": last_hash, "receipt": digest,
            "issued_at": receipt["issued_at"],
        })
        return Recorded(county, key, closures, base.last_closure, last_seq, posted.seq, True)
