"""Each area logs under its own name into one rotating file in the data folder."""

import logging
import logging.handlers

from pos import logs


def test_every_area_writes_to_the_rotating_log(data_home, tmp_path):
    target = logs.setup(tmp_path / "aixin.log")
    for area in logs.AREAS:
        logging.getLogger(area).info("hello from %s", area)
    for handler in logging.getLogger("pos").handlers:
        handler.flush()
    text = target.read_text(encoding="utf-8")
    for area in logs.AREAS:
        assert f"INFO {area}: hello from {area}" in text
    handlers = [h for h in logging.getLogger("ledger").handlers if getattr(h, "_aixin", False)]
    assert len(handlers) == 1 and isinstance(handlers[0], logging.handlers.RotatingFileHandler)
    assert handlers[0].maxBytes == 1_048_576 and handlers[0].backupCount == 5


def test_the_default_log_lives_in_the_users_data_folder(data_home):
    target = logs.setup()
    assert target == data_home / "logs" / "aixin.log"
