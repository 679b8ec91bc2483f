"""What is done with a wish, one form a step: writing it at the counter (after the villager's
card is scanned), then, by the supervisor, one donor claiming it, its delivery (handed to the
household, or taken into stock as that donor's donation), and the villager's echo."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QRadioButton, QSpinBox, QVBoxLayout, QWidget

from pos import goods, households, messages, stock, vocabulary, wishes
from pos.vocabulary import Area
from ui.widgets import big_button, field, heading, tr


class Step(QWidget):
    """A step's form: its heading, its fields (``self.form``), and the button that records it."""

    def __init__(self, screen, title: str, go: str, name: str, *, size: float = 13):
        super().__init__(screen)
        self.screen = screen
        self.form = QFormLayout()
        self.go = big_button(go, self, name, main=True)
        self.go.clicked.connect(self.submit)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(heading(title, self, size))
        self.column.addLayout(self.form)
        self.column.addWidget(self.go)

    def wish(self) -> wishes.WishView | None:
        """The wish this step is for, unless a press of the button is already being recorded."""
        return self.screen.current if self.go.isEnabled() else None

    def record(self, call, *, done, areas=frozenset({Area.WISHES})) -> None:
        """Record the step; a refusal (another PC got there first) shows the wall as it is now."""
        s = self.screen
        s.ops.write(call, widget=self.go, bar=s.bar, done=done, failed=lambda _e: s.reload(), areas=areas)

    def submit(self) -> None:
        raise NotImplementedError


class WriteForm(Step):
    """A villager's wish, written at the counter after their card is scanned."""

    def __init__(self, screen):
        super().__init__(screen, tr("写心愿"), tr("写上心愿墙"), "wishSave", size=14)
        self.save = self.go
        self.household_id: int | None = None
        self.card = field(self, "wishCard", tr("扫描积分卡，或输入卡号后按回车"))
        self.card.returnPressed.connect(lambda: self.screen.scan(self.card.text().strip()))
        self.who = heading(tr("请扫描村民的积分卡"), self, 13)
        self.who.setObjectName("wishWho")
        self.who.setWordWrap(True)
        self.text = field(self, "wishText", tr("村民的原话，如：孙女上初中，想要一个新书包"))
        self.category = QComboBox(self)
        self.category.setObjectName("wishCategory")
        self.category.addItem(tr("请选择类别"), None)  # never a category nobody chose
        for category in vocabulary.WISH_CATEGORIES:
            self.category.addItem(messages.stored(category, screen.lang), category)
        self.member = field(self, "wishMember", tr("可不填"))
        self.value = QSpinBox(self)
        self.value.setObjectName("wishValue")
        self.value.setRange(0, wishes.MAX_VALUE_FEN // 100)
        self.value.setSuffix(tr(" 元"))
        self.show_name = QCheckBox(tr("村民同意在心愿墙上公开姓名"), self)
        self.show_name.setObjectName("wishShowName")
        self.text.returnPressed.connect(self.category.setFocus)
        self.form.addRow(tr("积分卡"), self.card)
        self.form.addRow(self.who)
        self.form.addRow(tr("心愿"), self.text)
        self.form.addRow(tr("类别"), self.category)
        self.form.addRow(tr("为哪位家人"), self.member)
        self.form.addRow(tr("估价"), self.value)
        self.form.addRow(self.show_name)
        self.column.addStretch(1)

    def start(self) -> None:
        self.household_id = None
        for line in (self.card, self.text, self.member):
            line.clear()
        self.value.setValue(0)
        self.category.setCurrentIndex(0)
        self.show_name.setChecked(False)
        self.who.setText(tr("请扫描村民的积分卡"))
        self.save.setEnabled(False)
        self.card.setFocus()

    def set_household(self, card: str, household: households.HouseholdView) -> None:
        self.household_id = household.id
        self.card.setText(card)
        self.who.setText(tr("%1 %2（%3 口人）").replace("%1", household.group)
                         .replace("%2", household.head_name).replace("%3", str(household.people)))
        self.save.setEnabled(True)
        self.text.setFocus()

    def submit(self) -> None:
        if self.household_id is None or not self.save.isEnabled():
            return
        s = self.screen
        db, actor, household = s.db, s.actor, self.household_id
        text, category, member = self.text.text(), self.category.currentData(), self.member.text()
        if category is None:
            s.bar.refuse(tr("请选择心愿的类别。"))
            self.category.setFocus()
            return
        value_fen, show = self.value.value() * 100, self.show_name.isChecked()
        s.ops.write(lambda: wishes.add(db, actor, household, text, category, member=member,
                                       value_fen=value_fen, show_name=show),
                    widget=self.save, bar=s.bar, done=self._written, areas={Area.WISHES})

    def _written(self, wish: wishes.WishView) -> None:
        self.household_id = None
        self.save.setEnabled(False)
        self.screen.select_after_load = wish.id
        self.screen.bar.done(tr("已写上心愿墙：第 %1 号，%2 的心愿“%3”。")
                             .replace("%1", str(wish.id)).replace("%2", wish.head_name).replace("%3", wish.text))


class ClaimForm(Step):
    def __init__(self, screen):
        super().__init__(screen, tr("认领（一个心愿只由一位爱心人士认领）"), tr("认领"), "claimButton")
        self.donor = field(self, "claimDonor", tr("爱心企业、单位或个人的名称"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("claimKind")
        for key in vocabulary.WISH_DONOR_TYPES:
            self.kind.addItem(messages.donor_type(key, screen.lang), key)
        self.contact = field(self, "claimContact", tr("联系人及电话"))
        self.donor.returnPressed.connect(self.contact.setFocus)
        self.contact.returnPressed.connect(self.submit)
        self.form.addRow(tr("认领人"), self.donor)
        self.form.addRow(tr("类型"), self.kind)
        self.form.addRow(tr("联系方式"), self.contact)

    def clear(self) -> None:
        self.donor.clear()
        self.contact.clear()

    def submit(self) -> None:
        wish, s = self.wish(), self.screen
        if wish is None:
            return
        db, actor = s.db, s.actor
        donor, kind, contact = self.donor.text(), self.kind.currentData(), self.contact.text()
        self.record(lambda: wishes.claim(db, actor, wish.id, donor, kind, contact),
                    done=lambda w: s.bar.done(tr("第 %1 号心愿已由 %2 认领。").replace("%1", str(w.id))
                                              .replace("%2", w.donor)))


class DeliverForm(Step):
    def __init__(self, screen):
        super().__init__(screen, tr("送达"), tr("记录送达"), "deliverButton")
        self.handed_by = field(self, "deliverHandedBy", tr("谁交给村民的"))
        self.note = field(self, "deliverNote", tr("可不填"))
        self.direct = QRadioButton(tr("直接交给农户"), self)
        self.direct.setObjectName("deliverDirect")
        self.into_stock = QRadioButton(tr("作为捐赠入库（记入捐赠登记和月度公示）"), self)
        self.into_stock.setObjectName("deliverIntoStock")
        self.direct.setChecked(True)
        self.goods = QComboBox(self)
        self.goods.setObjectName("deliverGoods")
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("deliverQuantity")
        self.quantity.setRange(1, 9999)
        self.into_stock.toggled.connect(self._stock_fields)
        self.handed_by.returnPressed.connect(self.note.setFocus)
        self.form.addRow(tr("交付人"), self.handed_by)
        self.form.addRow(tr("备注"), self.note)
        self.form.addRow(self.direct)
        self.form.addRow(self.into_stock)
        self.form.addRow(tr("入库商品"), self.goods)
        self.form.addRow(tr("数量"), self.quantity)
        self._stock_fields()

    def _stock_fields(self) -> None:
        for widget in (self.goods, self.quantity):
            widget.setEnabled(self.into_stock.isChecked())

    def set_goods(self, rows: list[goods.GoodsView]) -> None:
        kept = self.goods.currentData()
        self.goods.clear()
        for g in rows:
            self.goods.addItem(f"{g.name}（{messages.stored(g.zone, self.screen.lang)}，{g.unit}）", g.code)
        if kept is not None and self.goods.findData(kept) >= 0:
            self.goods.setCurrentIndex(self.goods.findData(kept))

    def clear(self) -> None:
        self.handed_by.clear()
        self.note.clear()
        self.direct.setChecked(True)
        self.quantity.setValue(1)

    def submit(self) -> None:
        wish, s = self.wish(), self.screen
        if wish is None:
            return
        db, actor = s.db, s.actor
        handed_by, note = self.handed_by.text(), self.note.text()
        line = None
        if self.into_stock.isChecked():
            if self.goods.currentData() is None:
                s.bar.refuse(tr("请先在商品里添加这件礼物，再选择入库商品。"))
                return
            line = stock.IntakeLine(self.goods.currentData(), self.quantity.value())
        self.record(lambda: wishes.deliver(db, actor, wish.id, handed_by, note, into_stock=line),
                    done=self._delivered, areas={Area.WISHES, Area.GOODS, Area.STOCK})

    def _delivered(self, w: wishes.WishView) -> None:
        text = (tr("第 %1 号心愿已送达，礼物已作为 %2 的捐赠入库（入库单 %3）。").replace("%3", str(w.intake_id))
                if w.intake_id else tr("第 %1 号心愿已送达，礼物直接交给了农户。"))
        self.screen.bar.done(text.replace("%1", str(w.id)).replace("%2", w.donor))


class ThankForm(Step):
    def __init__(self, screen):
        super().__init__(screen, tr("回音"), tr("记录回音"), "thankButton")
        self.echo = field(self, "thankEcho", tr("村民或监督员写的一句回音"))
        self.echo.returnPressed.connect(self.submit)
        self.column.insertWidget(self.column.indexOf(self.go), self.echo)

    def clear(self) -> None:
        self.echo.clear()

    def submit(self) -> None:
        wish, s = self.wish(), self.screen
        if wish is None:
            return
        db, actor, echo = s.db, s.actor, self.echo.text()
        self.record(lambda: wishes.thank(db, actor, wish.id, echo),
                    done=lambda w: s.bar.done(tr("第 %1 号心愿的回音已记录，会登上本月公示的回音墙。")
                                              .replace("%1", str(w.id))))
