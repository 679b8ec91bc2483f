"""Screenshots of the administrator's screens at 1366x768, for a person to look at.

Run under a display (``Xvfb :5 -screen 0 1366x768x24 & DISPLAY=:5 openbox &``)::

    DISPLAY=:5 python -m tests.ui.screenshots_admin OUT_DIR

It builds the demo village in a fresh data folder, logs in as its administrator, and
saves one PNG per screen and tab (and the dialogs a flow opens) into OUT_DIR.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    os.environ["AIXIN_HOME"] = tempfile.mkdtemp(prefix="aixin-shots-")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from pos import demo, users
    from pos.station import settings as local_settings
    from pos.store.database import open_database
    from ui import documents
    from ui.app import application
    from ui.operations import Operations
    from ui.scanner import ScanFilter
    from ui.shell import Shell

    app = application("zh")
    db = open_database(f"sqlite:///{os.environ['AIXIN_HOME']}/demo.db")
    demo.build(db)
    actor = users.login(db, "wangfang", demo.PASSWORD)
    ops = Operations(app)
    scanner = ScanFilter(app)
    app.installEventFilter(scanner)
    documents.open_in_viewer = lambda path: True
    shell = Shell(db, actor, ops, settings=local_settings.Settings(), scanner=scanner)
    # The whole screen, in logical pixels (911x512 at 150 %): without a window manager under Xvfb
    # "maximized" is not honoured, and a fixed 1366x768 would run off the screen when scaled.
    shell.resize(app.primaryScreen().availableGeometry().size())
    shell.showMaximized()

    def settle(ms: int = 500) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        ops.wait()
        app.processEvents()

    def shot(name: str) -> None:
        settle()
        screen = QApplication.primaryScreen()
        screen.grabWindow(0).save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    settle(1000)
    homes = shell.show_area("households")
    settle(1000)
    homes.view.selectRow(2)
    shot("01-households")
    csv = Path(os.environ["AIXIN_HOME"]) / "households.csv"
    csv.write_text("户主,村民小组,人口,电话\n孙七,富庄,3,\n钱八,没有这个组,4,\n周九,啊道,五,13800000000\n",
                   encoding="utf-8-sig")
    homes.open_import()
    homes.import_dialog.path.setText(str(csv))
    homes.import_dialog.load()
    shot("02-households-import-preview")
    homes.import_dialog.close()
    homes.statement()
    shot("03-households-statement")
    homes.statement_dialog.close()
    homes.replace_lost()
    shot("04-households-replace-confirm")
    homes.confirm_box.reject()

    awards = shell.show_area("awards")
    settle(800)
    awards.choose_rule("L02")
    awards.group.setCurrentIndex(awards.group.findData("富庄"))
    settle(800)
    awards.model.tick(awards.model.rows)
    shot("05-awards-labour-day")
    awards.save()
    shot("06-awards-confirm")
    awards.confirm_box.reject()

    hygiene = shell.show_area("hygiene")
    settle(800)
    hygiene.inspectors.setText("李书记、王芳")
    for row in range(0, min(8, hygiene.model.rowCount())):
        hygiene.toggle_row(row) if row % 3 else hygiene.model.toggle([(row, "W01"), (row, "W03")])
    shot("07-hygiene-round")
    hygiene.show_history()
    settle(800)
    shot("07b-hygiene-history")
    hygiene.history_dialog.close()

    goods = shell.show_area("goods")
    settle(800)
    shot("08-goods-catalogue")
    goods.tabs.setCurrentWidget(goods.intake)
    goods.intake.donor.setText("宜川县鑫源商贸有限公司")
    for item in goods.catalogue.model.rows[:3]:
        goods.intake.add(item.code, 5)
    shot("09-goods-intake")
    goods.tabs.setCurrentWidget(goods.count)
    settle(500)
    if goods.count.model.rows:
        goods.count.model.setData(goods.count.model.index(0, 4), max(goods.count.model.rows[0].stock - 2, 0))
    shot("10-goods-count")
    goods.count.reason.setText("受潮")
    goods.count.save()
    shot("10b-goods-count-differences")
    goods.confirm_box.button(goods.confirm_box.StandardButton.Ok).click()
    settle(800)
    shot("10c-goods-count-approval")
    goods.approval_dialog.close()
    goods.tabs.setCurrentWidget(goods.donations)
    shot("11-goods-donations")

    settings = shell.show_area("settings")
    for number in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(number)
        shot(f"{12 + number:02d}-settings-{number}")
    shell.close()
    ops.wait()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
