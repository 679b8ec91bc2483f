"""Reading back the PDFs the program writes: their text, their barcodes, their fonts.

Text and barcodes come through pypdfium2, a dependency already, so most tests need
nothing installed beside Python. The township's auditors read the notices with poppler,
so ``poppler_text`` (``pdftotext``) stays for the tests that check what they will see, and
``fonts`` asks poppler's ``pdffonts``, which lists every font a page refers to.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

import pypdfium2
import pytest
import zxingcpp

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")  # characters and full-width punctuation


def pages(path) -> list[str]:
    """Each page's text, a line for each line the page draws."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in document]
    finally:
        document.close()


def text(path) -> str:
    """The whole text, pages apart by a form feed as ``pdftotext`` puts them."""
    return "\f".join(pages(path))


def squeezed(path) -> str:
    """The text without any white space, for text that wraps where a box ends."""
    return "".join(text(path).split())


def poppler_text(path, *, layout: bool = False) -> str:
    """What ``pdftotext`` gives back, as an auditor with poppler reads the file."""
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def barcodes(path, dpi: int = 300) -> list[tuple[str, str]]:
    """Every barcode and QR code on every page, as a real decoder reads them: (format, text)."""
    found = []
    document = pypdfium2.PdfDocument(str(path))
    try:
        for page in document:
            image = page.render(scale=dpi / 72).to_pil().convert("L")
            found += [(str(r.format).replace(" ", "").replace("-", ""), r.text)
                      for r in zxingcpp.read_barcodes(image)]
    finally:
        document.close()
    return found


def codes(path, dpi: int = 200) -> list[str]:
    """The text of every barcode and QR code, page by page."""
    return [found for _, found in barcodes(path, dpi)]


@dataclass(frozen=True)
class Font:
    name: str
    embedded: bool
    subset: bool


def fonts(path) -> list[Font]:
    """Every font the pages refer to, as ``pdffonts`` lists them."""
    listed = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listed.splitlines()[2:] if line.strip()]
    return [Font(row[0], row[-5] == "yes", row[-4] == "yes") for row in rows]


def cjk_fonts(path) -> list[Font]:
    """The fonts embedded as subsets (the Chinese font is; the standard Latin ones are not)."""
    return [font for font in fonts(path) if "+" in font.name]


def chinese_besides(text: str, *data: str) -> str:
    """The Chinese left in ``text`` once the village's data (names, groups, goods, the wishes'
    words) is taken out, white space aside (a wish wraps where its card ends): what a paper
    made in English must not hold."""
    squeezed = "".join(text.split())
    for word in sorted({"".join(d.split()) for d in data}, key=len, reverse=True):
        squeezed = squeezed.replace(word, "")
    return "".join(CHINESE.findall(squeezed))


def title(path) -> str:
    """The document's title, as a PDF reader shows it in its window."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        return document.get_metadata_dict().get("Title", "")
    finally:
        document.close()
