"""The village's own settings (本村), shared by every counter: its name, base points, the
point's value, approval thresholds, opening hours, how awards count (direct, or by claims
reviewed and posted before they count), the public notice's objection phone and posting days,
and its villager groups. Enter in a field saves; a change the village's rules put under a
supervisor's eye asks for their approval."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDoubleSpinBox, QGroupBox, QLineEdit, QListWidget, QPushButton, QWidget,
)

from pos import messages, village
from pos.vocabulary import Area, AwardsMode
from ui import asking, widgets
from ui.shell import Screen


class VillageTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.name = QLineEdit(self)
        self.shop_name = QLineEdit(self)
        self.base_points = widgets.spin_box(self, 0, 10_000)
        self.point_value = QDoubleSpinBox(self)
        self.point_value.setRange(0.01, 1000)
        self.point_value.setSuffix(self.tr(" 元"))
        self.deduction_above = widgets.spin_box(self, 0, 100_000, suffix=self.tr(" 分"))
        self.redemption_above = widgets.spin_box(self, 0, 100_000, suffix=self.tr(" 分"))
        self.hours = QLineEdit(self)
        self.objection_phone = widgets.field(self, "objectionPhone", self.tr("村民对公示有异议时打的电话"))
        self.notice_days = widgets.spin_box(self, 1, 60, suffix=self.tr(" 天"), name="noticeDays")
        self.mask_names = QCheckBox(self.tr("公示默认把姓名中间用 * 隐去（王*芳）"), self)
        self.name_deductions = QCheckBox(self.tr("光荣榜同时列出扣分农户的名字（不勾选时只列扣分事由与户数）"), self)
        self.name_deductions.setObjectName("nameDeductions")
        # Direct awards, or claims reviewed and posted before they count (pos.claims).
        self.awards = widgets.choices(self, [(messages.word(m, screen.lang), m) for m in AwardsMode], name="awardsMode")
        self.save_button = QPushButton(self.tr("保存本村设置"), self)
        self.save_button.setObjectName("saveVillage")
        form_box = widgets.form_box(
            self.tr("本村"), self, (self.tr("村名"), self.name), (self.tr("超市名称"), self.shop_name),
            (self.tr("发卡基础积分"), self.base_points), (self.tr("每分参考价值"), self.point_value),
            (self.tr("扣分超过此数需审批"), self.deduction_above),
            (self.tr("兑换超过此数需审批"), self.redemption_above), (self.tr("开放时间"), self.hours),
            (self.tr("加分方式"), self.awards),
            (self.tr("公示异议电话"), self.objection_phone), (self.tr("公示张贴天数"), self.notice_days),
            ("", self.mask_names), ("", self.name_deductions), ("", self.save_button))
        widgets.enter_submits(self, self.save, self.name, self.shop_name, self.base_points, self.point_value,
                              self.deduction_above, self.redemption_above, self.hours, self.objection_phone,
                              self.notice_days)
        self.groups = QListWidget(self)
        self.new_group = QLineEdit(self)
        self.new_group.setPlaceholderText(self.tr("新小组名称"))
        add_group = QPushButton(self.tr("添加小组"), self)
        group_box = QGroupBox(self.tr("村民小组"), self)
        widgets.column((self.groups, 1), widgets.row((self.new_group, 1), add_group), parent=group_box)
        widgets.row((form_box, 3), (group_box, 2), parent=self)
        self.save_button.clicked.connect(self.save)
        add_group.clicked.connect(self.add_group)
        self.new_group.returnPressed.connect(self.add_group)

    def reload(self) -> None:
        s = self.screen
        s.ops.read(lambda: village.settings(s.db), bar=s.bar, done=self.show_settings)

    def show_settings(self, v: village.Settings) -> None:
        self.name.setText(v.name)
        self.shop_name.setText(v.shop_name)
        self.base_points.setValue(v.base_points)
        self.point_value.setValue(v.point_value_fen / 100)
        self.deduction_above.setValue(v.deduction_approval_above)
        self.redemption_above.setValue(v.redemption_approval_above)
        self.hours.setText(v.opening_hours)
        self.objection_phone.setText(v.objection_phone)
        self.notice_days.setValue(v.notice_days)
        self.mask_names.setChecked(v.mask_names)
        self.name_deductions.setChecked(v.name_deductions)
        self.awards.setCurrentIndex(self.awards.findData(v.awards))
        self.groups.clear()
        self.groups.addItems(list(v.groups))

    def save(self) -> None:
        s = self.screen
        changes = dict(name=self.name.text().strip(), shop_name=self.shop_name.text().strip(),
                       base_points=self.base_points.value(), point_value_fen=round(self.point_value.value() * 100),
                       deduction_approval_above=self.deduction_above.value(),
                       redemption_approval_above=self.redemption_above.value(), opening_hours=self.hours.text().strip(),
                       objection_phone=self.objection_phone.text().strip(), notice_days=self.notice_days.value(),
                       mask_names=self.mask_names.isChecked(), awards=str(self.awards.currentData()),
                       name_deductions=self.name_deductions.isChecked())
        # A threshold changed, base points raised, claims given up, notice shortened or names put on the board: a supervisor approves, asked
        # when the service says so.
        asking.with_approval(s, asking.approved(village.change, s.db, s.actor, **changes), widget=self.save_button,
                             areas={Area.VILLAGE},
                             done=lambda _v: s.bar.done(self.tr("本村设置已保存。以前的积分记录不受影响。")))

    def add_group(self) -> None:
        s, name = self.screen, self.new_group.text().strip()
        if not name:
            return
        s.ops.write(lambda: village.add_group(s.db, s.actor, name), bar=s.bar, areas={Area.VILLAGE},
                    done=lambda _r: (self.new_group.clear(), s.bar.done(self.tr("已添加小组 %1").replace("%1", name))))
