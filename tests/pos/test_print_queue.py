"""A sale is committed first; the receipt follows through a queue that survives faults and restarts."""

import os

import pytest

import ledger
from pos import redemption
from pos.receipts import printer as receipt_printer
from pos.receipts import queue as printqueue
from pos.store.database import open_database
from pos.redemption import CartItem
from pos.station.settings import PrinterSettings
from tests.printing.paper import decode

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")




def sell(shop):
    return redemption.redeem(shop.db, shop.admin, shop.card("张三"),
                             [CartItem(shop.rice.code, 1), CartItem(shop.soap.code, 2)])


def test_a_sale_prints_its_receipt(shop, fake_printer):
    sale = sell(shop)
    assert [(j.seq, j.copy, j.status) for j in printqueue.jobs(shop.db, shop.admin)] == [(sale.seq, 0, "pending")]
    outcome = receipt_printer.print_original(shop.db, PrinterSettings(port=fake_printer.port), sale.seq)
    assert outcome.ok and outcome.printed[0].status == "printed"
    paper = decode(fake_printer.printed(), 32)
    assert "户主：张三（啊道）" in paper.text and paper.find("兑换后余额").text.endswith("72")
    assert paper.find("折合参考价值").text.endswith("￥84.00")
    assert printqueue.jobs(shop.db, shop.admin) == []


def test_paper_out_keeps_the_sale_and_the_job_until_it_prints(shop, fake_printer, db_url):
    sale = sell(shop)
    fake_printer.paper_out = True
    outcome = receipt_printer.print_original(shop.db, PrinterSettings(port=fake_printer.port), sale.seq)
    assert outcome.fault == "paper_out" and outcome.failed.attempts == 1
    assert shop.balance("张三") == 72 and shop.stock(shop.rice) == 9
    shop.db.dispose()

    reopened = open_database(db_url)  # the PC was restarted
    try:
        waiting = printqueue.jobs(reopened, shop.admin)
        assert [(j.seq, j.status, j.last_error) for j in waiting] == [(sale.seq, "failed", "paper_out")]
        fake_printer.paper_out = False
        outcome = receipt_printer.process(reopened, PrinterSettings(port=fake_printer.port))
        assert outcome.ok and len(outcome.printed) == 1 and outcome.printed[0].attempts == 2
        with reopened.read() as s:
            assert ledger.verify(s).ok
    finally:
        reopened.dispose()


@pytest.mark.parametrize("settings, fault", [
    (lambda p: PrinterSettings(port="/dev/ttyAIXIN-gone"), "port_missing"),
    (lambda p: PrinterSettings(port=p.port, status=False, write_timeout=0.3), "write_timeout"),
])
def test_a_broken_printer_never_undoes_the_sale(shop, fake_printer, settings, fault, monkeypatch):
    fake_printer.reading = False
    sale = sell(shop)
    # Stand in for a long queue of receipts: far more bytes than a pseudo-terminal holds,
    # so the stalled printer makes the write time out.
    render = printqueue.render_job
    monkeypatch.setattr(printqueue, "render_job", lambda session, job, p: render(session, job, p) * 400)
    outcome = receipt_printer.print_original(shop.db, settings(fake_printer), sale.seq)
    assert outcome.fault == fault
    assert redemption.receipt(shop.db, shop.admin, sale.seq).total_points == 28
    assert printqueue.jobs(shop.db, shop.admin)[0].status == "failed"


def test_reprints_are_counted_and_otherwise_identical(shop, fake_printer):
    sale = sell(shop)
    settings = PrinterSettings(port=fake_printer.port)
    receipt_printer.print_original(shop.db, settings, sale.seq)
    original = decode(fake_printer.printed(), 32).text
    fake_printer.clear()
    for expected in (1, 2):
        job = printqueue.reprint(shop.db, shop.admin, sale.seq)
        assert job.copy == expected
        assert receipt_printer.process(shop.db, settings, [job.id]).ok
        again = decode(fake_printer.printed(), 32).text
        fake_printer.clear()
        assert again.count(f"重印 第{expected}次") == 2
        assert [line for line in again if not line.startswith("重印")] == original
    history = printqueue.jobs(shop.db, shop.admin, include_printed=True)
    assert sorted(j.copy for j in history) == [0, 1, 2]


def test_an_unknown_redemption_cannot_be_printed(shop):
    from pos.errors import ShopError

    with pytest.raises(ShopError) as refused:
        printqueue.reprint(shop.db, shop.admin, 1)
    assert refused.value.key == "redemption_unknown"


def test_the_status_bar_and_the_queue_agree_on_what_waits(shop, fake_printer):
    from pos.station import state as station

    sell(shop)
    assert station.state(shop.db).receipts_waiting == 1
    # Sent to a printer whose status is not asked: done for the queue, so done for the status bar.
    outcome = receipt_printer.process(shop.db, PrinterSettings(port=fake_printer.port, status=False))
    assert outcome.ok and outcome.printed[0].status == "sent"
    assert printqueue.jobs(shop.db, shop.admin) == []
    assert station.state(shop.db).receipts_waiting == 0
