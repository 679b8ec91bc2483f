"""Households and cards (农户与积分卡): the list, add and correct a household, import the
households CSV with a preview, cards (issue, replace a lost one, take one back), card sheets,
and a household's statement.

Picking a household in the list loads it into the form on the right, to be corrected there;
what was typed and not saved is never overwritten (the bar says so). "新增一户" empties the form
for a new household. Enter in any of the form's fields saves it. Down in the search field moves
into the list.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFileDialog, QGroupBox, QLabel, QLineEdit, QPushButton, QSpinBox,
)

from pos import cards, counter, history, households, messages, sheets, statement as statements, village
from pos.errors import ShopError
from pos.periods import LOCAL
from pos.vocabulary import Area, CardStatus, HouseholdStatus
from printing import cardsheet, statement as statement_printing
from ui import asking, documents, widgets
from ui.messagebar import MessageBar
from ui.models import Column, RowsModel
from ui.shell import Entry, Screen, register
from ui.sizes import px


def status(h: households.HouseholdView, lang: str) -> str:
    """A household that moved away says so; one still here, how its card stands."""
    if h.status != HouseholdStatus.ACTIVE or not h.card_status:
        return messages.word(HouseholdStatus(h.status), lang)
    return messages.word(CardStatus(h.card_status), lang)


def household_model(lang: str = "zh") -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "小组"), lambda h: h.group),
        Column(QT_TRANSLATE_NOOP("RowsModel", "户主"), lambda h: h.head_name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "人口"), lambda h: str(h.people), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "电话"), lambda h: h.phone),
        Column(QT_TRANSLATE_NOOP("RowsModel", "积分卡"),
               lambda h: h.card_number or QCoreApplication.translate("Households", "未发卡")),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda h: status(h, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda h: str(h.balance), right=True),
    ])


class ProblemRowsModel(RowsModel):
    """Import preview rows; a row with a problem is shown in red."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.row() < len(self.rows):
            return QColor("#a4000f") if self.rows[index.row()].problem else None
        return super().data(index, role)


def import_model() -> ProblemRowsModel:
    return ProblemRowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "行号"), lambda r: str(r.row), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "户主"), lambda r: r.head),
        Column(QT_TRANSLATE_NOOP("RowsModel", "小组"), lambda r: r.group),
        Column(QT_TRANSLATE_NOOP("RowsModel", "人口"), lambda r: r.people, right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "电话"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("RowsModel", "问题"), lambda r: r.problem or "✓"),
    ])


def statement_model(lang: str = "zh") -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda r: r[0].at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")),
        Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda r: messages.kind(r[0].kind, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "事由"), lambda r: str(messages.worded(r[0].memo, lang))),
        Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda r: f"{r[0].points:+d}", right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "余额"), lambda r: str(r[1]), right=True),
    ])


class ImportDialog(QDialog):
    """Choose the CSV, see every row and every problem, then import all of it or nothing."""

    def __init__(self, screen: HouseholdsScreen):
        super().__init__(screen)
        self.screen = screen
        self.setWindowTitle(self.tr("导入农户名单"))
        self.resize(px(1000), px(600))
        self.data: bytes | None = None
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.setPlaceholderText(self.tr("CSV 文件（Excel 另存为“CSV UTF-8”）"))
        choose = QPushButton(self.tr("选择文件…"), self)
        choose.clicked.connect(self.choose)
        widgets.no_default(choose)
        self.path.returnPressed.connect(self.load)
        self.summary = widgets.big(QLabel(self.tr("列：户主、村民小组、人口、电话（电话可空）。先检查，再导入。"), self), 1.05)
        self.summary.setWordWrap(True)
        self.model = import_model()
        self.view = widgets.table(self.model, self, stretch=5)
        self.bar = MessageBar(self)
        self.import_button = QPushButton(self.tr("全部导入"), self)
        self.import_button.setObjectName("importAll")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        widgets.no_default(self.import_button, close)  # Enter in the path field checks the file, nothing else
        widgets.column(widgets.row((self.path, 1), choose), self.summary, (self.view, 1), self.bar,
                       widgets.row(widgets.STRETCH, self.import_button, close), parent=self)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择农户名单"), "", self.tr("CSV 文件 (*.csv);;所有文件 (*)"))
        if name:
            self.path.setText(name)
            self.load()

    def load(self) -> None:
        self.import_button.setEnabled(False)
        self.model.set_rows([])
        try:
            self.data = Path(self.path.text().strip()).read_bytes()
        except OSError as error:
            self.bar.refuse(self.tr("打不开这个文件：%1").replace("%1", str(error)))
            return
        screen = self.screen
        data = self.data
        screen.ops.read(lambda: households.preview_csv(screen.db, screen.actor, data, screen.lang),
                        bar=self.bar, done=self.previewed)

    def previewed(self, preview: households.ImportPreview) -> None:
        self.model.set_rows(preview.rows)
        if preview.ok:
            self.summary.setText(self.tr("共 %1 户，没有问题。点“全部导入”后一次写入。").replace("%1", str(len(preview.rows))))
            self.bar.info(self.tr("检查通过：%1 户").replace("%1", str(len(preview.rows))))
            self.import_button.setEnabled(True)
        else:
            lines = [self.tr("第 %1 行：%2").replace("%1", str(n)).replace("%2", text) for n, text in preview.problems]
            self.summary.setText(self.tr("有 %1 处问题，改好文件后再检查。什么都没有导入。").replace(
                "%1", str(len(preview.problems))))
            self.bar.refuse("\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))

    def run_import(self) -> None:
        screen, data = self.screen, self.data

        def work(report):
            report(0, 0, self.tr("正在导入……"))
            return households.import_csv(screen.db, screen.actor, data)

        screen.ops.write(work, widget=self.import_button, bar=self.bar, progress=True,
                         title=self.tr("导入农户名单"), done=self.imported, areas={Area.HOUSEHOLDS})

    def imported(self, rows) -> None:
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("已导入 %1 户。下一步：给他们发卡。").replace("%1", str(len(rows))))
        self.bar.done(self.tr("已导入 %1 户").replace("%1", str(len(rows))))
        self.screen.bar.done(self.tr("已导入 %1 户").replace("%1", str(len(rows))))


class StatementDialog(QDialog):
    """A household's transactions on every card it ever had, newest first, with the balance
    after each; the whole history prints as an A4 PDF (oldest first) or the balance as a slip."""

    def __init__(self, screen: HouseholdsScreen, household: households.HouseholdView):
        super().__init__(screen)
        self.screen, self.household = screen, household
        self.setWindowTitle(self.tr("%1 一户的积分明细").replace("%1", household.head_name))
        self.resize(px(900), px(560))
        self.head = widgets.title(self.tr("%1（%2）卡号 %3，现有 %4 分").replace("%1", household.head_name)
                                .replace("%2", household.group).replace("%3", household.card_number or "-")
                                .replace("%4", str(household.balance)), self)
        self.model = statement_model(screen.lang)
        self.view = widgets.table(self.model, self, stretch=2)
        self.bar = MessageBar(self)
        pdf = QPushButton(self.tr("打印 PDF"), self)
        pdf.setObjectName("statementPdf")
        pdf.clicked.connect(self.print_pdf)
        slip = QPushButton(self.tr("打印余额小票"), self)
        slip.clicked.connect(self.print_slip)
        slip.setEnabled(bool(household.card_number))
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        widgets.column(self.head, (self.view, 1), self.bar, widgets.row(widgets.STRETCH, pdf, slip, close),
                       parent=self)
        self.slip_button, self.pdf_button = slip, pdf
        self.last_pdf: Path | None = None
        household_id = household.id
        screen.ops.read(lambda: history.household(screen.db, screen.actor, household_id, 100_000),
                        bar=self.bar, done=self.show_rows)

    def show_rows(self, rows) -> None:
        running, lines = self.household.balance, []
        for row in rows:  # newest first: the balance after each is walked backwards
            lines.append((row, running))
            running -= row.points
        self.model.set_rows(lines)

    def print_pdf(self) -> None:
        screen, household = self.screen, self.household
        path = documents.path(documents.STATEMENT, household.head_name, str(household.id))

        def work(report):
            data = statements.history(screen.db, screen.actor, household.id, screen.lang)
            report(0, 0, self.tr("正在生成 %1 笔交易的明细……").replace("%1", str(len(data.lines))))
            return statement_printing.render_pdf(data, path)

        screen.ops.read(work, widget=self.pdf_button, bar=self.bar, progress=True,
                        title=self.tr("生成积分明细"), done=lambda pages: self._pdf_done(path, pages))

    def _pdf_done(self, path: Path, pages: int) -> None:
        self.last_pdf = path
        documents.show(self.bar, path, self.tr("积分明细已生成（%1 页），已在 PDF 阅读器中打开，请从那里打印。")
                       .replace("%1", str(pages)))

    def print_slip(self) -> None:
        screen, number = self.screen, self.household.card_number
        printer, lang = screen.shell.settings.printer, screen.lang
        screen.ops.read(lambda: counter.balance_slip(screen.db, screen.actor, number, printer, lang),
                        widget=self.slip_button, bar=self.bar,
                        done=lambda _n: self.bar.done(self.tr("余额小票已打印")))


class HouseholdsScreen(Screen):
    def __init__(self, shell):
        super().__init__(shell)
        self.groups: tuple[str, ...] = ()
        self.editing: households.HouseholdView | None = None
        self.filter = widgets.HouseholdFilter(self, self.tr("搜索：姓名、拼音首字母（如 zs）或卡号"),
                                              search_name="householdSearch", group_name="groupFilter")
        self.search, self.group = self.filter.search, self.filter.group
        self.moved = QCheckBox(self.tr("含已迁出"), self)
        self.import_button = QPushButton(self.tr("导入名单…"), self)
        self.import_button.setObjectName("importButton")
        self.model = household_model(self.lang)
        self.view = widgets.table(self.model, self, stretch=1)
        self.view.setObjectName("households")
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._picked())
        widgets.down_moves_into(self.search, self.view)
        self.count = QLabel(self)

        self.filter.changed.connect(self.reload)
        self.moved.toggled.connect(lambda _c: self.reload())
        self.import_button.clicked.connect(self.open_import)

        top = widgets.row(widgets.title(self.tr("农户与积分卡"), self), (self.search, 1), self.group, self.moved,
                          self.import_button)
        body = widgets.row((widgets.column((self.view, 1), self.count), 1),
                           widgets.side_column(self, 380, self._form_box(), self._card_box()))
        widgets.column(top, (body, 1), self.bar, parent=self)
        self.load_groups()

    # --- building -------------------------------------------------------------------------
    def _form_box(self) -> QGroupBox:
        self.box = box = widgets.FormBox(self.tr("户信息"), self, heading=self.tr("新增一户"),
                                         save_name="saveHousehold", edit=self.tr("修改所选户"))
        self.save_button = box.save_button
        box.clear_button.setText(self.tr("新增一户"))
        box.clear_button.setObjectName("newHousehold")
        box.edit_button.hide()  # picking a household in the list loads it
        box.edit_button.setObjectName("editHousehold")
        self.head = QLineEdit(box)
        self.head.setObjectName("head")
        self.form_group = QComboBox(box)
        self.form_group.setObjectName("formGroup")
        self.people = QSpinBox(box)
        self.people.setRange(1, households.MAX_PEOPLE)
        self.people.setValue(3)
        self.phone = QLineEdit(box)
        self.phone.setObjectName("phone")
        box.form.addRow(self.tr("户主"), self.head)
        box.form.addRow(self.tr("村民小组"), self.form_group)
        box.form.addRow(self.tr("人口"), self.people)
        box.form.addRow(self.tr("电话"), self.phone)
        box.save_button.clicked.connect(self.save)
        box.clear_button.clicked.connect(self.new_household)
        box.edit_button.clicked.connect(self.edit_selected)
        widgets.enter_submits(box, self.save, self.head, self.form_group, self.people, self.phone)
        return box

    def _card_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("积分卡（先在左边选中一户）"), self)
        self.issue_button = QPushButton(self.tr("发卡"), box)
        self.issue_all_button = QPushButton(self.tr("给所有没卡的户发卡"), box)
        self.replace_button = QPushButton(self.tr("挂失补卡"), box)
        self.replace_button.setObjectName("replaceCard")
        self.recover_button = QPushButton(self.tr("迁出，回收积分卡"), box)
        self.statement_button = QPushButton(self.tr("积分明细"), box)
        self.statement_button.setObjectName("statement")
        self.sheet_scope = QComboBox(box)
        self.sheet_scope.addItem(self.tr("所选的户"), "chosen")
        self.sheet_scope.addItem(self.tr("筛选的小组"), "group")
        self.sheet_scope.addItem(self.tr("全部在用卡"), "all")
        self.sheet_button = QPushButton(self.tr("打印积分卡（PDF）"), box)
        self.sheet_button.setObjectName("cardSheet")
        self.issue_button.clicked.connect(self.issue)
        self.issue_all_button.clicked.connect(self.issue_missing)
        self.replace_button.clicked.connect(self.replace_lost)
        self.recover_button.clicked.connect(self.recover)
        self.statement_button.clicked.connect(self.statement)
        self.sheet_button.clicked.connect(self.card_sheet)
        widgets.column(widgets.row(self.issue_button, self.replace_button), self.issue_all_button,
                       widgets.row(self.recover_button, self.statement_button),
                       widgets.row(self.sheet_scope, (self.sheet_button, 1)), parent=box)
        return box

    # --- loading --------------------------------------------------------------------------
    def load_groups(self) -> None:
        self.ops.read(lambda: village.settings(self.db).groups, bar=self.bar, done=self._groups)

    def _groups(self, groups) -> None:
        self.groups = tuple(groups)
        self.filter.set_groups(groups)
        kept = self.form_group.currentText()
        self.form_group.clear()
        self.form_group.addItems(list(groups))
        if kept:
            self.form_group.setCurrentText(kept)
        self.reload()

    def reload(self) -> None:
        text, group, moved = self.search.text(), self.group.currentData(), self.moved.isChecked()
        self.ops.read(lambda: households.search(self.db, self.actor, text, group, include_moved=moved, limit=5000),
                      bar=self.bar, done=self._rows, newest=self.model)

    def _rows(self, rows) -> None:
        chosen = {h.id for h in self.chosen()}
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            if row.id in chosen:
                self.view.selectRow(number)
        self.count.setText(self.tr("共 %1 户，积分合计 %2").replace("%1", str(len(rows)))
                           .replace("%2", str(sum(h.balance for h in rows))))

    def shown(self) -> None:
        self.search.setFocus()

    def on_changed(self, areas: frozenset[Area]) -> None:
        if areas & {Area.HOUSEHOLDS, Area.LEDGER, Area.CARDS}:
            self.reload()
        if Area.VILLAGE in areas:
            self.load_groups()

    def chosen(self) -> list[households.HouseholdView]:
        return widgets.selected_rows(self.view) if self.view.selectionModel() else []

    def one(self) -> households.HouseholdView | None:
        rows = self.chosen()
        if len(rows) != 1:
            self.bar.refuse(self.tr("请先在列表里选中一户。"))
            return None
        return rows[0]

    # --- the form ---------------------------------------------------------------------------
    def form_dirty(self) -> bool:
        if self.editing is None:
            return bool(self.head.text().strip() or self.phone.text().strip())
        e = self.editing
        return (self.head.text().strip(), self.form_group.currentText(), self.people.value(),
                self.phone.text().strip()) != (e.head_name, e.group, e.people, e.phone)

    def _picked(self) -> None:
        rows = self.chosen()
        if len(rows) == 1 and (self.editing is None or rows[0].id != self.editing.id):
            self.edit_selected(quiet=True)

    def edit_selected(self, quiet: bool = False) -> None:
        household = self.one()
        if household is None:
            return
        if self.form_dirty():
            self.bar.info(self.tr("右边表单里还有没保存的内容：先保存，或点“新增一户”清空，再修改别的户。"))
            return
        self.editing = household
        self.box.heading.setText(self.tr("修改：%1").replace("%1", household.head_name))
        self.head.setText(household.head_name)
        self.form_group.setCurrentText(household.group)
        self.people.setValue(household.people)
        self.phone.setText(household.phone)
        if not quiet:
            self.head.setFocus()

    def new_household(self) -> None:
        """An empty form for a new household (the list's choice would load into it again)."""
        if self.form_dirty() and self.editing is None:
            self.head.setFocus()
            return
        self.view.clearSelection()
        self.clear_form()
        self.head.setFocus()

    def clear_form(self) -> None:
        self.editing = None
        self.box.heading.setText(self.tr("新增一户"))
        self.head.clear()
        self.phone.clear()
        self.people.setValue(3)

    def save(self) -> None:
        head, group, people, phone = (self.head.text(), self.form_group.currentText(),
                                      self.people.value(), self.phone.text())
        editing = self.editing
        if editing is None:
            call = lambda: households.add(self.db, self.actor, head, group, people, phone)  # noqa: E731
        else:
            call = lambda: households.change(self.db, self.actor, editing.id, head, group, people, phone)  # noqa: E731
        self.ops.write(call, widget=self.save_button, bar=self.bar, done=self._saved, areas={Area.HOUSEHOLDS})

    def _saved(self, household: households.HouseholdView) -> None:
        was_new = self.editing is None
        self.clear_form()
        if was_new:
            self.bar.done(self.tr("已新增 %1（%2），还没有积分卡：选中后点“发卡”。").replace("%1", household.head_name)
                          .replace("%2", household.group))
        else:
            self.bar.done(self.tr("已保存 %1 一户的修改。").replace("%1", household.head_name))

    # --- cards ------------------------------------------------------------------------------
    def issue(self) -> None:
        household = self.one()
        if household is None:
            return
        self.ops.write(lambda: cards.issue(self.db, self.actor, household.id), widget=self.issue_button,
                       bar=self.bar, areas={Area.CARDS, Area.LEDGER},
                       done=lambda card: self.bar.done(self.tr("已给 %1 发卡 %2，基础积分 %3 分。")
                                                       .replace("%1", card.head_name).replace("%2", card.number)
                                                       .replace("%3", str(card.balance))))

    def issue_missing(self) -> None:
        asking.confirm(self, self.tr("给所有还没有积分卡的在册户各发一张卡（含基础积分）？"), self._issue_missing)

    def _issue_missing(self) -> None:
        self.ops.write(lambda: cards.issue_missing(self.db, self.actor), widget=self.issue_all_button,
                       bar=self.bar, areas={Area.CARDS, Area.LEDGER},
                       done=lambda made: self.bar.done(self.tr("已发卡 %1 张。").replace("%1", str(len(made)))
                                                       if made else self.tr("每户都已经有卡了。")))

    def confirm_for_card(self, missing: str, question: str, yes: str, then) -> None:
        """For the one household chosen, if it holds a card (else ``missing``, of its head, is
        said): ask ``question`` of its head (%1), card (%2) and balance (%3); on yes, ``then(it)``."""
        household = self.one()
        if household is None:
            return
        if not household.card_number:
            self.bar.refuse(missing.replace("%1", household.head_name))
            return
        text = (question.replace("%1", household.head_name).replace("%2", household.card_number)
                .replace("%3", str(household.balance)))
        asking.confirm(self, text, lambda: then(household), yes=yes)

    def replace_lost(self) -> None:
        self.confirm_for_card(self.tr("%1 一户还没有积分卡。"),
                              self.tr("%1 的积分卡 %2 挂失：旧卡作废，以后刷旧卡会被拒绝；%3 分全部转到新卡。"),
                              self.tr("挂失并补卡"), self._replace)

    def _replace(self, household) -> None:
        lost = household.card_number
        self.ops.write(lambda: cards.replace(self.db, self.actor, lost), widget=self.replace_button,
                       bar=self.bar, areas={Area.CARDS, Area.LEDGER},
                       done=lambda card: self.bar.done(
                           self.tr("旧卡 %1 已作废。新卡 %2，余额 %3 分。请打印新卡交给 %4。")
                           .replace("%1", lost).replace("%2", card.number).replace("%3", str(card.balance))
                           .replace("%4", card.head_name)))

    def recover(self) -> None:
        self.confirm_for_card(self.tr("%1 一户没有在用的积分卡。"),
                              self.tr("%1 一户迁出：收回积分卡 %2，卡上 %3 分归还村里，这一户标为已迁出。"),
                              self.tr("迁出并回收"), self._recover)

    def _recover(self, household) -> None:
        number = household.card_number
        # A card taken back with points on it may need a supervisor's approval: asked when the service says so.
        asking.with_approval(self, asking.approved(cards.recover, self.db, self.actor, number),
                             widget=self.recover_button, areas={Area.CARDS, Area.LEDGER, Area.HOUSEHOLDS},
                             done=lambda _card: self.bar.done(self.tr("已回收 %1 的积分卡，这一户已标为迁出。")
                                                               .replace("%1", household.head_name)))

    def statement(self) -> None:
        household = self.one()
        if household is None:
            return
        self.statement_dialog = StatementDialog(self, household)
        self.statement_dialog.open()

    def card_sheet(self) -> None:
        scope = self.sheet_scope.currentData()
        group, ids = None, None
        if scope == "chosen":
            ids = [h.id for h in self.chosen()]
            if not ids:
                self.bar.refuse(self.tr("请先在列表里选中要打印的户（可按住 Ctrl 多选）。"))
                return
        elif scope == "group":
            group = self.group.currentData()
            if not group:
                self.bar.refuse(self.tr("请先在上面选一个小组。"))
                return
        path, lang = documents.path(documents.CARD_SHEET, group or ""), self.lang

        def work(report):
            sheet = sheets.card_sheet(self.db, self.actor, group, ids, lang)
            if not sheet.faces:
                raise ShopError("nothing_to_print")
            report(0, len(sheet.faces), self.tr("正在生成 %1 张积分卡……").replace("%1", str(len(sheet.faces))))
            pages = cardsheet.render(sheet.faces, path, sheet.words)
            return len(sheet.faces), pages

        self.ops.read(work, widget=self.sheet_button, bar=self.bar, progress=True,
                      title=self.tr("生成积分卡"), done=lambda r: self._sheet_done(path, *r))

    def _sheet_done(self, path: Path, count: int, pages: int) -> None:
        self.last_pdf = path
        documents.show(self.bar, path, self.tr("已生成 %1 张积分卡（%2 页），已在 PDF 阅读器中打开，请从那里打印。")
                       .replace("%1", str(count)).replace("%2", str(pages)))

    def open_import(self) -> None:
        self.import_dialog = ImportDialog(self)
        self.import_dialog.open()


register(Entry("households", QT_TRANSLATE_NOOP("Areas", "农户与积分卡"), "F4", HouseholdsScreen, order=20))
