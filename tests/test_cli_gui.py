"""aixin gui from the command line: no display, and the installer's open-then-quit check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def aixin(*args, env_changes=None, drop=(), timeout=120):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPATH"] = str(ROOT)
    env.update(env_changes or {})
    return subprocess.run([sys.executable, "-m", "ui", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=timeout)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="a display is always there")
def test_without_a_display_the_window_says_so_in_one_line_and_exits_2(db_url):
    done = aixin("gui", "--db", db_url, drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "DISPLAY" in done.stderr


def test_on_an_empty_database_the_setup_opens_and_the_check_still_quits_cleanly(db_url):
    done = aixin("gui", "--db", db_url, "--quit-after", "300", env_changes={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr


def test_the_installers_check_opens_the_window_and_quits_cleanly(db_url, db):
    from tests.pos.conftest import Village

    Village(db)
    done = aixin("gui", "--db", db_url, "--quit-after", "300", env_changes={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr


def test_aixin_help_does_not_load_qt():
    code = "import sys; from ui import main; from pos.cli.main import build_parser; build_parser(main); print('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "False"
