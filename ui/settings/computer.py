"""This PC (本机): the window's language, the idle lock, and the scanner's timing."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget
from ui.sizes import px

from ui import widgets
from ui.shell import Screen


class ComputerTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.idle = widgets.spin_box(self, 0, 240, suffix=self.tr(" 分钟（0 为不锁）"), name="idleMinutes")
        self.gap = widgets.spin_box(self, 10, 500, suffix=self.tr(" 毫秒"))
        self.prefix = QLineEdit(self)
        self.suffix = QLineEdit(self)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("saveComputer")
        box = widgets.form_box(
            self.tr("本机"), self, (self.tr("界面语言（重新打开后生效）"), self.language),
            (self.tr("无人操作多久后锁屏"), self.idle), (self.tr("扫码枪按键间隔不超过"), self.gap),
            (self.tr("扫码枪前缀"), self.prefix), (self.tr("扫码枪后缀"), self.suffix), ("", self.save_button))
        box.setFixedWidth(px(640))
        widgets.column(box, widgets.STRETCH, parent=self)
        self.save_button.clicked.connect(self.save)

    def reload(self) -> None:
        settings = self.screen.shell.settings
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.idle.setValue(int(settings.idle_lock_minutes))
        self.gap.setValue(settings.scan_gap_ms)
        self.prefix.setText(settings.scan_prefix)
        self.suffix.setText(settings.scan_suffix)

    def save(self) -> None:
        shell = self.screen.shell
        new = replace(shell.settings, language=self.language.currentData(), idle_lock_minutes=self.idle.value(),
                      scan_gap_ms=self.gap.value(), scan_prefix=self.prefix.text(), scan_suffix=self.suffix.text())
        self.screen.shell.save_settings(new)
        shell.idle.set_minutes(new.idle_lock_minutes)
        if shell.scanner is not None:
            shell.scanner.configure(gap_ms=new.scan_gap_ms, prefix=new.scan_prefix, suffix=new.scan_suffix)
        self.screen.bar.done(self.tr("本机设置已保存。"))
