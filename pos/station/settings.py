"""This computer's settings, declared once with their defaults (their titles are the
catalogue's ``printer_field_NAME``).

Stored as JSON in the data folder (``settings.json``). The village's own
settings (name, points, thresholds) live in the database instead, because
they belong to the village, not to the PC.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from pos import paths
from printing.escpos import PAPER_WIDTHS, Capabilities, Paper
from printing.serial_options import BAUDS, BYTESIZES, FLOW, PARITY_NAMES, STOPBITS, SerialSettings

log = logging.getLogger("pos")


_LINE = SerialSettings(port="")  # the serial line's own defaults


@dataclass(frozen=True)
class PrinterSettings:
    """Every printer setting, once: its default and the values it allows (``choices``, or
    ``bounds`` low to high); its title is the catalogue's ``printer_field_<name>``. The
    command line's ``printer setup`` and the window's printer form offer what is declared here."""

    port: str = ""
    baudrate: int = field(default=_LINE.baudrate, metadata={"choices": BAUDS})
    bytesize: int = field(default=_LINE.bytesize, metadata={"choices": BYTESIZES})
    parity: str = field(default=_LINE.parity, metadata={"choices": PARITY_NAMES})
    stopbits: float = field(default=_LINE.stopbits, metadata={"choices": STOPBITS})
    flow: str = field(default=_LINE.flow, metadata={"choices": FLOW})
    write_timeout: float = _LINE.write_timeout
    paper_mm: int = field(default=PAPER_WIDTHS[0], metadata={"choices": PAPER_WIDTHS})
    dots: int = field(default=0, metadata={"bounds": (0, 4096)})
    barcode: bool = True
    qr: bool = False
    cut: bool = True
    status: bool = True

    @property
    def configured(self) -> bool:
        return bool(self.port)

    @property
    def paper(self) -> Paper:
        return Paper.width(self.paper_mm, self.dots or None)

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(barcode=self.barcode, qr=self.qr, cut=self.cut, status=self.status)

    @property
    def serial(self) -> SerialSettings:
        return SerialSettings(port=self.port, baudrate=self.baudrate, bytesize=self.bytesize,
                              parity=self.parity, stopbits=self.stopbits, flow=self.flow,
                              write_timeout=self.write_timeout)


def _printer_setting(name: str):
    return next(f for f in fields(PrinterSettings) if f.name == name)


def choices(name: str) -> tuple:
    """The values printer setting ``name`` allows."""
    return _printer_setting(name).metadata["choices"]


def bounds(name: str) -> tuple:
    """The lowest and highest value printer setting ``name`` allows."""
    return _printer_setting(name).metadata["bounds"]


@dataclass(frozen=True)
class Settings:
    printer: PrinterSettings = PrinterSettings()
    language: str = "zh"
    idle_lock_minutes: float = 10  # the window locks after this many idle minutes (0: never)
    scan_gap_ms: int = 50  # a scanner's keys come closer together than this
    scan_prefix: str = ""  # for scanners programmed to send a prefix and/or suffix
    scan_suffix: str = ""
    backup_dir: str = ""  # empty: the data folder's backups/; a USB stick works
    backup_keep: int = 30  # the newest copies kept; older ones are removed


def settings_file() -> Path:
    return paths.data_dir() / "settings.json"


def load(path: Path | None = None) -> Settings:
    path = path or settings_file()
    if not path.exists():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        known = {f.name for f in fields(PrinterSettings)}
        printer = PrinterSettings(**{k: v for k, v in data.get("printer", {}).items() if k in known})
        plain = {f.name: data[f.name] for f in fields(Settings) if f.name != "printer" and f.name in data}
        return Settings(printer=printer, **plain)
    except (ValueError, TypeError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()


def save(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_file()
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    temporary.replace(path)


def with_printer(settings: Settings, **changes) -> Settings:
    return replace(settings, printer=replace(settings.printer, **changes))
