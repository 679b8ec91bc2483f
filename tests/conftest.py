import json
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

import ledger
from ledger import Leg
from pos.store.database import open_database


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    """Every test gets its own data folder, so nothing touches the user's."""
    home = tmp_path / "home"
    monkeypatch.setenv("AIXIN_HOME", str(home))
    monkeypatch.delenv("AIXIN_DB", raising=False)
    return home


MEMORY_DISK = Path("/dev/shm")


@pytest.fixture
def db_dir(tmp_path):
    """A folder for database files: in memory-backed storage where the system has it.

    The database keeps its real settings (WAL, synchronous=FULL); only the
    disk under it is fast, because this machine's fsync latency swings from
    one millisecond to seconds and would make the suite slow, not more true.
    """
    if MEMORY_DISK.is_dir() and os.access(MEMORY_DISK, os.W_OK):
        folder = Path(tempfile.mkdtemp(prefix="aixin-test-", dir=MEMORY_DISK))
        yield folder
        shutil.rmtree(folder, ignore_errors=True)
    else:
        yield tmp_path


@pytest.fixture
def db_url(db_dir):
    return f"sqlite:///{db_dir / 'village.db'}"


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def small_ledger(db):
    """A village issuing account, three households and a redemption sink, with some history."""
    with db.write() as s:
        ledger.open_account(s, "village:issue", "村发放", may_go_negative=True)
        ledger.open_account(s, "village:redeemed", "已兑换")
        for n in (1, 2, 3):
            ledger.open_account(s, f"household:{n}", f"户 {n}")
    with db.write() as s:
        for n in (1, 2, 3):
            ledger.post(s, kind="card_issue", operator="admin",
                        legs=[Leg("village:issue", -100), Leg(f"household:{n}", 100)])
    with db.write() as s:
        ledger.post(s, kind="redemption", operator="admin",
                    legs=[Leg("household:1", -30), Leg("village:redeemed", 30)],
                    attrs={"items": 2})
        ledger.post(s, kind="award", operator="admin", memo="义务劳动",
                    legs=[Leg("village:issue", -10), Leg("household:2", 10)])
    return db


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the session; skipped where none can be started."""
    from tests import postgres_server

    with postgres_server.running() as server:
        yield server


_pg_databases = iter(range(1, 10_000))


@pytest.fixture
def pg_url(postgres):
    return postgres.create_database(f"aixin_test_{next(_pg_databases)}")


@pytest.fixture
def fake_printer():
    """A printer at the far end of a pseudo-terminal (POSIX only)."""
    if os.name != "posix":
        pytest.skip("pseudo-terminals are POSIX")
    from tests.printing.fake_printer import FakePrinter

    printer = FakePrinter()
    yield printer
    printer.close()


@pytest.fixture
def aixin(db_url, capsys, monkeypatch):
    """The ``aixin`` command on the test's database, as the administrator: ``aixin(*args, env=)``
    gives back the exit code, standard output and standard error."""
    from argon2 import PasswordHasher

    from pos import users
    from pos.cli.main import main

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setenv("AIXIN_PASSWORD", "counter-1")
    monkeypatch.setenv("AIXIN_USER", "wangfang")

    def call(*args, env=None):
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        code = main(["--db", db_url, *args])
        out, err = capsys.readouterr()
        return code, out, err
    call.url = db_url
    return call


@pytest.fixture
def village_cli(aixin, tmp_path):
    """阿道村 set up through the command line: two households with cards, soap in stock; the
    cards' numbers."""
    assert aixin("init", "--village", "阿道村", "--groups", "啊道,富庄,杜河沟", "--admin", "wangfang",
                 "--admin-name", "王芳", "--supervisor", "lishuji", "--supervisor-name", "李书记",
                 env={"AIXIN_SUPERVISOR_PASSWORD": "secretary-1"})[0] == 0
    csv = tmp_path / "households.csv"
    csv.write_bytes("户主,村民小组,人口\n张三,啊道,4\n李四,富庄,3\n".encode("gbk"))
    assert aixin("household", "import", str(csv))[0] == 0
    code, out, _ = aixin("card", "issue", "--all", "--json")
    numbers = [c["number"] for c in json.loads(out)]
    code, out, _ = aixin("goods", "add", "--name", "洗衣粉", "--zone", "洗化区", "--price", "4",
                         "--value-fen", "1200", "--unit", "袋", "--code", "6901234567892", "--json")
    assert code == 0
    assert aixin("stock", "in", "--donor", "鑫源商贸", "--donor-type", "company",
                 "--item", "6901234567892:30")[0] == 0
    return numbers
