"""The counter (兑换收银): a household's card, goods into the cart, confirm once, the receipt.

Keyboard only, end to end:

- a scan goes to the sale wherever the focus is (``ui.scanner``): a card
  shows the household, goods add a line (the same goods again: +1);
- F2: the field for a card number or a household's name / pinyin initials
  (``zs`` finds 张三); F3: goods by name or initials; the zone tabs hold
  large buttons for goods without a barcode;
- ``+`` / ``-`` change the selected line, ``Del`` removes it, ``Esc`` clears
  the sale (asking only when it has lines);
- F12 (or the big button) confirms once: the button is disabled while the
  call runs, a second F12 does nothing, and the call carries a one-time
  token so that even a repeated submit makes one redemption.

Routine refusals (a misread or lost card, not enough points or stock) go to
the counter's message bar in red with a sound, never to a modal box.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QObject, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QScrollArea, QSizePolicy, QTabWidget, QTableView, QVBoxLayout, QWidget,
)

from pos import counter as counter_service, goods as goods_service, households, messages, redemption
from pos.receipts import printer as receipt_printer
from pos.receipts import queue as printqueue
from pos.errors import ShopError
from pos.redemption import CartItem
from pos.service import Approval
from ui.messagebar import MessageBar
from ui.models import Column, RowsModel
from ui.scanner import no_input_method
from ui.shell import Area, Screen, register
from ui.sizes import pt, px

MAX_QUANTITY = redemption.MAX_QUANTITY
APPROVAL_KEYS = {"login_wrong", "login_wait", "login_locked", "self_approval", "approver_not_supervisor",
                 "needs_approval"}


@dataclass(frozen=True)
class CartLine:
    code: str
    name: str
    unit: str
    unit_points: int
    quantity: int
    stock: int

    @property
    def points(self) -> int:
        return self.unit_points * self.quantity


@dataclass
class Sale:
    """One open sale: whose card, which lines, and the token its confirm will carry."""

    here: counter_service.AtCounter | None = None
    lines: list[CartLine] | None = None
    token: str = ""

    def __post_init__(self):
        self.lines = self.lines or []
        self.token = self.token or uuid.uuid4().hex


ZONE_TABS = {"家用电器区": "家电"}  # six tabs must fit beside the cart at 1366×768 and 150 %


def zone_title(zone: str, lang: str) -> str:
    if lang == "en":
        return messages.stored(zone, lang)
    return ZONE_TABS.get(zone, zone.removesuffix("区"))


def _font(widget, size: float, bold: bool = False):
    font = widget.font()
    font.setPointSizeF(pt(size))
    font.setBold(bold)
    widget.setFont(font)
    return widget


class SearchBox(QWidget):
    """A field with a list of matches under it: Up/Down move, Enter picks."""

    picked = Signal(object)  # the row (a frozen dataclass)
    entered = Signal(str)  # Enter with no list shown

    def __init__(self, columns, placeholder: str, parent=None):
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(placeholder)
        self.field.setClearButtonEnabled(True)
        self.model = RowsModel(columns, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.hide()
        self.view.doubleClicked.connect(lambda index: self.picked.emit(self.model.row(index.row())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.view)
        self.field.installEventFilter(self)
        self.field.returnPressed.connect(self._enter)

    def show_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.view.setVisible(bool(rows))
        if rows:
            self.view.selectRow(0)

    def hide_rows(self) -> None:
        self.model.set_rows([])
        self.view.hide()

    def _enter(self) -> None:
        if self.view.isVisible() and self.model.rowCount():
            row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else 0
            self.picked.emit(self.model.row(row))
        else:
            self.entered.emit(self.field.text().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress and self.view.isVisible():
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step:
                current = self.view.currentIndex().row()
                self.view.selectRow(max(0, min(self.model.rowCount() - 1, current + step)))
                return True
        return False


class ApprovalDialog(QDialog):
    """A supervisor approves a redemption above the village's threshold, with their own password."""

    def __init__(self, parent, total: int, threshold: int):
        super().__init__(parent)
        self.setWindowTitle(self.tr("监督员审批"))
        self.setMinimumWidth(px(520))
        text = QLabel(self.tr("这笔兑换共 %1 分，超过本村 %2 分的审批线。\n请监督员输入自己的用户名和密码。")
                      .replace("%1", str(total)).replace("%2", str(threshold)), self)
        text.setWordWrap(True)
        _font(text, 14)
        self.username = QLineEdit(self)
        self.username.setObjectName("approverName")
        self.password = QLineEdit(self)
        self.password.setObjectName("approverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        no_input_method(self.username, self.password)
        self.bar = MessageBar(self)
        self.ok = QPushButton(self.tr("审批并兑换"), self)
        self.ok.setObjectName("approveButton")
        self.ok.setMinimumHeight(px(44))
        cancel = QPushButton(self.tr("取消"), self)
        cancel.clicked.connect(self.reject)
        for button in (self.ok, cancel):  # Enter in the name field must not press either
            button.setAutoDefault(False)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("监督员用户名"), self), 0, 0)
        grid.addWidget(self.username, 0, 1)
        grid.addWidget(QLabel(self.tr("密码"), self), 1, 0)
        grid.addWidget(self.password, 1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(grid)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self.username.returnPressed.connect(self.password.setFocus)
        self.username.setFocus()

    def approval(self) -> Approval:
        return Approval(self.username.text().strip(), self.password.text())


class CounterScreen(Screen):
    accepts_scans = True

    def __init__(self, shell):
        super().__init__(shell)
        self.setObjectName("counter")
        self.sale = Sale()
        self.kept: dict[str, Sale] = {}  # open sales kept for users who handed over the window
        self.confirming = False
        self.waiting_scans: list[str] = []
        self.last_seq: int | None = None
        self.pending_reads = 0
        self._build()
        self._keys()
        self._show_sale()

    # --- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 6)
        outer.setSpacing(6)

        # Who: the card / name field, the household, the balance in large type.
        who = QFrame(self)
        who.setObjectName("household")
        who.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(who)
        find = QVBoxLayout()
        self.find = SearchBox([Column(QT_TRANSLATE_NOOP("RowsModel", "户主"), lambda h: h.head_name),
                               Column(QT_TRANSLATE_NOOP("RowsModel", "小组"), lambda h: h.group),
                               Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda h: str(h.balance), right=True)],
                              self.tr("刷卡，或输入卡号、姓名、拼音首字母（F2）"), who)
        self.find.field.setObjectName("findHousehold")
        self.find.view.setMaximumHeight(px(150))
        _font(self.find.field, 13)
        find.addWidget(self.find)
        self.recent_button = QPushButton(self.tr("近期记录"), who)
        self.recent_button.setObjectName("recentButton")
        self.recent_button.setCheckable(True)
        find.addWidget(self.recent_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(find, 3)
        self.household_label = _font(QLabel(who), 17, True)
        self.household_label.setObjectName("householdName")
        self.household_label.setWordWrap(True)
        self.card_label = _font(QLabel(who), 12)
        self.card_label.setObjectName("cardNumber")
        details = QVBoxLayout()
        details.addWidget(self.household_label)
        details.addWidget(self.card_label)
        details.addStretch(1)
        row.addLayout(details, 3)
        balance_box = QVBoxLayout()
        caption = _font(QLabel(self.tr("现有积分"), who), 12)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.balance_label = _font(QLabel("—", who), 40, True)
        self.balance_label.setObjectName("balance")
        self.balance_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.balance_label.setStyleSheet("color:#0b4f8a;")
        balance_box.addWidget(caption)
        balance_box.addWidget(self.balance_label)
        row.addLayout(balance_box, 2)
        outer.addWidget(who)

        self.recent_model = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "流水号"), lambda r: str(r.seq), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda r: r.at.astimezone().strftime("%Y-%m-%d %H:%M")),
            Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda r: messages.kind(r.kind, self.ops.lang)),
            Column(QT_TRANSLATE_NOOP("RowsModel", "说明"), lambda r: r.memo),
            Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda r: f"{r.points:+d}", right=True),
        ], parent=self)
        self.recent_view = self._table(self.recent_model)
        self.recent_view.setMaximumHeight(px(170))
        self.recent_view.hide()
        outer.addWidget(self.recent_view)

        # What: the cart on the left, goods without a barcode on the right.
        middle = QHBoxLayout()
        self.cart_model = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "商品"), lambda l: l.name),
            Column(QT_TRANSLATE_NOOP("RowsModel", "单价"), lambda l: f"{l.unit_points}", right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "数量"), lambda l: f"{l.quantity} {l.unit}", right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda l: str(l.points), right=True),
        ], parent=self)
        self.cart_view = self._table(self.cart_model)
        self.cart_view.setObjectName("cart")
        self.cart_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        _font(self.cart_view, 14)
        self.cart_view.verticalHeader().setDefaultSectionSize(px(38))
        header = self.cart_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(px(90))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        middle.addWidget(self.cart_view, 3)

        shelf = QVBoxLayout()
        self.goods_search = SearchBox([
            Column(QT_TRANSLATE_NOOP("RowsModel", "商品"), lambda g: g.name),
            Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda g: str(g.price_points), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "库存"), lambda g: str(g.stock), right=True),
        ], self.tr("找商品：名称或拼音首字母（F3）"), self)
        self.goods_search.field.setObjectName("findGoods")
        self.goods_search.view.setMaximumHeight(px(180))
        shelf.addWidget(self.goods_search)
        self.zones = QTabWidget(self)
        self.zones.setObjectName("zones")
        self.zone_grids: dict[str, QGridLayout] = {}
        for zone in goods_service.ZONES:
            page = QWidget()
            grid = QGridLayout(page)
            grid.setAlignment(Qt.AlignmentFlag.AlignTop)
            scroll = QScrollArea(self.zones)
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.zones.addTab(scroll, zone_title(zone, self.ops.lang))
            self.zones.setTabToolTip(self.zones.count() - 1, zone)
            self.zone_grids[zone] = grid
        self.zones.tabBar().setExpanding(False)
        self.zones.setUsesScrollButtons(True)
        shelf.addWidget(self.zones, 1)
        middle.addLayout(shelf, 2)
        outer.addLayout(middle, 1)

        keys = QHBoxLayout()
        self.plus_button = QPushButton(self.tr("数量＋（+）"), self)
        self.minus_button = QPushButton(self.tr("数量－（-）"), self)
        self.remove_button = QPushButton(self.tr("删除（Del）"), self)
        self.clear_button = QPushButton(self.tr("清空（Esc）"), self)
        self.reprint_button = QPushButton(self.tr("重印小票"), self)
        self.reprint_button.setObjectName("reprintButton")
        self.slip_button = QPushButton(self.tr("查询积分"), self)
        self.slip_button.setObjectName("slipButton")
        for button in (self.plus_button, self.minus_button, self.remove_button, self.clear_button,
                       self.reprint_button, self.slip_button):
            button.setMinimumHeight(px(40))
            keys.addWidget(button)
        outer.addLayout(keys)
        outer.addWidget(self.bar)

        # How much: always visible, large.
        totals = QFrame(self)
        totals.setObjectName("totals")
        totals.setFrameShape(QFrame.Shape.StyledPanel)
        line = QHBoxLayout(totals)
        self.total_label = _font(QLabel(totals), 26, True)
        self.total_label.setObjectName("total")
        self.after_label = _font(QLabel(totals), 17, True)
        self.after_label.setObjectName("balanceAfter")
        self.yuan_label = _font(QLabel(totals), 12)
        self.yuan_label.setObjectName("yuan")
        no_cash = _font(QLabel(self.tr("积分不兑换现金"), totals), 12, True)
        no_cash.setStyleSheet("color:#a4000f;")
        figures = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.total_label)
        top.addSpacing(24)
        top.addWidget(self.after_label)
        top.addStretch(1)
        figures.addLayout(top)
        bottom = QHBoxLayout()
        bottom.addWidget(self.yuan_label)
        bottom.addSpacing(24)
        bottom.addWidget(no_cash)
        bottom.addStretch(1)
        figures.addLayout(bottom)
        line.addLayout(figures, 1)
        confirm_box = QVBoxLayout()
        self.confirm_button = _font(QPushButton(self.tr("确认兑换（F12）"), totals), 18, True)
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setMinimumSize(px(250), px(64))
        self.confirm_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.confirm_button.setStyleSheet(
            "QPushButton#confirm { background:#2e7d32; color:white; border-radius:6px; }"
            " QPushButton#confirm:disabled { background:#c8cdd2; color:#555; }")
        self.reason_label = _font(QLabel(totals), 11)
        self.reason_label.setObjectName("reason")
        self.reason_label.setStyleSheet("color:#a4000f;")
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label.setWordWrap(True)
        self.reason_label.setMaximumWidth(px(330))
        confirm_box.addWidget(self.confirm_button)
        confirm_box.addWidget(self.reason_label)
        line.addLayout(confirm_box)
        outer.addWidget(totals)

        no_input_method(self, self.cart_view, self.find.field, self.goods_search.field, self.zones)
        self.find.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)  # names are Chinese
        self.goods_search.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.find.entered.connect(self._find_entered)
        self.find.picked.connect(self._household_picked)
        self.find.field.textEdited.connect(self._find_edited)
        self.goods_search.field.textEdited.connect(self._goods_edited)
        self.goods_search.picked.connect(self._goods_picked)
        self.goods_search.entered.connect(lambda text: text and self.scan_goods(text))
        self.recent_button.toggled.connect(self._toggle_recent)
        self.plus_button.clicked.connect(lambda: self.change_quantity(1))
        self.minus_button.clicked.connect(lambda: self.change_quantity(-1))
        self.remove_button.clicked.connect(self.remove_line)
        self.clear_button.clicked.connect(self.clear_sale)
        self.confirm_button.clicked.connect(self.confirm)
        self.reprint_button.clicked.connect(self.reprint_last)
        self.slip_button.clicked.connect(self.print_slip)

    def _table(self, model) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _keys(self) -> None:
        def key(sequence, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
            return shortcut

        key("F2", self.focus_find)
        key("F3", self.focus_goods)
        key("F12", self.confirm)
        key("+", lambda: self.change_quantity(1))
        key("=", lambda: self.change_quantity(1))
        key("-", lambda: self.change_quantity(-1))
        key(QKeySequence.StandardKey.Delete, self.remove_line)
        key("Escape", self.clear_sale)

    # --- the shell's hooks -------------------------------------------------------------------
    def shown(self) -> None:
        if self.zones_empty():
            self.load_shelf()
        self.cart_view.setFocus()

    def zones_empty(self) -> bool:
        return all(grid.count() == 0 for grid in self.zone_grids.values())

    def on_changed(self, areas) -> None:
        if areas & {"goods", "ledger"}:
            self.load_shelf()
        if "ledger" in areas and self.sale.here is not None and not self.confirming:
            self._reload_household()

    def actor_changed(self, old, new) -> None:
        if self.sale.lines or self.sale.here is not None:
            self.kept[old.username] = self.sale
        self.sale = self.kept.pop(new.username, Sale())
        self.bar.clear()
        self._show_sale()

    # --- scans -------------------------------------------------------------------------------
    def scan(self, code: str) -> None:
        if self.confirming:
            self.waiting_scans.append(code)
            return
        if counter_service.is_card_number(code):
            self.scan_card(code)
        else:
            self.scan_goods(code)

    def scan_card(self, number: str) -> None:
        self.find.hide_rows()
        self.find.field.clear()
        self._read(lambda: counter_service.household_for_card(self.db, self.actor, number), self._household_shown)

    def scan_goods(self, code: str) -> None:
        self._read(lambda: counter_service.goods_for_code(self.db, self.actor, code), self.add_goods)

    def _read(self, call, done) -> None:
        self.pending_reads += 1

        def finished(result):
            self.pending_reads -= 1
            done(result)

        def refused(_error):
            self.pending_reads -= 1

        self.ops.read(call, bar=self.bar, done=finished, failed=refused)

    # --- the household -----------------------------------------------------------------------
    def focus_find(self) -> None:
        self.find.field.setFocus()
        self.find.field.selectAll()

    def _find_entered(self, text: str) -> None:
        if not text:
            return
        if counter_service.is_card_number(text):
            self.scan_card(text)
        else:
            self._find_edited(text)

    def _find_edited(self, text: str) -> None:
        text = text.strip()
        if not text or text.isdigit():
            self.find.hide_rows()
            return
        self.ops.read(lambda: households.search(self.db, self.actor, text, limit=30), bar=self.bar,
                      done=lambda rows: self.find.field.text().strip() == text and self.find.show_rows(rows))

    def _household_picked(self, row) -> None:
        self.find.hide_rows()
        self.find.field.clear()
        self._read(lambda: counter_service.household_at_counter(self.db, self.actor, row.id), self._household_shown)

    def _household_shown(self, here) -> None:
        self.bar.clear()
        self.sale.here = here
        self._show_sale()
        if self.recent_button.isChecked():
            self._load_recent()
        self.cart_view.setFocus()

    def _reload_household(self) -> None:
        number = self.sale.here.card_number
        self.ops.read(lambda: counter_service.household_for_card(self.db, self.actor, number),
                      done=self._household_refreshed, failed=lambda _e: None)

    def _household_refreshed(self, here) -> None:
        if self.sale.here is not None and self.sale.here.card_number == here.card_number:
            self.sale.here = here
            self._show_sale()

    def _toggle_recent(self, on: bool) -> None:
        self.recent_view.setVisible(on)
        if on:
            self._load_recent()

    def _load_recent(self) -> None:
        if self.sale.here is None:
            self.recent_model.set_rows([])
            return
        number = self.sale.here.card_number
        self.ops.read(lambda: counter_service.recent(self.db, self.actor, number), bar=self.bar,
                      done=self.recent_model.set_rows)

    # --- the cart ----------------------------------------------------------------------------
    def focus_goods(self) -> None:
        self.goods_search.field.setFocus()
        self.goods_search.field.selectAll()

    def _goods_edited(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.goods_search.hide_rows()
            return
        self.ops.read(lambda: counter_service.goods_matching(self.db, self.actor, text), bar=self.bar,
                      done=lambda rows: self.goods_search.field.text().strip() == text
                      and self.goods_search.show_rows(rows))

    def _goods_picked(self, goods) -> None:
        self.goods_search.hide_rows()
        self.goods_search.field.clear()
        self.add_goods(goods)
        self.cart_view.setFocus()

    def load_shelf(self) -> None:
        self.ops.read(lambda: counter_service.goods_matching(self.db, self.actor), done=self._fill_shelf)

    def _fill_shelf(self, rows) -> None:
        for grid in self.zone_grids.values():
            while grid.count():
                item = grid.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
        placed: dict[str, int] = {}
        for goods in rows:
            grid = self.zone_grids.get(goods.zone)
            if grid is None:
                continue
            at = placed.get(goods.zone, 0)
            placed[goods.zone] = at + 1
            button = QPushButton(self.tr("%1\n%2 分 · 余 %3").replace("%1", goods.name)
                                 .replace("%2", str(goods.price_points)).replace("%3", str(goods.stock)),
                                 grid.parentWidget())
            button.setMinimumSize(px(150), px(58))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setToolTip(goods.code)
            button.setEnabled(goods.stock > 0)
            button.clicked.connect(lambda _c=False, g=goods: self.add_goods(g))
            grid.addWidget(button, at // 2, at % 2)
        # Stock shown in the cart follows the shelf.
        stock = {g.code: g.stock for g in rows}
        self.sale.lines = [replace(l, stock=stock.get(l.code, l.stock)) for l in self.sale.lines]
        self._show_sale()

    def add_goods(self, goods) -> None:
        if self.bar.kind == "refused":
            self.bar.clear()  # a refusal stays until the next thing that worked
        lines = self.sale.lines
        for number, line in enumerate(lines):
            if line.code == goods.code:
                lines[number] = replace(line, quantity=min(line.quantity + 1, MAX_QUANTITY), stock=goods.stock)
                self._show_sale(select=number)
                return
        lines.append(CartLine(goods.code, goods.name, goods.unit, goods.price_points, 1, goods.stock))
        self._show_sale(select=len(lines) - 1)

    def _selected(self) -> int | None:
        if not self.sale.lines:
            return None
        index = self.cart_view.currentIndex()
        return index.row() if index.isValid() else len(self.sale.lines) - 1

    def change_quantity(self, step: int) -> None:
        number = self._selected()
        if number is None or self.confirming:
            return
        line = self.sale.lines[number]
        self.sale.lines[number] = replace(line, quantity=max(1, min(MAX_QUANTITY, line.quantity + step)))
        self._show_sale(select=number)

    def remove_line(self) -> None:
        number = self._selected()
        if number is None or self.confirming:
            return
        del self.sale.lines[number]
        self._show_sale(select=min(number, len(self.sale.lines) - 1))

    def clear_sale(self) -> None:
        if self.confirming:
            return
        if self.find.view.isVisible() or self.goods_search.view.isVisible():
            self.find.hide_rows()
            self.goods_search.hide_rows()
            self.cart_view.setFocus()
            return
        if self.sale.lines:
            asked = QMessageBox.question(self, self.tr("清空"), self.tr("清空这笔兑换的所有商品？"),
                                         QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                         QMessageBox.StandardButton.No)
            if asked != QMessageBox.StandardButton.Yes:
                return
            self.sale.lines = []
        else:
            self.sale = Sale()
        self.bar.clear()
        self._show_sale()
        self.cart_view.setFocus()

    # --- what is shown -----------------------------------------------------------------------
    def total(self) -> int:
        return sum(line.points for line in self.sale.lines)

    def refusal(self) -> str:
        """Why confirming is not possible yet ("" when it is)."""
        here = self.sale.here
        if here is None:
            return self.tr("请先刷积分卡")
        if not self.sale.lines:
            return self.tr("请扫商品或从右边选商品")
        for line in self.sale.lines:
            if line.quantity > line.stock:
                return self.tr("%1 库存只有 %2%3").replace("%1", line.name).replace("%2", str(line.stock)) \
                    .replace("%3", line.unit)
        if self.total() > here.balance:
            return self.tr("积分不够：还差 %1 分").replace("%1", str(self.total() - here.balance))
        return ""

    def _show_sale(self, select: int | None = None) -> None:
        here = self.sale.here
        if here is None:
            self.household_label.setText(self.tr("请刷积分卡"))
            self.card_label.setText("")
            self.balance_label.setText("—")
        else:
            h = here.household
            self.household_label.setText(self.tr("%1（%2，%3 人）").replace("%1", h.head_name)
                                         .replace("%2", h.group).replace("%3", str(h.people)))
            self.card_label.setText(self.tr("卡号 %1").replace("%1", here.card_number))
            self.balance_label.setText(self.tr("%1 分").replace("%1", str(here.balance)))
        self.cart_model.set_rows(self.sale.lines)
        if select is not None and select >= 0 and self.sale.lines:
            self.cart_view.selectRow(select)
        total = self.total()
        self.total_label.setText(self.tr("合计 %1 分").replace("%1", str(total)))
        if here is not None:
            after = here.balance - total
            self.after_label.setText(self.tr("兑换后余额 %1 分").replace("%1", str(after)))
            self.after_label.setStyleSheet("color:#a4000f;" if after < 0 else "")
            self.yuan_label.setText(self.tr("折合参考价值 %1").replace("%1", here.yuan(total)))
        else:
            self.after_label.setText(self.tr("兑换后余额 —"))
            self.after_label.setStyleSheet("")
            self.yuan_label.setText(self.tr("折合参考价值 —"))
        reason = self.refusal()
        self.reason_label.setText(reason)
        self.confirm_button.setEnabled(not reason and not self.confirming)

    # --- confirm -----------------------------------------------------------------------------
    def confirm(self) -> None:
        if self.confirming or self.pending_reads:
            return
        reason = self.refusal()
        if reason:
            self.bar.refuse(reason)
            return
        sale, actor = self.sale, self.actor
        items = [CartItem(line.code, line.quantity) for line in sale.lines]
        card, token = sale.here.card_number, sale.token

        def redeem(approval=None):
            return redemption.redeem(self.db, actor, card, items, approval, token=token)

        self.confirming = True
        self.confirm_button.setEnabled(False)
        self.bar.clear()
        if self.total() > sale.here.redemption_approval_above:
            self._approve(redeem)
            return
        self.ops.write(redeem, widget=self.confirm_button, bar=self.bar, done=self._sold,
                       failed=self._refused, areas={"ledger", "goods", "households", "receipts"})

    def _approve(self, redeem) -> None:
        dialog = ApprovalDialog(self, self.total(), self.sale.here.redemption_approval_above)
        self.approval_dialog = dialog

        def submit():
            approval = dialog.approval()
            if not approval.username:
                dialog.username.setFocus()
                return
            self.ops.write(lambda: redeem(approval), widget=dialog.ok, bar=dialog.bar,
                           done=lambda result: (dialog.accept(), self._sold(result)),
                           failed=lambda error: self._approval_refused(dialog, error),
                           areas={"ledger", "goods", "households", "receipts"})

        dialog.ok.clicked.connect(submit)
        dialog.password.returnPressed.connect(submit)
        dialog.rejected.connect(self._approval_cancelled)
        dialog.open()

    def _approval_refused(self, dialog, error: ShopError) -> None:
        dialog.password.clear()
        dialog.password.setFocus()
        if error.key not in APPROVAL_KEYS:
            dialog.accept()
            self._refused(error)
            self.bar.refuse(error.message(self.ops.lang))

    def _approval_cancelled(self) -> None:
        if self.confirming:
            self.confirming = False
            self._show_sale()
            self._after_confirm()

    def _refused(self, _error: ShopError) -> None:
        self.confirming = False
        self.load_shelf()  # stock may have moved under us
        if self.sale.here is not None:
            self._reload_household()
        self._show_sale()
        self._after_confirm()

    def _sold(self, result) -> None:
        self.confirming = False
        self.last_seq = result.seq
        served = self.sale.here
        self.sale = Sale(here=replace(served, balance=result.balance_after) if served else None)
        self._show_sale()
        self.bar.done(self.tr("已兑换 第 %1 笔：%2，用去 %3 分，余额 %4 分").replace("%1", str(result.seq))
                      .replace("%2", result.head_name).replace("%3", str(result.total_points))
                      .replace("%4", str(result.balance_after)))
        self.cart_view.setFocus()
        printer = self.shell.settings.printer
        seq = result.seq
        self.ops.printing(lambda: receipt_printer.print_after_sale(self.db, printer, seq), done=self._printed)
        self._after_confirm()

    def _after_confirm(self) -> None:
        waiting, self.waiting_scans = self.waiting_scans, []
        for code in waiting:
            self.scan(code)

    def _printed(self, outcome) -> None:
        self.shell.set_printer_state(outcome.fault)

    # --- receipts ----------------------------------------------------------------------------
    def reprint_last(self) -> None:
        if self.last_seq is None:
            self.bar.refuse(self.tr("这台电脑今天还没有兑换，没有可重印的小票。"))
            return
        seq, printer = self.last_seq, self.shell.settings.printer

        def work():
            job = printqueue.reprint(self.db, self.actor, seq)
            return receipt_printer.print_jobs(self.db, printer, [job.id], seq)

        self.ops.printing(work, widget=self.reprint_button, bar=self.bar, done=self._reprinted)

    def _reprinted(self, outcome) -> None:
        self._printed(outcome)
        if outcome.state == receipt_printer.PRINTED:
            self.bar.done(self.tr("第 %1 笔的小票已重印。").replace("%1", str(outcome.seq)))
        else:
            self.bar.refuse(outcome.message(self.ops.lang))

    def print_slip(self) -> None:
        if self.sale.here is None:
            self.bar.refuse(self.tr("请先刷积分卡，再打印积分查询单。"))
            return
        card, printer = self.sale.here.card_number, self.shell.settings.printer
        self.ops.printing(lambda: counter_service.balance_slip(self.db, self.actor, card, printer),
                          widget=self.slip_button, bar=self.bar,
                          done=lambda _n: self.bar.done(self.tr("积分查询单已打印。")))


register(Area("counter", QT_TRANSLATE_NOOP("Areas", "兑换收银"), "F1", CounterScreen, order=0))
