"""The CJK font for PDFs: a TrueType font embedded (subset) in the file, so a
sheet prints the same on any PC; reportlab's built-in CID font as a fallback."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas

from printing.fonts import find_cjk_font

log = logging.getLogger("printing")

FALLBACK = "STSong-Light"


@dataclass(frozen=True)
class PdfFont:
    name: str  # registered reportlab font name
    source: str  # the file, or the CID font used
    embedded: bool


_registered: PdfFont | None = None


def cjk_font() -> PdfFont:
    """Register (once) and return the font Chinese text is set in."""
    global _registered
    if _registered is not None:
        return _registered
    found = find_cjk_font()
    if found is not None:
        try:
            name = f"AixinCJK-{found.name}"
            pdfmetrics.registerFont(TTFont(name, str(found.path), subfontIndex=found.subfont))
            _registered = PdfFont(name, str(found.path), True)
            log.info("PDF font: %s (embedded)", found.path)
            return _registered
        except Exception as exc:  # a damaged or unsupported font file
            log.warning("cannot use font %s: %s", found.path, exc)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    _registered = PdfFont(FALLBACK, FALLBACK, False)
    log.warning("no TrueType CJK font found; using %s, which is not embedded: the sheet "
                "prints right only where a reader supplies that font", FALLBACK)
    return _registered


def sheet_canvas(path, title: str, pagesize=A4, *, initial_font: str | None = None) -> pdf_canvas.Canvas:
    """A compressed PDF canvas, titled and signed aixin-pos; with ``initial_font`` it starts in that
    font, so no unembedded standard font is written at all."""
    started = {"initialFontName": initial_font} if initial_font else {}
    c = pdf_canvas.Canvas(str(path), pagesize=pagesize, pageCompression=1, **started)
    c.setTitle(title)
    c.setAuthor("aixin-pos")
    return c
