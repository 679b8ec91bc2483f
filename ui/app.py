"""The desktop app: QApplication, translations, fault handlers, start-up checks, first start.

``run()`` is what ``aixin gui`` calls. The order on start:

1. the data folder must be writable, and the database must open (an older
   one is copied to ``backups/`` and upgraded); a failure is one dialog that
   says what to do, and exit code 1;
2. a database without a village gets the first-start setup;
3. the login; then the main window (``ui.shell.Shell``).

Nothing that goes wrong later ends the program: ``sys.excepthook`` and a Qt
message handler send it to the log and to the one error dialog.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator, QtMsgType, qInstallMessageHandler,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pos import messages, paths
from pos.station import logs
from pos.station import settings as local_settings
from ui import sizes
from pos.errors import ShopError

log = logging.getLogger("ui")

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"
BASE_POINT_SIZE = 12.0
APP_STYLE = """
QPushButton { padding: 6px 14px; }
QPushButton:checked { background: #2b6cb0; color: white; font-weight: bold; }
QPushButton:disabled { color: #8a8a8a; }
#sidebar { background: #eef1f5; }
QStatusBar QLabel { padding: 0 10px; }
QComboBox { combobox-popup: 0; }
"""


@dataclass
class Started:
    """What a running app holds on to (tests drive these)."""

    app: QApplication
    db: object
    ops: object
    scanner: object
    settings: local_settings.Settings
    lang: str
    log_file: Path


def application(lang: str = "zh") -> QApplication:
    """The QApplication with the app's font, style and translations (created once)."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "aixin"])
    app.setApplicationName("aixin-pos")
    app.setApplicationDisplayName("爱心超市积分兑换" if lang != "en" else "Love Supermarket Points")
    app.setStyle("Fusion")
    sizes.fit_screen(app)
    font = QFont(app.font())
    font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                      "WenQuanYi Micro Hei", "SimHei", font.family()])
    font.setPointSizeF(sizes.pt(BASE_POINT_SIZE))
    app.setFont(font)
    app.setStyleSheet(APP_STYLE)
    install_translations(app, lang)
    return app


_translators: list[QTranslator] = []


def install_translations(app: QApplication, lang: str) -> list[str]:
    """Qt's own catalogue (确定/取消) for Chinese; the app's English catalogue for English.

    The app's texts are written in Chinese, so Chinese needs only Qt's file.
    """
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    loaded = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        candidates = [(I18N, "aixin_en")]
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [(I18N, "qtbase_zh_CN"), (Path(qt_dir), "qtbase_zh_CN")]
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded.append(str(folder / name))
            if name.startswith("qtbase"):
                break
    return loaded


def install_fault_handlers(log_file: Path) -> None:
    """Uncaught exceptions and Qt's critical messages: to the log, and to the error dialog."""
    from ui.errordialog import show_fault

    def hook(kind, value, tb):
        import traceback

        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught: %s", details)
        if QApplication.instance() is not None:
            show_fault(str(value) or kind.__name__, details, str(log_file))

    def thread_hook(args):
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    def qt_messages(mode, context, message):
        where = f"{context.file}:{context.line}" if context.file else ""
        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            log.error("Qt: %s %s", message, where)
            if mode == QtMsgType.QtCriticalMsg and QApplication.instance() is not None:
                QTimer.singleShot(0, partial(show_fault, message, where, str(log_file)))
        elif mode == QtMsgType.QtWarningMsg:
            log.warning("Qt: %s %s", message, where)
        else:
            log.debug("Qt: %s", message)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    qInstallMessageHandler(qt_messages)


def check_data_folder() -> Path:
    """The data folder exists and takes a write, or a ShopError saying which folder."""
    try:
        folder = paths.data_dir()
        probe = folder / ".write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
        return folder
    except OSError as exc:
        raise ShopError("data_folder_unwritable", path=os.environ.get("AIXIN_HOME") or "", detail=str(exc)) from None


@dataclass
class Prepared:
    """What the window needs before the database: the app, its settings, log and operations."""

    app: QApplication
    ops: object
    config: local_settings.Settings
    lang: str
    log_file: Path


def prepare(lang: str | None = None) -> Prepared:
    """Settings, log, the app and its operations: everything before the database (which is
    what takes long to load), so the login window can be shown first."""
    from ui.errordialog import show_fault
    from ui.operations import Operations

    log_file = logs.setup()
    check_data_folder()
    config = local_settings.load()
    lang = lang or config.language
    app = application(lang)
    ops = Operations(app, lang=lang, show_fault=partial(_fault, show_fault, log_file))
    return Prepared(app, ops, config, lang, log_file)


def open_books(db_url: str | None, prepared: Prepared, *, demo: bool = False) -> Started:
    """The database (checked, upgraded, or mended with the person), and the scanner."""
    from pos.store.database import open_database
    from ui.scanner import ScanFilter

    config, ops, app = prepared.config, prepared.ops, prepared.app
    # The demo village is built where it is missing; the shop's own books are checked first.
    url = db_url or paths.default_db_url()
    db = open_database(db_url, create=demo or _books_ready(url, ops, config, prepared.lang))
    from pos.station import state as station

    ops.database = station.describe(db)
    scanner = ScanFilter(app, gap_ms=config.scan_gap_ms, prefix=config.scan_prefix, suffix=config.scan_suffix)
    scanner.enabled = False  # until the shell is there to take scans
    app.installEventFilter(scanner)
    return Started(app, db, ops, scanner, config, prepared.lang, prepared.log_file)


def start(db_url: str | None, *, lang: str | None = None, demo: bool = False) -> Started:
    """Everything before the first window: settings, log, app, checks, database, operations."""
    return open_books(db_url, prepare(lang), demo=demo)


def village_name(url: str) -> str | None:
    """The shop's name read straight from the village's SQLite file (``pos.store.peek``): the
    login window can then open before the database layer has loaded. None where that cannot be
    done plainly: the full opening then comes first and decides (the first-start setup, the
    recovery of damaged books)."""
    from pos.store import peek

    return peek.shop_name(url)


class Quit(Exception):
    """The person chose to quit at start (the books' trouble was not to be mended now)."""


def _books_ready(url: str, ops, config, lang: str) -> bool:
    """Make sure the books can be opened; say whether opening may create a new village.

    A damaged database, or one that is empty or gone where a backup exists, is never turned
    into a new village by itself: the person is told and chooses (restore the newest good
    backup with a supervisor's approval, set up a new village where nothing would be lost,
    or quit)."""
    from pos import backups
    from pos.store.database import open_database, sqlite_path
    from ui.recovery import NEW_VILLAGE, RecoveryDialog, Trouble

    path = sqlite_path(url)
    folders = [paths.data_dir() / "backups"] + ([Path(config.backup_dir)] if config.backup_dir else [])
    if path is not None and (not path.exists() or path.stat().st_size == 0):
        copy = backups.newest_good(folders)
        if not path.exists() and copy is None:
            return True  # a new PC: the first-start setup
        key = "db_missing_here" if not path.exists() else "db_empty"
        trouble = Trouble(url, ShopError(key, path=str(path), url=str(path)).message(lang), copy, True)
    else:
        try:
            open_database(url, create=False).dispose()
            return False
        except ShopError as error:
            if error.key != "db_damaged":
                raise
            trouble = Trouble(url, error.message(lang), backups.newest_good(folders), False)
    dialog = RecoveryDialog(ops, trouble)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        raise Quit
    return dialog.choice == NEW_VILLAGE


def _fault(show, log_file, summary, details) -> None:
    show(summary, details, str(log_file))


def has_village(db) -> bool:
    from pos import village

    try:
        village.settings(db)
        return True
    except ShopError:
        return False


def run(db_url: str | None = None, *, demo: bool = False, quit_after_ms: int | None = None,
        lang: str | None = None) -> int:
    """``aixin gui``: the whole start, then the event loop. Returns the exit code.

    Where the village's books open plainly, the login window is shown first and the database
    and the screens load while the administrator types (keys typed meanwhile wait in the
    queue, none is lost); otherwise the books are opened first, with the first-start setup
    or the recovery of damaged books where they are needed."""
    if demo:
        db_url = db_url or paths.demo_db_url()
    try:
        prepared = prepare(lang)
    except ShopError as error:
        return _startup_failed(messages.in_window(error, lang or "zh"), lang or "zh")
    name = village_name(db_url or paths.default_db_url())
    login = _login_window(prepared, name, demo) if name is not None else None
    try:
        started = open_books(db_url, prepared, demo=demo)
    except Quit:
        return 0
    except ShopError as error:
        return _startup_failed(messages.in_window(error, prepared.lang), prepared.lang, login)
    except Exception as exc:  # noqa: BLE001 - the one place a start-up fault becomes a dialog
        log.exception("start-up failed")
        return _startup_failed(str(exc), prepared.lang, login)
    install_fault_handlers(started.log_file)
    app, db, ops = started.app, started.db, started.ops
    quitting = quit_after(app, quit_after_ms)
    if login is None:
        if demo and not has_village(db):
            if not _build_demo(started):
                return 1
        if not has_village(db):
            from ui.setup import SetupDialog

            setup = SetupDialog(db, ops)
            if setup.exec() != QDialog.DialogCode.Accepted:
                db.dispose()
                return 0
        from pos import village

        login = _login_window(prepared, village.settings(db).shop_name, demo)
    login.form.db = db
    # The screens load while the administrator types the password.
    QTimer.singleShot(50, load_screens)
    if login.exec() != QDialog.DialogCode.Accepted or quitting["now"] or login.actor is None:
        ops.wait()
        db.dispose()
        return 0
    from ui.settings.backups import start_automatic_backups
    from ui.shell import Shell

    shell = Shell(db, login.actor, ops, settings=started.settings, scanner=started.scanner)
    shell.open()  # maximized, or the size a person left it in
    start_automatic_backups(shell)  # the day's first start, and on exit
    code = app.exec()
    ops.wait()
    db.dispose()
    return 0 if quitting["now"] else code


def _login_window(prepared: Prepared, name: str, demo: bool):
    """The login window, shown; its books (``form.db``) are attached once they are open."""
    from ui.login import LoginDialog

    login = LoginDialog(None, prepared.ops, name)
    if demo:
        hint = QCoreApplication.translate("LoginDialog", "演示村：管理员 wangfang，监督员 lishuji，密码都是 %1")
        login.form.bar.info(hint.replace("%1", paths.DEMO_PASSWORD))
    login.show()
    prepared.app.processEvents()  # painted now, before the books load
    return login


def load_screens() -> None:
    """Import every area's screen (the shell builds each when first shown), one area a turn of
    the event loop, so keys typed meanwhile are not held up long."""
    import importlib

    from pos import messages
    from ui import shell

    pending: list = [messages.catalog, *shell.SCREEN_MODULES]  # the texts first: every screen speaks

    def next_one() -> None:
        if pending:
            step = pending.pop(0)
            if callable(step):
                step()
            else:
                importlib.import_module(step)
            QTimer.singleShot(0, next_one)

    next_one()


def _build_demo(started: Started) -> bool:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    from pos import demo as demo_village

    dialog = QProgressDialog("正在生成演示村（一年的积分台账），约需半分钟……"
                             if started.lang != "en" else "Building the demo village...", "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    outcome = {"ok": False}

    def built(_result) -> None:
        outcome["ok"] = True
        loop.quit()

    started.ops.running_changed.connect(lambda count: count == 0 and loop.quit())
    started.ops.write(lambda: demo_village.build(started.db), done=built)
    if started.ops.running:
        loop.exec()
    dialog.close()
    return outcome["ok"]


def quit_after(app: QApplication, ms: int | None) -> dict[str, bool]:
    """With ``ms``, close every window and leave the event loop that long after it starts (for
    tests and screenshots); ``["now"]`` of what is returned says whether that has happened."""
    quitting = {"now": False}

    def quit_now() -> None:
        quitting["now"] = True
        for window in app.topLevelWidgets():
            if isinstance(window, QDialog):
                window.reject()
            window.close()
        app.exit(0)

    if ms is not None:
        QTimer.singleShot(0, lambda: QTimer.singleShot(ms, quit_now))
    return quitting


def _startup_failed(message: str, lang: str, login=None) -> int:
    if login is not None:
        login.close()
    app = application(lang)
    box = QMessageBox(QMessageBox.Icon.Critical, app.applicationDisplayName(), message)
    box.setInformativeText("程序无法启动。请把这段话告诉维护人员，或检查数据文件夹和数据库设置后重新打开。"
                           if lang != "en" else "The program cannot start. Check the data folder and "
                           "database settings, then open it again.")
    box.exec()
    return 1
