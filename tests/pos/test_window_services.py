"""Services the administrator's screens use: import preview, corrections, users, backups."""

import pytest

from pos import backups, households, users
from pos.errors import PermissionDenied, ShopError
from tests.pos.conftest import PASSWORD


def test_an_import_preview_lists_every_problem_by_row_and_writes_nothing(shop):
    data = "户主,村民小组,人口\n孙七,富庄,3\n,富庄,2\n钱八,没有,4\n孙七,富庄,3\n".encode()
    preview = households.preview_csv(shop.db, shop.admin, data)
    assert not preview.ok
    assert [r.row for r in preview.rows] == [2, 3, 4, 5]
    assert [n for n, _ in preview.problems] == [3, 4, 5]
    assert preview.rows[0].problem == "" and "第 2 行" in preview.rows[3].problem
    assert len(households.search(shop.db, shop.admin)) == 4


def test_a_preview_of_a_file_without_its_columns_names_them(shop):
    preview = households.preview_csv(shop.db, shop.admin, "姓名,电话\n孙七,\n".encode())
    assert preview.rows == () and preview.problems[0][0] == 1 and "村民小组" in preview.problems[0][1]


def test_correcting_a_household_checks_like_adding_one(shop):
    home = shop.homes["王五"]
    changed = households.change(shop.db, shop.admin, home.id, "王五", "杜河沟", 5, "13900000000")
    assert (changed.group, changed.people, changed.card_number) == ("杜河沟", 5, shop.card("王五"))
    with pytest.raises(ShopError) as refused:
        households.change(shop.db, shop.admin, home.id, "王五", "没有", 5)
    assert refused.value.key == "group_unknown"


def test_an_administrator_resets_anothers_password_and_deactivates_them_but_not_themself(shop):
    users.reset_password(shop.db, shop.admin, "zhaoming", "fresh-pass")
    assert users.login(shop.db, "zhaoming", "fresh-pass").username == "zhaoming"
    users.set_active(shop.db, shop.admin, "zhaoming", False)
    with pytest.raises(ShopError):
        users.login(shop.db, "zhaoming", "fresh-pass")
    with pytest.raises(PermissionDenied):
        users.set_active(shop.db, shop.admin, "wangfang", False)
    with pytest.raises(PermissionDenied):
        users.reset_password(shop.db, shop.secretary, "wangfang", "another-1")
    assert users.login(shop.db, "wangfang", PASSWORD)


def test_a_backup_is_checked_and_only_the_newest_copies_are_kept(shop, tmp_path):
    made = [backups.backup_now(shop.db, shop.admin, tmp_path, keep=2) for _ in range(3)]
    assert made[-1].transactions > 0 and len(made[-1].removed) == 1
    assert backups.copies(tmp_path) and len(backups.copies(tmp_path)) == 2
    assert made[0].path in made[-1].removed


def test_the_history_of_rounds_shows_who_improves(shop):
    from datetime import date

    from pos import hygiene
    from pos.rules import HYGIENE_ITEMS

    zhang, li = shop.homes["张三"].id, shop.homes["李四"].id
    hygiene.record(shop.db, shop.admin, date(2026, 5, 1), "李书记",
                   {zhang: {"W01": True}, li: dict.fromkeys(HYGIENE_ITEMS, True)})
    hygiene.record(shop.db, shop.admin, date(2026, 6, 1), "李书记",
                   {zhang: {"W01": True, "W02": True, "W03": True}, li: dict.fromkeys(HYGIENE_ITEMS, True)})
    seen = hygiene.history(shop.db, shop.admin, "啊道")
    assert seen.rounds == (date(2026, 5, 1), date(2026, 6, 1))
    rows = {h.head: h for h in seen.households}
    assert rows["张三"].per_round == (1, 3) and rows["张三"].trend == 2
    assert rows["张三"].per_item == (2, 1, 1, 0, 0, 0)
    assert rows["李四"].trend == 0 and rows["李四"].per_item == (2,) * 6
    assert hygiene.history(shop.db, shop.admin, "富庄").households == ()


def test_the_blank_round_sheet_lists_a_groups_carded_households_in_the_language_asked_for(shop):
    from pos import hygiene

    sheet = hygiene.round_sheet(shop.db, shop.admin, "啊道")
    assert (sheet.village, sheet.group, sheet.items[0]) == ("阿道村", "啊道", "院内净")
    assert sheet.households == (("张三", shop.card("张三")), ("李四", shop.card("李四")))
    assert sheet.words["round_paper_head"] == "户主"
    whole = hygiene.round_sheet(shop.db, shop.admin, lang="en")
    assert whole.group == "Whole village" and len(whole.households) == 4
    assert whole.words["round_paper_head"] == "Household head"


def test_a_round_sheet_with_no_carded_households_is_refused_not_printed_blank(shop):
    """The screen's list may be older than the books (another counter took the cards back)."""
    from pos import hygiene, village

    village.add_group(shop.db, shop.admin, "新村组")
    with pytest.raises(ShopError) as refused:
        hygiene.round_sheet(shop.db, shop.admin, "新村组")
    assert refused.value.key == "nothing_to_print"


def test_the_status_shows_the_last_backup_in_the_chosen_folder(shop, tmp_path):
    from pos.station import settings
    from pos.station import state as station

    assert station.state(shop.db).last_backup is None
    settings.save(settings.Settings(backup_dir=str(tmp_path / "usb")))
    made = backups.backup_now(shop.db, shop.admin, tmp_path / "usb")
    assert station.state(shop.db).last_backup is not None and made.path.parent == tmp_path / "usb"
