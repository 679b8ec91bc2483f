"""Backups, restores and the auditor's export, for an administrator or a supervisor.

Each copies the whole database, replaces it, or lets its data leave the PC,
so each needs a logged-in administrator or supervisor. A restore replaces
everything written here since the copy was taken, so a supervisor approves it
as well (four-eyes), and a copy that has forked from this ledger is never put
back. Before anything is replaced the copy is proven as the live database is:
its schema must be one this program knows (a newer one would lock every
command out, restoring included), and the shop's whole proof (``pos.proof``:
the chain and every table against it) must pass, so a copy edited behind the
program's back (a price, a stock figure, a role, a password hash) is refused,
naming what differs. The export leaves out what is secret.
"""

from __future__ import annotations

import dataclasses
import errno
import logging
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger import backup as ledger_backup
from ledger.export import export
from pos import messages, paths, proof
from pos.store.database import (
    Database, known_revision, make_engine, open_database, schema_state, sqlite_path, upgrade,
)
from pos.errors import NeedsApproval, PermissionDenied, ShopError
from pos.store.tables import Base
from pos.store.tables import User
from pos.service import Actor, Approval, caller, transaction
from pos.vocabulary import LOCAL, Role
from pos.users import approve

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
    removed: tuple[Path, ...] = ()  # older copies let go to keep the last N


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    safety_copy: Path | None  # None when there was no database to replace
    head_seq: int
    approver: str


def _keeper(session, actor: Actor) -> str:
    """The caller's user name, if an active administrator or supervisor."""
    return caller(session, actor, Role.ADMIN, Role.SUPERVISOR).username


def backup(db: Database, actor: Actor, target_dir: Path | None = None,
           label: str = "backup") -> BackupResult:
    """Copy the database while it is in use, then check the copy."""
    with db.read() as session:
        me = _keeper(session, actor)
    folder = Path(target_dir or paths.backup_dir())
    try:
        path = ledger_backup.backup(db.engine, folder, label=label)
    except (ledger_backup.BackupError, OSError, sqlite3.Error) as error:
        raise _not_written(error, folder, db) from None
    checked = ledger_backup.check_copy(path)
    if not checked.ok:
        raise ShopError("backup_failed", detail=checked.integrity)
    log.info("backup %s by %s", path, me)
    report = checked.report
    return BackupResult(path, report.transactions, report.head_seq, report.head_hash)


def _not_written(error: Exception, folder: Path, db: Database) -> ShopError:
    """Why a backup could not be written; a full disk says how much room it needs."""
    full = isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT) or (
        isinstance(error, sqlite3.Error) and "full" in str(error).lower())
    if full:
        needed = sum(part.stat().st_size for part in (db.file, Path(f"{db.file}-wal"))
                     if part.exists()) if db.file is not None else 0
        try:
            free = shutil.disk_usage(folder).free
        except OSError:
            free = 0
        return ShopError("backup_disk_full", folder=str(folder), needed=_size(needed), free=_size(free))
    return ShopError("backup_failed", detail=str(error))


def _size(size: int) -> str:
    size = max(size, 0)
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(size // 1024, 1)} KB"


def prove_copy(source: Path) -> None:
    """Refuse a copy this program cannot stand behind: not a shop database, a schema newer
    than this program's, or one whose tables or chain fail the shop's proof (``pos.proof``),
    naming the first findings. Only reads the copy (an older schema is upgraded in a
    temporary copy of it first)."""
    engine = ledger_backup.read_only_engine(source)
    try:
        state = schema_state(engine)
    except Exception as error:  # noqa: BLE001 - whatever the file is, it is not a copy to restore
        raise ShopError("restore_refused", detail=str(error).splitlines()[0]) from None
    finally:
        engine.dispose()
    if state.current is None:
        raise ShopError("restore_refused", detail=messages.Phrase("restore_not_ours"))
    if not known_revision(state.current):
        raise ShopError("restore_newer", path=str(source), revision=state.current)
    with tempfile.TemporaryDirectory(prefix="aixin-proof-") as folder:
        if state.current == state.head:
            engine = ledger_backup.read_only_engine(source)
        else:
            copy = Path(folder) / "copy.db"
            shutil.copyfile(source, copy)
            engine = make_engine(f"sqlite:///{copy}", create=False)
            upgrade(engine)
        try:
            with Session(engine) as session:
                report = proof.verify(session)
        finally:
            engine.dispose()
    if not report.ok:
        found = [messages.Phrase(f"finding_{f.code}", seq=f.seq, **f.params) if f"finding_{f.code}" in messages.CATALOG
                 else f.detail for f in report.errors[:3]]
        raise ShopError("restore_doctored", path=str(source), count=len(report.errors),
                        findings=messages.AllOf(found))


def restore(
    db: Database, actor: Actor, approval: Approval | None, source: Path, *, accept_older: bool = False
) -> RestoreResult:
    """Put a checked copy back in place of the live database, keeping a safety copy of it.
    The copy is proven first (``prove_copy``); the live database is untouched until then."""
    with transaction(db, on_record=False) as session:  # a check: nothing is written yet
        me = _keeper(session, actor)
        approver = approve(session, actor, approval, "approving_restore")
    try:
        checked = ledger_backup.check_copy(source)
    except ledger_backup.BackupError as error:
        raise ShopError("restore_refused", detail=str(error)) from None
    if not checked.ok:
        detail = checked.integrity if checked.integrity != "ok" else "; ".join(
            f.detail for f in checked.report.errors[:3])
        raise ShopError("restore_refused", detail=detail)
    prove_copy(source)
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


def _vouched(session: Session, username: str, password: str, *roles: Role) -> str:
    user = session.scalar(select(User).where(User.username == username.strip()))
    try:
        if user is None or not user.active or user.locked:
            raise VerificationError("unknown, inactive or locked")
        PasswordHasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise ShopError("login_wrong") from None
    if Role(user.role) not in roles:
        raise PermissionDenied("wrong_role", role=messages.OneOf(roles))
    return user.username


def restore_new(url: str, source: Path, username: str, password: str,
                approval: Approval | None) -> RestoreResult:
    """Put a copy in place where there is no database yet (a new or repaired PC).

    Nobody can log in to a database that is not there, so the copy's own
    users vouch: an administrator or supervisor of the copy, and another of
    its supervisors approving. Nothing records the attempt (the copy is only
    read); the log does.
    """
    target = sqlite_path(url)
    if target is None:
        raise ShopError("restore_refused", detail="restore works on an SQLite database file only")
    try:
        checked = ledger_backup.check_copy(source)
    except ledger_backup.BackupError as error:
        raise ShopError("restore_refused", detail=str(error)) from None
    if not checked.ok:
        raise ShopError("restore_refused", detail=checked.integrity)
    prove_copy(source)
    engine = ledger_backup.read_only_engine(source)
    try:
        with Session(engine) as session:
            me = _vouched(session, username, password, Role.ADMIN, Role.SUPERVISOR)
            if approval is None or not approval.username:
                raise NeedsApproval("needs_approval", what=messages.Phrase("approving_restore"))
            if approval.username.strip() == me:
                raise PermissionDenied("self_approval")
            approver = _vouched(session, approval.username, approval.password, Role.SUPERVISOR)
    finally:
        engine.dispose()
    try:
        ledger_backup.install(source, target)
    except ledger_backup.BackupError as error:
        raise ShopError("restore_refused", detail=str(error)) from None
    open_database(url).dispose()  # an older copy's schema is upgraded here, as on any opening
    log.warning("restored %s as the new database %s by %s, approved by %s", source, target, me, approver)
    return RestoreResult(source, None, checked.report.head_seq, approver)


def replace_damaged(url: str, source: Path, username: str, password: str,
                    approval: Approval | None) -> RestoreResult:
    """Put a checked copy in place of a database that is damaged, empty or gone. The copy's
    own users vouch, as on a new PC (nobody can log in to a damaged file). What was there is
    kept beside it, renamed, as evidence: nothing the program finds is ever deleted."""
    target = sqlite_path(url)
    if target is None:
        raise ShopError("restore_refused", detail="restore works on an SQLite database file only")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = []
    for end in ("", "-wal", "-shm"):
        part = Path(f"{target}{end}")
        if part.exists():
            aside = part.with_name(f"{target.name}.damaged-{stamp}{end}")
            part.rename(aside)
            moved.append((aside, part))
    try:
        done = restore_new(url, source, username, password, approval)
    except BaseException:
        for aside, part in moved:  # refused: everything goes back as it was
            if not part.exists():
                aside.rename(part)
        raise
    log.warning("the damaged database %s was kept as %s", target, [str(a) for a, _ in moved])
    return dataclasses.replace(done, safety_copy=moved[0][0] if moved else None)


@dataclass(frozen=True)
class CheckedCopy:
    path: Path
    made_at: datetime
    transactions: int


def newest_good(folders: list[Path]) -> CheckedCopy | None:
    """The newest backup in ``folders`` that passes its checks (SQLite's and the ledger's)."""
    found = sorted((c for folder in folders for c in copies(folder)), key=lambda c: c.made_at, reverse=True)
    for copy in found:
        try:
            checked = ledger_backup.check_copy(copy.path)
        except ledger_backup.BackupError:
            continue
        if checked.ok:
            return CheckedCopy(copy.path, copy.made_at, checked.report.transactions)
    return None


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


def backup_now(db: Database, actor: Actor, folder: Path | None = None, keep: int = 0,
               label: str = "backup") -> BackupResult:
    """A checked copy in ``folder`` (a USB stick works), keeping the newest ``keep`` copies."""
    folder = Path(folder) if folder else paths.backup_dir()
    made = backup(db, actor, folder, label=label)
    removed: list[Path] = []
    if keep > 0:
        older = sorted(folder.glob(f"aixin-{label}-*.db"), key=lambda p: p.name, reverse=True)
        for old in older[keep:]:
            old.unlink(missing_ok=True)
            removed.append(old)
    return dataclasses.replace(made, removed=tuple(removed))


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    made_at: datetime  # the file's time, in the village's zone
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
        found.append(BackupCopy(path, datetime.fromtimestamp(stat.st_mtime, LOCAL), stat.st_size))
    return sorted(found, key=lambda c: c.made_at, reverse=True)


def due_today(folder: Path | None = None) -> bool:
    """No backup copy in ``folder`` was made today (the village's day, Beijing): the day's
    automatic backup is due."""
    newest = copies(folder)
    return not newest or newest[0].made_at.date() != datetime.now(LOCAL).date()
