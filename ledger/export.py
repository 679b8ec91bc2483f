"""Audit export: one CSV per table, a manifest with each file's SHA-256, and
the standalone ``verify_export.py`` so the folder can be checked anywhere
with nothing but Python."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ledger import canonical
from ledger.book import head

FORMAT = "aixin-ledger-export/1"
VERIFIER = Path(__file__).with_name("verify_export.py")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return canonical.format_time(value)
    return str(value)


def export(session: Session, tables: Iterable[Table], out: Path) -> dict:
    """Write every table in ``tables`` to ``out``; return the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    files = {}
    for table in tables:
        name = f"{table.name}.csv"
        path = out / name
        columns = list(table.columns)
        order = [c for c in table.primary_key.columns] or columns[:1]
        rows = 0
        with path.open("w", newline="", encoding="utf-8") as handle:
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
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8"
    )
    shutil.copyfile(VERIFIER, out / VERIFIER.name)
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
