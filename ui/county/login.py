"""A county user's login: name, password, and a refusal in red in the dialog itself.

A wrong password, an unknown user and a locked account are answered alike (as
``pos.county.accounts.login`` answers them); the password field is cleared and keeps
the focus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QPushButton, QVBoxLayout

from pos.county import accounts
from ui.messagebar import MessageBar
from ui.sizes import px
from ui.widgets import big, field


class CountyLoginDialog(QDialog):
    def __init__(self, db, ops, county_name: str, parent=None):
        super().__init__(parent)
        self.db, self.ops = db, ops
        self.actor = None
        self.setWindowTitle(self.tr("登录 · 县级汇总"))
        title = big(QLabel(self.tr("%1 爱心超市县级汇总").replace("%1", county_name), self), 1.6, True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = field(self, "username")
        self.password = field(self, "password", secret=True)
        for line in (self.username, self.password):
            line.setMinimumWidth(px(280))
            line.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            big(line, 1.2)
        self.button = QPushButton(self.tr("登录"), self)
        self.button.setObjectName("loginButton")
        self.button.setAutoDefault(False)  # Enter in the name field moves on; in the password, logs in
        self.button.setMinimumHeight(px(48))
        big(self.button, 1.2, True)
        self.bar = MessageBar(self)
        self.setMinimumWidth(px(520))
        form = QFormLayout()
        form.addRow(big(QLabel(self.tr("用户名"), self), 1.2), self.username)
        form.addRow(big(QLabel(self.tr("密码"), self), 1.2), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.button)
        layout.addWidget(self.bar)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        self.username.setFocus()

    def submit(self) -> None:
        name, password = self.username.text().strip(), self.password.text()
        if not name:
            self.username.setFocus()
            return
        self.ops.write(lambda: accounts.login(self.db, name, password), widget=self.button, bar=self.bar,
                       done=self._done, failed=lambda _error: self._refused())

    def _refused(self) -> None:
        QTimer.singleShot(0, self.adjustSize)  # once the refusal's words are in: all of them shown
        self.password.clear()
        self.password.setFocus()

    def _done(self, actor) -> None:
        self.actor = actor
        self.accept()
