"""The shell: areas, operations, status bar, idle lock."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QVBoxLayout

from pos import households
from pos.errors import ShopError
from pos.vocabulary import Area
from tests.pos.conftest import PASSWORD
from tests.ui.conftest import TYPING_PAUSE_MS
from ui import shell as shell_module
from ui.areas import Register
from ui.shell import Entry, Screen


class Notes(Screen):
    """A screen for these tests: shows what reached it."""

    def __init__(self, shell):
        super().__init__(shell)
        self.heard = []
        self.actors = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("notes", self))
        layout.addWidget(self.bar)

    def on_changed(self, areas):
        self.heard.append(areas)

    def actor_changed(self, old, new):
        self.actors.append((old.username, new.username))


def with_notes_area(monkeypatch):
    monkeypatch.setattr(shell_module, "REGISTER", Register([]))
    shell_module.register(Entry("notes", "记事", "F9", Notes, order=1))


def test_an_area_button_shows_its_f_key_and_the_f_key_opens_it(monkeypatch, make_shell, qtbot):
    with_notes_area(monkeypatch)
    window = make_shell()
    assert window.buttons["notes"].text() == "记事\nF9"
    assert isinstance(window.current_screen(), Notes)
    assert "王芳" in window.user_label.text() and "管理员" in window.user_label.text()
    qtbot.waitUntil(lambda: "打印机：未设置" in window.printer_label.text())
    assert "还没有备份" in window.backup_label.text()


def test_a_refusal_goes_to_the_screens_bar_and_a_fault_to_the_error_dialog(monkeypatch, make_shell, ops, qtbot):
    with_notes_area(monkeypatch)
    window = make_shell()
    screen = window.current_screen()
    button = window.buttons["notes"]

    def refuse():
        raise ShopError("card_unknown", number="81000012")

    ops.write(refuse, widget=button, bar=screen.bar)
    assert not button.isEnabled()  # busy while it runs
    qtbot.waitUntil(lambda: ops.running == 0)
    assert button.isEnabled()
    assert screen.bar.kind == "refused" and "81000012" in screen.bar.text
    assert ops.faults == []

    ops.write(lambda: 1 / 0, bar=screen.bar)
    qtbot.waitUntil(lambda: ops.running == 0)
    assert ops.faults and "ZeroDivisionError" in ops.faults[0][1]


def test_a_write_tells_every_open_screen_what_changed(monkeypatch, make_shell, ops, qtbot, shop):
    with_notes_area(monkeypatch)
    window = make_shell()
    screen = window.current_screen()
    ops.write(lambda: households.add(shop.db, shop.admin, "孙七", "富庄", 3), areas={Area.HOUSEHOLDS})
    qtbot.waitUntil(lambda: frozenset({"households"}) in screen.heard)


def test_another_counter_writing_moves_the_head_and_open_screens_refresh(monkeypatch, make_shell, qtbot, shop):
    with_notes_area(monkeypatch)
    window = make_shell()
    screen = window.current_screen()
    qtbot.waitUntil(lambda: window.head_seq is not None)
    from pos import awards

    awards.batch_award(shop.db, shop.admin, [shop.homes["张三"].id], "L01", None, "", None)  # as another PC
    window.refresh_station()
    qtbot.waitUntil(lambda: frozenset({"ledger"}) in screen.heard)


def test_idle_lock_then_the_same_user_unlocks_with_the_password(monkeypatch, make_shell, qtbot):
    with_notes_area(monkeypatch)
    window = make_shell()
    window.lock()
    assert window.locked and not window.sidebar.isEnabled()
    page = window.lock_page
    assert page.username.text() == "wangfang"
    QTest.keyClicks(page.password, "wrong-password")
    QTest.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form.bar.kind == "refused")
    assert window.locked and "密码不对" in page.form.bar.text
    QTest.keyClicks(page.password, PASSWORD)
    QTest.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    assert window.actor.username == "wangfang"


def test_another_user_unlocks_and_the_window_says_who_is_working(monkeypatch, make_shell, qtbot):
    with_notes_area(monkeypatch)
    window = make_shell()
    screen = window.current_screen()
    window.lock()
    page = window.lock_page
    page.username.setText("zhaoming")
    QTest.keyClicks(page.password, PASSWORD)
    QTest.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    assert "赵明" in window.user_label.text()
    assert screen.actors == [("wangfang", "zhaoming")]


def test_the_window_locks_itself_after_idle_minutes(monkeypatch, make_shell, qtbot):
    with_notes_area(monkeypatch)
    window = make_shell()
    window.idle.set_minutes(0.002)  # 120 ms
    qtbot.waitUntil(lambda: window.locked, timeout=3000)


def test_long_work_reports_progress_and_its_result_comes_back(ops, qtbot):
    steps = []

    def work(report):
        for done in range(1, 4):
            report(done, 3, f"第 {done} 步")
        return "完成"

    ops.write(work, progress=True, title="导入", done=steps.append)
    qtbot.waitUntil(lambda: ops.running == 0)
    assert steps == ["完成"]


def test_a_read_overtaken_by_a_newer_one_for_the_same_list_is_not_shown(ops, qtbot):
    # Reads run two at a time: the rows for "张" may come back after those for "张三".
    import threading

    from pos.errors import ShopError

    shown, refused, older_may_finish = [], [], threading.Event()
    rows = object()

    def older():
        older_may_finish.wait(5)
        return ["张", "张三", "张三丰"]

    ops.read(older, done=shown.append, newest=rows)
    ops.read(lambda: ["张三"], done=shown.append, newest=rows)
    qtbot.waitUntil(lambda: shown == [["张三"]])
    older_may_finish.set()
    qtbot.waitUntil(lambda: ops.running == 0)
    assert shown == [["张三"]]

    def refused_late():
        older_may_finish.wait(5)
        raise ShopError("card_unknown", number="81000012")

    older_may_finish.clear()
    ops.read(refused_late, done=shown.append, failed=refused.append, newest=rows)
    ops.read(lambda: [], done=shown.append, newest=rows)
    qtbot.waitUntil(lambda: shown[-1] == [])
    older_may_finish.set()
    qtbot.waitUntil(lambda: ops.running == 0)
    assert refused == [] and shown == [["张三"], []]
    ops.read(lambda: ["李四"], done=shown.append, newest=rows)  # nothing left waiting: shown again
    qtbot.waitUntil(lambda: shown[-1] == ["李四"])


def test_a_long_day_of_qt_calls_keeps_python_s_none_and_true_alive(app):
    # PySide6 6.12.0 dropped a reference to None on every Qt call that returns nothing and
    # to True on every signal emitted; on Python 3.11 a day at the counter then freed them
    # and the interpreter aborted. pyproject excludes that release; this catches another.
    import sys

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Source(QObject):
        fired = Signal(object)

    label, source = QLabel("x"), Source()
    source.fired.connect(label.setText)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2_000):
        label.setText("y")  # returns nothing
        source.fired.emit("z")
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100


def test_a_change_named_by_no_area_is_refused_when_the_call_is_made(ops):
    """A view listening for "receipts" never hears a sale that announces "print": no such name."""
    with pytest.raises(ValueError):
        ops.write(lambda: None, areas={"print"})
    assert ops.running == 0


def test_cards_scanned_at_a_locked_counter_are_no_tries_at_the_password(monkeypatch, make_shell, qtbot):
    """Villagers scan their cards at a counter that locked itself: each burst lands in the
    password field, and none of them is a failed login (eight would lock the account)."""
    from sqlalchemy import select

    from pos.store.tables import LoginAttempt, User

    with_notes_area(monkeypatch)
    window = make_shell()
    window.lock()
    page = window.lock_page
    handle = window.windowHandle()
    for _ in range(10):
        for char in "81000012":
            QTest.keyClick(handle, char)
        QTest.keyClick(handle, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert window.locked and page.password.text() == ""
    assert "扫了一张卡" in page.form.bar.text
    with window.db.read() as session:
        assert session.scalars(select(LoginAttempt.outcome).where(LoginAttempt.username == "wangfang")).all() == []
        assert not session.scalar(select(User.locked).where(User.username == "wangfang"))
    for char in PASSWORD:  # the administrator types, a key at a time
        QTest.keyClick(handle, char)
        qtbot.wait(TYPING_PAUSE_MS)
    QTest.keyClick(handle, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)


def test_the_window_opens_maximized_and_keeps_a_size_a_person_chose(shop, ops, scanner, qtbot, tmp_path):
    from pos.station import settings as local_settings
    from ui.shell import Shell

    window = Shell(shop.db, shop.admin, ops, settings=local_settings.Settings(), scanner=scanner)
    qtbot.addWidget(window)
    window.open()
    qtbot.waitExposed(window)
    assert window.isMaximized()
    screen = window.windowHandle().screen().availableGeometry()
    chosen = (screen.width() - 40, screen.height() - 30)
    window.showNormal()
    window.resize(*chosen)
    qtbot.waitUntil(lambda: window.width() == chosen[0])
    window.close()
    kept = local_settings.load()
    assert (kept.window_width, kept.window_height) == chosen
    again = Shell(shop.db, shop.admin, ops, settings=kept, scanner=scanner)
    qtbot.addWidget(again)
    again.open()
    qtbot.waitExposed(again)
    assert not again.isMaximized() and again.size().width() == chosen[0]
    again.showMaximized()
    qtbot.waitUntil(again.isMaximized)
    again.close()
    assert local_settings.load().window_width == 0, "maximized again: it opens maximized next time"
    for made in (window, again):
        made.station_timer.stop()
    ops.wait()


def test_an_area_left_behind_takes_its_refusal_with_it(monkeypatch, make_shell, qtbot):
    window = make_shell()
    counter = window.current_screen()
    counter.bar.refuse("只有管理员可以做此操作")
    window.show_area("households")
    window.show_area("counter")
    assert counter.bar.kind == ""
