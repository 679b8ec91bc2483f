"""Restoring a backup copy, with the checks that protect the live ledger.

A copy that fails its integrity check or the ledger's verification is
refused. A copy older than the live ledger (its head is behind) would throw
away the transactions since: it is refused unless the person confirms,
and the message says how many would be lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import ledger
from ledger import backup as ledger_backup
from pos import paths
from pos.database import Database
from pos.errors import ShopError


def checked_copy(path: Path) -> ledger_backup.CopyCheck:
    """The copy's own checks; a damaged or tampered copy is refused."""
    checked = ledger_backup.check_copy(path)
    if not checked.ok:
        detail = checked.integrity if checked.integrity != "ok" else "; ".join(
            f.detail for f in checked.report.findings[:3])
        raise ShopError("restore_refused", detail=detail)
    return checked


def refuse_older(db: Database, checked: ledger_backup.CopyCheck) -> None:
    """The "this backup is older" check: refused with how many transactions would be lost."""
    with db.read() as session:
        current_seq, _ = ledger.head(session)
    if current_seq > checked.report.head_seq:
        raise ShopError("restore_older", backup_seq=checked.report.head_seq,
                        current_seq=current_seq, lost=current_seq - checked.report.head_seq)


def restore(db: Database, path: Path, *, older_confirmed: bool = False) -> tuple[ledger_backup.CopyCheck, Path]:
    """Put the copy at ``path`` in place of the live database; return the check and the safety copy."""
    checked = checked_copy(path)
    if not older_confirmed:
        refuse_older(db, checked)
    try:
        _, safety = ledger_backup.restore(db.engine, path, paths.backup_dir())
    except ledger_backup.BackupError as error:
        raise ShopError("restore_refused", detail=str(error)) from None
    return checked, safety


@dataclass(frozen=True)
class BackupResult:
    path: Path
    transactions: int
    removed: tuple[Path, ...]  # older copies let go to keep the last N


def backup_now(db: Database, folder: Path | None = None, keep: int = 0, label: str = "backup") -> BackupResult:
    """A checked copy of the live database in ``folder`` (a USB stick works); keep the newest ``keep``."""
    folder = Path(folder) if folder else paths.backup_dir()
    try:
        path = ledger_backup.backup(db.engine, folder, label=label)
    except (ledger_backup.BackupError, OSError) as error:
        raise ShopError("backup_failed", detail=str(error)) from None
    checked = ledger_backup.check_copy(path)
    if not checked.ok:
        raise ShopError("backup_failed", detail=checked.integrity)
    removed: list[Path] = []
    if keep > 0:
        copies = sorted(folder.glob(f"aixin-{label}-*.db"), key=lambda p: p.name, reverse=True)
        for old in copies[keep:]:
            old.unlink(missing_ok=True)
            removed.append(old)
    return BackupResult(path, checked.report.transactions, tuple(removed))


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    made_at: datetime  # local time of the file
    size: int  # bytes


def copies(folder: Path | None = None) -> list[BackupCopy]:
    """Backup copies in ``folder``, newest first."""
    folder = Path(folder) if folder else paths.backup_dir()
    found = []
    for path in folder.glob("aixin-*.db") if folder.is_dir() else ():
        try:
            stat = path.stat()
        except OSError:  # removed meanwhile (keep-N on another PC)
            continue
        found.append(BackupCopy(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda c: c.made_at, reverse=True)


def due_today(folder: Path | None = None) -> bool:
    """No backup copy in ``folder`` was made today (local time): the day's automatic backup is due."""
    newest = copies(folder)
    return not newest or newest[0].made_at.date() != date.today()
