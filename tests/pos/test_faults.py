"""Faults that are not the program's, told truthfully: damaged files, a read-only folder,
a full disk, a database server that went away, and what was saved before it happened.

The folders are real: a read-only and a tiny tmpfs are mounted where the tests run as
root (as CI does); elsewhere those tests are skipped.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

import ledger
from pos import redemption, service
from pos.errors import ShopError, from_database
from pos.proof import verify
from pos.station import logs, settings
from pos.store.database import open_database
from tests.pos.conftest import Village


@pytest.fixture
def mount(tmp_path):
    """``mount(size, read_only)``: a real tmpfs of its own, unmounted afterwards."""
    mounted = []

    def make(size: str = "1m") -> Path:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("mounting a tmpfs needs root")
        where = tmp_path / f"mnt{len(mounted)}"
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                              capture_output=True)
        if done.returncode != 0:
            pytest.skip("tmpfs cannot be mounted here")
        mounted.append(where)
        where.chmod(0o755)
        return where

    yield make
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


# ---------------------------------------------------------------- this PC's settings file


@pytest.mark.parametrize("content", [
    "[]", '{"printer": null}', '{"printer": []}', '{"printer": {"baudrate": "9600"}}',
    '{"printer": {"paper_mm": "fifty-eight"}}', "{not json",
])
def test_a_damaged_settings_file_is_a_warning_and_the_defaults_never_a_fault(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    loaded, problems = settings.read(path)
    assert loaded.printer == settings.PrinterSettings() or loaded.printer.port == ""
    assert loaded.printer.baudrate == 9600 and loaded.printer.paper_mm == 58
    assert problems or content == '{"printer": null}'
    assert settings.load(path) == loaded


def test_a_settings_file_that_is_a_folder_is_the_defaults_with_a_warning(tmp_path):
    (tmp_path / "settings.json").mkdir()
    loaded, problems = settings.read(tmp_path / "settings.json")
    assert loaded == settings.Settings() and len(problems) == 1


def test_good_values_beside_a_bad_one_are_kept(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"printer": {"port": "COM3", "stopbits": 1.5, "baudrate": "fast"},
                                "idle_lock_minutes": 5}), encoding="utf-8")
    loaded, problems = settings.read(path)
    assert (loaded.printer.port, loaded.printer.stopbits, loaded.printer.baudrate) == ("COM3", 1.5, 9600)
    assert loaded.idle_lock_minutes == 5 and problems == ["printer.baudrate='fast'"]


# ---------------------------------------------------------------- damaged databases


@pytest.fixture
def village_file(db_url, db):
    Village(db)
    db.dispose()
    return Path(db_url.removeprefix("sqlite:///"))


def test_an_empty_database_file_is_never_taken_for_a_new_village(db_dir):
    path = db_dir / "village.db"
    path.write_bytes(b"")
    with pytest.raises(ShopError) as refused:
        open_database(f"sqlite:///{path}", create=False)
    assert refused.value.key == "db_empty" and str(path) in str(refused.value)
    assert path.stat().st_size == 0, "nothing was written into it"


@pytest.mark.parametrize("damage", ["cut in half", "header zeroed"])
def test_a_cut_or_overwritten_database_is_one_clear_message_naming_the_file(village_file, damage):
    data = village_file.read_bytes()
    data = data[: len(data) // 2] if damage == "cut in half" else bytes(100) + data[100:]
    for extra in ("-wal", "-shm"):
        Path(f"{village_file}{extra}").unlink(missing_ok=True)
    village_file.write_bytes(data)
    with pytest.raises(ShopError) as refused:
        open_database(f"sqlite:///{village_file}", create=False)
    assert refused.value.key == "db_damaged" and str(village_file) in str(refused.value)


def test_a_damaged_page_fails_verify_by_sqlites_own_check(village_file):
    connection = sqlite3.connect(village_file)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ledger_posting'").fetchone()[0]
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with village_file.open("r+b") as handle:  # the postings' page, as a bad sector leaves it
        handle.seek(page_size * (root - 1) + 8)
        handle.write(os.urandom(page_size - 16))
    db = open_database(f"sqlite:///{village_file}", create=False)
    try:
        with db.read() as session:
            report = verify(session)
    finally:
        db.dispose()
    assert not report.ok and report.findings[0].code == "integrity"


# ---------------------------------------------------------------- folders and disks


def test_a_read_only_data_folder_sends_the_log_to_standard_error(mount, monkeypatch, capsys):
    home = mount("1m")
    read_only(home)
    monkeypatch.setenv("AIXIN_HOME", str(home))
    monkeypatch.setattr(logs, "_configured", None)
    try:
        assert logs.setup() == logs.STDERR
        logging.getLogger("pos").warning("a warning still reaches someone")
        assert "a warning still reaches someone" in capsys.readouterr().err
    finally:
        monkeypatch.setattr(logs, "_configured", None)


def test_a_database_in_a_read_only_folder_says_so_and_names_it(mount, db_url, db):
    Village(db)
    db.dispose()
    folder = mount("4m")
    shutil.copy(Path(db_url.removeprefix("sqlite:///")), folder / "village.db")
    read_only(folder)
    with pytest.raises(ShopError) as refused:
        open_database(f"sqlite:///{folder / 'village.db'}", create=False)
    assert refused.value.key == "db_read_only" and str(folder / "village.db") in str(refused.value)
    assert "没有保存" in str(refused.value)


def test_a_full_disk_while_writing_is_disk_full_and_nothing_was_saved(mount):
    folder = mount("160k")
    with pytest.raises(Exception) as failed:  # whatever SQLite raised, it is told one way
        with open_database(f"sqlite:///{folder / 'village.db'}") as db:
            Village(db)
    told = failed.value if isinstance(failed.value, ShopError) else from_database(
        failed.value, str(folder / "village.db"))
    assert told is not None and told.key == "disk_full", repr(failed.value)


# ---------------------------------------------------------------- what was saved


def test_every_commit_is_on_record_so_a_later_fault_can_say_what_was_saved(shop):
    mark = service.commit_mark()
    sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, 1)])
    done = service.commits_since(mark)
    assert [(c.first_seq, c.last_seq) for c in done] == [(sale.seq, sale.seq)]


def test_a_refused_operation_leaves_no_commit_on_record(shop):
    mark = service.commit_mark()
    with pytest.raises(ShopError):
        redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.fan.code, 5)])
    assert service.commits_since(mark) == []


def test_a_database_server_that_went_away_is_told_as_unreachable_and_is_used_again_when_back():
    from tests import postgres_server

    with postgres_server.running() as server:
        url = server.create_database("outage")
        db = open_database(url)
        shop = Village(db)
        with db.read() as session:
            head = ledger.head(session)
        server.pause()
        with pytest.raises(Exception) as failed:
            redemption.redeem(db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, 1)])
        told = from_database(failed.value, "county-server")
        assert told is not None and told.key == "db_unreachable" and "county-server" in str(told)
        server.resume()
        postgres_server.wait_ready(server)
        with db.read() as session:
            assert ledger.head(session) == head, "nothing was saved while the server was away"
        sale = redemption.redeem(db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, 1)])
        assert sale.seq == head[0] + 1
        db.dispose()
