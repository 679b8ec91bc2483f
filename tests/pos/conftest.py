import shutil
from datetime import datetime

import pytest
from argon2 import PasswordHasher

from pos import cards, goods, households, service, stock, users, village
from pos.demo import Clock
from pos.periods import LOCAL
from pos.service import Approval
from pos.vocabulary import Role

PASSWORD = "counter-1"
SUPERVISOR_PASSWORD = "secretary-1"
SEPTEMBER = "2026-09"


@pytest.fixture(autouse=True)
def quick_argon2(monkeypatch):
    """Real argon2id, with a small memory cost so hundreds of logins stay fast in tests."""
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


class Village:
    """The test village: 阿道村 with an administrator, two supervisors and a few households."""

    def __init__(self, db):
        self.db = db
        self.admin = village.initialise(db, name="阿道村", groups=["啊道", "富庄", "杜河沟"],
                                        admin_username="wangfang", admin_name="王芳",
                                        admin_password=PASSWORD, supervisor_username="lishuji",
                                        supervisor_name="李书记", supervisor_password=SUPERVISOR_PASSWORD)
        self.approval = Approval("lishuji", SUPERVISOR_PASSWORD)
        self.secretary = users.login(db, "lishuji", SUPERVISOR_PASSWORD)
        with service.transaction(db) as session:
            self.other_secretary = users.add_user(session, self.admin, "zhoushuji", "周书记",
                                                  Role.SUPERVISOR, SUPERVISOR_PASSWORD, self.approval)
            self.clerk = users.add_user(session, self.admin, "zhaoming", "赵明", Role.ADMIN, PASSWORD)
        self.homes = {}
        for head, group in (("张三", "啊道"), ("李四", "啊道"), ("王五", "富庄"), ("赵六", "杜河沟")):
            self.homes[head] = households.add(db, self.admin, head, group, 4)
            cards.issue(db, self.admin, self.homes[head].id)
        self.rice = goods.add(db, self.admin, "大米 10kg", "粮油区", 20, 5500, "袋")
        self.soap = goods.add(db, self.admin, "洗衣粉", "洗化区", 4, 1200, "袋", code="6901234567892")
        self.fan = goods.add(db, self.admin, "电风扇", "家用电器区", 90, 12000, "台")
        stock.intake(db, self.admin, [stock.IntakeLine(self.rice.code, 10), stock.IntakeLine(self.soap.code, 30),
                                      stock.IntakeLine(self.fan.code, 2)],
                     source="donation", donor="宜川县鑫源商贸有限公司", donor_type="company")

    def card(self, head: str) -> str:
        return households.get(self.db, self.admin, self.homes[head].id).card_number

    def balance(self, head: str) -> int:
        return households.get(self.db, self.admin, self.homes[head].id).balance

    def stock(self, item) -> int:
        return goods.get(self.db, self.admin, item.code).stock


@pytest.fixture
def shop(db):
    return Village(db)


def september_village(db, **village_settings) -> Village:
    """The test village set up on Saturday 5 September 2026 at 9:00, in opening hours, on a
    clock of its own (``shop.clock.now`` moves it)."""
    clock = Clock(datetime(2026, 9, 5, 9, 0, tzinfo=LOCAL))
    db.clock = clock
    shop = Village(db)
    village.change(db, shop.admin, opening_hours="每周六 9:00-12:00", **village_settings)
    shop.clock = clock
    return shop


@pytest.fixture
def september(db):
    return september_village(db)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo village (a year of Adao village), built once with a cheap argon2."""
    from pos import demo
    from pos.store.database import open_database

    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        db = open_database(f"sqlite:///{folder / 'demo.db'}")
        demo.build(db)
        db.dispose()
    return folder / "demo.db"


@pytest.fixture
def demo_village(demo_template, db_dir):
    """A fresh copy of the demo village for one test."""
    from pos.store.database import open_database

    path = db_dir / "village.db"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()
