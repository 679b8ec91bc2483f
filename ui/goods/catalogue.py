"""The catalogue (商品目录): goods by zone with their stock (low stock in red), the form to
add or change one, and goods labels to print.

Picking one goods in the list loads it into the form (never over typed, unsaved work);
"新增商品" empties the form, and a scanned maker's barcode then becomes the new goods' code.
Enter in any field saves. A price lowered may need a supervisor's approval."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDoubleSpinBox, QGroupBox, QLineEdit, QPushButton,
    QWidget,
)

from pos import counter, goods, messages, sheets
from pos.errors import ShopError
from pos.vocabulary import ZONES, Area
from printing import labels
from ui import asking, documents, widgets
from ui.models import Column, RowsModel, yuan
from ui.shell import Screen
from ui.widgets import tr


LOW_STOCK = 5


class GoodsModel(RowsModel):
    """The catalogue; low stock in red."""

    low = LOW_STOCK

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.row() < len(self.rows):
            row = self.rows[index.row()]
            if row.active and row.stock < self.low:
                return QColor("#a4000f")
            if not row.active:
                return QColor("#8a8a8a")
            return None
        return super().data(index, role)


def goods_model(lang: str = "zh") -> GoodsModel:
    return GoodsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "编码"), lambda g: g.code),
        Column(QT_TRANSLATE_NOOP("RowsModel", "名称"), lambda g: g.name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "区"), lambda g: messages.stored(g.zone, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "兑换分值"), lambda g: str(g.price_points), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "参考价（元）"), lambda g: yuan(g.value_fen), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "单位"), lambda g: g.unit),
        Column(QT_TRANSLATE_NOOP("RowsModel", "库存"),
               lambda g: str(g.stock) + (" ⚠" if g.active and g.stock < GoodsModel.low else ""), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda g: tr("兑换中") if g.active else tr("已停")),
    ])


def zones(lang: str) -> list[tuple[str, str]]:
    """The zones to choose from: each by its name in ``lang``, keeping the zone as stored."""
    return [(messages.stored(zone, lang), zone) for zone in ZONES]


class CatalogueTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.editing: goods.GoodsView | None = None
        self.search = widgets.field(self, "goodsSearch", self.tr("名称、拼音首字母或编码"))
        self.search.setClearButtonEnabled(True)
        self.zone = widgets.choices(self, [(self.tr("全部区"), None), *zones(screen.lang)])
        self.inactive = QCheckBox(self.tr("含已停"), self)
        self.low = widgets.spin_box(self, 0, 1000, prefix=self.tr("库存低于 "), suffix=self.tr(" 标红"))
        self.low.setValue(GoodsModel.low)
        self.model = goods_model(screen.lang)
        self.view = widgets.table(self.model, self, stretch=1)
        self.view.setObjectName("goods")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._picked())
        widgets.down_moves_into(self.search, self.view)
        left = widgets.column(widgets.row((self.search, 1), self.zone, self.inactive, self.low), (self.view, 1))
        widgets.row((left, 1), widgets.side_column(self, 380, self._goods_box(), self._labels_box()), parent=self)

        widgets.debounce(self.search.textChanged, self.reload, self)
        self.zone.currentIndexChanged.connect(lambda _i: self.reload())
        self.inactive.toggled.connect(lambda _c: self.reload())
        self.low.valueChanged.connect(self._low_changed)

    def _goods_box(self) -> QGroupBox:
        self.box = box = widgets.FormBox(self.tr("商品信息"), self, heading=self.tr("新增商品"), save_name="saveGoods",
                                         edit=self.tr("修改所选商品"))
        self.save_button = box.save_button
        box.clear_button.setText(self.tr("新增商品"))
        box.clear_button.setObjectName("newGoods")
        box.edit_button.hide()  # picking goods in the list loads them
        self.code = QLineEdit(box)
        self.code.setObjectName("goodsCode")
        self.code.setPlaceholderText(self.tr("扫厂家条码；空着自动生成"))
        self.name = QLineEdit(box)
        self.name.setObjectName("goodsName")
        self.form_zone = widgets.choices(box, zones(self.screen.lang))
        self.points = widgets.spin_box(box, 1, 100_000, name="goodsPoints")
        self.value = QDoubleSpinBox(box)
        self.value.setRange(0, 100_000)
        self.value.setDecimals(2)
        self.value.setSuffix(self.tr(" 元"))
        self.unit = QLineEdit("件", box)
        self.active = QCheckBox(self.tr("可以兑换"), box)
        self.active.setChecked(True)
        box.form.addRow(self.tr("编码"), self.code)
        box.form.addRow(self.tr("名称"), self.name)
        box.form.addRow(self.tr("区"), self.form_zone)
        box.form.addRow(self.tr("兑换分值"), self.points)
        box.form.addRow(self.tr("参考价值"), self.value)
        box.form.addRow(self.tr("单位"), self.unit)
        box.form.addRow("", self.active)
        box.save_button.clicked.connect(self.save)
        box.clear_button.clicked.connect(self.new_goods)
        box.edit_button.clicked.connect(self.edit_selected)
        widgets.enter_submits(box, self.save, self.code, self.name, self.form_zone, self.points, self.value,
                              self.unit, self.active)
        return box

    def _labels_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("商品标签"), self)
        self.layout_choice = widgets.choices(box, [(self.tr("A4 每页 24 张（70×37 毫米）"), "a4-3x8"),
                                                   (self.tr("A4 每页 40 张（52.5×29.7 毫米）"), "a4-4x10")])
        self.copies = widgets.spin_box(box, 1, 500, prefix=self.tr("每种 "), suffix=self.tr(" 张"))
        self.labels_button = QPushButton(self.tr("打印所选商品的标签（不选则全部）"), box)
        self.labels_button.setObjectName("labels")
        self.labels_button.clicked.connect(self.print_labels)
        widgets.column(self.layout_choice, self.copies, self.labels_button, parent=box)
        return box

    def _low_changed(self, value: int) -> None:
        GoodsModel.low = value
        self.model.set_rows(self.model.rows)

    def reload(self) -> None:
        s = self.screen
        text, zone, inactive = self.search.text(), self.zone.currentData(), self.inactive.isChecked()

        def read():
            rows = goods.search(s.db, s.actor, "", zone, include_inactive=inactive)
            if not text.strip():
                return rows
            hits = {g.code for g in counter.goods_matching(s.db, s.actor, text, zone)}
            query = text.strip().upper()
            return [g for g in rows if g.code in hits or g.code == query or text.strip() in g.name]

        s.ops.read(read, bar=s.bar, done=self.model.set_rows, newest=self.model)

    def dirty(self) -> bool:
        if self.editing is None:
            return bool(self.name.text().strip() or self.code.text().strip())
        e = self.editing
        return (self.name.text().strip(), self.form_zone.currentData(), self.points.value(),
                round(self.value.value() * 100), self.unit.text().strip(), self.active.isChecked()) != \
            (e.name, e.zone, e.price_points, e.value_fen, e.unit, e.active)

    def _picked(self) -> None:
        rows = widgets.selected_rows(self.view)
        if len(rows) == 1 and (self.editing is None or rows[0].code != self.editing.code):
            self.edit_selected()

    def new_goods(self) -> None:
        """An empty form for new goods (the list's choice would load into it again)."""
        if self.dirty() and self.editing is None:
            self.name.setFocus()
            return
        self.view.clearSelection()
        self.clear_form()
        self.code.setFocus()

    def edit_selected(self) -> None:
        rows = widgets.selected_rows(self.view)
        if len(rows) != 1:
            self.screen.bar.refuse(self.tr("请先在列表里选中一种商品。"))
            return
        if self.dirty():
            self.screen.bar.info(self.tr("右边表单里还有没保存的内容：先保存，或点“新增商品”清空。"))
            return
        item = self.editing = rows[0]
        self.box.heading.setText(self.tr("修改：%1").replace("%1", item.name))
        self.code.setText(item.code)
        self.code.setReadOnly(True)
        self.name.setText(item.name)
        self.form_zone.setCurrentIndex(self.form_zone.findData(item.zone))
        self.points.setValue(item.price_points)
        self.value.setValue(item.value_fen / 100)
        self.unit.setText(item.unit)
        self.active.setChecked(item.active)

    def clear_form(self) -> None:
        self.editing = None
        self.box.heading.setText(self.tr("新增商品"))
        self.code.setReadOnly(False)
        for line in (self.code, self.name):
            line.clear()
        self.points.setValue(1)
        self.value.setValue(0)
        self.unit.setText("件")
        self.active.setChecked(True)

    def save(self) -> None:
        s = self.screen
        code, name, zone = self.code.text().strip(), self.name.text(), self.form_zone.currentData()
        points, fen, unit, active = self.points.value(), round(self.value.value() * 100), self.unit.text(), self.active.isChecked()
        if self.editing is None:
            call = lambda: goods.add(s.db, s.actor, name, zone, points, fen, unit, code or None)  # noqa: E731
            s.ops.write(call, widget=self.save_button, bar=s.bar, done=self._saved, areas={Area.GOODS})
            return
        old = self.editing.code
        # A price lowered may need a supervisor's approval: asked when the service says so.
        asking.with_approval(s, asking.approved(goods.change, s.db, s.actor, old, name=name.strip(), zone=zone,
                                                price_points=points, value_fen=fen, unit=unit.strip(),
                                                active=active),
                             widget=self.save_button, done=self._saved, areas={Area.GOODS})

    def _saved(self, item: goods.GoodsView) -> None:
        new = self.editing is None
        self.clear_form()
        self.screen.bar.done((self.tr("已新增 %1，编码 %2。记得打印标签、办理入库。") if new else
                              self.tr("已保存 %1（编码 %2）。")).replace("%1", item.name).replace("%2", item.code))

    def scanned(self, code: str) -> None:
        """A scan: goods in the list are picked; a new code starts new goods (or fills the new
        goods' code); with unsaved changes on the form, the code only searches."""
        known = next((n for n, g in enumerate(self.model.rows) if g.code == code), None)
        if known is not None and not self.dirty():
            self.view.selectRow(known)
            return
        if self.editing is not None and not self.dirty():
            self.view.clearSelection()
            self.clear_form()
        if self.editing is None:
            self.code.setText(code)
            self.name.setFocus()
        else:
            self.search.setText(code)

    def print_labels(self) -> None:
        s = self.screen
        chosen = [g.code for g in widgets.selected_rows(self.view)] or None
        layout, copies = labels.LAYOUTS[self.layout_choice.currentData()], self.copies.value()
        path = documents.path(documents.LABELS)
        lang = s.lang

        def work(report):
            sheet = sheets.label_sheet(s.db, s.actor, chosen, copies, lang)
            if not sheet.faces:
                raise ShopError("nothing_to_print")
            report(0, 0, self.tr("正在生成 %1 张标签……").replace("%1", str(len(sheet.faces))))
            return len(sheet.faces), labels.render(sheet.faces, layout, path, sheet.words)

        s.ops.read(work, widget=self.labels_button, bar=s.bar, progress=True, title=self.tr("生成标签"),
                   done=lambda r: self._labels_done(path, *r))

    def _labels_done(self, path, count: int, pages: int) -> None:
        self.screen.last_pdf = path
        documents.show(self.screen.bar, path, self.tr("已生成 %1 张标签（%2 页），已在 PDF 阅读器中打开，请从那里打印。")
                       .replace("%1", str(count)).replace("%2", str(pages)))
