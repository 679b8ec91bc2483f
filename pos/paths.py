"""Where the program keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path


APP_NAME = "aixin-pos"
PRIVATE_FOLDER = 0o700  # created readable by the owner only, where the system allows


def data_dir() -> Path:
    """The user's data folder (database, backups, logs); ``AIXIN_HOME`` overrides it."""
    override = os.environ.get("AIXIN_HOME")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    return path


def default_db_url() -> str:
    """``AIXIN_DB`` if set, else an SQLite file in the data folder."""
    return os.environ.get("AIXIN_DB") or f"sqlite:///{data_dir() / 'aixin.db'}"
