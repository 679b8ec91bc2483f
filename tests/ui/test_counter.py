"""The counter, driven by keys sent to the window the way a keyboard (or a scanner) sends them."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

import ledger
from pos import redemption
from pos.station import settings as local_settings
from pos.store.tables import LoginAttempt
from sqlalchemy import select
from tests.pos.conftest import PASSWORD, SUPERVISOR_PASSWORD
from tests.printing.paper import decode
from tests.ui.conftest import TYPING_PAUSE_MS


def head(db):
    with db.read() as session:
        return ledger.head(session)


def window_keys(window, text, *, pause_ms=0, qtbot=None):
    handle = window.windowHandle()
    for char in text:
        QTest.keyClick(handle, char)
        if pause_ms:
            qtbot.wait(pause_ms)


def scan(window, code):
    """A USB scanner: the code's characters in a fast burst, then Enter, all to the window."""
    window_keys(window, code)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Return)


def key(window, which):
    QTest.keyClick(window.windowHandle(), which)


@pytest.fixture
def counter_window(make_shell, qtbot):
    def make(**settings):
        window = make_shell(settings=local_settings.Settings(**settings))
        counter = window.show_area("counter")
        qtbot.waitUntil(lambda: not counter.zones_empty())
        return window, counter

    return make


def settled(qtbot, counter):
    qtbot.waitUntil(lambda: counter.ops.running == 0 and counter.pending_reads == 0)


def basket(window, qtbot, counter, card, *goods):
    """A villager's card scanned, then their goods, as they come to the counter."""
    scan(window, card)
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    for code in goods:
        scan(window, code)
    settled(qtbot, counter)


def confirm(window, qtbot, counter):
    """F12, and the sale done."""
    key(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: counter.last_seq is not None)
    settled(qtbot, counter)


def test_card_two_goods_plus_and_f12_make_one_redemption_and_its_receipt(counter_window, qtbot, shop, fake_printer):
    window, counter = counter_window(printer=local_settings.PrinterSettings(port=fake_printer.port))
    card = shop.card("张三")
    scan(window, card)
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    assert counter.balance_label.text() == "100 分" and "张三" in counter.household_label.text()
    scan(window, shop.soap.code)
    settled(qtbot, counter)
    scan(window, shop.rice.code)
    settled(qtbot, counter)
    key(window, Qt.Key.Key_Plus)  # the rice line is selected: two bags
    assert [(l.name, l.quantity) for l in counter.sale.lines] == [("洗衣粉", 1), ("大米 10kg", 2)]
    assert counter.total_label.text() == "合计 44 分"
    assert counter.after_label.text() == "兑换后余额 56 分"
    assert counter.yuan_label.text() == "折合参考价值 ￥132.00"
    before = head(shop.db)[0]
    confirm(window, qtbot, counter)
    seq = head(shop.db)[0]
    assert seq == before + 1 and counter.last_seq == seq
    done = redemption.receipt(shop.db, shop.admin, seq)
    assert [(l.name, l.quantity) for l in done.lines] == [("洗衣粉", 1), ("大米 10kg", 2)]
    assert shop.balance("张三") == 56 and shop.stock(shop.rice) == 8 and shop.stock(shop.soap) == 29
    assert f"已兑换 第 {seq} 笔" in counter.bar.text and counter.bar.kind == "done"
    assert counter.balance_label.text() == "56 分" and counter.sale.lines == []
    paper = decode(fake_printer.printed(), 32)
    assert any("张三" in line for line in paper.text)
    assert any(line.startswith("大米 10kg") and line.split()[-1] == "40" for line in paper.text)
    assert any("合计积分" in line and line.endswith("44") for line in paper.text)


def test_a_scan_while_typing_a_name_still_goes_to_the_sale(counter_window, qtbot, shop):
    window, counter = counter_window()
    key(window, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is counter.find.field
    window_keys(window, "zs", pause_ms=TYPING_PAUSE_MS, qtbot=qtbot)  # a person typing, slowly
    qtbot.waitUntil(lambda: counter.find.field.text() == "zs")
    scan(window, shop.card("李四"))
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    assert counter.sale.here.household.head_name == "李四"
    key(window, Qt.Key.Key_F3)
    scan(window, shop.soap.code)
    settled(qtbot, counter)
    assert counter.goods_search.field.text() == "" and [l.name for l in counter.sale.lines] == ["洗衣粉"]


def test_a_name_typed_slowly_is_not_taken_for_a_scan_and_enter_picks_the_household(counter_window, qtbot, shop):
    window, counter = counter_window()
    key(window, Qt.Key.Key_F2)
    window_keys(window, "zs", pause_ms=TYPING_PAUSE_MS, qtbot=qtbot)
    qtbot.waitUntil(lambda: counter.find.view.isVisible())
    assert counter.find.model.row(0).head_name == "张三"
    qtbot.wait(TYPING_PAUSE_MS)
    key(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    assert counter.sale.here.household.head_name == "张三"


def test_a_misread_card_shows_its_message_in_red_without_a_box_and_changes_nothing(counter_window, qtbot, shop):
    window, counter = counter_window()
    good = shop.card("张三")
    misread = good[:-1] + str((int(good[-1]) + 1) % 10)
    before = head(shop.db)
    scan(window, misread)
    qtbot.waitUntil(lambda: counter.bar.kind == "refused")
    assert "校验" in counter.bar.text or misread in counter.bar.text
    assert QApplication.activeModalWidget() is None
    assert counter.sale.here is None and head(shop.db) == before


def test_not_enough_points_shows_before_confirming_and_f12_changes_nothing(counter_window, qtbot, shop):
    window, counter = counter_window()
    scan(window, shop.card("赵六"))
    qtbot.waitUntil(lambda: counter.sale.here is not None or bool(counter.bar.text), timeout=5000)
    assert counter.sale.here is not None, (counter.bar.text, shop.card("赵六"))
    for _ in range(6):
        scan(window, shop.rice.code)
    settled(qtbot, counter)
    assert counter.sale.lines[0].quantity == 6 and counter.total() == 120
    assert not counter.confirm_button.isEnabled() and "积分不够：还差 20 分" in counter.reason_label.text()
    before = head(shop.db)
    key(window, Qt.Key.Key_F12)
    settled(qtbot, counter)
    assert head(shop.db) == before and shop.balance("赵六") == 100 and shop.stock(shop.rice) == 10
    assert counter.bar.kind == "refused" and QApplication.activeModalWidget() is None


def test_out_of_stock_shows_before_confirming_and_the_service_refuses_too(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.fan.code)
    assert counter.confirm_button.isEnabled()
    # Meanwhile the last fans leave through the other counter.
    redemption.redeem(shop.db, shop.clerk, shop.card("李四"), [redemption.CartItem(shop.fan.code, 1)])
    redemption.redeem(shop.db, shop.clerk, shop.card("王五"), [redemption.CartItem(shop.fan.code, 1)])
    before = head(shop.db)
    counter.confirm()
    settled(qtbot, counter)
    assert counter.bar.kind == "refused" and "电风扇" in counter.bar.text
    assert head(shop.db) == before and shop.balance("张三") == 100
    qtbot.waitUntil(lambda: "库存只有 0" in counter.reason_label.text())


def test_f12_twice_or_a_double_click_makes_one_redemption(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code)
    before = head(shop.db)[0]
    key(window, Qt.Key.Key_F12)
    key(window, Qt.Key.Key_F12)
    QTest.mouseDClick(counter.confirm_button, Qt.MouseButton.LeftButton)
    settled(qtbot, counter)
    assert head(shop.db)[0] == before + 1 and shop.balance("张三") == 96


def test_a_double_submit_that_reaches_the_service_returns_the_first_redemption(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code)
    token = counter.sale.token
    items = [redemption.CartItem(shop.soap.code, 1)]
    first = redemption.redeem(shop.db, shop.admin, shop.card("张三"), items, token=token)
    counter.confirm()  # the same sale submitted again, as after a lost answer
    settled(qtbot, counter)
    assert counter.last_seq == first.seq and shop.balance("张三") == 96


def test_above_the_threshold_a_supervisor_approves_wrong_passwords_and_self_approval_are_refused(
        counter_window, qtbot, shop):
    from pos import village

    village.change(shop.db, shop.admin, shop.approval, redemption_approval_above=10)
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.rice.code)
    before = head(shop.db)
    key(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: getattr(counter, "approval_dialog", None) is not None
                    and counter.approval_dialog.isVisible())
    dialog = counter.approval_dialog
    dialog.username.setText("wangfang")
    dialog.password.setText("counter-1")
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.bar.kind == "refused")
    assert "自己" in dialog.bar.text and head(shop.db) == before
    dialog.username.setText("lishuji")
    QTest.keyClicks(dialog.password, "not-the-password")
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "密码不对" in dialog.bar.text)
    assert head(shop.db) == before
    with shop.db.read() as session:
        outcomes = session.scalars(select(LoginAttempt.outcome).where(
            LoginAttempt.username == "lishuji", LoginAttempt.purpose == "approval")).all()
    assert "wrong" in outcomes
    QTest.keyClicks(dialog.password, SUPERVISOR_PASSWORD)
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.last_seq is not None)
    assert not dialog.isVisible()
    done = redemption.receipt(shop.db, shop.admin, counter.last_seq)
    assert done.approver == "lishuji" and shop.balance("张三") == 80


def test_printer_missing_the_sale_stands_the_job_waits_and_the_status_bar_says_so(counter_window, qtbot, shop):
    window, counter = counter_window(printer=local_settings.PrinterSettings(port="/dev/aixin-no-such-port"))
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code)
    confirm(window, qtbot, counter)
    assert shop.balance("张三") == 96
    qtbot.waitUntil(lambda: "1 张小票待打印" in window.printer_label.text())
    assert "找不到串口 /dev/aixin-no-such-port" in window.printer_label.text()
    assert "找不到打印机串口" in window.printer_label.toolTip()
    assert window.retry_button.isVisible()


def test_minus_delete_and_escape_with_a_question_only_when_there_are_lines(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code, shop.soap.code, shop.rice.code)
    assert [(l.name, l.quantity) for l in counter.sale.lines] == [("洗衣粉", 2), ("大米 10kg", 1)]
    key(window, Qt.Key.Key_Up)
    key(window, Qt.Key.Key_Minus)
    assert counter.sale.lines[0].quantity == 1
    key(window, Qt.Key.Key_Delete)
    assert [l.name for l in counter.sale.lines] == ["大米 10kg"]
    key(window, Qt.Key.Key_Escape)
    question = counter.question
    qtbot.waitUntil(question.isVisible)
    # Typed "y" (是 in pinyin), "1" and Enter answer nothing: the question waits for a button.
    for typed in ("y", "Y", "1", Qt.Key.Key_Return, Qt.Key.Key_Enter):
        QTest.keyClick(question.windowHandle(), typed)
    assert question.isVisible() and [l.name for l in counter.sale.lines] == ["大米 10kg"]
    question.buttons[1].click()  # 清空商品
    assert counter.sale.lines == [] and counter.sale.here is not None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None and window.isActiveWindow())
    key(window, Qt.Key.Key_Escape)  # nothing in the cart: no question, the household goes too
    assert not counter.question.isVisible() and counter.sale.here is None


def test_escs_question_answered_by_esc_keeps_the_goods(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code)
    key(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(counter.question.isVisible)
    QTest.keyClick(counter.question, Qt.Key.Key_Escape)
    assert not counter.question.isVisible() and [l.name for l in counter.sale.lines] == ["洗衣粉"]


def test_another_card_scanned_with_goods_in_the_sale_asks_and_an_enter_never_answers(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code, shop.rice.code)
    scan(window, shop.card("李四"))
    qtbot.waitUntil(lambda: getattr(counter, "question", None) is not None and counter.question.isVisible())
    question = counter.question
    assert "张三" in question.text.text() and "李四" in question.text.text()
    assert counter.sale.here.household.head_name == "张三"
    assert not counter.confirm_button.isEnabled() or counter.sale.here.household.head_name == "张三"
    QTest.keyClick(question, Qt.Key.Key_Return)  # a stray Enter, as a keyboard sends it
    scan(question, shop.card("李四"))  # the scanner again: its Enter is the scan's, it answers nothing
    settled(qtbot, counter)
    assert counter.question.isVisible() and counter.sale.here.household.head_name == "张三"
    key(window, Qt.Key.Key_F12)
    settled(qtbot, counter)
    assert counter.last_seq is None, "no sale while the question is open"
    counter.question.buttons[2].click()  # 商品转给 李四
    assert counter.sale.here.household.head_name == "李四"
    assert [l.name for l in counter.sale.lines] == ["洗衣粉", "大米 10kg"]
    qtbot.waitUntil(window.isActiveWindow)
    confirm(window, qtbot, counter)
    assert shop.balance("李四") == 100 - 24 and shop.balance("张三") == 100


def test_keeping_the_first_households_sale_leaves_it_as_it_was(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code)
    token = counter.sale.token
    scan(window, shop.card("李四"))
    qtbot.waitUntil(lambda: getattr(counter, "question", None) is not None and counter.question.isVisible())
    counter.question.buttons[0].click()  # 继续给张三兑换
    assert counter.sale.here.household.head_name == "张三" and counter.sale.token == token
    assert [l.name for l in counter.sale.lines] == ["洗衣粉"] and "F12" in counter.bar.text
    scan(window, shop.card("李四"))
    qtbot.waitUntil(lambda: counter.question.isVisible())
    counter.question.buttons[1].click()  # 清空商品，换成李四
    assert counter.sale.here.household.head_name == "李四" and counter.sale.lines == []


def test_the_same_card_again_or_a_card_with_an_empty_cart_asks_nothing(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code)
    scan(window, shop.card("张三"))
    settled(qtbot, counter)
    assert getattr(counter, "question", None) is None and len(counter.sale.lines) == 1
    key(window, Qt.Key.Key_Delete)
    scan(window, shop.card("李四"))
    qtbot.waitUntil(lambda: counter.sale.here.household.head_name == "李四")
    assert getattr(counter, "question", None) is None


def test_a_second_f12_after_a_sale_keeps_its_green_until_the_next_goods_are_scanned(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code)
    confirm(window, qtbot, counter)
    assert counter.bar.kind == "done"
    key(window, Qt.Key.Key_F12)
    settled(qtbot, counter)
    assert counter.bar.kind == "done" and f"第 {counter.last_seq} 笔" in counter.bar.text
    scan(window, shop.soap.code)
    settled(qtbot, counter)
    assert counter.sale.lines and counter.bar.kind == "" and "已兑换" not in counter.bar.text


def test_goods_out_of_stock_are_refused_in_the_bar_and_never_block_the_sale(counter_window, qtbot, shop):
    window, counter = counter_window()
    redemption.redeem(shop.db, shop.clerk, shop.card("李四"), [redemption.CartItem(shop.fan.code, 1)])
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code, shop.fan.code)
    assert counter.bar.kind == "" or counter.bar.kind == "refused"
    assert [l.name for l in counter.sale.lines] == ["洗衣粉", "电风扇"]
    scan(window, shop.fan.code)  # the last fan is already in the sale
    qtbot.waitUntil(lambda: counter.bar.kind == "refused")
    assert "电风扇" in counter.bar.text and QApplication.activeModalWidget() is None
    assert [(l.name, l.quantity) for l in counter.sale.lines] == [("洗衣粉", 1), ("电风扇", 1)]
    assert counter.confirm_button.isEnabled()


def test_a_refusal_about_a_line_goes_when_the_line_goes(counter_window, qtbot, shop):
    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code, shop.fan.code)
    redemption.redeem(shop.db, shop.clerk, shop.card("李四"), [redemption.CartItem(shop.fan.code, 1)])
    redemption.redeem(shop.db, shop.clerk, shop.card("王五"), [redemption.CartItem(shop.fan.code, 1)])
    counter.load_shelf()
    settled(qtbot, counter)
    key(window, Qt.Key.Key_F12)
    settled(qtbot, counter)
    assert counter.bar.kind == "refused" and "库存只有 0" in counter.bar.text
    key(window, Qt.Key.Key_Delete)  # the fan's line is the selected one
    assert [l.name for l in counter.sale.lines] == ["洗衣粉"]
    assert counter.bar.kind == "" and counter.confirm_button.isEnabled()


def test_the_household_list_floats_over_the_cart_and_moves_nothing(counter_window, qtbot, shop):
    window, counter = counter_window()
    before = (counter.cart_view.geometry(), counter.zones.geometry())
    key(window, Qt.Key.Key_F2)
    window_keys(window, "zs", pause_ms=TYPING_PAUSE_MS, qtbot=qtbot)
    qtbot.waitUntil(lambda: counter.find.view.isVisible())
    qtbot.wait(50)
    assert (counter.cart_view.geometry(), counter.zones.geometry()) == before
    assert counter.find.view.geometry().top() >= counter.find.field.mapTo(counter, counter.find.field.rect().bottomLeft()).y()


def test_goods_without_a_barcode_by_f3_search_and_by_zone_button(counter_window, qtbot, shop):
    window, counter = counter_window()
    key(window, Qt.Key.Key_F3)
    window_keys(window, "dm", pause_ms=TYPING_PAUSE_MS, qtbot=qtbot)
    qtbot.waitUntil(lambda: counter.goods_search.view.isVisible())
    qtbot.wait(TYPING_PAUSE_MS)
    key(window, Qt.Key.Key_Return)
    assert [l.name for l in counter.sale.lines] == ["大米 10kg"]
    counter.zones.setCurrentIndex(5)  # 家用电器区
    grid = counter.zone_grids["家用电器区"]
    grid.itemAt(0).widget().click()
    assert [l.name for l in counter.sale.lines] == ["大米 10kg", "电风扇"]


def test_a_scans_enter_never_closes_a_dialog(counter_window, qtbot, shop):
    window, counter = counter_window()
    box = QMessageBox(QMessageBox.Icon.Question, "?", "清空？", QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No, window)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.open()
    qtbot.waitExposed(box)
    scan(box, shop.card("张三"))
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    assert box.isVisible()
    box.done(0)


def test_after_another_user_takes_over_the_first_users_open_sale_is_kept(counter_window, qtbot, shop):
    from tests.pos.conftest import PASSWORD

    window, counter = counter_window()
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code)
    window.lock()
    window.lock_page.username.setText("zhaoming")
    QTest.keyClicks(window.lock_page.password, PASSWORD)
    QTest.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    assert counter.sale.here is None and counter.sale.lines == []
    window.lock()
    window.lock_page.username.setText("wangfang")
    QTest.keyClicks(window.lock_page.password, PASSWORD)
    QTest.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    assert counter.sale.here.household.head_name == "张三" and [l.name for l in counter.sale.lines] == ["洗衣粉"]


def test_reprint_and_balance_slip_print_on_the_receipt_printer(counter_window, qtbot, shop, fake_printer):
    window, counter = counter_window(printer=local_settings.PrinterSettings(port=fake_printer.port))
    basket(window, qtbot, counter, shop.card("张三"), shop.soap.code)
    confirm(window, qtbot, counter)
    fake_printer.printed()
    fake_printer.clear()
    counter.reprint_button.click()
    settled(qtbot, counter)
    assert "重印 第1次" in decode(fake_printer.printed(), 32).text
    fake_printer.clear()
    counter.slip_button.click()
    settled(qtbot, counter)
    slip = decode(fake_printer.printed(), 32).text
    assert "积分查询" in slip and "96" in slip


def test_the_balance_slip_prints_in_the_windows_language(counter_window, qtbot, shop, fake_printer, ops):
    ops.lang = "en"  # an English window (its Qt texts stay as they are: only the paper is looked at)
    window, counter = counter_window(printer=local_settings.PrinterSettings(port=fake_printer.port), language="en")
    scan(window, shop.card("张三"))
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    counter.slip_button.click()
    settled(qtbot, counter)
    slip = decode(fake_printer.printed(), 32).text
    assert "Points Balance" in slip and "100" in slip and "积分查询" not in slip


def test_points_posted_but_not_credited_show_beside_the_balance_and_cannot_be_spent(counter_window, qtbot, shop):
    from pos import claims, service, users, village
    from pos.vocabulary import Role

    village.change(shop.db, shop.admin, awards="claims")
    with service.transaction(shop.db) as session:
        reviewer = users.add_user(session, shop.admin, "liuping", "刘平", Role.REVIEWER, PASSWORD, shop.approval)
    claim, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "L02", None, None, "组长")
    claims.review(shop.db, reviewer, claim.id, accept=True)
    claims.post(shop.db, shop.admin)
    window, counter = counter_window()
    scan(window, shop.card("张三"))
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    assert counter.balance_label.text() == "100 分"
    assert counter.who.pending_label.text() == "另有 10 分公示中" and not counter.who.pending_label.isHidden()
    scan(window, shop.card("李四"))
    qtbot.waitUntil(lambda: counter.sale.here.household.head_name == "李四")
    assert counter.who.pending_label.isHidden()
    taken, = claims.enter(shop.db, shop.admin, [shop.homes["张三"].id], "D01", None, None, "组长", "乱倒垃圾")
    claims.review(shop.db, reviewer, taken.id, accept=True)
    scan(window, shop.card("张三"))
    qtbot.waitUntil(lambda: counter.sale.here.household.head_name == "张三")
    assert counter.balance_label.text() == "100 分", "a pending deduction takes nothing yet"
    assert counter.who.pending_label.text() == "另有 10 分公示中；另有 5 分待扣（公示中，暂不能用）"
    for _ in range(24):  # 96 points: the balance holds them, but 5 of its 100 are held for the deduction
        scan(window, shop.soap.code)
    qtbot.waitUntil(lambda: counter.total() == 96)
    assert not counter.confirm_button.isEnabled()
    assert counter.reason_label.text() == "积分不够：还差 1 分（5 分待扣，公示期满前不能用）"
