"""Finding a TrueType CJK font on this computer, for PDFs and raster images.

Windows: SimHei, Microsoft YaHei, SimSun. Linux: WenQuanYi Micro Hei / Zen Hei,
Droid Sans Fallback, Noto Sans CJK. ``AIXIN_CJK_FONT`` names a file to use instead.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("printing")


@dataclass(frozen=True)
class FontFile:
    path: Path
    name: str
    subfont: int = 0  # index inside a .ttc collection


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


CANDIDATES = [
    (_windows_fonts() / "simhei.ttf", "SimHei", 0),
    (_windows_fonts() / "msyh.ttc", "MicrosoftYaHei", 0),
    (_windows_fonts() / "msyh.ttf", "MicrosoftYaHei", 0),
    (_windows_fonts() / "simsun.ttc", "SimSun", 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), "WenQuanYiMicroHei", 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), "WenQuanYiZenHei", 0),
    (Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), "DroidSansFallback", 0),
    (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), "NotoSansCJK", 2),
    (Path("/System/Library/Fonts/STHeiti Medium.ttc"), "STHeiti", 0),
]


def find_cjk_font() -> FontFile | None:
    override = os.environ.get("AIXIN_CJK_FONT")
    if override and Path(override).is_file():
        return FontFile(Path(override), Path(override).stem.replace(" ", ""), 0)
    for path, name, subfont in CANDIDATES:
        if path.is_file():
            return FontFile(path, name, subfont)
    return None
