"""The stock count (盘点): a zone's goods with the counted quantity typed in (or a scan jumps
to the item), the differences shown before saving, and the write-off a supervisor approves."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QWidget

from pos import goods, stock
from pos.vocabulary import Area
from ui import asking, widgets
from ui.goods.catalogue import zones
from ui.models import Column, RowsModel
from ui.shell import Screen
from ui.sizes import px


class CountModel(RowsModel):
    """Goods of a zone with an editable counted quantity (column 4) and the difference."""

    COUNTED = 4

    def __init__(self, parent=None):
        super().__init__([
            Column(QT_TRANSLATE_NOOP("RowsModel", "编码"), lambda g: g.code),
            Column(QT_TRANSLATE_NOOP("RowsModel", "名称"), lambda g: g.name),
            Column(QT_TRANSLATE_NOOP("RowsModel", "单位"), lambda g: g.unit),
            Column(QT_TRANSLATE_NOOP("RowsModel", "账面库存"), lambda g: str(g.stock), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "实点数量"), lambda g: str(self.counted.get(g.code, g.stock)), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "差异"), lambda g: self._difference(g), right=True),
        ], (), parent)
        self.counted: dict[str, int] = {}
        self.on_counted = lambda: None

    def _difference(self, g) -> str:
        difference = self.counted.get(g.code, g.stock) - g.stock
        return f"{difference:+d}" if difference else ""

    def set_rows(self, rows) -> None:
        super().set_rows(rows)
        self.on_counted()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role == Qt.ItemDataRole.EditRole and index.column() == self.COUNTED:
            row = self.rows[index.row()]
            return self.counted.get(row.code, row.stock)
        if role == Qt.ItemDataRole.BackgroundRole:
            row = self.rows[index.row()]
            if index.column() == self.COUNTED:
                return QColor("#fff8d6")
            if self.counted.get(row.code, row.stock) != row.stock:
                return QColor("#fde2e1")
        return super().data(index, role)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == self.COUNTED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.COUNTED:
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        if quantity < 0:
            return False
        self.counted[self.rows[index.row()].code] = quantity
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        self.on_counted()
        return True

    def differences(self) -> list[tuple]:
        """(goods, counted) for every item whose count differs from the books."""
        return [(g, self.counted[g.code]) for g in self.rows if self.counted.get(g.code, g.stock) != g.stock]


class CountTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.zone = widgets.choices(self, [*zones(screen.lang), (self.tr("全部区"), None)], name="countZone")
        self.model = CountModel(self)
        self.model.on_counted = self._summary
        self.view = widgets.table(self.model, self, stretch=1)
        self.view.setObjectName("count")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.reason = widgets.field(self, "countReason", self.tr("有差异时写明原因，如：受潮损坏、过期"))
        self.summary = widgets.big(QLabel(self), 1.15, True)
        self.summary.setWordWrap(True)
        self.save_button = widgets.big(QPushButton(self.tr("核对差异并保存"), self), 1.15, True)
        self.save_button.setObjectName("saveCount")
        self.save_button.setMinimumHeight(px(48))
        top = widgets.row(QLabel(self.tr("盘点哪个区"), self), self.zone,
                          (QLabel(self.tr("在黄色的“实点数量”一列输入点到的数量；扫码跳到那件商品"), self), 1))
        bottom = widgets.row(QLabel(self.tr("原因"), self), (self.reason, 1), self.save_button)
        widgets.column(top, (self.view, 1), self.summary, bottom, parent=self)
        self.zone.currentIndexChanged.connect(lambda _i: self.reload())
        self.save_button.clicked.connect(self.save)

    def reload(self) -> None:
        s, zone = self.screen, self.zone.currentData()
        if self.model.differences():
            s.bar.info(self.tr("上一个区点好的数量还没保存，已放下。"))
        self.model.counted = {}
        s.ops.read(lambda: goods.search(s.db, s.actor, "", zone), bar=s.bar, done=self.model.set_rows,
                   newest=self.model)

    def _summary(self) -> None:
        differences = self.model.differences()
        if not differences:
            self.summary.setText(self.tr("%1 种商品，与账面一致。").replace("%1", str(len(self.model.rows))))
            return
        parts = [f"{g.name} {counted - g.stock:+d}" for g, counted in differences]
        self.summary.setText(self.tr("%1 种有差异：%2").replace("%1", str(len(differences)))
                             .replace("%2", "，".join(parts)))

    def scanned(self, code: str) -> None:
        for number, row in enumerate(self.model.rows):
            if row.code == code:
                index = self.model.index(number, CountModel.COUNTED)
                self.view.setFocus()
                self.view.setCurrentIndex(index)  # the editor opens on the current cell
                return
        self.screen.bar.refuse(self.tr("%1 不在这个区的清单上。").replace("%1", code))

    def save(self) -> None:
        differences = self.model.differences()
        if not differences:
            self.screen.bar.done(self.tr("点好了：与账面一致，不需要保存。"))
            return
        lines = "\n".join(self.tr("%1：账面 %2，实点 %3（%4）").replace("%1", g.name).replace("%2", str(g.stock))
                          .replace("%3", str(c)).replace("%4", f"{c - g.stock:+d}") for g, c in differences)
        asking.confirm(self.screen, self.tr("盘点差异：\n%1\n\n保存后按实点数量调整库存，需要监督员审批。").replace("%1", lines),
                       self._save, yes=self.tr("保存并请监督员审批"))

    def _save(self) -> None:
        s = self.screen
        counted = {g.code: c for g, c in self.model.differences()}
        reason = self.reason.text()
        asking.with_approval(s, lambda approval: stock.count(s.db, s.actor, counted, reason, approval),
                             widget=self.save_button, done=self._saved, areas={Area.GOODS, Area.STOCK})

    def _saved(self, result: stock.CountResult) -> None:
        self.model.counted = {}
        self.reason.clear()
        self.screen.bar.done(self.tr("盘点已保存：%1 种调整了库存，审批人 %2。").replace(
            "%1", str(len(result.differences))).replace("%2", self.screen.shell.person(result.approver) if result.approver else "-"))
        self.reload()
