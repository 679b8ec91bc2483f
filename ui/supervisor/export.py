"""The auditor's export (审计导出) of a closed month, for the township, into a chosen folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from pos.month import export as monthexport
from ui import documents
from ui.supervisor.page import Page
from ui.widgets import big_button, heading, tr


class ExportPage(Page):
    """The auditor's export of a closed month, for the township, into a chosen folder."""

    def __init__(self, screen):
        super().__init__(screen)
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
        self.open_button.clicked.connect(lambda: self.last and documents.open_in_viewer(self.last))
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

    def refresh(self) -> None:
        state = self.take_month()
        if state is None:
            return
        closed = state.closure is not None
        self.export_button.setEnabled(closed)
        self.export_button.setText(tr("导出 %1").replace("%1", self.screen.month_title))
        self.state.setText(tr("%1：第 %2 号月结").replace("%1", self.screen.month_title).replace("%2", str(state.closure))
                           if closed else tr("%1 还没有月结：月结后才能导出。").replace("%1", self.screen.month_title))

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
