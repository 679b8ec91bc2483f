"""Opening databases: fresh, current, older (upgraded after a backup), newer (refused)."""

import sqlite3

import pytest
from sqlalchemy import text

from pos import paths
from pos.store.database import open_database, schema_state
from pos.errors import ShopError


def test_a_new_file_gets_the_whole_schema_and_sqlite_settings(db_url, db_dir):
    db = open_database(db_url)
    try:
        state = schema_state(db.engine)
        assert state.current == state.head
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        db.dispose()


def test_a_newer_database_is_refused_with_a_clear_message(db_url, db_dir):
    open_database(db_url).dispose()
    with sqlite3.connect(db_dir / "village.db") as plain:
        plain.execute("UPDATE alembic_version SET version_num='9999_future'")
    with pytest.raises(ShopError) as refused:
        open_database(db_url)
    assert refused.value.key == "db_newer"
    assert "更新版本" in str(refused.value) and "9999_future" in str(refused.value)


def test_a_foreign_database_is_left_alone(db_dir):
    with sqlite3.connect(db_dir / "other.db") as plain:
        plain.execute("CREATE TABLE stuff (x)")
    with pytest.raises(ShopError) as refused:
        open_database(f"sqlite:///{db_dir / 'other.db'}")
    assert refused.value.key == "db_not_ours"


def test_an_older_database_is_backed_up_then_upgraded(db_url, db_dir):
    from alembic import command
    from alembic.script import ScriptDirectory

    from pos.store.database import _alembic_config, make_engine

    config = _alembic_config()
    revisions = list(ScriptDirectory.from_config(config).walk_revisions())
    if len(revisions) < 2:
        pytest.skip("only one schema version exists so far")
    first = revisions[-1].revision
    engine = make_engine(db_url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, first)
    engine.dispose()

    db = open_database(db_url)
    try:
        state = schema_state(db.engine)
        assert state.current == state.head
    finally:
        db.dispose()
    copies = list(paths.backup_dir().glob(f"aixin-before-upgrade-{first}-*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as plain:
        assert plain.execute("SELECT version_num FROM alembic_version").fetchone()[0] == first


def test_a_read_session_does_not_block_a_writer(db):
    with db.read() as reader:
        reader.execute(text("SELECT count(*) FROM ledger_transaction")).scalar()
        with db.write() as writer:
            writer.execute(text("SELECT 1"))


def test_opening_a_missing_database_to_read_creates_nothing(tmp_path):
    missing = tmp_path / "typo" / "village.db"
    with pytest.raises(ShopError) as refused:
        open_database(f"sqlite:///{missing}", create=False)
    assert refused.value.key == "db_missing"
    assert not missing.parent.exists()


def test_a_new_database_file_is_readable_by_its_owner_only(tmp_path):
    import os
    import stat

    if os.name != "posix":
        pytest.skip("permission bits are POSIX")
    path = tmp_path / "new-folder" / "village.db"
    open_database(f"sqlite:///{path}").dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_head_the_program_opens_at_without_alembic_is_alembics_own_head():
    """Opening a current database never imports Alembic; the revision it compares with must be
    the newest migration in migrations/versions, or an older database would not be upgraded."""
    from alembic.script import ScriptDirectory

    from pos.store import database

    script = ScriptDirectory.from_config(database._alembic_config())
    assert database.HEAD == script.get_current_head()


def test_opening_a_current_database_does_not_import_alembic(db_url, tmp_path):
    import subprocess
    import sys

    open_database(db_url).dispose()
    probe = ("import sys; from pos.store.database import open_database; "
             f"open_database({db_url!r}).dispose(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
