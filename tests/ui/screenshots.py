"""Open every screen under Xvfb at 1366×768 with the CJK font and save screenshots.

    python tests/ui/screenshots.py OUT_DIR [--scale 1.0 1.25 1.5]

Not a test (pytest does not collect it): a person looks at each PNG for cut-off
text, English words and small type. The screenshots are not committed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", nargs="*", type=float, default=[1.0, 1.25, 1.5])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return shoot(args.out, float(os.environ.get("QT_SCALE_FACTOR", "1")))
    from tests.ui.xvfb import Xvfb

    server = Xvfb().start()
    try:
        for scale in args.scale:
            with tempfile.TemporaryDirectory() as home:
                env = server.env(PYTHONPATH=str(ROOT), AIXIN_HOME=home, QT_SCALE_FACTOR=str(scale))
                subprocess.run([sys.executable, __file__, str(args.out), "--child"], env=env, check=True)
    finally:
        server.stop()
    for png in sorted(args.out.glob("*.png")):
        print(png)
    return 0


def shoot(out: Path, scale: float) -> int:
    from argon2 import PasswordHasher
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from pos import users, village
    from pos.store import database
    from pos.station import settings as local_settings
    from tests.pos.conftest import Village
    from ui.app import application
    from ui.errordialog import ErrorDialog
    from ui.login import LoginDialog
    from ui.operations import Operations
    from ui.scanner import ScanFilter
    from ui.setup import SetupDialog
    from ui.shell import Shell

    users._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    tag = f"{int(scale * 100)}"
    app = application("zh")
    ops = Operations(app)
    scanner = ScanFilter(app)
    app.installEventFilter(scanner)
    home = Path(os.environ["AIXIN_HOME"])

    def settle(ms=400):
        ops.wait()
        QTest.qWait(ms)
        ops.wait()

    def save(name: str) -> None:
        settle()
        app.primaryScreen().grabWindow(0).save(str(out / f"{tag}-{name}.png"))

    empty = database.open_database(f"sqlite:///{home / 'empty.db'}")
    setup = SetupDialog(empty, ops)
    setup.show()
    save("01-setup")
    setup.close()

    db = database.open_database(f"sqlite:///{home / 'village.db'}")
    shop = Village(db)
    village.change(db, shop.admin, shop.approval, redemption_approval_above=20)  # a threshold: the supervisor approves
    login = LoginDialog(db, ops, village.settings(db).shop_name)
    login.show()
    login.form.username.setText("wangfang")
    login.form.password.setText("wrong-one")
    login.form.submit()
    save("02-login-refused")
    login.close()

    window = Shell(db, shop.admin, ops, settings=local_settings.Settings(
        printer=local_settings.PrinterSettings(port="COM3")), scanner=scanner)
    window.showMaximized()
    counter = window.current_screen()
    save("03-counter-empty")
    counter.scan(shop.card("张三"))
    settle()
    for code in (shop.soap.code, shop.soap.code, shop.rice.code):
        counter.scan(code)
        settle(100)
    save("04-counter-sale")
    counter.recent_button.setChecked(True)
    save("05-counter-recent")
    counter.recent_button.setChecked(False)
    card = shop.card("李四")
    counter.scan(card[:-1] + str((int(card[-1]) + 1) % 10))
    save("06-counter-misread")
    for _ in range(5):
        counter.scan(shop.fan.code)
    save("07-counter-insufficient")
    counter.sale.lines = counter.sale.lines[:2]
    counter._show_sale()
    counter.confirm()
    save("08-approval")
    counter.approval_dialog.reject()
    counter.sale.lines = counter.sale.lines[:1]
    counter._show_sale()
    counter.confirm()
    settle(1500)
    save("09-counter-sold-printer-fault")
    counter.focus_find()
    QTest.keyClicks(counter.find.field, "w")
    settle(600)
    save("10-find-household")
    counter.find.hide_rows()
    counter.find.field.clear()
    counter.focus_goods()
    QTest.keyClicks(counter.goods_search.field, "x")
    settle(600)
    save("11-find-goods")
    counter.goods_search.hide_rows()
    counter.zones.setCurrentIndex(5)
    save("12-zone-tab")
    window.lock()
    save("13-locked")
    window.lock_page.password.setText("counter-1")
    window.lock_page.form.submit()
    settle()
    error = ErrorDialog("database is locked", "Traceback (most recent call last):\n  ...\nOperationalError",
                        str(home / "logs" / "aixin.log"), window)
    error.show()
    save("14-error-dialog")
    error.close()
    QTimer.singleShot(0, app.quit)
    app.exec()
    window.station_timer.stop()
    ops.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
