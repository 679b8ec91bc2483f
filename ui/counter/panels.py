"""The counter's two large panels: who is being served (the card or name field, the household,
the balance) above the cart, and how much (the total, the balance after, the one confirm) below."""

from __future__ import annotations

from PySide6.QtCore import Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from pos import messages
from pos.counter import AtCounter
from ui.models import Column
from ui.sizes import px
from ui.widgets import SearchBox, sized


class WhoPanel(QFrame):
    def __init__(self, parent):
        super().__init__(parent)
        self.setObjectName("household")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.find = SearchBox([Column(QT_TRANSLATE_NOOP("RowsModel", "户主"), lambda h: h.head_name),
                               Column(QT_TRANSLATE_NOOP("RowsModel", "小组"), lambda h: h.group),
                               Column(QT_TRANSLATE_NOOP("RowsModel", "积分"), lambda h: str(h.balance), right=True)],
                              self.tr("刷卡，或输入卡号、姓名、拼音首字母（F2）"), self, overlay=parent)
        self.find.field.setObjectName("findHousehold")
        self.find.view.setMaximumHeight(px(320))  # floats over the cart: it moves nothing
        sized(self.find.field, 13)
        self.recent_button = QPushButton(self.tr("近期记录"), self)
        self.recent_button.setObjectName("recentButton")
        self.recent_button.setCheckable(True)
        self.household_label = sized(QLabel(self), 17, True)
        self.household_label.setObjectName("householdName")
        self.household_label.setWordWrap(True)
        self.card_label = sized(QLabel(self), 12)
        self.card_label.setObjectName("cardNumber")
        caption = sized(QLabel(self.tr("现有积分"), self), 12)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.balance_label = sized(QLabel("—", self), 40, True)
        self.balance_label.setObjectName("balance")
        self.balance_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.balance_label.setStyleSheet("color:#0b4f8a;")
        find = QVBoxLayout()
        find.addWidget(self.find)
        find.addWidget(self.recent_button, 0, Qt.AlignmentFlag.AlignLeft)
        details = QVBoxLayout()
        details.addWidget(self.household_label)
        details.addWidget(self.card_label)
        details.addStretch(1)
        # Claims accepted or posted, not yet credited: beside the balance, never in it.
        self.pending_label = sized(QLabel(self), 12)
        self.pending_label.setObjectName("pending")
        self.pending_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.pending_label.hide()
        balance = QVBoxLayout()
        balance.addWidget(caption)
        balance.addWidget(self.balance_label)
        balance.addWidget(self.pending_label)
        row = QHBoxLayout(self)
        row.addLayout(find, 3)
        row.addLayout(details, 3)
        row.addLayout(balance, 2)

    def show_household(self, here: AtCounter | None) -> None:
        if here is None:
            self.household_label.setText(self.tr("请刷积分卡"))
            self.card_label.setText("")
            self.balance_label.setText("—")
            self.pending_label.hide()
            return
        h = here.household
        self.household_label.setText(self.tr("%1（%2，%3 人）").replace("%1", h.head_name)
                                     .replace("%2", h.group).replace("%3", str(h.people)))
        self.card_label.setText(self.tr("卡号 %1").replace("%1", here.card_number))
        self.balance_label.setText(self.tr("%1 分").replace("%1", str(here.balance)))
        lang = getattr(self.parent(), "lang", "zh")
        waiting = ([messages.text("pending_points", lang, points=here.pending)] if here.pending else []) + (
            [messages.text("pending_deducted", lang, points=here.pending_deducted)] if here.pending_deducted else [])
        self.pending_label.setText(("；" if lang == "zh" else "; ").join(waiting))
        self.pending_label.setVisible(bool(waiting))


class TotalsPanel(QFrame):
    def __init__(self, parent):
        super().__init__(parent)
        self.setObjectName("totals")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.total_label = sized(QLabel(self), 26, True)
        self.total_label.setObjectName("total")
        self.after_label = sized(QLabel(self), 17, True)
        self.after_label.setObjectName("balanceAfter")
        self.yuan_label = sized(QLabel(self), 12)
        self.yuan_label.setObjectName("yuan")
        no_cash = sized(QLabel(self.tr("积分不兑换现金"), self), 12, True)
        no_cash.setStyleSheet("color:#a4000f;")
        self.confirm_button = sized(QPushButton(self.tr("确认兑换（F12）"), self), 18, True)
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setMinimumSize(px(250), px(64))
        self.confirm_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.confirm_button.setStyleSheet(
            "QPushButton#confirm { background:#2e7d32; color:white; border-radius:6px; }"
            " QPushButton#confirm:disabled { background:#c8cdd2; color:#555; }")
        self.reason_label = sized(QLabel(self), 11)
        self.reason_label.setObjectName("reason")
        self.reason_label.setStyleSheet("color:#a4000f;")
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label.setWordWrap(True)
        self.reason_label.setMaximumWidth(px(330))
        figures = QVBoxLayout()
        for first, second in ((self.total_label, self.after_label), (self.yuan_label, no_cash)):
            row = QHBoxLayout()
            row.addWidget(first)
            row.addSpacing(24)
            row.addWidget(second)
            row.addStretch(1)
            figures.addLayout(row)
        confirm = QVBoxLayout()
        confirm.addWidget(self.confirm_button)
        confirm.addWidget(self.reason_label)
        line = QHBoxLayout(self)
        line.addLayout(figures, 1)
        line.addLayout(confirm)

    def show_total(self, here: AtCounter | None, total: int, reason: str, can_confirm: bool) -> None:
        """The sale's total; the balance after it and its value when a card is scanned; why
        it cannot be confirmed yet (``reason``), or the confirm ready."""
        self.total_label.setText(self.tr("合计 %1 分").replace("%1", str(total)))
        if here is not None:
            after = here.balance - total
            self.after_label.setText(self.tr("兑换后余额 %1 分").replace("%1", str(after)))
            self.after_label.setStyleSheet("color:#a4000f;" if after < 0 else "")
            self.yuan_label.setText(self.tr("折合参考价值 %1").replace("%1", here.yuan(total)))
        else:
            self.after_label.setText(self.tr("兑换后余额 —"))
            self.after_label.setStyleSheet("")
            self.yuan_label.setText(self.tr("折合参考价值 —"))
        self.reason_label.setText(reason)
        self.confirm_button.setEnabled(can_confirm)
