"""The papers the window writes as PDFs (notices, statements, card sheets, the wish wall...):
where each goes, what it is called, the system's viewer to print it from, and a page drawn
as an image for a preview.

Every PDF lives in a folder of the data folder named for the paper, as the village calls it
(``公示``, ``积分卡``...), and is called by the paper and what it is of::

    path = documents.path(documents.NOTICE, "2026-09", "A4")    # 公示/公示-2026-09-A4.pdf
    path = documents.path(documents.CARD_SHEET, "啊道")           # 积分卡/积分卡-啊道-20260915-093000.pdf

A sheet printed again and again (cards, labels, a hygiene round) gets the time in its name, so
a viewer still showing the last one is never written over; a month's notice or statement is the
same paper each time it is made.

The window does not drive printers for A4/A3 sheets: the PDF opens in the system's viewer,
whose print dialog the village already knows. Screens call ``documents.show(bar, path, text)``
(which opens it and says so, or says it could not and offers the folder), so a test replaces
the one function ``open_in_viewer`` to look at the file instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QImage

from pos import paths
from pos.periods import LOCAL

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True)
class Paper:
    folder: str  # a folder of the data folder
    name: str  # the start of each file's name
    stamped: bool = False  # a new file each time it is made


NOTICE = Paper("公示", "公示")
HONOUR = Paper("公示", "光荣榜")
MONTH_STATEMENT = Paper("农户明细", "明细")
STATEMENT = Paper("农户明细", "积分明细", stamped=True)
WISH_WALL = Paper("心愿墙", "心愿墙")
CARD_SHEET = Paper("积分卡", "积分卡", stamped=True)
HYGIENE_SHEET = Paper("卫生检查表", "检查表", stamped=True)
LABELS = Paper("商品标签", "标签", stamped=True)
# the county's
COUNTY_REPORT = Paper("县级月报", "县级月报")  # the month's workbook and one-page PDF, named by the report
VISIT_LIST = Paper("走访核实", "走访清单", stamped=True)  # and the findings sheet (CSV) beside it
COUNTY_RECEIPTS = Paper("县级回执", "回执")  # receipts of packages imported when their key was accepted
POSTING = Paper("申报公示", "申报公示")


def folder(paper: Paper) -> Path:
    where = paths.data_dir() / paper.folder
    where.mkdir(parents=True, exist_ok=True)
    return where


def path(paper: Paper, *parts: str) -> Path:
    """Where ``paper`` of ``parts`` (a month, a group, a household...) is written."""
    if paper.stamped:
        parts = (*parts, datetime.now(LOCAL).strftime("%Y%m%d-%H%M%S"))
    name = "-".join(_UNSAFE.sub("_", part) for part in (paper.name, *parts) if part)
    return folder(paper) / f"{name}.pdf"


def open_in_viewer(where: Path) -> bool:
    """Open ``where`` with the system's program for it (a PDF viewer, a file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(where)))


def show(bar, where: Path, opened: str) -> bool:
    """Open the PDF ``where`` for printing and tell ``bar`` so: ``opened`` when the viewer
    opened it; when none did, that it did not and which folder the paper is in, with a button
    that opens the folder (the data folder is hidden on Windows: a path alone helps no one)."""
    if open_in_viewer(where):
        bar.done(opened)
        return True
    bar.refuse(QCoreApplication.translate("Documents", "没能打开 PDF 阅读器。%1 已保存在“%2”文件夹里，"
                                          "可以打开文件夹，再用别的程序打印。")
               .replace("%1", where.name).replace("%2", where.parent.name))
    bar.offer(QCoreApplication.translate("Documents", "打开文件夹"), lambda: open_in_viewer(where.parent))
    return False


def first_page(pdf: Path, width_px: int = 900) -> QImage:
    """The PDF's first page as an image ``width_px`` wide (safe off the GUI thread)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        page = document[0]
        scale = width_px / page.get_width()
        bitmap = page.render(scale=scale, rev_byteorder=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
        return image.copy()  # the bitmap's buffer goes with the document
    finally:
        document.close()
