"""Table models over plain rows pass Qt's model tester."""

from PySide6.QtCore import Qt

from pos import goods, households
from ui.models import Column, RowsModel


def household_model(rows):
    return RowsModel([Column("户主", lambda h: h.head_name), Column("小组", lambda h: h.group),
                      Column("积分", lambda h: str(h.balance), right=True)], rows)


def test_the_households_model_passes_the_model_tester(qtmodeltester, shop):
    model = household_model(households.search(shop.db, shop.admin))
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole).head_name == model.index(0, 0).data()
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)


def test_an_empty_model_and_a_reset_pass_the_model_tester(qtmodeltester, shop):
    model = household_model([])
    qtmodeltester.check(model)
    model.set_rows(goods.search(shop.db, shop.admin) and households.search(shop.db, shop.admin, "zs"))
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["张三"]
