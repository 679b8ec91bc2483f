"""Logging in, and unlocking the window after the idle lock.

Enter logs in. A wrong password (every refusal of a login reads alike) is shown
inside the dialog in red; the password field is cleared and keeps the focus. A
card scanned into the password field is set aside with a note, never tried.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from typing import TYPE_CHECKING

from ui.messagebar import MessageBar
from ui.sizes import px
from ui.widgets import big

if TYPE_CHECKING:
    from pos.service import Actor


class _Credentials(QWidget):
    """User name, password, a log-in button and a message bar; emits ``logged_in``, or ``refused``
    once the refusal is shown. ``login(db, name, password)`` is the shop's or the county's."""

    logged_in = Signal(object)  # Actor
    refused = Signal()

    def __init__(self, db, ops, parent=None, *, button_text: str = "", login=None):
        super().__init__(parent)
        self.db, self.ops, self.login = db, ops, login or _shop_login
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.username, self.password):
            field.setMinimumWidth(px(280))
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            big(field, 1.2)
        self.button = QPushButton(button_text or self.tr("登录"), self)
        self.button.setObjectName("loginButton")
        # Enter in the name field moves to the password; only Enter in the password logs in.
        self.button.setAutoDefault(False)
        self.button.setMinimumHeight(px(48))
        big(self.button, 1.2, True)
        self.bar = MessageBar(self)
        form = QFormLayout()
        form.addRow(big(QLabel(self.tr("用户名"), self), 1.2), self.username)
        form.addRow(big(QLabel(self.tr("密码"), self), 1.2), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.button)
        layout.addWidget(self.bar)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)

    def submit(self) -> None:
        name, password = self.username.text().strip(), self.password.text()
        if not name:
            self.username.setFocus()
            return
        if self.db is None:  # the books are still opening (the window came first): nothing tried
            self.bar.info(self.tr("账本还在打开，请稍候再按回车。"))
            return
        self.ops.write(lambda: self.login(self.db, name, password), widget=self.button, bar=self.bar,
                       done=self.logged_in.emit, failed=lambda _e: self._refused())

    def _refused(self) -> None:
        self.password.clear()
        self.password.setFocus()
        self.refused.emit()


def _shop_login(db, name: str, password: str):
    from pos import users  # here: the login window is shown before the shop's services load

    return users.login(db, name, password)


class LoginDialog(QDialog):
    def __init__(self, db, ops, village_name: str = "", parent=None):
        super().__init__(parent)
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 · 爱心超市积分兑换"))
        title = big(QLabel(village_name or self.tr("爱心超市"), self), 1.8, True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = _Credentials(db, ops, self)
        self.form.logged_in.connect(self._done)
        # A message wraps onto more lines than the dialog first had room for: it grows to show it whole.
        self.form.bar.shown.connect(lambda *_: QTimer.singleShot(0, self.adjustSize))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(self.form)
        self.form.username.setFocus()

    def _done(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()


class LockPage(QFrame):
    """Shown over the whole window after idle minutes; the same or another user unlocks."""

    unlocked = Signal(object)  # Actor

    def __init__(self, shell):
        super().__init__(shell)
        self.shell = shell
        self.headline = big(QLabel(self), 1.6, True)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = big(QLabel(self.tr("输入密码解锁；换人时填写自己的用户名。\n"
                                        "前一位操作员未完成的兑换会为他保留。"), self), 1.1)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = _Credentials(shell.db, shell.ops, self, button_text=self.tr("解锁"))
        self.form.logged_in.connect(self.unlocked)
        self.username, self.password = self.form.username, self.form.password
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(self.headline)
        box.addWidget(self.hint)
        inner = QVBoxLayout()
        inner.addWidget(self.form)
        holder = QWidget(self)
        holder.setLayout(inner)
        holder.setMaximumWidth(px(520))
        box.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)

    def scan_set_aside(self) -> None:
        """A card was scanned at the locked counter: say so; it was no try at the password."""
        self.form.bar.info(self.tr("刚才扫了一张卡，不是密码：没有算作一次登录。请操作员先输入密码解锁。"))
        self.password.setFocus()

    def prepare(self, actor: Actor) -> None:
        self.headline.setText(self.tr("已锁定 · 操作员 %1").replace("%1", actor.display_name))
        self.username.setText(actor.username)
        self.password.clear()
        self.form.bar.clear()
