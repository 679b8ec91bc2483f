"""The supervisor's area (监督员): the month's audit, closing it, its public notice, the export.

One month is chosen at the top (the one due to be closed comes first); the
pages below work on it:

- 监督审计: the month's work with filters, its flags and their reviews (``ui.audit``);
- 月结: every total of the month, recomputed from the ledger, shown before the
  supervisor closes it; if it cannot be closed, the reason stays on the page;
- 公示: the notice of a closed month, its first page as a preview, printing it
  (the PDF opens in the system's viewer) and the text of its QR code;
- 农户明细: one household's month, for a villager who asks (scan their card);
- 审计导出: the auditor's export for the township, into a chosen folder.

Everyone who may log in sees the area; only a supervisor closes a month or
reviews a flag (an administrator sees the notices, the totals and the flags).
The services check the role again. Long work (the month's checks, PDFs,
the export) runs off the GUI thread with a progress dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QHeaderView, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from pos import statement, village
from pos.month import closure
from pos.month.document import ClosureView
from pos.month import export as monthexport
from pos.month import notice
from pos.periods import LOCAL, Month
from pos.vocabulary import Role
from printing import statement as statement_printing
from ui import documents
from ui.audit import AuditPage, heading, table
from ui.models import Column, RowsModel
from ui.shell import Area, Screen, register


def tr(text: str) -> str:
    # lupdate files a plain tr("...") call under the empty context: look it up there.
    return QCoreApplication.translate("", text)


def big_button(text: str, parent, name: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setMinimumHeight(44)
    return button


# ------------------------------------------------------------------------------ totals


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


def total_lines(view: ClosureView) -> list[TotalLine]:
    """Every total of a closure (or of its preview), as the supervisor checks them."""
    t = view.totals
    month, total, books = tr("本月"), tr("累计（从不清零）"), tr("账目")
    lines = [TotalLine(books, tr("交易范围"), tr("第 %1–%2 笔（%3 笔）").replace("%1", str(view.first_seq))
                       .replace("%2", str(view.last_seq)).replace("%3", str(t.transactions)))]
    lines += [TotalLine(month, name, value) for name, value in notice.month_total_rows(view)]
    lines += [TotalLine(tr("兑换分区"), z.zone, tr("%1 件，%2 分").replace("%1", str(z.quantity))
                        .replace("%2", str(z.points))) for z in view.zones]
    lines += [TotalLine(total, name, value) for name, value in notice.cumulative_rows(view)]
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


class ClosePage(QWidget):
    """Every total of the month first; then, for a supervisor, the one button that closes it."""

    def __init__(self, screen):
        super().__init__(screen)
        self.screen = screen
        self.loaded_for = ""
        self.previewed: str | None = None  # the month whose totals are on the page, not yet closed
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
            view = table(model, self)
            view.setObjectName(f"closeTotals{len(self.models)}")
            view.verticalHeader().setDefaultSectionSize(30)
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            view.horizontalHeader().setStretchLastSection(False)
            pane = QVBoxLayout()
            pane.addWidget(heading(tr(title), self, 13))
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
        state = self.screen.month_state
        if state is None:
            return
        self.loaded_for = state.month
        self.previewed = None
        self.reason.hide()
        self._buttons()
        db, actor = self.screen.db, self.screen.actor
        if state.closure is not None:
            self.recompute.setEnabled(False)
            self.screen.ops.read(lambda: closure.get(db, actor, state.month), bar=self.screen.bar,
                                 done=self._closed_view)
            return
        self.recompute.setEnabled(True)
        self.state.setText(tr("%1：正在计算合计……").replace("%1", state.title))
        self.screen.ops.read(lambda report: closure.preview(db, actor, state.month, progress=report),
                             widget=self.recompute, bar=self.screen.bar, done=self._previewed,
                             failed=self._refused, progress=True, title=tr("正在由台账重新计算本月合计……"))

    def _previewed(self, checked: closure.Preview) -> None:
        view = checked.view
        if view.month != self.screen.month:
            return
        if checked.findings:  # the totals stay in view beside everything that disagrees
            self.show_lines(total_lines(view))
            self._cannot_close([f.message(self.screen.ops.lang) for f in checked.findings])
            return
        self.previewed = view.month
        self.show_lines(total_lines(view))
        self.state.setText(tr("%1 尚未月结：以下是将要月结的合计（第 %2 号月结）。")
                           .replace("%1", self.screen.month_title).replace("%2", str(view.number)))
        self.state.setStyleSheet("")
        self._buttons()

    def _refused(self, error) -> None:
        self.show_lines([])
        self._cannot_close([error.message(self.screen.ops.lang), *error.lines(self.screen.ops.lang)])

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
        self.show_lines(total_lines(view))
        self.state.setText(tr("%1 已月结：第 %2 号，%3 由 %4 月结。")
                           .replace("%1", self.screen.month_title).replace("%2", str(view.number))
                           .replace("%3", view.closed_at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M"))
                           .replace("%4", view.closed_by))
        self.state.setStyleSheet("color:#0b5d1e;")
        self._buttons()

    def close_month(self) -> None:
        month = self.previewed
        if month is None or month != self.screen.month or not self.screen.supervisor:
            return
        self.previewed = None  # a confirm runs once: the next needs fresh totals
        db, actor = self.screen.db, self.screen.actor
        self.screen.ops.write(lambda report: closure.close(db, actor, month, progress=report),
                              widget=self.close_button, bar=self.screen.bar, done=self._done,
                              failed=self._refused, areas={"closure"}, progress=True,
                              title=tr("正在月结……"))
        self._buttons()

    def _done(self, view: ClosureView) -> None:
        self.screen.bar.done(tr("%1 已月结：第 %2 号。请到“公示”页打印公示并张贴。")
                             .replace("%1", Month.parse(view.month).title).replace("%2", str(view.number)))


# ------------------------------------------------------------------------------ the notice


class NoticePage(QWidget):
    """The closed month's notice: its first page, printing it, its QR text."""

    PAPERS = (("A4", QT_TRANSLATE_NOOP("Supervisor", "A4 纵向")), ("A3", QT_TRANSLATE_NOOP("Supervisor", "A3 横向")))

    def __init__(self, screen):
        super().__init__(screen)
        self.screen = screen
        self.viewer = documents.open_in_viewer
        self.loaded_for = ""
        self.built: tuple | None = None  # (month, paper, masked) of self.path
        self.path: Path | None = None
        self.pages = 0
        self.state = heading("", self, 15)
        self.state.setObjectName("noticeState")
        self.state.setWordWrap(True)
        self.paper = QComboBox(self)
        self.paper.setObjectName("noticePaper")
        for key, title in self.PAPERS:
            self.paper.addItem(tr(title), key)
        self.mask = QCheckBox(tr("姓名中间用 * 隐去（王*芳）"), self)
        self.mask.setObjectName("noticeMask")
        self.print_button = big_button(tr("打印公示"), self, "noticePrint")
        self.print_button.setToolTip(tr("在系统的 PDF 阅读器中打开，从那里打印"))
        self.print_button.clicked.connect(lambda: self.build(open_after=True))
        self.save_button = big_button(tr("另存 PDF…"), self, "noticeSave")
        self.save_button.clicked.connect(self.save_as)
        self.image = QLabel(tr("（预览）"), self)
        self.image.setObjectName("noticeImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(520)
        self.info = QLabel(self)
        self.info.setObjectName("noticeInfo")
        self.info.setWordWrap(True)
        self.qr = QLineEdit(self)
        self.qr.setObjectName("noticeQr")
        self.qr.setReadOnly(True)
        copy = QPushButton(tr("复制"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.qr.text()))
        qr_row = QHBoxLayout()
        qr_row.addWidget(self.qr, 1)
        qr_row.addWidget(copy)
        qr_help = QLabel(tr("公示每页底部的二维码就是这段文字。日后任何人拿着公示，"
                            "都可以请维护人员用它核对账本是否被改过。"), self)
        qr_help.setWordWrap(True)
        side = QVBoxLayout()
        options = QGridLayout()
        options.addWidget(QLabel(tr("纸张"), self), 0, 0)
        options.addWidget(self.paper, 0, 1)
        options.addWidget(self.mask, 1, 0, 1, 2)
        side.addLayout(options)
        side.addWidget(self.print_button)
        side.addWidget(self.save_button)
        side.addSpacing(12)
        side.addWidget(self.info)
        side.addWidget(heading(tr("二维码内容"), self, 13))
        side.addLayout(qr_row)
        side.addWidget(qr_help)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(body, 1)
        self.paper.currentIndexChanged.connect(lambda *_: self._options_changed())
        self.mask.toggled.connect(lambda *_: self._options_changed())

    def set_role(self) -> None:
        pass  # everyone may see and print a notice

    def refresh(self) -> None:
        state = self.screen.month_state
        if state is None:
            return
        self.loaded_for = state.month
        closed = state.closure is not None
        for widget in (self.print_button, self.save_button, self.paper, self.mask):
            widget.setEnabled(closed)
        self.built = None
        self.qr.clear()
        self.info.clear()
        self.image.setPixmap(QPixmap())
        if not closed:
            self.state.setText(tr("%1 还没有月结：月结后才能生成公示。").replace("%1", state.title))
            self.image.setText(tr("（月结后显示公示的第一页）"))
            return
        self.state.setText(tr("%1 公示（第 %2 号月结）").replace("%1", state.title)
                           .replace("%2", str(state.closure)))
        db = self.screen.db
        self.screen.ops.read(lambda: village.settings(db).mask_names, bar=self.screen.bar,
                             done=self._mask_default)

    def _mask_default(self, masked: bool) -> None:
        self.mask.blockSignals(True)
        self.mask.setChecked(masked)
        self.mask.blockSignals(False)
        self.build(open_after=False)

    def _options_changed(self) -> None:
        if self.screen.month_state is not None and self.screen.month_state.closure is not None:
            self.build(open_after=False)

    def options(self) -> tuple[str, str, bool]:
        return self.screen.month, self.paper.currentData(), self.mask.isChecked()

    def build(self, *, open_after: bool) -> None:
        month, paper, masked = wanted = self.options()
        if not month:
            return
        if self.built == wanted and self.path is not None and self.path.exists():
            if open_after:
                self._open()
            return
        db, actor = self.screen.db, self.screen.actor
        path = documents.folder("公示") / documents.file_name("公示", month, paper, "隐名" if masked else "")

        def work(report):
            data, pages = notice.write_pdf(db, actor, month, path, a3=paper == "A3", mask_names=masked,
                                           progress=report)
            return data, pages, documents.first_page(path, 1100)

        self.screen.ops.read(work, widget=self.print_button, bar=self.screen.bar, progress=True,
                             title=tr("正在生成公示 PDF……"),
                             done=lambda result: self._built(wanted, path, result, open_after))

    def _built(self, wanted, path: Path, result, open_after: bool) -> None:
        data, pages, image = result
        self.built, self.path, self.pages = wanted, path, pages
        self.qr.setText(data.qr_text)
        self.qr.setCursorPosition(0)
        self.info.setText(tr("%1 %2\n%3 户，%4 页（%5）\n张贴期：%6\n异议电话：%7")
                          .replace("%1", data.village).replace("%2", data.month_title)
                          .replace("%3", str(len(data.households))).replace("%4", str(pages))
                          .replace("%5", wanted[1]).replace("%6", data.notice_period)
                          .replace("%7", data.objection_phone or tr("（未设置）")))
        width = max(self.scroll.viewport().width() - 24, 400)
        self.image.setPixmap(QPixmap.fromImage(image).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
        if open_after:
            self._open()

    def _open(self) -> None:
        if self.path is None:
            return
        if self.viewer(self.path):
            self.screen.bar.done(tr("公示已在 PDF 阅读器中打开，请从那里打印：%1").replace("%1", str(self.path)))
        else:
            self.screen.bar.refuse(tr("没能打开 PDF 阅读器。公示已保存在：%1").replace("%1", str(self.path)))

    def save_as(self) -> None:
        if self.path is None or self.built != self.options():
            self.build(open_after=False)
            return
        target, _ = QFileDialog.getSaveFileName(self, tr("另存公示"), str(Path.home() / self.path.name),
                                                tr("PDF 文件 (*.pdf)"))
        if target:
            Path(target).write_bytes(self.path.read_bytes())
            self.screen.bar.done(tr("已另存为 %1").replace("%1", target))


# ------------------------------------------------------------------------------ a household's month

STATEMENT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda s: s.date),
    Column(QT_TRANSLATE_NOOP("RowsModel", "流水号"), lambda s: str(s.seq), right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda s: s.kind),
    Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda s: f"{s.points:+d}", right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "余额"), lambda s: str(s.balance), right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "摘要"), lambda s: s.detail, tooltip=lambda s: s.detail),
]


class StatementPage(QWidget):
    """One household's month (scan the villager's card, or type its number)."""

    def __init__(self, screen):
        super().__init__(screen)
        self.screen = screen
        self.viewer = documents.open_in_viewer
        self.loaded_for = ""
        self.data = None
        self.card = QLineEdit(self)
        self.card.setObjectName("statementCard")
        self.card.setPlaceholderText(tr("扫描积分卡，或输入卡号后按回车"))
        self.card.returnPressed.connect(self.refresh)
        self.show_button = big_button(tr("查看明细"), self, "statementShow")
        self.show_button.clicked.connect(self.refresh)
        self.pdf_button = big_button(tr("打印明细（PDF）"), self, "statementPdf")
        self.pdf_button.clicked.connect(self.open_pdf)
        self.pdf_button.setEnabled(False)
        self.slip_button = big_button(tr("打印小票"), self, "statementSlip")
        self.slip_button.setToolTip(tr("在收银台的小票打印机上打印这一户本月的明细"))
        self.slip_button.clicked.connect(self.print_slip)
        self.slip_button.setEnabled(False)
        self.head = heading(tr("请扫描村民的积分卡。"), self, 15)
        self.head.setObjectName("statementHead")
        self.head.setWordWrap(True)
        self.lines = RowsModel(STATEMENT_COLUMNS, parent=self)
        self.view = table(self.lines, self)
        self.view.setObjectName("statementLines")
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("积分卡"), self))
        row.addWidget(self.card, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.pdf_button)
        row.addWidget(self.slip_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.head)
        layout.addWidget(self.view, 1)

    def set_role(self) -> None:
        pass

    def scan(self, code: str) -> None:
        self.card.setText(code)
        self.refresh()

    def refresh(self) -> None:
        number, month = self.card.text().strip(), self.screen.month
        self.loaded_for = month
        if not number or not month:
            return
        db, actor = self.screen.db, self.screen.actor
        self.screen.ops.read(lambda: statement.statement(db, actor, number, month), widget=self.show_button,
                             bar=self.screen.bar, done=self._shown)

    def _shown(self, data) -> None:
        self.data = data
        self.lines.set_rows(data.lines)
        self.pdf_button.setEnabled(True)
        self.slip_button.setEnabled(True)
        self.head.setText(tr("%1（%2）%3：期初 %4 分，%5 笔，期末 %6 分")
                          .replace("%1", data.head).replace("%2", data.group).replace("%3", data.month_title)
                          .replace("%4", str(data.opening)).replace("%5", str(len(data.lines)))
                          .replace("%6", str(data.closing)))

    def open_pdf(self) -> None:
        data = self.data
        if data is None:
            return
        path = documents.folder("农户明细") / documents.file_name("明细", data.head, data.card[-4:], data.month_title)
        self.screen.ops.read(lambda: statement_printing.render_pdf(data, path), widget=self.pdf_button,
                             bar=self.screen.bar, done=lambda _pages: self._open(path))

    def print_slip(self) -> None:
        data, month = self.data, self.screen.month
        if data is None:
            return
        s = self.screen
        db, actor, printer = s.db, s.actor, getattr(s.shell.settings, "printer", None)
        s.ops.printing(lambda: statement.print_slip(db, actor, data.card, month, printer), widget=self.slip_button,
                       bar=s.bar, areas=(),
                       done=lambda printed: s.bar.done(tr("%1 的本月明细小票已打印。").replace("%1", printed.head)))

    def _open(self, path: Path) -> None:
        if self.viewer(path):
            self.screen.bar.done(tr("明细已在 PDF 阅读器中打开，请从那里打印。"))
        else:
            self.screen.bar.refuse(tr("没能打开 PDF 阅读器。明细已保存在：%1").replace("%1", str(path)))


# ------------------------------------------------------------------------------ the export


class ExportPage(QWidget):
    """The auditor's export of a closed month, for the township, into a chosen folder."""

    def __init__(self, screen):
        super().__init__(screen)
        self.screen = screen
        self.viewer = documents.open_in_viewer
        self.loaded_for = ""
        self.last: Path | None = None
        self.state = heading("", self, 15)
        self.state.setObjectName("exportState")
        self.state.setWordWrap(True)
        explain = QLabel(tr("导出本月台账、月结、审计提示与审核记录、公示数据：每张表一份 CSV，"
                            "另有一个 Excel 工作簿；附 SHA-256 清单和独立的校验脚本 verify_export.py，"
                            "乡镇可据此核对整条哈希链。"), self)
        explain.setWordWrap(True)
        self.folder = QLineEdit(str(Path.home()), self)
        self.folder.setObjectName("exportFolder")
        choose = QPushButton(tr("选择文件夹…"), self)
        choose.clicked.connect(self.choose)
        self.export_button = big_button(tr("导出"), self, "exportButton")
        self.export_button.setStyleSheet("QPushButton:enabled { background:#2b6cb0; color:white; font-weight:bold; }")
        self.export_button.clicked.connect(self.export)
        self.open_button = big_button(tr("打开导出的文件夹"), self, "exportOpen")
        self.open_button.clicked.connect(lambda: self.last and self.viewer(self.last))
        self.open_button.setEnabled(False)
        self.result = QLabel(self)
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("导出到"), self))
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def set_role(self) -> None:
        pass

    def refresh(self) -> None:
        state = self.screen.month_state
        if state is None:
            return
        self.loaded_for = state.month
        closed = state.closure is not None
        self.export_button.setEnabled(closed)
        self.export_button.setText(tr("导出 %1").replace("%1", state.title))
        self.state.setText(tr("%1：第 %2 号月结").replace("%1", state.title).replace("%2", str(state.closure))
                           if closed else tr("%1 还没有月结：月结后才能导出。").replace("%1", state.title))

    def choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("导出到哪个文件夹"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def target(self) -> Path:
        """A new folder inside the chosen one, named after the village and the month."""
        base = Path(self.folder.text().strip() or Path.home())
        name = f"{self.screen.village_name or '爱心超市'}-{self.screen.month}-审计导出"
        target, n = base / name, 2
        while target.exists():
            target, n = base / f"{name}-{n}", n + 1
        return target

    def export(self) -> None:
        month = self.screen.month
        if not month:
            return
        out = self.target()
        db, actor = self.screen.db, self.screen.actor

        def work(report):
            out.mkdir(parents=True)
            return monthexport.export(db, actor, month, out, progress=report)

        self.screen.ops.read(work, widget=self.export_button, bar=self.screen.bar, progress=True,
                             title=tr("正在导出……"), done=lambda manifest: self._exported(out, manifest))

    def _exported(self, out: Path, manifest: dict) -> None:
        self.last = out
        self.open_button.setEnabled(True)
        files = sorted(manifest["files"])
        self.result.setText(tr("已导出到：%1\n共 %2 个文件：%3").replace("%1", str(out))
                            .replace("%2", str(len(files))).replace("%3", "、".join(files)))
        self.screen.bar.done(tr("已导出 %1 个文件到 %2").replace("%1", str(len(files))).replace("%2", str(out)))


# ------------------------------------------------------------------------------ the screen


class SupervisorScreen(Screen):
    def __init__(self, shell):
        super().__init__(shell)
        self.setObjectName("supervisor")
        self.months: list[closure.MonthState] = []
        self.village_name = ""
        self.month_box = QComboBox(self)
        self.month_box.setObjectName("monthBox")
        self.month_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        font = self.month_box.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.month_box.setFont(font)
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
        return state.title if state is not None else ""

    def pages(self):
        return (self.audit_page, self.close_page, self.notice_page, self.statement_page, self.export_page)

    # --- the shell's calls ---------------------------------------------------------------
    def shown(self) -> None:
        self.load_months()

    def on_changed(self, areas: frozenset[str]) -> None:
        if areas & {"closure", "audit", "ledger", "goods", "stock", "households", "village"}:
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
            if state.closure is not None:
                note = tr("已月结 第 %1 号").replace("%1", str(state.closure))
            elif state.next_to_close:
                note = tr("待月结")
            elif not state.ended:
                note = tr("本月，未结束")
            else:
                note = tr("未月结")
            self.month_box.addItem(f"{state.title}（{note}）", state.month)
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
        if state.closure is not None:
            text = tr("已月结（第 %1 号），可出公示和导出").replace("%1", str(state.closure))
        elif state.next_to_close:
            text = tr("下一个应当月结的月份")
        elif not state.ended:
            text = tr("本月还没有结束，月底后才能月结")
        else:
            text = tr("未月结")
        self.month_state_label.setText(text)
        self._refresh_page()

    def _refresh_page(self) -> None:
        page = self.tabs.currentWidget()
        if page is not None and self.month and page.loaded_for != self.month:
            page.refresh()


register(Area("supervisor", QT_TRANSLATE_NOOP("Areas", "监督月结"), "F10", SupervisorScreen, order=80))
