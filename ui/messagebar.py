"""The inline message bar every screen has: red for a refusal, green for done.

A routine refusal (a misread card, not enough points) never opens a modal
box: a box steals the scanner's next Enter and the sale goes on without
anyone reading it. The bar stays until the next message or ``clear()``, and
plays a sound of its own so the administrator hears a refusal without
looking up.

Use::

    self.bar = MessageBar(self)
    layout.addWidget(self.bar)
    self.bar.refuse(error.message(lang))   # red + the refusal sound
    self.bar.done(self.tr("已兑换"))          # green + the done sound

``ui.operations`` routes a ``ShopError`` to the bar of the screen that started
the call, so most screens only ever call ``done()``. ``offer(label, do)`` puts one button
on the message (open the folder a PDF was saved in); the next message takes it away.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton

REFUSED, DONE, INFO = "refused", "done", "info"
_STYLE = {
    REFUSED: "background:#fde2e1; color:#a4000f; border:2px solid #d93025;",
    DONE: "background:#e3f4e4; color:#0b5d1e; border:2px solid #2e7d32;",
    INFO: "background:#eef3fb; color:#1c3d6e; border:2px solid #7a9cc6;",
}


def play(kind: str) -> None:
    """A short sound for ``kind``: on Windows the system's error / ok sounds, else the bell."""
    if sys.platform == "win32":
        import winsound

        winsound.MessageBeep(winsound.MB_ICONHAND if kind == REFUSED else winsound.MB_OK)
    elif kind == REFUSED:
        QApplication.beep()


class MessageBar(QFrame):
    """One line of feedback in large type; empty (and thin) when there is nothing to say."""

    shown = Signal(str, str)  # kind, text

    def __init__(self, parent=None, *, sound: bool = True):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.sound = sound
        self.kind = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.label.setFont(font)
        self.action = QPushButton(self)
        self.action.setObjectName("messageAction")
        self.action.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.action.setAutoDefault(False)
        self.action.hide()
        self.action.clicked.connect(lambda: self._do())
        self._do = lambda: None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        self.clear()

    @property
    def text(self) -> str:
        return self.label.text()

    def refuse(self, text: str) -> None:
        self._show(REFUSED, text)

    def done(self, text: str) -> None:
        self._show(DONE, text)

    def info(self, text: str) -> None:
        self._show(INFO, text)

    def offer(self, label: str, do) -> None:
        """A button beside the message, until the next message."""
        self._do = do
        self.action.setText(label)
        self.action.show()

    def clear(self) -> None:
        self.kind = ""
        self.action.hide()
        self.label.clear()
        self.setStyleSheet("#messageBar { border: 2px solid transparent; }")

    def _show(self, kind: str, text: str) -> None:
        self.kind = kind
        self.action.hide()
        self.label.setText(text)
        self.setStyleSheet(f"#messageBar {{ {_STYLE[kind]} border-radius:6px; }}"
                           f" QLabel {{ color:{_STYLE[kind].split('color:')[1].split(';')[0]}; }}")
        if self.sound and kind != INFO:
            play(kind)
        self.shown.emit(kind, text)
