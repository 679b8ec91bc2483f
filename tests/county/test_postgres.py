"""The county on the real PostgreSQL server the tests start: import, report, rebuild."""

from datetime import date

import pytest

from pos import households, proof, users
from pos.county import intake, package, rebuild, report
from pos.county.vocabulary import PackageStatus
from pos.month import closure
from pos.store.database import open_database
from tests.county.conftest import County

pytestmark = pytest.mark.postgres


def test_a_county_on_postgresql_imports_reports_and_rebuilds(village, stick, postgres):
    county = County(postgres.create_database("aixin_county_pg"))
    try:
        east, west = village("东岭村"), village("西沟村")
        made = [package.make(v.db, v.secretary, stick) for v in (east, west)]
        results = intake.import_files(county.db, county.official, [m.path for m in made], receipts_dir=stick)
        assert [r.status for r in results] == [PackageStatus.IMPORTED] * 2
        assert intake.import_package(county.db, county.official, made[0].path).status == PackageStatus.UNCHANGED
        found = report.report(county.db, county.official, "2025-03", as_of=date(2025, 4, 10))
        closures = [closure.get(v.db, v.secretary, "2025-03") for v in (east, west)]
        assert found.totals.outstanding == sum(c.cumulative.outstanding for c in closures)
        assert found.totals.redeemed == sum(c.totals.net_redeemed for c in closures)

        url = postgres.create_database("aixin_rebuilt_pg")
        done = rebuild.restore_village(county.db, county.official, "西沟村", url)
        assert done.verified and done.closures == 3
        rebuilt = open_database(url)
        try:
            with rebuilt.read() as session:
                assert proof.verify(session).ok
            admin = users.login(rebuilt, "wangfang", next(p.password for p in done.passwords
                                                          if p.username == "wangfang"))
            added = households.add(rebuilt, admin, "新户主", "啊道", 3)  # ids carry on after the chain's
            assert added.id == newest_household(rebuilt, admin)
        finally:
            rebuilt.dispose()
    finally:
        county.db.dispose()


def newest_household(db, admin) -> int:
    return max(h.id for h in households.search(db, admin, limit=1000, include_moved=True))
