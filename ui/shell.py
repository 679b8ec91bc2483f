"""The main window: a sidebar of large area buttons, the screens, a status bar, the idle lock.

Adding a screen (households, awards, hygiene, goods, settings, supervisor,
wish wall...) takes one module and one line::

    # ui/households.py
    from pos.vocabulary import Area
    from ui.shell import Entry, Screen, register

    class HouseholdsScreen(Screen):
        def __init__(self, shell):
            super().__init__(shell)              # gives self.bar, self.ops, self.db, self.actor
            ...                                  # add self.bar to the layout yourself
        def on_changed(self, areas):             # called after any write, and when another
            if areas & {Area.LEDGER, Area.HOUSEHOLDS}:  # counter PC moved the ledger's head
                self.reload()

    register(Entry("households", QT_TRANSLATE_NOOP("Areas", "农户"), "F4", HouseholdsScreen, order=20))

    # and in SCREEN_MODULES below: "ui.households"

- F-keys: the counter is F1 and uses F2 (find a household), F3 (find goods) and F12
  (confirm) itself; other areas take F4 to F11.
- ``Entry.title`` is the untranslated source; it is translated in the "Areas" context.
- ``Entry.roles`` limits who sees the button (empty: everyone); services check roles again.
- A screen is built the first time it is shown. ``shown()`` runs each time it comes to the front.
- The window opens maximized (``open()``), or at the size a person last left it in; a message
  on a screen's bar is about that screen's work and is cleared when another area comes to the front.
- ``Screen.accepts_scans``: a scan goes to the shown screen if it accepts scans, else to the
  counter (which comes to the front). ``Screen.scan(code)`` receives it.
- ``actor_changed(old, new)`` runs when another user unlocks the locked window; the counter
  keeps the first user's open sale for them.
- Calls into ``pos`` go through ``self.ops`` (see ``ui.operations``); refusals go to ``self.bar``.
- What a write changed is told as ``pos.vocabulary.Area`` members, never free strings: a
  screen listening for a name nobody announces would never refresh.
- The window's language is ``screen.lang`` (the one ``ops`` was started with): the shop's
  fixed words (roles, kinds, statuses, zones) come from ``pos.messages`` in it; the window's
  own texts go through Qt's translation.
"""

from __future__ import annotations

import logging
from pathlib import Path
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QLineEdit, QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget, QWidget,
)

from pos import messages
from pos.periods import LOCAL
from pos.station import settings as local_settings
from pos.station import state as station
from pos.service import Actor
from pos.vocabulary import Area, Role
from ui.areas import AreaScreen, Register, Screens, Sidebar
from ui.sizes import px

log = logging.getLogger("ui")

SCREEN_MODULES = [
    "ui.counter.screen", "ui.households", "ui.awards", "ui.hygiene", "ui.goods.screen", "ui.wishes.screen",
    "ui.supervisor.screen", "ui.settings.screen",
]
STATION_EVERY_MS = 3000


@dataclass(frozen=True)
class Entry:
    """An area of the window: its button in the sidebar, its F-key, and how its screen is made."""

    key: str
    title: str  # source text, translated in the "Areas" context
    shortcut: str  # "F1"...
    make: Callable[[Shell], Screen]
    order: int = 100
    roles: tuple[Role, ...] = ()


REGISTER = Register(SCREEN_MODULES)


def register(area: Entry) -> None:
    REGISTER.add(area)


def areas() -> list[Entry]:
    return REGISTER.entries()


class Screen(AreaScreen):
    """Base of every screen in the shell."""

    accepts_scans = False

    def __init__(self, shell: Shell):
        super().__init__(shell)
        self.shell = shell
        self.last_pdf: Path | None = None  # the newest paper this screen wrote (``ui.documents``)

    def actor_changed(self, old: Actor, new: Actor) -> None:
        """Another user took over the window after the idle lock."""

    def scan(self, code: str) -> None:
        """A scanner's code (only called when ``accepts_scans``)."""


class IdleWatch(QObject):
    """Any key or mouse input restarts the idle timer; when it runs out, ``idle`` fires."""

    idle = Signal()
    _INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
              QEvent.Type.MouseMove, QEvent.Type.TouchBegin}

    def __init__(self, minutes: float, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(int(minutes * 60_000), 1))
        if minutes > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in self._INPUT and self.timer.interval() > 1:
            self.timer.start()
        return False


def _type_into_field(screen: Screen, code: str) -> bool:
    """On a screen that takes no scans, a burst that ends in a field being typed in (a phone
    number typed fast, a card number into a search) is what it looks like: typing. It lands in
    that field, Enter and all, instead of moving the window to the counter."""
    focus = QApplication.focusWidget()
    line = focus.lineEdit() if isinstance(focus, QAbstractSpinBox) and hasattr(focus, "lineEdit") else focus
    if not isinstance(line, QLineEdit) or line.isReadOnly() or not screen.isAncestorOf(focus):
        return False
    line.insert(code)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(focus, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
    return True


def tr_area(text: str) -> str:
    return QCoreApplication.translate("Areas", text)


class Shell(QMainWindow):
    """The main window. ``shell.ops.changed`` reaches every built screen's ``on_changed``."""

    locked_changed = Signal(bool)

    def __init__(self, db, actor: Actor, ops, *, settings, scanner=None):
        super().__init__()
        self.db = db
        self.actor = actor
        self.ops = ops
        self.settings = settings
        self.scanner = scanner
        self.current = ""
        self.head_seq: int | None = None
        self.remember_size = False  # only a window opened by ``open()`` keeps its size
        self.people: dict[str, str] = {}  # login name -> the name a person is shown by
        self.setWindowTitle(self.tr("爱心超市积分兑换"))
        self.setMinimumSize(px(1000), px(640))
        self.areas = [a for a in areas() if not a.roles or actor.role in a.roles]
        self._sidebar()
        self.stack = Screens(self, self.areas)
        self.screens: dict[str, Screen] = self.stack.screens
        workspace = QWidget(self)
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        from ui.login import LockPage

        self.lock_page = LockPage(self)
        self.lock_page.unlocked.connect(self._unlocked)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(workspace)
        self.pages.addWidget(self.lock_page)
        self.setCentralWidget(self.pages)
        self._status_bar()

        ops.changed.connect(self._changed)
        ops.database_trouble.connect(self._database_trouble)
        self.idle = IdleWatch(getattr(settings, "idle_lock_minutes", 10), self)
        QApplication.instance().installEventFilter(self.idle)
        self.idle.idle.connect(self.lock)
        if scanner is not None:
            scanner.enabled = True
            scanner.scanned.connect(self.route_scan)
            scanner.password_scanned.connect(self._password_scanned)
        self.station_timer = QTimer(self)
        self.station_timer.timeout.connect(self.refresh_station)
        self.station_timer.start(STATION_EVERY_MS)
        self.refresh_station()
        self.load_people()
        if self.areas:
            self.show_area(self.areas[0].key)

    def _sidebar(self) -> None:
        """A large button for each area the user may open, its F-key, and the lock."""
        self.sidebar = Sidebar(self, self.areas, tr_area, self.show_area)
        self.buttons, self.group = self.sidebar.buttons, self.sidebar.group
        self.lock_button = QPushButton(self.tr("锁屏"), self.sidebar)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button.setMinimumHeight(px(40))
        self.lock_button.clicked.connect(self.lock)
        self.sidebar.column.addWidget(self.lock_button)

    def _status_bar(self) -> None:
        """Who works the window, the printer, the database, the last backup."""
        status = self.statusBar()
        self.user_label = QLabel(self)
        self.printer_label = QLabel(self)
        self.database_label = QLabel(self)
        self.backup_label = QLabel(self)
        self.retry_button = QPushButton(self.tr("补打小票"), self)
        self.retry_button.setObjectName("retryReceipts")
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retry_button.clicked.connect(self.retry_receipts)
        self.retry_button.hide()
        for label in (self.user_label, self.printer_label, self.retry_button, self.database_label):
            status.addWidget(label)
        status.addPermanentWidget(self.backup_label)
        self.printer_state = ""  # "", "ok", or a fault kind
        self.backup_trouble = ""  # why the day's automatic backup failed, until one is made
        self._show_user()

    @property
    def lang(self) -> str:
        return self.ops.lang

    # --- areas ---------------------------------------------------------------------------
    def screen(self, key: str) -> Screen:
        return self.stack.screen(key)

    def show_area(self, key: str) -> Screen | None:
        if self.locked or key not in self.buttons:
            return None
        leaving = self.screens.get(self.current)
        if leaving is not None and key != self.current and leaving.bar.kind != "done":
            leaving.bar.clear()  # a refusal or a hint was about the work left there
        screen = self.stack.bring(key)
        self.buttons[key].setChecked(True)
        self.current = key
        screen.shown()
        return screen

    def current_screen(self) -> Screen | None:
        return self.screens.get(self.current)

    def route_scan(self, code: str) -> None:
        if self.locked:  # the sale waits for its operator; a scan here is no one's
            self.lock_page.scan_set_aside()
            return
        screen = self.current_screen()
        if screen is not None and not screen.accepts_scans and _type_into_field(screen, code):
            return
        if screen is None or not screen.accepts_scans:
            target = next((a.key for a in self.areas if a.key == "counter"), None)
            screen = self.show_area(target) if target else None
        if screen is not None and screen.accepts_scans:
            screen.scan(code)

    def _password_scanned(self) -> None:
        if self.locked:
            self.lock_page.scan_set_aside()

    # --- people ---------------------------------------------------------------------------
    def load_people(self) -> None:
        from pos import users

        self.ops.read(lambda: {u.username: u.display_name for u in users.list_users(self.db, self.actor)},
                      done=self._people, failed=lambda _error: None)

    def _people(self, names: dict[str, str]) -> None:
        self.people.clear()  # in place: models hold this very dict
        self.people.update(names)

    def person(self, username: str) -> str:
        """A user as people know them: their name, not their login name (wangfang is 王芳)."""
        return self.people.get(username) or username

    def _changed(self, areas: frozenset[Area]) -> None:
        if Area.USERS in areas:
            self.load_people()
        for screen in list(self.screens.values()):
            screen.on_changed(areas)
        self.refresh_station()

    # --- status bar ----------------------------------------------------------------------
    def _show_user(self) -> None:
        role = messages.word(self.actor.role, self.lang)
        self.user_label.setText(self.tr("操作员：%1（%2）").replace("%1", self.actor.display_name)
                                .replace("%2", role))

    def set_printer_state(self, fault: str | None) -> None:
        """Called after printing: None when the last receipt printed, else the fault kind."""
        self.printer_state = fault or "ok"
        self.refresh_station()

    def fault_short(self, fault: str, port: str) -> str:
        """A printer fault in a few words, for the status bar (the full message is the tooltip)."""
        short = {
            "port_missing": self.tr("找不到串口 %1"), "permission": self.tr("打不开串口 %1"),
            "busy": self.tr("串口 %1 被占用"), "write_timeout": self.tr("发送超时"),
            "paper_out": self.tr("缺纸"), "cover_open": self.tr("盖子没盖好"), "offline": self.tr("离线"),
            "no_answer": self.tr("没有应答"),
        }.get(fault, self.tr("通信出错"))
        return short.replace("%1", port)

    def retry_receipts(self) -> None:
        """Print every waiting receipt now (after paper is loaded, the cable plugged in...)."""
        from pos.receipts import printer as receipt_printer

        printer = self.settings.printer
        screen = self.current_screen()
        self.ops.printing(lambda: receipt_printer.retry_waiting(self.db, printer), widget=self.retry_button,
                          bar=screen.bar if screen is not None else None,
                          done=lambda outcome: self.set_printer_state(outcome.fault))

    def refresh_station(self) -> None:
        chosen = getattr(self.settings, "backup_dir", "")  # this window's choice, as its backups use it
        self.ops.read(lambda: station.state(self.db, Path(chosen) if chosen else None), done=self._station,
                      failed=self._station_failed, quiet=True)

    def _station_failed(self, error) -> None:
        self._database_trouble(error.message(self.lang))

    def _database_trouble(self, text: str) -> None:
        """The database cannot be reached or used (a server restarting, a stick pulled out):
        said in the status bar, in red, until a read works again; the timer keeps asking."""
        self.database_label.setText(self.tr("数据库：连不上（自动重试中）"))
        self.database_label.setToolTip(text)
        self.database_label.setStyleSheet("color:#a4000f; font-weight:bold;")

    def _station(self, state: station.Station) -> None:
        if self.head_seq is not None and state.head_seq != self.head_seq:
            self.head_seq = state.head_seq
            for screen in list(self.screens.values()):
                screen.on_changed(frozenset({Area.LEDGER}))
        self.head_seq = state.head_seq
        printer = getattr(self.settings, "printer", None)
        if printer is None or not printer.configured:
            text = self.tr("打印机：未设置")
        elif self.printer_state not in ("", "ok"):
            from pos.receipts.printer import fault_text

            text = self.tr("打印机：%1").replace("%1", self.fault_short(self.printer_state, printer.port))
            self.printer_label.setToolTip(fault_text(self.printer_state, printer.port, self.lang))
        else:
            text = self.tr("打印机：%1").replace("%1", printer.port)
            self.printer_label.setToolTip("")
        if state.receipts_waiting:
            text += self.tr("，%n 张小票待打印", "", state.receipts_waiting)
        self.printer_label.setText(text)
        self.retry_button.setVisible(bool(state.receipts_waiting) and bool(printer and printer.configured))
        self.printer_label.setProperty("fault", bool(state.receipts_waiting or self.printer_state not in ("", "ok")))
        self.printer_label.setStyleSheet("color:#a4000f; font-weight:bold;" if self.printer_label.property("fault") else "")
        short_name = state.database.replace("\\", "/").rsplit("/", 1)[-1] if "://" not in state.database \
            else state.database.rsplit("/", 1)[-1]
        self.database_label.setText(self.tr("数据库：%1").replace("%1", short_name))
        self.database_label.setToolTip(state.database)
        self.database_label.setStyleSheet("")
        self.backup_label.setStyleSheet("color:#a4000f; font-weight:bold;" if self.backup_trouble else "")
        if self.backup_trouble:
            self.backup_label.setText(self.backup_trouble)
        elif state.last_backup is None:
            self.backup_label.setText(self.tr("还没有备份"))
        else:
            self.backup_label.setText(self.tr("上次备份：%1").replace(
                "%1", state.last_backup.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")))

    # --- lock ----------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_page

    def lock(self) -> None:
        if self.locked:
            return
        log.info("window locked (%s)", self.actor.username)
        self.lock_page.prepare(self.actor)
        self.pages.setCurrentWidget(self.lock_page)
        self.sidebar.setEnabled(False)
        self.lock_page.password.setFocus()
        self.locked_changed.emit(True)

    def _unlocked(self, actor: Actor) -> None:
        old = self.actor
        self.actor = actor
        self.pages.setCurrentIndex(0)
        self.sidebar.setEnabled(True)
        self._show_user()
        if old.id != actor.id:
            log.info("window taken over by %s from %s", actor.username, old.username)
            for screen in list(self.screens.values()):
                screen.actor_changed(old, actor)
        self.idle.timer.start()
        self.locked_changed.emit(False)
        screen = self.current_screen()
        if screen is not None:
            screen.shown()

    # --- the window's size --------------------------------------------------------------
    def open(self) -> None:
        """Show the window maximized, or at the size a person left it in if that fits the screen."""
        self.remember_size = True
        width, height = self.settings.window_width, self.settings.window_height
        where = QWidget.screen(self) or QApplication.primaryScreen()  # ``self.screen`` is an area's
        screen = where.availableGeometry() if where is not None else None
        if width and height and screen is not None and width <= screen.width() and height <= screen.height() \
                and width >= self.minimumWidth() and height >= self.minimumHeight():
            self.resize(width, height)
            self.show()
        else:
            self.showMaximized()

    def save_settings(self, new: local_settings.Settings) -> None:
        """This PC's settings (``pos.station.settings``) saved, and in force from now on."""
        local_settings.save(new)
        self.settings = new

    def _keep_size(self) -> None:
        if not self.remember_size:
            return
        size = (0, 0) if self.isMaximized() or self.isFullScreen() else (self.width(), self.height())
        if size == (self.settings.window_width, self.settings.window_height):
            return
        self.settings = replace(self.settings, window_width=size[0], window_height=size[1])
        try:
            local_settings.save(self.settings)
        except OSError as exc:
            log.warning("the window's size was not kept: %s", exc)

    def closeEvent(self, event) -> None:
        self._keep_size()
        self.station_timer.stop()
        QApplication.instance().removeEventFilter(self.idle)
        super().closeEvent(event)
