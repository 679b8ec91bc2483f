"""The supervisor's area (监督月结): the month's audit, closing it, its public notice, the export.

One month is chosen at the top (the one due to be closed comes first); the
pages below work on it:

- 监督审计: the month's work with filters, its flags and their reviews (``audit``);
- 月结: every total of the month, recomputed from the ledger, shown before the
  supervisor closes it (``close``);
- 公示: the notice of a closed month, printing it and its QR code (``notice``);
- 农户明细: one household's month, for a villager who asks (``statement``);
- 审计导出: the auditor's export for the township, into a chosen folder (``export``).

Everyone who may log in sees the area; only a supervisor closes a month or
reviews a flag (an administrator sees the notices, the totals and the flags).
The services check the role again. Long work (the month's checks, PDFs,
the export) runs off the GUI thread with a progress dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout

from pos import village
from pos.month import closure
from pos.vocabulary import Area, Role
from ui.shell import Entry, Screen, register
from ui.supervisor.audit import AuditPage
from ui.supervisor.close import ClosePage
from ui.supervisor.export import ExportPage
from ui.supervisor.notice import NoticePage
from ui.supervisor.statement import StatementPage
from ui.widgets import big, heading, month_title, tr


def month_words(state: closure.MonthState) -> tuple[str, str]:
    """What the month box says after a month's title, and what the line beside it says."""
    if state.closure is not None:
        number = str(state.closure)
        return (tr("已月结 第 %1 号").replace("%1", number),
                tr("已月结（第 %1 号），可出公示和导出").replace("%1", number))
    if state.next_to_close:
        return tr("待月结"), tr("下一个应当月结的月份")
    if not state.ended:
        return tr("本月，未结束"), tr("本月还没有结束，月底后才能月结")
    return tr("未月结"), tr("未月结")


class SupervisorScreen(Screen):
    def __init__(self, shell):
        super().__init__(shell)
        self.setObjectName("supervisor")
        self.months: list[closure.MonthState] = []
        self.village_name = ""
        self.month_box = big(QComboBox(self), 1.2)
        self.month_box.setObjectName("monthBox")
        self.month_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.month_state_label = QLabel(self)
        self.month_state_label.setObjectName("monthState")
        top = QHBoxLayout()
        top.addWidget(heading(tr("月份"), self, 15))
        top.addWidget(self.month_box)
        top.addWidget(self.month_state_label, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("supervisorTabs")
        self.audit_page = AuditPage(self)
        self.close_page = ClosePage(self)
        self.notice_page = NoticePage(self)
        self.statement_page = StatementPage(self)
        self.export_page = ExportPage(self)
        for page, title in ((self.audit_page, tr("监督审计")), (self.close_page, tr("月结")),
                            (self.notice_page, tr("公示")), (self.statement_page, tr("农户明细")),
                            (self.export_page, tr("审计导出"))):
            self.tabs.addTab(page, title)
        self.tabs.currentChanged.connect(lambda *_: (self.bar.clear(), self._refresh_page()))
        self.month_box.currentIndexChanged.connect(lambda *_: self._month_chosen())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.bar)

    # --- who and which month -------------------------------------------------------------
    @property
    def supervisor(self) -> bool:
        return self.actor.role == Role.SUPERVISOR

    @property
    def accepts_scans(self) -> bool:  # a villager's card, for their statement
        return self.tabs.currentWidget() is self.statement_page

    def scan(self, code: str) -> None:
        self.statement_page.scan(code)

    @property
    def month_state(self) -> closure.MonthState | None:
        index = self.month_box.currentIndex()
        return self.months[index] if 0 <= index < len(self.months) else None

    @property
    def month(self) -> str:
        state = self.month_state
        return state.month if state is not None else ""

    @property
    def month_title(self) -> str:
        state = self.month_state
        return month_title(state.month, self.lang) if state is not None else ""

    def pages(self):
        return (self.audit_page, self.close_page, self.notice_page, self.statement_page, self.export_page)

    # --- the shell's calls ---------------------------------------------------------------
    def shown(self) -> None:
        self.load_months()

    def on_changed(self, areas: frozenset[Area]) -> None:
        if areas & {Area.CLOSURE, Area.AUDIT, Area.LEDGER, Area.GOODS, Area.STOCK, Area.HOUSEHOLDS, Area.VILLAGE}:
            for page in self.pages():
                page.loaded_for = ""  # read again when next shown
            if self.isVisible():
                self.load_months()

    def actor_changed(self, old, new) -> None:
        for page in self.pages():
            page.set_role()
            page.loaded_for = ""

    # --- months --------------------------------------------------------------------------
    def load_months(self) -> None:
        db, actor = self.db, self.actor
        self.ops.read(lambda: (closure.months(db, actor), village.settings(db).name), bar=self.bar,
                      done=self._months)

    def _months(self, result) -> None:
        months, self.village_name = result
        keep = self.month
        self.months = months
        self.month_box.blockSignals(True)
        self.month_box.clear()
        for state in months:
            self.month_box.addItem(tr("%1（%2）").replace("%1", month_title(state.month, self.lang))
                                   .replace("%2", month_words(state)[0]), state.month)
        chosen = self.month_box.findData(keep) if keep else -1
        if chosen < 0:
            due = [i for i, s in enumerate(months) if s.next_to_close]
            ended = [i for i, s in enumerate(months) if s.ended]
            chosen = due[0] if due else (ended[0] if ended else 0)
        self.month_box.setCurrentIndex(chosen)
        self.month_box.blockSignals(False)
        self._month_chosen()

    def choose_month(self, month: str) -> None:
        self.month_box.setCurrentIndex(self.month_box.findData(month))

    def _month_chosen(self) -> None:
        if self.month != getattr(self, "_shown_month", None):
            self.bar.clear()  # the last month's message is not about this one
            self._shown_month = self.month
        state = self.month_state
        if state is None:
            self.month_state_label.clear()
            return
        self.month_state_label.setText(month_words(state)[1])
        self._refresh_page()

    def _refresh_page(self) -> None:
        page = self.tabs.currentWidget()
        if page is not None and self.month and page.loaded_for != self.month:
            page.refresh()


register(Entry("supervisor", QT_TRANSLATE_NOOP("Areas", "监督月结"), "F10", SupervisorScreen, order=80))
