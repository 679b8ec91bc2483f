"""The users (用户): adding one (a supervisor only with a supervisor's approval), unlocking,
deactivating, a new password, and the household a user belongs to."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QGroupBox, QLabel, QPushButton, QWidget,
)

from pos import households, messages, users
from pos.vocabulary import Area, Role
from ui import asking, widgets
from ui.models import Column, RowsModel
from ui.shell import Screen


def _state(user) -> str:
    if not user.active:
        return QCoreApplication.translate("UsersTab", "已停用")
    if user.locked:
        return QCoreApplication.translate("UsersTab", "已锁定")
    return QCoreApplication.translate("UsersTab", "正常")


def users_model(lang: str = "zh") -> RowsModel:
    """The users, their role in ``lang``."""
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "用户名"), lambda u: u.username),
        Column(QT_TRANSLATE_NOOP("RowsModel", "姓名"), lambda u: u.display_name),
        Column(QT_TRANSLATE_NOOP("RowsModel", "角色"), lambda u: messages.word(Role(u.role), lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), _state),
        Column(QT_TRANSLATE_NOOP("RowsModel", "本人农户"), lambda u: u.household),
    ])


class UsersTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.model = users_model(screen.lang)
        self.view = widgets.table(self.model, self, stretch=1)
        self.view.setObjectName("users")
        self.unlock_button = QPushButton(self.tr("解锁"), self)
        self.active_button = QPushButton(self.tr("停用 / 恢复"), self)
        self.new_password = widgets.field(self, "resetPassword", self.tr("新密码（至少 6 位）"), secret=True)
        self.reset_button = QPushButton(self.tr("重设密码"), self)
        self.username = widgets.field(self, "newUsername")
        self.display_name = widgets.field(self, "newDisplayName")
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(messages.word(role, screen.lang), role)
        self.password = widgets.field(self, "newPassword", secret=True)
        self.password_again = widgets.field(self, "newPasswordAgain", secret=True)
        self.add_button = QPushButton(self.tr("添加用户"), self)
        self.add_button.setObjectName("addUser")
        box = widgets.form_box(
            self.tr("新用户"), self, (self.tr("用户名（登录用）"), self.username), (self.tr("姓名"), self.display_name),
            (self.tr("角色"), self.role), (self.tr("密码"), self.password), (self.tr("再输一遍"), self.password_again),
            ("", self.add_button))
        chosen = QGroupBox(self.tr("所选用户"), self)
        widgets.column(widgets.row(self.unlock_button, self.active_button),
                       widgets.row((self.new_password, 1), self.reset_button), parent=chosen)
        widgets.row((self.view, 1), widgets.side_column(self, 420, box, chosen, self._household_box()), parent=self)
        self.add_button.clicked.connect(self.add)
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.show_household())

    def _household_box(self) -> QGroupBox:
        """The selected user's own household: administrators are villagers too, and the audit
        flags points they give to, or goods they redeem for, their own household."""
        box = QGroupBox(self.tr("所选用户本人所在的农户"), self)
        self.household_now = QLabel(self.tr("先在左边选中一个用户。"), box)
        self.household_now.setWordWrap(True)
        self.household_search = widgets.field(box, "userHouseholdSearch", self.tr("搜索农户：姓名、拼音首字母或卡号"))
        self.household_search.setClearButtonEnabled(True)
        self.household_choice = QComboBox(box)
        self.household_choice.setObjectName("userHousehold")
        self.link_button = QPushButton(self.tr("关联到这一户"), box)
        self.link_button.setObjectName("linkHousehold")
        self.unlink_button = QPushButton(self.tr("取消关联"), box)
        self.unlink_button.setObjectName("unlinkHousehold")
        widgets.debounce(self.household_search.textChanged, self.find_households, self)
        self.link_button.clicked.connect(self.link)
        self.unlink_button.clicked.connect(self.unlink)
        widgets.column(self.household_now, self.household_search, self.household_choice,
                       widgets.row(self.link_button, self.unlink_button), parent=box)
        return box

    def show_household(self) -> None:
        rows = widgets.selected_rows(self.view)
        if len(rows) != 1:
            self.household_now.setText(self.tr("先在左边选中一个用户。"))
        elif rows[0].household:
            self.household_now.setText(self.tr("%1 是 %2 一户的人。").replace("%1", rows[0].display_name)
                                       .replace("%2", rows[0].household))
        else:
            self.household_now.setText(self.tr("%1 还没有关联农户。").replace("%1", rows[0].display_name))

    def find_households(self) -> None:
        s, text = self.screen, self.household_search.text()
        if not text.strip():
            self.household_choice.clear()
            return
        s.ops.read(lambda: households.search(s.db, s.actor, text, limit=30), bar=s.bar, done=self._found,
                   newest=self.household_choice)

    def _found(self, rows) -> None:
        self.household_choice.clear()
        for h in rows:
            self.household_choice.addItem(f"{h.head_name}（{h.group}）{h.card_number or ''}", h.id)
        if not rows:
            self.screen.bar.info(self.tr("没有找到这样的农户。"))

    def link(self) -> None:
        user, s = self.one(), self.screen
        if user is None:
            return
        household_id, name = self.household_choice.currentData(), self.household_choice.currentText()
        if household_id is None:
            s.bar.refuse(self.tr("先搜索并选出这个用户本人所在的农户。"))
            return
        s.ops.write(lambda: users.link_household(s.db, s.actor, user.username, household_id),
                    widget=self.link_button, bar=s.bar, areas={Area.USERS},
                    done=lambda _r: s.bar.done(self.tr("%1 已关联到农户 %2。").replace("%1", user.display_name)
                                               .replace("%2", name)))

    def unlink(self) -> None:
        user, s = self.one(), self.screen
        if user is None:
            return
        s.ops.write(lambda: users.link_household(s.db, s.actor, user.username, None),
                    widget=self.unlink_button, bar=s.bar, areas={Area.USERS},
                    done=lambda _r: s.bar.done(self.tr("%1 已取消关联农户。").replace("%1", user.display_name)))

    def reload(self) -> None:
        s = self.screen
        s.ops.read(lambda: users.list_users(s.db, s.actor), bar=s.bar, done=self._users, newest=self.view)

    def _users(self, rows) -> None:
        chosen = {u.username for u in widgets.selected_rows(self.view)}
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            if row.username in chosen:
                self.view.selectRow(number)
        self.show_household()

    def one(self):
        rows = widgets.selected_rows(self.view)
        if len(rows) != 1:
            self.screen.bar.refuse(self.tr("请先在列表里选中一个用户。"))
            return None
        return rows[0]

    def add(self) -> None:
        s = self.screen
        if self.password.text() != self.password_again.text():
            s.bar.refuse(self.tr("两次输入的密码不一样。"))
            return
        username, name, role, password = (self.username.text(), self.display_name.text(),
                                          self.role.currentData(), self.password.text())
        # A new supervisor needs another supervisor's approval: asked when the service says so.
        asking.with_approval(s, lambda approval: users.create(s.db, s.actor, username, name, role, password,
                                                            approval),
                             widget=self.add_button, areas={Area.USERS}, done=self._added)

    def _added(self, user: users.UserView) -> None:
        for field in (self.username, self.display_name, self.password, self.password_again):
            field.clear()
        self.screen.bar.done(self.tr("已添加%1 %2（%3）").replace("%1", messages.word(Role(user.role), self.screen.lang))
                             .replace("%2", user.display_name).replace("%3", user.username))

    def unlock(self) -> None:
        user, s = self.one(), self.screen
        if user is not None:
            s.ops.write(lambda: users.unlock(s.db, s.actor, user.username), widget=self.unlock_button, bar=s.bar,
                        areas={Area.USERS}, done=lambda _r: s.bar.done(self.tr("%1 已解锁。").replace("%1", user.display_name)))

    def toggle_active(self) -> None:
        user, s = self.one(), self.screen
        if user is None:
            return
        on = not user.active
        # A supervisor deactivated may need another supervisor's approval: asked when the service says so.
        asking.with_approval(s, asking.approved(users.set_active, s.db, s.actor, user.username, on),
                             widget=self.active_button, areas={Area.USERS},
                             done=lambda _r: s.bar.done((self.tr("%1 已恢复使用。") if on else
                                                          self.tr("%1 已停用，不能再登录。")).replace("%1", user.display_name)))

    def reset(self) -> None:
        user, s, password = self.one(), self.screen, self.new_password.text()
        if user is None:
            return
        asking.with_approval(s, lambda approval: users.reset_password(s.db, s.actor, user.username, password,
                                                                    approval),
                             widget=self.reset_button, areas={Area.USERS},
                             done=lambda _r: (self.new_password.clear(),
                                     s.bar.done(self.tr("%1 的密码已重设，请当面告诉本人。").replace("%1", user.display_name))))
