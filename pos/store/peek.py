"""A look into a village's SQLite file with Python's own ``sqlite3``, read-only, without the
database layer: what the window needs before SQLAlchemy has loaded (the login's title)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def shop_name(url: str) -> str | None:
    """The shop's name in the village's SQLite file at ``url``; None wherever that cannot be
    read plainly (another database, a file missing, empty or unreadable, no village yet)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    path = Path(url[len(prefix):])
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as plain:
            row = plain.execute("SELECT shop_name FROM village LIMIT 1").fetchone()
    except (OSError, ValueError, sqlite3.Error):
        return None
    return row[0] if row and row[0] else None
