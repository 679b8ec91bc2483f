"""Faults in the window, told as they are and recovered from by themselves: a backup stick
that is full, a county database server that restarts, a fault after a sale was saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos import redemption
from pos.station import settings as local_settings
from tests import tmpfs
from tests.ui.test_shell import with_notes_area
from ui.settings import backups as automatic


@pytest.fixture
def small_stick(tmp_path):
    with tmpfs.mounted(tmp_path, "2m") as where:
        yield where


def test_a_full_backup_stick_stays_in_the_status_bar_and_the_backup_is_tried_again(
        monkeypatch, make_shell, ops, qtbot, small_stick):
    with_notes_area(monkeypatch)
    (small_stick / "photos").write_bytes(b"x" * 2_000_000)
    window = make_shell(settings=local_settings.Settings(backup_dir=str(small_stick)))
    automatic.start_automatic_backups(window)
    qtbot.waitUntil(lambda: window.backup_retry.isActive(), timeout=10_000)
    qtbot.waitUntil(lambda: "自动备份失败" in window.backup_label.text(), timeout=10_000)
    assert "满" in window.backup_label.text()
    assert sorted(p.name for p in small_stick.iterdir()) == ["photos"], "no partial copy counts as a backup"
    window.refresh_station()  # the status bar's next look at the books keeps saying it
    ops.wait()
    assert "自动备份失败" in window.backup_label.text()
    assert window.backup_retry.isActive()
    (small_stick / "photos").unlink()
    window.backup_retry.timeout.emit()  # the retry's time has come
    qtbot.waitUntil(lambda: "上次备份" in window.backup_label.text(), timeout=10_000)
    assert len(list(small_stick.glob("aixin-backup-*.db"))) == 1 and not window.backup_retry.isActive()


def test_a_fault_after_a_sale_says_the_sale_was_saved(make_shell, monkeypatch, ops, qtbot, shop):
    with_notes_area(monkeypatch)
    window = make_shell()
    screen = window.current_screen()

    def sale_then_fault():
        redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code)])
        raise RuntimeError("the receipt step broke")

    ops.write(sale_then_fault, bar=screen.bar)
    qtbot.waitUntil(lambda: ops.running == 0 and bool(ops.faults))
    summary = ops.faults[-1][0]
    assert "已保存，台账第" in summary and "不要再做一遍" in summary


def test_a_database_server_restarting_shows_in_the_status_bar_and_clears_itself(qtbot, ops, scanner):
    from pos.store.database import open_database
    from pos.station import state as station
    from tests import postgres_server
    from tests.pos.conftest import Village
    from ui.shell import Shell

    with postgres_server.running() as server:
        db = open_database(server.create_database("window_outage"))
        shop = Village(db)
        ops.database = station.describe(db)
        window = Shell(db, shop.admin, ops, settings=local_settings.Settings(), scanner=scanner)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: "数据库：" in window.database_label.text())
        server.pause()
        window.refresh_station()
        qtbot.waitUntil(lambda: "连不上" in window.database_label.text(), timeout=10_000)
        assert "无法连接数据库服务器" in window.database_label.toolTip() and not ops.faults
        server.resume()
        postgres_server.wait_ready(server)
        window.refresh_station()
        qtbot.waitUntil(lambda: "连不上" not in window.database_label.text(), timeout=15_000)
        window.station_timer.stop()
        ops.wait()
        db.dispose()


def test_nothing_of_a_failed_backup_is_left_to_count_as_one(small_stick, shop):
    from pos import backups
    from pos.errors import ShopError

    (small_stick / "photos").write_bytes(b"x" * 2_000_000)
    with pytest.raises(ShopError) as refused:
        backups.backup(shop.db, shop.admin, small_stick)
    assert refused.value.key == "backup_disk_full" and "KB" in str(refused.value)
    assert [p.name for p in Path(small_stick).iterdir()] == ["photos"]
