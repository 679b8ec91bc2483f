"""Closing the month (月结): every total, recomputed from the ledger, shown before the
supervisor closes it; if it cannot be closed, the reason stays on the page. Closing itself is
the supervisor's signature (``closing``): the totals it seals and their password."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout

from pos import messages
from pos.month import closure, notice
from pos.month.document import ClosureView
from pos.errors import NeedsConfirm
from pos.periods import LOCAL
from pos.vocabulary import Area
from ui.models import Column, RowsModel
from ui.supervisor.closing import SIGNATURE_KEYS, CloseDialog
from ui.supervisor.page import Page
from ui.widgets import big_button, heading, month_title, table, tr
from ui.sizes import px


@dataclass(frozen=True)
class TotalLine:
    """One line of the totals shown before closing: section, item, value."""

    section: str
    name: str
    value: str


TOTAL_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "项目"), lambda t: t.name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "数值"), lambda t: t.value, right=True),
]
# The totals side by side, so that every one of them is in view before the month is closed.
PANES = (
    (QT_TRANSLATE_NOOP("Supervisor", "本月"), ("本月",)),
    (QT_TRANSLATE_NOOP("Supervisor", "兑换分区与账目"), ("兑换分区", "账目")),
    (QT_TRANSLATE_NOOP("Supervisor", "累计（从不清零）"), ("累计（从不清零）",)),
)


def total_lines(view: ClosureView, lang: str = "zh") -> list[TotalLine]:
    """Every total of a closure (or of its preview), as the supervisor checks them."""
    t = view.totals
    month, total, books = tr("本月"), tr("累计（从不清零）"), tr("账目")
    lines = [TotalLine(books, tr("交易范围"), tr("第 %1–%2 笔（%3 笔）").replace("%1", str(view.first_seq))
                       .replace("%2", str(view.last_seq)).replace("%3", str(t.transactions)))]
    lines += [TotalLine(month, name, value) for name, value in notice.month_total_rows(view, lang)]
    lines += [TotalLine(tr("兑换分区"), z.zone, tr("%1 件，%2 分").replace("%1", str(z.quantity))
                        .replace("%2", str(z.points))) for z in view.zones]
    lines += [TotalLine(total, name, value) for name, value in notice.cumulative_rows(view, lang)]
    lines += [
        TotalLine(books, tr("在册农户"), str(len(view.households))),
        TotalLine(books, tr("捐赠入库"), tr("%1 笔").replace("%1", str(len(view.donations)))),
        TotalLine(books, tr("采购入库"), tr("%1 笔").replace("%1", str(len(view.purchases)))),
        TotalLine(books, tr("本月末笔哈希"), view.last_hash[:16] + "…"),
        TotalLine(books, tr("上期月结哈希"), view.prev_hash[:16] + "…"),
        TotalLine(books, tr("账头"), tr("第 %1 笔 %2…").replace("%1", str(view.head_seq))
                  .replace("%2", view.head_hash[:16])),
    ]
    if view.hash:
        lines.append(TotalLine(books, tr("月结哈希"), view.hash[:16] + "…"))
    return lines


class ClosePage(Page):
    """Every total of the month first; then, for a supervisor, the one button that closes it."""

    def __init__(self, screen):
        super().__init__(screen)
        self.previewed: str | None = None  # the month whose totals are on the page, not yet closed
        self.checked: closure.Preview | None = None  # its preview, with this PC's time and the newest
        self.state = heading("", self, 15)
        self.state.setObjectName("closeState")
        self.state.setWordWrap(True)
        explain = QLabel(tr("月结前请逐项核对下列合计（都由台账重新计算并与余额核对）。月结后，"
                            "本月不能再记入任何交易；每月只能月结一次，须按月份顺序进行。"), self)
        explain.setWordWrap(True)
        self.reason = QLabel(self)
        self.reason.setObjectName("closeRefusal")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color:#a4000f; font-weight:bold;")
        self.reason.hide()
        self.models: dict[str, RowsModel] = {}
        panes = QHBoxLayout()
        for title, _sections in PANES:
            model = RowsModel(TOTAL_COLUMNS, parent=self)
            view = table(model, self, single=True, wrap=False)
            view.setObjectName(f"closeTotals{len(self.models)}")
            view.verticalHeader().setDefaultSectionSize(px(30))
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            view.horizontalHeader().setStretchLastSection(False)
            pane = QVBoxLayout()
            pane.addWidget(heading(QCoreApplication.translate("Supervisor", title), self, 13))
            pane.addWidget(view, 1)
            panes.addLayout(pane, 1)
            self.models[title] = model
        self.recompute = big_button(tr("重新计算"), self, "closeRecompute")
        self.recompute.clicked.connect(self.refresh)
        self.close_button = big_button(tr("核对无误，月结"), self, "closeButton")
        self.close_button.setStyleSheet("QPushButton:enabled { background:#2e7d32; color:white; font-weight:bold; }")
        self.close_button.clicked.connect(self.close_month)
        self.admin_note = QLabel(tr("月结须由监督员（第一书记）登录后进行；管理员可以查看合计。"), self)
        self.admin_note.setObjectName("closeAdminNote")
        self.admin_note.setStyleSheet("color:#8a5a00; font-weight:bold;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.admin_note, 1)
        buttons.addWidget(self.recompute)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(explain)
        layout.addWidget(self.reason)
        layout.addLayout(panes, 1)
        layout.addLayout(buttons)
        self.set_role()

    def set_role(self) -> None:
        supervisor = self.screen.supervisor
        self.close_button.setVisible(supervisor)
        self.admin_note.setVisible(not supervisor)
        self._buttons()

    @property
    def lines(self) -> list[TotalLine]:
        return [line for model in self.models.values() for line in model.rows]

    def show_lines(self, lines: list[TotalLine]) -> None:
        for title, sections in PANES:
            wanted = {tr(section) for section in sections}
            self.models[title].set_rows([line for line in lines if line.section in wanted])

    def _buttons(self) -> None:
        ready = self.previewed is not None and self.previewed == self.screen.month
        self.close_button.setEnabled(ready and self.screen.supervisor)
        state = self.screen.month_state
        if state is not None and state.closure is not None:
            self.close_button.setText(tr("本月已月结"))
        else:
            self.close_button.setText(tr("核对无误，月结 %1").replace("%1", self.screen.month_title))

    def refresh(self) -> None:
        state = self.take_month()
        if state is None:
            return
        self.previewed = None
        self.confirm_text = ""
        self.reason.hide()
        self._buttons()
        db, actor = self.screen.db, self.screen.actor
        if state.closure is not None:
            self.recompute.setEnabled(False)
            self.screen.ops.read(lambda: closure.get(db, actor, state.month), bar=self.screen.bar,
                                 done=self._closed_view)
            return
        self.recompute.setEnabled(True)
        self.state.setText(tr("%1：正在计算合计……").replace("%1", self.screen.month_title))
        self.screen.ops.read(lambda report: closure.preview(db, actor, state.month, progress=report),
                             widget=self.recompute, bar=self.screen.bar, done=self._previewed,
                             failed=self._refused, progress=True, title=tr("正在由台账重新计算本月合计……"))

    def _previewed(self, checked: closure.Preview) -> None:
        view = checked.view
        if view.month != self.screen.month:
            return
        if checked.findings:  # the totals stay in view beside everything that disagrees
            self.show_lines(total_lines(view, self.screen.lang))
            self._cannot_close([f.message(self.screen.lang) for f in checked.findings])
            return
        self.previewed, self.checked = view.month, checked
        self.show_lines(total_lines(view, self.screen.lang))
        self.state.setText(tr("%1 尚未月结：以下是将要月结的合计（第 %2 号月结）。")
                           .replace("%1", self.screen.month_title).replace("%2", str(view.number)))
        self.state.setStyleSheet("")
        self._buttons()

    def _refused(self, error) -> None:
        self.show_lines([])
        self._cannot_close([messages.in_window(error, self.screen.lang), *error.lines(self.screen.lang)])

    def _cannot_close(self, reasons: list[str]) -> None:
        self.previewed = None
        self.state.setText(tr("%1 现在不能月结。").replace("%1", self.screen.month_title))
        self.state.setStyleSheet("color:#a4000f;")
        self.reason.setText(tr("原因：%1").replace("%1", "\n".join(reasons)))
        self.reason.show()
        self._buttons()

    def _closed_view(self, view: ClosureView) -> None:
        if view.month != self.screen.month:
            return
        self.show_lines(total_lines(view, self.screen.lang))
        self.state.setText(tr("%1 已月结：第 %2 号，%3 由 %4 月结。")
                           .replace("%1", self.screen.month_title).replace("%2", str(view.number))
                           .replace("%3", view.closed_at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M"))
                           .replace("%4", self.screen.shell.person(view.closed_by)))
        self.state.setStyleSheet("color:#0b5d1e;")
        self._buttons()

    def close_month(self) -> None:
        """Ask for the signature: what will be sealed, the times, the supervisor's password."""
        month, checked = self.previewed, self.checked
        if month is None or checked is None or month != self.screen.month or not self.screen.supervisor:
            return
        view = checked.view
        sealed = [line for line in self.lines if line.section in (tr("本月"), tr("账目"))][:14]
        title = (tr("%1 月结（第 %2 号）：以下合计将被封存，写入公示。")
                 .replace("%1", self.screen.month_title).replace("%2", str(view.number)))
        why = messages.in_window(checked.confirm_refusal(), self.screen.lang) if checked.needs_confirm else ""
        dialog = CloseDialog(self, title, sealed, checked, columns=TOTAL_COLUMNS, why=why)
        self.close_dialog = dialog
        dialog.signed.connect(lambda password, recent: self._sign(dialog, month, password, recent))
        dialog.open()

    def _sign(self, dialog: CloseDialog, month: str, password: str, recent: bool) -> None:
        db, actor = self.screen.db, self.screen.actor
        self.screen.ops.write(
            lambda report: closure.close(db, actor, month, password=password, confirm_recent=recent,
                                         progress=report),
            widget=dialog.ok, bar=dialog.silent, done=lambda view: (dialog.accept(), self._done(view)),
            failed=lambda error: self._signature_refused(dialog, error), areas={Area.CLOSURE},
            progress=True, title=tr("正在月结……"))

    def _signature_refused(self, dialog: CloseDialog, error) -> None:
        text = messages.in_window(error, self.screen.lang)
        if isinstance(error, NeedsConfirm):  # just ended, or long after the newest transaction
            dialog.ask_recent(text)
        elif error.key in SIGNATURE_KEYS:
            dialog.refused(text)
        else:  # the month itself cannot be closed: the reason stays on the page
            dialog.reject()
            self._refused(error)

    def _done(self, view: ClosureView) -> None:
        self.previewed, self.checked = None, None  # a confirm runs once: the next needs fresh totals
        self._buttons()
        self.screen.bar.done(tr("%1 已月结：第 %2 号。请到“公示”页打印公示并张贴。")
                             .replace("%1", month_title(view.month, self.screen.lang)).replace("%2", str(view.number)))
