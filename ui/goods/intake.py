"""Stock intake (入库): a donation (from whom) or a purchase (from which funds), its lines
scanned or typed, then taken into stock at once.

Fifty donated bags are not fifty scans: type 50 in the quantity box, scan one bag, and the
line has 50 (the box goes back to 1). A line's quantity is corrected in the list itself:
type the number on the line, or F2 / a double click."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QLabel, QPushButton, QRadioButton, QSpinBox, QStyledItemDelegate, QWidget,
)

from pos import counter, goods, messages, stock
from pos.errors import ShopError
from pos.vocabulary import DONOR_TYPES, FUNDING, Area, Source
from ui import asking, widgets
from ui.models import Column, RowsModel, yuan
from ui.shell import Screen
from ui.sizes import px


@dataclass(frozen=True)
class Line:
    code: str
    name: str
    unit: str
    quantity: int
    unit_fen: int  # one piece's value

    @property
    def value_fen(self) -> int:  # the line's total
        return self.unit_fen * self.quantity


QUANTITY = 2
MAX_QUANTITY = 100_000


class IntakeModel(RowsModel):
    """The intake's lines; a line's quantity is edited in place."""

    on_edit = staticmethod(lambda: None)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == QUANTITY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == QUANTITY \
                and index.row() < len(self.rows):
            return self.rows[index.row()].quantity
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != QUANTITY:
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        if not 1 <= quantity <= MAX_QUANTITY:
            return False
        self.rows[index.row()] = replace(self.rows[index.row()], quantity=quantity)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.on_edit()
        return True


class QuantityEditor(QStyledItemDelegate):
    """A number box for a line's quantity (the whole range an intake allows)."""

    def createEditor(self, parent, option, index):
        box = QSpinBox(parent)
        box.setRange(1, MAX_QUANTITY)
        box.setObjectName("lineQuantity")
        return box


def intake_model() -> IntakeModel:
    return IntakeModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "编码"), lambda l: l.code),
        Column(QT_TRANSLATE_NOOP("RowsModel", "名称"), lambda l: l.name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "数量"), lambda l: f"{l.quantity} {l.unit}", right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "价值（元）"), lambda l: yuan(l.value_fen), right=True),
    ])


class IntakeTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.donation = QRadioButton(self.tr("捐赠"), self)
        self.purchase = QRadioButton(self.tr("采购"), self)
        self.donation.setChecked(True)
        self.donor = widgets.field(self, "donor", self.tr("捐赠人或单位"))
        self.donor_type = widgets.choices(self, [(messages.donor_type(key, screen.lang), key) for key in DONOR_TYPES])
        self.funding = widgets.choices(self, [(messages.stored(funding, screen.lang), funding) for funding in FUNDING])
        self.received_on = widgets.date_field(self)
        self.code = widgets.field(self, "intakeCode", self.tr("扫码，或输入编码/名称首字母后回车"))
        self.quantity = widgets.spin_box(self, 1, 100_000, name="intakeQuantity")
        add = QPushButton(self.tr("加入"), self)
        remove = QPushButton(self.tr("删去所选行"), self)
        self.lines = intake_model()
        self.view = widgets.table(self.lines, self, stretch=1)
        self.view.setObjectName("intakeLines")
        self.view.setItemDelegateForColumn(QUANTITY, QuantityEditor(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.lines.on_edit = self._totals
        self.total = widgets.big(QLabel(self), 1.15, True)
        self.save_button = widgets.big(QPushButton(self.tr("入库"), self), 1.15, True)
        self.save_button.setObjectName("saveIntake")
        self.save_button.setMinimumHeight(px(48))

        source = widgets.form_box(
            self.tr("来源"), self, (self.tr("方式"), widgets.row(self.donation, self.purchase, widgets.STRETCH)),
            (self.tr("捐赠方"), self.donor), (self.tr("捐赠方类型"), self.donor_type),
            (self.tr("资金来源（采购）"), self.funding), (self.tr("收到日期"), self.received_on))
        source.setFixedWidth(px(420))
        right = widgets.column(widgets.row((self.code, 1), self.quantity, add, remove), (self.view, 1),
                               widgets.row((self.total, 1), self.save_button))
        widgets.row(widgets.column(source, widgets.STRETCH), (right, 1), parent=self)

        self.donation.toggled.connect(self._source_changed)
        add.clicked.connect(self.add_typed)
        widgets.enter_submits(self, self.add_typed, self.code, self.quantity)
        remove.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(self.save)
        self._source_changed()
        self._totals()

    def _source_changed(self) -> None:
        donation = self.donation.isChecked()
        self.donor.setEnabled(donation)
        self.donor_type.setEnabled(donation)
        self.funding.setEnabled(not donation)

    def add_typed(self) -> None:
        text = self.code.text().strip()
        if text:
            self.add(text, self.quantity.value())

    def add(self, code: str, quantity: int = 1) -> None:
        s = self.screen

        def find():
            try:
                return goods.get(s.db, s.actor, code)
            except ShopError:
                matches = counter.goods_matching(s.db, s.actor, code)
                if len(matches) == 1:
                    return matches[0]
                raise

        s.ops.read(find, bar=s.bar, done=lambda item: self._add(item, quantity))

    def _add(self, item: goods.GoodsView, quantity: int) -> None:
        rows = list(self.lines.rows)
        for number, line in enumerate(rows):
            if line.code == item.code:
                rows[number] = replace(line, quantity=min(line.quantity + quantity, MAX_QUANTITY))
                break
        else:
            number = len(rows)
            rows.append(Line(item.code, item.name, item.unit, quantity, item.value_fen))
        self.lines.set_rows(rows)
        self.view.selectRow(number)
        self.code.clear()
        self.quantity.setValue(1)
        self.code.setFocus()
        self._totals()
        self.screen.bar.info(self.tr("加入 %1 × %2").replace("%1", item.name).replace("%2", str(quantity)))

    def remove_selected(self) -> None:
        gone = {l.code for l in widgets.selected_rows(self.view)}
        self.lines.set_rows([l for l in self.lines.rows if l.code not in gone])
        self._totals()

    def _totals(self) -> None:
        rows = self.lines.rows
        self.total.setText(self.tr("%1 种，%2 件，价值 %3 元").replace("%1", str(len(rows)))
                           .replace("%2", str(sum(l.quantity for l in rows)))
                           .replace("%3", yuan(sum(l.value_fen for l in rows))))

    def save(self) -> None:
        if not self.lines.rows:
            self.screen.bar.refuse(ShopError("intake_empty").message(self.screen.lang))
            return
        who = (self.tr("%1（%2）捐赠").replace("%1", self.donor.text().strip() or "?")
               .replace("%2", self.donor_type.currentText()) if self.donation.isChecked()
               else self.tr("采购，资金来源：%1").replace("%1", self.funding.currentText()))
        asking.confirm(self.screen, self.tr("入库：%1\n%2").replace("%1", who).replace("%2", self.total.text()),
                       self._save, yes=self.tr("入库"))

    def _save(self) -> None:
        s = self.screen
        lines = [stock.IntakeLine(l.code, l.quantity) for l in self.lines.rows]
        source = Source.DONATION if self.donation.isChecked() else Source.PURCHASE
        donor, donor_type, funding = self.donor.text(), self.donor_type.currentData(), self.funding.currentData()
        day = widgets.date_of(self.received_on)
        s.ops.write(lambda: stock.intake(s.db, s.actor, lines, source=source, donor=donor, donor_type=donor_type,
                                         funding=funding, received_on=day),
                    widget=self.save_button, bar=s.bar, done=self._saved, areas={Area.GOODS, Area.STOCK})

    def _saved(self, result: stock.IntakeResult) -> None:
        self.lines.set_rows([])
        self._totals()
        self.screen.bar.done(self.tr("已入库 %1 种，共 %2 件，价值 %3 元（入库单 %4）").replace(
            "%1", str(len(result.lines))).replace("%2", str(sum(l[2] for l in result.lines))).replace(
            "%3", yuan(result.value_fen)).replace("%4", str(result.intake_id)))
