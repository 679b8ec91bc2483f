"""Copies of an SQLite ledger taken while it is in use, and checked restores.

Copies use SQLite's online backup API, which reads a consistent snapshot even
while another connection writes (copying the .db file alone would miss the
-wal file). The copy is written as a plain rollback-journal file, so checking
or restoring it later leaves no -wal or -shm file beside it. Copies and their
folders are created readable by their owner only, where the system allows.

A copy is only ever restored after ``PRAGMA integrity_check`` and a full
``verify`` of the copy both pass, and never over a ledger it has forked from:
a copy that holds a transaction number the live ledger also holds, with a
different hash, was used on after the two parted (on another PC, say), and
putting it back would silently replace what was written here.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ledger import canonical
from ledger.errors import LedgerError
from ledger.schema import Transaction
from ledger.verification import Report, verify

log = logging.getLogger("ledger")

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


class BackupError(LedgerError):
    pass


@dataclass(frozen=True)
class Entry:
    """A transaction as two copies of the ledger may disagree on it."""

    seq: int
    at: str
    kind: str
    operator: str
    hash: str


class ForkedCopy(BackupError):
    """The copy and the live ledger hold the same transaction number with different hashes."""

    def __init__(self, live: Entry, copy: Entry):
        self.live = live
        self.copy = copy
        super().__init__(
            f"the copy has forked from this ledger at transaction {live.seq}: here "
            f"{live.kind} at {live.at} by {live.operator}, in the copy {copy.kind} at {copy.at} "
            f"by {copy.operator}"
        )


class OlderCopy(BackupError):
    """The copy ends before the live ledger does; restoring it loses transactions."""

    def __init__(self, copy_seq: int, live_seq: int):
        self.copy_seq = copy_seq
        self.live_seq = live_seq
        super().__init__(f"the copy ends at transaction {copy_seq}, this ledger at {live_seq}")


def private_folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty ``path`` (and its folder) readable by its owner only, unless it exists."""
    if not path.parent.is_dir():
        private_folder(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass


def private_file_opener(path, flags):
    """``open(..., opener=private_file_opener)`` creates the file readable by its owner only."""
    return os.open(path, flags, PRIVATE_FILE)


@dataclass(frozen=True)
class CopyCheck:
    path: Path
    integrity: str
    report: Report | None

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.report is not None and self.report.ok


def sqlite_file(engine: Engine) -> Path | None:
    """The file behind an SQLite engine, or None for other databases and memory."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def backup(engine: Engine, target_dir: Path, *, label: str = "backup") -> Path:
    """Write a consistent copy of the live database into ``target_dir``; return its path."""
    if sqlite_file(engine) is None:
        raise BackupError(
            "only an SQLite database file is copied here; back up a server database "
            "with its own tools (pg_dump)"
        )
    private_folder(target_dir)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target_dir / f"aixin-{label}-{stamp}.db"
    # Written under a name no list of backups matches, and renamed only when whole: a copy
    # cut short by a full stick is never counted as a backup.
    partial = target_dir / f".{target.name}.partial"
    create_private_file(partial)
    try:
        raw = engine.raw_connection()
        try:
            destination = sqlite3.connect(partial)
            try:
                raw.driver_connection.backup(destination)
                # The copy inherits WAL mode from the live file; a WAL file opened read-only
                # later keeps a -wal and a -shm beside it. A copy is never written to again.
                destination.execute("PRAGMA journal_mode=DELETE")
            finally:
                destination.close()
        finally:
            raw.close()
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    log.info("backup written to %s", target)
    return target


def check_copy(path: Path) -> CopyCheck:
    """Integrity check and ledger verify of a database file, opened read-only."""
    if not path.is_file():
        raise BackupError(f"no file {path}")
    uri = f"file:{path.resolve().as_posix()}?mode=ro"
    try:
        plain = sqlite3.connect(uri, uri=True)
        try:
            integrity = "; ".join(row[0] for row in plain.execute("PRAGMA integrity_check"))
        finally:
            plain.close()
    except sqlite3.DatabaseError as exc:
        return CopyCheck(path, f"not a readable database: {exc}", None)
    if integrity != "ok":
        return CopyCheck(path, integrity, None)
    engine = read_only_engine(path)
    try:
        with Session(engine) as session:
            report = verify(session)
    except Exception as exc:  # a file that is a database but not a ledger
        log.warning("copy %s is not a ledger: %s", path, exc)
        return CopyCheck(path, f"not a ledger database: {exc}", None)
    finally:
        engine.dispose()
    return CopyCheck(path, integrity, report)


_TX = Transaction.__table__.c


def _last_seq(conn) -> int:
    return conn.execute(select(_TX.seq).order_by(_TX.seq.desc()).limit(1)).scalar() or 0


def _entries(conn, upto: int) -> dict[int, Entry]:
    rows = conn.execute(
        select(_TX.seq, _TX.at, _TX.kind, _TX.operator, _TX.hash).where(_TX.seq <= upto))
    return {seq: Entry(seq, canonical.format_time(at), kind, operator, digest)
            for seq, at, kind, operator, digest in rows}


def read_only_engine(path: Path) -> Engine:
    """An engine that can only read the database file ``path``."""
    uri = f"file:{path.resolve().as_posix()}?mode=ro"
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))


def fork_point(engine: Engine, source: Path) -> tuple[Entry, Entry] | None:
    """The first transaction number both ledgers hold with different hashes (the live
    one's entry and the copy's), or None when one is a prefix of the other."""
    copy_engine = read_only_engine(source)
    try:
        with engine.connect() as live, copy_engine.connect() as copy:
            common = min(_last_seq(live), _last_seq(copy))
            mine, theirs = _entries(live, common), _entries(copy, common)
    finally:
        copy_engine.dispose()
    for seq in sorted(mine.keys() | theirs.keys()):
        here, there = mine.get(seq), theirs.get(seq)
        if here is None or there is None or here.hash != there.hash:
            missing = Entry(seq, "-", "(missing)", "-", "")
            return here or missing, there or missing
    return None


def restore(
    engine: Engine, source: Path, safety_dir: Path, *, allow_older: bool = True
) -> tuple[CopyCheck, Path]:
    """Replace the live database by ``source`` if the copy checks out and has not forked.

    A copy that ends before the live ledger is refused with ``OlderCopy``
    unless ``allow_older``. The live database is first copied into
    ``safety_dir``, so a restore can itself be undone. Returns the check of
    the source and that safety copy.
    """
    target = sqlite_file(engine)
    if target is None:
        raise BackupError("restore works on an SQLite database file only")
    checked = check_copy(source)
    if not checked.ok:
        raise BackupError(f"the copy {source} failed its checks: {checked.integrity}")
    forked = fork_point(engine, source)
    if forked is not None:
        raise ForkedCopy(*forked)
    with engine.connect() as conn:
        live_top = _last_seq(conn)
    if live_top > checked.report.head_seq and not allow_older:
        raise OlderCopy(checked.report.head_seq, live_top)
    safety = backup(engine, safety_dir, label="before-restore")
    engine.dispose()
    _copy_file(source, target)
    log.info("restored %s over %s (safety copy %s)", source, target, safety)
    return checked, safety


def _copy_file(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source.resolve().as_posix()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def install(source: Path, target: Path) -> CopyCheck:
    """Put a checked copy where there is no database yet (a new or repaired PC)."""
    if target.exists():
        raise BackupError(f"{target} exists already")
    checked = check_copy(source)
    if not checked.ok:
        raise BackupError(f"the copy {source} failed its checks: {checked.integrity}")
    create_private_file(target)
    _copy_file(source, target)
    log.info("installed %s as %s", source, target)
    return checked


__all__ = [
    "BackupError", "CopyCheck", "Entry", "ForkedCopy", "OlderCopy", "backup", "check_copy",
    "create_private_file", "install", "read_only_engine",
    "fork_point", "private_file_opener", "private_folder", "restore", "sqlite_file",
]
