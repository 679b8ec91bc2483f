"""A printer at the far end of a pseudo-terminal: it reads what the app sends,
answers DLE EOT status queries from its state, and can stall (never read)."""

from __future__ import annotations

import os
import select
import threading
import time
import tty


class FakePrinter:
    def __init__(self, *, answers_status: bool = True):
        self.master, self.slave = os.openpty()
        tty.setraw(self.master)
        tty.setraw(self.slave)
        self.port = os.ttyname(self.slave)
        self.received = bytearray()
        self.answers_status = answers_status
        self.paper_out = False
        self.cover_open = False
        self.offline = False
        self.reading = True
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _status(self, n: int) -> int:
        byte = 0x12
        if n == 1 and self.offline:
            byte |= 0x08
        if n == 2 and self.cover_open:
            byte |= 0x04
        if n == 2 and self.paper_out:
            byte |= 0x20
        if n == 4 and self.paper_out:
            byte |= 0x60
        return byte

    def _run(self):
        while not self._stop.is_set():
            if not self.reading:
                time.sleep(0.01)
                continue
            ready, _, _ = select.select([self.master], [], [], 0.02)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                return
            self.received += chunk
            if self.answers_status:
                data = bytes(self.received)
                # answer each status query once, in order
                start = getattr(self, "_answered_to", 0)
                at = data.find(b"\x10\x04", start)
                while at != -1 and at + 2 < len(data):
                    os.write(self.master, bytes([self._status(data[at + 2])]))
                    start = at + 3
                    at = data.find(b"\x10\x04", start)
                self._answered_to = start

    def printed(self, timeout: float = 3.0, settle: float = 0.15) -> bytes:
        """Everything received after status queries, once the line has been quiet a moment."""
        deadline = time.monotonic() + timeout
        last = -1
        while time.monotonic() < deadline:
            size = len(self.received)
            if size == last and size:
                break
            last = size
            time.sleep(settle)
        data = bytes(self.received)
        while data.startswith(b"\x10\x04"):
            data = data[3:]
        return data

    def unplug(self):
        """The cable is pulled: the far end of the line goes away mid-receipt."""
        self._stop.set()
        self._thread.join(timeout=1)
        try:
            os.close(self.master)
        except OSError:
            pass

    def clear(self):
        """Forget what was received (and which status queries were answered)."""
        self.received.clear()
        self._answered_to = 0

    def close(self):
        self._stop.set()
        self._thread.join(timeout=1)
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass
