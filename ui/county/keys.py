"""The villages' signing keys: the one in use for each village, and new ones waiting.

A new key (a new PC after a disk died) holds that village's packages until a county user
compares its fingerprint with the one printed on the village's notice and accepts it here;
the held packages are then imported, and their receipts written to the data folder's 县级回执.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from pos import messages
from pos.county import intake, keys
from pos.county.vocabulary import KeyStatus
from pos.vocabulary import Area
from ui import documents
from ui.county.window import CountyEntry, CountyScreen, register
from ui.models import Column, RowsModel
from ui.asking import confirm
from ui.widgets import STRETCH, big_button, column, heading, row, selected_rows, table

HELD_COLOUR = "#ffe49e"


class KeysScreen(CountyScreen):
    def __init__(self, window):
        super().__init__(window)
        lang = self.lang
        self.model = RowsModel([
            Column(QT_TRANSLATE_NOOP("RowsModel", "村"), lambda k: k.village),
            Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda k: messages.text(f"county_keystatus_{k.status}", lang),
                   background=lambda k: HELD_COLOUR if k.status == KeyStatus.HELD else None),
            Column(QT_TRANSLATE_NOOP("RowsModel", "密钥指纹（与村里公示上印的核对）"), lambda k: k.fingerprint),
            Column(QT_TRANSLATE_NOOP("RowsModel", "暂存的数据包"), lambda k: str(k.waiting), right=True),
            Column(QT_TRANSLATE_NOOP("RowsModel", "首次收到"),
                   lambda k: k.first_seen_at.astimezone().strftime("%Y-%m-%d %H:%M")),
            Column(QT_TRANSLATE_NOOP("RowsModel", "经办"), lambda k: k.decided_by or "-"),
        ], parent=self)
        self.view = table(self.model, self, stretch=2, single=True, points=12)
        self.view.setObjectName("villageKeys")
        self.accept_button = big_button(self.tr("核对无误，接受选中的新密钥"), self, "acceptKey", main=True)
        self.accept_button.clicked.connect(self.accept_selected)
        column(heading(self.tr("各村签名密钥"), self), row(self.accept_button, STRETCH), self.bar,
               (self.view, 1), parent=self)

    def shown(self) -> None:
        self.reload()

    def on_changed(self, areas) -> None:
        if areas & {Area.COUNTY_KEYS, Area.COUNTY_PACKAGES} and self.isVisible():
            self.reload()

    def reload(self) -> None:
        self.ops.read(lambda: keys.keys(self.db, self.actor), bar=self.bar, done=self.model.set_rows,
                      newest=self.model)

    def accept_selected(self) -> None:
        chosen = selected_rows(self.view)
        if not chosen or chosen[0].status != KeyStatus.HELD:
            self.bar.refuse(self.tr("请先选中一把“待接受”的新密钥。"))
            return
        key = chosen[0]
        confirm(self, self.tr("接受 %1 的新密钥 %2？\n请先确认它与该村最新公示上印的指纹完全一致。"
                              "接受后，暂存的 %3 个数据包将被核验并导入。")
                .replace("%1", key.village).replace("%2", key.fingerprint).replace("%3", str(key.waiting)),
                lambda: self._accept(key.fingerprint), yes=self.tr("接受"))

    def _accept(self, fingerprint: str) -> None:
        folder = documents.folder(documents.COUNTY_RECEIPTS)
        self.ops.write(lambda: intake.accept_key(self.db, self.actor, fingerprint, receipts_dir=folder),
                       widget=self.accept_button, bar=self.bar, done=self._accepted,
                       areas={Area.COUNTY_KEYS, Area.COUNTY_PACKAGES})

    def _accepted(self, done) -> None:
        self.bar.done(self.tr("已接受新密钥，导入了暂存的 %1 个数据包；回执在 %2。").replace("%1", str(len(done)))
                      .replace("%2", str(documents.folder(documents.COUNTY_RECEIPTS))))


register(CountyEntry("keys", QT_TRANSLATE_NOOP("CountyAreas", "村级密钥"), "F4", KeysScreen, order=40))
