"""Importing villages' packages into the county database, proving each before keeping it.

Each package is checked in this order, and nothing of it is stored unless all of
it passes (one database transaction; a refusal rolls it back, then records the
refusal and keeps the file's bytes as evidence):

1. the file is a package this program reads (``pos.county.package``);
2. the manifest is signed by the key it names, and that key is the village's key
   pinned at its first import. A new key is *held*: the package waits, with its
   bytes, until a county user accepts the key (``accept_key``), and is imported
   then. A retired key is refused;
3. continuity: the segment begins exactly at the county's copy of the village's
   head. Lines the county already holds must be identical, byte for byte; the
   first that differs refuses the package as a fork, naming the village and that
   transaction on both sides. A segment that begins after the head waits for the
   packages before it;
4. every line is the canonical form of its transaction, and every hash, link,
   balance and chained fact is recomputed (``pos.county.replay``); each entry's
   bytes are checked against the manifest's SHA-256 as they stream;
5. each closure's document has its hash, follows the closure before it, and is
   recomputed from the postings: every point total and every household's line.

Steps 3 to 5 are one pass over the package (``pos.county.segment``), which
stores what held in bulk.

Importing the same file again changes nothing (and writes its receipt again, if
asked). Each import that brought new closures gets a receipt signed by the county
(``pos.county.receipt``), and the month's figures are summed into
``county_month`` for the reports.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ledger.book import now
from pos.county import keys, signing
from pos.county import receipt as receipts
from pos.county.accounts import CountyActor, caller, info_in, work
from pos.county.package import Package, Refused
from pos.county.schema import CountyInbox, CountyPackage, CountyReceipt, CountyVillage
from pos.county.segment import Segment
from pos.county.vocabulary import KeyStatus, PackageStatus
from pos.errors import ShopError
from pos.store.database import Database

log = logging.getLogger("pos")

Progress = Callable[[int, int, str], None]


def _quiet(_done: int, _total: int, _what: str) -> None:
    pass


@dataclass(frozen=True)
class Imported:
    """What became of one package."""

    file: str
    status: PackageStatus
    village_id: str | None = None
    village: str = ""
    closures: tuple[int, ...] = ()
    months: tuple[str, ...] = ()
    transactions: int = 0  # new to the county
    package_id: int | None = None
    reason: str = ""  # a message key when held or refused
    params: dict = field(default_factory=dict)
    receipt: Path | None = None
    notes: tuple[str, ...] = ()
    fingerprint: str = ""


# ---------------------------------------------------------------- the service


def _record_outcome(db: Database, package: Package, existing_id: int | None, status: PackageStatus,
                    by: str, reason: str = "", params: dict | None = None,
                    keep: bool = True) -> int:
    """Write (or update) the package's row outside the refused import's transaction."""
    with db.write() as session:
        row = session.get(CountyPackage, existing_id) if existing_id else None
        if row is None:
            row = CountyPackage(sha256=package.sha256, received_at=now(session), received_by=by)
            session.add(row)
        row.file_name = package.name[:300]
        row.village_id = package.village_id
        row.village_name = package.village_name[:100]
        row.version = package.version
        row.fingerprint = package.fingerprint if package.village_id else ""
        row.from_seq = getattr(package, "from_seq", None)
        row.to_seq = getattr(package, "to_seq", None)
        row.closures = ",".join(str(n) for n in getattr(package, "closures", ()))[:200]
        row.months = ",".join(getattr(package, "months", ()))[:400]
        row.status = status.value
        row.reason = reason
        row.detail = json.dumps({k: v for k, v in (params or {}).items()
                                 if isinstance(v, (str, int, type(None)))}, ensure_ascii=False)
        row.fork_seq = (params or {}).get("seq") if reason == "county_fork" else None
        row.size = package.size
        row.data = package.content() if keep else None
        session.flush()
        return row.id


def import_package(db: Database, actor: CountyActor, source: Path | bytes, *, name: str = "",
                   receipts_dir: Path | None = None, progress: Progress = _quiet) -> Imported:
    """Check one package and store it, or say why not (``Imported.status``)."""
    package = Package(source, name=name)
    try:
        return _import(db, actor, package, receipts_dir, progress)
    finally:
        package.close()


def _import(db: Database, actor: CountyActor, package: Package, receipts_dir: Path | None,
            progress: Progress) -> Imported:
    by, existing_id = actor.username if actor is not None else "", None
    try:
        with work(db) as session:
            caller(session, actor)
            county = info_in(session)
            existing = session.execute(select(CountyPackage.id, CountyPackage.status, CountyPackage.village_id,
                                              CountyPackage.village_name, CountyPackage.fingerprint)
                                       .where(CountyPackage.sha256 == package.sha256)).first()
            existing_id = existing.id if existing is not None else None
            if existing is not None and existing.status in (PackageStatus.IMPORTED, PackageStatus.UNCHANGED):
                return _already_imported(session, package, existing, receipts_dir)
            signer = _signer_and_key_checked(session, county, package)
            villages, packages = CountyVillage.__table__, CountyPackage.__table__
            village = session.execute(select(villages).where(villages.c.id == package.village_id)
                                      .with_for_update()).first()
            package_id = _package_row(session, package, existing_id, by)
            work_ = Segment(session, package, progress)
            try:
                work_.run(village, package_id)
            except (KeyError, IndexError, TypeError, ValueError, ShopError) as problem:
                # A field missing or of the wrong type in what the village signed.
                raise Refused("county_package_tampered", village=package.village_name,
                              detail=f"malformed: {problem!r}"[:200]) from problem
            if not work_.new_closures:
                session.execute(update(packages).where(packages.c.id == package_id)
                                .values(status=PackageStatus.UNCHANGED.value))
                return Imported(package.name, PackageStatus.UNCHANGED, package.village_id,
                                package.village_name, package_id=package_id,
                                reason="county_nothing_new_here", fingerprint=package.fingerprint)
            state = work_.state
            _advance_village(session, package, village is None, work_)
            issued = receipts.issue(session, signer, county, package.village_id, package.village_name,
                                    package_id, package.sha256, work_.new_closures, state.seq, state.hash, by)
            written = receipts.write(receipts_dir, package.village_name, issued) if receipts_dir else None
            log.info("imported %s: %s closures %s, %d new transactions", package.name,
                     package.village_name, [n for n, _, _ in work_.new_closures], work_.inserted)
            return Imported(package.name, PackageStatus.IMPORTED, package.village_id,
                            package.village_name, tuple(n for n, _, _ in work_.new_closures),
                            tuple(m for _, m, _ in work_.new_closures), work_.inserted, package_id,
                            receipt=written, notes=tuple(work_.notes), fingerprint=package.fingerprint)
    except _Held:
        keys.hold(db, package)
        package_id = _record_outcome(db, package, existing_id, PackageStatus.HELD, by, "county_key_held",
                                     {"village": package.village_name, "fingerprint": package.fingerprint})
        return Imported(package.name, PackageStatus.HELD, package.village_id, package.village_name,
                        package_id=package_id, reason="county_key_held",
                        params={"village": package.village_name, "fingerprint": package.fingerprint},
                        fingerprint=package.fingerprint)
    except Refused as refused:
        package_id = _record_outcome(db, package, existing_id, PackageStatus.REFUSED, by,
                                     refused.key, refused.params)
        log.warning("package %s refused: %s %s", package.name, refused.key, refused.params)
        return Imported(package.name, PackageStatus.REFUSED, package.village_id, package.village_name,
                        package_id=package_id, reason=refused.key, params=refused.params,
                        fingerprint=package.fingerprint)


class _Held(Exception):
    """The package's key waits for a county user's acceptance."""


def _already_imported(session: Session, package: Package, existing, receipts_dir: Path | None) -> Imported:
    """The same file again: nothing changes; its receipt is written out again if asked."""
    written = None
    if receipts_dir is not None:
        row = session.scalar(select(CountyReceipt).where(CountyReceipt.package_id == existing.id))
        if row is not None:
            written = receipts.write(receipts_dir, existing.village_name, row)
    return Imported(package.name, PackageStatus.UNCHANGED, existing.village_id, existing.village_name,
                    package_id=existing.id, reason="county_already_imported", params={"id": existing.id},
                    receipt=written, fingerprint=existing.fingerprint)


def _signer_and_key_checked(session: Session, county, package: Package):
    """The county's own signing key (for the receipt), and the package whole, signed, and
    by a key the county has pinned for the village (a new one waits: ``_Held``)."""
    signer = signing.county_key(county.county_id)
    if signer is None or signer.public_hex != county.public_key:
        raise ShopError("county_key_missing", path=str(signing.county_key_path(county.county_id)))
    package.check()
    if not package.signed:
        raise Refused("county_signature_bad", village=package.village_name)
    decision = keys.decision(session, package)
    if decision == KeyStatus.RETIRED:
        raise Refused("county_key_retired", village=package.village_name, fingerprint=package.fingerprint)
    if decision != KeyStatus.PINNED:
        raise _Held()
    return signer


def _package_row(session: Session, package: Package, existing_id: int | None, by: str) -> int:
    """The package's row, as imported (a refusal rolls it back and records it apart)."""
    packages = CountyPackage.__table__
    values = dict(file_name=package.name[:300], village_id=package.village_id,
                  village_name=package.village_name[:100], version=package.version,
                  fingerprint=package.fingerprint, from_seq=package.from_seq, to_seq=package.to_seq,
                  closures=",".join(str(n) for n in package.closures)[:200],
                  months=",".join(package.months)[:400], status=PackageStatus.IMPORTED.value,
                  reason="", detail="{}", size=package.size, data=None)
    if existing_id:
        session.execute(update(packages).where(packages.c.id == existing_id).values(**values))
        return existing_id
    return session.execute(insert(packages).values(
        sha256=package.sha256, received_at=now(session), received_by=by, **values)).inserted_primary_key[0]


def _advance_village(session: Session, package: Package, new: bool, work_: Segment) -> None:
    """The county's copy of the village moved to the segment's head and last closure."""
    villages = CountyVillage.__table__
    moment = now(session)
    state, (last_number, last_month, last_hash) = work_.state, work_.new_closures[-1]
    values = dict(name=package.village_name, head_seq=state.seq, head_hash=state.hash,
                  closure_number=last_number, closure_hash=last_hash, last_month=last_month,
                  last_import_at=moment, state=state.to_json())
    if new:
        session.execute(insert(villages).values(
            id=package.village_id, registered_at=moment, first_month=work_.new_closures[0][1], **values))
    else:
        session.execute(update(villages).where(villages.c.id == package.village_id).values(**values))


def import_files(db: Database, actor: CountyActor, paths: Iterable[Path], *,
                 receipts_dir: Path | None = None, progress: Progress = _quiet) -> list[Imported]:
    """Import each file in turn, oldest segment first (a village's packages in order)."""
    found = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            raise ShopError("file_is_folder", path=str(path))
        if not path.is_file():
            raise ShopError("file_missing", path=str(path), detail="")
        found.append(path)
    return [import_package(db, actor, path, receipts_dir=receipts_dir, progress=progress)
            for path in sorted(found, key=_segment_order)]


def _segment_order(path: Path):
    """Packages of one village in the order of their closures (from the file's name), so a
    stick carrying several months of one village imports in one go."""
    stem = path.name.removesuffix(".aixin-county")
    parts = stem.rsplit("-", 2)
    try:
        return (parts[0], int(parts[1]), path.name)
    except (IndexError, ValueError):
        return (stem, 0, path.name)


def import_inbox(db: Database, actor: CountyActor, *, receipts_dir: Path | None = None,
                 progress: Progress = _quiet) -> list[Imported]:
    """Import every package waiting in the inbox (``aixin county send``)."""
    with db.read() as session:
        caller(session, actor)
        waiting = session.scalars(select(CountyInbox.id).where(CountyInbox.taken_at.is_(None))
                                  .order_by(CountyInbox.id)).all()
    done = []
    for inbox_id in waiting:
        with db.read() as session:
            item = session.get(CountyInbox, inbox_id)
            data, name = item.data, item.file_name
        result = import_package(db, actor, data, name=name, receipts_dir=receipts_dir, progress=progress)
        with db.write() as session:
            item = session.get(CountyInbox, inbox_id)
            item.taken_at = now(session)
            item.package_id = result.package_id
        done.append(result)
    return done


# ---------------------------------------------------------------- the inbox (the village sends)


def send(url: str, path: Path) -> int:
    """Put a package into the county database's inbox (the village's PC, when online); the
    database URL carries a login allowed to write the inbox only. Returns the inbox id."""
    from pos.county.database import open_county

    data = Path(path).read_bytes()
    package = Package(data, name=Path(path).name)
    try:
        package.check()
    except Refused as refused:
        raise ShopError(refused.key, **refused.params) from None
    finally:
        package.close()
    db = open_county(url)
    try:
        with db.write() as session:
            item = CountyInbox(file_name=Path(path).name[:300], sha256=package.sha256,
                               sent_at=now(session), data=data)
            session.add(item)
            session.flush()
            return item.id
    finally:
        db.dispose()


def accept_key(db: Database, actor: CountyActor, fingerprint: str, *,
               receipts_dir: Path | None = None) -> list[Imported]:
    """Accept a held village key, then import the packages that waited for it."""
    done = []
    for package_id in keys.accept(db, actor, fingerprint):
        with db.read() as session:
            row = session.get(CountyPackage, package_id)
            data, name = row.data, row.file_name
        done.append(import_package(db, actor, data, name=name, receipts_dir=receipts_dir))
    return done
