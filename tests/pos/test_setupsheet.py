"""The village's setup sheet (设置单) the township keeps sealed: the village, its id, its key's
fingerprint, its users and the one-time recovery code, in Chinese or in English."""

import pytest

from pos import setupsheet, users
from pos.county import signing
from pos.village import village_id
from tests import pdfs


@pdfs.needs_poppler
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_setup_sheet_names_the_village_its_key_its_users_and_the_sealed_code(shop, tmp_path, lang):
    code = users.issue_recovery_code(shop.db, shop.secretary)
    path = setupsheet.write(shop.db, shop.admin, tmp_path / "setup.pdf", recovery_code=code, lang=lang)
    text = pdfs.poppler_text(path)
    with shop.db.read() as session:
        identity = village_id(session)
    key = signing.village_key(identity)
    for fact in ("阿道村", code, identity, key.fingerprint, "wangfang", "王芳", "lishuji", "李书记", "zhaoming"):
        assert fact in text, fact
    if lang == "zh":
        for shown in ("阿道村爱心超市 设置单", "打印日期：", "村名", "本村编号（台账第 1 笔的哈希", "用户", "管理员", "监督员",
                      "在用", "监督员恢复码（一次性）", "只能用一次。", "平时请勿拆封", "乡镇经办人（签字）"):
            assert shown in text, shown
        assert "setup" not in text and pdfs.title(path) == "阿道村 爱心超市设置单"
        return
    for shown in ("阿道村爱心超市: setup sheet", "Printed ", "Village ID (the hash of the ledger's first entry",
                  f"Fingerprint of the key that signs the village's reports to the county ({key.algorithm})",
                  "Users", "administrator", "supervisor", "active", "Supervisor recovery code (one use only)",
                  "It works only once.", "whoever holds the code", "Signed: administrator", "township officer"):
        assert shown in " ".join(text.split()), shown
    names = ("阿道村爱心超市", "阿道村", "王芳", "李书记", "周书记", "赵明")
    assert pdfs.chinese_besides(text, *names) == "" and pdfs.title(path) == "阿道村 love supermarket: setup sheet"
