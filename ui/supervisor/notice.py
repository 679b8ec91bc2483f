"""The month's public notice (公示): its first page as a preview, printing it (the PDF opens
in the system's viewer) and the text of its QR code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
    QVBoxLayout,
)

from pos import village
from pos.month import honour, notice
from ui import documents
from ui.supervisor.page import Page
from ui.widgets import big_button, heading, tr
from ui.sizes import px


class NoticePage(Page):
    """The closed month's notice: its first page, printing it, its QR text."""

    PAPERS = (("A4", QT_TRANSLATE_NOOP("Supervisor", "A4 纵向")), ("A3", QT_TRANSLATE_NOOP("Supervisor", "A3 横向")))

    def __init__(self, screen):
        super().__init__(screen)
        self.built: tuple | None = None  # (month, paper, masked) of self.path
        self.path: Path | None = None
        self.pages = 0
        self.state = heading("", self, 15)
        self.state.setObjectName("noticeState")
        self.state.setWordWrap(True)
        self.paper = QComboBox(self)
        self.paper.setObjectName("noticePaper")
        for key, title in self.PAPERS:
            self.paper.addItem(QCoreApplication.translate("Supervisor", title), key)
        self.mask = QCheckBox(tr("姓名中间用 * 隐去（王*芳）"), self)
        self.mask.setObjectName("noticeMask")
        self.print_button = big_button(tr("打印公示"), self, "noticePrint")
        self.print_button.setToolTip(tr("在系统的 PDF 阅读器中打开，从那里打印"))
        self.print_button.clicked.connect(lambda: self.build(open_after=True))
        self.honour_button = big_button(tr("打印光荣榜"), self, "noticeHonour")
        self.honour_button.setToolTip(tr("本月与全年按规则得分最多的农户，A4 海报，在 PDF 阅读器中打开"))
        self.honour_button.clicked.connect(self.print_honour)
        self.save_button = big_button(tr("另存 PDF…"), self, "noticeSave")
        self.save_button.clicked.connect(self.save_as)
        self.image = QLabel(tr("（预览）"), self)
        self.image.setObjectName("noticeImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(px(520))
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
        side.addWidget(self.honour_button)
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

    def refresh(self) -> None:
        state = self.take_month()
        if state is None:
            return
        closed = state.closure is not None
        for widget in (self.print_button, self.save_button, self.honour_button, self.paper, self.mask):
            widget.setEnabled(closed)
        self.built = None
        self.qr.clear()
        self.info.clear()
        self.image.setPixmap(QPixmap())
        if not closed:
            self.state.setText(tr("%1 还没有月结：月结后才能生成公示。").replace("%1", self.screen.month_title))
            self.image.setText(tr("（月结后显示公示的第一页）"))
            return
        self.state.setText(tr("%1 公示（第 %2 号月结）").replace("%1", self.screen.month_title)
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
        path = documents.path(documents.NOTICE, month, paper, "隐名" if masked else "")

        lang = self.screen.lang

        def work(report):  # the paper in the window's language, as the window tells of it
            data, pages = notice.write_pdf(db, actor, month, path, a3=paper == "A3", mask_names=masked, lang=lang,
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
                          .replace("%1", data.village).replace("%2", self.screen.month_title)
                          .replace("%3", str(len(data.households))).replace("%4", str(pages))
                          .replace("%5", self.paper.currentText()).replace("%6", data.notice_period)
                          .replace("%7", data.objection_phone or tr("（未设置）")))
        width = max(self.scroll.viewport().width() - 24, 400)
        self.image.setPixmap(QPixmap.fromImage(image).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
        if open_after:
            self._open()

    def _open(self) -> None:
        if self.path is None:
            return
        documents.show(self.screen.bar, self.path, tr("公示已在 PDF 阅读器中打开，请从那里打印（%1 页）。")
                       .replace("%1", str(self.pages)))

    def print_honour(self) -> None:
        """The month's honour roll as a poster, names masked as the notice's box says."""
        month, _, masked = self.options()
        if not month:
            return
        db, actor, lang = self.screen.db, self.screen.actor, self.screen.lang
        path = documents.path(documents.HONOUR, month, "隐名" if masked else "")

        def work():  # in the window's language, as the notice beside it
            return honour.write_pdf(db, actor, month, path, mask_names=masked, lang=lang)[1]

        self.screen.ops.read(work, widget=self.honour_button, bar=self.screen.bar,
                             done=lambda pages: documents.show(
                                 self.screen.bar, path, tr("光荣榜已在 PDF 阅读器中打开，请从那里打印（%1 页）。")
                                 .replace("%1", str(pages))))

    def save_as(self) -> None:
        if self.path is None or self.built != self.options():
            self.build(open_after=False)
            return
        target, _ = QFileDialog.getSaveFileName(self, tr("另存公示"), str(Path.home() / self.path.name),
                                                tr("PDF 文件 (*.pdf)"))
        if target:
            Path(target).write_bytes(self.path.read_bytes())
            self.screen.bar.done(tr("已另存为 %1").replace("%1", target))
