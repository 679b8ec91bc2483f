"""The hygiene round (卫生检查): households × the six 五净一规范 items, ticked, saved at once.

Keyboard: the arrows move, Space ticks the cell, Shift+Space the whole row, Ctrl+Space the
whole column; a click on a column's title ticks (or unticks) that item for everyone. Each
household's points show as they are ticked, and the round's total above the save button.
A blank round sheet (PDF) goes door to door with the inspectors; a filled-in CSV can be
imported instead, its problems shown by row before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QHeaderView, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from pos import households, hygiene, messages, rules, village
from pos.errors import ImportProblems, ShopError
from pos.vocabulary import Area
from printing import roundsheet
from ui import asking, documents, widgets
from ui.models import Column, RowsModel
from ui.shell import Entry, Screen, register
from ui.sizes import px

ITEMS = rules.HYGIENE_ITEMS


class RoundModel(QAbstractTableModel):
    """Rows: households; columns: head, the six items (tick boxes), points."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[households.HouseholdView] = []
        self.names: dict[str, str] = {code: code for code in ITEMS}
        self.points: dict[str, int] = {code: 0 for code in ITEMS}
        self.marks: dict[int, set[str]] = {}
        self.on_marks = lambda: None

    def set_rows(self, rows, names: dict[str, str], points: dict[str, int]) -> None:
        self.beginResetModel()
        self.rows, self.names, self.points = list(rows), dict(names), dict(points)
        self.marks = {h.id: set() for h in self.rows}
        self.endResetModel()
        self.on_marks()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ITEMS) + 2

    def earned(self, household_id: int) -> int:
        return sum(self.points[c] for c in self.marks.get(household_id, ()))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(ITEMS) + 2:
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.head_name
            return None
        if column == len(ITEMS) + 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.earned(row.id))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        code = ITEMS[column - 1]
        ticked = code in self.marks[row.id]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#e3f4e4") if ticked else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section == 0:
            return QCoreApplication.translate("RowsModel", "户主")
        if section == len(ITEMS) + 1:
            return QCoreApplication.translate("RowsModel", "得分")
        if 1 <= section <= len(ITEMS):
            return self.names[ITEMS[section - 1]]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if 1 <= index.column() <= len(ITEMS):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not 1 <= index.column() <= len(ITEMS):
            return False
        self.set_marks([(index.row(), ITEMS[index.column() - 1])], Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def set_marks(self, cells, on: bool) -> None:
        for row, code in cells:
            marks = self.marks[self.rows[row].id]
            if on:
                marks.add(code)
            else:
                marks.discard(code)
        if self.rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, len(ITEMS) + 1))
        self.on_marks()

    def toggle(self, cells) -> None:
        """Tick them all, or untick them all if all were ticked."""
        cells = list(cells)
        on = not all(code in self.marks[self.rows[r].id] for r, code in cells)
        self.set_marks(cells, on)

    def scores(self) -> dict[int, dict[str, bool]]:
        return {h.id: {code: code in self.marks[h.id] for code in ITEMS} for h in self.rows}

    def total(self) -> int:
        return sum(self.earned(h.id) for h in self.rows)

    def full_marks(self) -> int:
        return sum(len(self.marks[h.id]) == len(ITEMS) for h in self.rows)


def history_model(history: hygiene.RoundHistory, names: dict[str, str]) -> RowsModel:
    """Households × the last rounds (items passed of six) and the six items (rounds passed)."""
    total = len(history.rounds)
    columns = [Column(QT_TRANSLATE_NOOP("RowsModel", "户主"), lambda h: h.head)]
    for n, held in enumerate(history.rounds):
        columns.append(Column(held.strftime("%m-%d"), lambda h, n=n: "-" if h.per_round[n] is None
                              else f"{h.per_round[n]}/{len(ITEMS)}", right=True))
    columns.append(Column(QT_TRANSLATE_NOOP("RowsModel", "进步"), lambda h: f"{h.trend:+d}" if h.trend else "", right=True))
    for i, code in enumerate(ITEMS):
        columns.append(Column(names.get(code, code), lambda h, i=i: f"{h.per_item[i]}/{total}", right=True))
    return RowsModel(columns, history.households)


class HistoryDialog(QDialog):
    """The results of earlier rounds, per household and per item."""

    def __init__(self, screen: HygieneScreen, history: hygiene.RoundHistory):
        super().__init__(screen)
        self.setWindowTitle(self.tr("历次卫生检查结果"))
        self.resize(px(1200), px(620))
        self.model = history_model(history, screen.model.names)
        view = widgets.table(self.model, self, stretch=0)
        note = QLabel(self.tr("日期列：那次合格几项（共 6 项）；“进步”：最近一次比最早一次多合格几项；"
                              "各项：几次合格。"), self)
        note.setWordWrap(True)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(widgets.title(self.tr("%1：最近 %2 次检查").replace("%1", screen.group.currentText())
                                     .replace("%2", str(len(history.rounds))), self))
        layout.addWidget(note)
        layout.addWidget(view, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


class HygieneScreen(Screen):
    def __init__(self, shell):
        super().__init__(shell)
        self.group = QComboBox(self)
        self.group.setObjectName("roundGroup")
        self.held_on = widgets.date_field(self)
        self.inspectors = QLineEdit(self)
        self.inspectors.setObjectName("inspectors")
        self.inspectors.setPlaceholderText(self.tr("如：李书记、王芳"))
        self.model = RoundModel(self)
        self.model.on_marks = self.update_summary
        self.view = widgets.table(self.model, self, stretch=0)
        self.view.setObjectName("roundGrid")
        self.view.setSelectionBehavior(self.view.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(self.view.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # six wide tick columns
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(ITEMS) + 1, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(px(110))
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self.toggle_column)
        self.view.verticalHeader().setVisible(True)
        self.view.verticalHeader().sectionClicked.connect(self.toggle_row)
        self.view.installEventFilter(self)
        self.keys = QLabel(self.tr("方向键移动，空格勾选；Shift+空格：整行；Ctrl+空格：整列；点列标题：整列"), self)
        self.summary = widgets.big(QLabel(self), 1.2, True)
        self.summary.setObjectName("roundSummary")
        self.save_button = widgets.big(QPushButton(self.tr("保存这次检查"), self), 1.2, True)
        self.save_button.setObjectName("saveRound")
        self.save_button.setMinimumHeight(px(52))
        self.sheet_button = QPushButton(self.tr("打印空白检查表（PDF）"), self)
        self.sheet_button.setObjectName("roundSheet")
        self.history_button = QPushButton(self.tr("历次检查结果"), self)
        self.history_button.setObjectName("roundHistory")
        self.csv_path = QLineEdit(self)
        self.csv_path.setObjectName("roundCsv")
        self.csv_path.setPlaceholderText(self.tr("或导入填好的检查表 CSV（卡号或户主 + 六项）"))
        choose = QPushButton(self.tr("选择文件…"), self)
        self.import_button = QPushButton(self.tr("导入并保存"), self)
        self.import_button.setObjectName("importRound")

        top = widgets.row(widgets.title(self.tr("卫生检查（五净一规范）"), self), widgets.STRETCH,
                          QLabel(self.tr("小组"), self), self.group, QLabel(self.tr("检查日期"), self), self.held_on,
                          QLabel(self.tr("检查人"), self), self.inspectors)
        bottom = widgets.row((self.summary, 1), self.save_button)
        extra = widgets.row(self.sheet_button, self.history_button, 24, (self.csv_path, 1), choose, self.import_button)
        widgets.column(top, self.keys, (self.view, 1), bottom, extra, self.bar, parent=self)

        self.group.currentIndexChanged.connect(lambda _i: self.reload())
        self.save_button.clicked.connect(self.save)
        self.sheet_button.clicked.connect(self.blank_sheet)
        self.history_button.clicked.connect(self.show_history)
        choose.clicked.connect(self.choose_csv)
        self.import_button.clicked.connect(self.import_csv)
        self.csv_path.returnPressed.connect(self.import_csv)
        self.load_groups()

    # --- loading ----------------------------------------------------------------------------
    def load_groups(self) -> None:
        self.ops.read(lambda: village.settings(self.db).groups, bar=self.bar, done=self._groups)

    def _groups(self, groups) -> None:
        kept = self.group.currentIndex() if self.group.count() else 0
        self.group.blockSignals(True)
        self.group.clear()
        for name in groups:
            self.group.addItem(name, name)
        self.group.addItem(self.tr("全村"), None)
        self.group.setCurrentIndex(min(kept, self.group.count() - 1))
        self.group.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        if self.model.total():
            self.bar.info(self.tr("换了小组：上一组勾选的还没保存，已清空。"))
        group = self.group.currentData()

        def read():
            items = {r.code: r for r in rules.list_rules(self.db, self.actor, include_inactive=True)
                     if r.code in ITEMS}
            rows = hygiene.round_households(self.db, self.actor, group)
            return rows, items

        self.ops.read(read, bar=self.bar, done=self._loaded, newest=self.model)

    def _loaded(self, loaded) -> None:
        rows, items = loaded
        self.model.set_rows(rows, {c: items[c].name for c in ITEMS}, {c: items[c].points_min for c in ITEMS})
        if rows:
            self.view.setCurrentIndex(self.model.index(0, 1))

    def shown(self) -> None:
        self.view.setFocus()

    def on_changed(self, areas: frozenset[Area]) -> None:
        if Area.VILLAGE in areas:
            self.load_groups()
        elif areas & {Area.HOUSEHOLDS, Area.CARDS} and not self.model.total():
            self.reload()

    # --- ticking ----------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Space:
            index = self.view.currentIndex()
            if index.isValid():
                mods = event.modifiers()
                if mods & Qt.KeyboardModifier.ShiftModifier:
                    self.toggle_row(index.row())
                elif mods & Qt.KeyboardModifier.ControlModifier:
                    self.toggle_column(index.column())
                elif 1 <= index.column() <= len(ITEMS):
                    self.model.toggle([(index.row(), ITEMS[index.column() - 1])])
                return True
        return super().eventFilter(watched, event)

    def toggle_row(self, row: int) -> None:
        self.model.toggle((row, code) for code in ITEMS)

    def toggle_column(self, column: int) -> None:
        if 1 <= column <= len(ITEMS):
            self.model.toggle((row, ITEMS[column - 1]) for row in range(len(self.model.rows)))

    def update_summary(self) -> None:
        self.summary.setText(self.tr("%1 户，满分 %2 户，共 %3 分").replace("%1", str(len(self.model.rows)))
                             .replace("%2", str(self.model.full_marks())).replace("%3", str(self.model.total())))

    # --- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        if not self.model.rows:
            self.bar.refuse(self.tr("这个小组没有持卡的户。"))
            return
        if not self.inspectors.text().strip():
            self.bar.refuse(ShopError("round_needs_inspectors").message(self.lang))
            self.inspectors.setFocus()
            return
        text = (self.tr("%1 %2 的卫生检查：%3。\n检查人：%4。保存后积分立即记入。")
                .replace("%1", widgets.date_of(self.held_on).isoformat()).replace("%2", self.group.currentText())
                .replace("%3", self.summary.text()).replace("%4", self.inspectors.text().strip()))
        asking.confirm(self, text, self._save, yes=self.tr("保存"))

    def _save(self) -> None:
        scores, day, who = self.model.scores(), widgets.date_of(self.held_on), self.inspectors.text()
        self.ops.write(lambda: hygiene.record(self.db, self.actor, day, who, scores), widget=self.save_button,
                       bar=self.bar, done=self._saved, areas={Area.LEDGER, Area.HYGIENE})

    def _saved(self, result: hygiene.RoundResult) -> None:
        self.model.set_rows(self.model.rows, self.model.names, self.model.points)
        self.bar.done(self.tr("已保存 %1 的卫生检查：%2 户，满分 %3 户，共发 %4 分。").replace(
            "%1", result.held_on.isoformat()).replace("%2", str(result.households)).replace(
            "%3", str(result.full_marks)).replace("%4", str(result.points)))

    def choose_csv(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择检查表"), "", self.tr("CSV 文件 (*.csv)"))
        if name:
            self.csv_path.setText(name)

    def import_csv(self) -> None:
        if not self.inspectors.text().strip():
            self.bar.refuse(ShopError("round_needs_inspectors").message(self.lang))
            return
        try:
            data = Path(self.csv_path.text().strip()).read_bytes()
        except OSError as error:
            self.bar.refuse(self.tr("打不开这个文件：%1").replace("%1", str(error)))
            return
        day, who = widgets.date_of(self.held_on), self.inspectors.text()
        self.ops.write(lambda: hygiene.from_csv(self.db, self.actor, data, day, who), widget=self.import_button,
                       bar=self.bar, failed=self._import_refused, done=self._saved, areas={Area.LEDGER, Area.HYGIENE})

    def _import_refused(self, error: ShopError) -> None:
        if isinstance(error, ImportProblems):
            text = messages.in_window(error, self.lang) + "\n" + "\n".join(error.lines(self.lang)[:8])
            # The operation helper writes the one-line refusal after this; the rows follow it.
            QTimer.singleShot(0, lambda: self.bar.refuse(text))

    def show_history(self) -> None:
        group = self.group.currentData()
        self.ops.read(lambda: hygiene.history(self.db, self.actor, group), widget=self.history_button, bar=self.bar,
                      done=self._history)

    def _history(self, history: hygiene.RoundHistory) -> None:
        if not history.rounds:
            self.bar.info(self.tr("还没有保存过卫生检查。"))
            return
        self.history_dialog = HistoryDialog(self, history)
        self.history_dialog.open()

    def blank_sheet(self) -> None:
        if not self.model.rows:
            self.bar.refuse(self.tr("这个小组没有持卡的户。"))
            return
        group, lang = self.group.currentData(), self.lang
        path = documents.path(documents.HYGIENE_SHEET, self.group.currentText())

        def work(report):
            report(0, 0, self.tr("正在生成检查表……"))
            return roundsheet.render(hygiene.round_sheet(self.db, self.actor, group, lang), path)

        self.ops.read(work, widget=self.sheet_button, bar=self.bar, progress=True, title=self.tr("生成检查表"),
                      done=lambda pages: self._sheet_done(path, pages))

    def _sheet_done(self, path: Path, pages: int) -> None:
        self.last_pdf = path
        documents.show(self.bar, path, self.tr("检查表（%1 页）已在 PDF 阅读器中打开，请从那里打印。")
                       .replace("%1", str(pages)))


register(Entry("hygiene", QT_TRANSLATE_NOOP("Areas", "卫生检查"), "F6", HygieneScreen, order=40))
