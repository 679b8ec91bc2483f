"""Goods and stock (商品与库存): the catalogue by zone, intake (donation or purchase), the stock
count with its differences shown before saving (write-offs approved by a supervisor), the
donation register, and goods labels; one module a tab.

A scan goes to the tab in front: into the code field of the catalogue form, as a line of the
intake, or to the item's row in the count.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTabWidget

from pos.vocabulary import Area
from ui import widgets
from ui.goods.catalogue import CatalogueTab
from ui.goods.count import CountTab
from ui.goods.donations import DonationsTab
from ui.goods.intake import IntakeTab
from ui.shell import Entry, Screen, register


class GoodsScreen(Screen):
    accepts_scans = True

    def __init__(self, shell):
        super().__init__(shell)
        self.tabs = QTabWidget(self)
        self.catalogue = CatalogueTab(self)
        self.intake = IntakeTab(self)
        self.count = CountTab(self)
        self.donations = DonationsTab(self)
        self.tabs.addTab(self.catalogue, self.tr("商品目录"))
        self.tabs.addTab(self.intake, self.tr("入库"))
        self.tabs.addTab(self.count, self.tr("盘点"))
        self.tabs.addTab(self.donations, self.tr("捐赠登记"))
        widgets.column(widgets.title(self.tr("商品与库存"), self), (self.tabs, 1), self.bar, parent=self)
        self.tabs.currentChanged.connect(lambda _i: self.bar.clear())
        self.catalogue.reload()
        self.count.reload()
        self.donations.reload()

    def scan(self, code: str) -> None:
        tab = self.tabs.currentWidget()
        if tab is self.intake:
            self.intake.add(code, self.intake.quantity.value())  # the quantity typed before the scan
        elif tab is self.count:
            self.count.scanned(code)
        else:
            self.catalogue.scanned(code)

    def on_changed(self, areas: frozenset[Area]) -> None:
        if areas & {Area.GOODS, Area.STOCK, Area.LEDGER}:
            self.catalogue.reload()
            if not self.count.model.differences():
                self.count.reload()
        if Area.STOCK in areas:
            self.donations.reload()


register(Entry("goods", QT_TRANSLATE_NOOP("Areas", "商品与库存"), "F7", GoodsScreen, order=50))
