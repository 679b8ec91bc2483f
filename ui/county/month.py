"""The month's figures: the county's totals, each village's, and the comparisons per household.

Tabs: 全县合计 (households, points issued, awarded by category, deducted, redeemed by zone,
outstanding points and their yuan, donations, purchases, stock-count differences and
write-offs), 各村 (the same a village), 户均比较 (each village's figure per household
against the county's median and spread; an outlier in red with the words 偏高，需核实, and
the villages nearest the median to compare it with) and 需要关注 (late, refused and held
months, keys to check, spot checks that differed, outliers). 生成月报 writes the month's
workbook and one-page PDF into the data folder's 县级月报 and opens the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QListWidget, QTabWidget, QWidget

from pos.county import report
from ui import documents
from ui.county.grid import COLOURS, ReportScreen, status_words
from ui.county.village import VillageMonthDialog
from ui.county.window import CountyEntry, register
from ui.models import Column, RowsModel, yuan
from ui.widgets import STRETCH, big, big_button, column, heading, row, table

OUTLIER = "#f4b4ae"


def _figure(v, name: str) -> str:
    return str(getattr(v.figures, name)) if v.figures is not None else ""


def _money(v, name: str) -> str:
    return yuan(getattr(v.figures, name)) if v.figures is not None else ""


class MonthScreen(ReportScreen):
    def __init__(self, window):
        super().__init__(window)
        self.title = heading("", self)
        self.papers_button = big_button(self.tr("生成月报（Excel 工作簿和一页 PDF）"), self, "writePapers", main=True)
        self.papers_button.clicked.connect(self.write_papers)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("monthTabs")
        lang = self.lang

        self.totals = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "项目"), lambda r: r[0]),
            Column(QT_TRANSLATE_NOOP("RowsModel", "全县"), lambda r: r[1], right=True),
        ], parent=self)
        self.totals_view = table(self.totals, self, stretch=0)
        self.totals_view.setObjectName("countyTotals")

        self.villages = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "村"), lambda v: v.village),
            Column(QT_TRANSLATE_NOOP("RowsModel", "本月"), lambda v: status_words(v.status.status, lang),
                   background=lambda v: COLOURS.get(v.status.status)),
            Column(QT_TRANSLATE_NOOP("RowsModel", "户数"), lambda v: _figure(v, "households"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "发放积分"),
                   lambda v: str(v.figures.issued) if v.figures else "", right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "奖励"), lambda v: _figure(v, "awarded"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "扣分"), lambda v: _figure(v, "deducted"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "兑换"), lambda v: _figure(v, "redeemed"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "积分余额"), lambda v: _figure(v, "outstanding"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "折合（元）"), lambda v: _money(v, "outstanding_fen"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "捐赠（笔）"), lambda v: _figure(v, "donations"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "捐赠（元）"), lambda v: _money(v, "donations_fen"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "盘点差异（元）"), lambda v: _money(v, "count_fen"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "报损（元）"), lambda v: _money(v, "writeoff_fen"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "冲正"), lambda v: _figure(v, "reversals"), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "营业时间外兑换"), lambda v: _figure(v, "after_hours"),
                   right=True),
        ], parent=self)
        self.villages_view = table(self.villages, self, stretch=0)
        self.villages_view.setObjectName("villageFigures")
        self.villages_view.doubleClicked.connect(self._open_village)

        self.compare = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "指标（户均）"), self._figure_title),
            Column(QT_TRANSLATE_NOOP("RowsModel", "村"), lambda c: c.village),
            Column(QT_TRANSLATE_NOOP("RowsModel", "户均"), lambda c: f"{c.value:g}", right=True,
                   background=lambda c: OUTLIER if c.flagged else None),
            Column(QT_TRANSLATE_NOOP("RowsModel", "全县中位数"), lambda c: f"{c.median:g}", right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "离散度"), lambda c: f"{c.spread:g}", right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "判断"),
                   lambda c: self.tr("偏高，需核实") if c.flagged else self.tr("正常"),
                   background=lambda c: OUTLIER if c.flagged else None),
            Column(QT_TRANSLATE_NOOP("RowsModel", "与中位数相近的村"),
                   lambda c: "、".join(f"{name} {value:g}" for name, value in c.near)),
        ], parent=self)
        self.compare_view = table(self.compare, self, stretch=6)
        self.compare_view.setObjectName("comparisons")
        self.only_outliers = QCheckBox(self.tr("只看偏高的村"), self)
        self.only_outliers.setObjectName("onlyOutliers")
        self.only_outliers.setChecked(True)
        self.only_outliers.toggled.connect(lambda _on: self._show_comparisons())
        self.compare_note = heading("", self, 11)
        compare_page = QWidget(self)
        column(row(self.only_outliers, STRETCH), self.compare_note, (self.compare_view, 1), parent=compare_page)

        self.attention = QListWidget(self)
        self.attention.setObjectName("attention")
        self.attention.setWordWrap(True)
        self.attention.setSpacing(4)
        big(self.attention, 1.2)

        self.tabs.addTab(self.totals_view, self.tr("全县合计"))
        self.tabs.addTab(self.villages_view, self.tr("各村"))
        self.tabs.addTab(compare_page, self.tr("户均比较"))
        self.tabs.addTab(self.attention, self.tr("需要关注"))
        column(row((self.title, 1), self.papers_button), self.bar, (self.tabs, 1), parent=self)

    def _open_village(self, index) -> None:
        if index.isValid() and self.report is not None:
            self.village_dialog = VillageMonthDialog(self, self.villages.row(index.row()), self.report.month)
            self.village_dialog.open()

    def _figure_title(self, c) -> str:
        zh, en, _floor = report.COMPARED[c.figure]
        return en if self.lang == "en" else zh

    def shown(self) -> None:
        if self.report is None or self.report.month != self.month:
            self.reload()

    def show_report(self, found: report.CountyReport) -> None:
        reported = sum(1 for v in found.villages if v.figures is not None)
        self.title.setText(self.tr("%1 月度汇总：%2 个村中 %3 个村本月已核验入库").replace("%1", found.month)
                           .replace("%2", str(len(found.villages))).replace("%3", str(reported)))
        self.totals.set_rows(report.total_rows(found.totals, self.lang))
        self.villages.set_rows(found.villages)
        self._show_comparisons()
        self.attention.clear()
        lines = report.attention(found, self.lang)
        self.attention.addItems(lines or [self.tr("本月没有需要关注的事项。")])
        self.tabs.setTabText(3, self.tr("需要关注（%1）").replace("%1", str(len(lines))))

    def _show_comparisons(self) -> None:
        found = self.report
        if found is None:
            return
        rows = sorted(found.comparisons, key=lambda c: (not c.flagged, c.figure, -c.value))
        if self.only_outliers.isChecked():
            rows = [c for c in rows if c.flagged]
        self.compare.set_rows(rows)
        if not found.comparisons:
            note = self.tr("本月核验入库的村不足 %1 个，不作比较。").replace("%1", str(report.MIN_VILLAGES))
        elif not found.outliers:
            note = self.tr("没有村明显偏高。")
        else:
            note = self.tr("%1 项偏高：户均超过全县中位数 %2 个离散度以上，且至少是中位数的 1.5 倍。") \
                .replace("%1", str(len(found.outliers))).replace("%2", str(report.OUTLIER_SPREADS))
        self.compare_note.setText(note)

    def write_papers(self) -> None:
        found = self.report
        if found is None:
            return
        folder = documents.folder(documents.COUNTY_REPORT)
        self.ops.read(lambda: report.write_files(found, folder, self.lang), widget=self.papers_button,
                      bar=self.bar, done=self._written)

    def _written(self, written) -> None:
        book, pdf, _pages = written
        documents.show(self.bar, pdf, self.tr("已生成：%1 和 %2").replace("%1", book.name).replace("%2", pdf.name))


register(CountyEntry("month", QT_TRANSLATE_NOOP("CountyAreas", "月度汇总"), "F2", MonthScreen, order=20,
                     shows_month=True))
