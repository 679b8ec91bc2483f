"""`aixin --help` (and the window's first paint) loads none of the heavy libraries."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sqlalchemy", "alembic", "pypinyin", "reportlab", "PySide6", "argon2", "barcode", "serial")


def test_help_loads_no_heavy_library(tmp_path):
    probe = ("import sys\nfrom ui.main import main\ncode = main(['--help'])\n"
             f"print('LOADED:' + ' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), AIXIN_HOME=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    loaded = next(l for l in result.stdout.splitlines() if l.startswith("LOADED:"))
    assert loaded == "LOADED:", loaded
    assert "兑换商品" in result.stdout


def test_the_light_lists_match_the_modules_that_use_them():
    from pos import goods, stock, village
    from pos import vocabulary as choices
    from printing import labels, serial_options, serial_port

    assert choices.LABEL_LAYOUTS == tuple(sorted(labels.LAYOUTS))
    assert goods.ZONES is choices.ZONES and stock.FUNDING is choices.FUNDING
    assert village.DEFAULT_BASE_POINTS == choices.BASE_POINTS
    assert tuple(serial_port.PARITIES) == serial_options.PARITY_NAMES
