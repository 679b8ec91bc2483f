"""The receipt printer (打印机): its serial port, a test page, and the queue of receipts
with reprints."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGroupBox, QPushButton, QWidget,
)

from pos import messages
from pos.periods import LOCAL
from pos.receipts import printer as receipt_printer
from pos.receipts import queue as printqueue
from pos.station import settings as local_settings
from pos.vocabulary import Area, JobStatus, ReceiptState
from ui import widgets
from ui.models import Column, RowsModel
from ui.shell import Screen
from ui.sizes import px


def _sale(job) -> str:
    return QCoreApplication.translate("PrinterTab", "第 %1 笔").replace("%1", str(job.seq))


def _copy(job) -> str:
    if job.copy == 0:
        return QCoreApplication.translate("PrinterTab", "原件")
    return QCoreApplication.translate("PrinterTab", "重印第 %1 次").replace("%1", str(job.copy))


def jobs_model(lang: str = "zh") -> RowsModel:
    """The receipts' print jobs, their status in ``lang``."""
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "兑换单"), _sale),
        Column(QT_TRANSLATE_NOOP("RowsModel", "份"), _copy),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda j: messages.word(JobStatus(j.status), lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "尝试"), lambda j: str(j.attempts), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda j: j.created_at.astimezone(LOCAL).strftime("%m-%d %H:%M")),
    ])


class PrinterTab(QWidget):
    def __init__(self, screen: Screen):
        super().__init__(screen)
        self.screen = screen
        self.port = QComboBox(self)
        self.port.setObjectName("printerPort")
        self.port.setEditable(True)
        self.baud = QComboBox(self)
        for value in local_settings.choices("baudrate"):
            self.baud.addItem(str(value), value)
        self.paper = QComboBox(self)
        for mm in local_settings.choices("paper_mm"):
            self.paper.addItem(self.tr("%1 毫米").replace("%1", str(mm)), mm)
        self.flow = QComboBox(self)
        for value, name in zip(local_settings.choices("flow"),
                               (self.tr("无"), self.tr("软件（XON/XOFF）"), self.tr("硬件（RTS/CTS）")), strict=True):
            self.flow.addItem(name, value)
        self.status = QCheckBox(self.tr("打印前查询打印机状态（缺纸、开盖）"), self)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("savePrinter")
        self.test_button = QPushButton(self.tr("打印测试页"), self)
        refresh = QPushButton(self.tr("重新查找串口"), self)
        box = widgets.form_box(
            self.tr("小票打印机"), self, (self.tr("串口"), widgets.row((self.port, 1), refresh)),
            (self.tr("波特率"), self.baud), (self.tr("纸宽"), self.paper), (self.tr("流控"), self.flow),
            ("", self.status), ("", widgets.row(self.save_button, self.test_button)))
        box.setFixedWidth(px(480))
        self.jobs = jobs_model(screen.lang)
        self.jobs_view = widgets.table(self.jobs, self, stretch=4)
        self.retry_button = QPushButton(self.tr("补打全部待打印"), self)
        self.reprint_button = QPushButton(self.tr("重印所选"), self)
        queue = QGroupBox(self.tr("小票队列"), self)
        widgets.column((self.jobs_view, 1), widgets.row(self.retry_button, self.reprint_button), parent=queue)
        widgets.row(widgets.column(box, widgets.STRETCH), (queue, 1), parent=self)
        refresh.clicked.connect(self.find_ports)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test_print)
        self.retry_button.clicked.connect(self.retry)
        self.reprint_button.clicked.connect(self.reprint)

    def find_ports(self) -> None:
        from serial.tools import list_ports

        current = self.port.currentText() or self.screen.shell.settings.printer.port
        self.port.clear()
        for info in sorted(list_ports.comports(), key=lambda p: p.device):
            self.port.addItem(f"{info.device}", info.device)
            self.port.setItemData(self.port.count() - 1, info.description, Qt.ItemDataRole.ToolTipRole)
        self.port.setCurrentText(current)

    def reload(self) -> None:
        printer = self.screen.shell.settings.printer
        self.find_ports()
        self.port.setCurrentText(printer.port)
        self.baud.setCurrentIndex(max(self.baud.findData(printer.baudrate), 0))
        self.paper.setCurrentIndex(max(self.paper.findData(printer.paper_mm), 0))
        self.flow.setCurrentIndex(max(self.flow.findData(printer.flow), 0))
        self.status.setChecked(printer.status)
        self.reload_jobs()

    def reload_jobs(self) -> None:
        s = self.screen
        s.ops.read(lambda: printqueue.jobs(s.db, s.actor, include_printed=True, limit=100), bar=s.bar,
                   done=self.jobs.set_rows, newest=self.jobs)

    def chosen_printer(self) -> local_settings.PrinterSettings:
        return replace(self.screen.shell.settings.printer, port=self.port.currentText().strip(),
                       baudrate=self.baud.currentData(), paper_mm=self.paper.currentData(),
                       flow=self.flow.currentData(), status=self.status.isChecked())

    def save(self) -> None:
        self.screen.shell.save_settings(replace(self.screen.shell.settings, printer=self.chosen_printer()))
        self.screen.bar.done(self.tr("打印机设置已保存：%1").replace("%1", self.port.currentText() or "-"))
        self.screen.shell.refresh_station()

    def test_print(self) -> None:
        s, printer = self.screen, self.chosen_printer()
        s.ops.read(lambda: receipt_printer.test_print(printer, s.lang), widget=self.test_button, bar=s.bar,
                   done=lambda page: s.bar.done(self.tr("测试页已发送到 %1，打印机状态：%2")
                                                .replace("%1", printer.port).replace("%2", page.status)))

    def retry(self) -> None:
        s, printer = self.screen, self.screen.shell.settings.printer
        s.ops.write(lambda: receipt_printer.retry_waiting(s.db, printer), widget=self.retry_button, bar=s.bar,
                    done=self._printed, areas={Area.RECEIPTS})

    def reprint(self) -> None:
        s, printer = self.screen, self.screen.shell.settings.printer
        rows = widgets.selected_rows(self.jobs_view)
        if len(rows) != 1:
            s.bar.refuse(self.tr("请先在队列里选中一张小票。"))
            return
        seq = rows[0].seq

        def work():
            job = printqueue.reprint(s.db, s.actor, seq)
            return receipt_printer.print_jobs(s.db, printer, [job.id], seq)

        s.ops.write(work, widget=self.reprint_button, bar=s.bar, done=self._printed, areas={Area.RECEIPTS})

    def _printed(self, outcome: receipt_printer.ReceiptOutcome) -> None:
        text = outcome.message(self.screen.lang)
        (self.screen.bar.done if outcome.state == ReceiptState.PRINTED else self.screen.bar.refuse)(text)
        self.screen.shell.set_printer_state(outcome.fault)
        self.reload_jobs()
