"""The county's reference rules and retired keys go back to the villages on the official's stick."""

import json

import pytest
from sqlalchemy import select

from ledger.schema import Transaction
from pos import proof
from pos.county import intake, keys, package, receipt, reference, signing
from pos.errors import NeedsApproval, ShopError
from pos.service import Approval
from pos.village import village_id
from tests.county import villages

REFERENCE = """code,category,name,points_min,points_max,deduction
L01,公益劳动,参加村组公益劳动（每次）,5,5,0
L02,公益劳动,修路、清渠等集体劳动（每天）,12,12,0
Z01,移风易俗,红白事简办,10,10,0
"""


def test_a_village_sees_the_differences_first_and_takes_them_only_when_asked(village, county, stick, tmp_path):
    east = village()
    assert reference.load(county.db, county.official, REFERENCE.encode("utf-8")) == 3
    exported = reference.export(county.db, county.official, tmp_path / "rules.json")
    assert (exported.rules, exported.retired) == (3, 0)
    data = exported.path.read_bytes()
    east.db.clock = villages.at(2025, 4, 2)
    seen = reference.compare(east.db, east.admin, data)
    assert {(c.code, c.change) for c in seen.changes} == {("L02", "changed"), ("Z01", "new")}
    assert "W01" in seen.kept and not seen.key_retired
    assert next(c for c in seen.changes if c.code == "L02").ours[2] == 10
    with east.db.read() as session:
        before = session.scalar(select(Transaction.seq).order_by(Transaction.seq.desc()).limit(1))
    # a new rule, and one that gives more points, are the village supervisor's to approve
    with pytest.raises(NeedsApproval):
        reference.take(east.db, east.admin, data, only=["z01"])
    supervisor = Approval("lishuji", villages.PASSWORD)
    taken = reference.take(east.db, east.admin, data, only=["z01"], approval=supervisor)
    assert taken.taken == ("Z01",)
    taken = reference.take(east.db, east.admin, data, approval=supervisor)
    assert taken.taken == ("L02",)
    with east.db.read() as session:
        facts = session.scalars(select(Transaction.attrs).where(Transaction.seq > before)).all()
        assert [json.loads(f)["rule"] for f in facts] == ["Z01", "L02"]
        assert proof.verify(session).ok
    assert reference.compare(east.db, east.admin, data).changes == ()


def test_a_tampered_rules_file_is_refused(village, county, tmp_path):
    east = village()
    exported = reference.export(county.db, county.official, tmp_path / "rules.json")
    forged = exported.path.read_text(encoding="utf-8").replace("院内净", "院内干净")
    with pytest.raises(ShopError) as refused:
        reference.compare(east.db, east.admin, forged.encode("utf-8"))
    assert refused.value.key == "county_rules_signature"


def test_a_rules_file_that_names_no_key_is_unreadable_not_a_crash(village, county, tmp_path):
    east = village()
    exported = reference.export(county.db, county.official, tmp_path / "rules.json")
    outer = json.loads(exported.path.read_bytes())
    del outer["rules"]["algorithm"]
    with pytest.raises(ShopError) as refused:
        reference.compare(east.db, east.admin, json.dumps(outer).encode("utf-8"))
    assert refused.value.key == "county_rules_unreadable"


def test_a_retired_key_goes_back_and_the_village_signs_with_a_new_one(village, county, stick, tmp_path):
    east = village()
    made = package.make(east.db, east.secretary, stick)
    intake.import_package(county.db, county.official, made.path, receipts_dir=stick)
    east.db.clock = villages.at(2025, 4, 2)
    receipt.record(east.db, east.secretary, next(stick.glob("receipt-*")).read_bytes())
    keys.retire_key(county.db, county.official, made.fingerprint.replace(" ", "")[:12])
    data = reference.export(county.db, county.official, tmp_path / "rules.json").path.read_bytes()
    seen = reference.compare(east.db, east.admin, data)
    assert seen.key_retired
    taken = reference.take(east.db, east.admin, data, only=["NONE"])
    assert taken.key_rotated and taken.taken == ()
    with east.db.read() as session:
        fresh = signing.village_key(village_id(session))
    assert fresh.fingerprint != made.fingerprint


WITH_LIMITS = """code,category,name,points_min,points_max,deduction,limit,cap_per_event
L01,公益劳动,参加村组公益劳动（每次）,5,5,0,1/week,30
L02,公益劳动,修路、清渠等集体劳动（每天）,10,10,0,,
Z01,移风易俗,红白事简办,10,10,0,1/year,0
"""


def test_the_reference_carries_each_rules_limits_and_taking_a_looser_one_needs_the_supervisor(village, county,
                                                                                             tmp_path):
    from pos import rules

    east = village()
    east.db.clock = villages.at(2025, 4, 2)
    supervisor = Approval("lishuji", villages.PASSWORD)
    rules.save(east.db, east.admin, "L02", "公益劳动", "修路、清渠等集体劳动（每天）", 10, 10, limit="2/week",
               approval=supervisor)
    assert reference.load(county.db, county.official, WITH_LIMITS.encode("utf-8")) == 3
    data = reference.export(county.db, county.official, tmp_path / "rules.json").path.read_bytes()
    seen = {c.code: c for c in reference.compare(east.db, east.admin, data).changes}
    assert seen["L01"].theirs[6:] == ("1/week", 30) and seen["L01"].ours[6:] == ("", 0)
    assert seen["L02"].theirs[6:] == ("", 0) and seen["L02"].ours[6:] == ("2/week", 0)
    # L01 only tightens (a limit and a cap where there were none): the administrator takes it
    assert reference.take(east.db, east.admin, data, only=["L01"]).taken == ("L01",)
    l01 = next(r for r in rules.list_rules(east.db, east.admin) if r.code == "L01")
    assert (str(l01.limit), l01.cap_per_event) == ("1/week", 30)
    # L02 would lose its limit: that allows more, and is the supervisor's to approve
    with pytest.raises(NeedsApproval):
        reference.take(east.db, east.admin, data, only=["L02"])
    reference.take(east.db, east.admin, data, only=["L02"], approval=supervisor)
    assert next(r for r in rules.list_rules(east.db, east.admin) if r.code == "L02").limit is None
    with east.db.read() as session:
        assert proof.verify(session).ok


def test_a_village_still_reads_a_reference_of_the_first_version_and_keeps_its_limits(village, county, tmp_path):
    from ledger import canonical
    from pos import rules
    from pos.county.accounts import info_in

    east = village()
    east.db.clock = villages.at(2025, 4, 2)
    rules.save(east.db, east.admin, "L02", "公益劳动", "修路、清渠等集体劳动（每天）", 10, 10, limit="2/week",
               approval=Approval("lishuji", villages.PASSWORD))
    assert reference.load(county.db, county.official, REFERENCE.encode("utf-8")) == 3
    newer = json.loads(reference.export(county.db, county.official, tmp_path / "rules.json").path.read_bytes())
    document = newer["rules"]
    document["version"] = 1
    document["rules"] = [row[:7] for row in document["rules"]]
    with county.db.read() as session:
        signer = signing.county_key(info_in(session).county_id)
    signed = canonical.dumps(document)
    older = signing.signed_file("rules", signed, signer.sign(signed))
    seen = {c.code: c for c in reference.compare(east.db, east.admin, older).changes}
    assert seen["L02"].theirs[6:] == ("2/week", 0), "a first-version file says nothing of limits"
    assert set(seen) == {"L02", "Z01"}
