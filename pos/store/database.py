"""Opening the shop's database: engine settings, migrations, sessions.

SQLite (the default) runs in WAL mode with ``synchronous=FULL`` so every
commit is durable, foreign keys on, a busy timeout, and write transactions
that start with ``BEGIN IMMEDIATE`` (the SQLAlchemy pysqlite recipe), so two
counters on one file queue for the write lock instead of failing with
"database is locked". The same code runs on PostgreSQL.

Opening to read never creates anything: ``open_database(create=False)`` on a
missing file refuses before SQLite could make an empty one. A file the
program creates (and its folder) is readable by its owner only, where the
system allows; SQLite gives the -wal and -shm files the database's own mode.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ledger import backup as ledger_backup
from pos import paths
from pos.errors import ShopError, from_database

log = logging.getLogger("pos")

BUSY_TIMEOUT_MS = 30_000
MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration's revision. Opening a database at this schema reads its revision with one
# query and never imports Alembic (a quarter of a second on the counter PC); a test holds this
# equal to the head Alembic finds in migrations/versions.
HEAD = "0013"
READ_ONLY = "aixin_read_only"


def sqlite_path(url: str) -> Path | None:
    """The file an SQLite URL names, or None (another database, or memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url``. With ``create`` a missing SQLite file is made (privately);
    without it, nothing is made here (open_database refuses a missing file first)."""
    path = sqlite_path(url)
    if path is not None and create:
        ledger_backup.create_private_file(path)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine)
    return engine


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event below issue BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str


def known_revision(revision: str) -> bool:
    """Whether this program's migrations know ``revision`` (an older or the current schema)."""
    if revision == HEAD:
        return True
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(_alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(engine: Engine) -> None:
    """Bring a database (a copy being proven, say) to this program's schema, with no backup."""
    _upgrade(engine)


def schema_state(engine: Engine) -> SchemaState:
    """The schema's revision as Alembic keeps it (its ``alembic_version`` table), and ours."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return SchemaState(None, HEAD)
        versions = [row[0] for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")]
    return SchemaState(versions[0] if len(versions) == 1 else None, HEAD)


class Database:
    """One database: ``write()`` and ``read()`` give a session in one transaction."""

    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine
        # Where "now" comes from; the demo village replays a year on a clock of its own.
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._reader = sessionmaker(
            engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work commits on leaving, or rolls back on any error."""
        with self._sessions.begin() as session:
            session.info["clock"] = self.clock
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; on SQLite it does not take the write lock."""
        with self._reader() as session:
            session.info["clock"] = self.clock
            yield session
            session.rollback()

    @property
    def file(self) -> Path | None:
        return ledger_backup.sqlite_file(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc) -> None:
        self.dispose()


def open_database(url: str | None = None, *, create: bool = True) -> Database:
    """Open (and if needed create or upgrade) the database at ``url``.

    With ``create=False`` (commands that only read) a missing database is
    refused with ``db_missing`` and nothing is created, not even its folder.
    An older schema is upgraded after a backup copy is taken; a schema newer
    than this program knows is refused.
    """
    url = url or paths.default_db_url()
    path = sqlite_path(url)
    if path is not None and not create:
        if not path.is_file():
            raise ShopError("db_missing", url=make_url(url).render_as_string())
        if path.stat().st_size == 0:
            # An empty file is not a new village: a stick pulled mid-copy, a failed restore.
            raise ShopError("db_empty", path=str(path))
    engine = make_engine(url, create=create)
    try:
        try:
            state = schema_state(engine)
        except DatabaseError as exc:
            raise from_database(exc, str(path or url)) or damaged(path or url, exc) from None
        if state.current is None:
            if inspect(engine).get_table_names():
                raise ShopError("db_not_ours", url=engine.url.render_as_string())
            if not create:
                raise ShopError("db_missing", url=engine.url.render_as_string())
            _upgrade(engine)
        elif state.current != state.head:
            if not known_revision(state.current):
                raise ShopError("db_newer", revision=state.current)
            if ledger_backup.sqlite_file(engine) is not None:
                copy = ledger_backup.backup(engine, paths.backup_dir(), label=f"before-upgrade-{state.current}")
                log.info("schema %s -> %s, backup %s", state.current, state.head, copy)
            _upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return Database(url, engine)


def damaged(where, exc: Exception) -> ShopError:
    """A file SQLite cannot read as a database: cut short, its header overwritten, a page
    damaged. Never written to again by the program; the person restores a checked backup."""
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    log.error("database %s is damaged: %s", where, detail)
    return ShopError("db_damaged", path=str(where), detail=detail)


def integrity(engine: Engine) -> str:
    """SQLite's own check of every page and index ("ok" when whole); "ok" on other databases,
    which check their own pages."""
    if engine.dialect.name != "sqlite":
        return "ok"
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
    return "; ".join(str(row[0]) for row in rows[:5])


def _upgrade(engine: Engine) -> None:
    from alembic import command

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
