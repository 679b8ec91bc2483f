"""Audit export: one CSV per table, a manifest with each file's SHA-256, and
the standalone ``verify_export.py`` so the folder can be checked anywhere
with nothing but Python.

The caller names what must not leave the PC (``leave_out``: whole tables or
single columns, each with the reason); the manifest lists them, so an
auditor knows what is missing and why. Files and the folder are created
readable by their owner only, where the system allows."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ledger import canonical
from ledger.backup import private_file_opener, private_folder
from ledger.book import head

FORMAT = "aixin-ledger-export/1"
VERIFIER = Path(__file__).with_name("verify_export.py")


# A spreadsheet runs a cell that begins with one of these as a formula. Text cells that do
# (and those that begin with the escape itself) get a leading apostrophe, which
# spreadsheets show as text and verify_export.py removes again. Numbers are left alone.
FORMULA_START = ("=", "+", "-", "@", "'")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return canonical.format_time(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return str(value)


def _private_write(path: Path, data: bytes) -> None:
    with open(path, "wb", opener=private_file_opener) as handle:
        handle.write(data)


def export(
    session: Session, tables: Iterable[Table], out: Path, *, leave_out: Mapping[str, str] = {}
) -> dict:
    """Write every table in ``tables`` to ``out``; return the manifest.

    ``leave_out`` maps ``"table"`` or ``"table.column"`` to why it is not exported."""
    private_folder(out)
    files = {}
    for table in tables:
        if table.name in leave_out:
            continue
        name = f"{table.name}.csv"
        path = out / name
        columns = [c for c in table.columns if f"{table.name}.{c.name}" not in leave_out]
        order = [c for c in table.primary_key.columns] or columns[:1]
        rows = 0
        with open(path, "w", newline="", encoding="utf-8", opener=private_file_opener) as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow([c.name for c in columns])
            for row in session.execute(select(*columns).order_by(*order)):
                writer.writerow([_cell(v) for v in row])
                rows += 1
        files[name] = {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "rows": rows}
    seq, digest = head(session)
    manifest = {
        "format": FORMAT,
        "exported_at": canonical.format_time(datetime.now(UTC)),
        "encoding": "RFC 8785 JSON, see ledger/canonical.py",
        "head": {"seq": seq, "hash": digest},
        "files": files,
        "left_out": dict(leave_out),
    }
    _private_write(out / "manifest.json", json.dumps(
        manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
    _private_write(out / VERIFIER.name, VERIFIER.read_bytes())
    return manifest


def add_files(out: Path, names: Iterable[str], **extra) -> dict:
    """Add files already written in ``out`` to its manifest (with their SHA-256), and any
    ``extra`` top-level entries; return the manifest."""
    path = out / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for name in names:
        data = (out / name).read_bytes()
        manifest["files"][name] = {"sha256": hashlib.sha256(data).hexdigest()}
    manifest.update(extra)
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8")
    return manifest
