"""The honour roll (光荣榜) of the demo village: the households that earned most by the rules,
for the village and each group, in the month and the year, checked against the ledger
and read back from the poster and the notice with poppler's pdftotext."""

import re
from collections import defaultdict

import pytest
from sqlalchemy import text as sql

from pos import demo
from pos.cli.main import main
from pos.month import closure, honour, notice
from tests import pdfs
from tests.pos.test_month import AFTER_MONTH, MONTH, close, login

pytestmark = pdfs.needs_poppler


@pytest.fixture
def village(demo_village):
    demo_village.clock = lambda: AFTER_MONTH
    close(demo_village)
    return demo_village


def earned_by_rules(db, ranges) -> dict[int, int]:
    """Each household's points from awards, hygiene and credited claims (not deduction claims; less
    their reversals) in
    the ledger's ``ranges`` of transactions, straight from the postings."""
    found = defaultdict(int)
    with db.read() as s:
        cards = dict(s.execute(sql("SELECT number, household_id FROM point_card")).all())
        rows = s.execute(sql(
            "SELECT p.tx_seq, t.kind, o.kind, a.code, p.amount FROM ledger_posting p "
            "JOIN ledger_transaction t ON t.seq = p.tx_seq JOIN ledger_account a ON a.id = p.account_id "
            "LEFT JOIN ledger_transaction o ON o.seq = t.reverses WHERE a.code LIKE 'card:%'")).all()
    for seq, kind, original, code, amount in rows:
        if kind == "claim_credit" and amount < 0:
            continue  # a deduction claim's leg: points lost, not earned
        if any(first <= seq <= last for first, last in ranges) and (original or kind) in (
                "award", "hygiene", "claim_credit"):
            found[cards[code[5:]]] += amount
    return found


def top(points, households, n, group=None):
    """Households with their points, best first, to the n-th place (ties kept)."""
    rows = sorted(((p, h) for h, p in points.items() if p > 0 and h in households
                   and (group is None or households[h].group == group)), key=lambda r: -r[0])
    cut = rows[n - 1][0] if len(rows) >= n else 0
    return [(households[h], p) for p, h in rows if p >= cut]


def test_the_months_and_years_honour_roll_follow_the_ledger_on_the_poster(village, tmp_path, monkeypatch):
    monkeypatch.setenv("AIXIN_PASSWORD", demo.PASSWORD)
    code = main(["--db", f"sqlite:///{_path(village)}", "honour", "--month", MONTH, "--out",
                 str(tmp_path / "honour.pdf"), "--user", "lishuji"])
    assert code == 0
    text = pdfs.poppler_text(tmp_path / "honour.pdf", layout=True)
    assert "光荣榜" in text.split("\n")[0] and "2026年11月 · 全村" in text and "2026年（已月结 11 个月） · 富庄组" in text
    with village.read() as s:
        closed = closure.closure_in(s, MONTH)
        year = [(r.first_seq, r.last_seq) for r in s.execute(sql(
            "SELECT first_seq, last_seq FROM month_closure WHERE month >= '2026-01'"))]
    households = {h.household_id: h for h in closed.households}
    month = earned_by_rules(village, [(closed.first_seq, closed.last_seq)])
    roll = honour.roll(village, login(village), MONTH)
    boards = {b.title: b for b in roll.month_boards + roll.year_boards}
    expected = top(month, households, honour.VILLAGE_TOP)
    shown = boards["2026年11月 · 全村"].lines
    assert sorted((line.points, line.head) for line in shown) == sorted((p, h.head) for h, p in expected)
    assert [line.points for line in shown] == sorted((line.points for line in shown), reverse=True)
    for line in shown:
        assert re.search(rf"第\s*{line.rank}\s*名\s+{line.group}\s+{line.head}\s+{line.card_tail}\s+{line.points}",
                         text), line
    assert shown[0].points == max(month.values()) and shown[0].rank == 1
    by_balance = sorted(households.values(), key=lambda h: -h.closing)[:len(shown)]
    assert {h.head for h in by_balance} != {line.head for line in shown}, "by points earned, not by balance"
    for group in ("啊道", "富庄", "杜河沟"):
        lines = boards[f"2026年11月 · {group}组"].lines
        assert sorted((line.points, line.head) for line in lines) == sorted(
            (p, h.head) for h, p in top(month, households, honour.GROUP_TOP, group))
    year_points = earned_by_rules(village, year)
    lines = boards["2026年（已月结 11 个月） · 全村"].lines
    assert sorted((line.points, line.head) for line in lines) == sorted(
        (p, h.head) for h, p in top(year_points, households, honour.VILLAGE_TOP))
    assert all(re.search(rf"{line.head}\s+{line.card_tail}\s+{line.points}", text) for line in lines)
    assert pdfs.codes(tmp_path / "honour.pdf", dpi=150)[0] == closed.qr_text
    honour.write_pdf(village, login(village), MONTH, tmp_path / "honour-en.pdf", lang="en")
    english = pdfs.poppler_text(tmp_path / "honour-en.pdf")
    assert "Honour roll" in english and "The households that earned most in" in english
    assert "光荣榜" not in english and "得分" not in english and "第 1 名" not in english


def test_the_notice_carries_the_months_roll_and_decembers_the_years(village, tmp_path):
    notice.write_pdf(village, login(village), MONTH, tmp_path / "november.pdf")
    november = pdfs.poppler_text(tmp_path / "november.pdf")
    assert "光荣榜：2026年11月按规则得分最多的农户" in november and "已月结" not in november
    notice.write_pdf(village, login(village), "2025-12", tmp_path / "december.pdf")
    december = pdfs.poppler_text(tmp_path / "december.pdf", layout=True)
    assert "光荣榜：2025年12月与2025年全年按规则得分最多的农户" in december
    assert "2025年（已月结 1 个月） · 全村" in december
    roll = honour.roll(village, login(village), "2025-12")
    for line in roll.year_boards[0].lines:
        assert re.search(rf"第\s*{line.rank}\s*名\s+{line.group}\s+{line.head}\s+{line.card_tail}\s+{line.points}",
                         december), line


def _path(db):
    return db.engine.url.database


def test_deductions_appear_by_name_only_when_the_village_decides_so(village, tmp_path, monkeypatch):
    from tests.pos.test_month import ledger_month

    monkeypatch.setenv("AIXIN_PASSWORD", demo.PASSWORD)
    db = ["--db", f"sqlite:///{_path(village)}"]
    with village.read() as s:
        closed = closure.closure_in(s, MONTH)
    month, heads = ledger_month(village, closed.first_seq, closed.last_seq)
    lost = {h: n["deducted"] for h, n in month.items() if n["deducted"]}
    assert lost, "the demo's November has deductions"
    lines = {h.household_id: h for h in closed.households}

    assert main([*db, "honour", "--month", MONTH, "--out", str(tmp_path / "quiet.pdf"), "--user", "lishuji"]) == 0
    quiet = pdfs.poppler_text(tmp_path / "quiet.pdf", layout=True)
    assert "本月扣分情况（按本村决定，不列户名）" in quiet
    section = quiet[quiet.index("本月扣分情况"):]
    assert not any(f"{heads[h]} " in section or lines[h].card[-4:] in section for h in lost)
    assert re.search(rf"合计\s+\d+\s+{sum(lost.values())}", section)

    assert main([*db, "village", "set", "--name-deductions", "on", "--user", "wangfang"]) == 2, "a supervisor's"
    monkeypatch.setenv("AIXIN_APPROVER_PASSWORD", demo.PASSWORD)
    assert main([*db, "village", "set", "--name-deductions", "on", "--user", "wangfang", "--approver", "lishuji"]) == 0
    assert main([*db, "honour", "--month", MONTH, "--out", str(tmp_path / "named.pdf"), "--user", "lishuji"]) == 0
    named = pdfs.poppler_text(tmp_path / "named.pdf", layout=True)
    section = named[named.index("本月扣分情况"):]
    assert "不列户名" not in section
    roll = honour.roll(village, login(village), MONTH)
    shown = defaultdict(int)
    for row in roll.deductions:
        shown[row.card_tail] += row.points
        assert re.search(rf"{row.group}\s+{row.head}\s+{row.card_tail}\s+{re.escape(row.reason)}\s+{row.count}\s+"
                         rf"{row.points}", section), row
    assert dict(shown) == {lines[h].card[-4:]: p for h, p in lost.items()}
