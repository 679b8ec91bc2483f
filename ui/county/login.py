"""A county user's login: name, password, and a refusal in red in the dialog itself.

A wrong password, an unknown user and a locked account are answered alike (as
``pos.county.accounts.login`` answers them); the password field is cleared and keeps
the focus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from pos.county import accounts
from ui.login import _Credentials
from ui.sizes import px
from ui.widgets import big


class CountyLoginDialog(QDialog):
    def __init__(self, db, ops, county_name: str, parent=None):
        super().__init__(parent)
        self.db, self.ops = db, ops
        self.actor = None
        self.setWindowTitle(self.tr("登录 · 县级汇总"))
        title = big(QLabel(self.tr("%1 爱心超市县级汇总").replace("%1", county_name), self), 1.6, True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = _Credentials(db, ops, self, login=accounts.login)
        self.form.layout().setContentsMargins(0, 0, 0, 0)
        self.form.logged_in.connect(self._done)
        # once the refusal's words are in: all of them shown
        self.form.refused.connect(lambda: QTimer.singleShot(0, self.adjustSize))
        self.username, self.password = self.form.username, self.form.password
        self.button, self.bar = self.form.button, self.form.bar
        self.setMinimumWidth(px(520))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(self.form)
        self.username.setFocus()

    def submit(self) -> None:
        self.form.submit()

    def _done(self, actor) -> None:
        self.actor = actor
        self.accept()
