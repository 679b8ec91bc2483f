"""Awards and deductions (积分登记): one rule, a date, the households ticked; a summary, then one save.

A labour day: pick the rule, tick a whole group (or search by name or pinyin initials and tick
one by one, or scan their cards), read the summary ("12 户，每户 5 分，共 60 分"), save once:
one ledger transaction, all or nothing. A deduction is for one household at a time, and above
the village's threshold a supervisor approves it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox, QLabel, QPushButton,
)

from pos import awards, claims, counter, households, messages, rules, village
from pos.vocabulary import Area
from ui import asking, widgets
from ui.claims import ClaimsBox
from ui.models import Column, RowsModel
from ui.shell import Entry, Screen, register
from ui.sizes import px


class TickModel(RowsModel):
    """Households with a tick box in the first column; ticks survive a new search."""

    def __init__(self, columns, parent=None):
        super().__init__(columns, (), parent)
        self.ticked: dict[int, households.HouseholdView] = {}
        self.on_ticks = lambda: None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0 \
                and index.row() < len(self.rows):
            ticked = self.rows[index.row()].id in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        row = self.rows[index.row()]
        self.tick([row], Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def tick(self, rows, on: bool = True) -> None:
        for row in rows:
            if on:
                self.ticked[row.id] = row
            else:
                self.ticked.pop(row.id, None)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.on_ticks()

    def clear_ticks(self) -> None:
        self.tick(list(self.ticked.values()), False)


def tick_model() -> TickModel:
    return TickModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "户主"), lambda h: h.head_name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "小组"), lambda h: h.group),
        Column(QT_TRANSLATE_NOOP("RowsModel", "卡号"), lambda h: h.card_number or "-"),
        Column(QT_TRANSLATE_NOOP("RowsModel", "现有积分"), lambda h: str(h.balance), right=True),
    ])


class AwardsScreen(Screen):
    accepts_scans = True

    def __init__(self, shell):
        super().__init__(shell)
        self.all_rules: list[rules.RuleView] = []
        self.on_claims = False
        left = widgets.side_column(self, 540, self._rule_box(), self._summary_box())
        self.claims_box = ClaimsBox(self)
        self.claims_box.hide()
        body = widgets.row(left, (widgets.column((self._pick_box(), 1), (self.claims_box, 1)), 1))  # claims get half the height
        widgets.column(widgets.title(self.tr("积分登记：加分与扣分"), self), (body, 1), self.bar, parent=self)
        self.filter.changed.connect(self.reload)
        self.category.currentIndexChanged.connect(lambda _i: self.fill_rules())
        self.rule.currentIndexChanged.connect(lambda _i: self.rule_chosen())
        self.points.valueChanged.connect(lambda _v: self.update_summary())
        self.deed_date.dateChanged.connect(lambda _d: self.update_summary())
        self.tick_group_button.clicked.connect(lambda: self.model.tick(self.model.rows, True))
        self.untick_button.clicked.connect(self.model.clear_ticks)
        self.view.installEventFilter(self)
        widgets.down_moves_into(self.search, self.view, enter=True)
        self.load()

    def _rule_box(self) -> QGroupBox:
        """1. The rule, the points each household gets, the day, a note."""
        self.category = widgets.choices(self, [], name="category")
        self.rule = widgets.choices(self, [], name="rule")
        self.rule.setMinimumWidth(px(300))
        self.points = widgets.spin_box(self, 1, 1000, name="points")
        self.range_label = QLabel(self)
        self.deed_date = widgets.date_field(self)
        self.note = widgets.field(self, "note", self.tr("可空，如：清理河道"))
        # A village on claims: who declared the deed (a villager, a group leader).
        self.declared_by = widgets.field(self, "declaredBy", self.tr("如：本人、组长"))
        self.rule_form = widgets.form_box(
            self.tr("1. 按哪条细则"), self, (self.tr("类别"), self.category), (self.tr("细则"), self.rule),
            (self.tr("每户分数"), widgets.row(self.points, (self.range_label, 1))),
            (self.tr("事情发生日期"), self.deed_date), (self.tr("备注"), self.note),
            (self.tr("申报人"), self.declared_by))
        self.rule_form.layout().setRowVisible(self.declared_by, False)
        return self.rule_form

    def _summary_box(self) -> QGroupBox:
        """3. What will be written, and the one save."""
        self.summary = widgets.big(QLabel(self), 1.2, True)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(px(90))
        self.save_button = widgets.big(QPushButton(self.tr("保存（一次记入）"), self), 1.2, True)
        self.save_button.setObjectName("saveAward")
        self.save_button.setMinimumHeight(px(56))
        self.save_button.clicked.connect(self.save)
        box = QGroupBox(self.tr("3. 核对后保存"), self)
        widgets.column(self.summary, self.save_button, parent=box)
        return box

    def _pick_box(self) -> QGroupBox:
        """2. The households, ticked: found by name or initials, a group, or their cards scanned."""
        self.filter = widgets.HouseholdFilter(self, self.tr("姓名或拼音首字母；也可以直接刷卡"),
                                              search_name="awardSearch", group_name="awardGroup")
        self.search, self.group = self.filter.search, self.filter.group
        self.tick_group_button = QPushButton(self.tr("勾选下面全部户"), self)
        self.tick_group_button.setObjectName("tickAll")
        self.untick_button = QPushButton(self.tr("全部取消"), self)
        self.model = tick_model()
        self.model.on_ticks = self.update_summary
        self.view = widgets.table(self.model, self, stretch=0)
        self.view.setObjectName("awardHouseholds")
        self.ticked_label = QLabel(self)
        box = QGroupBox(self.tr("2. 给哪些户（打勾；空格键勾选所选行）"), self)
        widgets.column(widgets.row((self.search, 1), self.group),
                       widgets.row(self.tick_group_button, self.untick_button, widgets.STRETCH, self.ticked_label),
                       (self.view, 1), parent=box)
        return box

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        self.ops.read(lambda: (rules.list_rules(self.db, self.actor), village.settings(self.db)),
                      bar=self.bar, done=self._loaded, newest=(self, "rules"))

    def _loaded(self, loaded) -> None:
        all_rules, settings = loaded
        self.all_rules = [r for r in all_rules if r.code not in rules.HYGIENE_ITEMS]  # their own screen
        self.threshold = settings.deduction_approval_above
        self.on_claims = settings.on_claims
        self.rule_form.layout().setRowVisible(self.declared_by, self.on_claims)
        self.claims_box.setVisible(self.on_claims)
        if self.on_claims:
            self.claims_box.reload()
        kept = self.category.currentText()
        self.category.blockSignals(True)
        self.category.clear()
        # The award categories first; the deductions apart, after a line: never one among the others.
        awarding = dict.fromkeys(r.category for r in self.all_rules if not r.deduction)
        deducting = [c for c in dict.fromkeys(r.category for r in self.all_rules if r.deduction) if c not in awarding]
        for name in awarding:
            self.category.addItem(name)
        if deducting:
            self.category.insertSeparator(self.category.count())
            for name in deducting:
                self.category.addItem(name)
                self.category.setItemData(self.category.count() - 1, QColor("#a4000f"), Qt.ItemDataRole.ForegroundRole)
        if kept:
            self.category.setCurrentText(kept)
        self.category.blockSignals(False)
        self.filter.set_groups(settings.groups)
        self.fill_rules()
        self.reload()

    def fill_rules(self) -> None:
        kept = self.rule.currentData()
        self.rule.blockSignals(True)
        self.rule.clear()
        for rule in self.all_rules:
            if rule.category == self.category.currentText():
                self.rule.addItem(f"{rule.code} {rule.name}", rule.code)  # the points show beside the spin box
                self.rule.setItemData(self.rule.count() - 1, f"{rule.name}（{rule.points_text}）",
                                      Qt.ItemDataRole.ToolTipRole)
        index = self.rule.findData(kept)
        self.rule.setCurrentIndex(max(index, 0))
        self.rule.blockSignals(False)
        self.rule_chosen()

    def current_rule(self) -> rules.RuleView | None:
        code = self.rule.currentData()
        return next((r for r in self.all_rules if r.code == code), None)

    def choose_rule(self, code: str) -> None:
        rule = next(r for r in self.all_rules if r.code == code)
        self.category.setCurrentText(rule.category)
        self.rule.setCurrentIndex(self.rule.findData(code))

    def rule_chosen(self) -> None:
        rule = self.current_rule()
        if rule is not None:
            self.points.blockSignals(True)
            self.points.setRange(rule.points_min, rule.points_max)
            self.points.setValue(rule.points_min)
            self.points.setEnabled(not rule.fixed)
            self.points.blockSignals(False)
            self.range_label.setText(self.tr("固定 %1 分").replace("%1", str(rule.points_min)) if rule.fixed else
                                     self.tr("可选 %1～%2 分").replace("%1", str(rule.points_min))
                                     .replace("%2", str(rule.points_max)))
        self.update_summary()

    def reload(self) -> None:
        text, group = self.search.text(), self.group.currentData()
        self.ops.read(lambda: households.search(self.db, self.actor, text, group, limit=5000),
                      bar=self.bar, done=self.model.set_rows, newest=self.model)

    def shown(self) -> None:
        self.search.setFocus()

    def on_changed(self, areas: frozenset[Area]) -> None:
        if areas & {Area.HOUSEHOLDS, Area.LEDGER, Area.CARDS}:
            self.reload()
        if areas & {Area.RULES, Area.VILLAGE}:
            self.load()
        elif self.on_claims and areas & {Area.CLAIMS, Area.LEDGER}:
            self.claims_box.reload()

    # --- ticking ----------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Space:
            rows = widgets.selected_rows(self.view)
            current = self.view.currentIndex()
            if not rows and current.isValid():  # reached by Tab: the row in focus, unselected
                rows = [self.model.row(current.row())]
                self.view.selectRow(current.row())
            if rows:
                on = any(r.id not in self.model.ticked for r in rows)
                self.model.tick(rows, on)
                return True
        return super().eventFilter(watched, event)

    def scan(self, code: str) -> None:
        if not counter.is_card_number(code):
            self.bar.refuse(self.tr("这里只认积分卡：%1 不是卡号。").replace("%1", code))
            return
        self.ops.read(lambda: counter.household_for_card(self.db, self.actor, code), bar=self.bar,
                      done=self._scanned)

    def _scanned(self, here) -> None:
        self.model.tick([here.household], True)
        self.bar.info(self.tr("已勾选 %1（刷卡）").replace("%1", here.household.head_name))

    def update_summary(self) -> None:
        rule = self.current_rule()
        ticked = list(self.model.ticked.values())
        self.ticked_label.setText(self.tr("已勾选 %1 户").replace("%1", str(len(ticked))))
        if rule is None:
            self.summary.setText(self.tr("先选一条细则。"))
            return
        day = widgets.date_of(self.deed_date).isoformat()
        points = self.points.value()
        if not ticked:
            self.summary.setText(self.tr("还没有勾选任何户。"))
        elif rule.deduction:
            names = "、".join(h.head_name for h in ticked[:3])
            self.summary.setText(self.tr("扣分：%1，扣 %2 分（%3，%4）").replace("%1", names)
                                 .replace("%2", str(points)).replace("%3", rule.name).replace("%4", day))
        else:
            names = "、".join(h.head_name for h in ticked[:4]) + ("等" if len(ticked) > 4 else "")
            self.summary.setText(
                self.tr("%1 户（%2），每户加 %3 分，共 %4 分\n%5，%6").replace("%1", str(len(ticked)))
                .replace("%2", names).replace("%3", str(points)).replace("%4", str(points * len(ticked)))
                .replace("%5", rule.name).replace("%6", day))

    # --- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        rule = self.current_rule()
        ticked = list(self.model.ticked.values())
        if rule is None or not ticked:
            self.bar.refuse(self.tr("请先选细则，再勾选户。"))
            return
        if rule.deduction and len(ticked) != 1:
            self.bar.refuse(self.tr("扣分一次只能扣一户，请只勾选一户。"))
            return
        asking.confirm(self, self.summary.text() + "\n\n" + self.tr("确认保存？"), self._save,
                       yes=self.tr("保存"))

    def _save(self) -> None:
        rule = self.current_rule()
        ids = [h.id for h in self.model.ticked.values()]
        points = None if rule.fixed else self.points.value()
        note, day = self.note.text().strip(), widgets.date_of(self.deed_date)
        if rule.deduction and not self.on_claims:
            asking.with_approval(self, lambda approval: awards.deduct(
                self.db, self.actor, ids[0], rule.code, points, note, day, approval),
                widget=self.save_button, done=self._saved, areas={Area.LEDGER})
        elif self.on_claims:
            declared = self.declared_by.text().strip()
            self.ops.write(lambda: claims.enter(self.db, self.actor, ids, rule.code, points, day, declared, note),
                           widget=self.save_button, bar=self.bar, done=self._claimed, areas={Area.CLAIMS})
        else:
            self.ops.write(lambda: awards.batch_award(self.db, self.actor, ids, rule.code, points, note, day),
                           widget=self.save_button, bar=self.bar, done=self._saved, areas={Area.LEDGER})

    def _claimed(self, made) -> None:
        self.model.clear_ticks()
        self.note.clear()
        self.bar.done(messages.text("claim_entered", self.lang, count=len(made)))

    def _saved(self, result: awards.AwardResult) -> None:
        self.model.clear_ticks()
        self.note.clear()
        count = len(result.households)
        if result.points < 0:
            head, after = result.households[0][1], result.households[0][2]
            text = self.tr("已给 %1 扣 %2 分，现有 %3 分（第 %4 笔）").replace("%1", head).replace(
                "%2", str(-result.points)).replace("%3", str(after)).replace("%4", str(result.seq))
            if result.approver:
                text += self.tr("，审批人 %1").replace("%1", self.shell.person(result.approver))
        else:
            text = self.tr("已记入：%1 户，每户 %2 分，共 %3 分（%4，第 %5 笔）").replace("%1", str(count)).replace(
                "%2", str(result.points)).replace("%3", str(result.points * count)).replace(
                "%4", result.rule_name).replace("%5", str(result.seq))
        self.bar.done(text)


register(Entry("awards", QT_TRANSLATE_NOOP("Areas", "积分登记"), "F5", AwardsScreen, order=30))
