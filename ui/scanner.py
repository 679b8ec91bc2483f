"""The application-wide scan filter: a barcode scanner owns its keys, wherever the focus is.

A USB scanner types like a keyboard: the code's characters a few
milliseconds apart, then Enter. This filter, installed on the
``QApplication``, holds back printable keys as they arrive at the window
(an application filter sees each real key twice: once for the ``QWindow``,
once for the focused widget; it is counted on the window object only). If
Enter follows a burst of at least ``MIN_LENGTH`` characters, each within
``gap_ms`` of the last, the burst is a scan: ``scanned(code)`` is emitted and
neither the characters nor the Enter reach any widget, so a scan's Enter
never presses a button or closes a dialog. If the gap runs out first, the
held keys are given to the focused widget as typed: a person typing slowly
(or a name in a search field) sees nothing different, apart from a delay
of one gap.

Scanners programmed with a prefix and/or suffix: the prefix and suffix
(settings) are taken off the code. Keys typed into a password field are
never held: a quick typist's password and Enter log in; but a whole burst with
its Enter in a password field is a card scanned at the lock screen, set aside
(``password_scanned``) rather than tried. The shell keeps the filter on while
it is locked (and routes no scan then), and off until someone has logged in.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QLineEdit

MIN_LENGTH = 6
DEFAULT_GAP_MS = 50
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


@dataclass
class _Held:
    key: int
    text: str
    modifiers: Qt.KeyboardModifier
    at: float  # milliseconds


class ScanFilter(QObject):
    """Install with ``app.installEventFilter(filter)``; connect ``scanned``."""

    scanned = Signal(str)
    # A burst that ended in a password field: a card scanned at the lock screen, not a try.
    password_scanned = Signal()

    def __init__(self, parent: QObject | None = None, *, gap_ms: int = DEFAULT_GAP_MS,
                 prefix: str = "", suffix: str = ""):
        super().__init__(parent)
        self.gap_ms = gap_ms
        self.prefix = prefix
        self.suffix = suffix
        self.enabled = True
        self._held: list[_Held] = []
        self._password_keys: list[float] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.release)

    def configure(self, *, gap_ms: int, prefix: str, suffix: str) -> None:
        self.gap_ms, self.prefix, self.suffix = gap_ms, prefix, suffix

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress
                or not isinstance(watched, QWindow)):
            return False
        key = event.key()
        # The input's own time stamp: a busy PC may handle the keys late, but they came when they came.
        now = event.timestamp() or time.perf_counter() * 1000
        if _typing_a_password():
            return self._password_key(event, now)
        if key in _ENTER and not (event.modifiers() & _MODIFIERS):
            if self._held and self._within_gap(now) and len(self._code_text()) >= MIN_LENGTH:
                code = self._strip(self._code_text())
                self._held.clear()
                self._timer.stop()
                if code:
                    self.scanned.emit(code)
                return True
            if self._held:
                self.release()
                self._replay([_Held(key, event.text(), event.modifiers(), now)])
                return True
            return False
        text = event.text()
        if len(text) == 1 and text.isprintable() and not (event.modifiers() & _MODIFIERS) \
                and not event.isAutoRepeat():
            if self._held and not self._within_gap(now):
                self.release()
            self._held.append(_Held(key, text, event.modifiers(), now))
            self._timer.start(self.gap_ms)
            return True
        if self._held:
            # Any other key ends the burst; what was held goes first, then this key as normal.
            self.release()
        return False

    def _password_key(self, event: QKeyEvent, now: float) -> bool:
        """Keys typed into a password pass at once, never held. A burst that ends in Enter is a
        card scanned into the field (a villager at a locked counter): the field is emptied and
        the Enter eaten, so it is no try at the password and locks nobody out."""
        if event.key() in _ENTER:
            times, self._password_keys = self._password_keys, []  # a longer gap restarted it: one burst
            if len(times) >= MIN_LENGTH and now - times[-1] <= self.gap_ms:
                self._held.clear()  # the burst's first keys, if they came before the focus did
                self._timer.stop()
                focus = QApplication.focusWidget()
                if isinstance(focus, QLineEdit):
                    focus.clear()
                self.password_scanned.emit()
                return True
            return False
        text = event.text()
        if len(text) == 1 and text.isprintable() and not (event.modifiers() & _MODIFIERS):
            if self._password_keys and now - self._password_keys[-1] > self.gap_ms:
                self._password_keys.clear()
            self._password_keys.append(now)
        elif event.key() not in (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock):
            self._password_keys.clear()
        return False

    def release(self) -> None:
        """Give the held keys to the focused widget, as typed."""
        self._timer.stop()
        held, self._held = self._held, []
        self._replay(held)

    def _within_gap(self, now: float) -> bool:
        return now - self._held[-1].at <= self.gap_ms

    def _code_text(self) -> str:
        return "".join(h.text for h in self._held)

    def _strip(self, code: str) -> str:
        if self.prefix and code.startswith(self.prefix):
            code = code[len(self.prefix):]
        if self.suffix and code.endswith(self.suffix):
            code = code[: -len(self.suffix)]
        return code.strip()

    def _replay(self, held: list[_Held]) -> None:
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is None or not held:
            return
        self._replaying = True
        try:
            for h in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, h.key, h.modifiers, h.text))
        finally:
            self._replaying = False


def _typing_a_password() -> bool:
    """A password is typed, however fast, never scanned: its Enter must log in."""
    focus = QApplication.focusWidget()
    return isinstance(focus, QLineEdit) and focus.echoMode() != QLineEdit.EchoMode.Normal


def no_input_method(*widgets) -> None:
    """Scans land here: a Chinese input method must not swallow their digits."""
    for widget in widgets:
        widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        widget.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhNoPredictiveText
                                   | Qt.InputMethodHint.ImhLatinOnly)
