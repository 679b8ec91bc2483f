"""Spot checks (走访核实, 现场抽查盘点): draw a visit list for a village, print it, and type in
what the official found.

Pick a village and 抽取: households drawn at random (weighted toward flagged ones) and goods
to count, from the county's copy of the village's newest month; the list's PDF and the
findings sheet (CSV) go to the data folder's 走访核实 and the PDF opens. Pick a draw below to
see its lines; type what the villager's slip or the shelf showed into 实际 and 保存: each
figure is compared with what the draw printed, and a difference shows in red.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QAbstractItemView, QLabel

from pos.county import report, spotcheck
from pos.vocabulary import Area
from ui import documents
from ui.county.window import CountyEntry, CountyScreen, register
from ui.models import Column, RowsModel
from ui.widgets import STRETCH, big, big_button, choices, column, heading, row, selected_rows, table

DIFFERS = "#f4b4ae"
AGREES = "#c9ebcc"


def _found(line, text: str):
    text = text.strip()
    if not text:
        return replace(line, found=None, differs=False)
    try:
        value = int(text)
    except ValueError:
        return None
    return replace(line, found=value, differs=value != line.expected)


def _mark(line) -> str | None:
    if line.found is None:
        return None
    return DIFFERS if line.differs else AGREES


class SpotcheckScreen(CountyScreen):
    def __init__(self, window):
        super().__init__(window)
        self.village = choices(self, [], name="spotVillage")
        big(self.village, 1.15)
        self.draw_button = big_button(self.tr("抽取走访清单并打印"), self, "drawSpotcheck", main=True)
        self.draw_button.clicked.connect(self.draw)
        self.checks = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "编号"), lambda c: str(c.id), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "村"), lambda c: c.village),
            Column(QT_TRANSLATE_NOOP("RowsModel", "月份"), lambda c: c.month),
            Column(QT_TRANSLATE_NOOP("RowsModel", "抽取时间"),
                   lambda c: c.drawn_at.astimezone().strftime("%Y-%m-%d %H:%M")),
            Column(QT_TRANSLATE_NOOP("RowsModel", "抽取人"), lambda c: c.drawn_by),
            Column(QT_TRANSLATE_NOOP("RowsModel", "已填结果"), lambda c: f"{c.entered} / {c.lines}", right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "不符"), lambda c: str(c.differ), right=True,
                   background=lambda c: DIFFERS if c.differ else None),
        ], parent=self)
        self.checks_view = table(self.checks, self, stretch=1, single=True, points=12)
        self.checks_view.setObjectName("spotchecks")
        self.checks_view.selectionModel().currentRowChanged.connect(lambda _now, _was: self.open_check())
        self.lines = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "类别"),
                   lambda x: self.tr("农户") if x.kind == "household" else self.tr("商品")),
            Column(QT_TRANSLATE_NOOP("RowsModel", "编号"), lambda x: x.ref),
            Column(QT_TRANSLATE_NOOP("RowsModel", "户主 / 商品"), lambda x: x.name),
            Column(QT_TRANSLATE_NOOP("RowsModel", "县级数据（积分余额 / 库存）"), lambda x: str(x.expected),
                   right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "实际（双击填写）"),
                   lambda x: "" if x.found is None else str(x.found), right=True, edit=_found, background=_mark),
            Column(QT_TRANSLATE_NOOP("RowsModel", "核对"), self._verdict, background=_mark),
        ], parent=self)
        self.lines_view = table(self.lines, self, stretch=2, points=12)
        self.lines_view.setObjectName("drawnLines")
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.lines_title = heading(self.tr("选中上面的一次抽查，填写实际看到的数字"), self, 13)
        self.save_button = big_button(self.tr("保存抽查结果"), self, "saveFindings", main=True)
        self.save_button.clicked.connect(self.save)
        self.check_id: int | None = None
        column(row(big(QLabel(self.tr("村："), self), 1.15), self.village, self.draw_button, STRETCH),
               self.bar, heading(self.tr("抽查记录（最新的在前）"), self, 13), (self.checks_view, 2),
               row(self.lines_title, STRETCH, self.save_button), (self.lines_view, 3), parent=self)

    def _verdict(self, line) -> str:
        if line.found is None:
            return self.tr("未填")
        if not line.differs:
            return self.tr("相符")
        return self.tr("不符：差 %1").replace("%1", f"{line.found - line.expected:+d}")

    def shown(self) -> None:
        self.reload()

    def on_changed(self, areas) -> None:
        if areas & {Area.COUNTY_PACKAGES, Area.COUNTY_SPOTCHECKS} and self.isVisible():
            self.reload()

    def reload(self) -> None:
        self.ops.read(lambda: report.villages(self.db, self.actor), bar=self.bar, done=self._villages,
                      newest=(self, "villages"))
        self.ops.read(lambda: spotcheck.checks(self.db, self.actor), bar=self.bar, done=self._checks,
                      newest=(self, "checks"))

    def _villages(self, found) -> None:
        chosen = self.village.currentData()
        self.village.clear()
        for v in found:
            self.village.addItem(v.village, v.village_id)
        if chosen is not None and self.village.findData(chosen) >= 0:
            self.village.setCurrentIndex(self.village.findData(chosen))
        self.draw_button.setEnabled(bool(found))
        if not found:
            self.bar.info(self.tr("县级还没有任何村的数据：先导入数据包。"))

    def _checks(self, found) -> None:
        self.checks.set_rows(found)
        if self.check_id is not None:
            for n, check in enumerate(found):
                if check.id == self.check_id:
                    self.checks_view.selectRow(n)

    def draw(self) -> None:
        village_id = self.village.currentData()
        if not village_id:
            self.bar.refuse(self.tr("请先选一个村。"))
            return

        def work():
            check = spotcheck.draw(self.db, self.actor, village_id)
            return check, spotcheck.write(check, documents.path(documents.VISIT_LIST, check.village, check.month),
                                          self.lang)

        self.ops.write(work, widget=self.draw_button, bar=self.bar, done=self._drawn,
                       areas={Area.COUNTY_SPOTCHECKS})

    def _drawn(self, done) -> None:
        check, (pdf, sheet, _pages) = done
        self.check_id = check.id
        self.open_lines(check.id)
        documents.show(self.bar, pdf, self.tr("第 %1 号抽查：%2 户、%3 种商品，已生成 %4 和结果表 %5")
                       .replace("%1", str(check.id)).replace("%2", str(len(check.households)))
                       .replace("%3", str(len(check.goods))).replace("%4", pdf.name).replace("%5", sheet.name))

    def open_check(self) -> None:
        chosen = selected_rows(self.checks_view)
        if chosen:
            self.open_lines(chosen[0].id)

    def open_lines(self, check_id: int) -> None:
        self.check_id = check_id
        self.lines_title.setText(self.tr("第 %1 号抽查：双击“实际”填写看到的数字").replace("%1", str(check_id)))
        self.ops.read(lambda: spotcheck.drawn_lines(self.db, self.actor, check_id), bar=self.bar,
                      done=self.lines.set_rows, newest=self.lines)

    def save(self) -> None:
        entered = [(x.kind, x.ref, x.found, "") for x in self.lines.rows if x.found is not None]
        if self.check_id is None or not entered:
            self.bar.refuse(self.tr("还没有填写任何实际数字。"))
            return
        check_id = self.check_id
        self.ops.write(lambda: spotcheck.enter(self.db, self.actor, check_id, entered), widget=self.save_button,
                       bar=self.bar, done=self._saved, areas={Area.COUNTY_SPOTCHECKS})

    def _saved(self, found) -> None:
        differ = sum(1 for f in found if f.differs)
        text = self.tr("已保存 %1 项结果，其中 %2 项与县级数据不符。").replace("%1", str(len(found))) \
            .replace("%2", str(differ))
        (self.bar.refuse if differ else self.bar.done)(text)
        self.open_lines(self.check_id)


register(CountyEntry("spotchecks", QT_TRANSLATE_NOOP("CountyAreas", "走访抽查"), "F5", SpotcheckScreen,
                     order=50))
