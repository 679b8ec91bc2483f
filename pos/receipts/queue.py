"""Receipts: a persistent queue between a committed redemption and the printer.

The sale is committed first, together with its print job. Printing happens
after, job by job (``pos.receipts.printer``); a printer fault marks the job
failed and never touches the sale. Failed and pending jobs stay for a retry,
across restarts; each reprint is a job of its own, numbered, so the receipt
says 重印 第N次.

A job keeps no language: its receipt is rendered from the sale when it is printed, in
Chinese, the village's language, so an original and its reprints always read alike
whichever window sends them.
"""

from __future__ import annotations

import functools
import logging
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ledger.book import now
from pos import messages
from pos.store.database import Database
from pos.errors import ShopError
from pos.redemption import RedemptionResult, receipt_in
from pos.station.settings import PrinterSettings
from pos.store.tables import PrintJob, Redemption
from pos.service import Actor, caller, transaction
from pos.vocabulary import JOB_DONE, LOCAL, JobStatus, Role
from pos.village import settings_in
from printing import receipt as receipt_printing

log = logging.getLogger("pos")

WORDS = ("receipt_",)  # the catalogue's words the receipt prints


@dataclass(frozen=True)
class JobView:
    id: int
    seq: int
    copy: int
    status: str
    attempts: int
    last_error: str
    created_at: datetime
    printed_at: datetime | None


@dataclass(frozen=True)
class PrintOutcome:
    printed: tuple[JobView, ...]
    failed: JobView | None
    fault: str | None  # the printer fault kind that stopped the run

    @property
    def ok(self) -> bool:
        return self.fault is None


def settle_history(db: Database) -> int:
    """Count every waiting receipt as handed out when its sale was made (the demo village's
    year happened before this PC had a printer): setting one up then prints no year of old
    receipts. Returns how many were settled."""
    with db.write() as session:
        done = session.execute(update(PrintJob).where(PrintJob.status == JobStatus.PENDING)
                               .values(status=JobStatus.PRINTED, printed_at=PrintJob.created_at))
        return done.rowcount


def job_view(job: PrintJob) -> JobView:
    return JobView(job.id, job.tx_seq, job.copy, job.status, job.attempts, job.last_error,
                   job.created_at, job.printed_at)


def add_job(session: Session, seq: int, copy: int, requested_by: str) -> PrintJob:
    job = PrintJob(tx_seq=seq, copy=copy, status=JobStatus.PENDING, attempts=0, last_error="",
                   requested_by=requested_by, created_at=now(session), printed_at=None)
    session.add(job)
    session.flush()
    return job


@functools.cache
def _words() -> Mapping[str, str]:
    """The receipt's words, collected from the catalogue once: always Chinese (see above)."""
    return MappingProxyType(messages.templates(WORDS))


def receipt_data(result: RedemptionResult, copy: int, value_yuan: str) -> receipt_printing.ReceiptData:
    local = result.at.astimezone(LOCAL)
    return receipt_printing.ReceiptData(
        shop=result.shop, village=result.village, number=f"{result.seq:08d}",
        time=local.strftime("%Y-%m-%d %H:%M"), head=result.head_name, group=result.group,
        card=result.card_number,
        lines=tuple(receipt_printing.Line(l.name, l.quantity, l.points) for l in result.lines),
        total=result.total_points, balance_before=result.balance_before,
        balance_after=result.balance_after, value_yuan=value_yuan, operator=result.operator,
        approver=result.approver, seq=result.seq, short_hash=result.short_hash,
        words=_words(), reprint=copy,
    )


def render_job(session: Session, job: PrintJob, printer: PrinterSettings) -> bytes:
    """The job's receipt, rendered from its sale as the ledger has it (in Chinese: see above)."""
    result = receipt_in(session, job.tx_seq)
    village = settings_in(session)
    data = receipt_data(result, job.copy, village.yuan(result.total_points))
    return receipt_printing.render(data, printer.paper, printer.capabilities)


def request(db: Database, actor: Actor, seq: int) -> JobView:
    """The original receipt's job for redemption ``seq`` (made if an old sale has none)."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN, Role.SUPERVISOR)
        if session.get(Redemption, seq) is None:
            raise ShopError("redemption_unknown", seq=seq)
        job = session.scalar(select(PrintJob).where(PrintJob.tx_seq == seq, PrintJob.copy == 0))
        if job is None:
            job = add_job(session, seq, 0, user.username)
        elif job.status == JobStatus.FAILED:
            job.status = JobStatus.PENDING
        return job_view(job)


def reprint(db: Database, actor: Actor, seq: int) -> JobView:
    """A numbered reprint of redemption ``seq``'s receipt, recorded as a job of its own."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN, Role.SUPERVISOR)
        if session.get(Redemption, seq) is None:
            raise ShopError("redemption_unknown", seq=seq)
        last = session.scalar(select(func.max(PrintJob.copy)).where(PrintJob.tx_seq == seq))
        return job_view(add_job(session, seq, (last or 0) + 1, user.username))


def jobs(db: Database, actor: Actor, include_printed: bool = False, limit: int = 200) -> list[JobView]:
    with db.read() as session:
        caller(session, actor)
        statement = select(PrintJob).order_by(PrintJob.id.desc()).limit(limit)
        if not include_printed:
            statement = statement.where(PrintJob.status.not_in(JOB_DONE))
        return [job_view(j) for j in session.scalars(statement)]


# A sender not heard of for this long is gone (a send takes seconds; its write timeout is at
# most two minutes).
SENDER_GONE_AFTER = timedelta(minutes=5)


def this_sender() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _sender_gone(job: PrintJob, moment: datetime) -> bool:
    """Is the process that marked ``job`` as sending gone? On this PC a process can be asked
    directly; another PC's sender is gone when its heartbeat is stale."""
    host, _, pid = job.sender.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        if int(pid) == os.getpid():
            return True  # this very process: a send it began and never finished
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            pass  # alive, another user's
    return job.heartbeat_at is None or moment - job.heartbeat_at > SENDER_GONE_AFTER


def claim(db: Database, job_id: int) -> int | None:
    """Record that job ``job_id`` is being sent, before a byte goes out; return the job to
    send, or None when another counter is sending it right now (it is theirs). A job whose
    sender is gone was interrupted: it stays on record as such, and a numbered reprint of the
    same receipt is sent in its place."""
    with transaction(db) as session:
        job = session.get(PrintJob, job_id)
        moment = now(session)
        if job.status == JobStatus.SENDING and not _sender_gone(job, moment):
            log.info("receipt job %d is being sent by %s; left to it", job.id, job.sender)
            return None
        if job.status == JobStatus.SENDING:
            job.status = JobStatus.INTERRUPTED
            last = session.scalar(select(func.max(PrintJob.copy)).where(PrintJob.tx_seq == job.tx_seq))
            log.warning("receipt job %d was interrupted while sending; sending it as reprint %d",
                        job.id, last + 1)
            job = add_job(session, job.tx_seq, last + 1, job.requested_by)
        job.status, job.attempts = JobStatus.SENDING, job.attempts + 1
        job.sender, job.heartbeat_at = this_sender(), moment
        session.flush()
        return job.id
