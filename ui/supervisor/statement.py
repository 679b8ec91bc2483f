"""A household's month (农户明细), for a villager who asks: scan their card; print it as a
PDF or as a slip on the counter's receipt printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from pos import statement
from printing import statement as statement_printing
from ui import documents
from ui.models import Column, RowsModel
from ui.supervisor.page import Page
from ui.widgets import big_button, heading, table, tr


STATEMENT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda s: s.date),
    Column(QT_TRANSLATE_NOOP("RowsModel", "流水号"), lambda s: str(s.seq), right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda s: s.kind),
    Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda s: f"{s.points:+d}", right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "余额"), lambda s: str(s.balance), right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "摘要"), lambda s: s.detail, tooltip=lambda s: s.detail),
]


class StatementPage(Page):
    """One household's month (scan the villager's card, or type its number)."""

    def __init__(self, screen):
        super().__init__(screen)
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
        self.view = table(self.lines, self, single=True, wrap=False)
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

    def scan(self, code: str) -> None:
        self.card.setText(code)
        self.refresh()

    def refresh(self) -> None:
        number, month = self.card.text().strip(), self.screen.month
        self.loaded_for = month
        if not number or not month:
            return
        db, actor, lang = self.screen.db, self.screen.actor, self.screen.lang
        self.screen.ops.read(lambda: statement.statement(db, actor, number, month, lang), widget=self.show_button,
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
        path = documents.path(documents.MONTH_STATEMENT, data.head, data.card[-4:], data.month_title)
        self.screen.ops.read(lambda: statement_printing.render_pdf(data, path), widget=self.pdf_button,
                             bar=self.screen.bar, done=lambda _pages: self._open(path))

    def print_slip(self) -> None:
        data, month = self.data, self.screen.month
        if data is None:
            return
        s = self.screen
        db, actor, printer, lang = s.db, s.actor, getattr(s.shell.settings, "printer", None), s.lang
        s.ops.printing(lambda: statement.print_slip(db, actor, data.card, month, printer, lang),
                       widget=self.slip_button, bar=s.bar, areas=(),
                       done=lambda printed: s.bar.done(tr("%1 的本月明细小票已打印。").replace("%1", printed.head)))

    def _open(self, path: Path) -> None:
        documents.show(self.screen.bar, path, tr("明细已在 PDF 阅读器中打开，请从那里打印。"))
