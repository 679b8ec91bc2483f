"""A village whose PC and backups are lost is rebuilt from the county's copy."""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from ledger.schema import Transaction
from pos import households, proof, users
from pos.county import intake, package, rebuild, receipt
from pos.county.vocabulary import PackageStatus
from pos.errors import ShopError
from pos.month import audit, closure
from pos.store.database import open_database
from tests.county import villages


def test_a_village_rebuilt_from_the_county_copy_passes_the_whole_proof(village, county, stick, db_dir):
    east = village()
    made = package.make(east.db, east.secretary, stick)
    intake.import_package(county.db, county.official, made.path)
    heads = {h.id: (h.head_name, h.group, h.status, h.balance, h.card_number, h.card_status)
             for h in households.search(east.db, east.admin, limit=100, include_moved=True)}
    url = f"sqlite:///{db_dir / 'rebuilt.db'}"
    done = rebuild.restore_village(county.db, county.official, "东岭村", url)
    assert done.verified and not done.findings
    assert done.head_seq == made.to_seq + len(done.passwords) and done.closures == 3
    assert {p.username for p in done.passwords} == {"wangfang", "lishuji", "zhaoming"}
    rebuilt = open_database(url)
    try:
        with rebuilt.read() as session:
            assert proof.verify(session).ok
            resets = session.scalars(select(Transaction.operator).where(Transaction.seq > made.to_seq)).all()
            assert set(resets) == {"county:xian"}
        fresh = next(p.password for p in done.passwords if p.username == "lishuji")
        secretary = users.login(rebuilt, "lishuji", fresh)
        admin = users.login(rebuilt, "wangfang", next(p.password for p in done.passwords
                                                      if p.username == "wangfang"))
        found = {h.id: (h.head_name, h.group, h.status, h.balance, h.card_number, h.card_status)
                 for h in households.search(rebuilt, admin, limit=100, include_moved=True)}
        assert found == heads
        assert closure.get(rebuilt, secretary, "2025-03").hash == closure.get(east.db, east.secretary, "2025-03").hash
        # the audit of the month they were made in lists every password the county reset
        with rebuilt.read() as session:
            events = audit.user_events(session, datetime(2020, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
        assert {e.username for e in events if e.event == "password"} == {"wangfang", "lishuji", "zhaoming"}
    finally:
        rebuilt.dispose()


def test_the_rebuilt_village_carries_on_with_the_county(village, county, stick, db_dir):
    east = village()
    intake.import_package(county.db, county.official, package.make(east.db, east.secretary, stick).path,
                          receipts_dir=stick)
    east.db.clock = villages.at(2025, 4, 2)
    receipt.record(east.db, east.secretary, next(stick.glob("receipt-*")).read_bytes())
    east.db.clock = villages.at(2025, 5, 1)
    closure.close(east.db, east.secretary, "2025-04",
                  password=villages.PASSWORD, confirm_recent=True)
    (stick / "may").mkdir()
    intake.import_package(county.db, county.official,
                          package.make(east.db, east.secretary, stick / "may").path)
    url = f"sqlite:///{db_dir / 'again.db'}"
    done = rebuild.restore_village(county.db, county.official, "东岭村", url)
    assert done.verified and done.closures == 4
    rebuilt = open_database(url)
    try:
        fresh = next(p.password for p in done.passwords if p.username == "lishuji")
        secretary = users.login(rebuilt, "lishuji", fresh)
        with rebuilt.read() as session:
            assert receipt.acknowledged(session).closure == 3
        rebuilt.clock = villages.at(2026, 1, 1)  # after the resets
        closure.close(rebuilt, secretary, "2025-05", password=fresh)  # the county's one-time password
        (stick / "rebuilt").mkdir()
        made = package.make(rebuilt, secretary, stick / "rebuilt")
        assert made.closures == (4, 5)
        result = intake.import_package(county.db, county.official, made.path)
        assert result.status == PackageStatus.IMPORTED and result.closures == (5,)
    finally:
        rebuilt.dispose()


def test_a_rebuild_never_writes_over_a_database(village, county, stick, db_dir):
    east = village()
    intake.import_package(county.db, county.official, package.make(east.db, east.secretary, stick).path)
    with pytest.raises(ShopError) as refused:
        rebuild.restore_village(county.db, county.official, "东岭村", east.url)
    assert refused.value.key == "county_restore_target_exists"
    with pytest.raises(ShopError) as refused:
        rebuild.restore_village(county.db, county.official, "没有这个村", f"sqlite:///{db_dir / 'x.db'}")
    assert refused.value.key == "county_village_unknown"
    assert json.loads(json.dumps({"ok": True}))  # nothing else was written
