"""Backups (备份与恢复): where they go, making one now, restoring one (a supervisor approves),
and the automatic ones: the day's first start and closing the window."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QT_TRANSLATE_NOOP, QTimer, Slot
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QPushButton, QWidget,
)

from pos import backups, messages
from pos.periods import LOCAL
from pos.errors import NeedsApproval, ShopError
from pos.vocabulary import Area
from ui import asking, widgets
from ui.models import Column, RowsModel
from ui.shell import Screen
from ui.sizes import px


log = logging.getLogger("ui")


def copies_model() -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "备份时间"),
               lambda c: c.made_at.strftime("%Y-%m-%d %H:%M:%S")),
        Column(QT_TRANSLATE_NOOP("RowsModel", "文件"), lambda c: c.path.name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "大小"), lambda c: f"{c.size // 1024} KB", right=True),
    ])


class BackupTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.folder = widgets.field(self, "backupFolder", self.tr("默认：数据文件夹下的 backups（也可以选 U 盘）"))
        choose = QPushButton(self.tr("选择文件夹…"), self)
        self.keep = widgets.spin_box(self, 1, 1000, suffix=self.tr(" 份"))
        self.save_button = QPushButton(self.tr("保存"), self)
        self.backup_button = widgets.big(QPushButton(self.tr("立即备份"), self), 1.15, True)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.setMinimumHeight(px(48))
        self.restore_button = QPushButton(self.tr("用所选备份恢复…"), self)
        self.restore_button.setObjectName("restore")
        self.last = widgets.big(QLabel(self), 1.1)
        self.last.setWordWrap(True)
        self.model = copies_model()
        self.view = widgets.table(self.model, self, stretch=1)
        self.view.setObjectName("copies")
        box = widgets.form_box(self.tr("备份"), self, (self.tr("备份到"), widgets.row((self.folder, 1), choose)),
                               (self.tr("保留最近"), self.keep), ("", self.save_button))
        note = QLabel(self.tr("恢复前会先检查备份是否完好，并把现在的数据库另存一份。"), self)
        widgets.column(box, widgets.row(self.backup_button, (self.last, 1)), (self.view, 1),
                       widgets.row((note, 1), self.restore_button), parent=self)
        choose.clicked.connect(self.choose)
        self.save_button.clicked.connect(self.save)
        self.backup_button.clicked.connect(self.backup)
        self.restore_button.clicked.connect(self.restore)
        self.folder.editingFinished.connect(self.reload_copies)

    def target(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None

    def reload(self) -> None:
        settings = self.screen.shell.settings
        self.folder.setText(getattr(settings, "backup_dir", ""))
        self.keep.setValue(getattr(settings, "backup_keep", 30))
        self.reload_copies()

    def reload_copies(self) -> None:
        s, folder = self.screen, self.target()
        s.ops.read(lambda: backups.copies(folder), bar=s.bar, done=self.model.set_rows, newest=self.model)

    def choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("备份到哪个文件夹"))
        if name:
            self.folder.setText(name)
            self.reload_copies()

    def save(self) -> None:
        self.screen.shell.save_settings(replace(self.screen.shell.settings, backup_dir=self.folder.text().strip(),
                                       backup_keep=self.keep.value()))
        self.screen.bar.done(self.tr("备份设置已保存。"))

    def backup(self) -> None:
        s, folder, keep = self.screen, self.target(), self.keep.value()

        def work(report):
            report(0, 0, self.tr("正在备份并检查……"))
            return backups.backup_now(s.db, s.actor, folder, keep)

        s.ops.read(work, widget=self.backup_button, bar=s.bar, progress=True, title=self.tr("备份"),
                   done=self._backed_up, failed=lambda e: self.last.setText(self.tr("上次备份失败：%1")
                                                                             .replace("%1", e.message(s.lang))))

    def _backed_up(self, result: backups.BackupResult) -> None:
        text = self.tr("%1 备份成功，校验通过，共 %2 笔：%3").replace("%1", datetime.now(LOCAL).strftime("%Y-%m-%d %H:%M")) \
            .replace("%2", str(result.transactions)).replace("%3", str(result.path))
        self.last.setText(text)
        self.screen.bar.done(text)
        self.reload_copies()
        self.screen.shell.refresh_station()

    def restore(self) -> None:
        rows = widgets.selected_rows(self.view)
        if len(rows) != 1:
            self.screen.bar.refuse(self.tr("请先在列表里选中一份备份。"))
            return
        path = rows[0].path
        asking.confirm(self.screen, self.tr("用这份备份替换现在的数据库？\n%1\n现在的数据库会先另存一份，可以再恢复回来。")
                       .replace("%1", path.name), lambda: self._restore(path, False), yes=self.tr("恢复"))

    def _restore(self, path: Path, older_confirmed: bool, approval=None) -> None:
        """A restore replaces the database: a supervisor approves it (asked when the service
        says so), and a copy older than the ledger is confirmed once more, keeping the approval."""
        s = self.screen
        quiet = asking.ApprovalBar(s.bar)

        def failed(error: ShopError) -> None:
            if isinstance(error, NeedsApproval) and approval is None:
                quiet.asking = True
                dialog = asking.ApprovalDialog(error.message(s.lang), s)
                s.approval_dialog = dialog
                dialog.approved.connect(lambda given: (dialog.accept(), self._restore(path, older_confirmed, given)))
                dialog.open()
            elif error.key == "restore_older":
                p = error.params
                asking.confirm(s, self.tr("这份备份止于第 %1 笔，现在的账本已到第 %2 笔：恢复会丢掉 %3 笔。\n确定要恢复吗？")
                               .replace("%1", str(p["backup_seq"])).replace("%2", str(p["current_seq"]))
                               .replace("%3", str(p["lost"])), lambda: self._restore(path, True, approval),
                               yes=self.tr("丢掉这些，恢复"))

        def work(report):
            report(0, 0, self.tr("正在检查并恢复……"))
            return backups.restore(s.db, s.actor, approval, path, accept_older=older_confirmed)

        s.ops.write(work, widget=self.restore_button, bar=quiet, progress=True, title=self.tr("恢复"),
                    failed=failed, done=self._restored,
                    areas={Area.LEDGER, Area.HOUSEHOLDS, Area.GOODS, Area.VILLAGE, Area.RULES, Area.USERS})

    def _restored(self, restored: backups.RestoreResult) -> None:
        self.screen.bar.done(self.tr("已恢复，账本完好，共 %1 笔。原来的数据库另存为 %2")
                             .replace("%1", str(restored.head_seq)).replace("%2", str(restored.safety_copy)))
        self.reload_copies()


RETRY_MS = 10 * 60 * 1000  # a failed automatic backup is tried again this often, until one is made


def start_automatic_backups(shell) -> None:
    """A backup on the first start of each day the app is used, and one when it closes.

    The daily one runs beside the work (the window never waits for it); the one on exit
    runs before the database is closed. A failure is logged, stays in the status bar
    (``shell.backup_trouble``) and is tried again every few minutes until a backup is made.
    """
    def where():
        settings = shell.settings
        folder = getattr(settings, "backup_dir", "")
        return (Path(folder) if folder else None), getattr(settings, "backup_keep", 30)

    def attempt() -> None:
        folder, keep = where()
        if not backups.due_today(folder):
            succeeded(None)
            return
        actor = shell.actor
        shell.ops.read(lambda: backups.backup_now(shell.db, actor, folder, keep), failed=failed,
                       done=succeeded, quiet=True)

    def failed(error: ShopError) -> None:
        log.warning("automatic backup failed: %s", error)
        text = QCoreApplication.translate("Shell", "自动备份失败：%1（稍后自动再试）")
        shell.backup_trouble = text.replace("%1", messages.in_window(error, shell.lang))
        shell.refresh_station()
        retry.start(RETRY_MS)

    def succeeded(_made) -> None:
        shell.backup_trouble = ""
        retry.stop()
        shell.refresh_station()

    retry = QTimer(shell)
    retry.setSingleShot(True)
    retry.timeout.connect(attempt)
    shell.backup_retry = retry
    attempt()

    if getattr(shell, "exit_backup", None) is None:
        shell.exit_backup = ExitBackup(shell, where)


class ExitBackup(QObject):
    """Makes the backup when the application quits; a child of the shell, so it goes with it."""

    def __init__(self, shell, where):
        super().__init__(shell)
        self.shell, self.where = shell, where
        self.app = QApplication.instance()
        self.app.aboutToQuit.connect(self.run)

    @Slot()
    def run(self) -> None:
        folder, keep = self.where()
        try:
            backups.backup_now(self.shell.db, self.shell.actor, folder, keep)
        except ShopError as error:
            log.warning("backup on exit failed: %s", error)

    def stop(self) -> None:
        self.app.aboutToQuit.disconnect(self.run)
