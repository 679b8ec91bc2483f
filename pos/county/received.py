"""The packages the county received and what became of each: imported, unchanged, held for a
new key, or refused and kept as evidence (``county_package``, newest first); and one village's
month as the county holds it: its audit flags and what its notice printed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pos.county.accounts import CountyActor, caller
from pos.county.schema import CountyFlag, CountyNotice, CountyPackage
from pos.county.vocabulary import PackageStatus
from pos.store.database import Database

NEWEST = 200


@dataclass(frozen=True)
class PackageView:
    id: int
    file_name: str
    village_id: str | None
    village: str
    status: PackageStatus
    reason: str  # a message key, when held or refused
    params: dict  # its parameters
    closures: str  # "4,5,6"
    months: tuple[str, ...]
    fingerprint: str
    received_at: datetime
    received_by: str
    size: int


def packages(db: Database, actor: CountyActor, *, village_id: str | None = None,
             limit: int = NEWEST) -> list[PackageView]:
    """The newest packages received (of one village, if given)."""
    t = CountyPackage.__table__.c
    query = select(t.id, t.file_name, t.village_id, t.village_name, t.status, t.reason, t.detail,
                   t.closures, t.months, t.fingerprint, t.received_at, t.received_by, t.size)
    if village_id:
        query = query.where(t.village_id == village_id)
    with db.read() as session:
        caller(session, actor)
        rows = session.execute(query.order_by(t.id.desc()).limit(limit)).all()
    return [PackageView(r.id, r.file_name, r.village_id, r.village_name, PackageStatus(r.status), r.reason,
                        _params(r.detail), r.closures, tuple(m for m in (r.months or "").split(",") if m),
                        r.fingerprint, r.received_at, r.received_by, r.size) for r in rows]


def _params(detail: str) -> dict:
    try:
        found = json.loads(detail or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


# ---------------------------------------------------------------- one village's month


@dataclass(frozen=True)
class FlagView:
    rule: str
    household: int | None
    message: str
    reviewed: bool  # the village supervisor reviewed it before closing


@dataclass(frozen=True)
class VillageMonth:
    village_id: str
    month: str
    flags: tuple[FlagView, ...]
    notice: dict | None  # what the village's notice printed beyond the closure


def village_month(db: Database, actor: CountyActor, village_id: str, month: str) -> VillageMonth:
    """The village's audit flags of ``month`` as packaged, and what its notice printed."""
    with db.read() as session:
        caller(session, actor)
        flags = tuple(FlagView(f.rule, f.household, f.message, bool(json.loads(f.reviews or "[]")))
                      for f in session.scalars(select(CountyFlag).where(
                          CountyFlag.village_id == village_id, CountyFlag.month == month).order_by(CountyFlag.id)))
        notice = session.scalar(select(CountyNotice.data).where(
            CountyNotice.village_id == village_id, CountyNotice.month == month)
            .order_by(CountyNotice.number.desc()).limit(1))
    return VillageMonth(village_id, month, flags, json.loads(notice) if notice else None)
