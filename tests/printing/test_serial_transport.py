"""The printer at the end of a real pseudo-terminal: bytes, status and faults."""

import os

import pytest

from printing.receipt import render
from printing.serial_port import PrinterFault, SerialSettings, probe, send
from tests.printing.paper import decode
from tests.printing.test_receipt_layout import RECEIPT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")




def test_the_receipt_arrives_byte_for_byte_after_a_status_check(fake_printer):
    data = render(RECEIPT)
    send(SerialSettings(fake_printer.port, baudrate=9600), data)
    assert fake_printer.printed() == data
    assert bytes(fake_printer.received).count(b"\x10\x04") == 3
    assert "积分不兑换现金" in decode(fake_printer.printed(), 32).text


@pytest.mark.parametrize("flow", ["none", "xonxoff", "rtscts"])
def test_every_flow_control_setting_opens_and_prints(fake_printer, flow):
    send(SerialSettings(fake_printer.port, baudrate=19200, flow=flow), render(RECEIPT), check_status=False)
    assert fake_printer.printed() == render(RECEIPT)


@pytest.mark.parametrize("state, kind", [("paper_out", "paper_out"), ("cover_open", "cover_open"),
                                         ("offline", "offline")])
def test_a_printer_that_cannot_print_is_not_sent_the_receipt(fake_printer, state, kind):
    setattr(fake_printer, state, True)
    with pytest.raises(PrinterFault) as fault:
        send(SerialSettings(fake_printer.port), render(RECEIPT))
    assert fault.value.kind == kind
    assert fake_printer.printed(timeout=0.5) == b""


def test_a_silent_printer_is_reported(fake_printer):
    fake_printer.answers_status = False
    with pytest.raises(PrinterFault) as fault:
        probe(SerialSettings(fake_printer.port, status_timeout=0.2))
    assert fault.value.kind == "no_answer"


def test_a_missing_port_is_reported():
    with pytest.raises(PrinterFault) as fault:
        send(SerialSettings("/dev/ttyAIXIN-none"), b"x")
    assert fault.value.kind == "port_missing"


def test_a_printer_that_never_reads_times_out(fake_printer):
    fake_printer.reading = False
    # Far more than any pseudo-terminal buffers: a stalled printer cannot take it all.
    with pytest.raises(PrinterFault) as fault:
        send(SerialSettings(fake_printer.port, write_timeout=0.5), render(RECEIPT) * 400, check_status=False)
    assert fault.value.kind == "write_timeout"


@pytest.mark.skipif(os.geteuid() == 0, reason="root opens any device")
def test_a_port_without_permission_is_reported(tmp_path):
    locked = tmp_path / "ttyLocked"
    locked.write_bytes(b"")
    locked.chmod(0)
    with pytest.raises(PrinterFault) as fault:
        send(SerialSettings(str(locked)), b"x")
    assert fault.value.kind == "permission"
