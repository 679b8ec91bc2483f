"""Asking a person: a confirmation (``confirm``), a question answered only by a button
(``ask``: never by Enter, a letter or a digit, which a scanner or a typist sends), and a
supervisor's approval (``ApprovalDialog``, ``with_approval``).

The approval is asked only after the service said it needs one (``NeedsApproval``), or,
at the counter, before a sale above the village's threshold; either way the same dialog
shows what is waiting for the supervisor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from pos.errors import NeedsApproval, ShopError
from pos.service import Approval
from ui.messagebar import MessageBar
from ui.scanner import no_input_method
from ui.sizes import px
from ui.widgets import column, field, no_default, sized, tr


def confirm(screen, text: str, then: Callable[[], None], *, yes: str = "") -> None:
    """Ask once, with what will happen in plain words; ``then()`` runs on 确定.

    The box is opened, not executed, and kept as ``screen.confirm_box`` (tests press its buttons).
    """
    box = QMessageBox(QMessageBox.Icon.Question, tr("请确认"), text,
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, screen)
    box.button(QMessageBox.StandardButton.Ok).setText(yes or tr("确定"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("取消"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    ok = box.button(QMessageBox.StandardButton.Ok)
    box.buttonClicked.connect(lambda button: button is ok and then())
    screen.confirm_box = box
    box.open()


class Question(QDialog):
    """A question a person answers with a button, never by a key a scanner or a typist sends:
    Enter does nothing, letters and digits do nothing (no button has a mnemonic), Esc is the
    first, safe answer. Tab moves between the answers and Space presses the one in focus.

    ``answered(value)`` fires once with the chosen answer's value. Opened with ``open()``.
    """

    answered = Signal(object)

    def __init__(self, parent, title: str, text: str, answers: list[tuple[str, object]], *, name: str = "question"):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(px(520))
        self.text = sized(QLabel(text, self), 14)
        self.text.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        row_ = QHBoxLayout()
        row_.addStretch(1)
        for number, (label, value) in enumerate(answers):
            button = QPushButton(label.replace("&", "&&"), self)
            button.setObjectName(f"{name}Answer{number}")
            button.setMinimumHeight(px(44))
            no_default(button)
            button.clicked.connect(lambda _c=False, v=value: self._answer(v))
            self.buttons.append(button)
            row_.addWidget(button)
        self.safe = answers[0][1]
        column(self.text, row_, parent=self)
        self.done_once = False
        if self.buttons:
            self.buttons[0].setFocus()

    def _answer(self, value) -> None:
        if self.done_once:
            return
        self.done_once = True
        self.accept()
        self._back()
        self.answered.emit(value)

    def reject(self) -> None:  # Esc, or the window's close button: the safe answer
        answer = not self.done_once
        self.done_once = True
        super().reject()
        self._back()
        if answer:
            self.answered.emit(self.safe)

    def _back(self) -> None:
        """The keys go back to the window that asked (its F-keys work again at once)."""
        if self.parentWidget() is not None:
            self.parentWidget().window().activateWindow()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # a scanner's or a typist's Enter answers nothing
            return
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        if event.text() and event.text().isprintable() and event.key() != Qt.Key.Key_Space:
            event.accept()  # nor does a letter (是 as "y" in pinyin) or a digit
            return
        super().keyPressEvent(event)


def ask(parent, text: str, answers: list[tuple[str, object]], then: Callable[[object], None], *,
        title: str = "", name: str = "question") -> Question:
    """Ask ``text``; ``then(value)`` runs with the answer (Esc: the first one's value).
    The question is kept as ``parent.question`` (tests press its buttons)."""
    box = Question(parent, title or tr("请确认"), text, answers, name=name)
    box.answered.connect(then)
    parent.question = box
    box.open()
    return box


class ApprovalDialog(QDialog):
    """A supervisor types their own name and password; each OK fires ``approved(Approval)``.

    The dialog does not close itself: whoever asked closes it when the approval is taken,
    or keeps it open and shows a refusal in its ``bar`` (a wrong password) for another try.
    Opened with ``open()`` (not ``exec()``) so the window never waits inside a nested loop.
    """

    approved = Signal(object)

    def __init__(self, what: str, parent=None, *, ok_text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("监督员审批"))
        self.setMinimumWidth(px(520))
        self.what = sized(QLabel(what, self), 14)
        self.what.setWordWrap(True)
        self.username = field(self, "approverName")
        self.password = field(self, "approverPassword", secret=True)
        no_input_method(self.username, self.password)
        self.bar = MessageBar(self)
        self.bar.hide()  # room for a refusal only once there is one
        self.bar.shown.connect(lambda *_: self.bar.show())
        self.ok = QPushButton(ok_text or self.tr("审批通过"), self)
        self.ok.setObjectName("approveButton")
        self.ok.setMinimumHeight(px(44))
        cancel = QPushButton(self.tr("取消"), self)
        no_default(self.ok, cancel)  # Enter in the name field must not press either
        form = QFormLayout()
        form.addRow(self.tr("监督员用户名"), self.username)
        form.addRow(self.tr("监督员密码"), self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        cancel.clicked.connect(self.reject)
        self.ok.clicked.connect(self._ok)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._ok)
        self.username.setFocus()

    def _ok(self) -> None:
        username = self.username.text().strip()
        if not username:
            self.username.setFocus()
        elif not self.password.text():
            self.password.setFocus()
        elif self.ok.isEnabled():
            self.approved.emit(Approval(username, self.password.text()))


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


def approved(service: Callable, *args, **kwargs) -> Callable[[Approval | None], object]:
    """``service(*args, **kwargs)`` as ``with_approval`` calls it: first without an approval,
    then with the one a supervisor gave (``approval=``)."""
    def call(approval: Approval | None):
        return service(*args, **kwargs) if approval is None else service(*args, approval=approval, **kwargs)
    return call


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
            dialog = ApprovalDialog(error.message(screen.lang), screen)
            screen.approval_dialog = dialog

            def approved(approval: Approval) -> None:
                dialog.accept()
                screen.ops.write(lambda: call(approval), widget=widget, bar=bar, done=done, areas=areas)

            dialog.approved.connect(approved)
            dialog.open()

    screen.ops.write(lambda: call(None), widget=widget, bar=quiet, done=done, areas=areas, failed=needs)
