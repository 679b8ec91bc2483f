"""First start on an empty database: the village, its groups, the first administrator and
the first supervisor (the village's first secretary, 第一书记, who types their own password).

The supervisor is asked for here because nobody can make one later without them: a new
supervisor needs an existing supervisor's approval, so that an administrator alone never
makes someone who would approve their own entries (as ``aixin init --supervisor``).

Optionally the households CSV is imported and every household gets its card
(with the base points) in the same go. If the import is refused, the village
stays set up; the dialog shows the rows to fix and offers to try again or to
skip the import (it can be done later). Enter always means the main button: the
others never become the default, so an Enter after a refusal never quits.

The setup sheet with the recovery code (``pos.setupsheet``) belongs after ``village.initialise``
in ``submit``'s work, offered on the dialog before it closes.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QVBoxLayout,
)

from pos import cards, households, village
from pos.errors import ImportProblems, ShopError
from pos.vocabulary import Area
from ui.messagebar import MessageBar
from ui.sizes import px
from ui.widgets import no_default


def split_groups(text: str) -> list[str]:
    return [g for g in (part.strip() for part in re.split(r"[,，、;；\s]+", text)) if g]


class Person(QGroupBox):
    """A user of the first start: login name, name, password twice."""

    def __init__(self, title: str, parent, name: str):
        super().__init__(title, parent)
        self.setObjectName(name)
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password_again = QLineEdit(self)
        for field in (self.username, self.password, self.password_again):
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        for field in (self.password, self.password_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("至少 6 位"))
        form = QFormLayout(self)
        form.addRow(self.tr("用户名（登录用）"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再输一次"), self.password_again)

    def fields(self) -> tuple[QLineEdit, ...]:
        return self.username, self.display_name, self.password, self.password_again


class SetupDialog(QDialog):
    def __init__(self, db, ops, parent=None):
        super().__init__(parent)
        self.db, self.ops = db, ops
        self.admin_actor = None  # the first administrator, once the village is set up
        self.setWindowTitle(self.tr("第一次使用：设置本村"))
        self.setMinimumWidth(px(760))
        intro = QLabel(self.tr("欢迎使用爱心超市积分兑换系统。请填写本村的基本情况、第一位管理员和第一书记（监督员）。"), self)
        intro.setWordWrap(True)
        self.village = QLineEdit(self)
        self.shop = QLineEdit(self)
        self.shop.setPlaceholderText(self.tr("不填则为“村名爱心超市”"))
        self.groups = QLineEdit(self)
        self.groups.setPlaceholderText(self.tr("用逗号或顿号分开，如：一组、二组、三组"))
        self.admin = Person(self.tr("管理员（日常收银、登记积分）"), self, "setupAdmin")
        self.supervisor = Person(self.tr("第一书记（监督员）：请本人填写"), self, "setupSupervisor")
        why = QLabel(self.tr("为什么现在就要第一书记？监督员审批大额兑换、扣分和盘亏，每月审核并月结。"
                             "以后新增监督员必须由已有的监督员批准，管理员一个人设不了，"
                             "所以第一位监督员只能在这里由第一书记本人设置密码。"), self)
        why.setObjectName("supervisorWhy")
        why.setWordWrap(True)
        why.setStyleSheet("color:#1c3d6e;")
        # The form's names as the tests and older callers know them.
        self.username, self.display_name = self.admin.username, self.admin.display_name
        self.password, self.password_again = self.admin.password, self.admin.password_again
        self.csv = QLineEdit(self)
        self.csv.setPlaceholderText(self.tr("可不填，以后再导入"))
        browse = QPushButton(self.tr("选择文件…"), self)
        browse.clicked.connect(self._browse)
        csv_row = QHBoxLayout()
        csv_row.addWidget(self.csv, 1)
        csv_row.addWidget(browse)
        self.issue = QCheckBox(self.tr("导入后给每户发积分卡（含基础积分）"), self)
        self.issue.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("村名"), self.village)
        form.addRow(self.tr("超市名称"), self.shop)
        form.addRow(self.tr("村民小组"), self.groups)
        people = QHBoxLayout()
        people.addWidget(self.admin, 1)
        people.addWidget(self.supervisor, 1)
        files = QFormLayout()
        files.addRow(self.tr("农户名单（CSV）"), csv_row)
        files.addRow("", self.issue)
        self.bar = MessageBar(self)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.hide()
        self.ok = QPushButton(self.tr("完成设置"), self)
        self.ok.setObjectName("setupOk")
        self.ok.setMinimumHeight(px(44))
        self.skip = QPushButton(self.tr("跳过导入"), self)
        self.skip.hide()
        self.quit_button = QPushButton(self.tr("退出"), self)
        self.quit_button.setObjectName("setupQuit")
        no_default(self.skip, self.quit_button, browse)
        self.ok.setAutoDefault(True)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        self.skip.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.quit_button, self.skip, self.ok):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(people)
        layout.addWidget(why)
        layout.addLayout(files)
        layout.addWidget(self.bar)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择农户名单"), "", self.tr("CSV 文件 (*.csv);;所有文件 (*)"))
        if name:
            self.csv.setText(name)

    def _missing(self) -> tuple[str, QLineEdit] | None:
        """What the form still lacks, and where to type it."""
        if not self.village.text().strip():
            return self.tr("请填写村名。"), self.village
        if not split_groups(self.groups.text()):
            return self.tr("请至少填写一个村民小组。"), self.groups
        for person, who in ((self.admin, self.tr("管理员")), (self.supervisor, self.tr("第一书记"))):
            if not person.username.text().strip():
                return self.tr("请填写%1的用户名。").replace("%1", who), person.username
            if person.password.text() != person.password_again.text():
                person.password_again.clear()
                return self.tr("%1两次输入的密码不一样。").replace("%1", who), person.password_again
        if self.admin.username.text().strip() == self.supervisor.username.text().strip():
            return self.tr("管理员和第一书记要用不同的用户名：一个人不能审批自己的操作。"), self.supervisor.username
        return None

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        self.problems.hide()
        if self.admin_actor is None:
            missing = self._missing()
            if missing is not None:
                self.bar.refuse(missing[0])
                missing[1].setFocus()
                return
        csv_path = self.csv.text().strip()
        admin, issue = self.admin_actor, self.issue.isChecked()
        values = dict(name=self.village.text().strip(), groups=split_groups(self.groups.text()),
                      shop_name=self.shop.text().strip(), admin_username=self.admin.username.text().strip(),
                      admin_name=self.admin.display_name.text().strip(), admin_password=self.admin.password.text(),
                      supervisor_username=self.supervisor.username.text().strip(),
                      supervisor_name=self.supervisor.display_name.text().strip(),
                      supervisor_password=self.supervisor.password.text())

        def work():
            me = admin or village.initialise(self.db, **values)
            self.admin_actor = me
            made = issued = 0
            if csv_path:
                made = len(households.import_csv(self.db, me, Path(csv_path).read_bytes()))
                if issue:
                    issued = len(cards.issue_missing(self.db, me))
            return made, issued

        self.ops.write(work, widget=self.ok, bar=self.bar, done=lambda _r: self.accept(),
                       failed=self._refused, areas={Area.VILLAGE, Area.HOUSEHOLDS, Area.LEDGER})

    def _refused(self, error: ShopError) -> None:
        if isinstance(error, ImportProblems):
            self.problems.setPlainText("\n".join(error.lines(self.ops.lang)))
            self.problems.show()
        if self.admin_actor is not None:
            for field in (self.village, self.shop, self.groups, *self.admin.fields(), *self.supervisor.fields()):
                field.setEnabled(False)
            self.skip.show()
            self.ok.setText(self.tr("重新导入"))
            self.ok.setDefault(True)
            self.csv.setFocus()
