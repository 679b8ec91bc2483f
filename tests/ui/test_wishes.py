"""The wish wall screen: a wish written at the counter by scanning a card, then the supervisor's part."""


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos import goods, stock, wishes
from tests import pdfs
from tests.pos.conftest import SUPERVISOR_PASSWORD
from tests.ui.test_counter import scan
from tests.ui.test_english import clipped
from ui import documents, sizes


def settled(qtbot, screen):
    qtbot.waitUntil(lambda: screen.ops.running == 0, timeout=30_000)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def wall(make_shell, qtbot, actor=None):
    window = make_shell(actor=actor)
    screen = window.show_area("wishes")
    settled(qtbot, screen)
    return window, screen


def hand_over(window, qtbot, username="lishuji"):
    """The administrator locks the window; the first secretary unlocks it with their own password."""
    window.lock()
    page = window.lock_page
    page.username.setText(username)
    page.password.setText(SUPERVISOR_PASSWORD)
    click(qtbot, page.form.button)
    qtbot.waitUntil(lambda: not window.locked and window.actor.username == username)


def test_a_wish_is_written_by_scanning_a_card_then_claimed_delivered_into_stock_and_thanked(
        make_shell, shop, qtbot):
    window, screen = wall(make_shell, qtbot)
    assert screen.accepts_scans and screen.write_button.isVisible()
    scan(window, shop.card("张三"))
    qtbot.waitUntil(lambda: screen.write_form.household_id == shop.homes["张三"].id)
    form = screen.write_form
    assert form.who.text() == "啊道 张三（4 口人）" and QApplication.focusWidget() is form.text
    form.text.setText("孙女明年上初中，想要一个新书包。")
    form.member.setText("孙女")
    form.value.setValue(120)
    click(qtbot, form.save)
    assert screen.bar.kind == "refused" and "类别" in screen.bar.text, "a category nobody chose is never saved"
    assert wishes.wishes(shop.db, shop.admin) == []
    form.category.setCurrentText("学习用品")
    click(qtbot, form.save)
    click(qtbot, form.save)  # a confirm runs once
    settled(qtbot, screen)
    written = wishes.wishes(shop.db, shop.admin)
    assert [(w.head_name, w.text, w.member, w.value_fen, w.status) for w in written] == [
        ("张三", "孙女明年上初中，想要一个新书包。", "孙女", 12000, "open")]
    wish = written[0]
    assert screen.bar.kind == "done" and f"第 {wish.id} 号" in screen.bar.text
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.id == wish.id)
    assert screen.model.rowCount() == 1 and screen.filter_buttons["open"].text() == "待认领 1"
    assert "监督员" in screen.nothing.text()  # the administrator does not claim

    hand_over(window, qtbot)
    assert not screen.accepts_scans and not screen.write_button.isVisible()
    screen.pick(wish.id)
    assert screen.actions.currentWidget() is screen.claim_form
    screen.claim_form.donor.setText("宜川县鑫源商贸有限公司")
    screen.claim_form.kind.setCurrentIndex(screen.claim_form.kind.findData("company"))
    screen.claim_form.contact.setText("刘经理 13800000000")
    click(qtbot, screen.claim_form.go)
    settled(qtbot, screen)
    qtbot.waitUntil(lambda: screen.current.status == "claimed")
    assert "由 宜川县鑫源商贸有限公司 认领" in screen.bar.text
    assert screen.actions.currentWidget() is screen.deliver_form

    deliver = screen.deliver_form
    qtbot.waitUntil(lambda: deliver.goods.count() == 3)
    fans_before = shop.stock(shop.fan)
    deliver.handed_by.setText("李书记")
    deliver.note.setText("书包先入库，周六由张三来领")
    deliver.into_stock.setChecked(True)
    deliver.goods.setCurrentIndex(deliver.goods.findData(shop.fan.code))
    deliver.quantity.setValue(1)
    click(qtbot, deliver.go)
    settled(qtbot, screen)
    qtbot.waitUntil(lambda: screen.current.status == "delivered")
    delivered = wishes.get(shop.db, shop.secretary, wish.id)
    assert delivered.handover == "stock" and delivered.intake_id is not None
    assert shop.stock(shop.fan) == fans_before + 1
    assert f"入库单 {delivered.intake_id}" in screen.bar.text and "入库单" in screen.detail.text()
    gift = [d for d in stock.donation_register(shop.db, shop.admin) if d.intake_id == delivered.intake_id]
    assert [(d.donor, d.goods, d.quantity, d.value_fen) for d in gift] == [
        ("宜川县鑫源商贸有限公司", "电风扇", 1, 12000)]

    screen.thank_form.echo.setText("谢谢鑫源商贸的叔叔阿姨，我会好好学习！")
    click(qtbot, screen.thank_form.go)
    settled(qtbot, screen)
    qtbot.waitUntil(lambda: screen.current.status == "thanked")
    assert wishes.get(shop.db, shop.secretary, wish.id).echo == "谢谢鑫源商贸的叔叔阿姨，我会好好学习！"
    assert [e.kind for e in wishes.history(shop.db, shop.secretary, wish.id)] == [
        "written", "claimed", "delivered", "thanked"]
    qtbot.waitUntil(lambda: screen.history.rowCount() == 4)
    assert [screen.history.index(r, 1).data() for r in range(4)] == ["写下心愿", "认领", "送达", "回音"]
    assert screen.actions.currentWidget() is screen.nothing and "圆满完成" in screen.nothing.text()


def test_a_second_claim_shows_a_plain_refusal_in_the_message_bar(make_shell, shop, qtbot):
    wish = wishes.add(shop.db, shop.admin, shop.homes["王五"].id, "想要一台轮椅。", "助老助残")
    window, screen = wall(make_shell, qtbot, shop.secretary)
    screen.pick(wish.id)
    # Meanwhile, on the office PC, the other supervisor records a donor for the same wish.
    wishes.claim(shop.db, shop.other_secretary, wish.id, "县残联", "unit", "王主任 0911-2222222")
    screen.claim_form.donor.setText("宜川县鑫源商贸有限公司")
    screen.claim_form.contact.setText("刘经理 13800000000")
    click(qtbot, screen.claim_form.go)
    settled(qtbot, screen)
    assert screen.bar.kind == "refused"
    assert screen.bar.text == f"第 {wish.id} 号心愿已由 县残联 认领，一个心愿只能由一位爱心人士认领。"
    assert QApplication.activeModalWidget() is None
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.status == "claimed")
    assert wishes.get(shop.db, shop.secretary, wish.id).donor == "县残联"
    assert screen.actions.currentWidget() is screen.deliver_form


def test_a_wish_handed_straight_to_the_household_and_one_withdrawn(make_shell, shop, qtbot):
    kept = wishes.add(shop.db, shop.admin, shop.homes["李四"].id, "想要一盏台灯。", "生活用品")
    dropped = wishes.add(shop.db, shop.admin, shop.homes["赵六"].id, "想要一床新被子。", "衣物被褥")
    wishes.claim(shop.db, shop.secretary, kept.id, "张老师", "person", "13900000000")
    window, screen = wall(make_shell, qtbot, shop.secretary)
    donations = stock.donation_register(shop.db, shop.admin)
    screen.pick(kept.id)
    screen.deliver_form.handed_by.setText("李书记")
    click(qtbot, screen.deliver_form.go)
    settled(qtbot, screen)
    qtbot.waitUntil(lambda: screen.current.status == "delivered")
    assert wishes.get(shop.db, shop.admin, kept.id).handover == "household"
    assert "直接交给了农户" in screen.bar.text
    assert stock.donation_register(shop.db, shop.admin) == donations

    screen.pick(dropped.id)
    assert screen.withdraw_row.isVisible()
    screen.reason.setText("已由民政部门解决")
    click(qtbot, screen.withdraw_button)
    settled(qtbot, screen)
    qtbot.waitUntil(lambda: screen.current.status == "withdrawn")
    assert wishes.get(shop.db, shop.admin, dropped.id).withdrawn_reason == "已由民政部门解决"
    assert not screen.withdraw_row.isVisible()
    click(qtbot, screen.filter_buttons["withdrawn"])
    assert [w.id for w in screen.model.rows] == [dropped.id]


def test_the_wall_as_cards_by_status_and_printed_with_names_hidden(make_shell, shop, qtbot, monkeypatch):
    hidden = wishes.add(shop.db, shop.admin, shop.homes["张三"].id, "孙女想要一个新书包。", "学习用品")
    shown = wishes.add(shop.db, shop.admin, shop.homes["李四"].id, "想要一台收音机。", "家用电器",
                       show_name=True)
    taken = wishes.add(shop.db, shop.admin, shop.homes["王五"].id, "想要一台轮椅。", "助老助残")
    wishes.claim(shop.db, shop.secretary, taken.id, "县残联", "unit", "王主任")
    window, screen = wall(make_shell, qtbot)
    click(qtbot, screen.as_cards)
    assert screen.wall.currentIndex() == 1
    assert [w.id for w in screen.card_models["open"].rows] == [hidden.id, shown.id]
    assert [w.id for w in screen.card_models["claimed"].rows] == [taken.id]
    assert screen.card_titles["open"].text() == "待认领（2）"
    assert "认领：县残联" in screen.card_models["claimed"].index(0, 0).data()
    view = screen.card_views["claimed"]
    view.setCurrentIndex(screen.card_models["claimed"].index(0, 0))
    assert screen.current.id == taken.id

    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda path: opened.append(path) or True)
    screen.paper.setCurrentIndex(screen.paper.findData("A3"))
    click(qtbot, screen.print_button)
    settled(qtbot, screen)
    text = pdfs.text(opened[0])
    assert "A3" in opened[0].name and "张*" in text and "张三" not in text and "李四" in text
    assert "轮椅" not in text  # claimed wishes are off the board
    assert "2 个待认领心愿" in screen.bar.text


def test_every_table_of_the_wish_wall_passes_the_model_tester(make_shell, shop, qtbot, qtmodeltester):
    first = wishes.add(shop.db, shop.admin, shop.homes["张三"].id, "想要一个新书包。", "学习用品")
    wishes.add(shop.db, shop.admin, shop.homes["李四"].id, "想要一盏台灯。", "生活用品")
    wishes.claim(shop.db, shop.secretary, first.id, "张老师", "person", "13900000000")
    window, screen = wall(make_shell, qtbot, shop.secretary)
    screen.pick(first.id)
    qtbot.waitUntil(lambda: screen.history.rowCount() == 2)
    settled(qtbot, screen)
    for model in [screen.model, screen.history, *screen.card_models.values()]:
        qtmodeltester.check(model)
    assert goods.search(shop.db, shop.admin)  # the deliver form's goods came from the same service
    assert screen.deliver_form.goods.count() == len(goods.search(shop.db, shop.admin))


def test_at_the_windows_smallest_size_the_walls_buttons_and_its_wish_column_keep_their_words(make_shell, shop, qtbot,
                                                                                           monkeypatch):
    monkeypatch.setattr(sizes, "factor", 1.0)  # 100 %, as on a 1366x768 screen (the test screen is smaller)
    wishes.add(shop.db, shop.admin, shop.homes["张三"].id, "想要一个新书包。", "学习用品")
    window, screen = wall(make_shell, qtbot)
    window.resize(window.minimumSize())  # 1000x640
    qtbot.wait(100)
    assert not list(clipped(screen))
    wish = screen.model.index(0, 3)
    assert screen.list_view.columnWidth(3) >= 6 * screen.list_view.fontMetrics().horizontalAdvance("愿")
    assert not screen.list_view.horizontalScrollBar().isVisible(), "every column in view, none pushed off"
    assert wish.data() == "想要一个新书包。"
