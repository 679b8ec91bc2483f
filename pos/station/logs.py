"""One logger per area (ledger, pos, printing, ui), all into one rotating file."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from pos import paths

AREAS = ("ledger", "pos", "printing", "ui")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_configured: Path | None = None


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates each log file readable by its owner only (where the system allows):
    logs name users, households and what they did."""

    def _open(self):
        return open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors,
                    opener=lambda path, flags: os.open(path, flags, 0o600))

    def handleError(self, record) -> None:
        # A full disk or a stick pulled out: the log is lost for now, but the command's own
        # output says what happened; a traceback about the log would only bury it.
        pass


STDERR = "stderr"  # where the log goes when the data folder cannot take it


def setup(log_file: Path | None = None, level: int = logging.INFO) -> Path | str:
    """Send every area's records to ``aixin.log`` in the data folder (5 files of 1 MiB).
    A data folder that cannot be written (read-only, full) must not stop the program from
    saying so: the warnings then go to standard error and this returns ``STDERR``."""
    global _configured
    try:
        target = log_file or paths.log_dir() / "aixin.log"
        if _configured == target:
            return target
        handler: logging.Handler = PrivateRotatingFileHandler(
            target, maxBytes=1_048_576, backupCount=5, encoding="utf-8"
        )
    except OSError:
        target, level = STDERR, max(level, logging.WARNING)
        if _configured == target:
            return target
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    for area in AREAS:
        logger = logging.getLogger(area)
        for old in [h for h in logger.handlers if getattr(h, "_aixin", False)]:
            logger.removeHandler(old)
            old.close()
        handler._aixin = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(level)
    _configured = target
    return target
