"""The county's main window: a sidebar of areas, the month being looked at, the screens, and a
status bar (who works it, the county and its key, the database).

A screen is a ``CountyScreen`` registered with ``register(CountyEntry(...))`` in its own
module (listed in ``SCREEN_MODULES``); it is built the first time it is shown, is told
``shown()`` each time it comes to the front, ``on_changed(areas)`` after any write, and
``month_changed(month)`` when the month is moved (screens that show a month).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout,
    QWidget,
)

from pos import messages
from pos.county.vocabulary import CountyRole
from pos.periods import Month
from pos.vocabulary import Area
from ui.areas import AreaScreen, Register, Screens, Sidebar
from ui.sizes import px
from ui.widgets import big

SCREEN_MODULES = ["ui.county.grid", "ui.county.month", "ui.county.packages", "ui.county.keys",
                  "ui.county.spotchecks"]


@dataclass(frozen=True)
class CountyEntry:
    key: str
    title: str  # source text, translated in the "CountyAreas" context
    shortcut: str
    make: Callable[[CountyWindow], CountyScreen]
    order: int = 100
    shows_month: bool = False  # the month bar is shown above it


REGISTER = Register(SCREEN_MODULES)


def register(entry: CountyEntry) -> None:
    REGISTER.add(entry)


def areas() -> list[CountyEntry]:
    return REGISTER.entries()


def tr_area(text: str) -> str:
    return QCoreApplication.translate("CountyAreas", text)


class CountyScreen(AreaScreen):
    """Base of the county's screens: ``self.ops``, ``self.db``, ``self.actor``, ``self.bar``,
    and the month the window is on."""

    @property
    def month(self) -> str:
        return self._home.month

    def month_changed(self, month: str) -> None:
        """The month looked at moved."""


class MonthBar(QFrame):
    """◀ the month ▶: the month the grid and the month's figures are of."""

    moved = Signal(str)

    def __init__(self, parent, month: str):
        super().__init__(parent)
        self.month = month
        self.back = QPushButton(self.tr("◀ 上月"), self)
        self.back.setObjectName("monthBack")
        self.label = big(QLabel(self), 1.3, True)
        self.label.setObjectName("monthLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(px(170))
        self.forward = QPushButton(self.tr("下月 ▶"), self)
        self.forward.setObjectName("monthForward")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.back)
        row.addWidget(self.label)
        row.addWidget(self.forward)
        row.addStretch(1)
        self.back.clicked.connect(lambda: self.set_month(str(Month.parse(self.month).previous())))
        self.forward.clicked.connect(lambda: self.set_month(str(Month.parse(self.month).next())))
        self._show()

    def set_month(self, month: str) -> None:
        if month != self.month:
            self.month = month
            self._show()
            self.moved.emit(month)

    def _show(self) -> None:
        month = Month.parse(self.month)
        self.label.setText(self.tr("%1年%2月").replace("%1", str(month.year)).replace("%2", str(month.month)))


class CountyWindow(QMainWindow):
    def __init__(self, db, actor, ops, info, month: str):
        super().__init__()
        self.db, self.actor, self.ops, self.info = db, actor, ops, info
        self.month = month
        self.current = ""
        self.setWindowTitle(self.tr("%1 爱心超市县级汇总").replace("%1", info.name))
        self.setMinimumSize(px(1000), px(640))
        self.entries = areas()
        self.sidebar = Sidebar(self, self.entries, tr_area, self.show_area)
        self.buttons = self.sidebar.buttons
        self.month_bar = MonthBar(self, month)
        self.month_bar.moved.connect(self._month_moved)
        self.stack = Screens(self, self.entries)
        self.screens: dict[str, CountyScreen] = self.stack.screens
        work = QWidget(self)
        column = QVBoxLayout(work)
        column.setContentsMargins(8, 8, 8, 0)
        column.addWidget(self.month_bar)
        column.addWidget(self.stack, 1)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sidebar)
        row.addWidget(work, 1)
        self.setCentralWidget(central)
        self._status_bar()
        ops.changed.connect(self._changed)
        if self.entries:
            self.show_area(self.entries[0].key)

    def _status_bar(self) -> None:
        status = self.statusBar()
        role = messages.text(f"county_role_{CountyRole(self.actor.role).value}", self.ops.lang)
        self.user_label = QLabel(self.tr("县级用户：%1（%2）").replace("%1", self.actor.display_name)
                                 .replace("%2", role), self)
        self.key_label = QLabel(self)
        self.key_label.setObjectName("countyKey")
        if self.info.key_here:
            self.key_label.setText(self.tr("县级签名密钥：%1").replace("%1", self.info.fingerprint))
        else:
            self.key_label.setText(self.tr("本机没有县级签名私钥：不能导入数据包、签发回执"))
            self.key_label.setStyleSheet("color:#a4000f; font-weight:bold;")
        url = self.db.url
        self.database_label = QLabel(self.tr("县级数据库：%1").replace("%1", url.rsplit("/", 1)[-1].split("?")[0]),
                                     self)
        self.database_label.setToolTip(url.split("@")[-1])
        for label in (self.user_label, self.key_label):
            status.addWidget(label)
        status.addPermanentWidget(self.database_label)

    # --- areas
    def screen(self, key: str) -> CountyScreen:
        return self.stack.screen(key)

    def show_area(self, key: str) -> CountyScreen | None:
        if key not in self.buttons:
            return None
        screen = self.stack.bring(key)
        self.buttons[key].setChecked(True)
        self.current = key
        entry = next(e for e in self.entries if e.key == key)
        self.month_bar.setVisible(entry.shows_month)
        screen.shown()
        return screen

    def current_screen(self) -> CountyScreen | None:
        return self.screens.get(self.current)

    def set_month(self, month: str) -> None:
        self.month_bar.set_month(month)

    def _month_moved(self, month: str) -> None:
        self.month = month
        for screen in list(self.screens.values()):
            screen.month_changed(month)

    def _changed(self, areas: frozenset[Area]) -> None:
        for screen in list(self.screens.values()):
            screen.on_changed(areas)
