"""Names and notes never carry control characters, and never run as spreadsheet formulas."""

import csv
import subprocess
import sys
from dataclasses import replace

import pytest

from ledger.export import export
from pos import awards, goods, households, stock
from pos.errors import ImportProblems, ShopError
from pos.store.tables import Base
from printing.escpos import Commands, encode
from printing.receipt import Line, ReceiptData, render
from tests.printing.paper import decode, words

CUT_THE_PAPER = "\x1dV\x00"
RESET = "\x1b@"
FAKE_LINE = "张三\n兑换后余额                 9999"


@pytest.mark.parametrize("head", [f"张三{CUT_THE_PAPER}", f"{RESET}李四", FAKE_LINE, "王\u202e五"])
def test_a_household_name_with_control_characters_is_refused(shop, head):
    with pytest.raises(ShopError) as refused:
        households.add(shop.db, shop.admin, head, "啊道", 3)
    assert refused.value.key == "text_control" and "户主姓名" in refused.value.message()


def test_an_import_names_the_row_with_a_control_character(shop):
    data = f"户主,村民小组,人口\n钱七,啊道,3\n孙八{CUT_THE_PAPER},富庄,2\n".encode()
    with pytest.raises(ImportProblems) as refused:
        households.import_csv(shop.db, shop.admin, data)
    assert [(row, p.key) for row, p in refused.value.problems] == [(3, "text_control")]
    assert households.search(shop.db, shop.admin, "钱七") == []


def test_goods_notes_and_donors_refuse_control_characters(shop):
    with pytest.raises(ShopError, match="商品名称"):
        goods.add(shop.db, shop.admin, f"大米{RESET}", "粮油区", 20, 5500, "袋")
    with pytest.raises(ShopError, match="备注"):
        awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G01", note="修\x0c路")
    with pytest.raises(ShopError, match="捐赠方"):
        stock.intake(shop.db, shop.admin, [stock.IntakeLine(shop.rice.code, 1)], source="donation",
                     donor="某公司\x07", donor_type="company")
    with pytest.raises(ShopError) as long_note:
        awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G01", note="好" * 201)
    assert long_note.value.key == "text_too_long" and "200" in long_note.value.message()
    assert shop.balance("张三") == 100


def test_the_receipt_never_sends_a_control_byte_taken_from_data():
    every_control = "".join(chr(c) for c in range(0x20)) + "\x7f"
    assert all(b >= 0x20 for b in encode(f"张三{every_control}四"))
    assert Commands().line(FAKE_LINE + RESET).bytes().count(b"\n") == 1
    receipt = ReceiptData(
        shop=f"超市{RESET}", village=f"阿道村{CUT_THE_PAPER}", number="00000001", time="2026-11-22 14:05",
        head="张\n余额 9999", group="啊道\r\n", card="81000012", lines=(Line(f"大米{CUT_THE_PAPER}", 1, 20),),
        total=20, balance_before=100, balance_after=80, value_yuan="￥60.00", operator=f"王芳{RESET}",
        approver=None, seq=1, short_hash="8c01ad9c1f9d", words=words("receipt"))
    clean = render(replace(receipt, shop="超市", village="阿道村", head="张三", group="啊道",
                           lines=(Line("大米", 1, 20),), operator="王芳"))
    dirty = render(receipt)
    assert sorted(b for b in dirty if b < 0x20) == sorted(b for b in clean if b < 0x20)
    paper = decode(dirty, 32)
    assert [line.text for line in paper.lines if "兑换后余额" in line.text] == [
        line.text for line in decode(clean, 32).lines if "兑换后余额" in line.text]
    assert paper.cuts == 1


def test_an_export_escapes_text_a_spreadsheet_would_run(shop, tmp_path):
    awards.award(shop.db, shop.admin, shop.homes["张三"].id, "G01", note="=HYPERLINK(\"http://x\",\"点\")")
    households.add(shop.db, shop.admin, "@钱七", "啊道", 3)
    households.add(shop.db, shop.admin, "+孙八", "啊道", 3)
    with shop.db.read() as s:
        export(s, Base.metadata.sorted_tables, tmp_path / "out")
    memos = [row["memo"] for row in csv.DictReader((tmp_path / "out" / "ledger_transaction.csv").open(encoding="utf-8"))]
    heads = [row["head_name"] for row in csv.DictReader((tmp_path / "out" / "household.csv").open(encoding="utf-8"))]
    amounts = [row["amount"] for row in csv.DictReader((tmp_path / "out" / "ledger_posting.csv").open(encoding="utf-8"))]
    assert "'=HYPERLINK(\"http://x\",\"点\")" in memos
    assert "'@钱七" in heads and "'+孙八" in heads
    assert "-100" in amounts  # numbers stay numbers
    result = subprocess.run([sys.executable, "-I", str(tmp_path / "out" / "verify_export.py"),
                             str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
