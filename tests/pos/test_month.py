"""The supervisor's month on the demo village: closing, the notice, proving it later."""

import json
import re
from collections import defaultdict
from datetime import date, datetime

import pypdfium2
import pytest

import ledger
from ledger import backup as ledger_backup
from ledger import canonical
from pos import awards, demo, hygiene, statement, stock, users
from pos.month import closure
from pos.month import notice
from pos.cli.main import main
from pos.errors import Findings, ShopError
from pos.periods import LOCAL
from pos.village import village_id
from printing import statement as statement_printing
from tests import pdfs, tampering
from tests.pos.conftest import SEPTEMBER
from tests.printing.paper import decode

# The demo's supervisor closed every month as it ended, from December 2025 to October 2026
# (closures 1 to 11); November, its last month, is open.
MONTH = "2026-11"
AFTER_MONTH = datetime(2026, 12, 3, 10, 0, tzinfo=LOCAL)
NUMBER = 12


@pytest.fixture
def village(demo_village):
    demo_village.clock = lambda: AFTER_MONTH
    return demo_village


def login(db, name="lishuji"):
    return users.login(db, name, demo.PASSWORD)


def close(db, month=MONTH, supervisor=None):
    """The supervisor closes ``month``, signing with their password."""
    return closure.close(db, supervisor or login(db), month, password=demo.PASSWORD)


def ledger_month(db, first, last):
    """Each household's month recomputed straight from the ledger, independently of the closure."""
    with db.read() as s:
        card_of = dict(s.execute(sqlite_text("SELECT number, household_id FROM point_card")).all())
        heads = dict(s.execute(sqlite_text("SELECT id, head_name FROM household")).all())
        rows = s.execute(sqlite_text(
            "SELECT p.tx_seq, t.kind, o.kind, a.code, p.amount FROM ledger_posting p "
            "JOIN ledger_transaction t ON t.seq = p.tx_seq JOIN ledger_account a ON a.id = p.account_id "
            "LEFT JOIN ledger_transaction o ON o.seq = t.reverses WHERE a.code LIKE 'card:%'")).all()
    month = defaultdict(lambda: defaultdict(int))
    for seq, kind, original, code, amount in rows:
        household = card_of[code[5:]]
        if seq < first:
            month[household]["opening"] += amount
        if seq <= last:
            month[household]["closing"] += amount
        if first <= seq <= last:
            effective = original or kind
            column = {"card_issue": "earned", "award": "earned", "hygiene": "earned", "claim_credit": "earned",
                      "deduction": "deducted", "redemption": "redeemed",
                      "card_recovery": "recovered"}.get(effective)
            if effective == "claim_credit" and amount < 0:
                column = "deducted"  # a deduction claim, credited with its posting
            if column:
                month[household][column] += amount if column == "earned" else -amount
    return month, heads


def sqlite_text(sql):
    from sqlalchemy import text

    return text(sql)


def test_closing_a_demo_month_prints_every_ledger_number_on_the_notice(village, tmp_path):
    closed = close(village)
    assert closed.number == NUMBER and closed.hash
    notice_data, pages = notice.write_pdf(village, login(village), MONTH, tmp_path / "notice.pdf")
    text = pdfs.text(tmp_path / "notice.pdf")
    with_rows = [page for page in text.split("\f")
                 if re.search(r"(啊道|富庄|杜河沟)\s+\S+\s+\d{4}\s+-?\d+", page)]
    assert len(with_rows) >= 2 and all("卡号后四位" in page for page in with_rows), "headers repeat"
    month, heads = ledger_month(village, closed.first_seq, closed.last_seq)
    shown = {h.household_id for h in closed.households}
    for household, numbers in month.items():
        if not (numbers["opening"] or numbers["closing"] or any(
                numbers[k] for k in ("earned", "deducted", "redeemed", "recovered"))):
            continue
        assert household in shown
        line = next(h for h in closed.households if h.household_id == household)
        expected = [numbers[k] for k in ("opening", "earned", "deducted", "redeemed", "recovered", "closing")]
        row = re.search(rf"{heads[household]}\s+{line.card[-4:]}\s+" + r"\s+".join([r"(-?\d+)"] * 6), text)
        assert row, heads[household]
        assert [int(v) for v in row.groups()] == expected, heads[household]
    # month and cumulative totals, recomputed from the ledger's accounts
    with village.read() as s:
        balances = dict(s.execute(sqlite_text(
            "SELECT a.code, COALESCE(SUM(p.amount), 0) FROM ledger_account a LEFT JOIN ledger_posting p "
            f"ON p.account_id = a.id AND p.tx_seq <= {closed.last_seq} GROUP BY a.code")).all())
        redeemed_month = s.scalar(sqlite_text(  # the month's redemptions; a reversal is its own line
            "SELECT SUM(p.amount) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id "
            "JOIN ledger_transaction t ON t.seq = p.tx_seq WHERE a.code = 'village:redeemed' "
            f"AND t.kind = 'redemption' AND p.tx_seq BETWEEN {closed.first_seq} AND {closed.last_seq}"))
        donations = s.scalar(sqlite_text(
            "SELECT SUM(m.value_fen) FROM stock_movement m JOIN stock_intake i ON i.id = m.intake_id "
            "WHERE i.source = 'donation' AND i.received_on BETWEEN '2026-11-01' AND '2026-11-30'"))
    outstanding = sum(v for k, v in balances.items() if k.startswith("card:"))
    assert re.search(rf"在册积分余额\s+{outstanding}\b", text)
    assert re.search(rf"累计发放积分\s+{-balances['village:issue']}\b", text)
    assert re.search(rf"累计兑换积分\s+{balances['village:redeemed']}\b", text)
    assert re.search(rf"累计扣分\s+{balances['village:deducted']}\b", text)
    assert re.search(rf"兑换（\d+ 笔）\s+{redeemed_month}\b", text)
    assert re.search(rf"捐赠物资价值（元）\s+{donations // 100}\.{donations % 100:02d}\b", text)
    assert re.search(rf"余额折合（元）\s+{outstanding * 3}\.00\b", text)
    for zone in closed.zones:
        assert re.search(rf"{zone.zone}\s+{zone.quantity}\s+{zone.points}\b", text)
    for line in closed.donations:
        assert line.donor in text and line.goods in text
    # the footer on every page, the full anchor once, and never a villager's phone number
    assert text.count(f"末笔哈希 {closed.last_hash[:16]}") == pages
    assert f"{closed.last_seq}:{closed.last_hash}" in text.replace("\n", "")
    assert f"交易第 {closed.first_seq}–{closed.last_seq} 笔" in text
    with village.read() as s:
        phones = [p for (p,) in s.execute(sqlite_text("SELECT phone FROM household WHERE phone != ''"))]
    assert phones and not any(phone in text for phone in phones)
    assert re.search(r"第\s*1\s*页\s*/\s*共\s*\d+\s*页", text)


def test_closure_totals_equal_totals_recomputed_from_the_ledger(village):
    closed = close(village)
    with village.read() as s:
        kept = dict(s.execute(sqlite_text("SELECT code, balance FROM ledger_account")).all())
        after = dict(s.execute(sqlite_text(
            "SELECT a.code, SUM(p.amount) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id "
            f"WHERE p.tx_seq > {closed.last_seq} GROUP BY a.code")).all())
        by_kind = dict(s.execute(sqlite_text(
            "SELECT t.kind, COUNT(*) FROM ledger_transaction t "
            f"WHERE t.seq BETWEEN {closed.first_seq} AND {closed.last_seq} GROUP BY t.kind")).all())
    at_close = {code: balance - after.get(code, 0) for code, balance in kept.items()}
    c = closed.cumulative
    assert c.outstanding == sum(v for k, v in at_close.items() if k.startswith("card:"))
    assert c.ever_issued == -at_close["village:issue"]
    assert (c.redeemed, c.deducted, c.recovered) == (
        at_close["village:redeemed"], at_close["village:deducted"], at_close["village:recovered"])
    assert c.ever_issued == c.redeemed + c.deducted + c.recovered + c.outstanding
    assert sum(h.closing for h in closed.households) == c.outstanding
    assert closed.totals.redemptions == by_kind["redemption"]
    assert closed.totals.transactions == sum(by_kind.values())
    assert sum(z.points for z in closed.zones) == closed.totals.net_redeemed
    assert dict(closed.totals.awarded_by_category)["卫生检查"] > 0
    # and the stored closure hashes to what it says
    with village.read() as s:
        row = s.execute(sqlite_text(f"SELECT document, hash FROM month_closure WHERE number = {NUMBER}")).one()
    assert canonical.digest(row.document.encode()) == row.hash == closed.hash


def test_nothing_can_be_dated_into_a_closed_month(village):
    from pos import village as village_settings
    from pos.service import Approval

    close(village)
    admin = login(village, "wangfang")
    # The demo awards by claims in its last two months; direct awards are what this is about.
    village_settings.change(village, admin, Approval("lishuji", demo.PASSWORD), awards="direct")
    with village.read() as s:
        head = ledger.head(s)
        household = s.scalar(sqlite_text("SELECT household_id FROM point_card WHERE status = 'active' LIMIT 1"))
    with pytest.raises(ShopError) as refused:
        awards.award(village, admin, household, "G01", deed_date=date(2026, 11, 20))
    assert refused.value.key == "month_closed" and "2026-12" in str(refused.value)
    with pytest.raises(ShopError, match="已月结"):
        hygiene.record(village, admin, date(2026, 11, 30), "李书记", {household: {"W01": True}})
    item = stock.IntakeLine(demo_goods_code(village), 1)
    with pytest.raises(ShopError, match="已月结"):
        stock.intake(village, admin, [item], source="donation", donor="李女士", donor_type="person",
                     received_on=date(2026, 9, 30))
    # a PC whose clock was set back into the closed month cannot post either
    village.clock = lambda: datetime(2026, 11, 30, 10, 0, tzinfo=LOCAL)
    with pytest.raises(ShopError, match="已月结"):
        awards.award(village, admin, household, "G01")
    village.clock = lambda: AFTER_MONTH
    with village.read() as s:
        assert ledger.head(s) == head
    # the late correction goes into the open month, and says what it corrects
    done = awards.award(village, admin, household, "G01", note="补记 11 月 20 日拾金不昧",
                        deed_date=date(2026, 12, 3))
    assert done.seq == head[0] + 1


def demo_goods_code(db):
    with db.read() as s:
        return s.scalar(sqlite_text("SELECT code FROM goods LIMIT 1"))


def test_a_month_is_closed_once_and_months_close_in_order(village):
    supervisor = login(village)
    close(village, supervisor=supervisor)
    with pytest.raises(ShopError) as early:
        close(village, "2026-12", supervisor)
    assert early.value.key == "closure_not_ended"
    for month, key in (("2026-11", "closure_done"), ("2026-10", "closure_done"),
                       ("2025-11", "closure_order_past")):
        with pytest.raises(ShopError) as refused:
            close(village, month, supervisor)
        assert refused.value.key == key
    village.clock = lambda: datetime(2027, 2, 5, 9, 0, tzinfo=LOCAL)
    with pytest.raises(ShopError) as skipped:
        close(village, "2027-01", supervisor)
    assert skipped.value.key == "closure_order" and "2026-12" in str(skipped.value)
    with pytest.raises(ShopError) as quiet:  # nothing since November: this PC's clock is confirmed first
        close(village, "2026-12", supervisor)
    assert quiet.value.key == "closure_beyond"
    second = closure.close(village, supervisor, "2026-12", password=demo.PASSWORD, confirm_recent=True)
    first = closure.get(village, supervisor, MONTH)
    assert second.number == NUMBER + 1 and second.prev_hash == first.hash
    assert second.first_seq == first.last_seq + 1
    assert {h.household_id: h.opening for h in second.households} == {
        h.household_id: h.closing for h in first.households if h.closing or h.household_id in
        {x.household_id for x in second.households}}
    with pytest.raises(ShopError) as admin:
        close(village, "2027-01", login(village, "wangfang"))
    assert admin.value.key == "wrong_role"


def test_a_closure_is_refused_when_kept_balances_disagree(village):
    with village.read() as s:
        deducted = s.scalar(sqlite_text("SELECT balance FROM ledger_account WHERE code = 'village:deducted'"))
    tampering.edit(village.file, "UPDATE ledger_account SET balance = balance + 5 WHERE code = 'village:deducted'")
    with pytest.raises(ShopError) as refused:
        close(village)
    assert refused.value.key in ("closure_ledger_bad", "closure_kept_mismatch")
    assert "village:deducted" in str(refused.value) and str(deducted + 5) in str(refused.value)


def test_every_disagreement_of_a_month_is_found_not_only_the_first(village, capsys, monkeypatch):
    with village.read() as s:
        two = list(s.scalars(sqlite_text(
            "SELECT code FROM ledger_account WHERE code LIKE 'card:%' ORDER BY id LIMIT 2")))
    tampering.edit(village.file, *(f"UPDATE ledger_account SET balance = balance + 5 WHERE code = '{code}'"
                                   for code in [*two, "village:deducted"]))
    checked = closure.preview(village, login(village), MONTH)
    assert not checked.ok and checked.view.households, "the totals come with the findings"
    named = [f.params.get("account") for f in checked.findings if f.key == "closure_kept_mismatch"]
    assert sorted(named) == sorted([*two, "village:deducted"])
    with pytest.raises(Findings) as refused:
        close(village)
    assert [f.message() for f in refused.value.findings] == [f.message() for f in checked.findings]
    assert all(code in str(refused.value) + "".join(refused.value.lines()) for code in named)
    assert len(closure.list_closures(village, login(village))) == NUMBER - 1
    # the command line says each on a line of its own, both closing and previewing
    capsys.readouterr()
    monkeypatch.setenv("AIXIN_USER", "lishuji")
    monkeypatch.setenv("AIXIN_PASSWORD", demo.PASSWORD)
    assert run(village, "close", "--month", MONTH) == 2
    refusal = capsys.readouterr().err.splitlines()
    assert [sum(code + " " in line for line in refusal) for code in named] == [1, 1, 1]
    assert run(village, "close", "--month", MONTH, "--preview", "--json") == 2
    out, err = capsys.readouterr()
    assert len(json.loads(out)["findings"]) == len(checked.findings) == len(err.splitlines())


def test_a_closed_month_rewritten_afterwards_is_found_in_the_household_and_in_the_totals(village):
    first = close(village)
    with village.read() as s:
        # An award, or (the demo awarding by claims that month) a posting's crediting: one card's
        # points raised by five, and the village's issue by as many.
        seq, card, line = s.execute(sqlite_text(
            "SELECT t.seq, a.code, p.line FROM ledger_transaction t JOIN ledger_posting p ON p.tx_seq = t.seq "
            "JOIN ledger_account a ON a.id = p.account_id WHERE t.kind IN ('award', 'claim_credit') "
            f"AND a.code LIKE 'card:%' AND t.seq BETWEEN {first.first_seq} AND {first.last_seq} "
            "ORDER BY t.seq, p.line LIMIT 1")).one()

    def five_more(plain):
        plain.execute("UPDATE ledger_posting SET amount = amount + 5 WHERE tx_seq = ? AND line = ?", (seq, line))
        plain.execute("UPDATE ledger_posting SET amount = amount - 5 WHERE tx_seq = ? AND account_id = "
                      "(SELECT id FROM ledger_account WHERE code = 'village:issue')", (seq,))
        plain.execute("UPDATE ledger_account SET balance = balance + 5 WHERE code = ?", (card,))
        plain.execute("UPDATE ledger_account SET balance = balance - 5 WHERE code = 'village:issue'")

    rehash_from(village.file, seq, five_more)
    village.clock = lambda: datetime(2027, 1, 2, 9, 0, tzinfo=LOCAL)
    checked = closure.preview(village, login(village), "2026-12")
    keys = [f.key for f in checked.findings]
    assert "closure_household_mismatch" in keys and "closure_mismatch" in keys
    wheres = {f.params["where"] for f in checked.findings if f.key == "closure_mismatch"}
    assert {"累计发放积分", "在册积分余额"} <= wheres
    with pytest.raises(Findings) as refused:
        closure.close(village, login(village), "2026-12", password=demo.PASSWORD, confirm_recent=True)
    assert len(refused.value.findings) == len(checked.findings) >= 3


def test_hygiene_points_are_totalled_under_the_categories_of_the_rules_a_round_scores(september):
    from pos import rules

    shop = september
    rules.save(shop.db, shop.admin, "W01", "人居环境", "院内净", 2)  # this village files 院内净 elsewhere
    hygiene.record(shop.db, shop.admin, date(2026, 9, 5), "李书记",
                   {shop.homes["张三"].id: {"W02": True, "W03": True}, shop.homes["李四"].id: {"W01": True}})
    shop.clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    checked = closure.preview(shop.db, shop.secretary, SEPTEMBER)
    assert checked.ok
    assert dict(checked.view.totals.awarded_by_category) == {"卫生检查": 4, "人居环境": 2}


def run(db, *args):
    return main(["--db", f"sqlite:///{db.file}", *args])


def rehash_from(path, seq, change=None):
    """What someone with the database file and this program's source can do: change a
    transaction (its memo, unless ``change(connection)`` says otherwise) and recompute every
    hash after it, the head and the closures."""
    with tampering.opened(path) as plain:
        if change is None:
            plain.execute("UPDATE ledger_transaction SET memo = memo || '（改）' WHERE seq = ?", (seq,))
        else:
            change(plain)
        codes = dict(plain.execute("SELECT id, code FROM ledger_account"))
        prev = plain.execute("SELECT hash FROM ledger_transaction WHERE seq = ?", (seq - 1,)).fetchone()[0]
        hashes = {}
        for row in plain.execute("SELECT seq, at, kind, operator, approver, memo, reverses, attrs "
                                 "FROM ledger_transaction WHERE seq >= ? ORDER BY seq", (seq,)).fetchall():
            number, at, kind, operator, approver, memo, reverses, attrs = row
            legs = [(codes[a], amount) for a, amount in plain.execute(
                "SELECT account_id, amount FROM ledger_posting WHERE tx_seq = ? ORDER BY line", (number,))]
            stamp = datetime.fromisoformat(at).isoformat(timespec="microseconds") + "Z"
            digest = canonical.digest(canonical.encode(
                prev=prev, seq=number, at=stamp, kind=kind, operator=operator, approver=approver, memo=memo,
                reverses=reverses, attrs=json.loads(attrs), postings=legs))
            hashes[number] = prev = digest
            plain.execute("UPDATE ledger_transaction SET hash = ? WHERE seq = ?", (digest, number))
        head = max(hashes)
        plain.execute("UPDATE ledger_head SET hash = ? WHERE seq = ?", (hashes[head], head))
        prev_closure = canonical.GENESIS
        for number, document in plain.execute("SELECT number, document FROM month_closure ORDER BY number").fetchall():
            doc = json.loads(document)
            doc["last_hash"] = hashes.get(doc["last_seq"], doc["last_hash"])
            doc["head_hash"] = hashes.get(doc["head_seq"], doc["head_hash"])
            doc["prev_hash"] = prev_closure
            text = canonical.encode_attrs(doc)
            prev_closure = canonical.digest(text.encode())
            plain.execute("UPDATE month_closure SET document = ?, hash = ?, last_hash = ?, head_hash = ?, "
                          "prev_hash = ? WHERE number = ?", (text, prev_closure, doc["last_hash"],
                                                             doc["head_hash"], doc["prev_hash"], number))


def closed_notice(village, tmp_path, capsys):
    close(village)
    notice.write_pdf(village, login(village), MONTH, tmp_path / "notice.pdf")
    codes = set(pdfs.codes(tmp_path / "notice.pdf"))
    assert len(codes) == 1
    qr = codes.pop()
    assert run(village, "verify", "--notice", qr) == 0
    assert "公示核对通过" in capsys.readouterr().out
    return qr


def test_the_notice_qr_holds_the_closure_and_head_and_verifies(village, tmp_path, capsys):
    qr = closed_notice(village, tmp_path, capsys)
    stored = closure.get(village, login(village), MONTH)
    with village.read() as s:
        identity = village_id(s)
    assert qr == f"AIXIN2|{identity}|{NUMBER}|{stored.last_seq}|{stored.last_hash}"
    with village.read() as s:
        assert s.scalar(sqlite_text(f"SELECT hash FROM ledger_transaction WHERE seq = {stored.last_seq}")) == stored.last_hash
    assert run(village, "verify", "--anchor", stored.anchor) == 0
    assert run(village, "verify", "--notice", qr.replace(f"|{NUMBER}|", f"|{NUMBER + 1}|", 1)) == 1


def test_verify_notice_fails_after_the_tail_is_deleted(village, tmp_path, capsys):
    qr = closed_notice(village, tmp_path, capsys)
    last = int(qr.split("|")[3])
    with tampering.opened(village.file) as plain:
        for table in ("print_job", "redemption_line", "redemption"):
            plain.execute(f"DELETE FROM {table} WHERE tx_seq >= ?", (last - 3,))
        plain.execute("DELETE FROM ledger_posting WHERE tx_seq >= ?", (last - 3,))
        plain.execute("DELETE FROM ledger_transaction WHERE seq >= ?", (last - 3,))
        seq, digest = plain.execute("SELECT seq, hash FROM ledger_transaction ORDER BY seq DESC LIMIT 1").fetchone()
        plain.execute("UPDATE ledger_head SET seq = ?, hash = ?", (seq, digest))
    assert run(village, "verify", "--notice", qr) == 1
    assert "找不到公示的第" in capsys.readouterr().out


def test_verify_notice_fails_after_an_older_backup_is_restored(village, tmp_path, capsys):
    # taken after the month ended but before it was closed: it holds the same head
    copy = ledger_backup.backup(village.engine, tmp_path / "copies")
    qr = closed_notice(village, tmp_path, capsys)
    ledger_backup.restore(village.engine, copy, tmp_path / "safety")
    assert run(village, "verify") == 0, "the old copy is a valid ledger in itself"
    capsys.readouterr()
    assert run(village, "verify", "--notice", qr) == 1
    assert f"没有第 {NUMBER} 号月结" in capsys.readouterr().out


def test_verify_notice_fails_after_the_whole_chain_is_rehashed(village, tmp_path, capsys):
    qr = closed_notice(village, tmp_path, capsys)
    stored = closure.get(village, login(village), MONTH)
    rehash_from(village.file, stored.first_seq + 3)
    assert run(village, "verify") == 0, "a re-hashed chain verifies from inside"
    capsys.readouterr()
    assert run(village, "verify", "--notice", qr) == 1
    assert "找不到公示的第" in capsys.readouterr().out


def test_the_notice_masks_names_and_prints_on_a3(village, tmp_path):
    close(village)
    data, pages = notice.write_pdf(village, login(village, "wangfang"), MONTH, tmp_path / "a3.pdf",
                                   a3=True, mask_names=True)
    text = pdfs.text(tmp_path / "a3.pdf")
    first = data.households[0]
    assert "*" in first.head and first.head in text
    with village.read() as s:
        full = s.scalar(sqlite_text(f"SELECT head_name FROM household WHERE id = "
                                    f"(SELECT household_id FROM point_card WHERE number LIKE '%{first.card_tail}')"))
    assert full not in text and first.head == notice.mask(full)
    assert notice.mask("王秀芳") == "王*芳" and notice.mask("王芳") == "王*" and notice.mask("欧阳秀芳") == "欧**芳"
    width, height = pypdfium2.PdfDocument(str(tmp_path / "a3.pdf"))[0].get_size()
    assert round(width / 72 * 25.4) == 420 and round(height / 72 * 25.4) == 297
    assert len(pdfs.codes(tmp_path / "a3.pdf", dpi=150)) == pages


def test_a_household_asks_for_its_months_statement(village, tmp_path):
    closed = close(village)
    busy = max(closed.households, key=lambda h: (h.redeemed > 0) + (h.earned > 0) + (h.deducted > 0))
    data = statement.statement(village, login(village, "wangfang"), busy.card, MONTH)
    assert (data.opening, data.closing, data.head) == (busy.opening, busy.closing, busy.head)
    assert data.opening + sum(line.points for line in data.lines) == data.closing
    assert data.closure == NUMBER
    statement_printing.render_pdf(data, tmp_path / "statement.pdf")
    text = pdfs.text(tmp_path / "statement.pdf")
    assert busy.head in text and f"期末余额：{busy.closing} 分" in text
    for line in data.lines:
        assert re.search(rf"{line.seq}\s+{line.kind}", text)
    slip = decode(statement_printing.render_slip(data), 32)
    assert any(str(busy.closing) in row and "期末余额" in row for row in slip.text)
    assert slip.cuts == 1


CJK = re.compile(r"[\u4e00-\u9fff]")


def kept_words(data) -> set[str]:
    """The Chinese characters of what the village keeps as data (names, groups, goods, zones,
    rules, donors) anywhere in a notice's or a statement's data: all a paper in English may show
    in Chinese."""
    import dataclasses

    found = dataclasses.asdict(data)
    found.pop("words")
    return set(CJK.findall(json.dumps(found, ensure_ascii=False)))


def test_the_notice_and_a_statement_print_in_english_when_asked(village, tmp_path, fake_printer):
    from pos.station import settings as local_settings

    close(village)
    chinese, _ = notice.write_pdf(village, login(village), MONTH, tmp_path / "notice.pdf")
    data, pages = notice.write_pdf(village, login(village), MONTH, tmp_path / "notice-en.pdf", lang="en")
    assert (data.qr_text, data.last_seq, data.last_hash) == (chinese.qr_text, chinese.last_seq, chinese.last_hash)
    text = pdfs.text(tmp_path / "notice-en.pdf")
    said = " ".join(text.split())
    assert f"{data.shop}: public notice of points, 2026-11" in said
    for words in ("1. Each household's points", "Head of household Card (last 4) Opening Earned Lost Redeemed",
                  "2. Donations received this month", "3. Purchases this month", "4. Redemptions by zone",
                  "5. Totals of the month and since the shop opened", "Posting and checking",
                  "Administrator (signed):", "Villagers' committee (seal)", "Annex 1.", "Annex 2.", "Annex 3.",
                  f"{data.last_seq}:{data.last_hash}"):
        assert words in said, words
    for number, page in enumerate(text.split("\f"), start=1):
        assert f"Month closure no. {NUMBER} · entries {data.first_seq}–{data.last_seq} · last hash " \
               f"{data.last_hash[:16]}" in page and f"Page {number} of {pages}" in page
    assert set(CJK.findall(text)) <= kept_words(data)
    assert not any(words in text for words in ("各户积分", "公示", "月结", "合计", "户主", "页"))
    assert set(pdfs.codes(tmp_path / "notice-en.pdf", dpi=150)) == {chinese.qr_text}

    card = _busy_card(village)
    month = statement.statement(village, login(village, "wangfang"), card, MONTH, "en")
    statement_printing.render_pdf(month, tmp_path / "statement-en.pdf")
    text = pdfs.text(tmp_path / "statement-en.pdf")
    assert f"{month.shop}: points statement, 2026-11" in text and f"Closing balance: {month.closing}" in text
    assert re.search(r"Date\s+Entry\s+Kind\s+Details\s+Points\s+Balance", text)
    assert f"page 1 of 1 · month closure no. {NUMBER}" in text and "Points buy goods only, never cash" in text
    assert set(CJK.findall(text)) <= kept_words(month)
    printer = local_settings.PrinterSettings(port=fake_printer.port)
    statement.print_slip(village, login(village, "wangfang"), card, MONTH, printer, "en")
    paper = decode(fake_printer.printed(), 32)
    assert any(row.startswith("Closing balance") and row.rstrip().endswith(str(month.closing)) for row in paper.text)
    assert set(CJK.findall("\n".join(paper.text))) <= kept_words(month)


def test_the_supervisor_sees_every_month_of_the_books_and_which_one_to_close_next(village):
    supervisor = login(village)
    listed = closure.months(village, supervisor)
    assert [m.month for m in listed][:2] == ["2026-12", "2026-11"] and listed[-1].month == "2025-12"
    assert len(listed) == 13 and listed[0].title == "2026年12月"
    assert [m.month for m in listed if m.next_to_close] == ["2026-11"]
    assert not listed[0].ended and all(m.ended for m in listed[1:])
    assert [m.closure for m in listed] == [None, None, *range(NUMBER - 1, 0, -1)]
    close(village, supervisor=supervisor)
    listed = closure.months(village, supervisor)
    assert {m.month: m.closure for m in listed}["2026-11"] == NUMBER
    assert not any(m.next_to_close for m in listed)  # December has not ended yet


def test_a_households_month_prints_on_the_receipt_printer_or_says_there_is_none(village, fake_printer):
    from pos.station import settings as local_settings

    card = statement.statement(village, login(village, "wangfang"), _busy_card(village), MONTH)
    printer = local_settings.PrinterSettings(port=fake_printer.port)
    printed = statement.print_slip(village, login(village, "wangfang"), card.card, MONTH, printer)
    assert printed == card
    paper = decode(fake_printer.printed(), 32)
    assert any(card.head in row for row in paper.text) and paper.cuts == 1
    assert any("期末余额" in row and row.rstrip().endswith(str(card.closing)) for row in paper.text)
    with pytest.raises(ShopError) as refused:
        statement.print_slip(village, login(village, "wangfang"), card.card, MONTH, local_settings.PrinterSettings())
    assert refused.value.key == "statement_no_printer"


def _busy_card(db) -> str:
    from pos import households

    homes = households.search(db, login(db, "wangfang"), limit=1000)
    return max(homes, key=lambda h: h.balance).card_number


def test_a_wish_fulfilled_in_the_month_is_thanked_on_the_notice_s_echo_wall(village, tmp_path):
    from pos import wishes

    admin, supervisor = login(village, "wangfang"), login(village)
    granted = wishes.add(village, admin, 3, "孙女想要一个新书包", "学习用品", value_fen=9000,
                         written_on=date(2026, 11, 2))
    kept = wishes.add(village, admin, 4, "想要一盏台灯", "生活用品", written_on=date(2026, 11, 5))
    wishes.claim(village, supervisor, granted.id, "鑫源商贸", "company", "刘经理")
    wishes.deliver(village, supervisor, granted.id, "李书记", delivered_on=date(2026, 11, 20))
    wishes.thank(village, supervisor, granted.id, "谢谢鑫源商贸，书包很好看！")
    close(village, supervisor=supervisor)
    notice.write_pdf(village, supervisor, MONTH, tmp_path / "notice.pdf")
    text = pdfs.text(tmp_path / "notice.pdf")
    assert "回音墙" in text and "鑫源商贸" in text and "孙女想要一个新书包" in text
    assert "书包很好看" in text
    assert "想要一盏台灯" not in text  # still open: it belongs on the wish wall, not the echo wall
    assert kept.status == "open"
