"""One village's month, opened from the grid or the month's figures: where it stands, its
figures as the county recomputed them, the audit flags its supervisor packaged, and what its
notice printed (the period it was posted, the phone for objections, the echo wall)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QTabWidget

from pos import messages
from pos.county import received, report
from ui.messagebar import MessageBar
from ui.models import Column, RowsModel
from ui.sizes import px
from ui.widgets import big, column, heading, table


class VillageMonthDialog(QDialog):
    def __init__(self, screen, line: report.VillageLine, month: str):
        super().__init__(screen)
        self.setObjectName("villageMonth")
        self.ops, self.line, self.month = screen.ops, line, month
        lang = self.ops.lang
        cell = line.status
        self.setWindowTitle(self.tr("%1 · %2").replace("%1", line.village).replace("%2", month))
        self.title = heading(self.tr("%1 %2：%3").replace("%1", line.village).replace("%2", month)
                             .replace("%3", messages.text(f"county_status_{cell.status}", lang)), self, 16)
        self.title.setObjectName("villageMonthTitle")
        facts = [self.tr("第 %1 号月结").replace("%1", str(cell.closure))] if cell.closure else []
        facts.append(self.tr("密钥指纹 %1").replace("%1", line.fingerprint or "-"))
        self.facts = big(QLabel("　".join(facts), self), 1.1)
        self.facts.setWordWrap(True)
        self.bar = MessageBar(self)
        self.figures = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "项目"), lambda r: r[0]),
            Column(QT_TRANSLATE_NOOP("RowsModel", "本村"), lambda r: r[1], right=True),
        ], report.total_rows(line.figures, lang) if line.figures else [], parent=self)
        self.figures_view = table(self.figures, self, stretch=0, points=12)
        self.figures_view.setObjectName("villageFigures")
        self.flags = QListWidget(self)
        self.flags.setObjectName("villageFlags")
        self.flags.setWordWrap(True)
        self.flags.setAlternatingRowColors(True)
        self.flags.setSpacing(2)
        big(self.flags, 1.1)
        self.notice = QListWidget(self)
        self.notice.setObjectName("villageNotice")
        self.notice.setWordWrap(True)
        big(self.notice, 1.1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.figures_view, self.tr("本月数字"))
        self.tabs.addTab(self.flags, self.tr("审计提示"))
        self.tabs.addTab(self.notice, self.tr("公示"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        column(self.title, self.facts, self.bar, (self.tabs, 1), buttons, parent=self)
        self.resize(px(820), px(700))
        if line.figures is None:
            self.bar.info(self.tr("县级还没有这个月核验入库的数据，没有数字可看。"))
        self.ops.read(lambda: received.village_month(screen.db, screen.actor, line.village_id, month),
                      bar=self.bar, done=self.loaded, newest=self)

    def loaded(self, found: received.VillageMonth) -> None:
        self.flags.clear()
        for flag in found.flags:
            who = self.tr("第 %1 户：").replace("%1", str(flag.household)) if flag.household else ""
            state = self.tr("（已复核）") if flag.reviewed else self.tr("（未复核）")
            self.flags.addItem(f"{who}{flag.message}{state}")
        if not found.flags:
            self.flags.addItem(self.tr("本月没有审计提示。"))
        self.tabs.setTabText(1, self.tr("审计提示（%1）").replace("%1", str(len(found.flags))))
        self.notice.clear()
        notice = found.notice
        if notice is None:
            self.notice.addItem(self.tr("县级没有这个月的公示记录。"))
            return
        self.notice.addItem(self.tr("公示期：%1").replace("%1", str(notice.get("notice_period") or "-")))
        self.notice.addItem(self.tr("异议电话：%1").replace("%1", notice.get("objection_phone") or self.tr("（公示上没有填写）")))
        if notice.get("masked"):
            self.notice.addItem(self.tr("公示上户主姓名已部分隐去"))
        if not notice.get("echo"):
            self.notice.addItem(self.tr("心愿回音：本月没有"))
        for echo in notice.get("echo", []):
            self.notice.addItem(self.tr("心愿回音：%1 %2 → %3").replace("%1", str(echo.get("date", "")))
                                .replace("%2", str(echo.get("wish", ""))).replace("%3", str(echo.get("answer", ""))))
