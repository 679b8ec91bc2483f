"""The donation register (捐赠登记): what came from whom, between two days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from pos import messages, stock
from ui import widgets
from ui.models import Column, RowsModel, yuan
from ui.shell import Screen


def donation_model(lang: str = "zh") -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda d: d.received_on.isoformat()),
        Column(QT_TRANSLATE_NOOP("RowsModel", "捐赠方"), lambda d: d.donor),
        Column(QT_TRANSLATE_NOOP("RowsModel", "类型"), lambda d: messages.donor_type(d.donor_type, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "物品"), lambda d: d.goods),
        Column(QT_TRANSLATE_NOOP("RowsModel", "数量"), lambda d: f"{d.quantity} {d.unit}", right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "价值（元）"), lambda d: yuan(d.value_fen), right=True),
    ])


class DonationsTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.start = widgets.date_field(self, date(widgets.today().year, 1, 1))
        self.end = widgets.date_field(self)
        self.model = donation_model(screen.lang)
        self.view = widgets.table(self.model, self, stretch=3)
        self.total = widgets.big(QLabel(self), 1.1, True)
        show = QPushButton(self.tr("查看"), self)
        top = widgets.row(QLabel(self.tr("从"), self), self.start, QLabel(self.tr("到"), self), self.end, show,
                          widgets.STRETCH)
        widgets.column(top, (self.view, 1), self.total, parent=self)
        show.clicked.connect(self.reload)

    def reload(self) -> None:
        s, start, end = self.screen, widgets.date_of(self.start), widgets.date_of(self.end)
        s.ops.read(lambda: stock.donation_register(s.db, s.actor, start, end), bar=s.bar, done=self._rows, newest=self)

    def _rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.total.setText(self.tr("%1 笔捐赠，价值 %2 元").replace("%1", str(len({r.intake_id for r in rows})))
                           .replace("%2", yuan(sum(r.value_fen for r in rows))))
