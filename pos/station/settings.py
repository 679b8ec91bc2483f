"""This computer's settings, declared once with their defaults and titles.

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
