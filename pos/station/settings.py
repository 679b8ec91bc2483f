"""This computer's settings, declared once with their defaults and titles.

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

log = logging.getLogger("pos")


@dataclass(frozen=True)
class PrinterSettings:
    port: str = field(default="", metadata={"title": "串口", "title_en": "serial port"})
    baudrate: int = field(default=9600, metadata={"title": "波特率", "title_en": "baud rate"})
    bytesize: int = field(default=8, metadata={"title": "数据位", "title_en": "data bits"})
    parity: str = field(default="none", metadata={"title": "校验", "title_en": "parity"})
    stopbits: float = field(default=1, metadata={"title": "停止位", "title_en": "stop bits"})
    flow: str = field(default="none", metadata={"title": "流控", "title_en": "flow control"})
    write_timeout: float = field(default=5.0, metadata={"title": "写超时（秒）", "title_en": "write timeout (s)"})
    paper_mm: int = field(default=58, metadata={"title": "纸宽（毫米）", "title_en": "paper width (mm)"})
    dots: int = field(default=0, metadata={"title": "打印点数（0 为默认）", "title_en": "dots per line (0: default)"})
    barcode: bool = field(default=True, metadata={"title": "支持条码", "title_en": "native barcodes"})
    qr: bool = field(default=False, metadata={"title": "支持二维码", "title_en": "native QR codes"})
    cut: bool = field(default=True, metadata={"title": "自动切纸", "title_en": "cutter"})
    status: bool = field(default=True, metadata={"title": "查询打印机状态", "title_en": "query status"})

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
