"""Goods and stock, as the administrator keeps them."""


from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QSpinBox

from pos import goods, stock
from tests import pdfs
from tests.pos.conftest import SUPERVISOR_PASSWORD
from tests.ui.conftest import approve
from ui import documents
from ui.goods.catalogue import goods_model
from ui.goods.count import CountModel
from ui.goods.donations import donation_model
from ui.goods.intake import intake_model
from tests.ui.test_counter import scan


def goods_screen(make_shell, qtbot):
    window = make_shell()
    screen = window.show_area("goods")
    qtbot.waitUntil(lambda: screen.catalogue.model.rowCount() == 3)
    return window, screen


def ok(screen):
    screen.confirm_box.button(QMessageBox.StandardButton.Ok).click()


def test_a_scanned_makers_barcode_becomes_a_new_items_code(make_shell, qtbot, shop):
    window, screen = goods_screen(make_shell, qtbot)
    window.route_scan("6901234567809")
    tab = screen.catalogue
    assert tab.code.text() == "6901234567809"
    tab.name.setText("酱油 500ml")
    tab.form_zone.setCurrentText("粮油区")
    tab.points.setValue(6)
    tab.value.setValue(8.5)
    tab.unit.setText("瓶")
    tab.save_button.click()
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    item = goods.get(shop.db, shop.admin, "6901234567809")
    assert item.value_fen == 850 and item.price_points == 6 and "酱油" in screen.bar.text
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)


def test_changing_an_items_points_and_stopping_it(make_shell, qtbot, shop):
    window, screen = goods_screen(make_shell, qtbot)
    tab = screen.catalogue
    number = next(n for n, g in enumerate(tab.model.rows) if g.code == shop.fan.code)
    tab.view.selectRow(number)
    tab.edit_selected()
    tab.points.setValue(80)
    tab.active.setChecked(False)
    tab.save_button.click()
    approve(qtbot, screen)  # a lower price is the supervisor's to approve
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    fan = goods.get(shop.db, shop.admin, shop.fan.code)
    assert fan.price_points == 80 and not fan.active


def test_a_donation_of_several_lines_scanned_and_typed(make_shell, qtbot, shop):
    window, screen = goods_screen(make_shell, qtbot)
    screen.tabs.setCurrentWidget(screen.intake)
    tab = screen.intake
    tab.donor.setText("县妇联")
    tab.donor_type.setCurrentIndex(tab.donor_type.findData("other"))
    window.route_scan(shop.soap.code)
    window.route_scan(shop.soap.code)
    qtbot.waitUntil(lambda: tab.lines.rowCount() == 1 and tab.lines.rows[0].quantity == 2)
    QTest.keyClicks(tab.code, shop.rice.code)
    tab.quantity.setValue(5)
    QTest.keyClick(tab.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.lines.rowCount() == 2)
    assert "2 种，7 件" in tab.total.text()
    tab.save_button.click()
    assert "县妇联" in screen.confirm_box.text()
    ok(screen)
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert shop.stock(shop.soap) == 32 and shop.stock(shop.rice) == 15
    screen.tabs.setCurrentWidget(screen.donations)
    qtbot.waitUntil(lambda: any(d.donor == "县妇联" for d in screen.donations.model.rows))


def test_fifty_bags_are_one_scan_and_a_lines_quantity_is_corrected_in_the_list(make_shell, qtbot, shop):
    window, screen = goods_screen(make_shell, qtbot)
    screen.tabs.setCurrentWidget(screen.intake)
    tab = screen.intake
    tab.donor.setText("某某商贸公司")
    tab.quantity.setFocus()
    tab.quantity.selectAll()
    QTest.keyClicks(tab.quantity, "50")
    scan(window, shop.rice.code)  # the scanner, as it types into the window
    qtbot.waitUntil(lambda: tab.lines.rowCount() == 1)
    assert tab.lines.rows[0].quantity == 50 and tab.quantity.value() == 1
    assert "1 种，50 件" in tab.total.text()
    scan(window, shop.rice.code)  # one more bag
    qtbot.waitUntil(lambda: tab.lines.rows[0].quantity == 51)
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.lines.index(0, 2))
    QTest.keyClick(tab.view, Qt.Key.Key_F2)  # edit the line's quantity
    editor = tab.view.findChild(QSpinBox, "lineQuantity")
    assert editor is not None
    editor.setValue(48)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.lines.rows[0].quantity == 48)
    assert "1 种，48 件" in tab.total.text() and "48 袋" in tab.lines.index(0, 2).data()
    tab.save_button.click()
    ok(screen)
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert shop.stock(shop.rice) == 10 + 48


def test_picking_goods_loads_them_and_enter_saves(make_shell, qtbot, shop):
    window, screen = goods_screen(make_shell, qtbot)
    tab = screen.catalogue
    number = next(n for n, g in enumerate(tab.model.rows) if g.code == shop.soap.code)
    tab.view.selectRow(number)
    assert tab.name.text() == "洗衣粉" and "修改" in tab.box.heading.text()
    tab.points.setValue(5)
    QTest.keyClick(tab.points, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert goods.get(shop.db, shop.admin, shop.soap.code).price_points == 5
    window.route_scan("6901234567816")  # a code the shop does not have: new goods
    assert tab.editing is None and tab.code.text() == "6901234567816"


def test_a_stock_count_with_a_difference_and_its_write_off_approval(make_shell, qtbot, shop):
    window, screen = goods_screen(make_shell, qtbot)
    screen.tabs.setCurrentWidget(screen.count)
    tab = screen.count
    tab.zone.setCurrentIndex(tab.zone.findData("粮油区"))
    qtbot.waitUntil(lambda: [g.code for g in tab.model.rows] == [shop.rice.code])
    assert "与账面一致" in tab.summary.text()
    window.route_scan(shop.rice.code)  # the scanned item's count cell opens for typing
    qtbot.waitUntil(lambda: tab.view.state() == tab.view.State.EditingState)
    editor = window.focusWidget()
    editor.selectAll()
    QTest.keyClicks(editor, "8")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.differences() != [])
    assert tab.model.index(0, 5).data() == "-2" and "大米 10kg -2" in tab.summary.text()
    tab.reason.setText("受潮")
    tab.save_button.click()
    assert "账面 10，实点 8" in screen.confirm_box.text()
    ok(screen)
    qtbot.waitUntil(lambda: getattr(screen, "approval_dialog", None) is not None)
    assert shop.stock(shop.rice) == 10
    dialog = screen.approval_dialog
    QTest.keyClicks(dialog.username, "lishuji")
    QTest.keyClicks(dialog.password, SUPERVISOR_PASSWORD)
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert "审批人 李书记" in screen.bar.text and shop.stock(shop.rice) == 8  # by name, not login


def test_labels_for_chosen_goods_open_as_a_pdf(make_shell, qtbot, shop, monkeypatch):
    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda path: opened.append(path) or True)
    window, screen = goods_screen(make_shell, qtbot)
    tab = screen.catalogue
    tab.view.selectRow(next(n for n, g in enumerate(tab.model.rows) if g.code == shop.soap.code))
    tab.copies.setValue(3)
    tab.labels_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    text = pdfs.text(opened[0])
    assert text.count("洗衣粉") == 3 and "电风扇" not in text


def test_the_goods_models_pass_the_model_tester(qtmodeltester, shop):
    model = goods_model()
    model.set_rows(goods.search(shop.db, shop.admin))
    qtmodeltester.check(model)
    count = CountModel()
    count.set_rows(goods.search(shop.db, shop.admin))
    count.setData(count.index(0, CountModel.COUNTED), 1)
    qtmodeltester.check(count)
    lines = intake_model()
    qtmodeltester.check(lines)
    donations = donation_model()
    donations.set_rows(stock.donation_register(shop.db, shop.admin))
    qtmodeltester.check(donations)

