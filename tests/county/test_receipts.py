"""The county's receipt goes back to the village, into its chain and onto its next notice."""

import json
import subprocess

import pytest
from sqlalchemy import select

from ledger.schema import Transaction
from pos import proof
from pos.county import intake, package, receipt
from pos.errors import ShopError
from pos.month import closure, notice
from pos.vocabulary import Kind
from tests.county import villages


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_receipt_is_recorded_in_the_chain_and_printed_on_the_next_notice(village, county, stick, tmp_path):
    east = village()
    made = package.make(east.db, east.secretary, stick)
    result = intake.import_package(county.db, county.official, made.path, receipts_dir=stick)
    east.db.clock = villages.at(2025, 4, 2)
    recorded = receipt.record(east.db, east.secretary, result.receipt.read_bytes())
    assert recorded.new and recorded.last_closure == 3 and recorded.county == "宜川县"
    assert recorded.fingerprint == county.info.fingerprint
    again = receipt.record(east.db, east.secretary, result.receipt.read_bytes())
    assert not again.new and again.seq is None  # recorded once
    with east.db.read() as session:
        facts = session.scalars(select(Transaction.attrs).where(Transaction.kind == Kind.COUNTY_RECEIPT)).all()
        assert len(facts) == 1 and json.loads(facts[0])["last_seq"] == made.to_seq
        assert proof.verify(session).ok
    # March's notice was printed before the receipt: printed again, it says the same
    assert notice.notice_data(east.db, east.secretary, "2025-03").county_received is None
    east.db.clock = villages.at(2025, 5, 1)
    closure.close(east.db, east.secretary, "2025-04",
                  password=villages.PASSWORD, confirm_recent=True)
    april = notice.notice_data(east.db, east.secretary, "2025-04")
    assert april.county_received == 3 and april.key_fingerprint == made.fingerprint
    notice.write_pdf(east.db, east.secretary, "2025-04", tmp_path / "notice.pdf")
    text = pdf_text(tmp_path / "notice.pdf")
    assert "县级已收到第 3 号月结" in text and made.fingerprint in text
    # the next package begins after what the county acknowledged
    second = package.make(east.db, east.secretary, stick)
    assert second.from_seq == made.to_seq + 1 and second.closures == (4,)
    assert intake.import_package(county.db, county.official, second.path).closures == (4,)


def test_a_receipt_that_is_not_the_countys_or_not_this_villages_is_refused(village, county, stick):
    east, west = village("东岭村"), village("西沟村")
    result = intake.import_package(county.db, county.official,
                                   package.make(east.db, east.secretary, stick).path, receipts_dir=stick)
    data = json.loads(result.receipt.read_bytes())
    forged = dict(data, receipt=dict(data["receipt"], last_closure=9))
    for wrong, key in ((json.dumps(forged).encode(), "county_receipt_signature"),
                       (b"{}", "county_receipt_unreadable")):
        with pytest.raises(ShopError) as refused:
            receipt.record(east.db, east.secretary, wrong)
        assert refused.value.key == key
    with pytest.raises(ShopError) as refused:
        receipt.record(west.db, west.secretary, result.receipt.read_bytes())
    assert refused.value.key == "county_receipt_other_village"
