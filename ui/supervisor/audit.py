"""The month's audit (监督审计) in the supervisor's area: what was done, and what to look at.

The whole month is read once (``pos.audit.report``); the filters (kind,
operator, household, day) then narrow the list in place, so trying one
filter after another costs nothing. Flags sit below the list with their
reviews; a supervisor marks the selected flag reviewed with a comment. A
review, once written, is shown and never offered for editing: the service
appends reviews and never changes one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
    QWidget,
)

from pos import households, messages
from pos.month import audit
from pos.periods import LOCAL
from pos.vocabulary import Area
from ui.models import Column, RowsModel
from ui.supervisor.page import Page
from ui.widgets import big_button, column, field, heading, row, table, tr

ALL = None


def _local(at, pattern: str = "%m-%d %H:%M") -> str:
    return at.astimezone(LOCAL).strftime(pattern) if at is not None else ""


def _day(day: date) -> str:
    return tr("%1月%2日").replace("%1", str(day.month)).replace("%2", str(day.day))


def _person(people: dict[str, str], username: str) -> str:
    return people.get(username) or username


def said(value, lang: str, people: dict[str, str] | None = None) -> str:
    """A phrase of the audit (a detail, a flag) in ``lang``; the users it names by their names."""
    if isinstance(value, messages.Phrase) and people:
        params = {k: (people.get(v) or v) if isinstance(v, str) else v for k, v in value.params.items()}
        return str(messages.worded(messages.Phrase(value.key, **params), lang))
    return str(messages.worded(value, lang))


def entry_columns(names: dict[int, str], lang: str = "zh", people: dict[str, str] | None = None) -> list[Column]:
    """The month's work; ``names`` the households' heads, filled once the month is read;
    ``people`` the users' names by login name (operators and approvers are shown by name)."""
    people = {} if people is None else people
    return [
        Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda e: _local(e.at)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "编号"), lambda e: said(e.ref, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda e: messages.kind(e.kind, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "操作员"),
               lambda e: _person(people, e.operator)
               + (tr(" / 审批 %1").replace("%1", _person(people, e.approver)) if e.approver else "")),
        Column(QT_TRANSLATE_NOOP("RowsModel", "农户"), lambda e: _households(e, names)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda e: f"{e.points:+d}" if e.points else "",
               right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "说明"), lambda e: said(e.detail, lang, people),
               tooltip=lambda e: said(e.detail, lang, people)),
    ]


def _households(entry: audit.AuditEntry, names: dict[int, str]) -> str:
    shown = [names.get(h) or tr("第 %1 户").replace("%1", str(h)) for h in entry.households[:3]]
    more = len(entry.households) - len(shown)
    return "、".join(shown) + (tr(" 等 %1 户").replace("%1", str(len(entry.households))) if more > 0 else "")


def flag_columns(people: dict[str, str], lang: str = "zh") -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda f: tr("已审核") if f.reviewed else tr("待审核")),
        Column(QT_TRANSLATE_NOOP("RowsModel", "提示"), lambda f: said(f.title, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda f: _local(f.at)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "操作员"), lambda f: _person(people, f.operator)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "说明"), lambda f: said(f.message, lang, people),
               tooltip=lambda f: said(f.message, lang, people)),
    ]


def review_columns(people: dict[str, str]) -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("RowsModel", "审核人"), lambda r: _person(people, r.reviewer)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda r: _local(r.at, "%Y-%m-%d %H:%M")),
        Column(QT_TRANSLATE_NOOP("RowsModel", "意见"), lambda r: r.comment, tooltip=lambda r: r.comment),
    ]


FLAG_COLUMNS = flag_columns({})
REVIEW_COLUMNS = review_columns({})


def matches(entry: audit.AuditEntry, kind, operator, household, day) -> bool:
    """The same filters as ``pos.audit.report`` takes, applied to rows already read."""
    return ((kind is None or entry.kind == kind) and (operator is None or entry.operator == operator)
            and (household is None or household in entry.households) and (day is None or entry.day == day))


class AuditPage(Page):
    def __init__(self, screen):
        super().__init__(screen)
        self.report: audit.AuditReport | None = None
        self.names: dict[int, str] = {}
        self.summary = QLabel(self)
        self.summary.setObjectName("auditSummary")
        self.summary.setWordWrap(True)
        column(self.summary, self._filters(), (self._lists(), 1), parent=self)
        for box in (self.kind, self.operator, self.household, self.day):
            box.currentIndexChanged.connect(lambda *_: self._filter_rows())
        self.set_role()

    def _filters(self) -> QHBoxLayout:
        """Kind, operator, household, day: they narrow the month's list in place."""
        self.kind = self._filter(tr("类别"))
        self.operator = self._filter(tr("操作员"))
        self.household = self._filter(tr("农户"))
        self.household.setEditable(True)  # type a name to jump to it among 150 households
        self.household.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.day = self._filter(tr("日期"))
        self.reload_button = QPushButton(tr("重新读取"), self)
        self.reload_button.setObjectName("auditReload")
        self.reload_button.clicked.connect(self.refresh)
        filters = QHBoxLayout()
        for label, box in ((tr("类别"), self.kind), (tr("操作员"), self.operator),
                           (tr("农户"), self.household), (tr("日期"), self.day)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(box, 1)
        filters.addWidget(self.reload_button)
        return filters

    def _lists(self) -> QSplitter:
        """The month's work above; its flags below, beside the review of the selected one."""
        self.people = self.screen.shell.people
        self.entries = RowsModel(entry_columns(self.names, self.screen.lang, self.people), parent=self)
        self.entries_view = table(self.entries, self, single=True, wrap=False)
        self.entries_view.setObjectName("auditEntries")
        self.entries_title = heading(tr("本月操作"), self, 13)
        self.flags = RowsModel(flag_columns(self.people, self.screen.lang), parent=self)
        self.flags_view = table(self.flags, self, single=True, wrap=False)
        self.flags_view.setObjectName("auditFlags")
        self.flags_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_flag())
        self.flags_title = heading(tr("需要监督员查看的提示"), self, 13)
        top = QWidget(self)
        column(self.entries_title, self.entries_view, parent=top).setContentsMargins(0, 0, 0, 0)
        bottom = QWidget(self)
        grid = QGridLayout(bottom)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.flags_title, 0, 0)
        grid.addWidget(self.flags_view, 1, 0)
        grid.addWidget(self._review_panel(), 0, 1, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setChildrenCollapsible(False)
        split.setSizes([300, 300])
        return split

    def _review_panel(self) -> QFrame:
        """The selected flag, its reviews, and (for a supervisor) a new one."""
        self.flag_text = QLabel(tr("选中一条提示，查看并写审核意见。"), self)
        self.flag_text.setObjectName("flagText")
        self.flag_text.setWordWrap(True)
        self.flag_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reviews = RowsModel(review_columns(self.people), parent=self)
        self.reviews_view = table(self.reviews, self, single=True, wrap=True)  # a comment is read whole
        self.reviews_view.setObjectName("flagReviews")
        self.reviews_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.comment = field(self, "reviewComment", tr("审核意见，如：已核实，是顾客退货"))
        self.comment.returnPressed.connect(self.review)
        self.review_button = big_button(tr("记录审核意见"), self, "reviewButton")
        self.review_button.clicked.connect(self.review)
        self.review_note = QLabel(tr("审核意见记录后不能修改；如需补充，可再写一条。"), self)
        self.review_note.setWordWrap(True)
        self.admin_note = QLabel(tr("审核须由监督员（第一书记）登录后记录；管理员只能查看。"), self)
        self.admin_note.setObjectName("reviewAdminNote")
        self.admin_note.setWordWrap(True)
        self.admin_note.setStyleSheet("color:#8a5a00; font-weight:bold;")
        panel = QFrame(self)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        column(heading(tr("审核"), panel, 13), self.flag_text, (self.reviews_view, 1), self.comment,
               row((self.review_note, 1), self.review_button), self.admin_note, parent=panel)
        return panel

    def _filter(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(f"filter_{name}")
        box.setMinimumContentsLength(6)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return box

    def set_role(self) -> None:
        supervisor = self.screen.supervisor
        for widget in (self.comment, self.review_button, self.review_note):
            widget.setVisible(supervisor)
        self.admin_note.setVisible(not supervisor)
        self._show_flag()

    # --- reading -------------------------------------------------------------------------
    def refresh(self) -> None:
        month = self.screen.month
        if not month:
            return
        db, actor = self.screen.db, self.screen.actor

        def read(report):
            found = audit.report(db, actor, month, progress=report)
            names = {h.id: h.head_name for h in households.search(db, actor, include_moved=True, limit=100_000)}
            return found, names

        self.loaded_for = month
        self.screen.ops.read(read, widget=self.reload_button, bar=self.screen.bar, done=self._loaded,
                             progress=True, title=tr("正在读取本月台账并逐笔检查……"))

    def _loaded(self, result) -> None:
        found, names = result
        if found.month != self.screen.month:
            return  # another month was chosen meanwhile; its own read follows
        self.report = found
        self.names.clear()
        self.names.update(names)
        closed = (tr("已月结（第 %1 号）").replace("%1", str(found.closed)) if found.closed
                  else tr("未月结"))
        pending = sum(1 for f in found.flags if not f.reviewed)
        self.summary.setText(
            tr("%1：%2。%3。共 %4 项操作，%5 条提示，其中 %6 条待审核。")
            .replace("%1", self.screen.month_title).replace("%2", closed).replace("%3", said(found.verify_summary, self.screen.lang))
            .replace("%4", str(len(found.entries))).replace("%5", str(len(found.flags)))
            .replace("%6", str(pending)))
        self.summary.setStyleSheet("" if found.verify_ok is not False else "color:#a4000f; font-weight:bold;")
        self._fill_filters(found)
        self._filter_rows()
        current = self._current_flag()
        self.flags.set_rows(found.flags)
        self.flags_title.setText(tr("需要监督员查看的提示（%1 条，待审核 %2 条）")
                                 .replace("%1", str(len(found.flags))).replace("%2", str(pending)))
        keys = [f.key for f in found.flags]
        if found.flags:
            row = keys.index(current.key) if current is not None and current.key in keys else 0
            self.flags_view.selectRow(row)
        self._show_flag()

    def _fill_filters(self, found: audit.AuditReport) -> None:
        kinds = sorted({e.kind for e in found.entries}, key=lambda k: audit.KINDS.index(k)
                       if k in audit.KINDS else 99)
        operators = sorted({e.operator for e in found.entries})
        homes = sorted({h for e in found.entries for h in e.households},
                       key=lambda h: self.names.get(h, ""))
        days = sorted({e.day for e in found.entries})
        self._fill(self.kind, tr("全部类别"), [(messages.kind(k, self.screen.lang), k) for k in kinds])
        self._fill(self.operator, tr("全部操作员"), [(_person(self.people, o), o) for o in operators])
        self._fill(self.household, tr("全部农户"), [(self.names.get(h, str(h)), h) for h in homes])
        self._fill(self.day, tr("全部日期"), [(_day(d), d) for d in days])

    @staticmethod
    def _fill(box: QComboBox, everything: str, items) -> None:
        kept = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, ALL)
        for text, value in items:
            box.addItem(text, value)
        index = box.findData(kept) if kept is not None else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def _filter_rows(self) -> None:
        if self.report is None:
            self.entries.set_rows([])
            return
        wanted = (self.kind.currentData(), self.operator.currentData(), self.household.currentData(),
                  self.day.currentData())
        rows = [e for e in self.report.entries if matches(e, *wanted)]
        self.entries.set_rows(rows)
        self.entries_title.setText(tr("本月操作（显示 %1 项，共 %2 项）")
                                   .replace("%1", str(len(rows))).replace("%2", str(len(self.report.entries))))

    def choose(self, *, kind: str | None = None, operator: str | None = None,
               household: int | None = None, day: date | None = None) -> None:
        """Set the filters (as a person picks them in the boxes)."""
        for box, value in ((self.kind, kind), (self.operator, operator), (self.household, household),
                           (self.day, day)):
            box.setCurrentIndex(max(box.findData(value), 0))

    # --- reviewing -----------------------------------------------------------------------
    def _current_flag(self) -> audit.Flag | None:
        index = self.flags_view.currentIndex()
        return self.flags.row(index.row()) if index.isValid() and index.row() < self.flags.rowCount() else None

    def _show_flag(self) -> None:
        flag = self._current_flag()
        if flag is None:
            self.flag_text.setText(tr("本月没有需要审核的提示。") if self.report is not None and not self.report.flags
                                   else tr("选中一条提示，查看并写审核意见。"))
            self.reviews.set_rows([])
            self.review_button.setEnabled(False)
            return
        state = tr("已审核") if flag.reviewed else tr("待审核")
        lang = self.screen.lang
        self.flag_text.setText(tr("【%1·%2】%3").replace("%1", said(flag.title, lang)).replace("%2", state)
                               .replace("%3", said(flag.message, lang, self.people)))
        self.reviews.set_rows(flag.reviews)
        self.review_button.setEnabled(self.screen.supervisor)

    def review(self) -> None:
        flag = self._current_flag()
        if flag is None or not self.screen.supervisor or not self.review_button.isEnabled():
            return
        db, actor, month, comment = self.screen.db, self.screen.actor, self.screen.month, self.comment.text()
        self.screen.ops.write(lambda: audit.review(db, actor, month, flag.key, comment),
                              widget=self.review_button, bar=self.screen.bar,
                              done=lambda _r: self._reviewed(flag), areas={Area.AUDIT})

    def _reviewed(self, flag: audit.Flag) -> None:
        self.comment.clear()
        self.screen.bar.done(tr("已记录对“%1”的审核意见。").replace("%1", said(flag.title, self.screen.lang)))
