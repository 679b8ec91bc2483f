"""The receipt printer: the one way bytes reach it, and what follows a sale.

Every payload goes through ``send``: this PC's ``PrinterSettings`` give the
paper, the printer's capabilities and the serial line, and a fault of the
line or the printer (``printing.serial_port.PrinterFault``) comes back as the
shop's refusal, ``PrinterFailed``, which names it. The queue's receipts, the
balance slip, a household's month and the test page are each built here once
and sent that way, for the command line and the window alike.

The sale is committed together with its print job (``pos.redemption``).
Then the receipt is tried on the configured printer; a fault marks the job
failed for a retry and is told in the counter's words. It never undoes the
sale. Reprints go the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from ledger.book import now
from pos import messages
from pos.errors import ShopError
from pos.receipts import queue as printqueue
from pos.receipts.queue import PrintOutcome
from pos.service import transaction
from pos.station.settings import PrinterSettings
from pos.store.database import Database
from pos.store.tables import PrintJob
from pos.vocabulary import JOB_DONE, JobStatus, ReceiptState
from printing import serial_port

if TYPE_CHECKING:
    from printing.statement import Statement
    from printing.slip import SlipData

log = logging.getLogger("pos")

TEST_PAGE_WORDS = ("receipt_test_",)  # the catalogue's words the test page prints


class PrinterFailed(ShopError):
    """A printer fault as a refusal naming the port; ``fault`` keeps its kind
    (``PrinterFault.kind``) for the queue's record and the status bar."""

    def __init__(self, fault: str, port: str, detail: str = ""):
        self.fault = fault
        key = f"printer_{fault}"
        if key not in messages.CATALOG:
            key, detail = "printer_io_error", detail or fault
        super().__init__(key, port=port, detail=detail)


def fault_error(fault: str, port: str, detail: str = "") -> PrinterFailed:
    """A printer fault kind (``printing.serial_port.PrinterFault.kind``) as a refusal."""
    return PrinterFailed(fault, port, detail)


def fault_text(fault: str, port: str, lang: str = "zh", detail: str = "") -> str:
    return fault_error(fault, port, detail).message(lang)


@contextmanager
def _told(printer: PrinterSettings) -> Iterator[None]:
    try:
        yield
    except serial_port.PrinterFault as fault:
        raise PrinterFailed(fault.kind, printer.port, fault.detail) from None


def send(printer: PrinterSettings, payload: bytes, *, check_status: bool | None = None) -> int:
    """Send ``payload`` to this PC's printer; the bytes sent. A printer that answers status
    queries is asked first whether it can print, unless ``check_status`` says otherwise."""
    if not printer.configured:
        raise ShopError("printer_not_configured")
    with _told(printer):
        serial_port.send(printer.serial, payload,
                         check_status=printer.status if check_status is None else check_status)
    return len(payload)


# ---------------------------------------------------------------- what is printed


@dataclass(frozen=True)
class TestPage:
    status: str  # the printer's state in words, as the page prints it
    bytes: int


def test_print(printer: PrinterSettings, lang: str = "zh") -> TestPage:
    """Send the test page, with the printer's state; a fault is raised as a refusal."""
    from printing import receipt as receipt_printing

    if not printer.configured:
        raise ShopError("printer_not_configured")
    status_text = messages.text("printer_status_unasked", lang)
    if printer.status:
        with _told(printer):
            status = serial_port.probe(printer.serial)
        if status.fault:
            raise PrinterFailed(status.fault, printer.port)
        status_text = messages.text("printer_status_ok", lang) + (
            messages.text("printer_status_paper_low", lang) if status.paper_near_end else "")
    # in any language the page shows Chinese, as the receipts print it: the receipt's Chinese title
    page = receipt_printing.printer_test_page(printer.paper, printer.capabilities, status_text, printer.port,
                                              messages.templates(TEST_PAGE_WORDS, lang),
                                              messages.text("receipt_title", "zh"))
    sent = send(printer, page, check_status=False)  # its status was asked just now, for the page
    return TestPage(status_text, sent)


def balance_slip(printer: PrinterSettings, data: SlipData) -> int:
    """A card's balance and last transactions (``pos.counter.balance_slip`` gathers them)."""
    from printing import slip

    return send(printer, slip.render(data, printer.paper, printer.capabilities))


def statement_slip(printer: PrinterSettings, data: Statement) -> int:
    """A household's month (made by ``pos.statement``), for a villager who asks."""
    from printing import statement as statement_printing

    return send(printer, statement_printing.render_slip(data, printer.paper, printer.capabilities))


# ---------------------------------------------------------------- the queue's receipts


def process(db: Database, printer: PrinterSettings, only: list[int] | None = None) -> PrintOutcome:
    """Print waiting jobs, oldest first; stop at the first printer fault, which marks its
    job failed for a retry."""
    if not printer.configured:
        raise ShopError("printer_not_configured")
    with db.read() as session:
        statement = (select(PrintJob.id).where(PrintJob.status.not_in(JOB_DONE))
                     .order_by(PrintJob.id))
        if only is not None:
            statement = statement.where(PrintJob.id.in_(only))
        waiting = session.scalars(statement).all()
    printed = []
    for job_id in waiting:
        job_id = printqueue.claim(db, job_id)
        if job_id is None:  # another counter is printing it now
            continue
        with db.read() as session:
            data = printqueue.render_job(session, session.get(PrintJob, job_id), printer)
        try:
            send(printer, data)
        except PrinterFailed as refused:
            log.warning("receipt job %d not printed: %s %s", job_id, refused.fault, refused.params["detail"])
            with transaction(db) as session:
                job = session.get(PrintJob, job_id)
                job.status, job.last_error = JobStatus.FAILED, refused.fault
                failed = printqueue.job_view(job)
            return PrintOutcome(tuple(printed), failed, refused.fault)
        with transaction(db) as session:
            job = session.get(PrintJob, job_id)
            job.status, job.last_error = (JobStatus.PRINTED if printer.status else JobStatus.SENT), ""
            job.printed_at = now(session)
            printed.append(printqueue.job_view(job))
    return PrintOutcome(tuple(printed), None, None)


def print_original(db: Database, printer: PrinterSettings, seq: int) -> PrintOutcome:
    """Print the receipt of a redemption just committed (its job was made with the sale)."""
    with db.read() as session:
        job_id = session.scalar(select(PrintJob.id).where(PrintJob.tx_seq == seq, PrintJob.copy == 0))
    return process(db, printer, [job_id])


@dataclass(frozen=True)
class ReceiptOutcome:
    """``fault`` says which fault when ``state`` is ReceiptState.FAULT."""

    seq: int
    state: ReceiptState
    fault: str | None = None
    port: str = ""

    def message(self, lang: str = "zh") -> str:
        if self.state == ReceiptState.PRINTED:
            return messages.text("receipt_printed", lang)
        if self.state == ReceiptState.QUEUED:
            return messages.text("receipt_queued_no_printer", lang)
        return fault_text(self.fault or "io_error", self.port, lang)


def _outcome(printer: PrinterSettings, seq: int, done: PrintOutcome) -> ReceiptOutcome:
    if done.fault:
        return ReceiptOutcome(seq, ReceiptState.FAULT, done.fault, printer.port)
    return ReceiptOutcome(seq, ReceiptState.PRINTED, port=printer.port)


def print_after_sale(db: Database, printer: PrinterSettings, seq: int) -> ReceiptOutcome:
    """Try the receipt of redemption ``seq`` (committed, its job queued with it)."""
    if not printer.configured:
        return ReceiptOutcome(seq, ReceiptState.QUEUED)
    return _outcome(printer, seq, print_original(db, printer, seq))


def print_jobs(db: Database, printer: PrinterSettings, job_ids: list[int], seq: int) -> ReceiptOutcome:
    """Print the given queued jobs now (a reprint, a retry)."""
    if not printer.configured:
        return ReceiptOutcome(seq, ReceiptState.QUEUED)
    return _outcome(printer, seq, process(db, printer, job_ids))


def retry_waiting(db: Database, printer: PrinterSettings) -> ReceiptOutcome:
    """Print every waiting receipt, oldest first; stop at the first fault."""
    if not printer.configured:
        return ReceiptOutcome(0, ReceiptState.QUEUED)
    done = process(db, printer)
    last = done.printed[-1].seq if done.printed else 0
    return _outcome(printer, done.failed.seq if done.failed else last, done)
