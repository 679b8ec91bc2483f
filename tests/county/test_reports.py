"""What the county sees: totals that are the villages' closures summed, late months, outliers."""

import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from pos.county import intake, package, report
from pos.month import audit, closure
from tests.county import villages


@pytest.fixture
def five(village, county, stick):
    """Five villages' first quarter at the county; 高家村 claimed far more labour in March."""
    found = {name: village(name) for name in villages.SEEDS}
    made = [package.make(v.db, v.secretary, stick).path for v in found.values()]
    assert all(r.closures == (1, 2, 3) for r in intake.import_files(county.db, county.official, made))
    return found


def test_county_totals_are_the_sum_of_the_villages_closures(five, county):
    found = report.report(county.db, county.official, "2025-03", as_of=date(2025, 4, 10))
    closures = [closure.get(v.db, v.secretary, "2025-03") for v in five.values()]
    totals = found.totals
    assert totals.awarded == sum(c.totals.net_awarded for c in closures)
    assert totals.redeemed == sum(c.totals.net_redeemed for c in closures)
    assert totals.deducted == sum(c.totals.net_deducted for c in closures)
    assert totals.issued_cards == sum(c.totals.issued_cards for c in closures)
    assert totals.outstanding == sum(c.cumulative.outstanding for c in closures)
    assert totals.outstanding_fen == sum(c.cumulative.outstanding_fen for c in closures)
    assert totals.donations_fen == sum(c.totals.donations_fen for c in closures)
    assert dict(totals.categories) == {
        name: sum(dict(c.totals.awarded_by_category).get(name, 0) for c in closures)
        for name in {n for c in closures for n, _ in c.totals.awarded_by_category}}
    assert sum(points for _, _, points in totals.zones) == sum(z.points for c in closures for z in c.zones)
    assert totals.households == 5 * villages.HOUSEHOLDS
    assert [v.status.status for v in found.villages] == ["verified"] * 5
    flags = [audit.report(v.db, v.secretary, "2025-03", run_verify=False).flags for v in five.values()]
    assert totals.flags == sum(len(f) for f in flags) > 0
    assert totals.own_household == sum(1 for f in flags for flag in f if flag.rule == "own_household")


def test_the_outlier_village_is_flagged_and_the_clean_ones_are_not(five, county):
    found = report.report(county.db, county.official, "2025-03", as_of=date(2025, 4, 10))
    flagged = {(c.village, c.figure) for c in found.outliers}
    assert (villages.OUTLIER, "labour_points") in flagged
    assert not {name for name, _ in flagged} & set(villages.CLEAN)
    labour = next(c for c in found.outliers if c.village == villages.OUTLIER and c.figure == "labour_points")
    assert labour.value > 3 * labour.median and len(labour.near) == 3
    assert villages.OUTLIER not in {name for name, _ in labour.near}
    assert any(villages.OUTLIER in line and "公益劳动" in line for line in report.attention(found))


def test_a_month_not_received_fifteen_days_after_it_ended_is_late(village, county, stick):
    east, west = village("东岭村"), village("西沟村")
    for v in (east, west):
        made = package.make(v.db, v.secretary, stick)
        intake.import_package(county.db, county.official, made.path)
    east.db.clock = villages.at(2025, 5, 1)
    closure.close(east.db, east.secretary, "2025-04",
                  password=villages.PASSWORD, confirm_recent=True)
    (stick / "may").mkdir()
    made = package.make(east.db, east.secretary, stick / "may")
    assert intake.import_package(county.db, county.official, made.path).closures == (4,)
    early = report.report(county.db, county.official, "2025-04", as_of=date(2025, 5, 10))
    late = report.report(county.db, county.official, "2025-04", as_of=date(2025, 5, 16))
    status = {v.village: v.status for v in late.villages}
    assert status["东岭村"].imported and not status["东岭村"].late
    assert status["西沟村"].status == "late" and status["西沟村"].late
    assert {v.village: v.status.status for v in early.villages}["西沟村"] == "due"
    east_line = next(v for v in late.villages if v.village == "东岭村")
    assert [c.status for c in east_line.months[-4:]] == ["verified"] * 4
    assert any("西沟村" in line and "逾期" in line for line in report.attention(late))
    assert late.totals.households == villages.HOUSEHOLDS  # only the month that came


def test_the_month_as_a_workbook_and_a_one_page_pdf(five, county, tmp_path):
    found = report.report(county.db, county.official, "2025-03", as_of=date(2025, 4, 10))
    book, pdf, pages = report.write_files(found, tmp_path)
    assert pages == 1
    sheets = load_workbook(book)
    assert sheets.sheetnames == ["全县合计", "各村", "上报状态", "户均比较", "分类与分区", "需要关注"]
    assert sheets["各村"].max_row == 6
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "宜川县爱心超市月度汇总（2025年3月）" in text and "高家村" in text
    (tmp_path / "en").mkdir()
    assert report.write_files(found, tmp_path / "en", "en")[2] == 1


def test_a_report_reads_the_monthly_figures_only(five, county):
    from sqlalchemy import event

    statements = []

    def seen(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(county.db.engine, "before_cursor_execute", seen)
    try:
        report.report(county.db, county.official, "2025-03", as_of=date(2025, 4, 10))
    finally:
        event.remove(county.db.engine, "before_cursor_execute", seen)
    assert statements and not any("county_transaction" in s for s in statements)


def test_the_summary_stays_one_page_for_a_county_of_many_villages(tmp_path):
    from printing.county import SummaryPage, render_summary

    villages_rows = (("村", "状态", "户", "发放", "扣分", "兑换", "余额"),) + tuple(
        (f"第{n}村", "逾期未报", "200", "1000", "20", "900", "15000") for n in range(180))
    for rows in (villages_rows, villages_rows[:12]):
        page = SummaryPage("某县爱心超市月度汇总（2026年10月）", "截至 2026-11-20",
                           tuple((f"加分：类别{n}", str(n)) for n in range(24)),
                           (("已核验", "170"), ("逾期未报", "10")),
                           tuple(f"第{n}村：2026-10 逾期未报" for n in range(300)),
                           "……另有 {n} 项，见 Excel 工作簿。", "某县 · 2026-10", rows)
        assert render_summary(page, tmp_path / "summary.pdf") == 1
