"""Spot checks: a visit list from the county's copy, read back from its PDF, and the findings."""

import csv
import subprocess

from pos import households
from pos.county import intake, package, report, spotcheck
from pos.month import audit


def test_the_visit_list_names_households_and_goods_with_what_the_county_holds(village, county, stick, tmp_path):
    east = village()
    made = package.make(east.db, east.secretary, stick)
    intake.import_package(county.db, county.official, made.path)
    check = spotcheck.draw(county.db, county.official, made.village_id[:10], households=5, goods=4, seed=7)
    assert check.month == "2025-03" and check.closure == 3 and len(check.households) == 5
    assert len(check.goods) == 4
    homes = {h.id: h for h in households.search(east.db, east.admin, limit=100, include_moved=True)}
    for drawn in check.households:
        assert drawn.balance == homes[drawn.household].balance  # nothing moved since March here
        assert drawn.card_tail == homes[drawn.household].card_number[-4:]
        assert drawn.opening + drawn.earned - drawn.deducted - drawn.redeemed == drawn.balance
    pdf, _sheet, pages = spotcheck.write(check, tmp_path / "走访.pdf")
    assert pages >= 1
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "东岭村 走访核实与现场抽查盘点清单" in text and "现场抽查盘点" in text
    for drawn in check.households:
        assert drawn.head in text and drawn.card_tail in text and str(drawn.balance) in text
    for goods in check.goods:
        assert goods.code in text
    assert "第1页" in text.replace(" ", "") and "核查人（签字）" in text and "Visit" not in text
    # the county's window in English makes it in English, headings, columns and footer alike
    pdf, _sheet, _pages = spotcheck.write(check, tmp_path / "visit.pdf", "en")
    english = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
    assert "1. Visits" in english and "Balance found" in english and "2. Stock count" in english
    assert "page 1" in english and "Checked by" in english and "走访" not in english and "2025-03" in english
    # the same seed draws the same list
    again = spotcheck.draw(county.db, county.official, "东岭村", households=5, goods=4, seed=7)
    assert [h.household for h in again.households] == [h.household for h in check.households]


def test_draws_lean_toward_flagged_households(village, county, stick):
    east = village()
    flagged = {f.household for month in ("2025-01", "2025-02", "2025-03")
               for f in audit.report(east.db, east.secretary, month, run_verify=False).flags if f.household}
    made = package.make(east.db, east.secretary, stick)
    intake.import_package(county.db, county.official, made.path)
    if not flagged:
        return  # nothing for the draw to lean toward in this village
    hits = sum(bool({h.household for h in spotcheck.draw(county.db, county.official, "东岭村", households=2,
                                                          goods=0, seed=seed).households} & flagged)
               for seed in range(20))
    assert hits >= 10


def test_findings_entered_back_are_compared_with_what_was_printed(village, county, stick, tmp_path):
    east = village()
    intake.import_package(county.db, county.official, package.make(east.db, east.secretary, stick).path)
    check = spotcheck.draw(county.db, county.official, "东岭村", households=3, goods=2, seed=3)
    _pdf, sheet, _pages = spotcheck.write(check, tmp_path / "visit.pdf")
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == list(spotcheck.HEADER) and len(rows) == 6
    rows[1][5] = rows[1][4]  # the villager's slip agrees
    rows[2][5] = str(int(rows[2][4]) + 30)  # this one does not
    rows[4][5] = str(int(rows[4][4]) - 1)  # one bag fewer on the shelf
    rows[2][4] = "999"  # what the sheet says the county held is not what is compared
    filled = tmp_path / "filled.csv"
    with open(filled, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    found = spotcheck.enter_findings(county.db, county.official, filled.read_bytes())
    assert [(f.kind, f.differs) for f in found] == [("household", False), ("household", True), ("goods", True)]
    assert found[1].expected == check.households[1].balance
    line = next(v for v in report.report(county.db, county.official, "2025-03").villages if v.village == "东岭村")
    assert line.findings_differ == 2
