"""First start on an empty database: the village, its groups and the first administrator.

Optionally the households CSV is imported and every household gets its card
(with the base points) in the same go. If the import is refused, the village
stays set up; the dialog shows the rows to fix and offers to try again or to
skip the import (it can be done later).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QVBoxLayout,
)

from pos import cards, households, village
from pos.errors import ImportProblems, ShopError
from pos.vocabulary import Area
from ui.messagebar import MessageBar
from ui.sizes import px


def split_groups(text: str) -> list[str]:
    return [g for g in (part.strip() for part in re.split(r"[,，、;；\s]+", text)) if g]


class SetupDialog(QDialog):
    def __init__(self, db, ops, parent=None):
        super().__init__(parent)
        self.db, self.ops = db, ops
        self.admin = None  # the first administrator, once the village is set up
        self.setWindowTitle(self.tr("第一次使用：设置本村"))
        self.setMinimumWidth(px(640))
        intro = QLabel(self.tr("欢迎使用爱心超市积分兑换系统。请填写本村的基本情况和第一位管理员。"), self)
        intro.setWordWrap(True)
        self.village = QLineEdit(self)
        self.shop = QLineEdit(self)
        self.shop.setPlaceholderText(self.tr("不填则为“村名爱心超市”"))
        self.groups = QLineEdit(self)
        self.groups.setPlaceholderText(self.tr("用逗号或顿号分开，如：一组、二组、三组"))
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password_again = QLineEdit(self)
        for field in (self.username, self.password, self.password_again):
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        for field in (self.password, self.password_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
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
        form.addRow(self.tr("管理员用户名"), self.username)
        form.addRow(self.tr("管理员姓名"), self.display_name)
        form.addRow(self.tr("密码（至少 6 位）"), self.password)
        form.addRow(self.tr("再输一次密码"), self.password_again)
        form.addRow(self.tr("农户名单（CSV）"), csv_row)
        form.addRow("", self.issue)
        self.bar = MessageBar(self)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        self.problems.hide()
        self.ok = QPushButton(self.tr("完成设置"), self)
        self.ok.setObjectName("setupOk")
        self.ok.setDefault(True)
        self.ok.setMinimumHeight(px(44))
        self.skip = QPushButton(self.tr("跳过导入"), self)
        self.skip.hide()
        cancel = QPushButton(self.tr("退出"), self)
        self.ok.clicked.connect(self.submit)
        self.skip.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (cancel, self.skip, self.ok):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择农户名单"), "", self.tr("CSV 文件 (*.csv);;所有文件 (*)"))
        if name:
            self.csv.setText(name)

    def submit(self) -> None:
        self.problems.hide()
        if self.admin is None:
            if not self.village.text().strip():
                self.bar.refuse(self.tr("请填写村名。"))
                self.village.setFocus()
                return
            if not split_groups(self.groups.text()):
                self.bar.refuse(self.tr("请至少填写一个村民小组。"))
                self.groups.setFocus()
                return
            if self.password.text() != self.password_again.text():
                self.bar.refuse(self.tr("两次输入的密码不一样。"))
                self.password_again.clear()
                self.password_again.setFocus()
                return
        csv_path = self.csv.text().strip()
        admin, issue = self.admin, self.issue.isChecked()
        values = dict(name=self.village.text().strip(), groups=split_groups(self.groups.text()),
                      shop_name=self.shop.text().strip(), admin_username=self.username.text().strip(),
                      admin_name=self.display_name.text().strip(), admin_password=self.password.text())

        def work():
            me = admin or village.initialise(self.db, **values)
            self.admin = me
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
        if self.admin is not None:
            for field in (self.village, self.shop, self.groups, self.username, self.display_name,
                          self.password, self.password_again):
                field.setEnabled(False)
            self.skip.show()
            self.ok.setText(self.tr("重新导入"))
