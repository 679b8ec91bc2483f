"""Settings (设置): the village, point rules, users, the receipt printer, backups, and this PC
(language, idle lock, scanner timing), one tab each.

The village's settings live in the database and belong to every counter; the printer,
backups folder, language, idle lock and scanner belong to this PC (``pos.station.settings``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTabWidget

from pos.vocabulary import Area, Role
from ui import widgets
from ui.settings.backups import BackupTab
from ui.settings.computer import ComputerTab
from ui.settings.printer import PrinterTab
from ui.settings.rules import RulesTab
from ui.settings.users import UsersTab
from ui.settings.village import VillageTab
from ui.shell import Entry, Screen, register


class SettingsScreen(Screen):
    def __init__(self, shell):
        super().__init__(shell)
        self.tabs = QTabWidget(self)
        self.village = VillageTab(self)
        self.rules = RulesTab(self)
        self.users = UsersTab(self)
        self.printer = PrinterTab(self)
        self.backup = BackupTab(self)
        self.computer = ComputerTab(self)
        for tab, name in ((self.village, self.tr("本村")), (self.rules, self.tr("积分细则")),
                          (self.users, self.tr("用户")), (self.printer, self.tr("打印机")),
                          (self.backup, self.tr("备份与恢复")), (self.computer, self.tr("本机"))):
            self.tabs.addTab(tab, name.replace("&", "&&"))  # "Backup & restore": "&" shown, not a mnemonic
        widgets.column(widgets.title(self.tr("设置"), self), (self.tabs, 1), self.bar, parent=self)
        for tab in (self.village, self.rules, self.users, self.printer, self.backup, self.computer):
            tab.reload()

    def on_changed(self, areas: frozenset[Area]) -> None:
        if Area.VILLAGE in areas:
            self.village.reload()
        if Area.RULES in areas:
            self.rules.reload()
        if Area.USERS in areas:
            self.users.reload()
        if Area.RECEIPTS in areas:  # a sale's receipt, a reprint, a retry
            self.printer.reload_jobs()


register(Entry("settings", QT_TRANSLATE_NOOP("Areas", "设置"), "F11", SettingsScreen, order=90, roles=(Role.ADMIN,)))
