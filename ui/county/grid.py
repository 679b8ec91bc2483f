"""Villages × months: what came in from each village, month by month, in colour and in words.

A row a village, a column for each of the twelve months up to the month looked at: 已核验
(imported, and the recomputation found nothing to note), 已入库（有注）, 待接受密钥, 拒收,
逾期未报, 待报, 未结束, or — before the village's first month at the county. Each cell's
tooltip says whether the month was closed, packaged, imported and verified. Beside the
months: keys changed, keys waiting, packages refused, spot-check findings that differed.
Double-click a cell to open that village's month: its figures, flags and notice.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFrame, QLabel

from pos import messages
from pos.county import report
from pos.vocabulary import Area
from ui.county.village import VillageMonthDialog
from ui.county.window import CountyEntry, CountyScreen, register
from ui.models import Column, RowsModel
from ui.widgets import STRETCH, big, column, heading, row, table

# A colour for each status, always beside its words.
COLOURS = {
    "verified": "#c9ebcc", "imported": "#e6f2c2", "held": "#ffe49e", "refused": "#f4b4ae",
    "late": "#f8c488", "due": "#e2e7ef", "open": None, "before": "#f1f1f1",
}
LEGEND = ("verified", "imported", "held", "refused", "late", "due", "open")


def status_words(status: str, lang: str) -> str:
    return messages.text(f"county_status_{status}", lang)


class ReportScreen(CountyScreen):
    """A screen showing the county's report of the chosen month: read again when the month
    moves or a package, key or spot check changes it; an answer for a month left behind is
    dropped. ``show_report(found)`` puts it on the screen."""

    def __init__(self, window):
        super().__init__(window)
        self.report = None

    def month_changed(self, month: str) -> None:
        self.report = None
        if self.isVisible():
            self.reload()

    def on_changed(self, areas) -> None:
        if areas & {Area.COUNTY_PACKAGES, Area.COUNTY_KEYS, Area.COUNTY_SPOTCHECKS}:
            self.report = None
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        month = self.month
        self.ops.read(lambda: report.report(self.db, self.actor, month), bar=self.bar, done=self.loaded, newest=self)

    def loaded(self, found: report.CountyReport) -> None:
        if found.month != self.month:  # an earlier month's answer, come after the month moved on
            return
        self.report = found
        self.show_report(found)

    def show_report(self, found: report.CountyReport) -> None:
        raise NotImplementedError


class GridScreen(ReportScreen):
    def __init__(self, window):
        super().__init__(window)
        self.title = heading("", self)
        self.counts = big(QLabel(self), 1.15, True)
        self.counts.setObjectName("gridCounts")
        self.model = RowsModel([], parent=self)
        self.view = table(self.model, self, wrap=False, points=13)
        self.view.setObjectName("villageGrid")
        self.view.doubleClicked.connect(self._open_month)
        legend = QFrame(self)
        row(*(self._swatch(status) for status in LEGEND), STRETCH, parent=legend)
        column(self.title, self.counts, self.bar, (self.view, 1), legend, parent=self)

    def _swatch(self, status: str) -> QLabel:
        label = QLabel(status_words(status, self.lang), self)
        colour = COLOURS[status] or "#ffffff"
        label.setStyleSheet(f"background:{colour}; border:1px solid #b8c0cc; padding:3px 10px;")
        return label

    def shown(self) -> None:
        self.reload()

    def show_report(self, found: report.CountyReport) -> None:
        lang = self.lang
        self.title.setText(self.tr("各村上报情况：%1 至 %2（截至 %3）").replace("%1", found.grid[0])
                           .replace("%2", found.grid[-1]).replace("%3", found.as_of.isoformat()))
        self.counts.setText("　".join(f"{status_words(s, lang)} {found.count(s)}"
                                     for s in report.STATUS_ORDER if s != "before" and found.count(s))
                            + "　" + self.tr("（本月，共 %1 个村）").replace("%1", str(len(found.villages))))
        columns = [Column(QT_TRANSLATE_NOOP("RowsModel", "村"), lambda v: v.village,
                          tooltip=lambda v: self.tr("村编号 %1\n密钥指纹 %2").replace("%1", v.village_id[:16])
                          .replace("%2", v.fingerprint or "-"))]
        for n, month in enumerate(found.grid):
            columns.append(Column(month, lambda v, n=n: status_words(v.months[n].status, lang),
                                  tooltip=lambda v, n=n: self._cell_tip(v, n),
                                  background=lambda v, n=n: COLOURS.get(v.months[n].status)))
        columns += [
            Column(QT_TRANSLATE_NOOP("RowsModel", "换过密钥"), lambda v: str(v.key_changes), right=True,
                   background=lambda v: COLOURS["held"] if v.key_changes else None),
            Column(QT_TRANSLATE_NOOP("RowsModel", "待接受密钥"), lambda v: str(v.keys_held), right=True,
                   background=lambda v: COLOURS["held"] if v.keys_held else None),
            Column(QT_TRANSLATE_NOOP("RowsModel", "拒收数据包"), lambda v: str(v.refused), right=True,
                   background=lambda v: COLOURS["refused"] if v.refused else None),
            Column(QT_TRANSLATE_NOOP("RowsModel", "抽查不符"), lambda v: str(v.findings_differ), right=True,
                   background=lambda v: COLOURS["refused"] if v.findings_differ else None),
        ]
        model = RowsModel(columns, found.villages, parent=self)
        self.view.setModel(model)
        self.model.deleteLater()
        self.model = model

    def _cell_tip(self, line, n: int) -> str:
        cell = line.months[n]
        parts = [f"{line.village} {cell.month}: {status_words(cell.status, self.lang)}"]
        if cell.closure:
            parts.append(self.tr("第 %1 号月结").replace("%1", str(cell.closure)))
        for flag, text in ((cell.closed, self.tr("已月结")), (cell.packaged, self.tr("已收到数据包")),
                           (cell.imported, self.tr("已导入")),
                           (cell.verified, self.tr("已核验：重算与月结完全一致")),
                           (cell.late, self.tr("逾期：月末后 %1 天仍未收到").replace(
                               "%1", str(self.report.late_days) if self.report else "15"))):
            if flag:
                parts.append(text)
        if cell.imported and not cell.verified:
            parts.append(self.tr("已入库，重算时有名称、分区或分类与月结不同，见月结的注"))
        return "\n".join(parts)

    def _open_month(self, index) -> None:
        if not index.isValid() or self.report is None:
            return
        line = self.model.row(index.row())
        column = index.column() - 1
        month = self.report.grid[column] if 0 <= column < len(self.report.grid) else self.report.month
        self.open_village(line, month)

    def open_village(self, line, month: str) -> None:
        """The village's month in a dialog of its own (kept as ``self.village_dialog``)."""
        if month != self.report.month:  # another month's cell: its figures are that month's report's
            self.ops.read(lambda: report.report(self.db, self.actor, month), bar=self.bar,
                          done=lambda found: self._open_in(found, line.village_id, month))
            return
        self.village_dialog = VillageMonthDialog(self, line, month)
        self.village_dialog.open()

    def _open_in(self, found, village_id: str, month: str) -> None:
        line = next(v for v in found.villages if v.village_id == village_id)
        self.village_dialog = VillageMonthDialog(self, line, month)
        self.village_dialog.open()


register(CountyEntry("grid", QT_TRANSLATE_NOOP("CountyAreas", "上报总览"), "F1", GridScreen, order=10,
                     shows_month=True))
