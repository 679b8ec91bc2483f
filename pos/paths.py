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


# The demo village: its database file in the data folder, and the password all its users have
# (here, where the login window can show it before the shop's services load).
DEMO_PASSWORD = "aixin123"


def demo_db_url() -> str:
    """The demo village's own database file in the data folder."""
    return f"sqlite:///{data_dir() / 'demo.db'}"


def default_db_url() -> str:
    """``AIXIN_DB`` if set, else an SQLite file in the data folder."""
    return os.environ.get("AIXIN_DB") or f"sqlite:///{data_dir() / 'aixin.db'}"
