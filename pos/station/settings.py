"""This computer's settings, declared once with their defaults (their titles are the
catalogue's ``printer_field_NAME``).

Stored as JSON in the data folder (``settings.json``). The village's own
settings (name, points, thresholds) live in the database instead, because
they belong to the village, not to the PC.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from pos import paths

log = logging.getLogger("pos")


@dataclass(frozen=True)
class PrinterSettings:
    port: str = ""
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "none"
    stopbits: float = 1
    flow: str = "none"
    write_timeout: float = 5.0
    paper_mm: int = 58
    dots: int = 0
    barcode: bool = True
    qr: bool = False
    cut: bool = True
    status: bool = True

    @property
    def configured(self) -> bool:
        return bool(self.port)


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
