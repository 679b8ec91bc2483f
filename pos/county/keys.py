"""The villages' signing keys as the county sees them.

A village's key is pinned at its first import. A package signed by another key
(a new PC after a disk died, or someone else) is held, with its bytes, until a
county user compares the key's fingerprint with the one on the village's notice
and accepts it; the packages held for it are imported then. A key the county
retires is refused from then on, and goes back to the villages with the
reference rules (``pos.county.reference``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ledger.book import now
from pos.county.accounts import CountyActor, caller, work
from pos.county.package import Package
from pos.county.schema import CountyKey, CountyPackage
from pos.county.vocabulary import KeyStatus, PackageStatus
from pos.errors import ShopError
from pos.store.database import Database



def decision(session: Session, package: Package) -> KeyStatus:
    """Pin the key of a village's first package; say whether this package's key is the
    pinned one, a held one or a retired one."""
    keys = {k.fingerprint: k for k in session.scalars(
        select(CountyKey).where(CountyKey.village_id == package.village_id))}
    mine = package.fingerprint
    if not keys:
        session.add(CountyKey(village_id=package.village_id, village_name=package.village_name,
                              algorithm=package.algorithm, public_key=package.public_hex,
                              fingerprint=mine, status=KeyStatus.PINNED.value,
                              first_seen_at=now(session)))
        session.flush()
        return KeyStatus.PINNED
    known = keys.get(mine)
    if known is None:
        return KeyStatus.HELD
    return KeyStatus(known.status)


def hold(db: Database, package: Package) -> None:
    """Keep the package's key waiting for acceptance; a key replaced earlier waits again."""
    with db.write() as session:
        exists = session.scalar(select(CountyKey).where(
            CountyKey.village_id == package.village_id, CountyKey.fingerprint == package.fingerprint))
        if exists is not None and exists.status == KeyStatus.REPLACED.value:
            exists.status = KeyStatus.HELD.value
        elif exists is None:
            session.add(CountyKey(village_id=package.village_id, village_name=package.village_name,
                                  algorithm=package.algorithm, public_key=package.public_hex,
                                  fingerprint=package.fingerprint, status=KeyStatus.HELD.value,
                                  first_seen_at=now(session)))



@dataclass(frozen=True)
class KeyView:
    village_id: str
    village: str
    fingerprint: str
    algorithm: str
    status: KeyStatus
    first_seen_at: datetime
    decided_by: str | None
    waiting: int  # packages held for it


def keys(db: Database, actor: CountyActor, *, village_id: str | None = None) -> list[KeyView]:
    with db.read() as session:
        caller(session, actor)
        query = select(CountyKey).order_by(CountyKey.village_name, CountyKey.id)
        if village_id:
            query = query.where(CountyKey.village_id == village_id)
        waiting = {(vid, fingerprint): count for vid, fingerprint, count in session.execute(
            select(CountyPackage.village_id, CountyPackage.fingerprint, func.count())
            .where(CountyPackage.status == PackageStatus.HELD.value)
            .group_by(CountyPackage.village_id, CountyPackage.fingerprint))}
        return [KeyView(key.village_id, key.village_name, key.fingerprint, key.algorithm,
                        KeyStatus(key.status), key.first_seen_at, key.decided_by,
                        waiting.get((key.village_id, key.fingerprint), 0))
                for key in session.scalars(query)]


def _find_key(session: Session, fingerprint: str) -> CountyKey:
    wanted = fingerprint.replace(" ", "").lower()
    matches = [k for k in session.scalars(select(CountyKey))
               if k.fingerprint.replace(" ", "").startswith(wanted)] if len(wanted) >= 8 else []
    if len(matches) != 1:
        raise ShopError("county_key_unknown", fingerprint=fingerprint)
    return matches[0]


def accept(db: Database, actor: CountyActor, fingerprint: str) -> list[int]:
    """Accept a held village key (the official compared its fingerprint with the one on the
    village's notice): it replaces the pinned key. The packages held for it, oldest first,
    are for ``pos.county.intake.accept_key`` to import."""
    with work(db) as session:
        user = caller(session, actor)
        key = _find_key(session, fingerprint)
        if key.status != KeyStatus.HELD.value:
            raise ShopError("county_key_not_held", fingerprint=key.fingerprint, status=key.status)
        for other in session.scalars(select(CountyKey).where(
                CountyKey.village_id == key.village_id, CountyKey.status == KeyStatus.PINNED.value)):
            other.status = KeyStatus.REPLACED.value
            other.decided_by, other.decided_at = user.username, now(session)
        key.status = KeyStatus.PINNED.value
        key.decided_by, key.decided_at = user.username, now(session)
        held = session.scalars(select(CountyPackage.id).where(
            CountyPackage.village_id == key.village_id, CountyPackage.fingerprint == key.fingerprint,
            CountyPackage.status == PackageStatus.HELD.value).order_by(CountyPackage.from_seq)).all()
    return list(held)


def retire_key(db: Database, actor: CountyActor, fingerprint: str) -> KeyView:
    """Refuse a village key from now on (a stolen PC, a key the village says is lost); the
    list goes back to villages with the reference rules."""
    with work(db) as session:
        user = caller(session, actor)
        key = _find_key(session, fingerprint)
        key.status = KeyStatus.RETIRED.value
        key.decided_by, key.decided_at = user.username, now(session)
        return KeyView(key.village_id, key.village_name, key.fingerprint, key.algorithm,
                       KeyStatus.RETIRED, key.first_seen_at, user.username, 0)
