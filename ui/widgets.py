"""The pieces every screen is built from: type sizes, headings, buttons, fields, rows and
columns, a framed form (Enter in any field saves it), the one table, the search box with its
list, the households' filter. Asking a person (a confirmation, a question, a supervisor's
approval) is ``ui.asking``::

    box = form_box(self.tr("本机"), self, (self.tr("扫码枪前缀"), self.prefix), ("", self.save_button))
    column(box, row((self.view, 1), self.reload_button), STRETCH, parent=self)

A text of a module (not of a class) goes through ``tr`` here, looked up where lupdate files it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLayout, QLineEdit, QPushButton, QScrollArea, QSpinBox, QStyle, QTableView, QVBoxLayout,
    QWidget,
)

from pos.periods import LOCAL
from ui.models import RowsModel
from ui.sizes import pt, px

MAIN_BUTTON = "QPushButton:enabled { background:#2b6cb0; color:white; font-weight:bold; }"


def tr(text: str) -> str:
    """A text of a module, not of a class: lupdate files a plain ``tr("...")`` under the empty
    context, so it is looked up there."""
    return QCoreApplication.translate("", text)


# --- type ------------------------------------------------------------------------------------

def big(widget, factor: float = 1.15, bold: bool = False):
    """``widget`` in type ``factor`` times the window's."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
    return widget


def sized(widget, points: float, bold: bool = False):
    """``widget`` in type of ``points`` (at 100 %; smaller on a small screen, see ``ui.sizes``)."""
    font = widget.font()
    font.setPointSizeF(pt(points))
    font.setBold(bold)
    widget.setFont(font)
    return widget


def title(text: str, parent=None) -> QLabel:
    """A screen's title, above its work."""
    return big(QLabel(text, parent), 1.35, True)


def heading(text: str, parent, size: float = 14.0) -> QLabel:
    """A part's heading inside a screen."""
    return sized(QLabel(text, parent), size, True)


# --- buttons and fields ----------------------------------------------------------------------

def big_button(text: str, parent, name: str, *, main: bool = False) -> QPushButton:
    """A button easy to hit; ``main``: the one that does the page's work, in colour."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMinimumHeight(px(44))
    if main:
        button.setStyleSheet(MAIN_BUTTON)
    return button


def field(parent, name: str, placeholder: str = "", *, secret: bool = False) -> QLineEdit:
    """A line to type in; ``secret``: a password, shown as dots."""
    line = QLineEdit(parent)
    line.setObjectName(name)
    line.setPlaceholderText(placeholder)
    if secret:
        line.setEchoMode(QLineEdit.EchoMode.Password)
    return line


def choices(parent, items, *, name: str = "") -> QComboBox:
    """A box to choose from ``items``, each ``(text shown, value kept)``."""
    box = QComboBox(parent)
    for text, value in items:
        box.addItem(text, value)
    if name:
        box.setObjectName(name)
    return box


def spin_box(parent, low: int, high: int, *, suffix: str = "", prefix: str = "", name: str = "") -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setPrefix(prefix)
    if name:
        box.setObjectName(name)
    return box


def no_default(*buttons) -> None:
    """Enter in a dialog's field must not press these buttons."""
    for button in buttons:
        button.setAutoDefault(False)
        button.setDefault(False)


MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def month_title(month: str, lang: str) -> str:
    """A month ("2026-09") as the window's language writes it: 2026年9月, September 2026."""
    year, number = month.split("-")[:2]
    return f"{MONTHS_EN[int(number) - 1]} {year}" if lang == "en" else f"{year}年{int(number)}月"


def today() -> date:
    """Today in Beijing time, the shop's one calendar, whatever zone this PC is set to."""
    return datetime.now(LOCAL).date()


def date_field(parent=None, value: date | None = None) -> QDateEdit:
    day = QDateEdit(parent)
    day.setCalendarPopup(True)
    day.setDisplayFormat("yyyy-MM-dd")
    value = value or today()
    day.setDate(QDate(value.year, value.month, value.day))
    day.setMaximumDate(QDate.currentDate().addDays(1))
    return day


def date_of(day: QDateEdit) -> date:
    return day.date().toPython()


def debounce(signal, slot: Callable[[], None], parent: QObject, ms: int = 250) -> QTimer:
    """Run ``slot`` once typing stops: each ``signal`` restarts the wait, so a search is not
    read again for every key."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    signal.connect(lambda *_: timer.start())
    return timer


# --- a screen's parts ------------------------------------------------------------------------

STRETCH = None  # in a row or column: the free space goes here


def _lay(layout, parts):
    for part in parts:
        stretch = 0
        if isinstance(part, tuple):
            part, stretch = part
        if part is STRETCH:
            layout.addStretch(1)
        elif isinstance(part, int):
            layout.addSpacing(part)
        elif isinstance(part, QLayout):
            layout.addLayout(part, stretch)
        else:
            layout.addWidget(part, stretch)
    return layout


def row(*parts, parent: QWidget | None = None) -> QHBoxLayout:
    """``parts`` left to right: a widget or a layout, ``(part, stretch)`` for one that takes
    the free width, a number for that much space, ``STRETCH`` for the free space itself.
    With ``parent``, the row is that widget's layout."""
    return _lay(QHBoxLayout(parent) if parent is not None else QHBoxLayout(), parts)


def column(*parts, parent: QWidget | None = None) -> QVBoxLayout:
    """``parts`` top to bottom, as ``row`` takes them."""
    return _lay(QVBoxLayout(parent) if parent is not None else QVBoxLayout(), parts)


def form_box(title: str, parent, *rows) -> QGroupBox:
    """A framed form: each of ``rows`` a ``(label, field)``; a field (or layout) with an empty
    label stands under the others' fields."""
    box = QGroupBox(title, parent)
    form = QFormLayout(box)
    for label, part in rows:
        form.addRow(label, part)
    return box


def side_column(parent, width: int, *parts: QWidget) -> QWidget:
    """``parts`` one under another from the top, in a column ``width`` wide beside a list.

    The column scrolls when the window is too low for it (1366×768 at 150 %), so its forms
    keep their height instead of being crushed to slivers."""
    holder = QWidget()
    column(*parts, STRETCH, parent=holder).setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(parent)
    scroll.setObjectName("sideColumn")
    scroll.setWidget(holder)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    extent = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    scroll.setFixedWidth(px(width) + extent + 2)
    holder.setMinimumWidth(px(width))
    return scroll


class HouseholdFilter(QObject):
    """The search field and group box a list of households is narrowed by (a name, pinyin
    initials or a card number; a villager group); ``changed`` fires when typing stops or
    another group is chosen. The screen lays the two out where it wants them."""

    changed = Signal()

    def __init__(self, parent: QWidget, placeholder: str, *, search_name: str, group_name: str):
        super().__init__(parent)
        self.search = field(parent, search_name, placeholder)
        self.search.setClearButtonEnabled(True)
        self.group = QComboBox(parent)
        self.group.setObjectName(group_name)
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        debounce(self.search.textChanged, self.changed.emit, self)
        self.group.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_groups(self, groups) -> None:
        """The village's groups, after 全部小组; the chosen one stays chosen."""
        chosen = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(self.tr("全部小组"), None)
        for name in groups:
            self.group.addItem(name, name)
        self.group.setCurrentIndex(max(self.group.findData(chosen), 0))
        self.group.blockSignals(False)


class EnterSubmits(QObject):
    """Enter in any of a form's fields (a line, a number box, a choice, a date) does the
    form's work, as Enter in a web form does: nothing typed is lost for want of a mouse."""

    def __init__(self, parent: QObject, slot: Callable[[], None], fields):
        super().__init__(parent)
        self.slot = slot
        for part in fields:
            if isinstance(part, QLineEdit):
                part.returnPressed.connect(slot)
            else:
                part.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not (isinstance(watched, QComboBox) and watched.view().isVisible()):
            self.slot()
            return True
        return False


def enter_submits(parent: QObject, slot: Callable[[], None], *fields) -> EnterSubmits:
    return EnterSubmits(parent, slot, fields)


class DownMovesInto(QObject):
    """Down in a search field moves into its list, onto the first row (or the one chosen)."""

    def __init__(self, field_: QLineEdit, view: QTableView, enter: bool = False):
        super().__init__(field_)
        self.view, self.enter = view, enter
        field_.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        keys = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) if self.enter else (Qt.Key.Key_Down,)
        if event.type() == QEvent.Type.KeyPress and event.key() in keys and self.view.model().rowCount():
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.view.model().index(0, 0))
            if not self.view.selectionModel().hasSelection():
                self.view.selectRow(self.view.currentIndex().row())
            return True
        return False


def down_moves_into(field_: QLineEdit, view: QTableView, *, enter: bool = False) -> DownMovesInto:
    """``enter``: Enter in the field moves into the list too (where Enter has nothing else to do)."""
    return DownMovesInto(field_, view, enter)


class FormBox(QGroupBox):
    """The form beside a list, for a new row or the list's selected one: a heading that says
    which (新增… or 修改：…), the fields (``form``), 保存 and 清空, and the button that loads
    the selected row into it."""

    def __init__(self, title: str, parent, *, heading: str, save_name: str, edit: str):
        super().__init__(title, parent)
        self.heading = big(QLabel(heading, self), 1.05, True)
        self.form = QFormLayout()
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName(save_name)
        self.clear_button = QPushButton(self.tr("清空"), self)
        self.edit_button = QPushButton(edit, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.edit_button)


# --- tables ----------------------------------------------------------------------------------

def table(model, parent=None, *, stretch: int | None = None, single: bool = False, wrap: bool = True,
          points: float | None = None) -> QTableView:
    """A read-only table over a ``RowsModel``: whole rows selected (``single``: one at a time),
    columns fitted to their contents with ``stretch`` (or the last) taking the rest, big rows;
    the rows' type ``points`` large when given."""
    view = QTableView(parent)
    if points is not None:
        # Before the header measures the rows: under the window's style sheet a font set after
        # that is lost when the screen moves into the shell.
        sized(view, points)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(wrap)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(px(34))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view


def selected_rows(view: QTableView) -> list:
    model = view.model()
    return [model.row(index.row()) for index in sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())]


class SearchBox(QWidget):
    """A field with a list of matches under it: Up/Down move, Enter picks.

    With ``overlay`` (a widget that holds the field), the list floats over that widget just
    below the field instead of taking room in the layout, so nothing around it moves."""

    picked = Signal(object)  # the row (a frozen dataclass)
    entered = Signal(str)  # Enter with no list shown

    def __init__(self, columns, placeholder: str, parent=None, *, overlay: QWidget | None = None):
        super().__init__(parent)
        self.overlay = overlay
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(placeholder)
        self.field.setClearButtonEnabled(True)
        self.model = RowsModel(columns, parent=self)
        self.view = QTableView(overlay or self)
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
        if overlay is None:
            layout.addWidget(self.view)
        else:
            self.view.setFrameShape(QFrame.Shape.Box)
            self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.field.installEventFilter(self)
        self.field.returnPressed.connect(self._enter)

    def show_rows(self, rows) -> None:
        self.model.set_rows(rows)
        if rows and self.overlay is not None:
            self._float()
        self.view.setVisible(bool(rows))
        if rows:
            self.view.selectRow(0)
            if self.overlay is not None:
                self.view.raise_()

    def _float(self) -> None:
        """Place the floating list under the field, as wide as the field (or wider), as tall
        as its rows need up to its maximum height."""
        at = self.field.mapTo(self.overlay, self.field.rect().bottomLeft())
        width = max(self.field.width(), px(420))
        width = min(width, self.overlay.width() - at.x() - 4)
        self.view.resizeColumnsToContents()
        rows = self.model.rowCount()
        height = self.view.horizontalHeader().sizeHint().height() + 4 + sum(
            self.view.rowHeight(r) for r in range(min(rows, 12)))
        height = min(height, self.view.maximumHeight(), self.overlay.height() - at.y() - 4)
        self.view.setGeometry(at.x(), at.y() + 2, width, max(height, px(60)))

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
