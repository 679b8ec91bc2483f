"""Barcodes as vector bars: python-barcode computes the modules, reportlab draws them.

Drawing each bar as a filled rectangle keeps the PDF sharp at any printer
resolution, where an embedded bitmap would blur. Quiet zones of ten modules
are left on both sides, as scanners need.
"""

from __future__ import annotations

from dataclasses import dataclass

import barcode

QUIET_MODULES = 10


@dataclass(frozen=True)
class Bars:
    symbology: str  # "code128" or "ean13"
    text: str  # what the scanner reads
    modules: str  # "1" for a bar module, "0" for a space

    @property
    def width_modules(self) -> int:
        return len(self.modules) + 2 * QUIET_MODULES


def code128(data: str) -> Bars:
    return Bars("code128", data, barcode.get("code128", data).build()[0])


def ean13(code: str) -> Bars:
    symbol = barcode.get("ean13", code[:12])
    full = symbol.get_fullcode()
    if len(code) == 13 and full != code:
        raise ValueError(f"{code} has a wrong EAN-13 check digit")
    return Bars("ean13", full, symbol.build()[0])


def for_goods(code: str) -> Bars:
    """EAN-13 for 13-digit codes (maker's or internal 20-prefix), Code128 for anything else."""
    if len(code) == 13 and code.isdigit():
        return ean13(code)
    return code128(code)


def draw(canvas, bars: Bars, x: float, y: float, module: float, height: float) -> float:
    """Draw ``bars`` with their left quiet zone starting at ``x``; return the total width."""
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    left = x + QUIET_MODULES * module
    run_start = None
    for i, bit in enumerate(bars.modules + "0"):
        if bit == "1" and run_start is None:
            run_start = i
        elif bit != "1" and run_start is not None:
            canvas.rect(left + run_start * module, y, (i - run_start) * module, height, stroke=0, fill=1)
            run_start = None
    canvas.restoreState()
    return bars.width_modules * module
