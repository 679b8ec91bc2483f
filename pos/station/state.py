"""This counter PC's state at a glance: the ledger's head, receipts waiting, the last backup.

The window reads it every few seconds (cheap: two small queries and a folder
listing); a head that moved means another counter on the same database wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

import ledger
from pos import paths
from pos.store.database import Database
from pos.store.tables import PrintJob
from pos.vocabulary import JOB_DONE, JobStatus


@dataclass(frozen=True)
class Station:
    head_seq: int
    head_hash: str
    receipts_waiting: int  # print jobs not done (the queue's own definition: JOB_DONE)
    receipts_failed: int
    last_backup: datetime | None
    database: str  # the file, or the server URL without its password


def head(db: Database) -> tuple[int, str]:
    with db.read() as session:
        return ledger.head(session)


def state(db: Database, backups: Path | None = None) -> Station:
    with db.read() as session:
        seq, hash_ = ledger.head(session)
        counts = dict(session.execute(
            select(PrintJob.status, func.count()).where(PrintJob.status.not_in(JOB_DONE))
            .group_by(PrintJob.status)).all())
    return Station(seq, hash_, sum(counts.values()), counts.get(JobStatus.FAILED, 0),
                   last_backup(backups or backup_folder()), describe(db))


def backup_folder() -> Path:
    """The folder this PC backs up to: the one chosen in the settings (a USB stick), or the default."""
    from pos.station import settings

    chosen = settings.load().backup_dir
    return Path(chosen) if chosen else paths.backup_dir()


def last_backup(folder: Path) -> datetime | None:
    newest = max((p.stat().st_mtime for p in folder.glob("*.db")), default=None) if folder.is_dir() else None
    return datetime.fromtimestamp(newest, UTC) if newest is not None else None


def describe(db: Database) -> str:
    return str(db.file) if db.file is not None else db.engine.url.render_as_string(hide_password=True)
