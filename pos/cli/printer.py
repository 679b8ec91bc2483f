"""aixin printer setup|test|queue|retry and aixin receipt print|reprint."""

from __future__ import annotations

import sys
from dataclasses import asdict

from pos.station import settings
from pos.cli.common import actor, add, call, database, group, later, number, plain, said, seconds, this_pc
from pos.vocabulary import JobStatus

printqueue = later("pos.receipts.queue")
receipt_printer = later("pos.receipts.printer")


def register(sub) -> None:
    printer = group(sub, "printer", "help_printer")
    parser = add(printer, "setup", "help_printer_setup", setup)
    parser.add_argument("--port", help=said("help_printer_setup_port"))
    parser.add_argument("--baud", type=int, choices=settings.choices("baudrate"))
    parser.add_argument("--bytesize", type=int, choices=settings.choices("bytesize"))
    parser.add_argument("--parity", choices=settings.choices("parity"))
    parser.add_argument("--stopbits", type=float, choices=settings.choices("stopbits"))
    parser.add_argument("--flow", choices=settings.choices("flow"))
    parser.add_argument("--write-timeout", type=seconds)
    parser.add_argument("--paper", type=int, choices=settings.choices("paper_mm"),
                        help=said("help_printer_setup_paper"))
    parser.add_argument("--dots", type=number(*settings.bounds("dots")), help=said("help_printer_setup_dots"))
    for flag in ("barcode", "qr", "cut", "status"):
        parser.add_argument(f"--{flag}", dest=flag, action="store_true", default=None,
                            help=said(f"help_printer_setup_{flag}"))
        parser.add_argument(f"--no-{flag}", dest=flag, action="store_false", help=said(f"help_printer_setup_no_{flag}"))
    parser = add(printer, "test", "help_printer_test", test)
    parser.add_argument("--port")
    parser = add(printer, "queue", "help_printer_queue", queue)
    parser.add_argument("--user")
    parser.add_argument("--all", action="store_true", help=said("help_printer_queue_all"))
    parser = add(printer, "retry", "help_printer_retry", retry)
    parser.add_argument("--user")

    receipts = group(sub, "receipt", "help_receipt")
    for name, handler in (("print", print_receipt), ("reprint", reprint_receipt)):
        parser = add(receipts, name, f"help_receipt_{name}", handler)
        parser.add_argument("seq", type=number(1), help=said("help_receipt_seq"))
        parser.add_argument("--user")


def setup(args, out) -> int:
    names = {"port": "port", "baud": "baudrate", "bytesize": "bytesize", "parity": "parity",
             "stopbits": "stopbits", "flow": "flow", "write_timeout": "write_timeout",
             "paper": "paper_mm", "dots": "dots", "barcode": "barcode", "qr": "qr", "cut": "cut",
             "status": "status"}
    changes = {field: getattr(args, arg) for arg, field in names.items() if getattr(args, arg) is not None}
    current = settings.with_printer(this_pc(out), **changes)
    settings.save(current)
    out.show(asdict(current.printer), [f"{k}: {v}" for k, v in asdict(current.printer).items()])
    return 0


def test(args, out) -> int:
    printer = this_pc(out).printer
    if args.port:
        printer = settings.with_printer(settings.Settings(printer=printer), port=args.port).printer
    page = receipt_printer.test_print(printer, out.lang)
    out.show({"ok": True, "port": printer.port, "status": page.status, "bytes": page.bytes},
             out.t("printer_test_sent", port=printer.port, bytes=page.bytes, status=page.status))
    return 0


def queue(args, out) -> int:
    rows = call(args, printqueue.jobs, include_printed=args.all, create=False)
    out.show(plain(rows), [out.t("queue_line", id=j.id, seq=j.seq, attempts=j.attempts,
                                 copy=out.t("copy_original") if j.copy == 0 else out.t("copy_reprint", copy=j.copy),
                                 status=JobStatus(j.status),
                                 error=out.t(f"fault_{j.last_error}") if j.last_error else "")
                           for j in rows] or [out.t("queue_empty")])
    return 0


def run_queue(db, out, only=None) -> int:
    printer = this_pc(out).printer
    outcome = receipt_printer.process(db, printer, only)
    if outcome.fault:
        error = receipt_printer.fault_error(outcome.fault, printer.port)
        out.show({"ok": False, "printed": len(outcome.printed), "fault": outcome.fault,
                  "message": error.message(out.lang)})
        print(error.message(out.lang), file=sys.stderr)
        return 2
    out.show({"ok": True, "printed": len(outcome.printed)},
             out.t("receipts_printed", count=len(outcome.printed)))
    return 0


def retry(args, out) -> int:
    with database(args) as db:
        actor(args, db)
        return run_queue(db, out)


def print_receipt(args, out) -> int:
    with database(args) as db:
        job = printqueue.request(db, actor(args, db), args.seq)
        return run_queue(db, out, [job.id])


def reprint_receipt(args, out) -> int:
    with database(args) as db:
        job = printqueue.reprint(db, actor(args, db), args.seq)
        return run_queue(db, out, [job.id])
