"""A shop's books damaged, emptied or gone at start: told, and put back from the newest good
backup with a supervisor's approval; never silently replaced by a new village."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from pos import backups, proof, redemption
from pos.station import settings as local_settings
from pos.store.database import open_database
from tests.pos.conftest import PASSWORD, SUPERVISOR_PASSWORD, Village
from ui import app as app_module
from ui.recovery import RESTORED, RecoveryDialog


@pytest.fixture
def books(db_url, db, data_home):
    """The shop's books with a sale in a backup, and one sale more after it."""
    shop = Village(db)
    redemption.redeem(db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code)])
    made = backups.backup(db, shop.admin)
    redemption.redeem(db, shop.admin, shop.card("李四"), [redemption.CartItem(shop.soap.code)])
    db.dispose()
    return Path(db_url.removeprefix("sqlite:///")), made


def answer(qtbot, fill):
    """Answer the recovery dialog when it opens (it is modal); a failed check closes it, so
    the test fails instead of waiting forever. Returns the list the failure is put in."""
    problems = []

    def act():
        found = [w for w in app_module.QApplication.topLevelWidgets()
                 if isinstance(w, RecoveryDialog) and w.isVisible()]
        if not found:
            QTimer.singleShot(100, act)
            return
        try:
            fill(found[0])
        except BaseException as exc:  # noqa: BLE001  (re-raised by the test)
            problems.append(exc)
            found[0].reject()
    QTimer.singleShot(100, act)
    return problems


def test_a_damaged_database_at_start_is_put_back_from_the_newest_good_backup(books, db_url, ops, qtbot):
    path, made = books
    data = path.read_bytes()
    for end in ("-wal", "-shm"):
        Path(f"{path}{end}").unlink(missing_ok=True)
    path.write_bytes(bytes(100) + data[100:])  # the header overwritten

    def fill(dialog):
        assert "已损坏" in dialog.findChild(QLabel).text() and not dialog.new_button.isVisible()
        assert dialog.trouble.copy.path == made.path
        dialog.username.setText("wangfang")
        dialog.password.setText(PASSWORD)
        dialog.approver.setText("lishuji")
        dialog.approver_password.setText(SUPERVISOR_PASSWORD)
        dialog.restore_button.click()

    problems = answer(qtbot, fill)
    try:
        ready = app_module._books_ready(db_url, ops, local_settings.Settings(), "zh")
    except app_module.Quit:
        raise problems[0] if problems else AssertionError("the dialog was closed") from None
    assert ready is False
    with open_database(db_url, create=False) as db, db.read() as session:
        assert proof.verify(session).ok and proof.verify(session).transactions == made.transactions
    kept = list(path.parent.glob(f"{path.name}.damaged-*"))
    assert kept and kept[0].read_bytes()[:100] == bytes(100), "the damaged file is kept as evidence"


def test_an_empty_database_with_backups_asks_and_is_never_a_silent_new_village(books, db_url, ops, qtbot):
    path, _ = books
    for end in ("-wal", "-shm"):
        Path(f"{path}{end}").unlink(missing_ok=True)
    path.write_bytes(b"")

    def fill(dialog):
        assert "是空的" in dialog.findChild(QLabel).text() and dialog.new_button.isVisible()
        dialog.quit_button.click()

    problems = answer(qtbot, fill)
    with pytest.raises(app_module.Quit):
        app_module._books_ready(db_url, ops, local_settings.Settings(), "zh")
    assert not problems, problems
    assert path.stat().st_size == 0, "nothing was written into it"


def test_a_new_pc_with_no_books_and_no_backups_goes_to_the_setup(db_dir, ops):
    url = f"sqlite:///{db_dir / 'new.db'}"
    assert app_module._books_ready(url, ops, local_settings.Settings(), "zh") is True


def test_a_restore_refused_leaves_the_damaged_file_where_it_was(books, ops, qtbot):
    path, made = books
    path.write_bytes(bytes(100) + path.read_bytes()[100:])
    dialog = RecoveryDialog(ops, _trouble(path, made))
    qtbot.addWidget(dialog)
    dialog.username.setText("wangfang")
    dialog.password.setText(PASSWORD)
    dialog.approver.setText("lishuji")
    dialog.approver_password.setText("a guess")
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: ops.running == 0 and dialog.bar.kind == "refused")
    assert dialog.choice != RESTORED and path.read_bytes()[:100] == bytes(100)
    assert not list(path.parent.glob(f"{path.name}.damaged-*"))


def _trouble(path, made):
    from ui.recovery import Trouble

    return Trouble(f"sqlite:///{path}", "damaged", backups.CheckedCopy(made.path, made_at(made.path), 0), False)


def made_at(path):
    from datetime import datetime

    return datetime.fromtimestamp(path.stat().st_mtime)
