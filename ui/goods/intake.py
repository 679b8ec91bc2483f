"""Stock intake (入库): a donation (from whom) or a purchase (from which funds), its lines
scanned or typed, then taken into stock at once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QLabel, QPushButton, QRadioButton, QWidget,
)

from pos import counter, goods, messages, stock
from pos.errors import ShopError
from pos.vocabulary import DONOR_TYPES, FUNDING, Area, Source
from ui import widgets
from ui.models import Column, RowsModel, yuan

if TYPE_CHECKING:
    from ui.goods.screen import GoodsScreen


@dataclass(frozen=True)
class Line:
    code: str
    name: str
    unit: str
    quantity: int
    value_fen: int  # the line's total


def intake_model() -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "编码"), lambda l: l.code),
        Column(QT_TRANSLATE_NOOP("RowsModel", "名称"), lambda l: l.name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "数量"), lambda l: f"{l.quantity} {l.unit}", right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "价值（元）"), lambda l: yuan(l.value_fen), right=True),
    ])


class IntakeTab(QWidget):
    def __init__(self, screen: GoodsScreen):
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
        self.total = widgets.big(QLabel(self), 1.15, True)
        self.save_button = widgets.big(QPushButton(self.tr("入库"), self), 1.15, True)
        self.save_button.setObjectName("saveIntake")
        self.save_button.setMinimumHeight(48)

        source = widgets.form_box(
            self.tr("来源"), self, (self.tr("方式"), widgets.row(self.donation, self.purchase, widgets.STRETCH)),
            (self.tr("捐赠方"), self.donor), (self.tr("捐赠方类型"), self.donor_type),
            (self.tr("资金来源（采购）"), self.funding), (self.tr("收到日期"), self.received_on))
        source.setFixedWidth(420)
        right = widgets.column(widgets.row((self.code, 1), self.quantity, add, remove), (self.view, 1),
                               widgets.row((self.total, 1), self.save_button))
        widgets.row(widgets.column(source, widgets.STRETCH), (right, 1), parent=self)

        self.donation.toggled.connect(self._source_changed)
        add.clicked.connect(self.add_typed)
        self.code.returnPressed.connect(self.add_typed)
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
                total = line.quantity + quantity
                rows[number] = replace(line, quantity=total, value_fen=item.value_fen * total)
                break
        else:
            rows.append(Line(item.code, item.name, item.unit, quantity, item.value_fen * quantity))
        self.lines.set_rows(rows)
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
        widgets.confirm(self.screen, self.tr("入库：%1\n%2").replace("%1", who).replace("%2", self.total.text()),
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
