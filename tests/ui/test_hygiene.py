"""A hygiene round, as the administrator enters it."""


from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from pos import households
from ui import documents
from ui.hygiene import RoundModel
from tests import pdfs


def hygiene_screen(make_shell, qtbot, group="啊道"):
    window = make_shell()
    screen = window.show_area("hygiene")
    qtbot.waitUntil(lambda: screen.group.count() > 0)
    screen.group.setCurrentIndex(screen.group.findData(group))
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0 and screen.group.currentData() == group)
    return window, screen


def test_a_hygiene_round_of_a_group_by_keyboard(make_shell, qtbot, shop):
    window, screen = hygiene_screen(make_shell, qtbot)
    assert [screen.model.index(r, 0).data() for r in range(screen.model.rowCount())] == ["张三", "李四"]
    view = screen.view
    view.setFocus()
    view.setCurrentIndex(screen.model.index(0, 1))
    QTest.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)  # 张三: the whole row
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Space)  # 李四: 院内净
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Space)  # 李四: 厨房净
    assert screen.model.index(0, 7).data() == "12" and screen.model.index(1, 7).data() == "4"
    assert "2 户，满分 1 户，共 16 分" in screen.summary.text()
    QTest.keyClicks(screen.inspectors, "lishuji")
    screen.save_button.click()
    assert "共 16 分" in screen.confirm_box.text()
    screen.confirm_box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert "2 户，满分 1 户，共发 16 分" in screen.bar.text
    assert shop.balance("张三") == 112 and shop.balance("李四") == 104 and shop.balance("王五") == 100
    assert screen.model.total() == 0  # the grid is fresh for the next round


def test_a_whole_column_at_once_and_a_round_needs_its_inspectors(make_shell, qtbot, shop):
    window, screen = hygiene_screen(make_shell, qtbot)
    screen.view.horizontalHeader().sectionClicked.emit(4)  # 厕所净 for everyone
    assert screen.model.total() == 4
    screen.view.setCurrentIndex(screen.model.index(0, 4))
    QTest.keyClick(screen.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)  # and off again
    assert screen.model.total() == 0
    screen.save_button.click()
    assert screen.bar.kind == "refused" and "检查人" in screen.bar.text


def test_a_filled_in_csv_with_a_bad_row_writes_nothing_and_shows_the_row(make_shell, qtbot, shop, tmp_path):
    window, screen = hygiene_screen(make_shell, qtbot)
    path = tmp_path / "round.csv"
    path.write_text(f"卡号,院内净,卧室净,厨房净,厕所净,个人卫生净,物品摆放规范\n"
                    f"{shop.card('张三')},1,1,1,1,1,1\n{shop.card('李四')},1,好,0,0,0,0\n", encoding="utf-8")
    screen.inspectors.setText("李书记")
    screen.csv_path.setText(str(path))
    screen.import_button.click()
    qtbot.waitUntil(lambda: "第 3 行" in screen.bar.text)
    assert "好" in screen.bar.text and shop.balance("张三") == 100


def test_the_blank_round_sheet_lists_the_groups_households(make_shell, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda path: opened.append(path) or True)
    window, screen = hygiene_screen(make_shell, qtbot)
    screen.sheet_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    text = pdfs.text(opened[0])
    assert "张三" in text and "李四" in text and "院内净" in text and "王五" not in text


def test_the_round_model_passes_the_model_tester(qtmodeltester, shop):
    model = RoundModel()
    names = {c: c for c in ("W01", "W02", "W03", "W04", "W05", "W06")}
    model.set_rows(households.search(shop.db, shop.admin), names, {c: 2 for c in names})
    model.set_marks([(0, "W01"), (1, "W06")], True)
    qtmodeltester.check(model)


def test_earlier_rounds_show_who_improves(make_shell, qtbot, shop, qtmodeltester):
    from datetime import date

    from pos import hygiene

    zhang, li = shop.homes["张三"].id, shop.homes["李四"].id
    hygiene.record(shop.db, shop.admin, date(2026, 5, 1), "李书记", {zhang: {"W01": True}, li: {}})
    hygiene.record(shop.db, shop.admin, date(2026, 6, 1), "李书记", {zhang: {"W01": True, "W04": True}, li: {}})
    window, screen = hygiene_screen(make_shell, qtbot)
    screen.history_button.click()
    qtbot.waitUntil(lambda: getattr(screen, "history_dialog", None) is not None)
    model = screen.history_dialog.model
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["户主", "05-01", "06-01", "进步"]
    assert [model.index(0, c).data() for c in range(5)] == ["张三", "1/6", "2/6", "+1", "2/2"]
    assert model.headerData(4, Qt.Orientation.Horizontal) == "院内净"
    screen.history_dialog.close()
