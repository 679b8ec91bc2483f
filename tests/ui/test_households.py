"""Households and cards, as the administrator uses them."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from pos import cards, counter, households
from pos.errors import ShopError
from ui import documents
from ui.households import household_model, import_model, statement_model
from tests import pdfs
from tests.ui.conftest import approve


def households_screen(make_shell, qtbot):
    window = make_shell()
    screen = window.show_area("households")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 4)
    return window, screen


def select(screen, head):
    for number in range(screen.model.rowCount()):
        if screen.model.row(number).head_name == head:
            screen.view.selectRow(number)
            return
    raise AssertionError(head)


def press_ok(screen):
    screen.confirm_box.button(QMessageBox.StandardButton.Ok).click()


def test_the_list_finds_households_by_pinyin_initials_and_by_group(make_shell, qtbot):
    window, screen = households_screen(make_shell, qtbot)
    QTest.keyClicks(screen.search, "zs")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.index(0, 1).data() == "张三"
    screen.search.clear()
    screen.group.setCurrentIndex(screen.group.findData("啊道"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert "共 2 户" in screen.count.text()


def test_adding_a_household_then_issuing_its_card(make_shell, qtbot, shop, ops):
    window, screen = households_screen(make_shell, qtbot)
    screen.head.setText("孙七")  # typed through the input method
    screen.form_group.setCurrentText("富庄")
    screen.phone.setText("13800000000")
    QTest.keyClick(screen.head, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5)
    assert "已新增 孙七" in screen.bar.text and screen.head.text() == ""
    select(screen, "孙七")
    screen.issue_button.click()
    qtbot.waitUntil(lambda: "已给 孙七 发卡" in screen.bar.text)
    sun = households.search(shop.db, shop.admin, "孙七")[0]
    assert sun.balance == 100 and sun.card_number


def test_typed_work_is_kept_when_another_household_is_picked(make_shell, qtbot):
    window, screen = households_screen(make_shell, qtbot)
    screen.head.setText("钱八")
    select(screen, "张三")
    screen.edit_selected()
    assert screen.head.text() == "钱八" and "没保存" in screen.bar.text


def test_a_household_typed_field_by_field_is_saved_by_enter_in_any_field(make_shell, qtbot, shop):
    window, screen = households_screen(make_shell, qtbot)
    screen.head.setFocus()
    screen.head.setText("孙七")  # typed through the input method
    QTest.keyClick(screen.head, Qt.Key.Key_Tab)
    QTest.keyClick(screen.people, Qt.Key.Key_Return)  # Enter in the number of people
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5)
    assert "已新增 孙七" in screen.bar.text
    screen.head.setText("钱八")
    screen.phone.setFocus()
    # A phone number typed as fast as a script types (it looks like a scan): it stays a phone number.
    for char in "13800000001":
        QTest.keyClick(window.windowHandle(), char)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 6)
    assert window.current_screen() is screen and "已新增 钱八" in screen.bar.text
    assert households.search(shop.db, shop.admin, "钱八")[0].phone == "13800000001"


def test_picking_a_household_loads_it_and_enter_saves_the_correction(make_shell, qtbot, shop):
    window, screen = households_screen(make_shell, qtbot)
    QTest.keyClicks(screen.search, "ls")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    QTest.keyClick(screen.search, Qt.Key.Key_Down)  # into the list, onto 李四
    assert screen.view.hasFocus() and screen.head.text() == "李四" and "修改" in screen.box.heading.text()
    screen.phone.setText("13900000000")
    QTest.keyClick(screen.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已保存 李四" in screen.bar.text)
    assert households.get(shop.db, shop.admin, shop.homes["李四"].id).phone == "13900000000"
    screen.box.clear_button.click()  # 新增一户
    assert screen.head.text() == "" and screen.box.heading.text() == "新增一户" and not screen.chosen()


def test_correcting_a_household_keeps_its_card_and_points(make_shell, qtbot, shop):
    window, screen = households_screen(make_shell, qtbot)
    select(screen, "李四")
    screen.edit_selected()
    screen.people.setValue(6)
    screen.save_button.click()
    qtbot.waitUntil(lambda: "已保存 李四" in screen.bar.text)
    li = households.get(shop.db, shop.admin, shop.homes["李四"].id)
    assert li.people == 6 and li.balance == 100 and li.card_number == shop.card("李四")


def test_a_lost_cards_balance_moves_to_the_new_card_and_the_old_number_is_refused(make_shell, qtbot, shop):
    from pos import awards

    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01")
    before = shop.balance("张三")
    old = shop.card("张三")
    window, screen = households_screen(make_shell, qtbot)
    qtbot.waitUntil(lambda: any(h.balance == before for h in screen.model.rows))
    select(screen, "张三")
    screen.replace_button.click()
    assert str(before) in screen.confirm_box.text() and old in screen.confirm_box.text()
    press_ok(screen)
    qtbot.waitUntil(lambda: "已作废" in screen.bar.text)
    new = shop.card("张三")
    assert new != old and shop.balance("张三") == before
    assert new in screen.bar.text and f"余额 {before} 分" in screen.bar.text
    try:
        counter.household_for_card(shop.db, shop.admin, old)
    except ShopError as refused:
        assert refused.key == "card_blocked"
    else:
        raise AssertionError("the lost card still works")


def test_a_household_moving_away_gives_its_card_back(make_shell, qtbot, shop):
    window, screen = households_screen(make_shell, qtbot)
    select(screen, "赵六")
    screen.recover_button.click()
    press_ok(screen)
    qtbot.waitUntil(lambda: screen.bar.kind == "info")  # points on the card: the supervisor approves
    assert screen.model.rowCount() == 4
    approve(qtbot, screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3)
    assert "已回收 赵六" in screen.bar.text
    screen.moved.setChecked(True)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 4)


def test_a_household_without_a_card_is_told_so_instead_of_asked_about_its_card(make_shell, qtbot, shop):
    households.add(shop.db, shop.admin, "钱七", "富庄", 3)
    screen = make_shell().show_area("households")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5)
    select(screen, "钱七")
    screen.replace_button.click()
    assert screen.bar.kind == "refused" and "钱七 一户还没有积分卡" in screen.bar.text
    screen.recover_button.click()
    assert screen.bar.kind == "refused" and "钱七 一户没有在用的积分卡" in screen.bar.text
    assert not hasattr(screen, "confirm_box")  # nothing was asked


def test_an_import_with_a_bad_row_writes_nothing_and_shows_the_row(make_shell, qtbot, shop, tmp_path):
    window, screen = households_screen(make_shell, qtbot)
    data = "户主,村民小组,人口,电话\n孙七,富庄,3,\n钱八,没有这个组,4,\n周九,啊道,五,\n".encode("utf-8-sig")
    path = tmp_path / "households.csv"
    path.write_bytes(data)
    screen.import_button.click()
    dialog = screen.import_dialog
    QTest.keyClicks(dialog.path, str(path))
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    assert not dialog.import_button.isEnabled()
    assert "第 3 行" in dialog.bar.text and "没有这个组" in dialog.bar.text and "第 4 行" in dialog.bar.text
    assert dialog.model.index(1, 5).data().startswith("没有村民小组")
    assert dialog.model.index(0, 5).data() == "✓"
    assert len(households.search(shop.db, shop.admin)) == 4

    path.write_bytes("户主,村民小组,人口,电话\n孙七,富庄,3,\n钱八,杜河沟,4,\n".encode("utf-8-sig"))
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    dialog.import_button.click()
    qtbot.waitUntil(lambda: "已导入 2 户" in dialog.bar.text)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 6)
    dialog.close()


def test_card_sheets_for_a_group_open_as_a_pdf(make_shell, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda path: opened.append(path) or True)
    window, screen = households_screen(make_shell, qtbot)
    screen.group.setCurrentIndex(screen.group.findData("啊道"))
    screen.sheet_scope.setCurrentIndex(screen.sheet_scope.findData("group"))
    screen.sheet_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    text = pdfs.text(opened[0])
    assert "张三" in text and "李四" in text and "王五" not in text


def test_with_no_pdf_viewer_the_bar_says_so_and_offers_the_folder(make_shell, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda path: asked.append(path) and False)
    window, screen = households_screen(make_shell, qtbot)
    screen.sheet_scope.setCurrentIndex(screen.sheet_scope.findData("all"))
    screen.sheet_button.click()
    qtbot.waitUntil(lambda: screen.bar.kind == "refused", timeout=15000)
    assert "没能打开 PDF 阅读器" in screen.bar.text and "积分卡" in screen.bar.text
    assert str(asked[0].parent) not in screen.bar.text, "a folder's name, not a hidden path"
    assert screen.bar.action.isVisible() and screen.bar.action.text() == "打开文件夹"
    screen.bar.action.click()
    assert asked[-1] == asked[0].parent


def test_a_households_statement_shows_each_transaction_with_the_balance_after(make_shell, qtbot, shop):
    from pos import awards

    awards.award(shop.db, shop.admin, shop.homes["王五"].id, "L01")
    window, screen = households_screen(make_shell, qtbot)
    qtbot.waitUntil(lambda: any(h.head_name == "王五" and h.balance > 100 for h in screen.model.rows))
    select(screen, "王五")
    screen.statement_button.click()
    dialog = screen.statement_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.model.index(1, 1).data() == "发卡" and dialog.model.index(1, 4).data() == "100"
    assert dialog.model.index(0, 4).data() == str(shop.balance("王五"))
    dialog.close()


def test_the_households_models_pass_the_model_tester(qtmodeltester, shop):
    model = household_model()
    model.set_rows(households.search(shop.db, shop.admin))
    qtmodeltester.check(model)
    preview = households.preview_csv(shop.db, shop.admin, "户主,村民小组,人口\n孙七,富庄,x\n".encode())
    rows = import_model()
    rows.set_rows(preview.rows)
    qtmodeltester.check(rows)
    statement = statement_model()
    statement.set_rows([(r, 100) for r in counter.recent(shop.db, shop.admin, shop.card("张三"))])
    qtmodeltester.check(statement)


def test_a_households_whole_statement_prints_as_a_pdf_across_a_replaced_card(make_shell, qtbot, shop, monkeypatch):

    from pos import awards

    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda path: opened.append(path) or True)
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01", note="修路")
    old = shop.card("张三")
    cards.replace(shop.db, shop.admin, old)
    new = shop.card("张三")
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01", note="清渠")
    balance = shop.balance("张三")
    window, screen = households_screen(make_shell, qtbot)
    qtbot.waitUntil(lambda: any(h.head_name == "张三" and h.balance == balance for h in screen.model.rows))
    select(screen, "张三")
    screen.statement_button.click()
    dialog = screen.statement_dialog
    # issue, the first award (old card), the move to the new card, the second award
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4)
    assert dialog.model.index(3, 1).data() == "发卡" and dialog.model.index(3, 4).data() == "100"
    assert dialog.model.index(0, 4).data() == str(balance)
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    assert opened == [dialog.last_pdf] and "积分明细已生成" in dialog.bar.text
    text = pdfs.text(opened[0])
    assert "张三" in text and new in text and "全部记录" in text and "第 1 页 / 共 1 页" in text
    assert "修路" in text and "清渠" in text  # before and after the lost card
    ledger = [line.split() for line in text.splitlines() if line.strip()[:2] == "20"]
    assert [row[2] for row in ledger] == ["发卡", "加分", "加分"]
    first = int(ledger[1][-2])
    assert [row[-1] for row in ledger] == ["100", str(100 + first), str(balance)]
    fonts = pdfs.fonts(opened[0])
    assert fonts and all(font.embedded for font in fonts)
    dialog.close()


def test_an_english_window_prints_a_households_statement_in_english(make_shell, qtbot, shop, monkeypatch, ops):
    from pos.station import settings as local_settings

    monkeypatch.setattr(ops, "lang", "en")  # the window's language, as the English window has it
    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda path: opened.append(path) or True)
    window = make_shell(settings=local_settings.Settings(language="en"))
    screen = window.show_area("households")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 4)
    select(screen, "张三")
    screen.statement_button.click()
    dialog = screen.statement_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    text = pdfs.text(opened[0])
    assert "points statement, whole history" in text and "Head of household: 张三" in text
    assert "card issued" in text and "page 1 of 1" in text
    assert "积分明细" not in text and "全部记录" not in text and "发卡" not in text
    dialog.close()


def test_a_fast_burst_into_a_field_stays_typing_and_a_scan_elsewhere_goes_to_the_counter(make_shell, qtbot, shop):
    window, screen = households_screen(make_shell, qtbot)
    screen.search.setFocus()
    qtbot.waitUntil(screen.search.hasFocus)
    window.route_scan(shop.card("李四"))  # a card number typed fast into the search
    assert window.current_screen() is screen and screen.search.text() == shop.card("李四")
    screen.view.setFocus()
    qtbot.waitUntil(screen.view.hasFocus)
    window.route_scan(shop.card("王五"))  # no field being typed in: a villager's card, for the counter
    qtbot.waitUntil(lambda: window.current_screen() is not screen)
    assert window.current_screen() is window.screens["counter"]
