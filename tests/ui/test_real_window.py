"""The real window on a real X server: xdotool types like a person and like a scanner."""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

import ledger
from pos.store.tables import Redemption, RedemptionLine
from tests.pos.conftest import PASSWORD, Village
from tests.printing.paper import decode
from tests.ui.xvfb import Xvfb

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed")


@pytest.fixture
def xserver():
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed")
    server = Xvfb().start()
    yield server
    server.stop()


def wait_for(condition, timeout=60.0, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError("timed out")


def test_a_scanner_burst_and_f12_in_the_real_window(xserver, db, db_url, data_home, fake_printer):
    shop = Village(db)
    data_home.mkdir(parents=True, exist_ok=True)
    (data_home / "settings.json").write_text(json.dumps({"printer": {"port": fake_printer.port}}), encoding="utf-8")
    app = subprocess.Popen([sys.executable, "-m", "ui", "gui", "--db", db_url],
                           env=xserver.env(PYTHONPATH=str(ROOT), AIXIN_HOME=str(data_home)),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        login = wait_for(lambda: xserver.xdotool("search", "--onlyvisible", "--name", "登录"))
        xserver.xdotool("windowactivate", "--sync", login.split()[0])
        xserver.xdotool("type", "--delay", "150", "wangfang")  # a person typing
        xserver.xdotool("key", "Return")
        xserver.xdotool("type", "--delay", "150", PASSWORD)
        xserver.xdotool("key", "Return")
        main = wait_for(lambda: xserver.xdotool("search", "--onlyvisible", "--name", "^爱心超市积分兑换"))
        xserver.xdotool("windowactivate", "--sync", main.split()[0])
        time.sleep(1.0)
        card = shop.card("张三")
        for code in (card, shop.soap.code, shop.soap.code):
            xserver.xdotool("type", "--delay", "8", code)  # a scanner: a fast burst, then Return
            xserver.xdotool("key", "--delay", "8", "Return")
            time.sleep(0.6)
        xserver.xdotool("key", "F12")

        def sold():
            with db.read() as session:
                return session.execute(select(Redemption.tx_seq, Redemption.points)
                                       .order_by(Redemption.tx_seq.desc())).first()

        record = wait_for(sold, timeout=30)
        with db.read() as session:
            lines = session.execute(select(RedemptionLine.name, RedemptionLine.quantity)
                                    .where(RedemptionLine.tx_seq == record.tx_seq)).all()
            head_seq, _ = ledger.head(session)
        assert [tuple(line) for line in lines] == [("洗衣粉", 2)] and record.points == 8
        assert head_seq == record.tx_seq and shop.balance("张三") == 92
        paper = decode(fake_printer.printed(timeout=10), 32)
        assert any("张三" in line for line in paper.text)
        assert any(line.startswith("洗衣粉") and line.split()[-1] == "8" for line in paper.text)
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
