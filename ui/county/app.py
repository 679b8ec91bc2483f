"""``aixin gui`` on a county database: start-up, the county user's login, the county's window.

``wanted(url)`` says whether the database to open is a county's: ``--db`` naming one,
or, with no ``--db`` and no ``AIXIN_DB``, ``AIXIN_COUNTY_DB``. ``run`` then does what
``ui.app.run`` does for a village: the data folder, the database (upgraded if older;
refused in one dialog if it cannot open), the login, the window.
"""

from __future__ import annotations

import logging
import os
from functools import partial

from PySide6.QtWidgets import QDialog

from pos.errors import ShopError
from pos.periods import LOCAL, Month

log = logging.getLogger("ui")

COUNTY_DB_ENV = "AIXIN_COUNTY_DB"


def county_url(db_url: str | None) -> str | None:
    """The county database ``aixin gui`` should open, or None for a village's."""
    from pos.county.database import holds_county

    if db_url:
        return db_url if holds_county(db_url) else None
    if os.environ.get("AIXIN_DB"):
        return None
    return os.environ.get(COUNTY_DB_ENV) or None


def opening_month(db, actor) -> str:
    """The newest month any village's closure is held of; before any, the month just ended."""
    from ledger.book import now
    from pos.county import report

    newest = report.newest_month(db, actor)
    if newest:
        return newest
    with db.read() as session:
        return str(Month.of(now(session).astimezone(LOCAL)).previous())


def run(url: str, *, quit_after_ms: int | None = None, lang: str | None = None) -> int:
    from pos.county import accounts
    from pos.county.database import open_county
    from pos.station import logs
    from pos.station import settings as local_settings
    from ui.app import _startup_failed, application, check_data_folder, install_fault_handlers, quit_after
    from ui.county.login import CountyLoginDialog
    from ui.county.window import CountyWindow
    from ui.errordialog import show_fault
    from ui.operations import Operations

    try:
        log_file = logs.setup()
        check_data_folder()
        lang = lang or local_settings.load().language
        app = application(lang)
        db = open_county(url)
        info = accounts.info(db)
    except ShopError as error:
        return _startup_failed(error.message(lang or "zh"), lang or "zh")
    except Exception as exc:  # noqa: BLE001 - the one place a start-up fault becomes a dialog
        log.exception("county start-up failed")
        return _startup_failed(str(exc), lang or "zh")
    install_fault_handlers(log_file)
    ops = Operations(app, lang=lang, show_fault=partial(show_fault, log_file=str(log_file)))
    quitting = quit_after(app, quit_after_ms)
    login = CountyLoginDialog(db, ops, info.name)
    login.show()
    if login.exec() != QDialog.DialogCode.Accepted or quitting["now"] or login.actor is None:
        ops.wait()
        db.dispose()
        return 0
    window = CountyWindow(db, login.actor, ops, info, opening_month(db, login.actor))
    window.show()
    code = app.exec()
    ops.wait()
    db.dispose()
    return 0 if quitting["now"] else code
