"""The plain workbook writer, read back by openpyxl as a user's spreadsheet would read it."""

import zipfile

import pytest
from openpyxl import load_workbook

from printing.xlsx import Sheet, write


def test_sheets_come_back_with_their_text_numbers_and_bold_headers(tmp_path):
    path = tmp_path / "county.xlsx"
    write(path, [
        Sheet("各村", ["村", "户数", "户均"], [["东岭村", 50, 1.25], ["西沟村 <&> \"", 0, None],
                                              ["=SUM(A1)", -3, 2.0], ["+1", "", 7]]),
        Sheet("需要关注", ["事项"], [["控制\x01字符"]] + [[f"第{n}行"] for n in range(1, 31)]),
    ])
    book = load_workbook(path)
    assert book.sheetnames == ["各村", "需要关注"]
    villages = book["各村"]
    assert [[c.value for c in row] for row in villages.iter_rows()] == [
        ["村", "户数", "户均"], ["东岭村", 50, 1.25], ['西沟村 <&> "', 0, None],
        ["'=SUM(A1)", -3, 2], ["'+1", None, 7]]
    assert all(c.font.b for c in villages[1]) and not villages["A2"].font.b
    attention = book["需要关注"]
    assert attention.max_row == 32 and attention["A2"].value == "控制\ufffd字符"
    assert attention["A32"].value == "第30行"
    assert not list(tmp_path.glob(".*.part"))


def test_a_wide_sheet_names_its_columns_past_z(tmp_path):
    path = tmp_path / "wide.xlsx"
    write(path, [Sheet("宽", [f"c{n}" for n in range(30)], [list(range(30))])])
    sheet = load_workbook(path)["宽"]
    assert sheet["Z2"].value == 25 and sheet["AD2"].value == 29 and sheet["AD1"].value == "c29"
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None


@pytest.mark.parametrize("title", ["", "a" * 32, "a/b", "月[1]"])
def test_a_title_a_spreadsheet_refuses_is_refused(tmp_path, title):
    with pytest.raises(ValueError):
        write(tmp_path / "x.xlsx", [Sheet(title, ["a"], [])])
