"""What a newcomer meets first: the README's example works as written, and the demo says
where it is and how to open it again."""

import re
from pathlib import Path

from pos import village
from pos.store.database import open_database

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_example_groups_match_the_sample_csv(aixin):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    groups = re.search(r"aixin init --village \S+ --groups (\S+)", readme).group(1).split(",")
    sample = ROOT / "resources" / "households_sample.csv"
    assert "resources/households_sample.csv" in readme
    sample_groups = {line.split(",")[1] for line in sample.read_text(encoding="utf-8").splitlines()[1:]}
    assert sample_groups <= set(groups)
    assert aixin("init", "--village", "阿道村", "--groups", ",".join(groups), "--admin", "wangfang")[0] == 0
    code, out, err = aixin("household", "import", str(sample))
    assert code == 0 and "4 户" in out, err


def test_the_demo_says_where_it_is_and_how_to_open_it(aixin, db_url):
    db = open_database(db_url)
    try:  # a demo village built earlier: the command opens it instead of building it again
        village.initialise(db, name="阿道村", groups=["啊道"], admin_username="wangfang",
                           admin_name="王芳", admin_password="counter-1")
    finally:
        db.dispose()
    code, out, _ = aixin("demo")
    assert code == 0
    assert f"aixin --db {db_url}" in out and "演示村在" in out
    code, out, _ = aixin("--lang", "en", "demo")
    assert f"aixin --db {db_url}" in out and "The demo village is in" in out
