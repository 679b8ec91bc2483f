"""Opening the shop's database: engine settings, migrations, sessions.

SQLite (the default) runs in WAL mode with ``synchronous=FULL`` so every
commit is durable, foreign keys on, a busy timeout, and write transactions
that start with ``BEGIN IMMEDIATE`` (the SQLAlchemy pysqlite recipe), so two
counters on one file queue for the write lock instead of failing with
"database is locked". The same code runs on PostgreSQL.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ledger import backup as ledger_backup
from pos import paths
from pos.errors import ShopError

log = logging.getLogger("pos")

BUSY_TIMEOUT_MS = 30_000
MIGRATIONS = Path(__file__).parent / "migrations"
READ_ONLY = "aixin_read_only"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite") and "///" in url:
        database = url.split("///", 1)[1].split("?", 1)[0]
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
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


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str


def schema_state(engine: Engine) -> SchemaState:
    script = ScriptDirectory.from_config(_alembic_config())
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return SchemaState(current, script.get_current_head())


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

    An older schema is upgraded after a backup copy is taken; a schema newer
    than this program knows is refused.
    """
    url = url or paths.default_db_url()
    engine = make_engine(url)
    try:
        state = schema_state(engine)
        script = ScriptDirectory.from_config(_alembic_config())
        if state.current is None:
            if inspect(engine).get_table_names():
                raise ShopError("db_not_ours", url=engine.url.render_as_string())
            if not create:
                raise ShopError("db_missing", url=engine.url.render_as_string())
            _upgrade(engine)
        elif state.current != state.head:
            try:
                script.get_revision(state.current)
            except CommandError:
                raise ShopError("db_newer", revision=state.current) from None
            if ledger_backup.sqlite_file(engine) is not None:
                copy = ledger_backup.backup(engine, paths.backup_dir(), label=f"before-upgrade-{state.current}")
                log.info("schema %s -> %s, backup %s", state.current, state.head, copy)
            _upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return Database(url, engine)


def _upgrade(engine: Engine) -> None:
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
