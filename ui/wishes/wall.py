"""The wall itself: the wishes as a list (any status, filtered) or as paper notes in a column
for each status, and the selected wish's history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication, QItemSelectionModel, QRect, QSize, Qt, QT_TRANSLATE_NOOP, QTimer, Signal,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListView, QStackedWidget, QStyle, QStyledItemDelegate,
    QVBoxLayout, QWidget,
)

from pos import messages, wishes
from pos.periods import LOCAL
from pos.vocabulary import WishStatus
from ui.models import Column, RowsModel, yuan
from ui.sizes import px
from ui.widgets import heading, table, tr

LIVE = (WishStatus.OPEN, WishStatus.CLAIMED, WishStatus.DELIVERED, WishStatus.THANKED)
# What happened to a wish; pos keeps these as the kinds of its history.
EVENT_NAMES = {
    "written": QT_TRANSLATE_NOOP("Wall", "写下心愿"), "claimed": QT_TRANSLATE_NOOP("Wall", "认领"),
    "delivered": QT_TRANSLATE_NOOP("Wall", "送达"), "thanked": QT_TRANSLATE_NOOP("Wall", "回音"),
    "withdrawn": QT_TRANSLATE_NOOP("Wall", "撤回"),
}


def status_name(status: str, lang: str) -> str:
    return messages.word(WishStatus(status), lang)


def value(fen: int) -> str:
    """A wish's estimated value: whole yuan, as it was typed."""
    return yuan(fen).removesuffix(".00")


def day(written: date | None) -> str:
    return tr("%1月%2日").replace("%1", str(written.month)).replace("%2", str(written.day)) if written else ""


def who(w: wishes.WishView) -> str:
    return f"{w.group} {w.head_name}" + (f"（{w.member}）" if w.member else "")


def list_columns(lang: str = "zh") -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("RowsModel", "编号"), lambda w: str(w.id), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda w: status_name(w.status, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "农户"), lambda w: f"{w.group} {w.head_name}"),
        Column(QT_TRANSLATE_NOOP("RowsModel", "心愿"), lambda w: w.text, tooltip=lambda w: w.text),
        Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda w: messages.stored(w.category, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "写下"), lambda w: day(w.written_on)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "估价（元）"), lambda w: value(w.value_fen) if w.value_fen else "",
               right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "认领人"), lambda w: w.donor),
    ]


def card_text(w: wishes.WishView, lang: str = "zh") -> str:
    lines = [f"#{w.id}  {who(w)}", w.text,
             tr("%1 · %2写").replace("%1", messages.stored(w.category, lang)).replace("%2", day(w.written_on))]
    if w.donor:
        lines.append(tr("认领：%1").replace("%1", w.donor))
    if w.echo:
        lines.append(tr("回音：%1").replace("%1", w.echo))
    return "\n".join(lines)


def history_columns(people: dict[str, str] | None = None) -> list[Column]:
    """What happened to a wish, when (Beijing time) and by whom (``people``: login name -> name)."""
    people = {} if people is None else people
    return [
        Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda e: e.at.astimezone(LOCAL).strftime("%m-%d %H:%M")),
        Column(QT_TRANSLATE_NOOP("RowsModel", "经过"),
               lambda e: QCoreApplication.translate("Wall", EVENT_NAMES[e.kind]) if e.kind in EVENT_NAMES else e.kind),
        Column(QT_TRANSLATE_NOOP("RowsModel", "操作员"), lambda e: people.get(e.operator) or e.operator),
    ]


class CardDelegate(QStyledItemDelegate):
    """A wish drawn as a paper note: its whole text wrapped to the column's width."""

    PAD, GAP = 10, 6

    def _text_rect(self, option) -> QRect:
        return option.rect.adjusted(self.PAD, self.PAD + self.GAP // 2, -self.PAD, -self.PAD - self.GAP // 2)

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


class Wall(QStackedWidget):
    """The list (page 0) or the cards by status (page 1); a wish picked in either is shown
    picked in both, and ``picked`` tells the screen."""

    picked = Signal(object)  # the WishView a person clicked

    def __init__(self, parent, lang: str):
        super().__init__(parent)
        self.lang = lang
        self._selecting = False
        self.model = RowsModel(list_columns(lang), parent=self)
        self.list_view = table(self.model, self, single=True, wrap=True)  # the wish in the villager's words, whole
        self.list_view.setObjectName("wishList")
        header = self.list_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Fixed)
        self.list_view.setColumnWidth(7, px(150))  # the donor in full is in the panel beside
        self.list_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._picked(self.model, current))
        self.card_models: dict[WishStatus, RowsModel] = {}
        self.card_views: dict[WishStatus, QListView] = {}
        self.card_titles: dict[WishStatus, QLabel] = {}
        cards = QWidget(self)
        columns = QHBoxLayout(cards)
        columns.setContentsMargins(0, 0, 0, 0)
        for status in LIVE:
            model, view = self._cards(status, cards)
            title = heading(status_name(status, lang), cards, 13)
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view, 1)
            columns.addLayout(column, 1)
            self.card_models[status], self.card_views[status], self.card_titles[status] = model, view, title
        self.addWidget(self.list_view)
        self.addWidget(cards)

    def _cards(self, status: WishStatus, parent) -> tuple[RowsModel, QListView]:
        lang = self.lang
        model = RowsModel([Column(QT_TRANSLATE_NOOP("RowsModel", "心愿"), lambda w: card_text(w, lang))],
                          parent=self)
        view = QListView(parent)
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
        view.selectionModel().currentRowChanged.connect(lambda current, _previous: self._picked(model, current))
        return model, view

    def _fit_donor(self) -> None:
        """The donor's column gives way before the wish's does, narrower and then gone (the
        donor is on the panel beside): long words ("waiting for a donor") or a narrow window
        must not leave the wish a character a line."""
        header = self.list_view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c not in (3, 7))
        room = self.list_view.viewport().width() - others - px(200)
        self.list_view.setColumnHidden(7, room < px(60))
        if room >= px(60) and header.sectionSize(7) != min(px(150), room):
            self.list_view.setColumnWidth(7, min(px(150), room))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_donor)  # once the columns have their new widths

    def show_wishes(self, rows: list[wishes.WishView], status: str | None) -> None:
        """Every live wish among the cards; the list only those of ``status`` (None: all)."""
        self.model.set_rows([w for w in rows if status is None or w.status == status])
        QTimer.singleShot(0, self._fit_donor)
        for live in LIVE:
            shown = [w for w in rows if w.status == live]
            self.card_models[live].set_rows(shown)
            self.card_titles[live].setText(tr("%1（%2）").replace("%1", status_name(live, self.lang))
                                           .replace("%2", str(len(shown))))

    def show_page(self, cards: bool, wish: wishes.WishView | None) -> None:
        """The cards (or the list), ``wish`` still the one selected: the view that takes the
        focus as the page turns must not pick its first wish on its own."""
        self._selecting = True
        try:
            self.setCurrentIndex(1 if cards else 0)
        finally:
            self._selecting = False
        self.select(wish)

    def select(self, wish: wishes.WishView | None) -> None:
        """Show ``wish`` selected in the list and among the cards (without telling anyone)."""
        views = [(self.model, self.list_view)] + [(self.card_models[s], self.card_views[s]) for s in LIVE]
        self._selecting = True
        try:
            for model, view in views:
                row = next((i for i, w in enumerate(model.rows) if wish is not None and w.id == wish.id), -1)
                if row >= 0:
                    view.selectionModel().setCurrentIndex(
                        model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
                else:
                    view.selectionModel().clear()
        finally:
            self._selecting = False

    def _picked(self, model: RowsModel, index) -> None:
        if self._selecting or not index.isValid():
            return
        wish = model.row(index.row())
        self.select(wish)
        self.picked.emit(wish)
