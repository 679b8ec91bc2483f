"""Small pieces the administrator's screens share: large type, a title, a date field,
choosing a file, a PDF opened in the system's viewer, a supervisor's approval.

The approval is asked only after the service said it needs one (``NeedsApproval``),
so the administrator sees exactly what is waiting for the supervisor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTableView, QHeaderView,
    QAbstractItemView, QVBoxLayout,
)

from pos.errors import NeedsApproval, ShopError
from pos.service import Approval
from ui.messagebar import MessageBar

#: Tests replace this to look at the file instead of opening a viewer.
open_file: Callable[[Path], None] = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))  # noqa: E731


def big(widget, factor: float = 1.15, bold: bool = False):
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
    return widget


def no_default(*buttons) -> None:
    """Enter in a dialog's field must not press these buttons."""
    for button in buttons:
        button.setAutoDefault(False)
        button.setDefault(False)


def title(text: str, parent=None) -> QLabel:
    return big(QLabel(text, parent), 1.35, True)


def date_field(parent=None, value: date | None = None) -> QDateEdit:
    field = QDateEdit(parent)
    field.setCalendarPopup(True)
    field.setDisplayFormat("yyyy-MM-dd")
    value = value or date.today()
    field.setDate(QDate(value.year, value.month, value.day))
    field.setMaximumDate(QDate.currentDate().addDays(1))
    return field


def date_of(field: QDateEdit) -> date:
    return field.date().toPython()


def table(model, parent=None, *, stretch: int | None = None) -> QTableView:
    """A read-only table over a ``RowsModel``: whole rows selected, sortable by nothing, big rows."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(34)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view


def selected_rows(view: QTableView) -> list:
    model = view.model()
    return [model.row(index.row()) for index in sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())]


class ApprovalDialog(QDialog):
    """A supervisor types their own name and password; ``approved(Approval)`` fires on OK.

    Opened with ``open()`` (not ``exec()``) so the window never waits inside a nested loop.
    """

    approved = Signal(object)

    def __init__(self, what: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("监督员审批"))
        self.setMinimumWidth(520)
        self.what = big(QLabel(what, self), 1.1)
        self.what.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setObjectName("approver")
        self.password = QLineEdit(self)
        self.password.setObjectName("approverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("监督员用户名"), self.username)
        form.addRow(self.tr("监督员密码"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("审批通过"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._ok)

    def _ok(self) -> None:
        if self.username.text().strip() and self.password.text():
            self.accept()
            self.approved.emit(Approval(self.username.text().strip(), self.password.text()))


class ApprovalBar:
    """Stands in for the screen's bar: "needs a supervisor" is shown as information (no
    refusal sound: nothing went wrong), any other refusal as a refusal."""

    def __init__(self, bar: MessageBar):
        self.bar = bar
        self.asking = False

    def refuse(self, text: str) -> None:
        if self.asking:
            self.asking = False
            self.bar.info(text)
        else:
            self.bar.refuse(text)


def with_approval(screen, call: Callable[[Approval | None], object], *, widget=None,
                  done=None, areas=(), bar: MessageBar | None = None) -> None:
    """Run ``call(None)``; if the service asks for a supervisor, ask one and run ``call(approval)``.

    A wrong supervisor password lands in the bar like any refusal; nothing was written.
    """
    bar = bar or screen.bar
    quiet = ApprovalBar(bar)

    def needs(error: ShopError) -> None:
        if isinstance(error, NeedsApproval):
            quiet.asking = True
            dialog = ApprovalDialog(error.message(screen.ops.lang), screen)
            screen.approval_dialog = dialog
            dialog.approved.connect(lambda approval: screen.ops.write(
                lambda: call(approval), widget=widget, bar=bar, done=done, areas=areas))
            dialog.open()

    screen.ops.write(lambda: call(None), widget=widget, bar=quiet, done=done, areas=areas, failed=needs)


def prints_dir() -> Path:
    """Where the PDFs the screens make are written (the data folder's ``prints``)."""
    from pos import paths

    folder = paths.data_dir() / "prints"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pdf_path(stem: str) -> Path:
    from datetime import datetime

    return prints_dir() / f"{stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.pdf"


def confirm(screen, text: str, then: Callable[[], None], *, yes: str = "") -> None:
    """Ask once, with what will happen in plain words; ``then()`` runs on 确定.

    The box is opened, not executed, and kept as ``screen.confirm_box`` (tests press its buttons).
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, screen.tr("请确认"), text,
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, screen)
    box.button(QMessageBox.StandardButton.Ok).setText(yes or screen.tr("确定"))
    box.button(QMessageBox.StandardButton.Cancel).setText(screen.tr("取消"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    ok = box.button(QMessageBox.StandardButton.Ok)
    box.buttonClicked.connect(lambda button: button is ok and then())
    screen.confirm_box = box
    box.open()
