"""The serial line a receipt printer is set up with: the values each setting allows and the
line's defaults (light to import: no pyserial). The PC's printer settings
(``pos.station.settings.PrinterSettings``) take their choices and defaults from here."""

from __future__ import annotations

from dataclasses import dataclass

BAUDS = (9600, 19200, 38400, 115200)
BYTESIZES = (7, 8)
PARITY_NAMES = ("none", "even", "odd")
STOPBITS = (1, 1.5, 2)
FLOW = ("none", "xonxoff", "rtscts")


@dataclass(frozen=True)
class SerialSettings:
    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "none"
    stopbits: float = 1
    flow: str = "none"
    write_timeout: float = 5.0
    status_timeout: float = 0.5

    def __post_init__(self):
        if self.baudrate not in BAUDS:
            raise ValueError(f"baud rate must be one of {BAUDS}")
        if self.flow not in FLOW:
            raise ValueError(f"flow control must be one of {FLOW}")
        if self.parity not in PARITY_NAMES:
            raise ValueError(f"parity must be one of {PARITY_NAMES}")
