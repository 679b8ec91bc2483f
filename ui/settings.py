"""Settings (设置): the village, point rules, users, the receipt printer, backups, and this PC
(language, idle lock, scanner timing).

The village's settings live in the database and belong to every counter; the printer,
backups folder, language, idle lock and scanner belong to this PC (``pos.settings``).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QT_TRANSLATE_NOOP, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from pos import backups, households, messages, rules, users, village
from pos.receipts import printer as receipt_printer
from pos.receipts import queue as printqueue
from pos.station import settings as local_settings
from pos.errors import NeedsApproval, ShopError
from pos.vocabulary import Role
from ui import forms
from ui.models import Column, RowsModel
from ui.shell import Area, Screen, register

log = logging.getLogger("ui")

JOB_STATUS = {"pending": "待打印", "printed": "已打印", "failed": "失败"}


def rules_model() -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "编号"), lambda r: r.code),
        Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda r: r.category),
        Column(QT_TRANSLATE_NOOP("RowsModel", "细则"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "分值"), lambda r: r.points_text, right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda r: "在用" if r.active else "已停用"),
    ])


def users_model() -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "用户名"), lambda u: u.username),
        Column(QT_TRANSLATE_NOOP("RowsModel", "姓名"), lambda u: u.display_name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "角色"), lambda u: messages.word(u.role)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"),
               lambda u: "已停用" if not u.active else ("已锁定" if u.locked else "正常")),
        Column(QT_TRANSLATE_NOOP("RowsModel", "本人农户"), lambda u: u.household),
    ])


def jobs_model() -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "兑换单"), lambda j: f"第 {j.seq} 笔"),
        Column(QT_TRANSLATE_NOOP("RowsModel", "份"), lambda j: "原件" if j.copy == 0 else f"重印第 {j.copy} 次"),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda j: JOB_STATUS.get(j.status, j.status)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "尝试"), lambda j: str(j.attempts), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda j: j.created_at.astimezone().strftime("%m-%d %H:%M")),
    ])


def copies_model() -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "备份时间"),
               lambda c: c.made_at.strftime("%Y-%m-%d %H:%M:%S")),
        Column(QT_TRANSLATE_NOOP("RowsModel", "文件"), lambda c: c.path.name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "大小"), lambda c: f"{c.size // 1024} KB", right=True),
    ])


class VillageTab(QWidget):
    def __init__(self, screen: SettingsScreen):
        super().__init__(screen)
        self.screen = screen
        self.name = QLineEdit(self)
        self.shop_name = QLineEdit(self)
        self.base_points = QSpinBox(self)
        self.base_points.setRange(0, 10_000)
        self.point_value = QDoubleSpinBox(self)
        self.point_value.setRange(0.01, 1000)
        self.point_value.setSuffix(self.tr(" 元"))
        self.deduction_above = QSpinBox(self)
        self.deduction_above.setRange(0, 100_000)
        self.deduction_above.setSuffix(self.tr(" 分"))
        self.redemption_above = QSpinBox(self)
        self.redemption_above.setRange(0, 100_000)
        self.redemption_above.setSuffix(self.tr(" 分"))
        self.hours = QLineEdit(self)
        self.save_button = QPushButton(self.tr("保存本村设置"), self)
        self.save_button.setObjectName("saveVillage")
        form_box = QGroupBox(self.tr("本村"), self)
        form = QFormLayout(form_box)
        form.addRow(self.tr("村名"), self.name)
        form.addRow(self.tr("超市名称"), self.shop_name)
        form.addRow(self.tr("发卡基础积分"), self.base_points)
        form.addRow(self.tr("每分参考价值"), self.point_value)
        form.addRow(self.tr("扣分超过此数需审批"), self.deduction_above)
        form.addRow(self.tr("兑换超过此数需审批"), self.redemption_above)
        form.addRow(self.tr("开放时间"), self.hours)
        form.addRow("", self.save_button)
        self.groups = QListWidget(self)
        self.new_group = QLineEdit(self)
        self.new_group.setPlaceholderText(self.tr("新小组名称"))
        add_group = QPushButton(self.tr("添加小组"), self)
        group_box = QGroupBox(self.tr("村民小组"), self)
        group_layout = QVBoxLayout(group_box)
        group_layout.addWidget(self.groups, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_group, 1)
        row.addWidget(add_group)
        group_layout.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addWidget(form_box, 3)
        layout.addWidget(group_box, 2)
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
        self.groups.clear()
        self.groups.addItems(list(v.groups))

    def save(self) -> None:
        s = self.screen
        changes = dict(name=self.name.text().strip(), shop_name=self.shop_name.text().strip(),
                       base_points=self.base_points.value(), point_value_fen=round(self.point_value.value() * 100),
                       deduction_approval_above=self.deduction_above.value(),
                       redemption_approval_above=self.redemption_above.value(), opening_hours=self.hours.text().strip())
        s.ops.write(lambda: village.change(s.db, s.actor, **changes), widget=self.save_button, bar=s.bar,
                    areas={"village"}, done=lambda _v: s.bar.done(self.tr("本村设置已保存。以前的积分记录不受影响。")))

    def add_group(self) -> None:
        s, name = self.screen, self.new_group.text().strip()
        if not name:
            return
        s.ops.write(lambda: village.add_group(s.db, s.actor, name), bar=s.bar, areas={"village"},
                    done=lambda _r: (self.new_group.clear(), s.bar.done(self.tr("已添加小组 %1").replace("%1", name))))


class RulesTab(QWidget):
    def __init__(self, screen: SettingsScreen):
        super().__init__(screen)
        self.screen = screen
        self.model = rules_model()
        self.view = forms.table(self.model, self, stretch=2)
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
        self.low = QSpinBox(self)
        self.low.setRange(1, 1000)
        self.high = QSpinBox(self)
        self.high.setRange(1, 1000)
        self.deduction = QCheckBox(self.tr("这是扣分细则"), self)
        self.add_button = QPushButton(self.tr("添加细则"), self)
        self.add_button.setObjectName("addRule")
        box = QGroupBox(self.tr("新细则"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("编号"), self.code)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("名称"), self.name)
        points = QHBoxLayout()
        points.addWidget(self.low)
        points.addWidget(QLabel("～", self))
        points.addWidget(self.high)
        form.addRow(self.tr("分值"), points)
        form.addRow("", self.deduction)
        form.addRow("", self.add_button)
        note = QLabel(self.tr("用过的细则不删除、不改分：停用它，再添加一条新编号的细则。以前的积分记录保持原样。"), self)
        note.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(box)
        side.addWidget(note)
        side.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(side)
        holder.setFixedWidth(400)
        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.inactive)
        top.addStretch(1)
        top.addWidget(self.deactivate_button)
        left.addLayout(top)
        left.addWidget(self.view, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(holder)
        self.inactive.toggled.connect(lambda _c: self.reload())
        self.low.valueChanged.connect(lambda v: self.high.setValue(max(self.high.value(), v)))
        self.add_button.clicked.connect(self.add)
        self.deactivate_button.clicked.connect(self.deactivate)

    def reload(self) -> None:
        s, inactive = self.screen, self.inactive.isChecked()
        s.ops.read(lambda: rules.list_rules(s.db, s.actor, include_inactive=True), bar=s.bar,
                   done=lambda rows: self._rows(rows, inactive))

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
        if code in getattr(self, "known", set()):
            s.bar.refuse(self.tr("编号 %1 已经用过了，请换一个新编号。").replace("%1", code))
            return
        s.ops.write(lambda: rules.save(s.db, s.actor, code, category, name, low, high, deduction),
                    widget=self.add_button, bar=s.bar, areas={"rules"}, done=self._added)

    def _added(self, rule: rules.RuleView) -> None:
        self.code.clear()
        self.name.clear()
        self.screen.bar.done(self.tr("已添加细则 %1 %2（%3）").replace("%1", rule.code).replace("%2", rule.name)
                             .replace("%3", rule.points_text))

    def deactivate(self) -> None:
        chosen = forms.selected_rows(self.view)
        if len(chosen) != 1 or not chosen[0].active:
            self.screen.bar.refuse(self.tr("请先选中一条在用的细则。"))
            return
        rule = chosen[0]
        forms.confirm(self.screen, self.tr("停用细则 %1 %2？停用后不能再用它加分，以前的记录不变。")
                      .replace("%1", rule.code).replace("%2", rule.name), lambda: self._deactivate(rule),
                      yes=self.tr("停用"))

    def _deactivate(self, r: rules.RuleView) -> None:
        s = self.screen
        s.ops.write(lambda: rules.save(s.db, s.actor, r.code, r.category, r.name, r.points_min, r.points_max,
                                       r.deduction, active=False),
                    widget=self.deactivate_button, bar=s.bar, areas={"rules"},
                    done=lambda _r: s.bar.done(self.tr("细则 %1 已停用。").replace("%1", r.code)))


class UsersTab(QWidget):
    def __init__(self, screen: SettingsScreen):
        super().__init__(screen)
        self.screen = screen
        self.model = users_model()
        self.view = forms.table(self.model, self, stretch=1)
        self.view.setObjectName("users")
        self.unlock_button = QPushButton(self.tr("解锁"), self)
        self.active_button = QPushButton(self.tr("停用 / 恢复"), self)
        self.new_password = QLineEdit(self)
        self.new_password.setObjectName("resetPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("新密码（至少 6 位）"))
        self.reset_button = QPushButton(self.tr("重设密码"), self)
        self.username = QLineEdit(self)
        self.username.setObjectName("newUsername")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("newDisplayName")
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(messages.word(role, self.screen.ops.lang), role)
        self.password = QLineEdit(self)
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(self)
        self.password_again.setObjectName("newPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("添加用户"), self)
        self.add_button.setObjectName("addUser")
        box = QGroupBox(self.tr("新用户"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("用户名（登录用）"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再输一遍"), self.password_again)
        form.addRow("", self.add_button)
        chosen = QGroupBox(self.tr("所选用户"), self)
        chosen_layout = QVBoxLayout(chosen)
        row = QHBoxLayout()
        row.addWidget(self.unlock_button)
        row.addWidget(self.active_button)
        chosen_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.new_password, 1)
        row.addWidget(self.reset_button)
        chosen_layout.addLayout(row)
        side = QVBoxLayout()
        side.addWidget(box)
        side.addWidget(chosen)
        side.addWidget(self._household_box())
        side.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(side)
        holder.setFixedWidth(420)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(holder)
        self.add_button.clicked.connect(self.add)
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.show_household())

    def _household_box(self) -> QGroupBox:
        """The selected user's own household: administrators are villagers too, and the audit
        flags points they give to, or goods they redeem for, their own household."""
        box = QGroupBox(self.tr("所选用户本人所在的农户"), self)
        self.household_now = QLabel(self.tr("先在左边选中一个用户。"), box)
        self.household_now.setWordWrap(True)
        self.household_search = QLineEdit(box)
        self.household_search.setObjectName("userHouseholdSearch")
        self.household_search.setPlaceholderText(self.tr("搜索农户：姓名、拼音首字母或卡号"))
        self.household_search.setClearButtonEnabled(True)
        self.household_choice = QComboBox(box)
        self.household_choice.setObjectName("userHousehold")
        self.link_button = QPushButton(self.tr("关联到这一户"), box)
        self.link_button.setObjectName("linkHousehold")
        self.unlink_button = QPushButton(self.tr("取消关联"), box)
        self.unlink_button.setObjectName("unlinkHousehold")
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(250)
        timer.timeout.connect(self.find_households)
        self.household_search.textChanged.connect(lambda _t: timer.start())
        self.link_button.clicked.connect(self.link)
        self.unlink_button.clicked.connect(self.unlink)
        layout = QVBoxLayout(box)
        layout.addWidget(self.household_now)
        layout.addWidget(self.household_search)
        layout.addWidget(self.household_choice)
        row = QHBoxLayout()
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        layout.addLayout(row)
        return box

    def show_household(self) -> None:
        rows = forms.selected_rows(self.view)
        if len(rows) != 1:
            self.household_now.setText(self.tr("先在左边选中一个用户。"))
        elif rows[0].household:
            self.household_now.setText(self.tr("%1 是 %2 一户的人。").replace("%1", rows[0].display_name)
                                       .replace("%2", rows[0].household))
        else:
            self.household_now.setText(self.tr("%1 还没有关联农户。").replace("%1", rows[0].display_name))

    def find_households(self) -> None:
        s, text = self.screen, self.household_search.text()
        if not text.strip():
            self.household_choice.clear()
            return
        s.ops.read(lambda: households.search(s.db, s.actor, text, limit=30), bar=s.bar, done=self._found)

    def _found(self, rows) -> None:
        self.household_choice.clear()
        for h in rows:
            self.household_choice.addItem(f"{h.head_name}（{h.group}）{h.card_number or ''}", h.id)
        if not rows:
            self.screen.bar.info(self.tr("没有找到这样的农户。"))

    def link(self) -> None:
        user, s = self.one(), self.screen
        if user is None:
            return
        household_id, name = self.household_choice.currentData(), self.household_choice.currentText()
        if household_id is None:
            s.bar.refuse(self.tr("先搜索并选出这个用户本人所在的农户。"))
            return
        s.ops.write(lambda: users.link_household(s.db, s.actor, user.username, household_id),
                    widget=self.link_button, bar=s.bar, areas={"users"},
                    done=lambda _r: s.bar.done(self.tr("%1 已关联到农户 %2。").replace("%1", user.display_name)
                                               .replace("%2", name)))

    def unlink(self) -> None:
        user, s = self.one(), self.screen
        if user is None:
            return
        s.ops.write(lambda: users.link_household(s.db, s.actor, user.username, None),
                    widget=self.unlink_button, bar=s.bar, areas={"users"},
                    done=lambda _r: s.bar.done(self.tr("%1 已取消关联农户。").replace("%1", user.display_name)))

    def reload(self) -> None:
        s = self.screen
        s.ops.read(lambda: users.list_users(s.db, s.actor), bar=s.bar, done=self._users)

    def _users(self, rows) -> None:
        chosen = {u.username for u in forms.selected_rows(self.view)}
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            if row.username in chosen:
                self.view.selectRow(number)
        self.show_household()

    def one(self):
        rows = forms.selected_rows(self.view)
        if len(rows) != 1:
            self.screen.bar.refuse(self.tr("请先在列表里选中一个用户。"))
            return None
        return rows[0]

    def add(self) -> None:
        s = self.screen
        if self.password.text() != self.password_again.text():
            s.bar.refuse(self.tr("两次输入的密码不一样。"))
            return
        username, name, role, password = (self.username.text(), self.display_name.text(),
                                          self.role.currentData(), self.password.text())
        # A new supervisor needs another supervisor's approval: asked when the service says so.
        forms.with_approval(s, lambda approval: users.create(s.db, s.actor, username, name, role, password,
                                                             approval),
                            widget=self.add_button, areas={"users"}, done=self._added)

    def _added(self, user: users.UserView) -> None:
        for field in (self.username, self.display_name, self.password, self.password_again):
            field.clear()
        self.screen.bar.done(self.tr("已添加%1 %2（%3）").replace("%1", messages.word(user.role, self.screen.ops.lang))
                             .replace("%2", user.display_name).replace("%3", user.username))

    def unlock(self) -> None:
        user, s = self.one(), self.screen
        if user is not None:
            s.ops.write(lambda: users.unlock(s.db, s.actor, user.username), widget=self.unlock_button, bar=s.bar,
                        areas={"users"}, done=lambda _r: s.bar.done(self.tr("%1 已解锁。").replace("%1", user.display_name)))

    def toggle_active(self) -> None:
        user, s = self.one(), self.screen
        if user is None:
            return
        on = not user.active
        s.ops.write(lambda: users.set_active(s.db, s.actor, user.username, on), widget=self.active_button,
                    bar=s.bar, areas={"users"},
                    done=lambda _r: s.bar.done((self.tr("%1 已恢复使用。") if on else
                                                self.tr("%1 已停用，不能再登录。")).replace("%1", user.display_name)))

    def reset(self) -> None:
        user, s, password = self.one(), self.screen, self.new_password.text()
        if user is None:
            return
        forms.with_approval(s, lambda approval: users.reset_password(s.db, s.actor, user.username, password,
                                                                     approval),
                            widget=self.reset_button, areas={"users"},
                            done=lambda _r: (self.new_password.clear(),
                                     s.bar.done(self.tr("%1 的密码已重设，请当面告诉本人。").replace("%1", user.display_name))))


class PrinterTab(QWidget):
    def __init__(self, screen: SettingsScreen):
        super().__init__(screen)
        self.screen = screen
        self.port = QComboBox(self)
        self.port.setObjectName("printerPort")
        self.port.setEditable(True)
        self.baud = QComboBox(self)
        for value in local_settings.choices("baudrate"):
            self.baud.addItem(str(value), value)
        self.paper = QComboBox(self)
        for mm in local_settings.choices("paper_mm"):
            self.paper.addItem(self.tr("%1 毫米").replace("%1", str(mm)), mm)
        self.flow = QComboBox(self)
        for value, name in zip(local_settings.choices("flow"),
                               (self.tr("无"), self.tr("软件（XON/XOFF）"), self.tr("硬件（RTS/CTS）")), strict=True):
            self.flow.addItem(name, value)
        self.status = QCheckBox(self.tr("打印前查询打印机状态（缺纸、开盖）"), self)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("savePrinter")
        self.test_button = QPushButton(self.tr("打印测试页"), self)
        refresh = QPushButton(self.tr("重新查找串口"), self)
        box = QGroupBox(self.tr("小票打印机"), self)
        form = QFormLayout(box)
        port_row = QHBoxLayout()
        port_row.addWidget(self.port, 1)
        port_row.addWidget(refresh)
        form.addRow(self.tr("串口"), port_row)
        form.addRow(self.tr("波特率"), self.baud)
        form.addRow(self.tr("纸宽"), self.paper)
        form.addRow(self.tr("流控"), self.flow)
        form.addRow("", self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        form.addRow("", buttons)
        box.setFixedWidth(480)
        self.jobs = jobs_model()
        self.jobs_view = forms.table(self.jobs, self, stretch=4)
        self.retry_button = QPushButton(self.tr("补打全部待打印"), self)
        self.reprint_button = QPushButton(self.tr("重印所选"), self)
        queue = QGroupBox(self.tr("小票队列"), self)
        queue_layout = QVBoxLayout(queue)
        queue_layout.addWidget(self.jobs_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addWidget(self.reprint_button)
        queue_layout.addLayout(row)
        layout = QHBoxLayout(self)
        column = QVBoxLayout()
        column.addWidget(box)
        column.addStretch(1)
        layout.addLayout(column)
        layout.addWidget(queue, 1)
        refresh.clicked.connect(self.find_ports)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test_print)
        self.retry_button.clicked.connect(self.retry)
        self.reprint_button.clicked.connect(self.reprint)

    def find_ports(self) -> None:
        from serial.tools import list_ports

        current = self.port.currentText() or self.screen.shell.settings.printer.port
        self.port.clear()
        for info in sorted(list_ports.comports(), key=lambda p: p.device):
            self.port.addItem(f"{info.device}", info.device)
            self.port.setItemData(self.port.count() - 1, info.description, Qt.ItemDataRole.ToolTipRole)
        self.port.setCurrentText(current)

    def reload(self) -> None:
        printer = self.screen.shell.settings.printer
        self.find_ports()
        self.port.setCurrentText(printer.port)
        self.baud.setCurrentIndex(max(self.baud.findData(printer.baudrate), 0))
        self.paper.setCurrentIndex(max(self.paper.findData(printer.paper_mm), 0))
        self.flow.setCurrentIndex(max(self.flow.findData(printer.flow), 0))
        self.status.setChecked(printer.status)
        self.reload_jobs()

    def reload_jobs(self) -> None:
        s = self.screen
        s.ops.read(lambda: printqueue.jobs(s.db, s.actor, include_printed=True, limit=100), bar=s.bar,
                   done=self.jobs.set_rows)

    def chosen_printer(self) -> local_settings.PrinterSettings:
        return replace(self.screen.shell.settings.printer, port=self.port.currentText().strip(),
                       baudrate=self.baud.currentData(), paper_mm=self.paper.currentData(),
                       flow=self.flow.currentData(), status=self.status.isChecked())

    def save(self) -> None:
        self.screen.save_local(replace(self.screen.shell.settings, printer=self.chosen_printer()))
        self.screen.bar.done(self.tr("打印机设置已保存：%1").replace("%1", self.port.currentText() or "-"))
        self.screen.shell.refresh_station()

    def test_print(self) -> None:
        s, printer = self.screen, self.chosen_printer()
        s.ops.read(lambda: receipt_printer.test_print(printer, s.ops.lang), widget=self.test_button, bar=s.bar,
                   done=lambda page: s.bar.done(self.tr("测试页已发送到 %1，打印机状态：%2")
                                                .replace("%1", printer.port).replace("%2", page.status)))

    def retry(self) -> None:
        s, printer = self.screen, self.screen.shell.settings.printer
        s.ops.write(lambda: receipt_printer.retry_waiting(s.db, printer), widget=self.retry_button, bar=s.bar,
                    done=self._printed, areas={"print"})

    def reprint(self) -> None:
        s, printer = self.screen, self.screen.shell.settings.printer
        rows = forms.selected_rows(self.jobs_view)
        if len(rows) != 1:
            s.bar.refuse(self.tr("请先在队列里选中一张小票。"))
            return
        seq = rows[0].seq

        def work():
            job = printqueue.reprint(s.db, s.actor, seq)
            return receipt_printer.print_jobs(s.db, printer, [job.id], seq)

        s.ops.write(work, widget=self.reprint_button, bar=s.bar, done=self._printed, areas={"print"})

    def _printed(self, outcome: receipt_printer.ReceiptOutcome) -> None:
        text = outcome.message(self.screen.ops.lang)
        (self.screen.bar.done if outcome.state == receipt_printer.PRINTED else self.screen.bar.refuse)(text)
        self.screen.shell.set_printer_state(outcome.fault)
        self.reload_jobs()


class BackupTab(QWidget):
    def __init__(self, screen: SettingsScreen):
        super().__init__(screen)
        self.screen = screen
        self.folder = QLineEdit(self)
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("默认：数据文件夹下的 backups（也可以选 U 盘）"))
        choose = QPushButton(self.tr("选择文件夹…"), self)
        self.keep = QSpinBox(self)
        self.keep.setRange(1, 1000)
        self.keep.setSuffix(self.tr(" 份"))
        self.save_button = QPushButton(self.tr("保存"), self)
        self.backup_button = forms.big(QPushButton(self.tr("立即备份"), self), 1.15, True)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.setMinimumHeight(48)
        self.restore_button = QPushButton(self.tr("用所选备份恢复…"), self)
        self.restore_button.setObjectName("restore")
        self.last = forms.big(QLabel(self), 1.1)
        self.last.setWordWrap(True)
        self.model = copies_model()
        self.view = forms.table(self.model, self, stretch=1)
        self.view.setObjectName("copies")
        box = QGroupBox(self.tr("备份"), self)
        form = QFormLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(self.tr("备份到"), row)
        form.addRow(self.tr("保留最近"), self.keep)
        form.addRow("", self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.last, 1)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("恢复前会先检查备份是否完好，并把现在的数据库另存一份。"), self), 1)
        bottom.addWidget(self.restore_button)
        layout.addLayout(bottom)
        choose.clicked.connect(self.choose)
        self.save_button.clicked.connect(self.save)
        self.backup_button.clicked.connect(self.backup)
        self.restore_button.clicked.connect(self.restore)
        self.folder.editingFinished.connect(self.reload_copies)

    def target(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None

    def reload(self) -> None:
        settings = self.screen.shell.settings
        self.folder.setText(getattr(settings, "backup_dir", ""))
        self.keep.setValue(getattr(settings, "backup_keep", 30))
        self.reload_copies()

    def reload_copies(self) -> None:
        s, folder = self.screen, self.target()
        s.ops.read(lambda: backups.copies(folder), bar=s.bar, done=self.model.set_rows)

    def choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("备份到哪个文件夹"))
        if name:
            self.folder.setText(name)
            self.reload_copies()

    def save(self) -> None:
        self.screen.save_local(replace(self.screen.shell.settings, backup_dir=self.folder.text().strip(),
                                       backup_keep=self.keep.value()))
        self.screen.bar.done(self.tr("备份设置已保存。"))

    def backup(self) -> None:
        s, folder, keep = self.screen, self.target(), self.keep.value()

        def work(report):
            report(0, 0, self.tr("正在备份并检查……"))
            return backups.backup_now(s.db, s.actor, folder, keep)

        s.ops.read(work, widget=self.backup_button, bar=s.bar, progress=True, title=self.tr("备份"),
                   done=self._backed_up, failed=lambda e: self.last.setText(self.tr("上次备份失败：%1")
                                                                             .replace("%1", e.message(s.ops.lang))))

    def _backed_up(self, result: backups.BackupResult) -> None:
        text = self.tr("%1 备份成功，校验通过，共 %2 笔：%3").replace("%1", datetime.now().strftime("%Y-%m-%d %H:%M")) \
            .replace("%2", str(result.transactions)).replace("%3", str(result.path))
        self.last.setText(text)
        self.screen.bar.done(text)
        self.reload_copies()
        self.screen.shell.refresh_station()

    def restore(self) -> None:
        rows = forms.selected_rows(self.view)
        if len(rows) != 1:
            self.screen.bar.refuse(self.tr("请先在列表里选中一份备份。"))
            return
        path = rows[0].path
        forms.confirm(self.screen, self.tr("用这份备份替换现在的数据库？\n%1\n现在的数据库会先另存一份，可以再恢复回来。")
                      .replace("%1", path.name), lambda: self._restore(path, False), yes=self.tr("恢复"))

    def _restore(self, path: Path, older_confirmed: bool, approval=None) -> None:
        """A restore replaces the database: a supervisor approves it (asked when the service
        says so), and a copy older than the ledger is confirmed once more, keeping the approval."""
        s = self.screen
        quiet = forms.ApprovalBar(s.bar)

        def failed(error: ShopError) -> None:
            if isinstance(error, NeedsApproval) and approval is None:
                quiet.asking = True
                dialog = forms.ApprovalDialog(error.message(s.ops.lang), s)
                s.approval_dialog = dialog
                dialog.approved.connect(lambda given: self._restore(path, older_confirmed, given))
                dialog.open()
            elif error.key == "restore_older":
                p = error.params
                forms.confirm(s, self.tr("这份备份止于第 %1 笔，现在的账本已到第 %2 笔：恢复会丢掉 %3 笔。\n确定要恢复吗？")
                              .replace("%1", str(p["backup_seq"])).replace("%2", str(p["current_seq"]))
                              .replace("%3", str(p["lost"])), lambda: self._restore(path, True, approval),
                              yes=self.tr("丢掉这些，恢复"))

        def work(report):
            report(0, 0, self.tr("正在检查并恢复……"))
            return backups.restore(s.db, s.actor, approval, path, accept_older=older_confirmed)

        s.ops.write(work, widget=self.restore_button, bar=quiet, progress=True, title=self.tr("恢复"),
                    failed=failed, done=self._restored,
                    areas={"ledger", "households", "goods", "village", "rules", "users"})

    def _restored(self, restored: backups.RestoreResult) -> None:
        self.screen.bar.done(self.tr("已恢复，账本完好，共 %1 笔。原来的数据库另存为 %2")
                             .replace("%1", str(restored.head_seq)).replace("%2", str(restored.safety_copy)))
        self.reload_copies()


class ComputerTab(QWidget):
    def __init__(self, screen: SettingsScreen):
        super().__init__(screen)
        self.screen = screen
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.idle = QSpinBox(self)
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" 分钟（0 为不锁）"))
        self.gap = QSpinBox(self)
        self.gap.setRange(10, 500)
        self.gap.setSuffix(self.tr(" 毫秒"))
        self.prefix = QLineEdit(self)
        self.suffix = QLineEdit(self)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("saveComputer")
        box = QGroupBox(self.tr("本机"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("界面语言（重新打开后生效）"), self.language)
        form.addRow(self.tr("无人操作多久后锁屏"), self.idle)
        form.addRow(self.tr("扫码枪按键间隔不超过"), self.gap)
        form.addRow(self.tr("扫码枪前缀"), self.prefix)
        form.addRow(self.tr("扫码枪后缀"), self.suffix)
        form.addRow("", self.save_button)
        box.setFixedWidth(640)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def reload(self) -> None:
        settings = self.screen.shell.settings
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.idle.setValue(int(settings.idle_lock_minutes))
        self.gap.setValue(settings.scan_gap_ms)
        self.prefix.setText(settings.scan_prefix)
        self.suffix.setText(settings.scan_suffix)

    def save(self) -> None:
        shell = self.screen.shell
        new = replace(shell.settings, language=self.language.currentData(), idle_lock_minutes=self.idle.value(),
                      scan_gap_ms=self.gap.value(), scan_prefix=self.prefix.text(), scan_suffix=self.suffix.text())
        self.screen.save_local(new)
        shell.idle.set_minutes(new.idle_lock_minutes)
        if shell.scanner is not None:
            shell.scanner.configure(gap_ms=new.scan_gap_ms, prefix=new.scan_prefix, suffix=new.scan_suffix)
        self.screen.bar.done(self.tr("本机设置已保存。"))


def start_automatic_backups(shell) -> None:
    """A backup on the first start of each day the app is used, and one when it closes.

    The daily one runs beside the work (the window never waits for it); the one on exit
    runs before the database is closed. A failure is logged and shown in the status bar.
    """
    def where():
        settings = shell.settings
        folder = getattr(settings, "backup_dir", "")
        return (Path(folder) if folder else None), getattr(settings, "backup_keep", 30)

    def failed(error: ShopError) -> None:
        log.warning("automatic backup failed: %s", error)
        shell.backup_label.setText(shell.tr("自动备份失败：%1").replace("%1", error.message(shell.ops.lang)))

    folder, keep = where()
    if backups.due_today(folder):
        actor = shell.actor
        shell.ops.read(lambda: backups.backup_now(shell.db, actor, folder, keep), failed=failed,
                       bar=shell.current_screen().bar if shell.current_screen() else None,
                       done=lambda _r: shell.refresh_station())

    if getattr(shell, "exit_backup", None) is None:
        shell.exit_backup = ExitBackup(shell, where)


class ExitBackup(QObject):
    """Makes the backup when the application quits; a child of the shell, so it goes with it."""

    def __init__(self, shell, where):
        super().__init__(shell)
        self.shell, self.where = shell, where
        self.app = QApplication.instance()
        self.app.aboutToQuit.connect(self.run)

    @Slot()
    def run(self) -> None:
        folder, keep = self.where()
        try:
            backups.backup_now(self.shell.db, self.shell.actor, folder, keep)
        except ShopError as error:
            log.warning("backup on exit failed: %s", error)

    def stop(self) -> None:
        self.app.aboutToQuit.disconnect(self.run)


class SettingsScreen(Screen):
    def __init__(self, shell):
        super().__init__(shell)
        self.tabs = QTabWidget(self)
        self.village = VillageTab(self)
        self.rules = RulesTab(self)
        self.users = UsersTab(self)
        self.printer = PrinterTab(self)
        self.backup = BackupTab(self)
        self.computer = ComputerTab(self)
        for tab, name in ((self.village, self.tr("本村")), (self.rules, self.tr("积分细则")),
                          (self.users, self.tr("用户")), (self.printer, self.tr("打印机")),
                          (self.backup, self.tr("备份与恢复")), (self.computer, self.tr("本机"))):
            self.tabs.addTab(tab, name)
        layout = QVBoxLayout(self)
        layout.addWidget(forms.title(self.tr("设置"), self))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.bar)
        for tab in (self.village, self.rules, self.users, self.printer, self.backup, self.computer):
            tab.reload()

    def save_local(self, new: local_settings.Settings) -> None:
        local_settings.save(new)
        self.shell.settings = new

    def on_changed(self, areas) -> None:
        if "village" in areas:
            self.village.reload()
        if "rules" in areas:
            self.rules.reload()
        if "users" in areas:
            self.users.reload()
        if "print" in areas:
            self.printer.reload_jobs()


register(Area("settings", QT_TRANSLATE_NOOP("Areas", "设置"), "F11", SettingsScreen, order=90, roles=(Role.ADMIN,)))
