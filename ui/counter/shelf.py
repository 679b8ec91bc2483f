"""Goods without a barcode, as large buttons on a tab for each zone beside the cart."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QScrollArea, QSizePolicy, QTabWidget, QWidget

from pos import messages
from pos.vocabulary import ZONES
from ui.sizes import px

# Six tabs must fit beside the cart at 1366×768 and 150 %; the zone's whole name is the tab's tooltip.
SHORT = {"家用电器区": "家电"}
SHORT_EN = {"粮油区": "grain", "日用品区": "daily", "洗化区": "washing", "服装区": "clothes", "农资区": "farm",
            "家用电器区": "appliances"}


def zone_title(zone: str, lang: str) -> str:
    if lang == "en":
        return SHORT_EN.get(zone) or messages.stored(zone, lang)
    return SHORT.get(zone, zone.removesuffix("区"))


class Shelf(QTabWidget):
    """A button for each goods, two a row, on its zone's tab; ``chosen`` tells which was pressed."""

    chosen = Signal(object)  # the goods

    def __init__(self, parent, lang: str):
        super().__init__(parent)
        self.setObjectName("zones")
        self.grids: dict[str, QGridLayout] = {}
        for zone in ZONES:
            page = QWidget()
            grid = QGridLayout(page)
            grid.setAlignment(Qt.AlignmentFlag.AlignTop)
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.addTab(scroll, zone_title(zone, lang))
            self.setTabToolTip(self.count() - 1, messages.stored(zone, lang))
            self.grids[zone] = grid
        self.tabBar().setExpanding(False)
        self.setUsesScrollButtons(True)

    def empty(self) -> bool:
        return all(grid.count() == 0 for grid in self.grids.values())

    def fill(self, rows) -> None:
        for grid in self.grids.values():
            while grid.count():
                item = grid.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
        placed: dict[str, int] = {}
        for goods in rows:
            grid = self.grids.get(goods.zone)
            if grid is None:
                continue
            at = placed.get(goods.zone, 0)
            placed[goods.zone] = at + 1
            button = QPushButton(self.tr("%1\n%2 分 · 余 %3").replace("%1", goods.name)
                                 .replace("%2", str(goods.price_points)).replace("%3", str(goods.stock)),
                                 grid.parentWidget())
            button.setMinimumSize(px(150), px(58))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setToolTip(goods.code)
            button.setEnabled(goods.stock > 0)
            button.clicked.connect(lambda _c=False, g=goods: self.chosen.emit(g))
            grid.addWidget(button, at // 2, at % 2)
