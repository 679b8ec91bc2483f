"""The wish wall (心愿墙) and the echo wall (回音墙).

- The wall as a list (any status, filtered) or as cards in columns by status.
- Writing a wish at the counter's PC: scan the villager's card (the shell
  sends scans here while this screen is in front, for an administrator),
  then the wish in the villager's words.
- The supervisor records the rest on the selected wish: one donor claims it
  (a second claim, even from another PC at the same moment, is refused by
  the database and the refusal shows in the message bar), the delivery
  (handed to the household, or taken into stock as a donation from that
  donor), the echo, or withdrawing it with a reason.
- The printable wall: the open wishes as an A4 or A3 PDF for the board, names
  hidden unless the villager agreed; it opens in the system's PDF viewer.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QRect, QSize, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListView, QPushButton, QRadioButton, QSpinBox, QStackedWidget, QStyle, QStyledItemDelegate,
    QVBoxLayout, QWidget,
)

from pos import goods, households, stock, wishes
from pos.periods import LOCAL
from pos.vocabulary import Role, WishStatus
from printing import wishwall
from ui import documents
from ui.audit import heading, table
from ui.models import Column, RowsModel
from ui.shell import Area, Screen, register

LIVE = (WishStatus.OPEN, WishStatus.CLAIMED, WishStatus.DELIVERED, WishStatus.THANKED)
EVENT_NAMES = {"written": "写下心愿", "claimed": "认领", "delivered": "送达", "thanked": "回音",
               "withdrawn": "撤回"}
CARD_WIDTH = 260


def tr(text: str) -> str:
    # lupdate files a plain tr("...") call under the empty context: look it up there.
    return QCoreApplication.translate("", text)


def yuan(fen: int) -> str:
    return f"{fen // 100}" if fen % 100 == 0 else f"{fen / 100:.2f}"


def _day(day: date | None) -> str:
    return f"{day.month}月{day.day}日" if day else ""


LIST_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "编号"), lambda w: str(w.id), right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda w: w.status_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "农户"), lambda w: f"{w.group} {w.head_name}"),
    Column(QT_TRANSLATE_NOOP("RowsModel", "心愿"), lambda w: w.text, tooltip=lambda w: w.text),
    Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda w: w.category),
    Column(QT_TRANSLATE_NOOP("RowsModel", "写下"), lambda w: _day(w.written_on)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "估价（元）"), lambda w: yuan(w.value_fen) if w.value_fen else "",
           right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "认领人"), lambda w: w.donor),
]


def card_text(w: wishes.WishView) -> str:
    who = f"{w.group} {w.head_name}" + (f"（{w.member}）" if w.member else "")
    lines = [f"#{w.id}  {who}", w.text, f"{w.category} · {_day(w.written_on)}写"]
    if w.donor:
        lines.append(tr("认领：%1").replace("%1", w.donor))
    if w.echo:
        lines.append(tr("回音：%1").replace("%1", w.echo))
    return "\n".join(lines)


CARD_COLUMNS = [Column(QT_TRANSLATE_NOOP("RowsModel", "心愿"), card_text)]
HISTORY_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda e: e.at.astimezone(LOCAL).strftime("%m-%d %H:%M")),
    Column(QT_TRANSLATE_NOOP("RowsModel", "经过"), lambda e: EVENT_NAMES.get(e.kind, e.kind)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "操作员"), lambda e: e.operator),
]


def line(parent, name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    return field


def button(text: str, parent, name: str, *, main: bool = False) -> QPushButton:
    made = QPushButton(text, parent)
    made.setObjectName(name)
    made.setMinimumHeight(44)
    if main:
        made.setStyleSheet("QPushButton:enabled { background:#2b6cb0; color:white; font-weight:bold; }")
    return made


class CardDelegate(QStyledItemDelegate):
    """A wish drawn as a paper note: its whole text wrapped to the column's width."""

    PAD, GAP = 10, 6

    def _text_rect(self, option) -> QRect:
        inner = option.rect.adjusted(self.PAD, self.PAD + self.GAP // 2, -self.PAD, -self.PAD - self.GAP // 2)
        return inner

    def sizeHint(self, option, index) -> QSize:
        width = max(option.rect.width(), self.parent().viewport().width()) - 2 * self.PAD - 4
        text = index.data() or ""
        height = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 60), 10_000),
                                                 int(Qt.TextFlag.TextWordWrap), text).height()
        return QSize(width, height + 2 * self.PAD + self.GAP)

    def paint(self, painter: QPainter, option, index) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        note = option.rect.adjusted(2, self.GAP // 2, -2, -self.GAP // 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#b7791f" if selected else "#d9b86c"), 2 if selected else 1))
        painter.setBrush(QColor("#ffe08a" if selected else "#fff8e1"))
        painter.drawRoundedRect(note, 6, 6)
        painter.setPen(QColor("#222222"))
        painter.drawText(self._text_rect(option), int(Qt.TextFlag.TextWordWrap), index.data() or "")
        painter.restore()


class WriteForm(QWidget):
    """A villager's wish, written at the counter after their card is scanned."""

    def __init__(self, screen):
        super().__init__(screen)
        self.screen = screen
        self.household_id: int | None = None
        self.card = line(self, "wishCard", tr("扫描积分卡，或输入卡号后按回车"))
        self.card.returnPressed.connect(lambda: self.screen.scan(self.card.text().strip()))
        self.who = heading(tr("请扫描村民的积分卡"), self, 13)
        self.who.setObjectName("wishWho")
        self.who.setWordWrap(True)
        self.text = line(self, "wishText", tr("村民的原话，如：孙女上初中，想要一个新书包"))
        self.category = QComboBox(self)
        self.category.setObjectName("wishCategory")
        self.category.addItems(wishes.CATEGORIES)
        self.member = line(self, "wishMember", tr("可不填"))
        self.value = QSpinBox(self)
        self.value.setObjectName("wishValue")
        self.value.setRange(0, wishes.MAX_VALUE_FEN // 100)
        self.value.setSuffix(tr(" 元"))
        self.show_name = QCheckBox(tr("村民同意在心愿墙上公开姓名"), self)
        self.show_name.setObjectName("wishShowName")
        self.save = button(tr("写上心愿墙"), self, "wishSave", main=True)
        self.save.clicked.connect(self.submit)
        self.text.returnPressed.connect(self.category.setFocus)
        form = QFormLayout()
        form.addRow(tr("积分卡"), self.card)
        form.addRow(self.who)
        form.addRow(tr("心愿"), self.text)
        form.addRow(tr("类别"), self.category)
        form.addRow(tr("为哪位家人"), self.member)
        form.addRow(tr("估价"), self.value)
        form.addRow(self.show_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(tr("写心愿"), self, 14))
        layout.addLayout(form)
        layout.addWidget(self.save)
        layout.addStretch(1)

    def start(self) -> None:
        self.household_id = None
        for field in (self.card, self.text, self.member):
            field.clear()
        self.value.setValue(0)
        self.show_name.setChecked(False)
        self.who.setText(tr("请扫描村民的积分卡"))
        self.save.setEnabled(False)
        self.card.setFocus()

    def set_household(self, card: str, household: households.HouseholdView) -> None:
        self.household_id = household.id
        self.card.setText(card)
        self.who.setText(tr("%1 %2（%3 口人）").replace("%1", household.group)
                         .replace("%2", household.head_name).replace("%3", str(household.people)))
        self.save.setEnabled(True)
        self.text.setFocus()

    def submit(self) -> None:
        if self.household_id is None or not self.save.isEnabled():
            return
        s = self.screen
        db, actor, household = s.db, s.actor, self.household_id
        text, category, member = self.text.text(), self.category.currentText(), self.member.text()
        value_fen, show = self.value.value() * 100, self.show_name.isChecked()
        s.ops.write(lambda: wishes.add(db, actor, household, text, category, member=member,
                                       value_fen=value_fen, show_name=show),
                    widget=self.save, bar=s.bar, done=self._written, areas={"wishes"})

    def _written(self, wish: wishes.WishView) -> None:
        self.household_id = None
        self.save.setEnabled(False)
        self.screen.select_after_load = wish.id
        self.screen.bar.done(tr("已写上心愿墙：第 %1 号，%2 的心愿“%3”。")
                             .replace("%1", str(wish.id)).replace("%2", wish.head_name).replace("%3", wish.text))


class ClaimForm(QWidget):
    def __init__(self, screen):
        super().__init__(screen)
        self.screen = screen
        self.donor = line(self, "claimDonor", tr("爱心企业、单位或个人的名称"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("claimKind")
        for key, name in wishes.DONOR_TYPES.items():
            self.kind.addItem(name, key)
        self.contact = line(self, "claimContact", tr("联系人及电话"))
        self.go = button(tr("认领"), self, "claimButton", main=True)
        self.go.clicked.connect(self.submit)
        self.donor.returnPressed.connect(self.contact.setFocus)
        self.contact.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(tr("认领人"), self.donor)
        form.addRow(tr("类型"), self.kind)
        form.addRow(tr("联系方式"), self.contact)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(tr("认领（一个心愿只由一位爱心人士认领）"), self, 13))
        layout.addLayout(form)
        layout.addWidget(self.go)

    def clear(self) -> None:
        self.donor.clear()
        self.contact.clear()

    def submit(self) -> None:
        wish = self.screen.current
        if wish is None or not self.go.isEnabled():
            return
        s = self.screen
        db, actor = s.db, s.actor
        donor, kind, contact = self.donor.text(), self.kind.currentData(), self.contact.text()
        s.ops.write(lambda: wishes.claim(db, actor, wish.id, donor, kind, contact), widget=self.go, bar=s.bar,
                    done=lambda w: s.bar.done(tr("第 %1 号心愿已由 %2 认领。").replace("%1", str(w.id))
                                              .replace("%2", w.donor)),
                    failed=lambda _e: s.reload(), areas={"wishes"})


class DeliverForm(QWidget):
    def __init__(self, screen):
        super().__init__(screen)
        self.screen = screen
        self.handed_by = line(self, "deliverHandedBy", tr("谁交给村民的"))
        self.note = line(self, "deliverNote", tr("可不填"))
        self.direct = QRadioButton(tr("直接交给农户"), self)
        self.direct.setObjectName("deliverDirect")
        self.into_stock = QRadioButton(tr("作为捐赠入库（记入捐赠登记和月度公示）"), self)
        self.into_stock.setObjectName("deliverIntoStock")
        self.direct.setChecked(True)
        self.goods = QComboBox(self)
        self.goods.setObjectName("deliverGoods")
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("deliverQuantity")
        self.quantity.setRange(1, 9999)
        self.go = button(tr("记录送达"), self, "deliverButton", main=True)
        self.go.clicked.connect(self.submit)
        self.into_stock.toggled.connect(self._stock_fields)
        self.handed_by.returnPressed.connect(self.note.setFocus)
        form = QFormLayout()
        form.addRow(tr("交付人"), self.handed_by)
        form.addRow(tr("备注"), self.note)
        form.addRow(self.direct)
        form.addRow(self.into_stock)
        form.addRow(tr("入库商品"), self.goods)
        form.addRow(tr("数量"), self.quantity)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(tr("送达"), self, 13))
        layout.addLayout(form)
        layout.addWidget(self.go)
        self._stock_fields()

    def _stock_fields(self) -> None:
        for widget in (self.goods, self.quantity):
            widget.setEnabled(self.into_stock.isChecked())

    def set_goods(self, rows: list[goods.GoodsView]) -> None:
        kept = self.goods.currentData()
        self.goods.clear()
        for g in rows:
            self.goods.addItem(f"{g.name}（{g.zone}，{g.unit}）", g.code)
        if kept is not None and self.goods.findData(kept) >= 0:
            self.goods.setCurrentIndex(self.goods.findData(kept))

    def clear(self) -> None:
        self.handed_by.clear()
        self.note.clear()
        self.direct.setChecked(True)
        self.quantity.setValue(1)

    def submit(self) -> None:
        wish = self.screen.current
        if wish is None or not self.go.isEnabled():
            return
        s = self.screen
        db, actor = s.db, s.actor
        handed_by, note = self.handed_by.text(), self.note.text()
        line_ = None
        if self.into_stock.isChecked():
            if self.goods.currentData() is None:
                s.bar.refuse(tr("请先在商品里添加这件礼物，再选择入库商品。"))
                return
            line_ = stock.IntakeLine(self.goods.currentData(), self.quantity.value())
        s.ops.write(lambda: wishes.deliver(db, actor, wish.id, handed_by, note, into_stock=line_),
                    widget=self.go, bar=s.bar, done=self._delivered, failed=lambda _e: s.reload(),
                    areas={"wishes", "goods", "stock"})

    def _delivered(self, w: wishes.WishView) -> None:
        text = (tr("第 %1 号心愿已送达，礼物已作为 %2 的捐赠入库（入库单 %3）。").replace("%3", str(w.intake_id))
                if w.intake_id else tr("第 %1 号心愿已送达，礼物直接交给了农户。"))
        self.screen.bar.done(text.replace("%1", str(w.id)).replace("%2", w.donor))


class ThankForm(QWidget):
    def __init__(self, screen):
        super().__init__(screen)
        self.screen = screen
        self.echo = line(self, "thankEcho", tr("村民或监督员写的一句回音"))
        self.echo.returnPressed.connect(self.submit)
        self.go = button(tr("记录回音"), self, "thankButton", main=True)
        self.go.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(tr("回音"), self, 13))
        layout.addWidget(self.echo)
        layout.addWidget(self.go)

    def clear(self) -> None:
        self.echo.clear()

    def submit(self) -> None:
        wish = self.screen.current
        if wish is None or not self.go.isEnabled():
            return
        s = self.screen
        db, actor, echo = s.db, s.actor, self.echo.text()
        s.ops.write(lambda: wishes.thank(db, actor, wish.id, echo), widget=self.go, bar=s.bar,
                    done=lambda w: s.bar.done(tr("第 %1 号心愿的回音已记录，会登上本月公示的回音墙。")
                                              .replace("%1", str(w.id))),
                    failed=lambda _e: s.reload(), areas={"wishes"})


class WishesScreen(Screen):
    def __init__(self, shell):
        super().__init__(shell)
        self.setObjectName("wishes")
        self.rows: list[wishes.WishView] = []
        self.current: wishes.WishView | None = None
        self.select_after_load: int | None = None
        self.viewer = documents.open_in_viewer
        self.loaded = False

        # --- top: filters, views, printing ---
        self.filters = QButtonGroup(self)
        self.filter_buttons: dict[str | None, QPushButton] = {}
        top = QHBoxLayout()
        for status, title in [(None, tr("全部"))] + [(k, tr(v)) for k, v in wishes.STATUS_NAMES.items()]:
            made = QPushButton(title, self)
            made.setObjectName(f"filter_{status or 'all'}")
            made.setCheckable(True)
            made.setMinimumHeight(40)
            made.clicked.connect(lambda _c=False: self._show_rows())
            self.filters.addButton(made)
            self.filter_buttons[status] = made
            top.addWidget(made)
        self.filter_buttons[None].setChecked(True)
        top.addSpacing(16)
        self.as_list = QPushButton(tr("列表"), self)
        self.as_cards = QPushButton(tr("卡片"), self)
        views = QButtonGroup(self)
        for made, name in ((self.as_list, "asList"), (self.as_cards, "asCards")):
            made.setObjectName(name)
            made.setCheckable(True)
            made.setMinimumHeight(40)
            views.addButton(made)
            top.addWidget(made)
        self.as_list.setChecked(True)
        self.as_list.clicked.connect(lambda: self.show_as(cards=False))
        self.as_cards.clicked.connect(lambda: self.show_as(cards=True))
        top.addStretch(1)
        self.paper = QComboBox(self)
        self.paper.setObjectName("wallPaper")
        for name in wishwall.PAPERS:
            self.paper.addItem(name, name)
        self.print_button = button(tr("打印心愿墙"), self, "wallPrint")
        self.print_button.setToolTip(tr("待认领的心愿，未经同意的姓名已隐去；在 PDF 阅读器中打开后打印"))
        self.print_button.clicked.connect(self.print_wall)
        self.write_button = button(tr("写心愿（扫卡）"), self, "wishWrite", main=True)
        self.write_button.clicked.connect(self.start_writing)
        top.addWidget(self.paper)
        top.addWidget(self.print_button)
        top.addWidget(self.write_button)

        # --- the wall: list, or cards by status ---
        self.model = RowsModel(LIST_COLUMNS, parent=self)
        self.list_view = table(self.model, self)
        self.list_view.setObjectName("wishList")
        self.list_view.horizontalHeader().setStretchLastSection(False)
        self.list_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list_view.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Fixed)
        self.list_view.setColumnWidth(7, 150)  # the donor in full is in the panel beside
        self.list_view.setWordWrap(True)  # the wish in the villager's words, whole
        self.list_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._picked(self.model, current))
        self.card_models: dict[str, RowsModel] = {}
        self.card_views: dict[str, QListView] = {}
        self.card_titles: dict[str, QLabel] = {}
        cards = QWidget(self)
        columns = QHBoxLayout(cards)
        columns.setContentsMargins(0, 0, 0, 0)
        for status in LIVE:
            model = RowsModel(CARD_COLUMNS, parent=self)
            view = QListView(cards)
            view.setObjectName(f"cards_{status}")
            view.setModel(model)
            view.setWordWrap(True)
            view.setResizeMode(QListView.ResizeMode.Adjust)
            view.setTextElideMode(Qt.TextElideMode.ElideNone)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setItemDelegate(CardDelegate(view))
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.setStyleSheet("QListView { background:#f6f1e4; }")
            view.selectionModel().currentRowChanged.connect(
                lambda current, _previous, m=model: self._picked(m, current))
            title = heading(wishes.STATUS_NAMES[status], cards, 13)
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view, 1)
            columns.addLayout(column, 1)
            self.card_models[status], self.card_views[status], self.card_titles[status] = model, view, title
        self.wall = QStackedWidget(self)
        self.wall.addWidget(self.list_view)
        self.wall.addWidget(cards)

        # --- the selected wish and what can be done with it ---
        panel = QFrame(self)
        panel.setObjectName("wishPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(440)
        self.detail = QLabel(tr("选中一个心愿查看详情。"), panel)
        self.detail.setObjectName("wishDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = RowsModel(HISTORY_COLUMNS, parent=self)
        self.history_view = table(self.history, panel)
        self.history_view.setObjectName("wishHistory")
        self.history_view.setMaximumHeight(150)
        self.write_form = WriteForm(self)
        self.claim_form = ClaimForm(self)
        self.deliver_form = DeliverForm(self)
        self.thank_form = ThankForm(self)
        self.nothing = QLabel(panel)
        self.nothing.setObjectName("wishNoAction")
        self.nothing.setWordWrap(True)
        self.actions = QStackedWidget(panel)
        for page in (self.nothing, self.write_form, self.claim_form, self.deliver_form, self.thank_form):
            self.actions.addWidget(page)
        self.reason = line(panel, "withdrawReason", tr("撤回原因"))
        self.withdraw_button = button(tr("撤回心愿"), panel, "withdrawButton")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.reason.returnPressed.connect(self.withdraw)
        self.withdraw_row = QWidget(panel)
        row = QHBoxLayout(self.withdraw_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reason, 1)
        row.addWidget(self.withdraw_button)
        side = QVBoxLayout(panel)
        side.addWidget(self.detail)
        side.addWidget(self.history_view)
        side.addWidget(self.actions, 1)
        side.addWidget(self.withdraw_row)

        body = QHBoxLayout()
        body.addWidget(self.wall, 1)
        body.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.bar)
        self.set_role()

    # --- roles and the shell -------------------------------------------------------------
    @property
    def supervisor(self) -> bool:
        return self.actor.role == Role.SUPERVISOR

    @property
    def accepts_scans(self) -> bool:  # wishes are written by the administrator at the counter
        return self.actor.role == Role.ADMIN

    def set_role(self) -> None:
        self.write_button.setVisible(self.actor.role == Role.ADMIN)
        self._show_actions()

    def shown(self) -> None:
        if not self.loaded:
            self.reload()

    def on_changed(self, areas: frozenset[str]) -> None:
        if areas & {"wishes", "households"}:
            self.loaded = False
            if self.isVisible():
                self.reload()
        if areas & {"goods", "stock"}:
            self._goods_loaded = False

    def actor_changed(self, old, new) -> None:
        self.set_role()

    # --- reading -------------------------------------------------------------------------
    def reload(self) -> None:
        db, actor = self.db, self.actor
        self.loaded = True
        self.ops.read(lambda: wishes.wishes(db, actor), bar=self.bar, done=self._loaded)

    def _loaded(self, rows: list[wishes.WishView]) -> None:
        self.rows = rows
        wanted = self.select_after_load or (self.current.id if self.current is not None else None)
        self.select_after_load = None
        counts = {status: sum(1 for w in rows if w.status == status) for status in wishes.STATUS_NAMES}
        for status, made in self.filter_buttons.items():
            name = tr("全部") if status is None else tr(wishes.STATUS_NAMES[status])
            made.setText(f"{name} {len(rows) if status is None else counts[status]}")
        for status in LIVE:
            self.card_models[status].set_rows([w for w in rows if w.status == status])
            self.card_titles[status].setText(f"{wishes.STATUS_NAMES[status]}（{counts[status]}）")
        self._show_rows()
        self.current = next((w for w in rows if w.id == wanted), None)
        self._select(self.current)
        self._show_current()

    def status_filter(self) -> str | None:
        return next((s for s, b in self.filter_buttons.items() if b.isChecked()), None)

    def _show_rows(self) -> None:
        status = self.status_filter()
        self.model.set_rows([w for w in self.rows if status is None or w.status == status])
        self._select(self.current)

    def show_as(self, *, cards: bool) -> None:
        self.wall.setCurrentIndex(1 if cards else 0)
        (self.as_cards if cards else self.as_list).setChecked(True)
        for made in self.filter_buttons.values():
            made.setEnabled(not cards)
        self._select(self.current)

    def _select(self, wish: wishes.WishView | None) -> None:
        """Show ``wish`` selected in the list and among the cards (without re-reading it)."""
        models = [(self.model, self.list_view)] + [(self.card_models[s], self.card_views[s]) for s in LIVE]
        self._selecting = True
        try:
            for model, view in models:
                row = next((i for i, w in enumerate(model.rows) if wish is not None and w.id == wish.id), -1)
                if row >= 0:
                    view.selectionModel().setCurrentIndex(
                        model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
                else:
                    view.selectionModel().clear()
        finally:
            self._selecting = False

    _selecting = False

    def _picked(self, model: RowsModel, index) -> None:
        if self._selecting or not index.isValid():
            return
        self.current = model.row(index.row())
        self._select(self.current)
        self._show_current(fresh_forms=True)

    def pick(self, wish_id: int) -> None:
        """Select a wish (as a click on its line or card does)."""
        wish = next(w for w in self.rows if w.id == wish_id)
        self.current = wish
        self._select(wish)
        self._show_current(fresh_forms=True)

    def _show_current(self, fresh_forms: bool = False) -> None:
        w = self.current
        self.history_view.setVisible(w is not None)
        if w is None:
            self.detail.setText(tr("选中一个心愿查看详情。"))
            self.history.set_rows([])
        else:
            parts = [f"<b style='font-size:15pt'>#{w.id} {w.status_name}</b>",
                     f"{w.group} {w.head_name}" + (f"（{w.member}）" if w.member else "")
                     + (tr("，同意公开姓名") if w.show_name else tr("，墙上显示为 %1").replace("%1", w.public_name)),
                     f"<b>{_escape(w.text)}</b>",
                     tr("%1，%2写下").replace("%1", w.category).replace("%2", w.written_on.isoformat())
                     + (tr("，估价 %1 元").replace("%1", yuan(w.value_fen)) if w.value_fen else "")]
            if w.donor:
                parts.append(tr("认领：%1 %2（%3）").replace("%1", wishes.DONOR_TYPES.get(w.donor_type, ""))
                             .replace("%2", _escape(w.donor)).replace("%3", _escape(w.donor_contact)))
            if w.delivered_on:
                where = (tr("作为捐赠入库（入库单 %1）").replace("%1", str(w.intake_id)) if w.intake_id
                         else tr("直接交给农户"))
                parts.append(tr("送达：%1，%2 交付，%3").replace("%1", w.delivered_on.isoformat())
                             .replace("%2", _escape(w.handed_by)).replace("%3", where))
            if w.echo:
                parts.append(tr("回音：%1").replace("%1", _escape(w.echo)))
            if w.withdrawn_reason:
                parts.append(tr("撤回原因：%1").replace("%1", _escape(w.withdrawn_reason)))
            self.detail.setText("<br>".join(parts))
            db, actor, wish_id = self.db, self.actor, w.id
            self.ops.read(lambda: wishes.history(db, actor, wish_id), bar=self.bar,
                          done=lambda rows, wanted=wish_id: self._history(wanted, rows))
        if fresh_forms:
            for form in (self.claim_form, self.deliver_form, self.thank_form):
                form.clear()
            self.reason.clear()
        self._show_actions()

    def _history(self, wish_id: int, rows) -> None:
        if self.current is not None and self.current.id == wish_id:
            self.history.set_rows(rows)

    def _show_actions(self) -> None:
        w = self.current
        if self.actions.currentWidget() is self.write_form and self.write_form.household_id is not None:
            page = self.write_form  # a wish being written stays until it is saved
        elif w is None:
            page = self.nothing
            self.nothing.setText(tr("扫描村民的积分卡写一个新心愿。") if self.actor.role == Role.ADMIN
                                 else tr("选中一个心愿，记录认领、送达和回音。"))
        elif not self.supervisor:
            page = self.nothing
            self.nothing.setText(tr("认领、送达、回音和撤回由监督员（第一书记）登录后记录。"))
        else:
            page = {WishStatus.OPEN: self.claim_form, WishStatus.CLAIMED: self.deliver_form,
                    WishStatus.DELIVERED: self.thank_form}.get(w.status, self.nothing)
            if page is self.nothing:
                self.nothing.setText(tr("这个心愿已经圆满完成。") if w.status == WishStatus.THANKED
                                     else tr("这个心愿已撤回。"))
            if page is self.deliver_form:
                self._load_goods()
        self.actions.setCurrentWidget(page)
        self.withdraw_row.setVisible(self.supervisor and w is not None
                                     and w.status in (WishStatus.OPEN, WishStatus.CLAIMED))

    _goods_loaded = False

    def _load_goods(self) -> None:
        if self._goods_loaded:
            return
        self._goods_loaded = True
        db, actor = self.db, self.actor
        self.ops.read(lambda: goods.search(db, actor), bar=self.bar, done=self.deliver_form.set_goods)

    # --- writing a wish ------------------------------------------------------------------
    def start_writing(self) -> None:
        if self.actor.role != Role.ADMIN:
            return
        self.write_form.start()
        self.actions.setCurrentWidget(self.write_form)
        self.withdraw_row.hide()
        self.bar.info(tr("请扫描村民的积分卡。"))

    def scan(self, code: str) -> None:
        if self.actor.role != Role.ADMIN:
            return
        if self.actions.currentWidget() is not self.write_form:
            self.write_form.start()
            self.actions.setCurrentWidget(self.write_form)
            self.withdraw_row.hide()
        db, actor = self.db, self.actor

        def find():
            household = wishes.household_of_card(db, actor, code)
            return households.get(db, actor, household)

        self.ops.read(find, bar=self.bar, done=lambda h: self._scanned(code, h))

    def _scanned(self, code: str, household: households.HouseholdView) -> None:
        self.write_form.set_household(code, household)
        self.bar.info(tr("%1 %2：请写下心愿。").replace("%1", household.group).replace("%2", household.head_name))

    # --- withdrawing and printing --------------------------------------------------------
    def withdraw(self) -> None:
        w = self.current
        if w is None or not self.supervisor or not self.withdraw_button.isEnabled():
            return
        db, actor, reason = self.db, self.actor, self.reason.text()
        self.ops.write(lambda: wishes.withdraw(db, actor, w.id, reason), widget=self.withdraw_button,
                       bar=self.bar, failed=lambda _e: self.reload(), areas={"wishes"},
                       done=lambda v: self.bar.done(tr("第 %1 号心愿已撤回（记录保留）。").replace("%1", str(v.id))))

    def print_wall(self) -> None:
        db, actor, paper = self.db, self.actor, self.paper.currentData()
        path = documents.folder("心愿墙") / documents.file_name("心愿墙", date.today().isoformat(), paper)

        def work():
            shop, cards = wishes.wall_cards(db, actor)
            pages = wishwall.render(cards, path, shop=shop, paper=paper)
            return len(cards), pages

        self.ops.read(work, widget=self.print_button, bar=self.bar,
                      done=lambda result: self._printed(path, *result))

    def _printed(self, path, count: int, pages: int) -> None:
        self.last_wall = path
        if self.viewer(path):
            self.bar.done(tr("心愿墙（%1 个待认领心愿，%2 页）已在 PDF 阅读器中打开，请从那里打印。")
                          .replace("%1", str(count)).replace("%2", str(pages)))
        else:
            self.bar.refuse(tr("没能打开 PDF 阅读器。心愿墙已保存在：%1").replace("%1", str(path)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


register(Area("wishes", QT_TRANSLATE_NOOP("Areas", "心愿墙"), "F8", WishesScreen, order=70))
