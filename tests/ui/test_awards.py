"""Awards and deductions, as the administrator records them."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from pos import households
from tests.pos.conftest import SUPERVISOR_PASSWORD
from ui.awards import tick_model


def awards_screen(make_shell, qtbot):
    window = make_shell()
    screen = window.show_area("awards")
    qtbot.waitUntil(lambda: screen.model.rowCount() >= 4 and screen.rule.count() > 0)
    return window, screen


def labour_village(shop, count=30):
    for number in range(count):
        view = households.add(shop.db, shop.admin, f"劳动{number:02d}", "富庄", 3)
        from pos import cards

        cards.issue(shop.db, shop.admin, view.id)


def test_a_labour_day_awards_a_group_in_one_save(make_shell, qtbot, shop):
    labour_village(shop)
    window, screen = awards_screen(make_shell, qtbot)
    screen.choose_rule("L02")
    screen.group.setCurrentIndex(screen.group.findData("富庄"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 31)
    screen.tick_group_button.click()
    assert "31 户" in screen.summary.text() and "共 310 分" in screen.summary.text()
    screen.save_button.click()
    assert "共 310 分" in screen.confirm_box.text()
    screen.confirm_box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert "31 户" in screen.bar.text and "共 310 分" in screen.bar.text
    balances = [h.balance for h in households.search(shop.db, shop.admin, group="富庄", limit=100)]
    assert balances == [110] * 31
    assert shop.balance("张三") == 100 and screen.model.ticked == {}
    from pos import counter

    seqs = {counter.recent(shop.db, shop.admin, h.card_number, 1)[0].seq
            for h in households.search(shop.db, shop.admin, group="富庄", limit=100)}
    assert len(seqs) == 1  # one transaction


def test_space_ticks_the_chosen_row_and_search_by_initials_keeps_the_ticks(make_shell, qtbot, shop):
    window, screen = awards_screen(make_shell, qtbot)
    screen.choose_rule("A01")
    screen.view.setFocus()
    screen.view.selectRow(0)
    QTest.keyClick(screen.view, Qt.Key.Key_Space)
    first = screen.model.row(0).head_name
    QTest.keyClicks(screen.search, "ww")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.view.selectRow(0)
    QTest.keyClick(screen.view, Qt.Key.Key_Space)
    assert "2 户" in screen.summary.text() and first in screen.summary.text() and "王五" in screen.summary.text()


def test_enter_or_down_in_the_search_moves_into_the_list_and_space_ticks_the_row_in_focus(make_shell, qtbot, shop):
    window, screen = awards_screen(make_shell, qtbot)
    screen.choose_rule("A01")
    QTest.keyClicks(screen.search, "ww")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    QTest.keyClick(screen.search, Qt.Key.Key_Return)  # Enter: into the list, onto 王五
    assert screen.view.hasFocus()
    QTest.keyClick(screen.view, Qt.Key.Key_Space)
    assert set(screen.model.ticked) == {shop.homes["王五"].id}
    screen.search.setFocus()
    screen.search.clear()
    QTest.keyClicks(screen.search, "ls")
    qtbot.waitUntil(lambda: [r.head_name for r in screen.model.rows] == ["李四"])
    QTest.keyClick(screen.search, Qt.Key.Key_Down)  # Down: the same, onto 李四
    assert screen.view.hasFocus()
    QTest.keyClick(screen.view, Qt.Key.Key_Space)
    assert set(screen.model.ticked) == {shop.homes["王五"].id, shop.homes["李四"].id}
    assert "2 户" in screen.summary.text()


def test_space_ticks_a_row_reached_by_tab_with_nothing_selected(make_shell, qtbot, shop):
    window, screen = awards_screen(make_shell, qtbot)
    screen.choose_rule("A01")
    first = screen.model.row(0)
    screen.view.setFocus()
    screen.view.clearSelection()
    screen.view.selectionModel().setCurrentIndex(screen.model.index(0, 0),
                                                 screen.view.selectionModel().SelectionFlag.NoUpdate)
    assert not screen.view.selectionModel().hasSelection()
    QTest.keyClick(screen.view, Qt.Key.Key_Space)  # no mouse first
    assert set(screen.model.ticked) == {first.id} and first.head_name in screen.summary.text()


def test_a_scanned_card_ticks_its_household(make_shell, qtbot, shop, scanner):
    window, screen = awards_screen(make_shell, qtbot)
    window.route_scan(shop.card("李四"))
    qtbot.waitUntil(lambda: shop.homes["李四"].id in screen.model.ticked)
    assert "李四" in screen.bar.text


def test_a_deduction_above_the_threshold_waits_for_the_supervisor(make_shell, qtbot, shop):
    window, screen = awards_screen(make_shell, qtbot)
    screen.choose_rule("D06")
    screen.points.setValue(30)
    screen.model.tick([r for r in screen.model.rows if r.head_name == "张三"])
    assert "扣 30 分" in screen.summary.text()
    screen.save_button.click()
    screen.confirm_box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: getattr(screen, "approval_dialog", None) is not None)
    dialog = screen.approval_dialog
    assert shop.balance("张三") == 100
    QTest.keyClicks(dialog.username, "lishuji")
    QTest.keyClicks(dialog.password, SUPERVISOR_PASSWORD)
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert "扣 30 分" in screen.bar.text and "审批人 李书记" in screen.bar.text  # by name, not login
    assert shop.balance("张三") == 70


def test_the_tick_model_passes_the_model_tester(qtmodeltester, shop):
    model = tick_model()
    model.set_rows(households.search(shop.db, shop.admin))
    model.tick(model.rows[:2])
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_the_deduction_categories_sit_apart_after_the_awards(make_shell, qtbot, shop):
    from pos import rules

    window, screen = awards_screen(make_shell, qtbot)
    listed = [r for r in rules.list_rules(shop.db, shop.admin) if r.code not in rules.HYGIENE_ITEMS]
    deducting = {r.category for r in listed if r.deduction} - {r.category for r in listed if not r.deduction}
    assert deducting, "the test village has a deduction of its own category"
    texts = [screen.category.itemText(i) for i in range(screen.category.count())]
    separator = texts.index("")  # the line between them
    assert set(texts[separator + 1:]) == deducting and not deducting & set(texts[:separator])


def declare(screen, qtbot, rule: str, head: str) -> None:
    """On a village on claims: one household ticked for ``rule``, declared by a group leader, saved."""
    screen.choose_rule(rule)
    screen.model.tick([r for r in screen.model.rows if r.head_name == head], True)
    screen.declared_by.setText("组长")
    screen.save_button.click()
    screen.confirm_box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert "已录入 1 项申报" in screen.bar.text


def test_a_village_on_claims_enters_claims_on_f5_and_lists_them_to_review_post_and_credit(
        make_shell, qtbot, shop, monkeypatch):
    from ui import documents
    from pos import claims, service, users, village
    from pos.vocabulary import ClaimStatus, Role
    from tests.pos.conftest import PASSWORD

    village.change(shop.db, shop.admin, awards="claims")
    with service.transaction(shop.db) as session:
        reviewer = users.add_user(session, shop.admin, "liuping", "刘平", Role.REVIEWER, PASSWORD, shop.approval)
    window, screen = awards_screen(make_shell, qtbot)
    qtbot.waitUntil(lambda: screen.claims_box.isVisible())
    assert screen.declared_by.isVisible()
    declare(screen, qtbot, "L02", "张三")
    box = screen.claims_box
    qtbot.waitUntil(lambda: box.model.rowCount() == 1)
    assert box.model.index(0, 4).data() == "待评议" and box.model.index(0, 1).data() == "张三"
    assert shop.balance("张三") == 100
    box.view.selectRow(0)
    box.accept_button.click()
    qtbot.waitUntil(lambda: screen.bar.kind == "refused")  # an administrator does not review
    claims.review(shop.db, reviewer, box.model.row(0).id, accept=True)
    qtbot.waitUntil(lambda: box.model.rowCount() == 1 and box.model.row(0).status == ClaimStatus.ACCEPTED)
    box.post_button.click()
    qtbot.waitUntil(lambda: screen.bar.kind == "done" and "第 1 期公示" in screen.bar.text)
    qtbot.waitUntil(lambda: box.model.row(0).status == ClaimStatus.POSTED)
    box.view.selectRow(0)
    box.credit_button.click()
    qtbot.waitUntil(lambda: screen.bar.kind == "refused" and "方可记分" in screen.bar.text)
    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", opened.append)
    box.view.selectRow(0)
    box.print_button.click()
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].name == "申报公示-1.pdf" and opened[0].stat().st_size > 1000
    box.view.selectRow(0)
    box.objector.setText("李四")
    box.objection.setText("那天没见他来")
    box.object_button.click()
    qtbot.waitUntil(lambda: screen.bar.kind == "done" and "有异议" in screen.bar.text)
    qtbot.waitUntil(lambda: box.model.row(0).status == ClaimStatus.OBJECTED)
    box.status.setCurrentIndex(box.status.findData(ClaimStatus.CREDITED))
    qtbot.waitUntil(lambda: box.model.rowCount() == 0)


def test_a_deduction_on_a_village_on_claims_is_entered_as_a_claim(make_shell, qtbot, shop):
    from pos import claims, village

    village.change(shop.db, shop.admin, awards="claims")
    window, screen = awards_screen(make_shell, qtbot)
    qtbot.waitUntil(lambda: screen.claims_box.isVisible())
    declare(screen, qtbot, "D01", "张三")
    made, = claims.list_claims(shop.db, shop.admin)
    assert (made.rule, made.points) == ("D01", -5) and shop.balance("张三") == 100


def test_the_claims_model_passes_the_model_tester(qtmodeltester, shop):
    from datetime import date

    from pos.claims import ClaimView
    from pos.vocabulary import ClaimStatus
    from ui.claims import claims_model

    model = claims_model("zh")
    model.set_rows([ClaimView(1, 1, "张三", "啊道", "L02", "修路", 10, date(2026, 9, 5), "组长", "", "", "wangfang",
                              ClaimStatus.POSTED, "liuping", "", 1, "", "", None, None)])
    qtmodeltester.check(model)
