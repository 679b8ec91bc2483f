"""PDFs the window writes (notices, statements, the wish wall): where they go, the system's
viewer to print them from, and a page drawn as an image for a preview.

The window does not drive printers for A4/A3 sheets: the PDF opens in the
system's viewer, whose print dialog the village already knows. Screens call
``viewer(path)`` through an attribute, so a test can look at the file instead
of opening a viewer.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage

from pos import paths

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def folder(name: str) -> Path:
    """A folder of the data folder for one kind of document ("公示", "心愿墙"...)."""
    path = paths.data_dir() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_name(*parts: str) -> str:
    return "-".join(_UNSAFE.sub("_", part) for part in parts if part) + ".pdf"


def open_in_viewer(path: Path) -> bool:
    """Open ``path`` with the system's program for it (a PDF viewer, a file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def first_page(path: Path, width_px: int = 900) -> QImage:
    """The PDF's first page as an image ``width_px`` wide (safe off the GUI thread)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        page = document[0]
        scale = width_px / page.get_width()
        bitmap = page.render(scale=scale, rev_byteorder=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
        return image.copy()  # the bitmap's buffer goes with the document
    finally:
        document.close()
