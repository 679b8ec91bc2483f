"""What follows a sale at the counter, the same for the command line and the window.

The sale is committed together with its print job (``pos.redemption``).
Then the receipt is tried on the configured printer; a fault marks the job
failed for a retry and is told in the counter's words. It never undoes the
sale. Reprints and balance slips go the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pos import messages
from pos.receipts import queue as printqueue
from pos.store.database import Database
from pos.errors import ShopError
from pos.station.settings import PrinterSettings

log = logging.getLogger("pos")

PRINTED, QUEUED, FAULT = "printed", "queued", "fault"


@dataclass(frozen=True)
class ReceiptOutcome:
    """``state`` is PRINTED, QUEUED (no printer set up) or FAULT (``fault`` says which)."""

    seq: int
    state: str
    fault: str | None = None
    port: str = ""

    def message(self, lang: str = "zh") -> str:
        if self.state == PRINTED:
            return messages.text("receipt_printed", lang)
        if self.state == QUEUED:
            return messages.text("receipt_queued_no_printer", lang)
        return fault_text(self.fault or "io_error", self.port, lang)


def fault_error(fault: str, port: str, detail: str = "") -> ShopError:
    """A printer fault kind (``printing.serial_port.PrinterFault.kind``) as a refusal."""
    key = f"printer_{fault}"
    if key not in messages.CATALOG:
        key, detail = "printer_io_error", detail or fault
    return ShopError(key, port=port, detail=detail)


def fault_text(fault: str, port: str, lang: str = "zh", detail: str = "") -> str:
    return fault_error(fault, port, detail).message(lang)


def print_after_sale(db: Database, printer: PrinterSettings, seq: int) -> ReceiptOutcome:
    """Try the receipt of redemption ``seq`` (committed, its job queued with it)."""
    if not printer.configured:
        return ReceiptOutcome(seq, QUEUED)
    outcome = printqueue.print_original(db, printer, seq)
    if outcome.fault:
        return ReceiptOutcome(seq, FAULT, outcome.fault, printer.port)
    return ReceiptOutcome(seq, PRINTED, port=printer.port)


def print_jobs(db: Database, printer: PrinterSettings, job_ids: list[int], seq: int) -> ReceiptOutcome:
    """Print the given queued jobs now (a reprint, a retry)."""
    if not printer.configured:
        return ReceiptOutcome(seq, QUEUED)
    outcome = printqueue.process(db, printer, job_ids)
    if outcome.fault:
        return ReceiptOutcome(seq, FAULT, outcome.fault, printer.port)
    return ReceiptOutcome(seq, PRINTED, port=printer.port)


def retry_waiting(db: Database, printer: PrinterSettings) -> ReceiptOutcome:
    """Print every waiting receipt, oldest first; stop at the first fault."""
    if not printer.configured:
        return ReceiptOutcome(0, QUEUED)
    outcome = printqueue.process(db, printer)
    last = outcome.printed[-1].seq if outcome.printed else 0
    if outcome.fault:
        return ReceiptOutcome(outcome.failed.seq if outcome.failed else last, FAULT, outcome.fault, printer.port)
    return ReceiptOutcome(last, PRINTED, port=printer.port)


def test_print(printer: PrinterSettings, lang: str = "zh") -> str:
    """Send the test page; return the printer's state in words, or raise the fault as a refusal."""
    from printing import receipt as receipt_printing
    from printing.serial_port import PrinterFault, probe, send

    if not printer.configured:
        raise ShopError("printer_not_configured")
    serial = printqueue.serial_of(printer)
    status_text = "未查询" if lang != "en" else "not asked"
    try:
        if printer.status:
            status = probe(serial)
            if status.fault:
                raise PrinterFault(status.fault)
            status_text = ("正常" + ("，纸将用完" if status.paper_near_end else "")) if lang != "en" else "ok"
        page = receipt_printing.printer_test_page(printqueue.paper_of(printer), printqueue.caps_of(printer),
                                                  status_text, printer.port)
        send(serial, page, check_status=False)
    except PrinterFault as fault:
        raise fault_error(fault.kind, printer.port, fault.detail) from None
    return status_text
