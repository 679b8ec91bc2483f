"""Importing the villages' packages from a USB stick, and what the county received so far.

Choose package files, or a whole folder (the stick): every ``*.aixin-county`` in it is
checked and imported, a village's packages in order. Each result is said in plain words:
imported (with its receipt written back beside the package, for the village), unchanged
(the county held it already), held for a new key (accepted on the 密钥 screen after
comparing fingerprints), or refused and kept as evidence, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QFileDialog

from pos import messages
from pos.cli.common import file_error
from pos.county import intake, received
from pos.county.package import SUFFIX
from pos.county.vocabulary import PackageStatus
from pos.errors import ShopError
from pos.vocabulary import Area
from ui.county.window import CountyEntry, CountyScreen, register
from ui.models import Column, RowsModel
from ui.widgets import STRETCH, big_button, column, heading, row, table

COLOURS = {PackageStatus.IMPORTED: "#c9ebcc", PackageStatus.UNCHANGED: "#e2e7ef",
           PackageStatus.HELD: "#ffe49e", PackageStatus.REFUSED: "#f4b4ae", None: "#f8c488"}


@dataclass(frozen=True)
class NotRead:
    """A file the import could not take at all (gone from the stick, unreadable): nothing kept."""

    file: str
    message: str
    village: str = ""
    status: None = None


def result_words(status: PackageStatus | None, widget) -> str:
    return {PackageStatus.IMPORTED: widget.tr("已导入"), PackageStatus.UNCHANGED: widget.tr("已有，未改动"),
            PackageStatus.HELD: widget.tr("暂存，待接受新密钥"),
            PackageStatus.REFUSED: widget.tr("拒收，留存为证据"), None: widget.tr("未能读取")}[status]


class PackagesScreen(CountyScreen):
    def __init__(self, window):
        super().__init__(window)
        self.results: list = []
        self.files_button = big_button(self.tr("选择数据包文件…"), self, "chooseFiles", main=True)
        self.folder_button = big_button(self.tr("导入整个文件夹（U 盘）…"), self, "chooseFolder")
        self.receipts_back = QCheckBox(self.tr("回执写回数据包所在的文件夹（交回各村）"), self)
        self.receipts_back.setObjectName("receiptsBack")
        self.receipts_back.setChecked(True)
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)

        self.outcome = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "文件"), lambda r: r.file),
            Column(QT_TRANSLATE_NOOP("RowsModel", "村"), lambda r: r.village or "-"),
            Column(QT_TRANSLATE_NOOP("RowsModel", "结果"), lambda r: result_words(r.status, self),
                   background=lambda r: COLOURS[r.status]),
            Column(QT_TRANSLATE_NOOP("RowsModel", "说明"), self.explain, tooltip=self.explain_whole),
        ], parent=self)
        self.outcome_view = table(self.outcome, self, stretch=3)
        self.outcome_view.setObjectName("importResults")

        self.history = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "收到时间"),
                   lambda p: p.received_at.astimezone().strftime("%Y-%m-%d %H:%M")),
            Column(QT_TRANSLATE_NOOP("RowsModel", "村"), lambda p: p.village or "-"),
            Column(QT_TRANSLATE_NOOP("RowsModel", "月份"), lambda p: self._months(p.months)),
            Column(QT_TRANSLATE_NOOP("RowsModel", "结果"), lambda p: result_words(p.status, self),
                   background=lambda p: COLOURS[p.status]),
            Column(QT_TRANSLATE_NOOP("RowsModel", "原因"), self.reason_of, tooltip=self.reason_of),
            Column(QT_TRANSLATE_NOOP("RowsModel", "经办"), lambda p: p.received_by),
            Column(QT_TRANSLATE_NOOP("RowsModel", "文件"), lambda p: p.file_name),
        ], parent=self)
        self.history_view = table(self.history, self, stretch=4)
        self.history_view.setObjectName("receivedPackages")
        column(row(self.files_button, self.folder_button, self.receipts_back, STRETCH), self.bar,
               heading(self.tr("这次导入的结果"), self), (self.outcome_view, 2),
               heading(self.tr("县级收到过的数据包（最新的在前）"), self), (self.history_view, 3), parent=self)

    @staticmethod
    def _months(months) -> str:
        if not months:
            return "-"
        return months[0] if len(months) == 1 else f"{months[0]} – {months[-1]}"

    def reason_of(self, p) -> str:
        if not p.reason or p.status in (PackageStatus.IMPORTED, PackageStatus.UNCHANGED):
            return ""
        return messages.in_window_text(p.reason, self.lang, **p.params)

    def explain_whole(self, r) -> str:
        """The cell's words, and where the receipt went (too long for the cell)."""
        text = self.explain(r)
        receipt = getattr(r, "receipt", None)
        return text + "\n" + self.tr("回执：%1").replace("%1", str(receipt)) if receipt else text

    def explain(self, r) -> str:
        if r.status == PackageStatus.IMPORTED:
            numbers = r.closures
            closures = f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 and list(numbers) == list(
                range(numbers[0], numbers[-1] + 1)) else "、".join(map(str, numbers))
            text = self.tr("月结 %1（%2）：新增交易 %3 笔，每笔重算核对无误。").replace(
                "%1", closures).replace("%2", self._months(r.months)).replace("%3", str(r.transactions))
            if r.receipt:
                text += self.tr("回执已写好。")
            if r.notes:
                text += self.tr("（有 %1 条注：名称、分区或分类与月结不同）").replace("%1", str(len(r.notes)))
            return text
        if r.status == PackageStatus.UNCHANGED:
            text = self.tr("县级已有这些月结，未作改动。")
            if r.receipt:
                text += self.tr("回执已再次写好。")
            return text
        if r.status is None:
            return r.message
        if r.status == PackageStatus.HELD:
            return self.tr("%1 换了签名密钥（%2）：请到“村级密钥”（F4），与该村公示上印的指纹核对后接受。").replace(
                "%1", r.village).replace("%2", r.fingerprint)
        return messages.in_window_text(r.reason, self.lang, **r.params) if r.reason else ""

    def shown(self) -> None:
        self.reload()

    def on_changed(self, areas) -> None:
        if Area.COUNTY_PACKAGES in areas and self.isVisible():
            self.reload()

    def reload(self) -> None:
        self.ops.read(lambda: received.packages(self.db, self.actor), bar=self.bar, done=self.history.set_rows,
                      newest=self.history)

    # --- importing
    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("选择数据包"), "", self.tr("上报数据包 (*%1)").replace("%1", SUFFIX))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择 U 盘或文件夹"))
        if folder:
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path) -> None:
        found = sorted(p for p in folder.glob(f"*{SUFFIX}") if p.is_file())
        if not found:
            self.bar.refuse(self.tr("%1 里没有上报数据包（*%2）。").replace("%1", str(folder)).replace("%2", SUFFIX))
            return
        self.import_paths(found)

    def import_paths(self, paths: list[Path]) -> None:
        receipts_dir = None
        if self.receipts_back.isChecked():
            folders = {p.parent for p in paths}
            receipts_dir = next(iter(folders)) if len(folders) == 1 else None
        self.bar.info(self.tr("正在核验 %1 个数据包：签名、每一笔交易的哈希、每个月结的重算……")
                      .replace("%1", str(len(paths))))

        def work(report):
            done = []
            for path in paths:  # one at a time, so that one file's fault names that file
                try:
                    done += intake.import_files(self.db, self.actor, [path], receipts_dir=receipts_dir,
                                                progress=report)
                except ShopError as error:
                    if error.key == "county_key_missing":  # this PC cannot import at all
                        raise
                    done.append(NotRead(path.name, error.message(self.lang)))
                except OSError as error:  # the stick pulled out, a file unreadable: said, not a fault
                    done.append(NotRead(path.name, file_error(error, path).message(self.lang)))
            return done

        self.ops.write(work, widget=self.files_button, bar=self.bar, done=self.imported, progress=True,
                       title=self.tr("正在核验并导入数据包"),
                       areas={Area.COUNTY_PACKAGES, Area.COUNTY_KEYS})

    def imported(self, results) -> None:
        self.results = results + self.results
        self.outcome.set_rows(self.results)
        counts = {status: sum(1 for r in results if r.status == status) for status in (*PackageStatus, None)}
        text = self.tr("%1 个数据包：已导入 %2，已有 %3，暂存 %4，拒收 %5。").replace("%1", str(len(results))) \
            .replace("%2", str(counts[PackageStatus.IMPORTED])).replace("%3", str(counts[PackageStatus.UNCHANGED])) \
            .replace("%4", str(counts[PackageStatus.HELD])).replace("%5", str(counts[PackageStatus.REFUSED]))
        if counts[None]:
            text += self.tr("%1 个文件未能读取。").replace("%1", str(counts[None]))
        if counts[PackageStatus.REFUSED] or counts[PackageStatus.HELD] or counts[None]:
            self.bar.refuse(text)
        else:
            self.bar.done(text)


register(CountyEntry("packages", QT_TRANSLATE_NOOP("CountyAreas", "导入数据包"), "F3", PackagesScreen,
                     order=30))
