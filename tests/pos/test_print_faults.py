"""A printer pulled out mid-receipt is a printer fault like the others, and a receipt
interrupted between sending and being recorded comes out again marked 重印."""

import os
from datetime import datetime
import threading
import time

import pytest
from sqlalchemy import update

from pos import redemption
from pos.receipts import printer as receipt_printer
from pos.receipts import queue as printqueue
from pos.redemption import CartItem
from pos.station.settings import PrinterSettings
from pos.store.tables import PrintJob
from tests.printing.paper import decode

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")


def sell(shop):
    return redemption.redeem(shop.db, shop.admin, shop.card("张三"), [CartItem(shop.rice.code, 1)])


@pytest.fixture
def long_receipts(monkeypatch):
    """Stand in for a slow line: far more bytes than a pseudo-terminal holds, so sending
    takes as long as the far end takes to read them."""
    render = printqueue.render_job
    monkeypatch.setattr(printqueue, "render_job", lambda session, job, p: render(session, job, p) * 400)


def test_a_printer_unplugged_mid_receipt_keeps_the_sale_and_the_job(shop, fake_printer, long_receipts):
    sale = sell(shop)
    fake_printer.reading = False  # the receipt sits in the line's buffer ...
    threading.Timer(0.5, fake_printer.unplug).start()  # ... when the cable is pulled
    outcome = receipt_printer.print_original(shop.db, PrinterSettings(port=fake_printer.port, status=False),
                                        sale.seq)
    assert outcome.fault == "disconnected"
    assert shop.balance("张三") == 80 and shop.stock(shop.rice) == 9
    [job] = printqueue.jobs(shop.db, shop.admin)
    assert (job.status, job.last_error) == ("failed", "disconnected")


def test_an_unplugged_printer_through_the_command_line_says_the_sale_stands(shop, fake_printer, db_url,
                                                                           capsys, monkeypatch,
                                                                           long_receipts):
    from pos.station import settings
    from pos.cli.main import main

    monkeypatch.setenv("AIXIN_USER", "wangfang")
    monkeypatch.setenv("AIXIN_PASSWORD", "counter-1")
    settings.save(settings.with_printer(settings.load(), port=fake_printer.port, status=False))
    fake_printer.reading = False
    threading.Timer(3, fake_printer.unplug).start()
    code = main(["--db", db_url, "redeem", "--card", shop.card("张三"), "--item", f"{shop.rice.code}:1"])
    out, err = capsys.readouterr()
    assert code == 0 and "兑换成功" in out
    assert "打印机连接断开" in err and "程序出错" not in err + out
    assert shop.balance("张三") == 80


def test_a_job_is_marked_as_sending_while_it_is_sent(shop, fake_printer, long_receipts):
    sale = sell(shop)
    fake_printer.reading = False
    seen = []

    def look_then_read():
        time.sleep(0.4)
        seen.append(printqueue.jobs(shop.db, shop.admin)[0].status)
        fake_printer.reading = True

    threading.Thread(target=look_then_read).start()
    outcome = receipt_printer.print_original(shop.db, PrinterSettings(port=fake_printer.port, status=False),
                                        sale.seq)
    assert outcome.ok and seen == ["sending"]


def test_without_status_queries_a_job_is_recorded_as_sent_not_printed(shop, fake_printer):
    sale = sell(shop)
    outcome = receipt_printer.print_original(shop.db, PrinterSettings(port=fake_printer.port, status=False),
                                        sale.seq)
    assert outcome.ok and outcome.printed[0].status == "sent"
    assert printqueue.jobs(shop.db, shop.admin) == []
    outcome = receipt_printer.print_original(shop.db, PrinterSettings(port=fake_printer.port), sale.seq)
    assert outcome.printed == ()  # a sent job is not sent again


def test_a_job_caught_sending_by_a_crash_prints_again_as_a_reprint(shop, fake_printer):
    sale = sell(shop)
    with shop.db.write() as s:  # what a crash between sending and recording leaves behind
        s.execute(update(PrintJob).where(PrintJob.tx_seq == sale.seq).values(status="sending", attempts=1))
    outcome = receipt_printer.process(shop.db, PrinterSettings(port=fake_printer.port))
    assert outcome.ok and [(j.copy, j.status) for j in outcome.printed] == [(1, "printed")]
    paper = decode(fake_printer.printed(), 32).text
    assert paper.count("重印 第1次") == 2
    history = printqueue.jobs(shop.db, shop.admin, include_printed=True)
    assert sorted((j.copy, j.status) for j in history) == [(0, "interrupted"), (1, "printed")]


def test_the_balance_slip_the_statement_slip_and_the_test_page_go_through_the_one_send(
        shop, fake_printer, monkeypatch, tmp_path):
    from pos import counter, statement
    from pos.periods import LOCAL, Month

    sent = []
    send = receipt_printer.send
    monkeypatch.setattr(receipt_printer, "send",
                        lambda printer, payload, **how: sent.append(payload) or send(printer, payload, **how))
    card, month = shop.card("张三"), str(Month.of(datetime.now(LOCAL)))

    def each(printer):
        return {"balance slip": lambda: counter.balance_slip(shop.db, shop.admin, card, printer),
                "statement slip": lambda: statement.print_slip(shop.db, shop.admin, card, month, printer),
                "test page": lambda: receipt_printer.test_print(printer)}

    for print_it in each(PrinterSettings(port=fake_printer.port)).values():
        print_it()
    paper = fake_printer.printed()
    assert len(sent) == 3 and all(payload in paper for payload in sent)
    gone = PrinterSettings(port=str(tmp_path / "ttyUSB9"), status=False)
    fake_printer.paper_out = True
    for printer, key in ((gone, "printer_port_missing"), (PrinterSettings(port=fake_printer.port), "printer_paper_out")):
        for what, print_it in each(printer).items():
            with pytest.raises(receipt_printer.PrinterFailed) as refused:
                print_it()
            assert (refused.value.key, refused.value.params["port"]) == (key, printer.port), what
    assert len(sent) == 3 + 3 + 2, "the test page asks the printer's state before it is sent"
