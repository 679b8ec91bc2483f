"""Screenshots of the county's window at 1366×768: the login, the villages × months grid, the
month's figures and comparisons, a village's month, the import results (one package refused),
the keys and a spot check typed back in.

Not a test (pytest does not collect it): run it under a virtual display and look at the
pictures::

    xvfb-run -s '-screen 0 1366x768x24' env QT_QPA_PLATFORM=xcb python tests/ui/screenshots_county.py OUT_DIR

Five small villages are built with the shop's own services (tests/county/villages.py, about
a minute), packaged, and imported into a county database in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(out: Path) -> None:
    from argon2 import PasswordHasher

    from pos import users
    from pos.county import accounts, package
    from pos.county.database import open_county
    from pos.store.database import open_database
    from tests.county import villages

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="aixin-county-shots-"))
    os.environ["AIXIN_HOME"] = str(work / "home")
    quick = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    users._hasher = accounts._hasher = quick
    stick = work / "stick"
    stick.mkdir()
    made = []
    for name, seed in villages.SEEDS.items():
        path = villages.build(work / f"{seed}.db", name, seed, extra_labour=6 if name == villages.OUTLIER else 0)
        db = open_database(f"sqlite:///{path}")
        made.append(package.make(db, villages.secretary(db), stick).path)
        db.dispose()
    edited = stick / "篡改过的.aixin-county"  # the first village's package, changed after signing
    with zipfile.ZipFile(made[0]) as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == package.CHAIN:
                data = data.replace(b'"memo":"', b'"memo":"x', 1)
            target.writestr(info, data)
    county = open_county(f"sqlite:///{work / 'county.db'}", create=True)
    info = accounts.initialise(county, name="宜川县", admin="xian", admin_name="县干部", password="county-1")
    official = accounts.login(county, "xian", "county-1")

    from PySide6.QtWidgets import QFileDialog

    from tests.ui.camera import Camera
    from ui import documents
    from ui.app import application
    from ui.county.login import CountyLoginDialog
    from ui.county.window import CountyWindow
    from ui.operations import Operations

    app = application("zh")
    ops = Operations(app, show_fault=lambda summary, details: print("FAULT", summary, details, file=sys.stderr))
    documents.open_in_viewer = lambda where: True

    camera = Camera(app, ops, out)
    settle, shoot = camera.settle, camera.shoot

    login = CountyLoginDialog(county, ops, info.name)
    login.show()
    login.username.setText("xian")
    login.password.setText("wrong")
    login.submit()
    shoot(login, "01-login-refused")
    login.close()

    window = CountyWindow(county, official, ops, info, "2025-03")
    window.resize(1366, 740)
    window.show()
    QFileDialog.getOpenFileNames = lambda *a, **k: ([str(p) for p in [edited, *made]], "")
    screen = window.show_area("packages")
    screen.files_button.click()
    shoot(window, "02-import-results")
    window.show_area("grid")
    shoot(window, "03-grid")
    grid = window.screens["grid"]
    grid.open_village(grid.model.row(0), "2025-03")
    shoot(grid.village_dialog, "04-village-month")
    grid.village_dialog.tabs.setCurrentIndex(1)
    shoot(grid.village_dialog, "05-village-month-flags")
    grid.village_dialog.tabs.setCurrentIndex(2)
    shoot(grid.village_dialog, "06-village-month-notice")
    grid.village_dialog.close()
    month = window.show_area("month")
    shoot(window, "07-month-totals")
    month.tabs.setCurrentIndex(1)
    shoot(window, "08-month-villages")
    month.tabs.setCurrentIndex(2)
    month.only_outliers.setChecked(False)
    shoot(window, "09-month-compare-all")
    month.only_outliers.setChecked(True)
    shoot(window, "09-month-compare")
    month.tabs.setCurrentIndex(3)
    shoot(window, "10-month-attention")
    window.show_area("keys")
    shoot(window, "11-keys")
    checks = window.show_area("spotchecks")
    settle()
    checks.draw_button.click()
    settle()
    model = checks.lines
    for n in (0, 1):
        model.setData(model.index(n, 4), str(model.rows[n].expected + (30 if n else 0)))
    checks.save_button.click()
    shoot(window, "12-spotcheck")
    window.set_month("2025-04")
    window.show_area("grid")
    shoot(window, "13-grid-april-late")
    window.close()
    ops.wait()
    county.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
