"""Sending bytes to a serial thermal printer, with every fault told apart.

Faults are raised as ``PrinterFault`` with a ``kind`` the shop turns into a
Chinese message: the port does not exist, no permission, the write timed out,
paper out, cover open, offline, or no answer to a status query.
"""

from __future__ import annotations

import errno
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import serial

try:
    import termios
except ImportError:  # Windows: pyserial raises only SerialException there
    termios = None

from printing.escpos import STATUS_OFFLINE, STATUS_PAPER, STATUS_PRINTER, status_query

log = logging.getLogger("printing")

from printing.serial_options import PARITY_NAMES, SerialSettings  # noqa: E402, F401  (SerialSettings: for callers)

PARITIES = dict(zip(PARITY_NAMES, (serial.PARITY_NONE, serial.PARITY_EVEN, serial.PARITY_ODD), strict=True))


class PrinterFault(Exception):
    """``kind``: port_missing, permission, busy, write_timeout, paper_out, cover_open,
    offline, no_answer, disconnected, io_error."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class Status:
    offline: bool = False
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    error: bool = False

    @property
    def fault(self) -> str | None:
        if self.cover_open:
            return "cover_open"
        if self.paper_out:
            return "paper_out"
        if self.offline or self.error:
            return "offline"
        return None


def open_port(settings: SerialSettings) -> serial.Serial:
    try:
        return serial.Serial(
            port=settings.port, baudrate=settings.baudrate, bytesize=settings.bytesize,
            parity=PARITIES[settings.parity], stopbits=settings.stopbits,
            xonxoff=settings.flow == "xonxoff", rtscts=settings.flow == "rtscts",
            timeout=settings.status_timeout, write_timeout=settings.write_timeout,
        )
    except serial.SerialException as exc:
        raise _classify(exc, settings.port) from exc


def _classify(exc: Exception, port: str) -> PrinterFault:
    """Tell apart what went wrong from pyserial's exception (errno on POSIX, text on Windows)."""
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO) or "FileNotFoundError" in text \
            or "No such file" in text:
        return PrinterFault("port_missing", port)
    if code in (errno.EACCES, errno.EPERM) or "PermissionError" in text:
        return PrinterFault("permission", port)
    if code == errno.EBUSY:
        return PrinterFault("busy", port)
    if code in (errno.EIO, errno.ENODEV, errno.EPIPE) or "Errno 5]" in text or "disconnected" in text:
        return PrinterFault("disconnected", port)
    return PrinterFault("io_error", text)


# What a port operation can raise when the cable is pulled: pyserial's own exception,
# a plain OSError, or termios.error from tcdrain/tcflush (which is neither).
PORT_ERRORS = (serial.SerialException, OSError) + ((termios.error,) if termios else ())


def _port_error(exc: BaseException, port: str) -> PrinterFault:
    if termios is not None and isinstance(exc, termios.error):
        code = exc.args[0] if exc.args else None
        return _classify(OSError(code, exc.args[1] if len(exc.args) > 1 else str(exc)), port)
    return _classify(exc, port)


@contextmanager
def _line(port: str) -> Iterator[None]:
    """Every failure of the line inside is a printer fault, never a crash."""
    try:
        yield
    except PrinterFault:
        raise
    except serial.SerialTimeoutException as exc:
        raise PrinterFault("write_timeout", port) from exc
    except PORT_ERRORS as exc:
        raise _port_error(exc, port) from exc


def _ask(port: serial.Serial, n: int) -> int | None:
    port.reset_input_buffer()
    port.write(status_query(n))
    port.flush()
    answer = port.read(1)
    return answer[0] if answer else None


def read_status(port: serial.Serial) -> Status:
    """Ask the printer (``DLE EOT`` 1, 2, 4); raise ``no_answer`` if it stays silent."""
    printer = _ask(port, STATUS_PRINTER)
    if printer is None:
        raise PrinterFault("no_answer")
    cause = _ask(port, STATUS_OFFLINE) or 0
    paper = _ask(port, STATUS_PAPER) or 0
    return Status(
        offline=bool(printer & 0x08),
        cover_open=bool(cause & 0x04),
        error=bool(cause & 0x40),
        paper_out=bool(paper & 0x60) or bool(cause & 0x20),
        paper_near_end=bool(paper & 0x0C),
    )


def send(settings: SerialSettings, data: bytes, *, check_status: bool = True) -> Status | None:
    """Write ``data`` to the printer; with ``check_status`` ask it first whether it can print."""
    port = open_port(settings)
    started = time.perf_counter()
    try:
        status = None
        with _line(settings.port):
            if check_status:
                status = read_status(port)
                if status.fault:
                    raise PrinterFault(status.fault)
            try:
                port.write(data)
                port.flush()
            except serial.SerialTimeoutException:
                try:
                    port.reset_output_buffer()
                except PORT_ERRORS:
                    pass
                raise
        log.info("printed %d bytes to %s in %.2f s", len(data), settings.port, time.perf_counter() - started)
        return status
    finally:
        _close(port)


def _close(port: serial.Serial) -> None:
    try:
        port.close()
    except PORT_ERRORS as exc:  # a port whose device has gone cannot fail the caller twice
        log.info("closing %s: %s", port.port, exc)


def probe(settings: SerialSettings) -> Status:
    """Open the port and read the status only."""
    port = open_port(settings)
    try:
        with _line(settings.port):
            return read_status(port)
    finally:
        _close(port)
