"""Starting the app: first-start setup, login, the demo village, start-up checks."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from pos import demo, households, users, village
from pos.station import settings as local_settings
from pos.errors import ShopError
from pos.vocabulary import Role
from tests.pos.conftest import PASSWORD


def first_start(db, ops, qtbot, tmp_path, households: str):
    """The first-start dialog shown, and a households file with these rows under its header."""
    from ui.setup import SetupDialog

    csv = tmp_path / "农户.csv"
    csv.write_text("户主,小组,人口,电话\n" + households, encoding="utf-8")
    dialog = SetupDialog(db, ops)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, csv


def test_first_start_sets_up_the_village_its_supervisor_imports_households_and_issues_cards(db, ops, qtbot, tmp_path):
    dialog, csv = first_start(db, ops, qtbot, tmp_path, "张三,一组,4,\n李四,二组,3,13800000000\n")
    assert "监督员" in dialog.findChild(QLabel, "supervisorWhy").text()
    dialog.village.setText("杜家村")
    dialog.groups.setText("一组、二组")
    dialog.username.setText("dujia")
    dialog.display_name.setText("杜会计")
    dialog.password.setText("village-1")
    dialog.password_again.setText("village-2")
    dialog.ok.click()
    assert dialog.bar.kind == "refused" and "密码不一样" in dialog.bar.text
    dialog.password_again.setText("village-1")
    dialog.ok.click()
    assert dialog.bar.kind == "refused" and "第一书记" in dialog.bar.text, "no village without its supervisor"
    dialog.supervisor.username.setText("dujia")
    dialog.supervisor.password.setText("secretary-1")
    dialog.supervisor.password_again.setText("secretary-1")
    dialog.ok.click()
    assert "不同的用户名" in dialog.bar.text
    dialog.supervisor.username.setText("dushuji")
    dialog.supervisor.display_name.setText("杜书记")
    dialog.csv.setText(str(csv))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        QTest.keyClick(dialog.csv, Qt.Key.Key_Return)  # Enter in a field finishes the setup
    settings = village.settings(db)
    assert settings.name == "杜家村" and settings.shop_name == "杜家村爱心超市" and settings.groups == ("一组", "二组")
    admin = users.login(db, "dujia", "village-1")
    secretary = users.login(db, "dushuji", "secretary-1")
    assert secretary.role == Role.SUPERVISOR and secretary.display_name == "杜书记"
    homes = households.search(db, admin)
    assert sorted(h.head_name for h in homes) == ["张三", "李四"]
    assert all(h.card_number and h.balance == 100 for h in homes)


def test_after_a_refused_import_enter_tries_again_and_never_quits(db, ops, qtbot, tmp_path):
    dialog, csv = first_start(db, ops, qtbot, tmp_path, "张三,没有这个组,4,\n")
    dialog.village.setText("杜家村")
    dialog.groups.setText("一组")
    for person, name in ((dialog.admin, "dujia"), (dialog.supervisor, "dushuji")):
        person.username.setText(name)
        person.password.setText("village-1")
        person.password_again.setText("village-1")
    dialog.csv.setText(str(csv))
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.skip.isVisible())
    assert dialog.problems.isVisible() and "没有这个组" in dialog.problems.toPlainText()
    quit_pressed = []
    dialog.rejected.connect(lambda: quit_pressed.append(True))
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ops.running == 0)
    assert dialog.isVisible() and not quit_pressed
    assert not dialog.quit_button.isDefault() and dialog.ok.isDefault()


def test_login_by_enter_and_the_slow_down_message_in_the_dialog(shop, ops, qtbot):
    from ui.login import LoginDialog

    dialog = LoginDialog(shop.db, ops, "阿道村爱心超市")
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    QTest.keyClicks(form.username, "wangfang")
    QTest.keyClick(form.username, Qt.Key.Key_Return)
    for attempt in range(4):
        QTest.keyClicks(form.password, f"wrong-{attempt}")
        QTest.keyClick(form.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ops.running == 0 and form.bar.kind == "refused")
        assert form.password.text() == ""
    # The slow-down is told as every refusal is, the same for any name (nothing tells which are users).
    assert "多等几秒" in form.bar.text and "用户名或密码不对" in form.bar.text
    assert dialog.isVisible()


def test_login_with_the_right_password_opens_the_way(shop, ops, qtbot):
    from ui.login import LoginDialog

    dialog = LoginDialog(shop.db, ops)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.form.username, "wangfang")
    QTest.keyClick(dialog.form.username, Qt.Key.Key_Return)
    assert dialog.form.bar.kind == "" and ops.running == 0, "Enter in the name field does not log in"
    QTest.keyClicks(dialog.form.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        QTest.keyClick(dialog.form.password, Qt.Key.Key_Return)
    assert dialog.actor.username == "wangfang"


def test_the_counter_on_the_demo_village(db, ops, scanner, qtbot):
    from ui.shell import Shell

    demo.build(db)
    admin = users.login(db, "wangfang", demo.PASSWORD)
    home = next(h for h in households.search(db, admin, limit=1000) if h.card_number and h.balance >= 20)
    window = Shell(db, admin, ops, settings=local_settings.Settings(), scanner=scanner)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    counter = window.current_screen()
    qtbot.waitUntil(lambda: not counter.zones_empty())
    for char in home.card_number:
        QTest.keyClick(window.windowHandle(), char)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    assert counter.balance_label.text() == f"{home.balance} 分"
    assert all(counter.zone_grids[zone].count() for zone in counter.zone_grids)
    window.station_timer.stop()
    ops.wait()


def test_a_data_folder_that_cannot_be_written_is_one_clear_refusal(monkeypatch, tmp_path):
    from ui.app import check_data_folder

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("AIXIN_HOME", str(blocker / "home"))
    with pytest.raises(ShopError) as refused:
        check_data_folder()
    assert refused.value.key == "data_folder_unwritable" and "无法写入数据文件夹" in str(refused.value)


def test_the_login_window_shows_before_the_database_layer_loads(shop, db_url, tmp_path):
    """``aixin gui`` on a village's books: the login window is up before SQLAlchemy (and every
    service) has loaded; the books open behind it while the name and password are typed."""
    import os
    import subprocess
    import sys

    probe = ("import sys\nfrom ui import app\nprepared = app.prepare()\n"
             f"login = app._login_window(prepared, app.village_name({db_url!r}), False)\n"
             "print(login.isVisible(), login.findChild(__import__('PySide6.QtWidgets').QtWidgets.QLabel).text())\n"
             "print(sorted(m for m in ('sqlalchemy', 'alembic', 'argon2', 'pos.users', 'reportlab') "
             "if m in sys.modules))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AIXIN_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    shown, loaded = out.stdout.splitlines()[-2:]
    assert shown == f"True {village.settings(shop.db).shop_name}"
    assert loaded == "[]"


def test_the_village_name_is_read_plainly_only_where_the_books_open_plainly(shop, db_url, db_dir, tmp_path):
    from ui.app import village_name

    assert village_name(db_url) == village.settings(shop.db).shop_name
    assert village_name(f"sqlite:///{tmp_path / 'gone.db'}") is None  # missing: the full opening decides
    (tmp_path / "empty.db").write_bytes(b"")
    assert village_name(f"sqlite:///{tmp_path / 'empty.db'}") is None
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    assert village_name(f"sqlite:///{tmp_path / 'junk.db'}") is None
    from pos.store.database import open_database

    open_database(f"sqlite:///{tmp_path / 'new.db'}").dispose()  # the schema, no village yet: setup
    assert village_name(f"sqlite:///{tmp_path / 'new.db'}") is None
    assert village_name("postgresql+psycopg://u@h/db") is None


def test_a_password_entered_before_the_books_are_open_is_not_tried(ops, qtbot):
    from ui.login import LoginDialog

    dialog = LoginDialog(None, ops, "阿道村爱心超市")
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.form.username, "wangfang")
    QTest.keyClick(dialog.form.username, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.form.password, "secret")
    QTest.keyClick(dialog.form.password, Qt.Key.Key_Return)
    assert ops.running == 0 and "账本还在打开" in dialog.form.bar.text
    assert dialog.form.password.text() == "secret" and dialog.isVisible()


def test_a_refusal_in_the_login_window_is_shown_whole(shop, ops, qtbot):
    """The dialog grows to the lines a long refusal wraps onto, so none is cut off."""
    from ui.login import LoginDialog

    dialog = LoginDialog(shop.db, ops, "阿道村爱心超市")
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.form.username, "wangfang")
    QTest.keyClick(dialog.form.username, Qt.Key.Key_Return)
    for attempt in range(4):
        QTest.keyClicks(dialog.form.password, f"wrong-{attempt}")
        QTest.keyClick(dialog.form.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ops.running == 0 and dialog.form.bar.kind == "refused")
    label = dialog.form.bar.label
    assert "多等几秒" in label.text()
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
