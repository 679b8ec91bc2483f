"""The county from the command line: the village's side and the county's, end to end."""

import json

import pytest

from pos.cli.main import main
from tests.county.conftest import COUNTY_PASSWORD
from tests.county.villages import PASSWORD


@pytest.fixture
def aixin(capsys, monkeypatch):
    def call(*args, user=None, password=None):
        if user:
            monkeypatch.setenv("AIXIN_USER", user)
        if password:
            monkeypatch.setenv("AIXIN_PASSWORD", password)
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err
    return call


def test_a_quarter_goes_to_the_county_and_its_receipt_comes_back(aixin, village, stick, db_dir, tmp_path):
    east = village()
    county = f"sqlite:///{db_dir / 'county.db'}"
    code, out, _ = aixin("--db", county, "county", "init", "--county", "宜川县", "--admin", "xian",
                         password=COUNTY_PASSWORD)
    assert code == 0 and "宜川县" in out and "签名密钥指纹" in out

    code, out, _ = aixin("--db", east.url, "county", "key")
    assert code == 0 and "签名密钥指纹" in out
    code, _, err = aixin("--db", east.url, "county", "package", "--out", str(stick), user="wangfang",
                         password=PASSWORD)
    assert code == 2 and "监督员" in err
    code, out, _ = aixin("--db", east.url, "--json", "county", "package", "--out", str(stick), user="lishuji")
    made = json.loads(out)
    assert code == 0 and made["closures"] == [1, 2, 3]

    code, out, _ = aixin("--db", county, "county", "import", made["path"], "--receipts", str(stick),
                         user="xian", password=COUNTY_PASSWORD)
    assert code == 0 and "已导入 东岭村" in out and "回执" in out
    code, out, _ = aixin("--db", county, "county", "import", made["path"])
    assert code == 0 and "县级已有" in out
    receipt = next(stick.glob("receipt-*.json"))
    code, out, _ = aixin("--db", east.url, "county", "receipt", str(receipt), user="lishuji", password=PASSWORD)
    assert code == 0 and "已收到第 3 号月结" in out

    code, out, _ = aixin("--db", county, "--json", "county", "report", "--month", "2025-03",
                         "--as-of", "2025-04-20", "--out", str(tmp_path), user="xian", password=COUNTY_PASSWORD)
    data = json.loads(out)
    assert code == 0 and data["totals"]["households"] == 16 and data["files"]["pages"] == 1
    code, out, _ = aixin("--db", county, "--lang", "en", "county", "report", "--month", "2025-03")
    assert code == 0 and "points outstanding" in out and "在册" not in out

    code, out, _ = aixin("--db", county, "county", "villages")
    assert code == 0 and "东岭村" in out and "第 3 号月结" in out
    code, out, _ = aixin("--db", county, "county", "keys")
    assert code == 0 and "使用中" in out

    code, out, _ = aixin("--db", county, "county", "spotcheck", "--village", "东岭村", "--out",
                         str(tmp_path / "visit.pdf"), "--seed", "1", "--households", "3", "--goods", "2")
    assert code == 0 and (tmp_path / "visit.csv").is_file()
    rows = [line.split(",") for line in (tmp_path / "visit.csv").read_text(encoding="utf-8-sig").splitlines()]
    rows[1][5] = str(int(rows[1][4]) + 1)  # the villager's slip says one point more
    (tmp_path / "filled.csv").write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
    code, out, _ = aixin("--db", county, "county", "findings", str(tmp_path / "filled.csv"))
    assert code == 1 and "不符" in out

    rebuilt = f"sqlite:///{db_dir / 'rebuilt.db'}"
    code, out, _ = aixin("--db", county, "county", "restore-village", "--village", "东岭村", "--out", rebuilt)
    assert code == 0 and "通过完整校验" in out and "lishuji" in out and "电话" in out
    code, out, _ = aixin("--db", rebuilt, "verify")
    assert code == 0

    code, out, _ = aixin("--db", county, "county", "rules", "export", "--out", str(stick / "rules.json"))
    assert code == 0
    code, out, _ = aixin("--db", east.url, "rule", "import", str(stick / "rules.json"), user="wangfang",
                         password=PASSWORD)
    assert code == 0 and "一致" in out


def test_a_county_command_needs_its_database_and_a_county_user(aixin, db_dir, monkeypatch):
    monkeypatch.delenv("AIXIN_COUNTY_DB", raising=False)
    code, _, err = aixin("county", "report", "--month", "2025-03")
    assert code == 2 and "AIXIN_COUNTY_DB" in err
    county = f"sqlite:///{db_dir / 'none.db'}"
    code, _, err = aixin("--db", county, "county", "report", "--month", "2025-03", user="xian",
                         password=COUNTY_PASSWORD)
    assert code == 2 and "aixin county init" in err


def test_demo_builds_another_village_with_its_months_closed(aixin, db_dir):
    url = f"sqlite:///{db_dir / 'demo.db'}"
    code, out, _ = aixin("--db", url, "--json", "demo", "--village", "试点村", "--seed", "5", "--households", "6",
                         "--days", "40", "--start", "2025-01-01", "--close-months")
    data = json.loads(out)
    assert code == 0 and data["village"] == "试点村" and data["built"]["closures"] == 1
    assert data["built"]["households"] == 6 and data["ledger_ok"]
