"""Screenshots of the supervisor's area and the wish wall on the demo village, at 1366×768.

Not a test (pytest does not collect it): run it under a virtual display and look
at the pictures::

    Xvfb :97 -screen 0 1366x768x24 &  openbox --display :97 &
    DISPLAY=:97 QT_QPA_PLATFORM=xcb python tests/ui/screenshots_month.py OUT_DIR [DEMO_DB]

OUT_DIR gets one PNG a screen. DEMO_DB is a demo village's SQLite file (built
by ``aixin demo`` or ``pos.demo.build``); it is copied, never changed. Without
it the demo village is built first (about a minute).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from argon2 import PasswordHasher

from pos import demo, households, redemption, reversal, service, users, wishes
from pos.store.database import open_database
from pos.periods import LOCAL

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.ui.camera, when run as a script


def main(out: Path, demo_db: Path | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="aixin-shots-"))
    import os

    os.environ["AIXIN_HOME"] = str(work / "home")
    users._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    path = work / "village.db"
    if demo_db is not None:
        shutil.copyfile(demo_db, path)
        db = open_database(f"sqlite:///{path}")
    else:
        db = open_database(f"sqlite:///{path}")
        demo.build(db)
    clock = {"now": datetime(2026, 11, 30, 21, 0, tzinfo=LOCAL)}
    db.clock = lambda: clock["now"]
    admin = users.login(db, "wangfang", demo.PASSWORD)
    secretary = users.login(db, "lishuji", demo.PASSWORD)
    # A late evening's sale taken back, and someone guessing a password: flags to review.
    homes = households.search(db, admin, limit=1000)
    buyer = max(homes, key=lambda h: h.balance)  # a household with points enough for the sale
    sale = redemption.redeem(db, admin, buyer.card_number,
                             [redemption.CartItem(g, 1) for g in _two_goods(db, admin)])
    reversal.reverse(db, admin, sale.seq, "村民说拿错了", service.Approval("lishuji", demo.PASSWORD))
    for _ in range(4):
        try:
            users.login(db, "zhaoming", "wrong-password")
        except Exception:  # noqa: BLE001 - refused, as intended
            pass
    _wishes(db, admin, secretary, homes)
    clock["now"] = datetime(2026, 12, 2, 10, 0, tzinfo=LOCAL)

    from PySide6.QtWidgets import QApplication

    from pos.station import settings as local_settings
    from tests.ui.camera import Camera
    from ui import documents
    from ui.app import application
    from ui.operations import Operations
    from ui.shell import Shell

    app = application("zh")
    ops = Operations(app, show_fault=lambda summary, details: print("FAULT", summary, details, file=sys.stderr))

    camera = Camera(app, ops, out)
    settle, shot = camera.settle, camera.shoot

    def shell(actor):
        window = Shell(db, actor, ops, settings=local_settings.Settings())
        window.resize(1366, 768)
        window.move(0, 0)
        window.show()
        settle()
        return window

    window = shell(secretary)
    screen = window.show_area("supervisor")
    settle(800)
    screen.choose_month("2026-11")
    settle(800)
    page = screen.audit_page
    rows = [f.rule for f in page.flags.rows]
    if "reversal" in rows:
        page.flags_view.selectRow(rows.index("reversal"))
    page.comment.setText("已问过王芳：村民拿错了货，当场退回。")
    shot(window, "01-audit")
    page.review()
    settle(800)
    shot(window, "02-audit-reviewed")

    screen.tabs.setCurrentWidget(screen.close_page)
    settle(1500)
    shot(window, "03-close-preview")
    screen.close_page.close_month()  # the signature: what is sealed, the times, the password
    settle(800)
    dialog = screen.close_page.close_dialog
    dialog.grab().save(str(out / "03b-close-sign.png"))
    if dialog.confirm_recent.isVisible():
        dialog.confirm_recent.setChecked(True)
    dialog.password.setText(demo.PASSWORD)
    dialog.ok.click()
    settle(1500)
    shot(window, "04-closed")
    screen.choose_month("2026-12")
    settle(800)
    shot(window, "05-close-refused")
    screen.choose_month("2026-11")
    settle(300)
    documents.open_in_viewer = lambda path: True
    screen.tabs.setCurrentWidget(screen.notice_page)
    settle(3000)
    shot(window, "06-notice")
    screen.tabs.setCurrentWidget(screen.statement_page)
    screen.statement_page.scan(buyer.card_number)
    settle(800)
    shot(window, "07-statement")
    screen.tabs.setCurrentWidget(screen.export_page)
    screen.export_page.folder.setText(str(work / "export"))
    (work / "export").mkdir()
    screen.export_page.export()
    settle(3000)
    shot(window, "08-export")

    wall = window.show_area("wishes")
    settle(800)
    wall.pick(wall.rows[0].id)
    settle(500)
    shot(window, "09-wishes-list-claim")
    claimed = next(w for w in wall.rows if w.status == "claimed")
    wall.pick(claimed.id)
    wall.deliver_form.into_stock.setChecked(True)
    settle(500)
    shot(window, "10-wishes-deliver")
    wall.show_as(cards=True)
    settle(500)
    shot(window, "11-wishes-cards")
    window.close()

    counter_pc = shell(admin)
    wall = counter_pc.show_area("wishes")
    settle(500)
    wall.scan(homes[10].card_number)
    settle(800)
    wall.write_form.text.setText("老伴腿脚不便，想要一根结实的拐杖。")
    shot(counter_pc, "12-wishes-write-after-scan")
    month_screen = counter_pc.show_area("supervisor")
    settle(800)
    month_screen.choose_month("2026-11")
    month_screen.tabs.setCurrentWidget(month_screen.close_page)
    settle(1500)
    shot(counter_pc, "13-close-as-administrator")
    counter_pc.close()
    ops.wait()
    db.dispose()
    QApplication.processEvents()


def _two_goods(db, admin) -> list[str]:
    from pos import goods

    stocked = [g for g in goods.search(db, admin) if g.stock > 2 and g.price_points <= 20]
    return [stocked[0].code, stocked[1].code]


def _wishes(db, admin, secretary, homes) -> None:
    texts = [
        ("孙女明年上初中，想要一个新书包。", "学习用品", "孙女", 12000, False),
        ("冬天屋里冷，想要一床厚棉被。", "衣物被褥", "", 20000, True),
        ("老人眼睛不好，想要一盏护眼台灯。", "家用电器", "父亲", 8000, False),
        ("腿脚不方便，想要一辆轮椅。", "助老助残", "母亲", 60000, False),
        ("想给孩子买几本课外书。", "学习用品", "儿子", 5000, True),
        ("果园需要一把新的修枝剪。", "农资农具", "", 4000, False),
        ("想要一台收音机听新闻。", "家用电器", "", 9000, True),
    ]
    made = [wishes.add(db, admin, homes[i * 7 + 1].id, text, category, member=member, value_fen=value,
                       show_name=show) for i, (text, category, member, value, show) in enumerate(texts)]
    wishes.claim(db, secretary, made[3].id, "宜川县残疾人联合会", "unit", "王主任 0911-2222222")
    wishes.claim(db, secretary, made[0].id, "宜川县鑫源商贸有限公司", "company", "刘经理 13800000000")
    wishes.deliver(db, secretary, made[0].id, "李书记", "书包送到家里")
    wishes.claim(db, secretary, made[4].id, "张老师", "person", "13900000000")
    wishes.deliver(db, secretary, made[4].id, "李书记")
    wishes.thank(db, secretary, made[4].id, "谢谢张老师，孩子每天都在看书！")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
