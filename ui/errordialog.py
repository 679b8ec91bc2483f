"""The one error dialog: for faults, never for routine refusals (those go to a message bar).

It says in plain Chinese that something went wrong and nothing was lost that
was already saved, shows the details in a box that can be selected and
copied, and names the log file to send to whoever looks after the PC.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from ui.sizes import px
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout,
)

_open: ErrorDialog | None = None


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, log_file: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("出错了"))
        self.setMinimumWidth(px(620))
        headline = QLabel(self.tr("程序遇到了一个问题。已经保存的兑换和积分不会丢失。\n"
                                  "请把下面的详情和日志文件交给维护人员。"), self)
        headline.setWordWrap(True)
        font = headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        headline.setFont(font)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(px(160))
        self.log_label = QLabel(self.tr("日志文件：%1").replace("%1", log_file), self)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("复制详情"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (headline, self.summary, self.details, self.log_label, buttons):
            layout.addWidget(widget)

    def add(self, summary: str, details: str) -> None:
        self.summary.setText(summary)
        self.details.appendPlainText("\n" + details)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(
            f"{self.summary.text()}\n\n{self.details.toPlainText()}\n{self.log_label.text()}")


def show_fault(summary: str, details: str, log_file: str = "") -> ErrorDialog:
    """Show the error dialog (one at a time: a second fault is added to the open one)."""
    global _open
    if _open is not None and _open.isVisible():
        _open.add(summary, details)
        return _open
    _open = ErrorDialog(summary, details, log_file, QApplication.activeWindow())
    _open.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open.destroyed.connect(_forget)
    _open.show()
    _open.raise_()
    return _open


def _forget(*_args) -> None:
    global _open
    _open = None
