"""The supervisor's area, used as the first secretary uses it at the start of October."""

import re
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos import households, redemption, reversal
from pos.month import audit
from pos.month import closure
from pos.station import settings as local_settings
from pos.errors import PermissionDenied
from pos.periods import LOCAL
from tests import pdfs, tampering
from tests.pos.conftest import PASSWORD, SEPTEMBER, SUPERVISOR_PASSWORD, september_village
from tests.printing.paper import decode
from tests.ui.test_counter import scan
from ui import documents



@pytest.fixture
def shop(db):
    """The test village's September (a sale, and its reversal), seen on 2 October."""
    made = september_village(db, objection_phone="0911-1234567")
    clock = made.clock
    sale = redemption.redeem(db, made.admin, made.card("张三"), [redemption.CartItem(made.soap.code, 2)])
    redemption.redeem(db, made.admin, made.card("李四"), [redemption.CartItem(made.rice.code, 1)])
    reversal.reverse(db, made.admin, sale.seq, "顾客退回", made.approval)
    clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    return made


def settled(qtbot, screen):
    qtbot.waitUntil(lambda: screen.ops.running == 0, timeout=30_000)


@pytest.fixture
def supervisor_area(make_shell, qtbot):
    def open_as(actor, settings=None):
        window = make_shell(actor=actor, settings=settings)
        screen = window.show_area("supervisor")
        qtbot.waitUntil(lambda: screen.month != "")
        settled(qtbot, screen)
        return window, screen

    return open_as


def sign(qtbot, page, password, *, confirm=True):
    """The closing dialog: the supervisor's password typed, Enter; where the dialog asks to
    confirm this PC's date and time (the month's last transaction is weeks before its end),
    ``confirm`` ticks it."""
    qtbot.waitUntil(lambda: getattr(page, "close_dialog", None) is not None and page.close_dialog.isVisible())
    dialog = page.close_dialog
    if confirm and dialog.confirm_recent.isVisible():
        dialog.confirm_recent.setChecked(True)
    dialog.password.setText(password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    return dialog


def tab(qtbot, screen, page):
    screen.tabs.setCurrentWidget(page)
    settled(qtbot, screen)


def totals(page) -> dict[str, str]:
    return {f"{line.section}:{line.name}": line.value for line in page.lines}


def viewer_into(monkeypatch):
    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda path: opened.append(path) or True)
    return opened


def test_a_supervisor_sees_every_total_then_closes_the_month_once_and_prints_the_notice(
        supervisor_area, shop, qtbot, monkeypatch):
    window, screen = supervisor_area(shop.secretary)
    assert screen.month == SEPTEMBER and "下一个应当月结" in screen.month_state_label.text()
    page = screen.close_page
    tab(qtbot, screen, page)
    shown = totals(page)
    assert page.state.text().startswith("2026年9月 尚未月结")
    assert shown["本月:兑换（2 笔）"] == "28" and shown["本月:冲正：兑换"] == "8"
    assert shown["累计（从不清零）:在册积分余额"] == str(sum(shop.balance(h) for h in shop.homes))
    assert shown["累计（从不清零）:余额折合（元）"] == f"{3 * (400 - 20)}.00"
    assert shown["兑换分区:粮油区"] == "1 件，20 分"
    assert page.close_button.isVisible() and page.close_button.isEnabled()
    assert page.close_button.text() == "核对无误，月结 2026年9月"

    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    dialog = sign(qtbot, page, "not-the-password")
    qtbot.waitUntil(lambda: dialog.bar.kind == "refused")
    assert dialog.isVisible() and dialog.password.text() == ""
    assert closure.list_closures(shop.db, shop.secretary) == [], "nothing closes without the password"
    sign(qtbot, page, SUPERVISOR_PASSWORD)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # the second press does nothing
    settled(qtbot, screen)
    qtbot.waitUntil(lambda: screen.month_state is not None and screen.month_state.closure == 1)
    assert screen.bar.kind == "done" and "2026年9月 已月结：第 1 号" in screen.bar.text
    assert [c.month for c in closure.list_closures(shop.db, shop.secretary)] == [SEPTEMBER]
    settled(qtbot, screen)
    assert not page.close_button.isEnabled() and "已月结：第 1 号" in page.state.text()

    notice_page = screen.notice_page
    opened = viewer_into(monkeypatch)
    tab(qtbot, screen, notice_page)
    stored = closure.get(shop.db, shop.secretary, SEPTEMBER)
    assert notice_page.qr.text() == stored.qr_text
    assert not notice_page.image.pixmap().isNull() and notice_page.image.pixmap().width() > 500
    qtbot.mouseClick(notice_page.print_button, Qt.MouseButton.LeftButton)
    settled(qtbot, screen)
    assert len(opened) == 1 and opened[0].suffix == ".pdf"
    text = pdfs.text(opened[0])
    for expected in ("阿道村", "2026年9月", "张三", "李四", "王五", "赵六", "0911-1234567",
                     f"{stored.first_seq}", stored.last_hash[:16]):
        assert expected in text
    assert "公示已在 PDF 阅读器中打开" in screen.bar.text


def test_closing_shows_what_it_seals_and_the_times_and_asks_the_password(supervisor_area, shop, qtbot):
    window, screen = supervisor_area(shop.secretary)
    page = screen.close_page
    tab(qtbot, screen, page)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "close_dialog", None) is not None and page.close_dialog.isVisible())
    dialog = page.close_dialog
    sealed = {line.name: line.value for line in dialog.model.rows}
    assert sealed["兑换（2 笔）"] == "28" and "交易范围" in sealed
    assert "本机时间" in dialog.times.text() and "本月最后一笔交易" in dialog.times.text()
    assert dialog.password.echoMode() != dialog.password.EchoMode.Normal
    assert QApplication.focusWidget() is dialog.password or not dialog.isActiveWindow()
    dialog.reject()
    assert closure.list_closures(shop.db, shop.secretary) == [] and page.close_button.isEnabled()


def test_a_month_that_ended_less_than_a_day_ago_is_confirmed_before_it_closes(supervisor_area, shop, qtbot):
    shop.clock.now = datetime(2026, 10, 1, 8, 0, tzinfo=LOCAL)
    window, screen = supervisor_area(shop.secretary)
    page = screen.close_page
    tab(qtbot, screen, page)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    dialog = sign(qtbot, page, SUPERVISOR_PASSWORD, confirm=False)
    assert dialog.confirm_recent.isVisible() and dialog.bar.kind == "refused"
    assert closure.list_closures(shop.db, shop.secretary) == []
    assert "本机时间：2026-10-01 08:0" in dialog.times.text()
    dialog.confirm_recent.setChecked(True)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    settled(qtbot, screen)
    qtbot.waitUntil(lambda: [c.month for c in closure.list_closures(shop.db, shop.secretary)] == [SEPTEMBER])


def test_a_month_that_cannot_be_closed_says_why_on_the_page(supervisor_area, shop, qtbot):
    window, screen = supervisor_area(shop.secretary)
    screen.choose_month("2026-10")  # September first: months close in order
    tab(qtbot, screen, screen.close_page)
    assert "请先月结 2026-09" in screen.close_page.reason.text()
    assert not screen.close_page.close_button.isEnabled()
    closure.close(shop.db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD, confirm_recent=True)
    screen.load_months()
    settled(qtbot, screen)
    screen.close_page.refresh()  # still running on 2 October
    tab(qtbot, screen, screen.close_page)
    page = screen.close_page
    assert page.reason.isVisible() and "2026-10 还没有结束" in page.reason.text()
    assert screen.bar.kind == "refused" and QApplication.activeModalWidget() is None
    assert not page.close_button.isEnabled() and page.lines == []


def test_every_disagreement_shows_on_the_page_beside_the_totals(supervisor_area, shop, qtbot):
    # two households' balances edited behind the program's back
    tampering.edit(shop.db.file, *(f"UPDATE ledger_account SET balance = balance + 5 "
                                   f"WHERE code = 'card:{shop.card(head)}'" for head in ("张三", "李四")))
    window, screen = supervisor_area(shop.secretary)
    tab(qtbot, screen, screen.close_page)
    page = screen.close_page
    assert page.reason.isVisible() and "现在不能月结" in page.state.text()
    assert all(shop.card(head) in page.reason.text() for head in ("张三", "李四"))
    assert len(page.lines) > 10, "the totals stay in view"
    assert not page.close_button.isEnabled()
    page.close_month()  # even called directly, nothing is closed
    settled(qtbot, screen)
    assert closure.list_closures(shop.db, shop.secretary) == []


def test_an_administrator_sees_the_totals_and_the_notice_but_cannot_close_or_review(
        supervisor_area, shop, qtbot, monkeypatch):
    window, screen = supervisor_area(shop.admin)
    assert "supervisor" in window.buttons
    tab(qtbot, screen, screen.close_page)
    page = screen.close_page
    assert len(page.lines) > 10
    assert not page.close_button.isVisible() and page.admin_note.isVisible()
    page.close_month()  # even called directly, nothing is closed
    settled(qtbot, screen)
    assert closure.list_closures(shop.db, shop.admin) == []
    with pytest.raises(PermissionDenied):
        closure.close(shop.db, shop.admin, SEPTEMBER, password=PASSWORD)

    tab(qtbot, screen, screen.audit_page)
    audit_page = screen.audit_page
    assert audit_page.flags.rowCount() > 0
    audit_page.flags_view.selectRow(0)
    assert not audit_page.review_button.isVisible() and not audit_page.comment.isVisible()
    assert audit_page.admin_note.isVisible()

    closure.close(shop.db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD, confirm_recent=True)
    screen.load_months()
    settled(qtbot, screen)
    opened = viewer_into(monkeypatch)
    tab(qtbot, screen, screen.notice_page)
    qtbot.mouseClick(screen.notice_page.print_button, Qt.MouseButton.LeftButton)
    settled(qtbot, screen)
    assert len(opened) == 1 and "张三" in pdfs.text(opened[0])


def test_a_flag_is_reviewed_with_a_comment_that_stays_as_written(supervisor_area, shop, qtbot):
    window, screen = supervisor_area(shop.secretary)
    page = screen.audit_page
    assert screen.tabs.currentWidget() is page
    rules = [f.rule for f in page.flags.rows]
    assert "reversal" in rules
    page.flags_view.selectRow(rules.index("reversal"))
    assert "冲正" in page.flag_text.text() and page.reviews.rowCount() == 0

    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)  # no comment yet
    settled(qtbot, screen)
    assert screen.bar.kind == "refused" and screen.bar.text == "审核请写明意见。"
    assert QApplication.activeModalWidget() is None

    page.comment.setText("已核实：张三退回两袋洗衣粉，库存已回。")
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    settled(qtbot, screen)
    qtbot.waitUntil(lambda: page.reviews.rowCount() == 1)
    settled(qtbot, screen)
    flag = page._current_flag()
    assert flag.rule == "reversal" and flag.reviewed
    assert page.flags.index(page.flags.rows.index(flag), 0).data() == "已审核"
    assert [page.reviews.index(0, c).data() for c in (0, 2)] == ["李书记", "已核实：张三退回两袋洗衣粉，库存已回。"]
    assert not page.reviews.flags(page.reviews.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert page.comment.text() == ""
    stored = next(f for f in audit.report(shop.db, shop.secretary, SEPTEMBER).flags if f.rule == "reversal")
    assert [(r.reviewer, r.comment) for r in stored.reviews] == [("lishuji", "已核实：张三退回两袋洗衣粉，库存已回。")]


def test_the_audit_list_filters_by_kind_household_and_operator(supervisor_area, shop, qtbot):
    window, screen = supervisor_area(shop.secretary)
    page = screen.audit_page
    everything = page.entries.rowCount()
    page.choose(kind="redemption")
    assert page.entries.rowCount() == 2 and {e.kind for e in page.entries.rows} == {"redemption"}
    page.choose(household=shop.homes["张三"].id)
    kinds = sorted(e.kind for e in page.entries.rows)
    assert kinds == ["card_issue", "redemption", "reversal"]
    assert all("张三" in page.entries.index(r, 4).data() for r in range(page.entries.rowCount()))
    # the village's setup and the supervisor's approvals of it are operations in the audit too
    offered = [page.operator.itemText(i) for i in range(page.operator.count())]
    assert offered[0] == "全部操作员" and "王芳" in offered and "李书记" in offered
    page.choose(operator="wangfang")
    wangfangs = page.entries.rowCount()
    assert 0 < wangfangs < everything and {e.operator for e in page.entries.rows} == {"wangfang"}
    page.choose(operator="wangfang", day=date(2026, 9, 5))
    assert page.entries.rowCount() == wangfangs and {e.operator for e in page.entries.rows} == {"wangfang"}
    page.choose(day=date(2026, 9, 6))  # a day with no work is not offered: the filter shows everything
    assert page.day.currentIndex() == 0
    page.choose()
    assert page.entries.rowCount() == everything and "共 %d 项" % everything in page.entries_title.text()


def test_a_villager_asks_for_their_month_and_the_card_scan_fills_it_in(supervisor_area, shop, qtbot, monkeypatch):
    window, screen = supervisor_area(shop.secretary)
    page = screen.statement_page
    opened = viewer_into(monkeypatch)
    tab(qtbot, screen, page)
    assert screen.accepts_scans
    scan(window, shop.card("张三"))
    qtbot.waitUntil(lambda: page.lines.rowCount() > 0)
    settled(qtbot, screen)
    assert page.head.text() == "张三（啊道）2026年9月：期初 0 分，3 笔，期末 100 分"
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    settled(qtbot, screen)
    text = pdfs.text(opened[0])
    assert "张三" in text and "洗衣粉" in text


def test_the_auditors_export_goes_into_a_new_folder_in_the_chosen_one(supervisor_area, shop, qtbot, tmp_path):
    closure.close(shop.db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD, confirm_recent=True)
    window, screen = supervisor_area(shop.secretary)
    page = screen.export_page
    tab(qtbot, screen, page)
    page.folder.setText(str(tmp_path))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    settled(qtbot, screen)
    out = tmp_path / "阿道村-2026-09-审计导出"
    assert (out / "month.xlsx").exists() and (out / "verify_export.py").exists()
    assert (out / "audit_flags.csv").read_text(encoding="utf-8-sig").count("\n") > 1
    assert screen.bar.kind == "done" and str(out) in screen.bar.text
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)  # a second export never mixes files
    settled(qtbot, screen)
    assert (tmp_path / "阿道村-2026-09-审计导出-2" / "month.xlsx").exists()


def test_every_table_of_the_supervisors_area_passes_the_model_tester(supervisor_area, shop, qtbot, qtmodeltester):
    window, screen = supervisor_area(shop.secretary)
    page = screen.audit_page
    page.flags_view.selectRow([f.rule for f in page.flags.rows].index("reversal"))
    page.comment.setText("看过了")
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    settled(qtbot, screen)
    qtbot.waitUntil(lambda: page.reviews.rowCount() == 1)
    tab(qtbot, screen, screen.close_page)
    tab(qtbot, screen, screen.statement_page)
    screen.statement_page.card.setText(shop.card("李四"))
    screen.statement_page.refresh()
    settled(qtbot, screen)
    models = [page.entries, page.flags, page.reviews, *screen.close_page.models.values(), screen.statement_page.lines]
    assert all(model.rowCount() > 0 for model in models)
    for model in models:
        qtmodeltester.check(model)
    assert households.get(shop.db, shop.admin, shop.homes["李四"].id).balance == 80


def slip_for(window, screen, qtbot, card):
    """A villager's card scanned on the statement page, and their month asked for as a slip."""
    page = screen.statement_page
    tab(qtbot, screen, page)
    scan(window, card)
    qtbot.waitUntil(lambda: page.slip_button.isEnabled())
    qtbot.mouseClick(page.slip_button, Qt.MouseButton.LeftButton)
    settled(qtbot, screen)


def test_the_villagers_month_prints_as_a_slip_on_the_receipt_printer(supervisor_area, shop, qtbot, fake_printer):
    window, screen = supervisor_area(shop.admin, local_settings.Settings(
        printer=local_settings.PrinterSettings(port=fake_printer.port)))
    slip_for(window, screen, qtbot, shop.card("李四"))
    assert screen.bar.kind == "done" and screen.bar.text == "李四 的本月明细小票已打印。"
    paper = decode(fake_printer.printed(), 32)
    assert any("李四" in row for row in paper.text)
    assert any("期末余额" in row and row.rstrip().endswith("80") for row in paper.text) and paper.cuts == 1


def test_an_english_window_prints_the_villagers_month_in_english(supervisor_area, shop, qtbot, fake_printer, ops,
                                                                  monkeypatch):
    monkeypatch.setattr(ops, "lang", "en")  # the window's language, as the English window has it
    window, screen = supervisor_area(shop.admin, local_settings.Settings(
        language="en", printer=local_settings.PrinterSettings(port=fake_printer.port)))
    slip_for(window, screen, qtbot, shop.card("李四"))
    assert screen.bar.kind == "done"
    assert [row.kind for row in screen.statement_page.lines.rows] == ["card issued", "redemption"]
    paper = decode(fake_printer.printed(), 32)
    assert any(row.startswith("Closing balance") and row.rstrip().endswith("80") for row in paper.text)
    assert not any("期末余额" in row or "积分明细" in row for row in paper.text)


def test_a_slip_without_a_receipt_printer_says_so_in_the_bar(supervisor_area, shop, qtbot):
    window, screen = supervisor_area(shop.admin)
    slip_for(window, screen, qtbot, shop.card("李四"))
    assert screen.bar.kind == "refused"
    assert screen.bar.text == "这台电脑还没有设置小票打印机，不能打印明细小票；可以打印 PDF 明细。"
    assert QApplication.activeModalWidget() is None


def test_the_supervisor_prints_the_months_honour_roll_beside_the_notice(supervisor_area, shop, qtbot, monkeypatch):
    from pos import awards

    shop.clock.now = datetime(2026, 9, 26, 10, 0, tzinfo=LOCAL)  # a Saturday of September, in opening hours
    points = awards.award(shop.db, shop.admin, shop.homes["张三"].id, "L01").points
    shop.clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    closure.close(shop.db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD, confirm_recent=True)
    window, screen = supervisor_area(shop.secretary)
    opened = viewer_into(monkeypatch)
    page = screen.notice_page
    tab(qtbot, screen, page)
    assert page.honour_button.isEnabled()
    qtbot.mouseClick(page.honour_button, Qt.MouseButton.LeftButton)
    settled(qtbot, screen)
    assert len(opened) == 1 and opened[0].name.startswith("光荣榜")
    text = pdfs.text(opened[0])
    assert "光荣榜" in text and "2026年9月 · 全村" in text
    assert re.search(rf"第\s*1\s*名\s+啊道\s+张三\s+\d{{4}}\s+{points}", text)
    assert "光荣榜已在 PDF 阅读器中打开" in screen.bar.text
