"""A village on claims, rebuilt from the county's copy: its claims, postings, limits and
awards setting come back, and the county's month figures count what the claims credited."""

from datetime import date

from pos import claims, households, proof, rules, users
from pos.county import intake, package, rebuild, report
from pos.month import closure
from pos.store.database import open_database
from pos.village import settings
from pos.vocabulary import ClaimStatus
from tests.county import villages


def _claims(db, actor):
    return [(c.id, c.household_id, c.rule, c.points, c.status, c.reviewed_by, c.reason, c.posting_id,
             c.objected_by, c.credited_seq) for c in claims.list_claims(db, actor)]


def _postings(db, actor):
    return [(p.id, p.starts_on, p.notice_days, p.credited_seq, p.points) for p in claims.postings(db, actor)]


def test_a_village_on_claims_is_rebuilt_with_its_claims_and_postings(village, county, stick, db_dir):
    east = village()
    villages.on_claims_in_april(east.db)
    made = package.make(east.db, east.secretary, stick)
    intake.import_package(county.db, county.official, made.path)
    admin = east.admin
    balances = {h.id: h.balance for h in households.search(east.db, admin, limit=100, include_moved=True)}
    pending = {home: claims.pending(east.db, admin, home) for home in balances}
    kept = _claims(east.db, admin), _postings(east.db, admin)

    url = f"sqlite:///{db_dir / 'rebuilt.db'}"
    done = rebuild.restore_village(county.db, county.official, "东岭村", url)
    assert done.verified and not done.findings, done.findings
    assert done.closures == 4
    rebuilt = open_database(url)
    try:
        with rebuilt.read() as session:
            assert proof.verify(session).ok
        again = users.login(rebuilt, "wangfang",
                                     next(p.password for p in done.passwords if p.username == "wangfang"))
        assert {h.id: h.balance for h in households.search(rebuilt, again, limit=100,
                                                           include_moved=True)} == balances
        assert {home: claims.pending(rebuilt, again, home) for home in balances} == pending
        assert (_claims(rebuilt, again), _postings(rebuilt, again)) == kept
        assert settings(rebuilt).on_claims
        rule = next(r for r in rules.list_rules(rebuilt, again) if r.code == "C01")
        assert str(rule.limit) == "1/week"
    finally:
        rebuilt.dispose()


def test_the_county_counts_credited_claims_as_awarded_as_the_village_closed_them(village, county, stick):
    east = village()
    villages.on_claims_in_april(east.db)
    intake.import_package(county.db, county.official, package.make(east.db, east.secretary, stick).path)
    closed = closure.get(east.db, east.secretary, "2025-04")
    credited = sum(c.points for c in claims.list_claims(east.db, east.admin)
                   if c.status == ClaimStatus.CREDITED)
    assert credited == 8 + 6, "the claim still on its posting at the month's end is not counted"
    assert closed.totals.net_awarded == credited

    found = report.report(county.db, county.official, "2025-04", as_of=date(2025, 5, 10))
    line = next(v for v in found.villages if v.village == "东岭村")
    assert line.status.status == "verified"
    assert found.totals.awarded == closed.totals.net_awarded == credited
    assert dict(found.totals.categories) == dict(closed.totals.awarded_by_category) == {"公益劳动": credited}
    assert found.totals.labour_points == credited
    assert found.totals.outstanding == closed.cumulative.outstanding
