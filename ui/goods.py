"""Goods and stock (商品与库存): the catalogue by zone, intake (donation or purchase), the stock
count with its differences shown before saving (write-offs approved by a supervisor), the
donation register, and goods labels.

A scan goes to the tab in front: into the code field of the catalogue form, as a line of the
intake, or to the item's row in the count.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QRadioButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from pos import counter, goods, messages, sheets, stock, vocabulary
from pos.errors import ShopError
from printing import labels
from ui import forms
from ui.models import Column, RowsModel
from ui.shell import Area, Screen, register

LOW_STOCK = 5


def yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


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


def goods_model() -> GoodsModel:
    return GoodsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "编码"), lambda g: g.code),
        Column(QT_TRANSLATE_NOOP("RowsModel", "名称"), lambda g: g.name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "区"), lambda g: g.zone),
        Column(QT_TRANSLATE_NOOP("RowsModel", "兑换分值"), lambda g: str(g.price_points), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "参考价（元）"), lambda g: yuan(g.value_fen), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "单位"), lambda g: g.unit),
        Column(QT_TRANSLATE_NOOP("RowsModel", "库存"), lambda g: str(g.stock) + (" ⚠" if g.active and g.stock < GoodsModel.low else ""),
               right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda g: "兑换中" if g.active else "已停"),
    ])


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


def donation_model() -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda d: d.received_on.isoformat()),
        Column(QT_TRANSLATE_NOOP("RowsModel", "捐赠方"), lambda d: d.donor),
        Column(QT_TRANSLATE_NOOP("RowsModel", "类型"), lambda d: messages.donor_type(d.donor_type)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "物品"), lambda d: d.goods),
        Column(QT_TRANSLATE_NOOP("RowsModel", "数量"), lambda d: f"{d.quantity} {d.unit}", right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "价值（元）"), lambda d: yuan(d.value_fen), right=True),
    ])


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


class CatalogueTab(QWidget):
    def __init__(self, screen: GoodsScreen):
        super().__init__(screen)
        self.screen = screen
        self.editing: goods.GoodsView | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("goodsSearch")
        self.search.setPlaceholderText(self.tr("名称、拼音首字母或编码"))
        self.search.setClearButtonEnabled(True)
        self.zone = QComboBox(self)
        self.zone.addItem(self.tr("全部区"), None)
        for name in goods.ZONES:
            self.zone.addItem(name, name)
        self.inactive = QCheckBox(self.tr("含已停"), self)
        self.low = QSpinBox(self)
        self.low.setRange(0, 1000)
        self.low.setValue(GoodsModel.low)
        self.low.setPrefix(self.tr("库存低于 "))
        self.low.setSuffix(self.tr(" 标红"))
        self.model = goods_model()
        self.view = forms.table(self.model, self, stretch=1)
        self.view.setObjectName("goods")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.zone)
        top.addWidget(self.inactive)
        top.addWidget(self.low)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.view, 1)

        box = QGroupBox(self.tr("商品信息"), self)
        self.form_title = forms.big(QLabel(self.tr("新增商品"), box), 1.05, True)
        self.code = QLineEdit(box)
        self.code.setObjectName("goodsCode")
        self.code.setPlaceholderText(self.tr("扫厂家条码；空着自动生成"))
        self.name = QLineEdit(box)
        self.name.setObjectName("goodsName")
        self.form_zone = QComboBox(box)
        self.form_zone.addItems(list(goods.ZONES))
        self.points = QSpinBox(box)
        self.points.setObjectName("goodsPoints")
        self.points.setRange(1, 100_000)
        self.value = QDoubleSpinBox(box)
        self.value.setRange(0, 100_000)
        self.value.setDecimals(2)
        self.value.setSuffix(self.tr(" 元"))
        self.unit = QLineEdit("件", box)
        self.active = QCheckBox(self.tr("可以兑换"), box)
        self.active.setChecked(True)
        self.save_button = QPushButton(self.tr("保存"), box)
        self.save_button.setObjectName("saveGoods")
        clear = QPushButton(self.tr("清空"), box)
        edit = QPushButton(self.tr("修改所选商品"), box)
        form = QFormLayout()
        form.addRow(self.tr("编码"), self.code)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("区"), self.form_zone)
        form.addRow(self.tr("兑换分值"), self.points)
        form.addRow(self.tr("参考价值"), self.value)
        form.addRow(self.tr("单位"), self.unit)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(clear)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.form_title)
        box_layout.addLayout(form)
        box_layout.addLayout(buttons)
        box_layout.addWidget(edit)

        label_box = QGroupBox(self.tr("商品标签"), self)
        self.layout_choice = QComboBox(label_box)
        self.layout_choice.addItem(self.tr("A4 每页 24 张（70×37 毫米）"), "a4-3x8")
        self.layout_choice.addItem(self.tr("A4 每页 40 张（52.5×29.7 毫米）"), "a4-4x10")
        self.copies = QSpinBox(label_box)
        self.copies.setRange(1, 500)
        self.copies.setPrefix(self.tr("每种 "))
        self.copies.setSuffix(self.tr(" 张"))
        self.labels_button = QPushButton(self.tr("打印所选商品的标签（不选则全部）"), label_box)
        self.labels_button.setObjectName("labels")
        label_layout = QVBoxLayout(label_box)
        label_layout.addWidget(self.layout_choice)
        label_layout.addWidget(self.copies)
        label_layout.addWidget(self.labels_button)

        right = QVBoxLayout()
        right.addWidget(box)
        right.addWidget(label_box)
        right.addStretch(1)
        side = QWidget(self)
        side.setLayout(right)
        side.setFixedWidth(380)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(side)

        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(250)
        timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: timer.start())
        self.zone.currentIndexChanged.connect(lambda _i: self.reload())
        self.inactive.toggled.connect(lambda _c: self.reload())
        self.low.valueChanged.connect(self._low_changed)
        self.save_button.clicked.connect(self.save)
        clear.clicked.connect(self.clear_form)
        edit.clicked.connect(self.edit_selected)
        self.labels_button.clicked.connect(self.print_labels)

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

        s.ops.read(read, bar=s.bar, done=self.model.set_rows)

    def dirty(self) -> bool:
        if self.editing is None:
            return bool(self.name.text().strip() or self.code.text().strip())
        e = self.editing
        return (self.name.text().strip(), self.form_zone.currentText(), self.points.value(),
                round(self.value.value() * 100), self.unit.text().strip(), self.active.isChecked()) != \
            (e.name, e.zone, e.price_points, e.value_fen, e.unit, e.active)

    def edit_selected(self) -> None:
        rows = forms.selected_rows(self.view)
        if len(rows) != 1:
            self.screen.bar.refuse(self.tr("请先在列表里选中一种商品。"))
            return
        if self.dirty():
            self.screen.bar.info(self.tr("右边表单里还有没保存的内容：先保存或清空。"))
            return
        item = self.editing = rows[0]
        self.form_title.setText(self.tr("修改：%1").replace("%1", item.name))
        self.code.setText(item.code)
        self.code.setReadOnly(True)
        self.name.setText(item.name)
        self.form_zone.setCurrentText(item.zone)
        self.points.setValue(item.price_points)
        self.value.setValue(item.value_fen / 100)
        self.unit.setText(item.unit)
        self.active.setChecked(item.active)

    def clear_form(self) -> None:
        self.editing = None
        self.form_title.setText(self.tr("新增商品"))
        self.code.setReadOnly(False)
        for field in (self.code, self.name):
            field.clear()
        self.points.setValue(1)
        self.value.setValue(0)
        self.unit.setText("件")
        self.active.setChecked(True)

    def save(self) -> None:
        s = self.screen
        code, name, zone = self.code.text().strip(), self.name.text(), self.form_zone.currentText()
        points, fen, unit, active = self.points.value(), round(self.value.value() * 100), self.unit.text(), self.active.isChecked()
        if self.editing is None:
            call = lambda: goods.add(s.db, s.actor, name, zone, points, fen, unit, code or None)  # noqa: E731
        else:
            old = self.editing.code
            call = lambda: goods.change(s.db, s.actor, old, name=name.strip(), zone=zone, price_points=points,  # noqa: E731
                                        value_fen=fen, unit=unit.strip(), active=active)
        s.ops.write(call, widget=self.save_button, bar=s.bar, done=self._saved, areas={"goods"})

    def _saved(self, item: goods.GoodsView) -> None:
        new = self.editing is None
        self.clear_form()
        self.screen.bar.done((self.tr("已新增 %1，编码 %2。记得打印标签、办理入库。") if new else
                              self.tr("已保存 %1（编码 %2）。")).replace("%1", item.name).replace("%2", item.code))

    def scanned(self, code: str) -> None:
        if self.editing is None:
            self.code.setText(code)
            self.name.setFocus()
        else:
            self.search.setText(code)

    def print_labels(self) -> None:
        s = self.screen
        chosen = [g.code for g in forms.selected_rows(self.view)] or None
        layout, copies = labels.LAYOUTS[self.layout_choice.currentData()], self.copies.value()
        path = forms.pdf_path("labels")

        def work(report):
            faces = sheets.label_faces(s.db, s.actor, chosen, copies)
            if not faces:
                raise ShopError("nothing_to_print")
            report(0, 0, self.tr("正在生成 %1 张标签……").replace("%1", str(len(faces))))
            return len(faces), labels.render(faces, layout, path)

        s.ops.read(work, widget=self.labels_button, bar=s.bar, progress=True, title=self.tr("生成标签"),
                   done=lambda r: self._labels_done(path, *r))

    def _labels_done(self, path, count: int, pages: int) -> None:
        self.screen.last_pdf = path
        self.screen.bar.done(self.tr("已生成 %1 张标签，%2 页：%3").replace("%1", str(count))
                             .replace("%2", str(pages)).replace("%3", str(path)))
        forms.open_file(path)


class IntakeTab(QWidget):
    def __init__(self, screen: GoodsScreen):
        super().__init__(screen)
        self.screen = screen
        self.donation = QRadioButton(self.tr("捐赠"), self)
        self.purchase = QRadioButton(self.tr("采购"), self)
        self.donation.setChecked(True)
        self.donor = QLineEdit(self)
        self.donor.setObjectName("donor")
        self.donor.setPlaceholderText(self.tr("捐赠人或单位"))
        self.donor_type = QComboBox(self)
        for key in vocabulary.DONOR_TYPES:
            self.donor_type.addItem(messages.donor_type(key), key)
        self.funding = QComboBox(self)
        self.funding.addItems(list(stock.FUNDING))
        self.received_on = forms.date_field(self)
        self.code = QLineEdit(self)
        self.code.setObjectName("intakeCode")
        self.code.setPlaceholderText(self.tr("扫码，或输入编码/名称首字母后回车"))
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("intakeQuantity")
        self.quantity.setRange(1, 100_000)
        add = QPushButton(self.tr("加入"), self)
        remove = QPushButton(self.tr("删去所选行"), self)
        self.lines = intake_model()
        self.view = forms.table(self.lines, self, stretch=1)
        self.total = forms.big(QLabel(self), 1.15, True)
        self.save_button = forms.big(QPushButton(self.tr("入库"), self), 1.15, True)
        self.save_button.setObjectName("saveIntake")
        self.save_button.setMinimumHeight(48)

        source = QGroupBox(self.tr("来源"), self)
        form = QFormLayout(source)
        kind = QHBoxLayout()
        kind.addWidget(self.donation)
        kind.addWidget(self.purchase)
        kind.addStretch(1)
        form.addRow(self.tr("方式"), kind)
        form.addRow(self.tr("捐赠方"), self.donor)
        form.addRow(self.tr("捐赠方类型"), self.donor_type)
        form.addRow(self.tr("资金来源（采购）"), self.funding)
        form.addRow(self.tr("收到日期"), self.received_on)
        source.setFixedWidth(420)
        entry = QHBoxLayout()
        entry.addWidget(self.code, 1)
        entry.addWidget(self.quantity)
        entry.addWidget(add)
        entry.addWidget(remove)
        right = QVBoxLayout()
        right.addLayout(entry)
        right.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.save_button)
        right.addLayout(bottom)
        layout = QHBoxLayout(self)
        column = QVBoxLayout()
        column.addWidget(source)
        column.addStretch(1)
        layout.addLayout(column)
        layout.addLayout(right, 1)

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
        gone = {l.code for l in forms.selected_rows(self.view)}
        self.lines.set_rows([l for l in self.lines.rows if l.code not in gone])
        self._totals()

    def _totals(self) -> None:
        rows = self.lines.rows
        self.total.setText(self.tr("%1 种，%2 件，价值 %3 元").replace("%1", str(len(rows)))
                           .replace("%2", str(sum(l.quantity for l in rows)))
                           .replace("%3", yuan(sum(l.value_fen for l in rows))))

    def save(self) -> None:
        if not self.lines.rows:
            self.screen.bar.refuse(ShopError("intake_empty").message(self.screen.ops.lang))
            return
        who = (self.tr("%1（%2）捐赠").replace("%1", self.donor.text().strip() or "?")
               .replace("%2", self.donor_type.currentText()) if self.donation.isChecked()
               else self.tr("采购，资金来源：%1").replace("%1", self.funding.currentText()))
        forms.confirm(self.screen, self.tr("入库：%1\n%2").replace("%1", who).replace("%2", self.total.text()),
                      self._save, yes=self.tr("入库"))

    def _save(self) -> None:
        s = self.screen
        lines = [stock.IntakeLine(l.code, l.quantity) for l in self.lines.rows]
        source = vocabulary.Source.DONATION if self.donation.isChecked() else vocabulary.Source.PURCHASE
        donor, donor_type, funding = self.donor.text(), self.donor_type.currentData(), self.funding.currentText()
        day = forms.date_of(self.received_on)
        s.ops.write(lambda: stock.intake(s.db, s.actor, lines, source=source, donor=donor, donor_type=donor_type,
                                         funding=funding, received_on=day),
                    widget=self.save_button, bar=s.bar, done=self._saved, areas={"goods", "stock"})

    def _saved(self, result: stock.IntakeResult) -> None:
        self.lines.set_rows([])
        self._totals()
        self.screen.bar.done(self.tr("已入库 %1 种，共 %2 件，价值 %3 元（入库单 %4）").replace(
            "%1", str(len(result.lines))).replace("%2", str(sum(l[2] for l in result.lines))).replace(
            "%3", yuan(result.value_fen)).replace("%4", str(result.intake_id)))


class CountTab(QWidget):
    def __init__(self, screen: GoodsScreen):
        super().__init__(screen)
        self.screen = screen
        self.zone = QComboBox(self)
        self.zone.setObjectName("countZone")
        for name in goods.ZONES:
            self.zone.addItem(name, name)
        self.zone.addItem(self.tr("全部区"), None)
        self.model = CountModel(self)
        self.model.on_counted = self._summary
        self.view = forms.table(self.model, self, stretch=1)
        self.view.setObjectName("count")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("countReason")
        self.reason.setPlaceholderText(self.tr("有差异时写明原因，如：受潮损坏、过期"))
        self.summary = forms.big(QLabel(self), 1.15, True)
        self.summary.setWordWrap(True)
        self.save_button = forms.big(QPushButton(self.tr("核对差异并保存"), self), 1.15, True)
        self.save_button.setObjectName("saveCount")
        self.save_button.setMinimumHeight(48)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("盘点哪个区"), self))
        top.addWidget(self.zone)
        top.addWidget(QLabel(self.tr("在黄色的“实点数量”一列输入点到的数量；扫码跳到那件商品"), self), 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("原因"), self))
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)
        self.zone.currentIndexChanged.connect(lambda _i: self.reload())
        self.save_button.clicked.connect(self.save)

    def reload(self) -> None:
        s, zone = self.screen, self.zone.currentData()
        if self.model.differences():
            s.bar.info(self.tr("上一个区点好的数量还没保存，已放下。"))
        self.model.counted = {}
        s.ops.read(lambda: goods.search(s.db, s.actor, "", zone), bar=s.bar, done=self.model.set_rows)

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
        forms.confirm(self.screen, self.tr("盘点差异：\n%1\n\n保存后按实点数量调整库存，需要监督员审批。").replace("%1", lines),
                      self._save, yes=self.tr("保存并请监督员审批"))

    def _save(self) -> None:
        s = self.screen
        counted = {g.code: c for g, c in self.model.differences()}
        reason = self.reason.text()
        forms.with_approval(s, lambda approval: stock.count(s.db, s.actor, counted, reason, approval),
                            widget=self.save_button, done=self._saved, areas={"goods", "stock"})

    def _saved(self, result: stock.CountResult) -> None:
        self.model.counted = {}
        self.reason.clear()
        self.screen.bar.done(self.tr("盘点已保存：%1 种调整了库存，审批人 %2。").replace(
            "%1", str(len(result.differences))).replace("%2", result.approver or "-"))
        self.reload()


class DonationsTab(QWidget):
    def __init__(self, screen: GoodsScreen):
        super().__init__(screen)
        self.screen = screen
        self.start = forms.date_field(self, date(date.today().year, 1, 1))
        self.end = forms.date_field(self)
        self.model = donation_model()
        self.view = forms.table(self.model, self, stretch=3)
        self.total = forms.big(QLabel(self), 1.1, True)
        show = QPushButton(self.tr("查看"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("从"), self))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("到"), self))
        top.addWidget(self.end)
        top.addWidget(show)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total)
        show.clicked.connect(self.reload)

    def reload(self) -> None:
        s, start, end = self.screen, forms.date_of(self.start), forms.date_of(self.end)
        s.ops.read(lambda: stock.donation_register(s.db, s.actor, start, end), bar=s.bar, done=self._rows)

    def _rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.total.setText(self.tr("%1 笔捐赠，价值 %2 元").replace("%1", str(len({r.intake_id for r in rows})))
                           .replace("%2", yuan(sum(r.value_fen for r in rows))))


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
        layout = QVBoxLayout(self)
        layout.addWidget(forms.title(self.tr("商品与库存"), self))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.bar)
        self.tabs.currentChanged.connect(lambda _i: self.bar.clear())
        self.catalogue.reload()
        self.count.reload()
        self.donations.reload()

    def scan(self, code: str) -> None:
        tab = self.tabs.currentWidget()
        if tab is self.intake:
            self.intake.add(code)
        elif tab is self.count:
            self.count.scanned(code)
        else:
            self.catalogue.scanned(code)

    def on_changed(self, areas) -> None:
        if areas & {"goods", "stock", "ledger"}:
            self.catalogue.reload()
            if not self.count.model.differences():
                self.count.reload()
        if "stock" in areas:
            self.donations.reload()


register(Area("goods", QT_TRANSLATE_NOOP("Areas", "商品与库存"), "F7", GoodsScreen, order=50))
