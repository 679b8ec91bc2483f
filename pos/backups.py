"""Backups, restores and the auditor's export, for an administrator or a supervisor.

Each copies the whole database, replaces it, or lets its data leave the PC,
so each needs a logged-in administrator or supervisor. A restore replaces
everything written here since the copy was taken, so a supervisor approves it
as well (four-eyes), and a copy that has forked from this ledger is never put
back. The export leaves out what is secret.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ledger import backup as ledger_backup
from ledger.export import export
from pos import paths
from pos.database import Database
from pos.errors import ShopError
from pos.models import Base
from pos.users import Actor, Approval, Role, approve, caller, transaction

log = logging.getLogger("pos")

# What never leaves the PC in an export, and why (the manifest repeats this for the auditor).
LEFT_OUT = {
    "app_user.password_hash": "password hashes stay on the shop's computer",
    "login_attempt": "login records may hold a password typed into the user-name field",
}


@dataclass(frozen=True)
class BackupResult:
    path: Path
    transactions: int
    head_seq: int
    head_hash: str


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    safety_copy: Path
    head_seq: int
    approver: str


def _keeper(session, actor: Actor) -> str:
    """The caller's user name, if an active administrator or supervisor."""
    return caller(session, actor, Role.ADMIN, Role.SUPERVISOR).username


def backup(db: Database, actor: Actor, target_dir: Path | None = None) -> BackupResult:
    """Copy the database while it is in use, then check the copy."""
    with db.read() as session:
        me = _keeper(session, actor)
    try:
        path = ledger_backup.backup(db.engine, target_dir or paths.backup_dir())
    except (ledger_backup.BackupError, OSError) as error:
        raise ShopError("backup_failed", detail=str(error)) from None
    checked = ledger_backup.check_copy(path)
    if not checked.ok:
        raise ShopError("backup_failed", detail=checked.integrity)
    log.info("backup %s by %s", path, me)
    report = checked.report
    return BackupResult(path, report.transactions, report.head_seq, report.head_hash)


def restore(
    db: Database, actor: Actor, approval: Approval | None, source: Path, *, accept_older: bool = False
) -> RestoreResult:
    """Put a checked copy back in place of the live database, keeping a safety copy of it."""
    with transaction(db) as session:
        me = _keeper(session, actor)
        approver = approve(session, actor, approval, "恢复备份")
    try:
        checked = ledger_backup.check_copy(source)
    except ledger_backup.BackupError as error:
        raise ShopError("restore_refused", detail=str(error)) from None
    if not checked.ok:
        detail = checked.integrity if checked.integrity != "ok" else "; ".join(
            f.detail for f in checked.report.errors[:3])
        raise ShopError("restore_refused", detail=detail)
    try:
        checked, safety = ledger_backup.restore(
            db.engine, source, paths.backup_dir(), allow_older=accept_older)
    except ledger_backup.ForkedCopy as fork:
        raise ShopError(
            "restore_forked", seq=fork.live.seq,
            live_kind=fork.live.kind, live_at=fork.live.at, live_operator=fork.live.operator,
            copy_kind=fork.copy.kind, copy_at=fork.copy.at, copy_operator=fork.copy.operator,
        ) from None
    except ledger_backup.OlderCopy as older:
        raise ShopError("restore_older", backup_seq=older.copy_seq, current_seq=older.live_seq,
                        lost=older.live_seq - older.copy_seq) from None
    except ledger_backup.BackupError as error:
        raise ShopError("restore_refused", detail=str(error)) from None
    log.warning("restored %s by %s, approved by %s; the replaced database is %s",
                source, me, approver, safety)
    return RestoreResult(source, safety, checked.report.head_seq, approver)


def export_ledger(db: Database, actor: Actor, out: Path) -> dict:
    """The auditor's export (CSV, manifest, standalone verifier), without secrets."""
    with db.read() as session:
        me = _keeper(session, actor)
        try:
            manifest = export(session, Base.metadata.sorted_tables, out, leave_out=LEFT_OUT)
        except OSError as error:
            raise ShopError("export_failed", detail=str(error)) from None
    log.info("ledger exported to %s by %s", out, me)
    return manifest
