"""This computer's settings, declared once with their defaults (their titles are the
catalogue's ``printer_field_NAME``).

Stored as JSON in the data folder (``settings.json``). The village's own
settings (name, points, thresholds) live in the database instead, because
they belong to the village, not to the PC.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import typing
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
    window_width: int = 0  # the main window's size as a person left it; 0: maximized
    window_height: int = 0


def settings_file() -> Path:
    return paths.data_dir() / "settings.json"


def _checked(kind, data, problems: list[str], where: str):
    """``kind`` (a settings dataclass) from ``data``, each field taken only if it has the
    declared type (and one of the allowed values, where the field declares them); anything
    else keeps its default and is named in ``problems``."""
    if not isinstance(data, dict):
        if data is not None:
            problems.append(f"{where or 'settings'}: not a set of settings")
        return kind()
    values = {}
    types = typing.get_type_hints(kind)
    for f in fields(kind):
        if f.name not in data:
            continue
        value = data[f.name]
        if dataclasses.is_dataclass(f.default):
            values[f.name] = _checked(type(f.default), value, problems, f.name)
            continue
        wanted = types[f.name]
        ok = (isinstance(value, bool) if wanted is bool else
              isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
              and abs(value) != float("inf") if wanted is float else
              isinstance(value, int) and not isinstance(value, bool) if wanted is int else
              isinstance(value, wanted))
        choices = f.metadata.get("choices")
        if ok and choices is not None and value not in choices:
            ok = False
        if ok:
            values[f.name] = value
        else:
            problems.append(f"{where + '.' if where else ''}{f.name}={value!r}")
    return kind(**values)


def read(path: Path | None = None) -> tuple[Settings, list[str]]:
    """This PC's settings, and what in the file could not be used (each kept at its default).
    A missing file is the defaults; a damaged one is never a fault, since what follows (a
    receipt after a sale) must not fail for it."""
    path = path or settings_file()
    if not path.exists():
        return Settings(), []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Settings(), [f"{path}: {exc.strerror or exc}"]
    except ValueError as exc:
        return Settings(), [f"{path}: {exc}"]
    problems: list[str] = []
    settings = _checked(Settings, data, problems, "")
    return settings, problems


def load(path: Path | None = None) -> Settings:
    settings, problems = read(path)
    if problems:
        log.warning("settings file %s: %s; using the defaults there", path or settings_file(), "; ".join(problems))
    return settings


def save(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_file()
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    temporary.replace(path)


def with_printer(settings: Settings, **changes) -> Settings:
    return replace(settings, printer=replace(settings.printer, **changes))
