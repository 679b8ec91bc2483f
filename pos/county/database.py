"""Opening the county's database: the engine settings of the shop's, its own migrations.

A county database is PostgreSQL (``postgresql+psycopg://...``); SQLite serves a
township's own copy and the tests, with the shop's settings (WAL, durable commits,
``BEGIN IMMEDIATE``). Its schema version is kept in ``county_alembic_version``, so
it upgrades like the shop's database and never mistakes itself for one.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Table, create_engine, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from pos.errors import ShopError
from pos.store.database import Database, make_engine, sqlite_path

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "county_alembic_version"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(
            connection, opts={"version_table": VERSION_TABLE}).get_current_revision()


def open_county(url: str, *, create: bool = False) -> Database:
    """The county database at ``url``, upgraded to this program's schema. Only ``create``
    (``aixin county init``) makes a new one; a database that is a village's, or holds
    county tables without their version, is refused."""
    path = sqlite_path(url)
    if path is not None and not create and not path.is_file():
        raise ShopError("county_db_missing", url=make_url(url).render_as_string())
    engine = make_engine(url, create=create)
    try:
        current = current_revision(engine)
        script = ScriptDirectory.from_config(_config())
        if current is None:
            names = inspect(engine).get_table_names()
            if any(name.startswith("county_") for name in names):
                raise ShopError("db_not_ours", url=engine.url.render_as_string())
            if not create:
                raise ShopError("county_db_missing", url=engine.url.render_as_string())
            _upgrade(engine)
        elif current != script.get_current_head():
            try:
                script.get_revision(current)
            except CommandError:
                raise ShopError("db_newer", revision=current) from None
            _upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return Database(url, engine)


def holds_county(url: str) -> bool:
    """Whether ``url`` names a county database (not a village's), looked at without creating
    or changing anything: a missing file, an empty one or a server out of reach is not one."""
    path = sqlite_path(url)
    if path is not None:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        try:  # read-only, so that looking sets no journal mode and takes no lock
            with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
                return connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                          (VERSION_TABLE,)).fetchone() is not None
        except sqlite3.Error:
            return False
    try:
        engine = create_engine(url)
    except Exception:  # noqa: BLE001 - not a URL this program opens: not a county's either
        return False
    try:
        return VERSION_TABLE in inspect(engine).get_table_names()
    except Exception:  # noqa: BLE001 - unreachable, unreadable: the village's start-up says why
        return False
    finally:
        engine.dispose()


def _upgrade(engine: Engine) -> None:
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def copy_rows(session: Session, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Add ``rows`` (tuples in the order of ``columns``) to ``table`` in the session's
    transaction: by ``COPY`` on PostgreSQL, one round trip for the lot; elsewhere in one
    executemany."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        driver = connection.connection.driver_connection
        with driver.cursor() as cursor, cursor.copy(
                f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        session.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])


def insert_rows(session: Session, batches: list[tuple[Table, tuple[str, ...], list[tuple]]]) -> None:
    """Add a few small batches of rows ((table, columns, rows)) in the session's transaction: on
    PostgreSQL one INSERT a table of the rows' columns as arrays (``unnest``), all sent in one
    pipeline (one round trip for the lot, where a ``COPY`` costs two a table); elsewhere one
    executemany a table."""
    batches = [(table, columns, rows) for table, columns, rows in batches if rows]
    if not batches:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        driver = connection.connection.driver_connection
        with driver.pipeline(), driver.cursor() as cursor:
            for table, columns, rows in batches:
                cursor.execute(_unnest(connection.dialect, table, columns), [list(c) for c in zip(*rows, strict=True)])
    else:
        for table, columns, rows in batches:
            session.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])


_UNNESTS: dict[tuple, str] = {}


def _unnest(dialect, table: Table, columns: tuple[str, ...]) -> str:
    """``INSERT INTO table (columns) SELECT * FROM unnest(%b::type[], ...)``: one statement
    whatever the number of rows, so the driver reads its text once; the arrays go in binary,
    their texts as they are (quoting JSON documents for an array's text form is slow)."""
    key = (table.name, columns)
    if key not in _UNNESTS:
        # Cast to the type without its length: an explicit cast to varchar(n) would cut a
        # longer text short, where the column refuses it.
        types = [re.sub(r"\(\d+\)", "", table.c[name].type.compile(dialect=dialect)) for name in columns]
        _UNNESTS[key] = (f"INSERT INTO {table.name} ({', '.join(columns)}) SELECT * FROM unnest("
                         + ", ".join(f"%b::{kind}[]" for kind in types) + ")")
    return _UNNESTS[key]
