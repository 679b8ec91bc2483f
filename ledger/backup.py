"""Copies of an SQLite ledger taken while it is in use, and checked restores.

Copies use SQLite's online backup API, which reads a consistent snapshot even
while another connection writes (copying the .db file alone would miss the
-wal file). A copy is only ever restored after ``PRAGMA integrity_check`` and
a full ``verify`` of the copy both pass.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ledger.errors import LedgerError
from ledger.verification import Report, verify

log = logging.getLogger("ledger")


class BackupError(LedgerError):
    pass


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
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target_dir / f"aixin-{label}-{stamp}.db"
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(destination)
        finally:
            destination.close()
    finally:
        raw.close()
    log.info("backup written to %s", target)
    return target


def check_copy(path: Path) -> CopyCheck:
    """Integrity check and ledger verify of a database file, opened read-only."""
    if not path.is_file():
        raise BackupError(f"no file {path}")
    uri = f"file:{path.resolve().as_posix()}?mode=ro"
    try:
        with sqlite3.connect(uri, uri=True) as plain:
            integrity = "; ".join(row[0] for row in plain.execute("PRAGMA integrity_check"))
    except sqlite3.DatabaseError as exc:
        return CopyCheck(path, f"not a readable database: {exc}", None)
    if integrity != "ok":
        return CopyCheck(path, integrity, None)
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        with Session(engine) as session:
            report = verify(session)
    except Exception as exc:  # a file that is a database but not a ledger
        log.warning("copy %s is not a ledger: %s", path, exc)
        return CopyCheck(path, f"not a ledger database: {exc}", None)
    finally:
        engine.dispose()
    return CopyCheck(path, integrity, report)


def restore(engine: Engine, source: Path, safety_dir: Path) -> tuple[CopyCheck, Path]:
    """Replace the live database by ``source`` if the copy checks out.

    The live database is first copied into ``safety_dir``, so a restore can
    itself be undone. Returns the check of the source and that safety copy.
    """
    target = sqlite_file(engine)
    if target is None:
        raise BackupError("restore works on an SQLite database file only")
    checked = check_copy(source)
    if not checked.ok:
        raise BackupError(f"the copy {source} failed its checks: {checked.integrity}")
    safety = backup(engine, safety_dir, label="before-restore")
    engine.dispose()
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    log.info("restored %s over %s (safety copy %s)", source, target, safety)
    return checked, safety


__all__ = ["BackupError", "CopyCheck", "backup", "check_copy", "restore", "sqlite_file"]
