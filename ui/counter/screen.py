"""The counter (兑换收银): a household's card, goods into the cart, confirm once, the receipt.

Keyboard only, end to end:

- a scan goes to the sale wherever the focus is (``ui.scanner``): a card
  shows the household, goods add a line (the same goods again: +1);
- F2: the field for a card number or a household's name / pinyin initials
  (``zs`` finds 张三); F3: goods by name or initials; the zone tabs hold
  large buttons for goods without a barcode;
- ``+`` / ``-`` change the selected line, ``Del`` removes it, ``Esc`` clears
  the sale (asking only when it has lines);
- another household's card scanned while the sale has lines never changes whose sale it
  is without asking; the question is answered by a button, never by Enter or a letter;
- F12 (or the big button) confirms once: the button is disabled while the
  call runs, a second F12 does nothing, and the call carries a one-time
  token so that even a repeated submit makes one redemption.

Routine refusals (a misread or lost card, not enough points or stock) go to
the counter's message bar in red with a sound, never to a modal box.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout,
)

from pos import counter as counter_service, households, messages, redemption
from pos.errors import ShopError
from pos.receipts import printer as receipt_printer
from pos.receipts import queue as printqueue
from pos.periods import LOCAL
from pos.vocabulary import Area, ReceiptState
from ui.asking import ApprovalDialog, ask
from ui.counter.panels import TotalsPanel, WhoPanel
from ui.counter.sale import SALE_AREAS, Sale
from ui.counter.shelf import Shelf
from ui.models import Column, RowsModel
from ui.scanner import no_input_method
from ui.shell import Entry, Screen, register
from ui.sizes import px
from ui.widgets import SearchBox, table

# Refusals of the approval itself: the dialog stays open for another try.
APPROVAL_KEYS = {"login_wrong", "login_wait", "login_locked", "self_approval", "approver_not_supervisor",
                 "needs_approval"}


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
        self.sold_just_now = False  # the green "已兑换" stays until the next scan
        self.switching: object | None = None  # another household's card, waiting for an answer
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 6)
        outer.setSpacing(6)
        self.who = WhoPanel(self)
        self.find, self.recent_button = self.who.find, self.who.recent_button
        self.household_label, self.balance_label = self.who.household_label, self.who.balance_label
        outer.addWidget(self.who)
        outer.addWidget(self._recent())
        middle = QHBoxLayout()
        middle.addWidget(self._cart(), 3)
        middle.addLayout(self._goods(), 2)
        outer.addLayout(middle, 1)
        outer.addLayout(self._line_keys())
        outer.addWidget(self.bar)
        self.totals = TotalsPanel(self)
        self.confirm_button, self.total_label = self.totals.confirm_button, self.totals.total_label
        self.after_label, self.yuan_label = self.totals.after_label, self.totals.yuan_label
        self.reason_label = self.totals.reason_label
        outer.addWidget(self.totals)
        self._connect()
        self._keys()
        self._show_sale()

    # --- layout ----------------------------------------------------------------------------
    def _recent(self):
        """The household's last transactions, shown on request."""
        lang = self.lang
        self.recent_model = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "流水号"), lambda r: str(r.seq), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda r: r.at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")),
            Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda r: messages.kind(r.kind, lang)),
            Column(QT_TRANSLATE_NOOP("RowsModel", "说明"), lambda r: str(messages.worded(r.memo, lang))),
            Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda r: f"{r.points:+d}", right=True),
        ], parent=self)
        self.recent_view = table(self.recent_model, self, single=True, stretch=3)
        self.recent_view.setMaximumHeight(px(170))
        self.recent_view.hide()
        return self.recent_view

    def _cart(self):
        self.cart_model = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "商品"), lambda l: l.name),
            Column(QT_TRANSLATE_NOOP("RowsModel", "单价"), lambda l: f"{l.unit_points}", right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "数量"), lambda l: f"{l.quantity} {l.unit}", right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda l: str(l.points), right=True),
        ], parent=self)
        self.cart_view = table(self.cart_model, self, single=True, points=14)
        self.cart_view.setObjectName("cart")
        self.cart_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cart_view.verticalHeader().setDefaultSectionSize(px(38))
        header = self.cart_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(px(90))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return self.cart_view

    def _goods(self) -> QVBoxLayout:
        """Goods by name or initials (F3), and the shelf of goods without a barcode."""
        shelf = QVBoxLayout()
        self.goods_search = SearchBox([
            Column(QT_TRANSLATE_NOOP("RowsModel", "商品"), lambda g: g.name),
            Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda g: str(g.price_points), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "库存"), lambda g: str(g.stock), right=True),
        ], self.tr("找商品：名称或拼音首字母（F3）"), self, overlay=self)
        self.goods_search.field.setObjectName("findGoods")
        self.goods_search.view.setMaximumHeight(px(320))
        shelf.addWidget(self.goods_search)
        self.zones = Shelf(self, self.lang)
        self.zone_grids = self.zones.grids
        shelf.addWidget(self.zones, 1)
        return shelf

    def _line_keys(self) -> QHBoxLayout:
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
        return keys

    def _connect(self) -> None:
        no_input_method(self, self.cart_view, self.find.field, self.goods_search.field, self.zones)
        self.find.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)  # names are Chinese
        self.goods_search.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.find.entered.connect(self._find_entered)
        self.find.picked.connect(self._household_picked)
        self.find.field.textEdited.connect(self._find_edited)
        self.goods_search.field.textEdited.connect(self._goods_edited)
        self.goods_search.picked.connect(self._goods_picked)
        self.goods_search.entered.connect(lambda text: text and self.scan_goods(text))
        self.zones.chosen.connect(self.add_goods)
        self.recent_button.toggled.connect(self._toggle_recent)
        self.plus_button.clicked.connect(lambda: self.change_quantity(1))
        self.minus_button.clicked.connect(lambda: self.change_quantity(-1))
        self.remove_button.clicked.connect(self.remove_line)
        self.clear_button.clicked.connect(self.clear_sale)
        self.confirm_button.clicked.connect(self.confirm)
        self.reprint_button.clicked.connect(self.reprint_last)
        self.slip_button.clicked.connect(self.print_slip)

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
        return self.zones.empty()

    def on_changed(self, areas: frozenset[Area]) -> None:
        if areas & {Area.GOODS, Area.LEDGER}:
            self.load_shelf()
        if Area.LEDGER in areas and self.sale.here is not None and not self.confirming:
            self._reload_household()

    def actor_changed(self, old, new) -> None:
        if self.sale.lines or self.sale.here is not None:
            self.kept[old.username] = self.sale
        self.sale = self.kept.pop(new.username, Sale())
        self.bar.clear()
        self._show_sale()

    # --- scans -------------------------------------------------------------------------------
    def scan(self, code: str) -> None:
        self.sold_just_now = False
        if self.confirming or (self.switching is not None and not counter_service.is_card_number(code)):
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
        """A scan's read. Reads run side by side, but their results are applied in the order the
        codes were scanned: two goods scanned quickly are two lines in that order."""
        self.pending_reads += 1
        ticket = self._tickets = getattr(self, "_tickets", 0) + 1
        self._arrived = getattr(self, "_arrived", {})

        def arrive(apply) -> None:
            self._arrived[ticket] = apply
            self._next = getattr(self, "_next", 1)
            while self._next in self._arrived:
                waiting = self._arrived.pop(self._next)
                self._next += 1
                self.pending_reads -= 1
                waiting()

        self.ops.read(call, bar=self.bar, done=lambda result: arrive(lambda: done(result)),
                      failed=lambda _error: arrive(lambda: None))

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
        serving = self.sale.here
        if self.sale.lines and serving is not None and here.card_number != serving.card_number:
            self._ask_switch(here)
            return
        self._serve(here)

    def _serve(self, here) -> None:
        self.bar.clear()
        self.sale.here = here
        self._show_sale()
        if self.recent_button.isChecked():
            self._load_recent()
        self.cart_view.setFocus()

    def _ask_switch(self, here) -> None:
        """Another household's card while this sale has goods: whose sale it is changes only
        by a button pressed, never by the scanner's Enter or a key."""
        if self.switching is not None and self.question.isVisible():
            self.question.done_once = True  # the newer card asks again, in its place
            self.question.close()
        self.switching = here
        serving, pieces = self.sale.here, sum(line.quantity for line in self.sale.lines)
        old, new = serving.household.head_name, here.household.head_name
        text = (self.tr("这笔兑换是给 %1 的，还有 %2 件商品没有确认。\n刚刷的是 %3 的卡（%4）。")
                .replace("%1", old).replace("%2", str(pieces)).replace("%3", new).replace("%4", here.card_number))
        ask(self, text, [(self.tr("继续给 %1 兑换").replace("%1", old), "keep"),
                         (self.tr("清空商品，换成 %1").replace("%1", new), "clear"),
                         (self.tr("商品转给 %1").replace("%1", new), "move")],
            self._switch_answered, title=self.tr("换了一张卡"), name="switchCard")

    def _switch_answered(self, answer: str) -> None:
        here, self.switching = self.switching, None
        if here is None:
            return
        if answer == "keep":
            self.bar.info(self.tr("还在给 %1 兑换：按 F12 确认，或按 Esc 清空后再刷下一张卡。")
                          .replace("%1", self.sale.here.household.head_name))
        else:
            if answer == "clear":
                self.sale = Sale()
            else:
                self.sale = Sale(lines=self.sale.lines)  # a new token: it is another household's sale
            self._serve(here)
        self.cart_view.setFocus()
        self._after_confirm()

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
        self.zones.fill(rows)
        self.sale.restock({g.code: g.stock for g in rows})
        self._show_sale()

    def add_goods(self, goods) -> None:
        self.sold_just_now = False
        have = sum(line.quantity for line in self.sale.lines if line.code == goods.code)
        if goods.stock <= have:
            # Refused as an unknown code is: never a line that blocks F12 until it is deleted.
            self.bar.refuse((self.tr("%1 已经没有库存了。") if goods.stock <= 0 else
                             self.tr("%1 库存只有 %2%3，已经都在这笔兑换里了。"))
                            .replace("%1", goods.name).replace("%2", str(goods.stock)).replace("%3", goods.unit))
            return
        if self.bar.kind in ("refused", "done"):
            # A refusal stays until the next thing that worked; the last sale's green until the
            # next sale begins, so it is never read as this one's.
            self.bar.clear()
        self._show_sale(select=self.sale.add(goods))

    def _line_changed(self) -> None:
        """A line changed or went: a refusal about the sale as it was is not true any more."""
        if self.bar.kind == "refused":
            self.bar.clear()

    def _selected(self) -> int | None:
        if not self.sale.lines:
            return None
        index = self.cart_view.currentIndex()
        return index.row() if index.isValid() else len(self.sale.lines) - 1

    def change_quantity(self, step: int) -> None:
        number = self._selected()
        if number is None or self.confirming:
            return
        self.sale.change(number, step)
        self._line_changed()
        self._show_sale(select=number)

    def remove_line(self) -> None:
        number = self._selected()
        if number is None or self.confirming:
            return
        del self.sale.lines[number]
        self._line_changed()
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
            ask(self, self.tr("清空这笔兑换的所有商品？"), [(self.tr("不清空"), False), (self.tr("清空商品"), True)],
                lambda yes: self._empty_cart() if yes else self.cart_view.setFocus(),
                title=self.tr("清空"), name="clearSale")
            return
        self.sale = Sale()
        self.sold_just_now = False
        self.bar.clear()
        self._show_sale()
        self.cart_view.setFocus()

    def _empty_cart(self) -> None:
        """The goods go; the household stays (a second Esc lets it go too)."""
        self.sale.lines = []
        self.bar.clear()
        self._show_sale()
        self.cart_view.setFocus()

    # --- what is shown -----------------------------------------------------------------------
    def total(self) -> int:
        return self.sale.total

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
        if self.total() > here.spendable:
            if here.pending_deducted:
                return self.tr("积分不够：还差 %1 分（%2 分待扣，公示期满前不能用）").replace(
                    "%1", str(self.total() - here.spendable)).replace("%2", str(here.pending_deducted))
            return self.tr("积分不够：还差 %1 分").replace("%1", str(self.total() - here.balance))
        return ""

    def _show_sale(self, select: int | None = None) -> None:
        if select is None and self.cart_view.currentIndex().isValid():
            # Shown again (the shelf reloaded after another counter's sale): the chosen line stays chosen.
            chosen = self.cart_model.rows[self.cart_view.currentIndex().row()].code \
                if self.cart_view.currentIndex().row() < len(self.cart_model.rows) else None
            select = next((n for n, line in enumerate(self.sale.lines) if line.code == chosen), None)
        self.who.show_household(self.sale.here)
        self.cart_model.set_rows(self.sale.lines)
        if select is not None and select >= 0 and self.sale.lines:
            self.cart_view.selectRow(select)
        reason = self.refusal()
        self.totals.show_total(self.sale.here, self.total(), reason, not reason and not self.confirming)

    # --- confirm -----------------------------------------------------------------------------
    def confirm(self) -> None:
        if self.confirming or self.pending_reads:
            return
        reason = self.refusal()
        if reason and self.sold_just_now and not self.sale.lines:
            return  # the second F12 of a double press: the sale went through, its green stays
        if reason:
            self.bar.refuse(reason)
            return
        sale, actor = self.sale, self.actor
        items, card, token = sale.items(), sale.here.card_number, sale.token

        def redeem(approval=None):
            return redemption.redeem(self.db, actor, card, items, approval, token=token)

        self.confirming = True
        self.confirm_button.setEnabled(False)
        self.bar.clear()
        if self.total() > sale.here.redemption_approval_above:
            self._approve(redeem)
            return
        self.ops.write(redeem, widget=self.confirm_button, bar=self.bar, done=self._sold,
                       failed=self._refused, areas=SALE_AREAS)

    def _approve(self, redeem) -> None:
        """Above the village's threshold a supervisor approves first; a wrong password (or the
        administrator approving their own sale) stays in the dialog for another try."""
        what = (self.tr("这笔兑换共 %1 分，超过本村 %2 分的审批线。\n请监督员输入自己的用户名和密码。")
                .replace("%1", str(self.total())).replace("%2", str(self.sale.here.redemption_approval_above)))
        dialog = ApprovalDialog(what, self, ok_text=self.tr("审批并兑换"))
        self.approval_dialog = dialog
        dialog.approved.connect(lambda approval: self.ops.write(
            lambda: redeem(approval), widget=dialog.ok, bar=dialog.bar,
            done=lambda result: (dialog.accept(), self._sold(result)),
            failed=lambda error: self._approval_refused(dialog, error), areas=SALE_AREAS))
        dialog.rejected.connect(self._approval_cancelled)
        dialog.open()

    def _approval_refused(self, dialog, error: ShopError) -> None:
        dialog.password.clear()
        dialog.password.setFocus()
        if error.key not in APPROVAL_KEYS:
            dialog.accept()
            self._refused(error)
            self.bar.refuse(messages.in_window(error, self.lang))

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
        self.sold_just_now = True
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
        if outcome.state == ReceiptState.PRINTED:
            self.bar.done(self.tr("第 %1 笔的小票已重印。").replace("%1", str(outcome.seq)))
        else:
            self.bar.refuse(outcome.message(self.lang))

    def print_slip(self) -> None:
        if self.sale.here is None:
            self.bar.refuse(self.tr("请先刷积分卡，再打印积分查询单。"))
            return
        card, printer, lang = self.sale.here.card_number, self.shell.settings.printer, self.lang
        self.ops.printing(lambda: counter_service.balance_slip(self.db, self.actor, card, printer, lang),
                          widget=self.slip_button, bar=self.bar,
                          done=lambda _n: self.bar.done(self.tr("积分查询单已打印。")))


register(Entry("counter", QT_TRANSLATE_NOOP("Areas", "兑换收银"), "F1", CounterScreen, order=0))
