"""When the shop's database is damaged, empty or gone at start: say so, and put the newest
good backup back, with a supervisor's approval, or (only when there is no village to lose)
set up a new one. Never a silent new village over a shop's books.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from pos import backups
from pos.service import Approval
from ui.messagebar import MessageBar
from ui.sizes import px
from ui.widgets import big

RESTORED, NEW_VILLAGE = "restored", "new village"


@dataclass(frozen=True)
class Trouble:
    """What is wrong with the database at start, and the newest backup that can replace it."""

    url: str
    text: str  # the problem, in the window's language
    copy: backups.CheckedCopy | None
    new_village_allowed: bool  # only where no village's books are there to lose


class RecoveryDialog(QDialog):
    """``choice`` is RESTORED or NEW_VILLAGE when accepted; rejected: quit."""

    def __init__(self, ops, trouble: Trouble, parent=None):
        super().__init__(parent)
        self.ops, self.trouble, self.choice = ops, trouble, ""
        self.setWindowTitle(self.tr("数据库有问题"))
        self.setMinimumWidth(px(640))
        problem = big(QLabel(trouble.text, self), 1.1, True)
        problem.setWordWrap(True)
        problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(problem)
        self.bar = MessageBar(self)
        self.restore_button = QPushButton(self.tr("用这份备份恢复"), self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.setAutoDefault(False)
        if trouble.copy is not None:
            found = QLabel(self.tr("找到的最新一份检查通过的备份：%1\n%2，共 %3 笔。恢复需要一位用户和另一位监督员的密码"
                                   "（都是这份备份里的账号）。")
                           .replace("%1", str(trouble.copy.path))
                           .replace("%2", trouble.copy.made_at.strftime("%Y-%m-%d %H:%M"))
                           .replace("%3", str(trouble.copy.transactions)), self)
            found.setWordWrap(True)
            layout.addWidget(found)
            form = QFormLayout()
            self.username, self.password = QLineEdit(self), QLineEdit(self)
            self.approver, self.approver_password = QLineEdit(self), QLineEdit(self)
            for field in (self.password, self.approver_password):
                field.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(self.tr("用户名"), self.username)
            form.addRow(self.tr("密码"), self.password)
            form.addRow(self.tr("审批监督员"), self.approver)
            form.addRow(self.tr("监督员密码"), self.approver_password)
            layout.addLayout(form)
            layout.addWidget(self.restore_button)
            self.restore_button.clicked.connect(self.restore)
        else:
            none = QLabel(self.tr("没有找到检查通过的备份。请把有备份的 U 盘插上后重新打开程序，或请维护人员帮忙。"), self)
            none.setWordWrap(True)
            layout.addWidget(none)
            self.restore_button.hide()
        self.new_button = QPushButton(self.tr("设置一个新村"), self)
        self.new_button.setAutoDefault(False)
        self.new_button.setVisible(trouble.new_village_allowed)
        self.new_button.clicked.connect(self._new_village)
        self.quit_button = QPushButton(self.tr("退出"), self)
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(self.new_button)
        layout.addWidget(self.quit_button)
        layout.addWidget(self.bar)

    def restore(self) -> None:
        copy, url = self.trouble.copy, self.trouble.url
        name, password = self.username.text().strip(), self.password.text()
        approval = Approval(self.approver.text().strip(), self.approver_password.text())
        self.ops.write(lambda: backups.replace_damaged(url, copy.path, name, password, approval),
                       widget=self.restore_button, bar=self.bar, done=self._restored)

    def _restored(self, _done) -> None:
        self.choice = RESTORED
        self.accept()

    def _new_village(self) -> None:
        self.choice = NEW_VILLAGE
        self.accept()
