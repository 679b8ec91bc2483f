"""The canonical encoding is pinned by known answers, in the app and in the standalone verifier."""

import importlib.util
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ledger import canonical

VECTORS = [
    (
        dict(prev=canonical.GENESIS, seq=1, at=datetime(2026, 3, 1, 8, 30, tzinfo=UTC),
             kind="card_issue", operator="admin", approver=None, memo="", reverses=None,
             attrs={}, postings=[("village:issue", -100), ("household:1", 100)]),
        b'{"approver":null,"at":"2026-03-01T08:30:00.000000Z","attrs":{},"kind":"card_issue",'
        b'"memo":"","operator":"admin","postings":[["village:issue",-100],["household:1",100]],'
        b'"prev":"0000000000000000000000000000000000000000000000000000000000000000",'
        b'"reverses":null,"seq":1,"v":1}',
        "issue",
    ),
    (
        dict(prev="ab" * 32, seq=42, at=datetime(2026, 11, 22, 13, 5, 7, 123456, tzinfo=UTC),
             kind="reversal", operator="王芳", approver="李书记", memo="退货：洗衣粉\n破损",
             reverses=41, attrs={"household": "张三", "items": 2},
             postings=[("household:7", 25), ("village:redeemed", -25)]),
        '{"approver":"李书记","at":"2026-11-22T13:05:07.123456Z","attrs":{"household":"张三",'
        '"items":2},"kind":"reversal","memo":"退货：洗衣粉\\n破损","operator":"王芳",'
        '"postings":[["household:7",25],["village:redeemed",-25]],"prev":"'
        + "ab" * 32 + '","reverses":41,"seq":42,"v":1}',
        "reversal",
    ),
]


def _verifier_module():
    path = Path(canonical.__file__).with_name("verify_export.py")
    spec = importlib.util.spec_from_file_location("standalone_verify_export", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("fields, expected, _name", VECTORS)
def test_encoding_is_exactly_the_documented_bytes(fields, expected, _name):
    expected = expected if isinstance(expected, bytes) else expected.encode("utf-8")
    assert canonical.encode(**fields) == expected


def test_known_answer_hashes():
    assert canonical.digest(canonical.encode(**VECTORS[0][0])) == KNOWN[0]
    assert canonical.digest(canonical.encode(**VECTORS[1][0])) == KNOWN[1]


def test_standalone_verifier_encodes_the_same_bytes():
    module = _verifier_module()
    for fields, _, _ in VECTORS:
        tx = dict(fields, at=canonical.format_time(fields["at"]))
        postings = tx.pop("postings")
        assert module.encode(tx, postings) == canonical.encode(**fields)


def test_times_must_be_timezone_aware():
    with pytest.raises(ValueError):
        canonical.format_time(datetime(2026, 1, 1))


def test_local_time_is_encoded_as_utc():
    from datetime import timedelta, timezone

    beijing = timezone(timedelta(hours=8))
    assert canonical.format_time(datetime(2026, 3, 1, 16, 30, tzinfo=beijing)) == "2026-03-01T08:30:00.000000Z"


KNOWN = [
    "25e9ef05b6e8814af6cdfe1c053c7b968f4cb43f5d303fa31f3c4136b58a2203",
    "53979928fcf5fabc4fa463e81705ef51389548d10df5b2bc29fd19e80a87cdf3",
]


DEMO_CHAIN = Path(__file__).with_name("data") / "demo-chain-v1"


def _demo_rows(name):
    import csv
    import gzip
    import io

    with gzip.open(DEMO_CHAIN / f"{name}.csv.gz", "rb") as handle:
        return list(csv.DictReader(io.StringIO(handle.read().decode("utf-8"), newline="")))


def test_a_year_written_before_the_rfc8785_sort_still_hashes_the_same():
    import json
    from collections import defaultdict

    codes = {row["id"]: row["code"] for row in _demo_rows("ledger_account")}
    legs = defaultdict(list)
    for row in _demo_rows("ledger_posting"):
        legs[int(row["tx_seq"])].append((int(row["line"]), codes[row["account_id"]], int(row["amount"])))
    prev = canonical.GENESIS
    transactions = _demo_rows("ledger_transaction")
    for row in transactions:
        seq = int(row["seq"])
        prev = canonical.digest(canonical.encode(
            prev=prev, seq=seq, at=row["at"], kind=row["kind"], operator=row["operator"],
            approver=row["approver"] or None, memo=row["memo"],
            reverses=int(row["reverses"]) if row["reverses"] else None,
            attrs=json.loads(row["attrs"]),
            postings=[(code, amount) for _, code, amount in sorted(legs[seq])]))
        assert prev == row["hash"], f"transaction {seq} hashes differently now"
    manifest = json.loads((DEMO_CHAIN / "manifest.json").read_text(encoding="utf-8"))
    assert (len(transactions), prev) == (manifest["head"]["seq"], manifest["head"]["hash"])


def test_the_standalone_verifier_passes_the_year_written_before(tmp_path):
    import gzip
    import shutil

    for name in ("ledger_account", "ledger_posting", "ledger_transaction"):
        (tmp_path / f"{name}.csv").write_bytes(gzip.decompress((DEMO_CHAIN / f"{name}.csv.gz").read_bytes()))
    shutil.copyfile(DEMO_CHAIN / "manifest.json", tmp_path / "manifest.json")
    count, head_hash, findings, warnings = _verifier_module().check(tmp_path)
    assert (count, findings, warnings) == (757, [], [])
    assert head_hash == "2eca5344402719699fce4162553046e715085e150aaf9881db9c88c0880dfb3c"


def test_the_standalone_verifier_sorts_and_refuses_as_the_app_does():
    module = _verifier_module()
    fields = dict(VECTORS[1][0], attrs={"\ufb33": "dalet", "\U0001f602": "smiley", "n": 3})
    tx = dict(fields, at=canonical.format_time(fields["at"]))
    postings = tx.pop("postings")
    assert module.encode(tx, postings) == canonical.encode(**fields)
    with pytest.raises(module.NotCanonical):
        module.encode(dict(tx, attrs={"weight": 2.5}), postings)
