"""A village on claims, rebuilt from the county's copy: its claims, postings, limits and
awards setting come back, and the county's month figures count what the claims credited.
Built on the county's village fixtures: a claim's months on the village's own notices too."""

from datetime import date

from pos import claims, households, proof, rules, users
from pos.county import intake, package, rebuild, report
from pos.month import closure, notice
from pos.store.database import open_database
from pos.village import settings
from pos.vocabulary import ClaimStatus
from tests import pdfs
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


def test_a_claim_credited_the_month_after_its_entry_is_on_each_months_notice_where_it_stood(village, tmp_path):
    east = village()
    villages.on_claims_in_april(east.db)
    late, = [c for c in claims.list_claims(east.db, east.admin) if c.status == ClaimStatus.POSTED]
    east.db.clock = villages.at(2025, 5, 5)
    claims.credit(east.db, east.admin, late.posting_id)
    east.db.clock = villages.at(2025, 6, 1, 8)
    closure.close(east.db, east.secretary, "2025-05", password=villages.PASSWORD, confirm_recent=True)

    april = notice.notice_data(east.db, east.admin, "2025-04", mask_names=False)
    assert [(c.head, c.points) for c in april.claims_posted] == [(late.head, 10)]
    assert april.claims_posted[0].posting_ends == "2025-05-04"
    assert sorted(c.points for c in april.claims_credited) == [6, 8], "not the rejected ones"
    earned = {h.head: h.earned for h in april.households}
    assert earned[late.head] == 8, "the posted claim is not in April's points"
    assert sum(h.earned for h in april.households) == sum(c.points for c in april.claims_credited)

    may = notice.notice_data(east.db, east.admin, "2025-05", mask_names=False)
    assert [(c.head, c.points, c.deed_date) for c in may.claims_credited] == [(late.head, 10, "2025-04-25")]
    assert may.claims_posted == ()
    assert {h.head: h.earned for h in may.households}[late.head] == 10
    masked = notice.notice_data(east.db, east.admin, "2025-05", mask_names=True)
    assert masked.claims_credited[0].head == notice.mask(late.head)

    notice.write_pdf(east.db, east.admin, "2025-04", tmp_path / "april.pdf", mask_names=False)
    printed = pdfs.squeezed(tmp_path / "april.pdf")
    assert "月末仍在公示中的申报" in printed and "2025-05-04" in printed
    notice.write_pdf(east.db, east.admin, "2025-05", tmp_path / "may.pdf", mask_names=False)
    printed = pdfs.squeezed(tmp_path / "may.pdf")
    assert "本月经公示无异议计入的申报" in printed and "月末仍在公示中" not in printed


def test_a_deduction_claim_is_deducted_on_the_village_and_the_county_books_alike(village, county, stick):
    east = village()
    villages.on_claims_in_april(east.db)
    clerk, reviewer = villages.admin(east.db), users.login(east.db, villages.REVIEWER, villages.PASSWORD)
    home = [h for h in households.search(east.db, clerk, limit=1000) if h.balance >= 10][1]
    east.db.clock = villages.at(2025, 5, 2)
    taken, = claims.enter(east.db, clerk, [home.id], "D01", None, date(2025, 5, 2), "村民小组长", "乱倒垃圾")
    claims.review(east.db, reviewer, taken.id, accept=True)
    posting = claims.post(east.db, clerk, notice_days=7)
    east.db.clock = villages.at(2025, 5, 10)
    claims.credit(east.db, clerk, posting.id)
    east.db.clock = villages.at(2025, 6, 1, 8)
    closed = closure.close(east.db, east.secretary, "2025-05", password=villages.PASSWORD, confirm_recent=True)
    assert (closed.totals.deducted, closed.totals.net_awarded) == (5, 0), "a deduction, not a negative award"
    assert next(h for h in closed.households if h.household_id == home.id).deducted == 5
    intake.import_package(county.db, county.official, package.make(east.db, east.secretary, stick).path)
    found = report.report(county.db, county.official, "2025-05", as_of=date(2025, 6, 10))
    line = next(v for v in found.villages if v.village == "东岭村")
    assert line.status.status == "verified"
    assert (found.totals.deducted, found.totals.awarded) == (5, 0)
