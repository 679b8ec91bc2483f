"""Two counters and one receipt: a job being sent belongs to its sender.

Counter A claims a receipt and is still sending it (a real second process, holding the job
the way a slow printer holds a send). Counter B presses retry: B leaves A's job alone, prints
nothing and records nothing. Once A is gone (its process ended mid-send), B's retry takes the
job over as interrupted and prints it as a numbered reprint, on the record.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from pos import redemption
from pos.receipts import printer as receipt_printer
from pos.station.settings import PrinterSettings
from pos.store.tables import PrintJob
from pos.vocabulary import JobStatus

ROOT = Path(__file__).resolve().parents[2]

HOLD = """
import sys, time
from pos.store.database import open_database
from pos.receipts import queue
db = open_database(sys.argv[1], create=False)
job = queue.claim(db, int(sys.argv[2]))
print(job, flush=True)
time.sleep(120)
"""


def jobs(db):
    with db.read() as session:
        return [(j.copy, j.status) for j in session.scalars(select(PrintJob).order_by(PrintJob.id))]


def test_a_retry_at_a_second_counter_leaves_a_receipt_being_sent_to_its_sender(shop, db_url, fake_printer):
    sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code)])
    with shop.db.read() as session:
        job_id = session.scalar(select(PrintJob.id).where(PrintJob.tx_seq == sale.seq))
    counter_a = subprocess.Popen([sys.executable, "-c", HOLD, db_url, str(job_id)], stdout=subprocess.PIPE,
                                 text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert counter_a.stdout.readline().strip() == str(job_id)  # A is sending it now
        at_b = PrinterSettings(port=fake_printer.port)
        outcome = receipt_printer.process(shop.db, at_b)
        assert outcome.ok and outcome.printed == ()
        time.sleep(0.3)
        assert bytes(fake_printer.received).count(b"\x1b@") == 0, "B printed nothing"
        assert jobs(shop.db) == [(0, JobStatus.SENDING)], "and recorded nothing"
    finally:
        counter_a.kill()
        counter_a.wait()
    # A is gone mid-send: its receipt may or may not be out, so B prints it as a numbered reprint.
    outcome = receipt_printer.process(shop.db, PrinterSettings(port=fake_printer.port))
    assert [j.copy for j in outcome.printed] == [1]
    assert jobs(shop.db) == [(0, JobStatus.INTERRUPTED), (1, JobStatus.PRINTED)]
