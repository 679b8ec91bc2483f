"""The point rules (积分细则): added, and deactivated when they change; never edited, so
points already given keep the rule they were given by."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QWidget,
)

from pos import messages, rules
from pos.vocabulary import Area, LimitPeriod
from ui import asking, widgets
from ui.models import Column, RowsModel
from ui.shell import Screen


def _state(rule) -> str:
    return QCoreApplication.translate("RulesTab", "在用") if rule.active else QCoreApplication.translate("RulesTab", "已停用")


def _limit(rule, lang: str) -> str:
    found = [rule.limit.phrase] if rule.limit else []
    if rule.cap_per_event:
        found.append(messages.Phrase("cap_per_event", count=rule.cap_per_event))
    return ("；" if lang == "zh" else "; ").join(messages.worded(p, lang) for p in found)


def rules_model(lang: str = "zh") -> RowsModel:
    """The village's point rules; a used rule is deactivated, never changed."""
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "编号"), lambda r: r.code),
        Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda r: r.category),
        Column(QT_TRANSLATE_NOOP("RowsModel", "细则"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "分值"), lambda r: r.points_text, right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "次数上限"), lambda r: _limit(r, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), _state),
    ])


class RulesTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.model = rules_model(screen.lang)
        self.view = widgets.table(self.model, self, stretch=2)
        self.view.setObjectName("rules")
        self.inactive = QCheckBox(self.tr("显示已停用"), self)
        self.deactivate_button = QPushButton(self.tr("停用所选细则"), self)
        self.deactivate_button.setObjectName("deactivateRule")
        self.code = QLineEdit(self)
        self.code.setObjectName("ruleCode")
        self.code.setPlaceholderText(self.tr("如 L03"))
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("ruleName")
        self.low = widgets.spin_box(self, 1, 1000)
        self.high = widgets.spin_box(self, 1, 1000)
        self.deduction = QCheckBox(self.tr("这是扣分细则"), self)
        # At most N times a household a period (pos.limits); 0: no limit.
        self.limit_count = widgets.spin_box(self, 0, 1000, name="limitCount")
        self.limit_period = widgets.choices(self, [(messages.word(p, screen.lang), p) for p in LimitPeriod],
                                            name="limitPeriod")
        # At most N households earn by it for one deed day (a labour day); 0: no cap.
        self.cap = widgets.spin_box(self, 0, 10_000, name="capPerEvent")
        self.add_button = QPushButton(self.tr("添加细则"), self)
        self.add_button.setObjectName("addRule")
        box = widgets.form_box(
            self.tr("新细则"), self, (self.tr("编号"), self.code), (self.tr("类别"), self.category),
            (self.tr("名称"), self.name), (self.tr("分值"), widgets.row(self.low, QLabel("～", self), self.high)),
            (self.tr("每户次数上限（0 为不限）"), widgets.row(self.limit_count, QLabel("/", self), self.limit_period)),
            (self.tr("每次活动最多户数（0 为不限）"), self.cap),
            ("", self.deduction), ("", self.add_button))
        note = QLabel(self.tr("用过的细则不删除、不改分：停用它，再添加一条新编号的细则。以前的积分记录保持原样。"), self)
        note.setWordWrap(True)
        left = widgets.column(widgets.row(self.inactive, widgets.STRETCH, self.deactivate_button), (self.view, 1))
        widgets.row((left, 1), widgets.side_column(self, 400, box, note), parent=self)
        self.inactive.toggled.connect(lambda _c: self.reload())
        self.low.valueChanged.connect(lambda v: self.high.setValue(max(self.high.value(), v)))
        self.add_button.clicked.connect(self.add)
        self.deactivate_button.clicked.connect(self.deactivate)

    def reload(self) -> None:
        s, inactive = self.screen, self.inactive.isChecked()
        s.ops.read(lambda: rules.list_rules(s.db, s.actor, include_inactive=True), bar=s.bar,
                   done=lambda rows: self._rows(rows, inactive), newest=self)

    def _rows(self, rows, inactive: bool) -> None:
        self.known = {r.code for r in rows}
        self.model.set_rows([r for r in rows if inactive or r.active])
        kept = self.category.currentText()
        self.category.clear()
        self.category.addItems(list(dict.fromkeys(r.category for r in rows)))
        self.category.setCurrentText(kept)

    def add(self) -> None:
        s = self.screen
        code, category, name = self.code.text().strip().upper(), self.category.currentText(), self.name.text()
        low, high, deduction = self.low.value(), self.high.value(), self.deduction.isChecked()
        limit = f"{self.limit_count.value()}/{self.limit_period.currentData()}" if self.limit_count.value() else ""
        if code in getattr(self, "known", set()):
            s.bar.refuse(self.tr("编号 %1 已经用过了，请换一个新编号。").replace("%1", code))
            return
        # A new rule (or one widened) may need a supervisor's approval: asked when the service says so.
        asking.with_approval(s, asking.approved(rules.save, s.db, s.actor, code, category, name, low, high, deduction,
                                                limit=limit, cap_per_event=self.cap.value()),
                             widget=self.add_button, areas={Area.RULES}, done=self._added)

    def _added(self, rule: rules.RuleView) -> None:
        self.code.clear()
        self.name.clear()
        self.screen.bar.done(self.tr("已添加细则 %1 %2（%3）").replace("%1", rule.code).replace("%2", rule.name)
                             .replace("%3", rule.points_text))

    def deactivate(self) -> None:
        chosen = widgets.selected_rows(self.view)
        if len(chosen) != 1 or not chosen[0].active:
            self.screen.bar.refuse(self.tr("请先选中一条在用的细则。"))
            return
        rule = chosen[0]
        asking.confirm(self.screen, self.tr("停用细则 %1 %2？停用后不能再用它加分，以前的记录不变。")
                       .replace("%1", rule.code).replace("%2", rule.name), lambda: self._deactivate(rule),
                       yes=self.tr("停用"))

    def _deactivate(self, r: rules.RuleView) -> None:
        s = self.screen
        asking.with_approval(s, asking.approved(rules.save, s.db, s.actor, r.code, r.category, r.name, r.points_min,
                                                r.points_max, r.deduction, active=False),
                             widget=self.deactivate_button, areas={Area.RULES},
                             done=lambda _r: s.bar.done(self.tr("细则 %1 已停用。").replace("%1", r.code)))
