"""The command line tells the truth about what it did.

A sale that was made is never reported as undone, whatever fails after it (a damaged
settings file, a receipt): a clerk told "nothing changed" sells again. A retried command
with the same ``--token`` returns the first sale. ``--out`` never writes over the
program's own files, and a full disk leaves nothing half-written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pos.receipts import printer as receipt_printer
from tests import tmpfs

SOAP = "6901234567892"


def soap_left(aixin) -> int:
    code, out, _ = aixin("goods", "list", "--json")
    return next(g["stock"] for g in json.loads(out) if g["code"] == SOAP)


def settings_file(data_home: Path) -> Path:
    data_home.mkdir(parents=True, exist_ok=True)
    return data_home / "settings.json"


@pytest.mark.parametrize("damage", [
    "[]", '{"printer": null}', '{"printer": []}', '{"printer": {"port": "COM3", "baudrate": "9600"}}',
    '{"printer": {"paper_mm": "58"}}', "folder",
], ids=["a list", "printer null", "printer a list", "baud as text", "paper as text", "a folder"])
def test_a_sale_with_a_damaged_settings_file_is_made_once_and_said_to_be_made(
        aixin, village_cli, data_home, damage):
    path = settings_file(data_home)
    if damage == "folder":
        path.mkdir()
    else:
        path.write_text(damage, encoding="utf-8")
    code, out, err = aixin("redeem", "--card", village_cli[0], "--item", f"{SOAP}:1")
    assert code == 0, err
    assert "兑换成功" in out or "第" in out
    assert ("本机设置文件" in err or damage == '{"printer": null}') and "数据未改动" not in err
    assert soap_left(aixin) == 29


def test_a_retried_sale_with_the_same_token_is_not_sold_twice(aixin, village_cli):
    first = aixin("redeem", "--card", village_cli[0], "--item", f"{SOAP}:2", "--token", "till-7-0001", "--json")
    again = aixin("redeem", "--card", village_cli[0], "--item", f"{SOAP}:2", "--token", "till-7-0001", "--json")
    assert first[0] == again[0] == 0
    assert json.loads(first[1])["seq"] == json.loads(again[1])["seq"]
    assert json.loads(again[1])["repeated"] is True
    assert soap_left(aixin) == 28


def test_a_fault_after_the_sale_says_the_sale_was_made_with_its_number(aixin, village_cli, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the receipt step broke")

    monkeypatch.setattr(receipt_printer, "print_after_sale", broken)
    code, _, err = aixin("redeem", "--card", village_cli[0], "--item", f"{SOAP}:1")
    assert code == 3
    assert "已保存，台账第" in err and "不要再做一遍" in err
    assert "数据未改动" not in err and "未完成" not in err
    assert soap_left(aixin) == 29


def test_a_refusal_before_anything_was_saved_still_says_nothing_changed(aixin, village_cli):
    code, _, err = aixin("redeem", "--card", village_cli[0], "--item", f"{SOAP}:99")
    assert code == 2 and "已保存" not in err
    assert soap_left(aixin) == 30


@pytest.mark.parametrize("command", [
    ("cards", "pdf"), ("labels", "pdf"), ("wish", "wall"),
])
@pytest.mark.parametrize("own", ["", "-wal", "settings"])
def test_out_never_writes_over_the_programs_own_files(aixin, village_cli, data_home, command, own):
    database = Path(aixin.url.removeprefix("sqlite:///"))
    target = settings_file(data_home) if own == "settings" else Path(f"{database}{own}")
    if own == "settings":
        target.write_text("{}", encoding="utf-8")
    before = target.read_bytes() if target.exists() else None
    code, _, err = aixin(*command, "--out", str(target))
    assert code == 2 and "不能被覆盖" in err
    if own == "settings":
        assert target.read_bytes() == before
    else:  # the command's own login writes to the database; what matters is no PDF went there
        assert not target.exists() or not target.read_bytes().startswith(b"%PDF")
    assert aixin("verify")[0] == 0


def test_a_notice_over_the_database_is_refused_and_the_books_stay(aixin, village_cli):
    database = aixin.url.removeprefix("sqlite:///")
    code, _, err = aixin("notice", "--month", "2026-01", "--out", database)
    assert code == 2 and "不能被覆盖" in err
    assert aixin("verify")[0] == 0


@pytest.fixture
def small_disk(tmp_path):
    with tmpfs.mounted(tmp_path, "48k") as where:
        yield where


def test_a_pdf_onto_a_full_stick_leaves_nothing_half_written(aixin, village_cli, small_disk):
    (small_disk / "filler").write_bytes(b"x" * 40_000)
    code, _, err = aixin("cards", "pdf", "--out", str(small_disk / "cards.pdf"))
    assert code == 2 and "磁盘已满" in err and err.strip().count("\n") == 0
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_county_server_that_went_away_is_one_line_and_its_own_exit_code(capsys, monkeypatch):
    from argon2 import PasswordHasher

    from pos import users
    from pos.cli.main import EXIT_UNREACHABLE, main
    from tests import postgres_server
    from tests.pos.conftest import Village
    from pos.store.database import open_database

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    with postgres_server.running() as server:
        url = server.create_database("outage_cli")
        with open_database(url) as db:
            Village(db)
        monkeypatch.setenv("AIXIN_USER", "wangfang")
        monkeypatch.setenv("AIXIN_PASSWORD", "counter-1")
        server.pause()
        code = main(["--db", url, "rule"])
        err = capsys.readouterr().err
        assert code == EXIT_UNREACHABLE
        assert err.strip().count("\n") == 0 and "无法连接数据库服务器" in err and "没有保存" in err
        assert "aixin@" in err and "password" not in err
        server.resume()
        postgres_server.wait_ready(server)
        assert main(["--db", url, "rule"]) == 0


def test_out_naming_a_device_writes_to_it_and_never_replaces_it(aixin, village_cli):
    """A device (here /dev/full, a disk that is always full) is written to, not renamed over."""
    before = os.stat("/dev/full")
    code, _, err = aixin("cards", "pdf", "--out", "/dev/full")
    assert code == 2 and "磁盘已满" in err
    after = os.stat("/dev/full")
    assert (after.st_mode, after.st_rdev) == (before.st_mode, before.st_rdev)
