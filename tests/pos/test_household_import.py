"""Household CSVs as Excel writes them in China: all rows or none."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos import households
from pos.errors import ImportProblems, ShopError

GOOD = "户主,村民小组,人口,电话\n刘建国,啊道,4,13800138000\n杨秀英,富庄,3,\n马满仓,杜河沟,6,0911-8123456\n"


def count(shop):
    return len(households.search(shop.db, shop.admin, include_moved=True))


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    lambda t: t.encode("gbk"),
])
def test_utf8_bom_and_gbk_files_import(shop, encode):
    created = households.import_csv(shop.db, shop.admin, encode(GOOD))
    assert [(h.head_name, h.group, h.people, h.phone) for h in created] == [
        ("刘建国", "啊道", 4, "13800138000"), ("杨秀英", "富庄", 3, ""), ("马满仓", "杜河沟", 6, "0911-8123456")]


def test_english_headers_in_any_order_and_blank_lines(shop):
    text = "phone,people,group,head\n\n13900000000,2,富庄,Zhang Wei\n,,,\n"
    created = households.import_csv(shop.db, shop.admin, text.encode())
    assert created[0].head_name == "Zhang Wei" and created[0].people == 2


def test_every_bad_row_is_listed_with_its_number_and_nothing_is_imported(shop):
    before = count(shop)
    text = ("户主,村民小组,人口,电话\n"
            "刘建国,啊道,4,\n"          # row 2 fine
            ",啊道,3,\n"               # row 3 no name
            "杨秀英,上庄,3,\n"           # row 4 unknown group
            "马满仓,杜河沟,很多,\n"        # row 5 not a number
            "白玉兰,富庄,3,12345\n"       # row 6 bad phone
            "刘建国,啊道,4,\n"          # row 7 repeats row 2
            "张三,啊道,4,\n")           # row 8 exists already
    with pytest.raises(ImportProblems) as refused:
        households.import_csv(shop.db, shop.admin, text.encode("gbk"))
    problems = {row: problem.key for row, problem in refused.value.problems}
    assert problems == {3: "head_missing", 4: "group_unknown", 5: "people_not_number",
                        6: "phone_bad", 7: "row_repeats", 8: "household_exists"}
    lines = refused.value.lines()
    assert lines[1].startswith("第 4 行：没有村民小组“上庄”")
    assert count(shop) == before


def test_a_file_without_the_needed_columns_is_refused(shop):
    with pytest.raises(ImportProblems) as refused:
        households.import_csv(shop.db, shop.admin, "名字,电话\n张三,1\n".encode())
    assert refused.value.problems[0][0] == 1
    assert "户主" in refused.value.problems[0][1].message()


def test_a_file_that_is_not_text_is_refused(shop):
    with pytest.raises(ShopError) as refused:
        households.import_csv(shop.db, shop.admin, bytes(range(128, 256)) * 4)
    assert refused.value.key in {"csv_encoding", "import_refused"}


cell = st.one_of(st.sampled_from(["张三", "啊道", "富庄", "3", "0", "-1", "", "138", "13800138000",
                                  "杜河沟", "上庄", "９", " 4 ", "x" * 30, '"', ",", "\n"]),
                 st.text(max_size=6))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=5), max_size=8),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_fuzzed_files_import_completely_or_not_at_all(shop, rows, encoding):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["户主", "村民小组", "人口", "电话"])
    writer.writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    before = count(shop)
    try:
        created = households.import_csv(shop.db, shop.admin, data)
    except ShopError:
        assert count(shop) == before
    else:
        assert count(shop) == before + len(created)
        assert len(created) == sum(1 for r in rows if any(c.strip() for c in r))
