"""What the shop's window and the county's have alike: a sidebar with a large button for each
area and its F-key, and the screens behind it, each built the first time it is shown.

An entry (``ui.shell.Entry``, ``ui.county.window.CountyEntry``) has ``key``, ``title`` (the
untranslated source), ``shortcut`` ("F1"…) and ``make(window)``; each window keeps its own
register of them and decides what showing an area means (the shop's window clears the bar
left behind and refuses while locked; the county's shows its month bar).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget,
)

from ui.messagebar import MessageBar
from ui.sizes import px


class AreaScreen(QWidget):
    """Base of an area's screen in either window: ``ops`` and ``bar`` of its own, and ``db``,
    ``actor`` and ``lang`` read from the window each time, so a screen always works as whoever
    is logged in now (after the idle lock another user may be)."""

    def __init__(self, home: QWidget):
        super().__init__(home)
        self._home = home
        self.ops = home.ops
        self.bar = MessageBar(self)

    @property
    def db(self):
        return self._home.db

    @property
    def actor(self):
        return self._home.actor

    @property
    def lang(self) -> str:
        """The window's language, for the shop's fixed words (``pos.messages``)."""
        return self.ops.lang

    def shown(self) -> None:
        """Came to the front."""

    def on_changed(self, areas: frozenset) -> None:
        """Something was written (by this window, or, in the shop's, another counter when
        ``Area.LEDGER`` is in areas)."""


class Register:
    """A window's areas: each screen's module adds its entry when imported (``add``);
    ``entries()`` imports them all and gives the entries in their order."""

    def __init__(self, modules: Iterable[str]):
        self.modules = list(modules)
        self.by_key: dict[str, object] = {}

    def add(self, entry) -> None:
        self.by_key[entry.key] = entry

    def entries(self) -> list:
        import importlib

        for name in self.modules:
            importlib.import_module(name)
        return sorted(self.by_key.values(), key=lambda e: (e.order, e.key))


class Sidebar(QFrame):
    """A checkable button for each area, with its F-key, which works anywhere in the window.
    ``buttons`` by area key; ``column`` takes what a window adds under them (the lock)."""

    def __init__(self, window: QWidget, entries: Iterable, title: Callable[[str], str],
                 show: Callable[[str], object]):
        super().__init__(window)
        self.setObjectName("sidebar")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(px(8), px(8), px(8), px(8))
        self.column.setSpacing(px(6))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for entry in entries:
            # "&" would be taken for a mnemonic ("Goods & stock"): doubled, it is shown.
            button = QPushButton(f"{title(entry.title)}\n{entry.shortcut}".replace("&", "&&"), self)
            button.setObjectName(f"area_{entry.key}")
            button.setCheckable(True)
            # Eight areas and the lock fit the height of 1366×768 at 150 % (512 logical pixels).
            # Never narrower than its words ("Hygiene checks"), whichever screen wants the width.
            button.setMinimumSize(max(px(132), button.sizeHint().width()), px(50))
            button.setMaximumHeight(px(80))
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, key=entry.key: show(key))
            self.group.addButton(button)
            self.buttons[entry.key] = button
            self.column.addWidget(button)
            shortcut = QShortcut(QKeySequence(entry.shortcut), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda key=entry.key: show(key))
        self.column.addStretch(1)


class Screens(QStackedWidget):
    """The areas' screens, each made (``entry.make(window)``) the first time it is asked for;
    ``screens`` holds those made so far, by area key."""

    def __init__(self, window: QWidget, entries: Iterable):
        super().__init__(window)
        self.window_ = window
        self.entries = {entry.key: entry for entry in entries}
        self.screens: dict[str, QWidget] = {}

    def screen(self, key: str):
        if key not in self.screens:
            screen = self.entries[key].make(self.window_)
            self.screens[key] = screen
            self.addWidget(screen)
        return self.screens[key]

    def bring(self, key: str):
        """The area's screen, made if need be, in front."""
        screen = self.screen(key)
        self.setCurrentWidget(screen)
        return screen
