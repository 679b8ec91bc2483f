"""The township's standalone verifier against forged and malformed exports.

A forger who moves points, re-hashes the whole chain and drops the closures table
still leaves the month's closure hash in ``closure.csv`` and the manifest: the
verifier checks every closure hash the export holds, wherever it is. Malformed
files are findings naming the file and line, never a traceback.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from ledger import verify_export as standalone
from pos import awards, redemption
from pos.demo import Clock
from pos.month import closure
from pos.month import export as month_export
from pos.periods import LOCAL
from tests.pos.conftest import SUPERVISOR_PASSWORD, Village

SEPTEMBER = "2026-09"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A small village's September, closed and exported for the township."""
    from pos.store.database import open_database

    folder = tmp_path_factory.mktemp("export")
    db = open_database(f"sqlite:///{folder / 'village.db'}")
    clock = Clock(datetime(2026, 9, 5, 9, 0, tzinfo=LOCAL))
    db.clock = clock
    shop = Village(db)
    awards.award(db, shop.admin, shop.homes["张三"].id, "G01")
    redemption.redeem(db, shop.admin, shop.card("李四"), [redemption.CartItem(shop.soap.code, 2)])
    clock.now = datetime(2026, 10, 2, 9, 0, tzinfo=LOCAL)
    closure.close(db, shop.secretary, SEPTEMBER, password=SUPERVISOR_PASSWORD, confirm_recent=True)
    out = folder / "township"
    month_export.export(db, shop.secretary, SEPTEMBER, out)
    db.dispose()
    return out


def verify(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-I", str(folder / "verify_export.py"), str(folder)],
                          capture_output=True, text=True, encoding="utf-8")


def copy_of(exported: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(exported, target)
    return target


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def reseal(folder: Path) -> None:
    """What a careful forger does last: every file's SHA-256 in the manifest made right."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name in manifest["files"]:
        manifest["files"][name]["sha256"] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def test_a_clean_export_verifies(exported):
    done = verify(exported)
    assert done.returncode == 0, done.stdout


def test_moving_points_and_rehashing_the_chain_is_caught_though_the_closures_table_is_dropped(
        exported, tmp_path):
    folder = copy_of(exported, tmp_path)
    header, postings = read_rows(folder / "ledger_posting.csv")
    _, accounts = read_rows(folder / "ledger_account.csv")
    codes = {a["id"]: a["code"] for a in accounts}
    # The award's points go to another household's card: the amounts stay balanced.
    award_legs = [p for p in postings if codes[p["account_id"]].startswith("card:")
                  and int(p["amount"]) > 0 and int(p["amount"]) < 100]
    victim = award_legs[0]
    other = next(a for a in accounts if a["code"].startswith("card:") and a["id"] != victim["account_id"])
    moved_from, victim["account_id"] = victim["account_id"], other["id"]
    write_rows(folder / "ledger_posting.csv", header, postings)
    amount = int(victim["amount"])
    for account in accounts:
        if account["id"] == moved_from:
            account["balance"] = str(int(account["balance"]) - amount)
        if account["id"] == other["id"]:
            account["balance"] = str(int(account["balance"]) + amount)
    write_rows(folder / "ledger_account.csv", list(accounts[0]), accounts)
    # The whole chain re-hashed from the start, with the verifier's own encoding.
    tx_header, transactions = read_rows(folder / "ledger_transaction.csv")
    legs: dict[int, list] = {}
    for p in sorted(postings, key=lambda p: (int(p["tx_seq"]), int(p["line"]))):
        legs.setdefault(int(p["tx_seq"]), []).append((codes[p["account_id"]], int(p["amount"])))
    prev = standalone.GENESIS
    for row in transactions:
        tx = {"seq": int(row["seq"]), "at": row["at"], "kind": row["kind"], "operator": row["operator"],
              "approver": row["approver"] or None, "memo": row["memo"],
              "reverses": int(row["reverses"]) if row["reverses"] else None,
              "attrs": json.loads(row["attrs"]), "prev": prev}
        row["hash"] = prev = hashlib.sha256(standalone.encode(tx, legs.get(tx["seq"], []))).hexdigest()
    write_rows(folder / "ledger_transaction.csv", tx_header, transactions)
    (folder / "month_closure.csv").unlink()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    del manifest["files"]["month_closure.csv"]
    manifest["head"]["hash"] = prev
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    reseal(folder)

    done = verify(folder)
    assert done.returncode == 1
    assert "closure 1" in done.stdout and "changed after the month was closed" in done.stdout
    assert "month_closure.csv is missing" in done.stdout
    assert "Traceback" not in done.stderr


def _no_manifest(folder):
    (folder / "manifest.json").unlink()
    return "manifest.json is missing"


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    header, rows = read_rows(path)
    rows[row][column] = value
    write_rows(path, header, rows)


def _manifest_not_json(folder):
    (folder / "manifest.json").write_text("{\n  \"files\": [", encoding="utf-8")
    return "manifest.json line"


def _table_missing(folder):
    (folder / "ledger_posting.csv").unlink()
    return "ledger_posting.csv is missing"


def _attrs_not_json(folder):
    _set_cell(folder / "ledger_transaction.csv", 2, "attrs", "{household: 3")
    return "ledger_transaction.csv line 4: attrs is not JSON"


def _amount_not_a_number(folder):
    _set_cell(folder / "ledger_posting.csv", 4, "amount", "abc")
    return "ledger_posting.csv line 6: amount 'abc' is not a whole number"


def _sequence_not_a_number(folder):
    _set_cell(folder / "ledger_transaction.csv", 1, "seq", "x3")
    return "ledger_transaction.csv line 3: seq 'x3' is not a whole number"


def _column_renamed(folder):
    text = (folder / "ledger_transaction.csv").read_text(encoding="utf-8")
    (folder / "ledger_transaction.csv").write_text(text.replace("attrs", "attributes", 1), encoding="utf-8")
    return "ledger_transaction.csv: column attrs is missing"


def _bad_utf8(folder):
    data = (folder / "ledger_transaction.csv").read_bytes().split(b"\n")
    data[5] = data[5] + b"\xff\xfe"
    (folder / "ledger_transaction.csv").write_bytes(b"\n".join(data))
    return "ledger_transaction.csv line 6: not UTF-8 text"


@pytest.mark.parametrize("damage", [_no_manifest, _manifest_not_json, _table_missing, _attrs_not_json,
                                    _amount_not_a_number, _sequence_not_a_number, _column_renamed, _bad_utf8],
                         ids=lambda f: f.__name__.strip("_"))
def test_a_malformed_export_is_a_finding_with_its_file_and_line_never_a_traceback(exported, tmp_path, damage):
    folder = copy_of(exported, tmp_path)
    expected = damage(folder)
    done = verify(folder)
    assert done.returncode == 1, done.stdout
    assert expected in done.stdout
    assert "Traceback" not in done.stderr and done.stderr == ""


def test_the_verifier_in_the_export_is_the_one_these_tests_read(exported):
    assert (exported / "verify_export.py").read_bytes() == Path(standalone.__file__).read_bytes()
