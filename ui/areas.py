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

from ui.sizes import px


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
