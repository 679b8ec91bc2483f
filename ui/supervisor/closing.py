"""Closing a month is the supervisor's signature: the totals it will seal, this PC's date and
time beside the month's newest transaction, a confirmation when the month ended less than a
day ago, and the supervisor's own password. Nothing is closed until the password is taken;
a wrong one stays in the dialog for another try.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from pos.periods import LOCAL
from ui.messagebar import MessageBar
from ui.models import RowsModel
from ui.scanner import no_input_method
from ui.sizes import px
from ui.widgets import field, heading, no_default, sized, table, tr

# Refusals of the signature itself: the dialog stays open for another try.
SIGNATURE_KEYS = {"login_wrong", "login_wait", "login_locked", "closure_confirm_recent", "closure_recent"}


def clock(at) -> str:
    """A time as the village reads it: Beijing time, to the minute."""
    return at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M") if at is not None else tr("（本月没有交易）")


class CloseDialog(QDialog):
    """What will be sealed, and the supervisor's password; ``signed(password, confirm_recent)``
    fires on 月结 (the dialog stays open until the page closes it)."""

    signed = Signal(str, bool)

    class _Silent:
        """The operation's bar: every refusal of the signature is told by ``refused`` or
        ``ask_recent`` instead, once."""

        def refuse(self, _text: str) -> None:
            pass

    silent = _Silent()

    def __init__(self, parent, title: str, lines, checked, *, columns, why: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("月结：请核对并签字"))
        self.setMinimumWidth(px(640))
        self.head = heading(title, self, 15)
        self.head.setWordWrap(True)
        self.model = RowsModel(columns, lines, parent=self)
        self.view = table(self.model, self, stretch=0, wrap=False)
        self.view.setObjectName("sealTotals")
        self.view.setMinimumHeight(px(160))
        now, newest = getattr(checked, "now", None), getattr(checked, "newest_at", None)
        self.recent = bool(getattr(checked, "needs_confirm", False))  # just ended, or long after the newest
        self.times = QLabel(self)
        self.times.setObjectName("closeTimes")
        self.times.setWordWrap(True)
        self.times.setText(tr("本机时间：%1（北京时间）\n本月最后一笔交易：%2")
                           .replace("%1", clock(now) if now is not None else tr("（未知）"))
                           .replace("%2", clock(newest)))
        self.confirm_recent = QCheckBox(tr("我已核实：本机日期和时间是对的，本月的账都已记完。"), self)
        self.confirm_recent.setObjectName("confirmRecent")
        self.confirm_recent.setVisible(self.recent)
        warning = sized(QLabel(tr("月结后本月不能再记入任何交易，合计将写入公示。这一步相当于监督员签字，"
                                  "请输入您本人的密码。"), self), 12)
        warning.setWordWrap(True)
        self.password = field(self, "closePassword", secret=True)
        no_input_method(self.password)
        self.bar = MessageBar(self)
        self.bar.hide()
        self.bar.shown.connect(lambda *_: self.bar.show())
        self.ok = QPushButton(tr("签字并月结"), self)
        self.ok.setObjectName("closeSign")
        self.ok.setMinimumHeight(px(44))
        self.ok.setStyleSheet("QPushButton:enabled { background:#2e7d32; color:white; font-weight:bold; }")
        cancel = QPushButton(tr("取消"), self)
        cancel.setObjectName("closeCancel")
        no_default(self.ok, cancel)
        form = QFormLayout()
        form.addRow(tr("监督员密码"), self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        for part in (self.head, self.view, self.times, self.confirm_recent, warning):
            layout.addWidget(part)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        if why:  # the month just ended, or ended long after its newest transaction: said before signing
            self.bar.info(why)
        cancel.clicked.connect(self.reject)
        self.ok.clicked.connect(self._sign)
        self.password.returnPressed.connect(self._sign)
        self.password.setFocus()

    def ask_recent(self, text: str) -> None:
        """The service asks for a confirmation (the month just ended, or ended long after its
        newest transaction): the box must be ticked first."""
        self.recent = True
        self.confirm_recent.show()
        self.bar.info(text)

    def _sign(self) -> None:
        if not self.ok.isEnabled():
            return
        if not self.password.text():
            self.password.setFocus()
            return
        if self.recent and not self.confirm_recent.isChecked():
            self.bar.refuse(tr("请先核对本机日期和时间，勾选上面的确认。"))
            self.confirm_recent.setFocus()
            return
        self.signed.emit(self.password.text(), self.recent and self.confirm_recent.isChecked())

    def refused(self, text: str) -> None:
        self.password.clear()
        self.password.setFocus()
        self.bar.refuse(text)
