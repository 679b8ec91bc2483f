import pytest
from argon2 import PasswordHasher

from pos import users
from pos.county import accounts
from pos.county.database import open_county
from pos.store.database import open_database
from tests.county import villages

COUNTY_PASSWORD = "county-1"
QUICK = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def quick_argon2(monkeypatch):
    """Real argon2id with a small memory cost, for village and county users alike."""
    monkeypatch.setattr(users, "_hasher", QUICK)
    monkeypatch.setattr(accounts, "_hasher", QUICK)


@pytest.fixture(scope="session")
def templates(tmp_path_factory):
    """Five small villages, three months each, closed; built once."""
    folder = tmp_path_factory.mktemp("villages")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users, "_hasher", QUICK)
        return {name: villages.build(folder / f"{seed}.db", name, seed,
                                     extra_labour=6 if name == villages.OUTLIER else 0)
                for name, seed in villages.SEEDS.items()}


class Village:
    """A test's own copy of a template village."""

    def __init__(self, url: str):
        self.url = url
        self.db = open_database(url)

    @property
    def secretary(self):
        return villages.secretary(self.db)

    @property
    def admin(self):
        return villages.admin(self.db)


@pytest.fixture
def village(templates, db_dir):
    """Copies of the template villages, opened: ``village(name)``."""
    opened = []

    def make(name: str = "东岭村", file: str | None = None) -> Village:
        found = Village(villages.copy(templates[name], db_dir, file or f"{villages.SEEDS[name]}.db"))
        opened.append(found)
        return found

    yield make
    for found in opened:
        found.db.dispose()


class County:
    def __init__(self, url: str):
        self.url = url
        self.db = open_county(url, create=True)
        self.info = accounts.initialise(self.db, name="宜川县", admin="xian", admin_name="县干部",
                                        password=COUNTY_PASSWORD)
        self.official = accounts.login(self.db, "xian", COUNTY_PASSWORD)


@pytest.fixture
def county(db_dir):
    found = County(f"sqlite:///{db_dir / 'county.db'}")
    yield found
    found.db.dispose()


@pytest.fixture
def stick(tmp_path):
    """The official's USB stick."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder
