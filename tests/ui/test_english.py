"""The whole window in English: every screen, every tab, as an administrator and as the
first secretary. Nothing the window says may be left in Chinese (only the village's data:
names, groups, goods, rules, donors), and no button's words may be wider than the button."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton,
    QSpinBox, QTabBar, QWidget,
)


from pos import redemption, reversal, rules, wishes
from pos.month import closure
from pos.month.notice import mask
from pos.periods import LOCAL
from pos.station import settings as local_settings
from tests.pos.conftest import SUPERVISOR_PASSWORD, september_village
from tests.ui.test_counter import scan
from ui import app as ui_app

HAN = re.compile(r"[\u3400-\u9fff\uff08\uff09\uff0c\u3001\u3002\uff1a]")
TAGS = re.compile(r"<[^>]+>")


@pytest.fixture
def english(qapp, ops):
    ui_app.install_translations(qapp, "en")
    ops.lang = "en"
    yield
    ui_app.install_translations(qapp, "zh")
    ops.lang = "zh"


@pytest.fixture
def shop(db):
    made = september_village(db, objection_phone="0911-1234567")
    sale = redemption.redeem(db, made.admin, made.card("张三"), [redemption.CartItem(made.soap.code, 2)])
    reversal.reverse(db, made.admin, sale.seq, "顾客退回", made.approval)
    wishes.add(db, made.admin, made.homes["李四"].id, "想要一个新书包", "学习用品")
    made.clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    return made


def data_words(shop) -> list[str]:
    """What the village typed: shown as it was typed, in any language."""
    words = ["阿道村", "阿道村爱心超市", "啊道", "富庄", "杜河沟", "张三", "李四", "王五", "赵六", "王芳", "李书记",
             "周书记", "赵明", "大米 10kg", "洗衣粉", "电风扇", "袋", "台", "件", "宜川县鑫源商贸有限公司", "顾客退回",
             "想要一个新书包", "每周六 9:00-12:00", "中文"]  # 中文: the language's own name, to choose it
    for rule in rules.list_rules(shop.db, shop.admin, include_inactive=True):
        words += [rule.name, rule.category]
    words += [mask(name) for name in ("张三", "李四", "王五", "赵六")]  # as the notice and the wall hide them
    return sorted(set(words), key=len, reverse=True)


def texts_of(root: QWidget):
    """Every text a person can see in ``root``: (where, text)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QLabel):
            yield name, TAGS.sub("", widget.text())
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            yield name, widget.placeholderText()
            yield name, widget.text()
        elif isinstance(widget, QSpinBox):
            yield name, widget.prefix() + widget.suffix()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield name, widget.itemText(i)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield name, widget.tabText(i)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns, rows = model.columnCount(QModelIndex()), model.rowCount(QModelIndex())
            except TypeError:  # a list widget's own model: its items are read as its rows
                columns, rows = 1, model.rowCount()
            for column in range(columns):
                yield name, str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                for row in range(min(rows, 8)):
                    yield name, str(model.index(row, column).data() or "")


def clipped(root: QWidget):
    """Visible buttons whose words are wider than the button."""
    for button in root.findChildren(QPushButton):
        if not button.isVisibleTo(root) or not button.text():
            continue
        lines = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&").split("\n")
        needed = max(button.fontMetrics().horizontalAdvance(line) for line in lines) + 12
        if needed > button.width():
            yield f"{button.objectName() or button.text()!r}: {needed} > {button.width()}"


def mnemonics(root: QWidget):
    """Visible buttons and tabs whose "&" Qt would take for a shortcut and not show ("Backup & restore")."""
    lone = re.compile(r"(?<!&)&(?!&)")
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and lone.search(button.text().replace("&&", "")):
            yield f"{button.objectName() or button.text()!r}"
    for bar in root.findChildren(QTabBar):
        for i in range(bar.count()):
            if bar.isVisibleTo(root) and lone.search(bar.tabText(i).replace("&&", "")):
                yield f"tab {bar.tabText(i)!r}"


def squeezed_sidebar(window):
    """Area buttons narrower than their words: the sidebar gives way to a screen that wants width."""
    for key, button in window.sidebar.buttons.items():
        if button.width() < button.sizeHint().width():
            yield f"{key}: {button.width()} < {button.sizeHint().width()}"


def chinese_left(root: QWidget, words: list[str]):
    for where, text in texts_of(root):
        for word in words:
            text = text.replace(word, "")
        if HAN.search(text):
            yield f"{where}: {text!r}"


def walk(window, qtbot, words):
    problems: list[str] = []

    def look(what: str) -> None:
        qtbot.wait(150)
        window.ops.wait()
        qtbot.wait(50)
        problems.extend(f"[{what}] {p}" for p in chinese_left(window, words))
        problems.extend(f"[{what}] clipped {p}" for p in clipped(window))
        problems.extend(f"[{what}] '&' eaten in {p}" for p in mnemonics(window))
        problems.extend(f"[{what}] sidebar squeezed {p}" for p in squeezed_sidebar(window))

    for area in window.areas:
        screen = window.show_area(area.key)
        look(area.key)
        tabs = getattr(screen, "tabs", None)
        for number in range(tabs.count() if tabs is not None else 0):
            tabs.setCurrentIndex(number)
            look(f"{area.key} tab {number}")
    return problems


@pytest.mark.parametrize("who", ["admin", "secretary"])
def test_every_screen_speaks_english_and_no_button_is_clipped(english, make_shell, qtbot, shop, who):
    window = make_shell(actor=getattr(shop, who), settings=local_settings.Settings(language="en"))
    problems = walk(window, qtbot, data_words(shop))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(dict.fromkeys(problems))


def look(window, qtbot, words, what: str) -> list[str]:
    qtbot.wait(150)
    window.ops.wait() if hasattr(window, "ops") else None
    qtbot.wait(50)
    return ([f"[{what}] {p}" for p in chinese_left(window, words)]
            + [f"[{what}] clipped {p}" for p in clipped(window)])


def close_september(shop) -> None:
    """September closed, as the first secretary closes it (with their password, once asked)."""
    closure.close(shop.db, shop.secretary, "2026-09", password=SUPERVISOR_PASSWORD, confirm_recent=True)


def test_the_counter_the_questions_and_the_dialogs_speak_english(english, make_shell, qtbot, shop, ops):
    from ui.login import LoginDialog
    from ui.setup import SetupDialog

    words = data_words(shop)
    window = make_shell(settings=local_settings.Settings(language="en"))
    counter = window.current_screen()
    qtbot.waitUntil(lambda: not counter.zones_empty())
    scan(window, shop.card("张三"))
    qtbot.waitUntil(lambda: counter.sale.here is not None)
    scan(window, shop.soap.code)
    qtbot.waitUntil(lambda: bool(counter.sale.lines))
    problems = look(window, qtbot, words, "counter with a sale")
    scan(window, shop.card("李四"))
    qtbot.waitUntil(lambda: getattr(counter, "question", None) is not None and counter.question.isVisible())
    problems += look(counter.question, qtbot, words, "another card")
    counter.question.reject()
    counter.recent_button.setChecked(True)
    problems += look(window, qtbot, words, "recent")
    window.lock()
    problems += look(window, qtbot, words, "locked")
    window.lock_page.password.setText("counter-1")
    window.lock_page.form.submit()
    qtbot.waitUntil(lambda: not window.locked)

    homes = window.show_area("households")
    qtbot.waitUntil(lambda: homes.model.rowCount() > 0)
    homes.view.selectRow(0)
    homes.statement()
    problems += look(homes.statement_dialog, qtbot, words, "statement")
    homes.statement_dialog.close()
    homes.open_import()
    problems += look(homes.import_dialog, qtbot, words, "import")
    homes.import_dialog.close()
    wall = window.show_area("wishes")
    wall.show_as(cards=True)
    problems += look(window, qtbot, words, "wish cards")

    secretary = make_shell(actor=shop.secretary, settings=local_settings.Settings(language="en"))
    area = secretary.show_area("supervisor")
    qtbot.waitUntil(lambda: area.month != "")
    area.tabs.setCurrentWidget(area.close_page)
    qtbot.waitUntil(lambda: area.close_page.close_button.isEnabled())
    area.close_page.close_button.click()
    qtbot.waitUntil(lambda: getattr(area.close_page, "close_dialog", None) is not None)
    problems += look(area.close_page.close_dialog, qtbot, words, "close dialog")
    area.close_page.close_dialog.reject()
    close_september(shop)
    area.load_months()
    qtbot.waitUntil(lambda: area.month_state is not None and area.month_state.closure == 1)
    area.tabs.setCurrentWidget(area.notice_page)
    qtbot.waitUntil(lambda: bool(area.notice_page.info.text()), timeout=20_000)
    problems += look(secretary, qtbot, words, "notice")
    wishes_area = secretary.show_area("wishes")
    qtbot.waitUntil(lambda: bool(wishes_area.rows))
    wishes_area.pick(wishes_area.rows[0].id)
    problems += look(secretary, qtbot, words, "a wish to claim")

    from ui.asking import ApprovalDialog

    approval = ApprovalDialog("Deduction of 30 points needs a supervisor's approval.", window)
    approval.show()
    problems += look(approval, qtbot, words, "approval")
    approval.close()
    login = LoginDialog(shop.db, ops, "阿道村爱心超市")
    qtbot.addWidget(login)
    login.show()
    problems += look(login, qtbot, words, "login")
    login.close()
    setup = SetupDialog(shop.db, ops)
    qtbot.addWidget(setup)
    setup.show()
    problems += look(setup, qtbot, words, "setup")
    setup.close()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(dict.fromkeys(problems))


def test_the_papers_printed_from_the_english_window_speak_english(english, make_shell, qtbot, shop, monkeypatch):
    """Point cards, goods labels, the blank round sheet and the wish wall, printed from the English
    window: their own words in English, only the village's data as it was typed."""
    from tests import pdfs
    from ui import documents

    opened = []
    monkeypatch.setattr(documents, "open_in_viewer", lambda path: opened.append(path) or True)
    words = data_words(shop)
    window = make_shell(settings=local_settings.Settings(language="en"))

    def printed(button) -> str:
        before = len(opened)
        button.click()
        qtbot.waitUntil(lambda: len(opened) > before, timeout=15_000)
        text = pdfs.text(opened[-1])
        assert pdfs.chinese_besides(text, *words) == "", opened[-1].name
        return text

    homes = window.show_area("households")
    qtbot.waitUntil(lambda: homes.model.rowCount() > 0)
    homes.sheet_scope.setCurrentIndex(homes.sheet_scope.findData("all"))
    assert "Point card" in printed(homes.sheet_button)
    goods = window.show_area("goods")
    qtbot.waitUntil(lambda: goods.catalogue.model.rowCount() > 0)
    text = printed(goods.catalogue.labels_button)
    assert "toiletries" in text and "pts/" in text
    hygiene = window.show_area("hygiene")
    qtbot.waitUntil(lambda: hygiene.model.rowCount() > 0)
    text = printed(hygiene.sheet_button)
    assert "Household head" in text and "Notes" in text
    wall = window.show_area("wishes")
    qtbot.waitUntil(lambda: wall.ops.running == 0)
    text = printed(wall.print_button)
    assert "Wish wall" in text and "school things" in text
