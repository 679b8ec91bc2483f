"""Households are found by the pinyin initials people say, whatever the character's reading."""

import pytest

from pos import households


@pytest.mark.parametrize("head, typed", [
    ("曾伟", "zw"), ("单雄", "sx"), ("解放", "xf"), ("仇明", "qm"), ("区华", "oh"), ("查良", "zl"),
    ("乐平", "yp"), ("覃杰", "qj"),
])
def test_a_surname_is_read_as_a_surname(shop, head, typed):
    households.add(shop.db, shop.admin, head, "啊道", 3)
    assert head in [h.head_name for h in households.search(shop.db, shop.admin, typed)]


def test_a_character_with_several_readings_matches_any(shop):
    households.add(shop.db, shop.admin, "曾伟", "啊道", 3)
    households.add(shop.db, shop.admin, "李长乐", "富庄", 2)
    assert [h.head_name for h in households.search(shop.db, shop.admin, "cw")] == ["曾伟"]
    for typed in ("lcl", "lzl", "lcy", "lz"):
        assert [h.head_name for h in households.search(shop.db, shop.admin, typed)] == ["李长乐"], typed
    assert [h.head_name for h in households.search(shop.db, shop.admin, "zs")] == ["张三"]
    assert households.search(shop.db, shop.admin, "wz") == []


def test_initials_list_the_surname_reading_first():
    assert households.initials("曾伟").split()[0] == "zw"
    assert households.initials("张三") == " zs"


def test_an_older_database_gets_every_reading_on_upgrade(db_url):
    from alembic import command
    from sqlalchemy import create_engine, text

    from pos.store.database import _alembic_config, open_database

    engine = create_engine(db_url)
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        connection.execute(text("INSERT INTO villager_group (id, name) VALUES (1, '啊道')"))
        connection.execute(text(
            "INSERT INTO household (head_name, initials, group_id, people, phone, status, created_at)"
            " VALUES ('曾伟', 'cw', 1, 3, '', 'active', '2026-01-01 00:00:00.000000')"))
    engine.dispose()
    db = open_database(db_url)
    try:
        with db.read() as s:
            assert s.execute(text("SELECT initials FROM household")).scalar() == " zw cw"
    finally:
        db.dispose()
