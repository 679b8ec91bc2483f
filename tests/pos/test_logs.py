"""Each area logs under its own name into one rotating file in the data folder."""

import logging
import logging.handlers

from pos.station import logs


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


def test_log_files_old_and_new_are_readable_by_their_owner_only(data_home, tmp_path):
    import os
    import stat

    import pytest

    if os.name != "posix":
        pytest.skip("permission bits are POSIX")
    target = logs.setup(tmp_path / "private.log")
    [handler] = [h for h in logging.getLogger("pos").handlers if getattr(h, "_aixin", False)]
    logging.getLogger("pos").info("户主 张三 兑换 3 袋洗衣粉")
    handler.doRollover()
    logging.getLogger("pos").info("after the rollover")
    handler.flush()
    for path in (target, target.with_name("private.log.1")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
