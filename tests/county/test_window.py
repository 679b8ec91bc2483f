"""The county's window, driven as a county official drives it: the login, the villages ×
months grid, importing packages from a stick (a refusal said in words), a village's month,
the new key waiting, and a spot check typed back in. Real county and village databases."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from pos.county import accounts, package
from tests.county.conftest import COUNTY_PASSWORD
from tests.county.test_import import rezip


@pytest.fixture
def ops(qapp):
    from ui.app import application
    from ui.operations import Operations

    app = application("zh")
    faults = []
    operations = Operations(app, show_fault=lambda summary, details: faults.append((summary, details)))
    operations.faults = faults
    yield operations
    operations.wait()
    assert not faults  # nothing the official did ended in a traceback


@pytest.fixture(autouse=True)
def no_viewer(monkeypatch):
    from ui import documents

    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda where: opened.append(where) or True)
    return opened


@pytest.fixture
def window(qtbot, county, ops):
    from ui.county.window import CountyWindow

    made = CountyWindow(county.db, county.official, ops, accounts.info(county.db), "2025-03")
    qtbot.addWidget(made)
    made.resize(1366, 740)
    made.show()
    qtbot.waitExposed(made)
    ops.wait()
    return made


def cells(view):
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def headers(view):
    model = view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def import_by_click(qtbot, window, ops, monkeypatch, paths):
    screen = window.show_area("packages")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], ""))
    qtbot.mouseClick(screen.files_button, Qt.MouseButton.LeftButton)
    ops.wait()
    return screen


def test_a_county_user_logs_in_and_a_wrong_password_is_said_in_the_dialog(qtbot, county, ops):
    from ui.county.login import CountyLoginDialog

    dialog = CountyLoginDialog(county.db, ops, county.info.name)
    qtbot.addWidget(dialog)
    dialog.show()
    assert any("宜川县" in label.text() for label in dialog.findChildren(QLabel))
    qtbot.keyClicks(dialog.username, "xian")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    ops.wait()
    assert dialog.actor is None and dialog.isVisible()
    assert dialog.bar.label.text() and "Traceback" not in dialog.bar.label.text()
    assert dialog.password.text() == "" and dialog.password.hasFocus()
    qtbot.keyClicks(dialog.password, COUNTY_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    ops.wait()
    assert dialog.actor is not None and dialog.result() == dialog.DialogCode.Accepted


def test_packages_from_the_stick_fill_the_grid_and_a_tampered_one_is_refused_in_words(
        qtbot, village, county, stick, tmp_path, window, ops, monkeypatch):
    east, west = village("东岭村"), village("西沟村")
    made = [package.make(v.db, v.secretary, stick) for v in (east, west)]

    def lowered(name, data):
        if name != package.CHAIN:
            return data
        return data.replace(b'"memo":"', b'"memo":"x', 1)

    edited = rezip(package.make(village("南坪村").db, village("南坪村", "other.db").secretary, stick).path,
                   tmp_path / "edited.aixin-county", lowered)
    screen = import_by_click(qtbot, window, ops, monkeypatch, [m.path for m in made] + [edited])
    outcome = cells(screen.outcome_view)
    assert [r[2] for r in outcome] == ["已导入", "已导入", "拒收，留存为证据"]
    assert "每笔重算核对无误" in outcome[0][3]
    assert outcome[2][3] and "Traceback" not in outcome[2][3]
    assert "拒收 1" in screen.bar.label.text()
    received = cells(screen.history_view)
    assert len(received) == 3 and sum(r[3] == "已导入" for r in received) == 2

    # the grid: a row a village, the months in words, March verified for both
    qtbot.keyClick(window, Qt.Key.Key_F1)
    ops.wait()
    grid = window.screens["grid"]
    assert window.stack.currentWidget() is grid
    names = headers(grid.view)
    assert names[0] == "村" and "2025-03" in names and "拒收数据包" in names
    rows = {r[0]: r for r in cells(grid.view)}
    march = names.index("2025-03")
    assert rows["东岭村"][march] == "已核验" and rows["西沟村"][march] == "已核验"
    assert rows["东岭村"][names.index("2025-01")] == "已核验"
    assert "已核验 2" in grid.counts.text()

    # the month's figures: the county's totals are the two villages' sum
    qtbot.keyClick(window, Qt.Key.Key_F2)
    ops.wait()
    month = window.screens["month"]
    assert "2 个村本月已核验入库" in month.title.text() or "已核验入库" in month.title.text()
    totals = dict((r[0], r[1]) for r in cells(month.totals_view))
    per_village = cells(month.villages_view)
    households = headers(month.villages_view).index("户数")
    assert int(next(v for k, v in totals.items() if "户" in k)) == sum(int(r[households]) for r in per_village)


def test_a_village_month_opens_with_its_figures_flags_and_notice(qtbot, village, county, stick, window, ops,
                                                                  monkeypatch):
    east = village("东岭村")
    import_by_click(qtbot, window, ops, monkeypatch, [package.make(east.db, east.secretary, stick).path])
    grid = window.show_area("grid")
    ops.wait()
    march = headers(grid.view).index("2025-03")
    index = grid.view.model().index(0, march)
    grid.view.scrollTo(index)
    where = grid.view.visualRect(index).center()
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    ops.wait()
    dialog = grid.village_dialog
    assert dialog.isVisible()
    assert "东岭村" in dialog.title.text() and "2025-03" in dialog.title.text() and "已核验" in dialog.title.text()
    figures = dict((r[0], r[1]) for r in cells(dialog.figures_view))
    assert any("户" in k and v == "16" for k, v in figures.items())
    assert dialog.tabs.tabText(1).startswith("审计提示（")
    notice = [dialog.notice.item(n).text() for n in range(dialog.notice.count())]
    assert any(line.startswith("公示期：") for line in notice)
    dialog.reject()


def test_a_missing_month_is_shown_late_and_the_month_before_a_village_came_is_marked(
        qtbot, village, county, stick, window, ops, monkeypatch):
    east = village("东岭村")
    import_by_click(qtbot, window, ops, monkeypatch, [package.make(east.db, east.secretary, stick).path])
    window.show_area("grid")
    qtbot.mouseClick(window.month_bar.forward, Qt.MouseButton.LeftButton)  # April: never received
    ops.wait()
    grid = window.screens["grid"]
    names = headers(grid.view)
    assert "2025-04" in names
    april = cells(grid.view)[0][names.index("2025-04")]
    assert april == "逾期未报"
    assert cells(grid.view)[0][names.index("2024-12")] == "—"  # before the village's first month
    assert window.month_bar.label.text() == "2025年4月"


def test_a_spot_check_is_drawn_printed_and_its_findings_typed_back(qtbot, village, county, stick, window, ops,
                                                                    monkeypatch, no_viewer):
    east = village("东岭村")
    import_by_click(qtbot, window, ops, monkeypatch, [package.make(east.db, east.secretary, stick).path])
    qtbot.keyClick(window, Qt.Key.Key_F5)
    ops.wait()
    screen = window.screens["spotchecks"]
    assert screen.village.currentText() == "东岭村"
    qtbot.mouseClick(screen.draw_button, Qt.MouseButton.LeftButton)
    ops.wait()
    ops.wait()
    assert no_viewer and no_viewer[0].suffix == ".pdf" and no_viewer[0].is_file()
    assert "已生成" in screen.bar.label.text()
    lines = cells(screen.lines_view)
    assert lines and {r[0] for r in lines} == {"农户", "商品"}
    assert all(r[5] == "未填" for r in lines)
    # the first household's slip agrees, the second's shows 30 more
    view = screen.lines_view
    for n, extra in ((0, 0), (1, 30)):
        index = view.model().index(n, 4)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        digits = str(int(lines[n][3]) + extra)
        qtbot.keyClicks(view, digits[0])  # typing on the cell opens it
        qtbot.keyClicks(QApplication.focusWidget(), digits[1:])
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.wait(20)
    typed = cells(view)
    assert typed[0][5] == "相符" and typed[1][5] == "不符：差 +30"
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    ops.wait()
    ops.wait()
    assert "已保存 2 项结果，其中 1 项与县级数据不符" in screen.bar.label.text()
    checks = cells(screen.checks_view)
    assert checks[0][5].startswith("2 / ") and checks[0][6] == "1"
    # the grid counts it against the village
    grid = window.show_area("grid")
    ops.wait()
    names = headers(grid.view)
    assert cells(grid.view)[0][names.index("抽查不符")] == "1"


def test_typing_a_word_where_a_number_goes_is_not_taken(qtbot, village, county, stick, window, ops, monkeypatch):
    east = village("东岭村")
    import_by_click(qtbot, window, ops, monkeypatch, [package.make(east.db, east.secretary, stick).path])
    screen = window.show_area("spotchecks")
    ops.wait()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "还没有填写" in screen.bar.label.text()
    qtbot.mouseClick(screen.draw_button, Qt.MouseButton.LeftButton)
    ops.wait()
    ops.wait()
    index = screen.lines_view.model().index(0, 4)
    assert not screen.lines_view.model().setData(index, "很多")
    assert cells(screen.lines_view)[0][5] == "未填"


def test_the_program_opens_the_county_window_on_a_county_database_and_the_shop_on_a_village(
        county, village, monkeypatch, db_dir):
    from ui import app as village_app
    from ui import main
    from ui.county import app as county_app

    opened = []
    monkeypatch.setattr(county_app, "run", lambda url, **_: opened.append(("county", url)) or 0)
    monkeypatch.setattr(village_app, "run", lambda url, **_: opened.append(("village", url)) or 0)
    east = village("东岭村")
    assert main.main(["--db", county.url, "gui"]) == 0
    assert main.main(["--db", east.url]) == 0
    monkeypatch.setenv("AIXIN_COUNTY_DB", county.url)
    assert main.main([]) == 0  # no --db and no AIXIN_DB: the county's, when one is named
    missing = f"sqlite:///{db_dir / 'nothing-here.db'}"
    assert main.main(["--db", missing, "gui"]) == 0
    assert opened == [("county", county.url), ("village", east.url), ("county", county.url), ("village", missing)]
    assert not (db_dir / "nothing-here.db").exists()  # looking did not make one


def test_a_new_key_waits_in_the_keys_screen_until_accepted_then_its_package_is_imported(
        qtbot, village, county, stick, tmp_path, window, ops, monkeypatch):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from PySide6.QtWidgets import QMessageBox

    from pos.month import closure
    from tests.county import villages
    from tests.county.test_import import redeem, resign

    east = village("东岭村")
    first = package.make(east.db, east.secretary, stick)
    east.db.clock = villages.at(2025, 4, 2)
    redeem(east.db, east.admin, 1)
    east.db.clock = villages.at(2025, 5, 1)
    closure.close(east.db, east.secretary, "2025-04", password=villages.PASSWORD, confirm_recent=True)
    moved, fingerprint = resign(package.make(east.db, east.secretary, tmp_path).path,
                                tmp_path / "new-pc.aixin-county", Ed25519PrivateKey.generate())
    screen = import_by_click(qtbot, window, ops, monkeypatch, [first.path, moved])
    outcome = cells(screen.outcome_view)
    assert [r[2] for r in outcome] == ["已导入", "暂存，待接受新密钥"]
    assert "村级密钥" in outcome[1][3] and fingerprint in outcome[1][3]
    assert "aixin" not in outcome[1][3], "the window names its own screen, not a command"

    qtbot.keyClick(window, Qt.Key.Key_F4)
    ops.wait()
    keys = window.screens["keys"]
    qtbot.mouseClick(keys.accept_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert "请先选中" in keys.bar.label.text()
    rows = cells(keys.view)
    held = next(n for n, r in enumerate(rows) if r[1] == "待接受")
    assert rows[held][2] == fingerprint and rows[held][3] == "1"
    keys.view.selectRow(held)
    qtbot.mouseClick(keys.accept_button, Qt.MouseButton.LeftButton)
    assert fingerprint in keys.confirm_box.text()
    qtbot.mouseClick(keys.confirm_box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    ops.wait()
    ops.wait()
    assert "导入了暂存的 1 个数据包" in keys.bar.label.text()
    assert {r[1] for r in cells(keys.view)} == {"使用中", "已更换"}
    grid = window.show_area("grid")
    window.set_month("2025-04")
    ops.wait()
    names = headers(grid.view)
    row = cells(grid.view)[0]
    assert row[names.index("2025-04")] == "已核验" and row[names.index("换过密钥")] == "1"


def test_a_package_gone_from_the_stick_is_said_in_words_and_the_rest_still_imported(
        qtbot, village, county, stick, window, ops, monkeypatch):
    east = village("东岭村")
    made = package.make(east.db, east.secretary, stick)
    gone = stick / "拔掉了.aixin-county"
    screen = import_by_click(qtbot, window, ops, monkeypatch, [gone, made.path])
    outcome = cells(screen.outcome_view)
    assert [r[2] for r in outcome] == ["未能读取", "已导入"]
    assert "拔掉了" in outcome[0][3] and "Traceback" not in outcome[0][3]
    assert "1 个文件未能读取" in screen.bar.label.text()
