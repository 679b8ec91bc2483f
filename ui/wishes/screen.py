"""The wish wall (心愿墙) and the echo wall (回音墙).

- The wall as a list (any status, filtered) or as cards in columns by status (``wall``).
- Writing a wish at the counter's PC: scan the villager's card (the shell
  sends scans here while this screen is in front, for an administrator),
  then the wish in the villager's words (``forms``).
- The supervisor records the rest on the selected wish: one donor claims it
  (a second claim, even from another PC at the same moment, is refused by
  the database and the refusal shows in the message bar), the delivery
  (handed to the household, or taken into stock as a donation from that
  donor), the echo, or withdrawing it with a reason.
- The printable wall: the open wishes as an A4 or A3 PDF for the board, names
  hidden unless the villager agreed; it opens in the system's PDF viewer.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from pos import goods, households, messages, wishes
from pos.vocabulary import Area, Role, WishStatus
from printing import wishwall
from ui import documents
from ui.models import RowsModel
from ui.shell import Entry, Screen, register
from ui.widgets import big_button, field, table, today, tr
from ui.wishes.forms import ClaimForm, DeliverForm, ThankForm, WriteForm
from ui.wishes.wall import Wall, history_columns, status_name, value, who
from ui.sizes import px


class WishesScreen(Screen):
    def __init__(self, shell):
        super().__init__(shell)
        self.setObjectName("wishes")
        self.rows: list[wishes.WishView] = []
        self.current: wishes.WishView | None = None
        self.select_after_load: int | None = None
        self.loaded = False
        self.wall = Wall(self, self.lang)
        self.wall.picked.connect(self._picked)
        self.model, self.list_view = self.wall.model, self.wall.list_view
        self.card_models, self.card_views, self.card_titles = (self.wall.card_models, self.wall.card_views,
                                                               self.wall.card_titles)
        body = QHBoxLayout()
        body.addWidget(self.wall, 1)
        body.addWidget(self._panel())
        layout = QVBoxLayout(self)
        layout.addLayout(self._top())
        layout.addLayout(body, 1)
        layout.addWidget(self.bar)
        self.set_role()

    def _top(self) -> QHBoxLayout:
        """Filters by status, list or cards."""
        self.filters = QButtonGroup(self)
        self.filter_buttons: dict[str | None, QPushButton] = {}
        top = QHBoxLayout()
        for status in (None, *WishStatus):
            made = self._toggle(tr("全部") if status is None else status_name(status, self.lang),
                                f"filter_{status or 'all'}", self.filters, top)
            made.clicked.connect(lambda _c=False: self._show_rows())
            self.filter_buttons[status] = made
        self.filter_buttons[None].setChecked(True)
        top.addSpacing(16)
        views = QButtonGroup(self)
        self.as_list = self._toggle(tr("列表"), "asList", views, top)
        self.as_cards = self._toggle(tr("卡片"), "asCards", views, top)
        self.as_list.setChecked(True)
        self.as_list.clicked.connect(lambda: self.show_as(cards=False))
        self.as_cards.clicked.connect(lambda: self.show_as(cards=True))
        top.addStretch(1)
        return top

    def _papers(self) -> QVBoxLayout:
        """Printing the wall, writing a wish."""
        self.paper = QComboBox(self)
        self.paper.setObjectName("wallPaper")
        for name in wishwall.PAPERS:
            self.paper.addItem(name, name)
        self.print_button = big_button(tr("打印心愿墙"), self, "wallPrint")
        self.print_button.setToolTip(tr("待认领的心愿，未经同意的姓名已隐去；在 PDF 阅读器中打开后打印"))
        self.print_button.clicked.connect(self.print_wall)
        self.write_button = big_button(tr("写心愿（扫卡）"), self, "wishWrite", main=True)
        self.write_button.clicked.connect(self.start_writing)
        printing = QHBoxLayout()
        printing.addWidget(self.paper)
        printing.addWidget(self.print_button, 1)
        papers = QVBoxLayout()
        papers.addLayout(printing)
        papers.addWidget(self.write_button)
        return papers

    def _toggle(self, text: str, name: str, group: QButtonGroup, row: QHBoxLayout) -> QPushButton:
        made = QPushButton(text, self)
        made.setObjectName(name)
        made.setCheckable(True)
        made.setMinimumHeight(px(40))
        group.addButton(made)
        row.addWidget(made)
        return made

    def _panel(self) -> QFrame:
        """The selected wish, its history, and what can be done with it."""
        panel = QFrame(self)
        panel.setObjectName("wishPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(px(440))
        self.panel = panel
        self.detail = QLabel(tr("选中一个心愿查看详情。"), panel)
        self.detail.setObjectName("wishDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = RowsModel(history_columns(self.shell.people), parent=self)
        self.history_view = table(self.history, panel, single=True, wrap=False)
        self.history_view.setObjectName("wishHistory")
        self.history_view.setMaximumHeight(px(150))
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
        self.reason = field(panel, "withdrawReason", tr("撤回原因"))
        self.withdraw_button = big_button(tr("撤回心愿"), panel, "withdrawButton")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.reason.returnPressed.connect(self.withdraw)
        self.withdraw_row = QWidget(panel)
        row = QHBoxLayout(self.withdraw_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reason, 1)
        row.addWidget(self.withdraw_button)
        side = QVBoxLayout(panel)
        side.addLayout(self._papers())
        side.addWidget(self.detail)
        side.addWidget(self.history_view)
        side.addWidget(self.actions, 1)
        side.addWidget(self.withdraw_row)
        return panel

    def resizeEvent(self, event) -> None:
        """The filters above, the wall's papers and writing on the panel: one row of them all
        would not fit a window at its smallest (1000 wide at 100 %); there the panel also gives
        the list some of its width, so a wish keeps more than a few characters a line."""
        super().resizeEvent(event)
        self.panel.setFixedWidth(px(440) if event.size().width() >= px(1100) else px(340))

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

    def on_changed(self, areas: frozenset[Area]) -> None:
        if areas & {Area.WISHES, Area.HOUSEHOLDS}:
            self.loaded = False
            if self.isVisible():
                self.reload()
        if areas & {Area.GOODS, Area.STOCK}:
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
        for status, made in self.filter_buttons.items():
            name = tr("全部") if status is None else status_name(status, self.lang)
            made.setText(f"{name} {sum(1 for w in rows if status is None or w.status == status)}")
        self._show_rows()
        self.current = next((w for w in rows if w.id == wanted), None)
        self.wall.select(self.current)
        self._show_current()

    def status_filter(self) -> str | None:
        return next((s for s, b in self.filter_buttons.items() if b.isChecked()), None)

    def _show_rows(self) -> None:
        self.wall.show_wishes(self.rows, self.status_filter())
        self.wall.select(self.current)

    def show_as(self, *, cards: bool) -> None:
        self.wall.show_page(cards, self.current)
        (self.as_cards if cards else self.as_list).setChecked(True)
        for made in self.filter_buttons.values():
            made.setEnabled(not cards)

    def _picked(self, wish: wishes.WishView) -> None:
        self.current = wish
        self._show_current(fresh_forms=True)

    def pick(self, wish_id: int) -> None:
        """Select a wish (as a click on its line or card does)."""
        wish = next(w for w in self.rows if w.id == wish_id)
        self.wall.select(wish)
        self._picked(wish)

    def _show_current(self, fresh_forms: bool = False) -> None:
        w = self.current
        self.history_view.setVisible(w is not None)
        if w is None:
            self.detail.setText(tr("选中一个心愿查看详情。"))
            self.history.set_rows([])
        else:
            self.detail.setText(self.details(w))
            db, actor, wish_id = self.db, self.actor, w.id
            self.ops.read(lambda: wishes.history(db, actor, wish_id), bar=self.bar,
                          done=lambda rows, wanted=wish_id: self._history(wanted, rows))
        if fresh_forms:
            for form in (self.claim_form, self.deliver_form, self.thank_form):
                form.clear()
            self.reason.clear()
        self._show_actions()

    def details(self, w: wishes.WishView) -> str:
        """The wish, all that happened to it, as rich text for the panel."""
        lang = self.lang
        parts = [f"<b style='font-size:15pt'>#{w.id} {status_name(w.status, lang)}</b>",
                 escape(who(w)) + (tr("，同意公开姓名") if w.show_name
                                   else tr("，墙上显示为 %1").replace("%1", escape(w.public_name))),
                 f"<b>{escape(w.text)}</b>",
                 tr("%1，%2写下").replace("%1", messages.stored(w.category, lang))
                 .replace("%2", w.written_on.isoformat())
                 + (tr("，估价 %1 元").replace("%1", value(w.value_fen)) if w.value_fen else "")]
        if w.donor:
            parts.append(tr("认领：%1 %2（%3）").replace("%1", messages.donor_type(w.donor_type, lang))
                         .replace("%2", escape(w.donor)).replace("%3", escape(w.donor_contact)))
        if w.delivered_on:
            where = (tr("作为捐赠入库（入库单 %1）").replace("%1", str(w.intake_id)) if w.intake_id
                     else tr("直接交给农户"))
            parts.append(tr("送达：%1，%2 交付，%3").replace("%1", w.delivered_on.isoformat())
                         .replace("%2", escape(w.handed_by)).replace("%3", where))
        if w.echo:
            parts.append(tr("回音：%1").replace("%1", escape(w.echo)))
        if w.withdrawn_reason:
            parts.append(tr("撤回原因：%1").replace("%1", escape(w.withdrawn_reason)))
        return "<br>".join(parts)

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
    def _open_write_form(self) -> None:
        self.write_form.start()
        self.actions.setCurrentWidget(self.write_form)
        self.withdraw_row.hide()

    def start_writing(self) -> None:
        if self.actor.role != Role.ADMIN:
            return
        self._open_write_form()
        self.bar.info(tr("请扫描村民的积分卡。"))

    def scan(self, code: str) -> None:
        if self.actor.role != Role.ADMIN:
            return
        if self.actions.currentWidget() is not self.write_form:
            self._open_write_form()
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
                       bar=self.bar, failed=lambda _e: self.reload(), areas={Area.WISHES},
                       done=lambda v: self.bar.done(tr("第 %1 号心愿已撤回（记录保留）。").replace("%1", str(v.id))))

    def print_wall(self) -> None:
        db, actor, paper, lang = self.db, self.actor, self.paper.currentData(), self.lang
        path = documents.path(documents.WISH_WALL, today().isoformat(), paper)

        def work():
            wall = wishes.wall_sheet(db, actor, lang)
            pages = wishwall.render(wall.cards, path, shop=wall.shop, words=wall.words, paper=paper)
            return len(wall.cards), pages

        self.ops.read(work, widget=self.print_button, bar=self.bar,
                      done=lambda result: self._printed(path, *result))

    def _printed(self, path, count: int, pages: int) -> None:
        self.last_wall = path
        documents.show(self.bar, path, tr("心愿墙（%1 个待认领心愿，%2 页）已在 PDF 阅读器中打开，请从那里打印。")
                       .replace("%1", str(count)).replace("%2", str(pages)))


register(Entry("wishes", QT_TRANSLATE_NOOP("Areas", "心愿墙"), "F8", WishesScreen, order=70))
