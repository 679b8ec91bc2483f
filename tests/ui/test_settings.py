"""Settings, as the administrator changes them."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from pos import households, rules, service, users, village
from pos.station import settings as local_settings
from pos.errors import ShopError
from tests.pos.conftest import SUPERVISOR_PASSWORD
from tests.ui.conftest import approve
from ui.settings.backups import copies_model
from ui.settings.printer import jobs_model
from ui.settings.rules import rules_model
from ui.settings.users import users_model


def settings_screen(make_shell, qtbot):
    window = make_shell()
    screen = window.show_area("settings")
    qtbot.waitUntil(lambda: screen.rules.model.rowCount() > 0 and screen.users.model.rowCount() == 4)
    return window, screen


def ok(screen):
    screen.confirm_box.button(QMessageBox.StandardButton.Ok).click()


def test_a_new_rule_is_added_and_a_used_one_is_deactivated_not_changed(make_shell, qtbot, shop):
    window, screen = settings_screen(make_shell, qtbot)
    tab = screen.rules
    screen.tabs.setCurrentWidget(tab)
    QTest.keyClicks(tab.code, "L01")
    tab.name.setText("重复")
    tab.add_button.click()
    assert screen.bar.kind == "refused" and "L01" in screen.bar.text
    tab.code.clear()
    QTest.keyClicks(tab.code, "l03")
    tab.category.setCurrentText("公益劳动")
    tab.name.setText("植树造林（每天）")
    tab.low.setValue(8)
    tab.high.setValue(12)
    tab.limit_count.setValue(1)
    tab.limit_period.setCurrentIndex(tab.limit_period.findData("week"))
    tab.cap.setValue(20)
    tab.add_button.click()
    approve(qtbot, screen)  # a new rule is the supervisor's to approve
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert "L03" in screen.bar.text and "+8~12" in screen.bar.text
    qtbot.waitUntil(lambda: any(r.code == "L03" for r in tab.model.rows))
    row = next(n for n, r in enumerate(tab.model.rows) if r.code == "L03")
    assert tab.model.index(row, 4).data() == "每周最多 1 次；每次活动最多 20 户"
    assert tab.model.rows[row].cap_per_event == 20
    number = next(n for n, r in enumerate(tab.model.rows) if r.code == "L01")
    tab.view.selectRow(number)
    tab.deactivate_button.click()
    ok(screen)
    qtbot.waitUntil(lambda: "L01 已停用" in screen.bar.text)
    qtbot.waitUntil(lambda: all(r.code != "L01" for r in tab.model.rows))
    l01 = next(r for r in rules.list_rules(shop.db, shop.admin, include_inactive=True) if r.code == "L01")
    assert not l01.active and l01.points_min == 5
    awards_screen = window.show_area("awards")
    qtbot.waitUntil(lambda: awards_screen.rule.count() > 0)
    codes = {r.code for r in awards_screen.all_rules}
    assert "L01" not in codes and "L03" in codes


def test_users_are_added_unlocked_given_a_new_password_and_deactivated(make_shell, qtbot, shop):
    window, screen = settings_screen(make_shell, qtbot)
    tab = screen.users
    screen.tabs.setCurrentWidget(tab)
    QTest.keyClicks(tab.username, "sunli")
    tab.display_name.setText("孙丽")
    QTest.keyClicks(tab.password, "shop-2026")
    QTest.keyClicks(tab.password_again, "shop-2025")
    tab.add_button.click()
    assert screen.bar.kind == "refused" and "不一样" in screen.bar.text
    tab.password_again.clear()
    QTest.keyClicks(tab.password_again, "shop-2026")
    tab.add_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5)
    assert "已添加管理员 孙丽" in screen.bar.text
    assert users.login(shop.db, "sunli", "shop-2026").display_name == "孙丽"

    def choose(username):
        tab.view.selectRow(next(n for n, u in enumerate(tab.model.rows) if u.username == username))

    with service.transaction(shop.db) as session:  # 赵明 locked out after wrong passwords
        from pos.store.tables import User
        from sqlalchemy import select

        session.scalar(select(User).where(User.username == "zhaoming")).locked = True
    tab.reload()
    qtbot.waitUntil(lambda: any(u.locked for u in tab.model.rows))
    choose("zhaoming")
    tab.unlock_button.click()
    qtbot.waitUntil(lambda: "赵明 已解锁" in screen.bar.text)
    choose("zhaoming")
    QTest.keyClicks(tab.new_password, "new-pass-1")
    tab.reset_button.click()
    qtbot.waitUntil(lambda: "密码已重设" in screen.bar.text)
    assert users.login(shop.db, "zhaoming", "new-pass-1").username == "zhaoming"
    qtbot.waitUntil(lambda: not any(u.locked for u in tab.model.rows))
    choose("sunli")
    tab.active_button.click()
    qtbot.waitUntil(lambda: "孙丽 已停用" in screen.bar.text)
    try:
        users.login(shop.db, "sunli", "shop-2026")
    except ShopError as refused:
        assert refused.key == "login_wrong"
    else:
        raise AssertionError("a deactivated user logged in")
    choose("wangfang")
    tab.active_button.click()
    qtbot.waitUntil(lambda: screen.bar.kind == "refused")
    assert "自己" in screen.bar.text


def test_a_user_is_linked_to_their_own_household_and_the_link_is_cleared(make_shell, qtbot, shop):
    window, screen = settings_screen(make_shell, qtbot)
    tab = screen.users
    screen.tabs.setCurrentWidget(tab)
    tab.view.selectRow(next(n for n, u in enumerate(tab.model.rows) if u.username == "zhaoming"))
    assert "还没有关联农户" in tab.household_now.text()
    tab.link_button.click()
    assert screen.bar.kind == "refused" and "先搜索" in screen.bar.text
    QTest.keyClicks(tab.household_search, "ls")  # 李四 by pinyin initials
    qtbot.waitUntil(lambda: tab.household_choice.count() == 1)
    assert tab.household_choice.currentText().startswith("李四（")
    tab.link_button.click()
    qtbot.waitUntil(lambda: "已关联到农户 李四" in screen.bar.text)
    linked = {u.username: u for u in users.list_users(shop.db, shop.admin)}["zhaoming"]
    assert linked.household_id == shop.homes["李四"].id and linked.household.startswith("李四（")
    row = next(n for n, u in enumerate(tab.model.rows) if u.username == "zhaoming")
    qtbot.waitUntil(lambda: tab.model.index(row, 4).data() == linked.household)
    assert "李四" in tab.household_now.text()  # the selection survives the list's reload
    tab.unlink_button.click()
    qtbot.waitUntil(lambda: "已取消关联农户" in screen.bar.text)
    assert {u.username: u for u in users.list_users(shop.db, shop.admin)}["zhaoming"].household_id is None
    qtbot.waitUntil(lambda: tab.model.index(row, 4).data() == "")


def test_the_villages_threshold_and_a_new_group(make_shell, qtbot, shop):
    window, screen = settings_screen(make_shell, qtbot)
    tab = screen.village
    qtbot.waitUntil(lambda: tab.name.text() == "阿道村")
    tab.deduction_above.setValue(50)
    tab.awards.setCurrentIndex(tab.awards.findData("claims"))
    tab.save_button.click()
    approve(qtbot, screen)  # a threshold is the supervisor's to change
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert village.settings(shop.db).deduction_approval_above == 50
    assert village.settings(shop.db).on_claims
    tab.new_group.setText("新村")
    QTest.keyClick(tab.new_group, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.groups.count() == 4)
    homes = window.show_area("households")
    qtbot.waitUntil(lambda: homes.form_group.findText("新村") >= 0)


def test_the_notices_objection_phone_and_posting_days_are_set_in_the_window(make_shell, qtbot, shop):
    window, screen = settings_screen(make_shell, qtbot)
    tab = screen.village
    qtbot.waitUntil(lambda: tab.name.text() == "阿道村")
    tab.objection_phone.setText("0911-7654321")
    tab.notice_days.setValue(10)
    QTest.keyClick(tab.objection_phone, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    saved = village.settings(shop.db)
    assert saved.objection_phone == "0911-7654321" and saved.notice_days == 10


def test_the_honour_roll_names_households_that_lost_points_only_when_ticked(make_shell, qtbot, shop):
    window, screen = settings_screen(make_shell, qtbot)
    tab = screen.village
    qtbot.waitUntil(lambda: tab.name.text() == "阿道村")
    assert not tab.name_deductions.isChecked() and not village.settings(shop.db).name_deductions
    tab.name_deductions.setChecked(True)
    tab.save_button.click()
    approve(qtbot, screen)  # naming households on the board is the supervisor's to allow
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert village.settings(shop.db).name_deductions


def test_a_village_change_that_needs_a_supervisor_asks_for_one(make_shell, qtbot, shop):
    """A threshold raised is the supervisor's to approve: the service says so, the window asks."""
    from sqlalchemy import select

    from ledger.schema import Transaction

    window, screen = settings_screen(make_shell, qtbot)
    tab = screen.village
    qtbot.waitUntil(lambda: tab.name.text() == "阿道村")
    before = village.settings(shop.db).redemption_approval_above
    tab.redemption_above.setValue(800)
    tab.save_button.click()
    qtbot.waitUntil(lambda: getattr(screen, "approval_dialog", None) is not None and screen.approval_dialog.isVisible())
    assert screen.bar.kind == "info"
    assert village.settings(shop.db).redemption_approval_above == before, "nothing changes before the approval"
    dialog = screen.approval_dialog
    dialog.username.setText("lishuji")
    dialog.password.setText(SUPERVISOR_PASSWORD)
    dialog.ok.click()
    qtbot.waitUntil(lambda: screen.bar.kind == "done")
    assert village.settings(shop.db).redemption_approval_above == 800
    with shop.db.read() as session:
        approver = session.scalar(select(Transaction.approver).order_by(Transaction.seq.desc()).limit(1))
    assert approver == "lishuji"


def test_a_backup_and_a_restore_from_the_screen(make_shell, qtbot, shop, tmp_path):
    window, screen = settings_screen(make_shell, qtbot)
    tab = screen.backup
    screen.tabs.setCurrentWidget(tab)
    stick = tmp_path / "usb"
    tab.folder.setText(str(stick))
    tab.keep.setValue(2)
    tab.save_button.click()
    assert local_settings.load().backup_dir == str(stick)
    tab.backup_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=15000)
    assert "备份成功" in tab.last.text() and "校验通过" in screen.bar.text
    households.add(shop.db, shop.admin, "孙七", "富庄", 3)  # written after the backup
    from pos import awards

    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01")
    tab.view.selectRow(0)
    tab.restore_button.click()
    ok(screen)
    # A restore replaces the database: the supervisor approves it with their own password.
    qtbot.waitUntil(lambda: getattr(screen, "approval_dialog", None) is not None, timeout=15000)
    dialog = screen.approval_dialog
    QTest.keyClicks(dialog.username, "lishuji")
    QTest.keyClicks(dialog.password, SUPERVISOR_PASSWORD)
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(screen.confirm_box, "text", lambda: "")().startswith("这份备份止于"), timeout=15000)
    assert "丢掉 2 笔" in screen.confirm_box.text()  # the new household and its award
    assert shop.balance("张三") == 105  # nothing restored yet
    ok(screen)
    qtbot.waitUntil(lambda: "已恢复" in screen.bar.text, timeout=15000)
    assert shop.balance("张三") == 100
    assert [h.head_name for h in households.search(shop.db, shop.admin, "孙七")] == []
    for _ in range(3):
        tab.backup_button.click()
        qtbot.waitUntil(lambda: tab.backup_button.isEnabled(), timeout=15000)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)  # keeps the last two


def test_idle_lock_and_scanner_timing_are_saved_for_this_pc(make_shell, qtbot, shop):
    window, screen = settings_screen(make_shell, qtbot)
    tab = screen.computer
    tab.idle.setValue(3)
    tab.gap.setValue(80)
    tab.save_button.click()
    saved = local_settings.load()
    assert saved.idle_lock_minutes == 3 and saved.scan_gap_ms == 80
    assert window.idle.timer.interval() == 180_000 and window.scanner.gap_ms == 80


def test_the_printer_form_and_the_command_line_offer_what_the_printer_settings_declare(make_shell, qtbot, shop):
    from pos.cli.main import build_parser

    window, screen = settings_screen(make_shell, qtbot)
    form = screen.printer
    offered = {name: [box.itemData(i) for i in range(box.count())]
               for name, box in (("baudrate", form.baud), ("paper_mm", form.paper), ("flow", form.flow))}
    assert offered == {name: list(local_settings.choices(name)) for name in offered}
    assert form.paper.itemText(0) == "58 毫米"
    parser = build_parser()
    for option, name in (("--baud", "baudrate"), ("--bytesize", "bytesize"), ("--parity", "parity"),
                         ("--stopbits", "stopbits"), ("--flow", "flow"), ("--paper", "paper_mm")):
        for value in local_settings.choices(name):
            parser.parse_args(["printer", "setup", option, str(value)])
        with pytest.raises(SystemExit):
            parser.parse_args(["printer", "setup", option, "6"])


def test_the_settings_models_pass_the_model_tester(qtmodeltester, shop, tmp_path):
    from pos import backups
    from pos.receipts import queue as printqueue

    for model, rows in ((rules_model(), rules.list_rules(shop.db, shop.admin)),
                        (users_model(), users.list_users(shop.db, shop.admin)),
                        (jobs_model(), printqueue.jobs(shop.db, shop.admin)),
                        (copies_model(), [backups.backup_now(shop.db, shop.admin, tmp_path)] and backups.copies(tmp_path))):
        model.set_rows(rows)
        qtmodeltester.check(model)


def test_the_days_first_start_makes_a_backup_and_closing_makes_another(make_shell, qtbot, shop, app):
    from pos import backups
    from ui.settings.backups import start_automatic_backups

    window = make_shell()
    assert backups.due_today()
    start_automatic_backups(window)
    qtbot.waitUntil(lambda: not backups.due_today(), timeout=15000)
    qtbot.waitUntil(lambda: "上次备份" in window.backup_label.text())
    start_automatic_backups(window)  # a second start the same day: nothing new
    window.ops.wait()
    assert len(backups.copies()) == 1
    app.aboutToQuit.emit()
    window.exit_backup.stop()
    assert len(backups.copies()) == 2


def test_a_sale_at_the_counter_shows_at_once_in_the_print_queue_in_settings(make_shell, qtbot, shop):
    """The sale tells the window its receipt was queued, and the queue in 设置 is listening."""
    from tests.ui.test_counter import key, scan

    window, screen = settings_screen(make_shell, qtbot)
    queue = screen.printer.jobs
    qtbot.waitUntil(lambda: screen.ops.running == 0)
    before = [job.seq for job in queue.rows]
    counter = window.show_area("counter")
    qtbot.waitUntil(lambda: not counter.zones_empty())
    scan(window, shop.card("张三"))
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    scan(window, shop.soap.code)
    qtbot.waitUntil(lambda: counter.ops.running == 0 and counter.pending_reads == 0 and bool(counter.sale.lines))
    key(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: counter.last_seq is not None)
    qtbot.waitUntil(lambda: counter.last_seq in [job.seq for job in queue.rows], timeout=2000)
    assert counter.last_seq not in before


def test_the_users_and_the_queue_speak_the_windows_language(shop, qapp):
    from pos import redemption
    from pos.receipts import queue as printqueue

    redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, 1)])
    for lang, words in (("en", {"administrator", "supervisor"}), ("zh", {"管理员", "监督员"})):
        people = users_model(lang)
        people.set_rows(users.list_users(shop.db, shop.admin))
        assert {people.index(row, 2).data() for row in range(people.rowCount())} == words
    jobs = jobs_model("en")
    jobs.set_rows(printqueue.jobs(shop.db, shop.admin))
    assert jobs.rowCount() and {jobs.index(row, 2).data() for row in range(jobs.rowCount())} == {"waiting"}
