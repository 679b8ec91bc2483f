"""Draws the program's icon: a red heart with 爱 on it.

Run from the repository root when the icon should change; the results are committed
(``resources/icons/aixin.png`` for the window, ``resources/icons/aixin.ico`` for Windows).
Needs Pillow and a CJK TrueType font (``--font``; WenQuanYi Micro Hei by default).
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZE = 1024  # drawn large, then scaled down for each icon size
RED = (214, 40, 40, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def heart_outline(size: int) -> list[tuple[float, float]]:
    """The classic parametric heart, scaled to fill a square of ``size`` pixels."""
    points = []
    for step in range(720):
        t = 2 * math.pi * step / 720
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((x, -y))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    margin = size * 0.04
    scale = (size - 2 * margin) / max(max(xs) - min(xs), max(ys) - min(ys))
    dx = (size - (max(xs) - min(xs)) * scale) / 2 - min(xs) * scale
    dy = (size - (max(ys) - min(ys)) * scale) / 2 - min(ys) * scale
    return [(x * scale + dx, y * scale + dy) for x, y in points]


def draw(font_path: str) -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.polygon(heart_outline(SIZE), fill=RED)
    font = ImageFont.truetype(font_path, int(SIZE * 0.50))
    # A little above the middle: the heart is wider at the top than at the point.
    pen.text((SIZE / 2, SIZE * 0.44), "爱", font=font, fill="white", anchor="mm")
    return image


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--font", default="/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    args = parser.parse_args()
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw(args.font)
    image.resize((256, 256), Image.LANCZOS).save(ICONS / "aixin.png", optimize=True)
    image.save(ICONS / "aixin.ico", sizes=ICO_SIZES)
    print(f"wrote {ICONS / 'aixin.png'} and {ICONS / 'aixin.ico'}")


if __name__ == "__main__":
    main()
