"""A typical 5-item receipt at 58 mm: ESC/POS text mode against the same receipt as a raster image.

    python benchmarks/receipt_bench.py

Bytes, and seconds on a 9600-baud line (8N1: 10 bits a byte). The raster is
drawn with Pillow in a CJK TrueType font at the printer's 24-dot character
height, one text line per 30 dots (the default line spacing), and packed as
``GS v 0`` (8 header bytes + 48 bytes a dot row). Aims: <= 700 bytes, under a
second, and at least 50x smaller than the raster.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from printing.escpos import Paper  # noqa: E402
from printing.fonts import find_cjk_font  # noqa: E402
from printing.receipt import Line, ReceiptData, render  # noqa: E402
from tests.printing.paper import decode, words  # noqa: E402

RECEIPT = ReceiptData(
    shop="阿道村爱心超市", village="陕西省宜川县阿道村", number="00000123", time="2026-11-22 14:05",
    head="张三", group="啊道", card="81000012",
    lines=(Line("大米 10kg", 1, 20), Line("洗衣粉 1.5kg", 2, 8), Line("毛巾", 1, 3),
           Line("香皂", 3, 3), Line("菜籽油 5L", 1, 25)),
    total=59, balance_before=100, balance_after=41, value_yuan="￥177.00", operator="王芳",
    approver=None, seq=123, short_hash="8c01ad9c1f9d", words=words("receipt"),
)
BAUD = 9600
BITS_PER_BYTE = 10


def raster_bytes(lines, dots: int) -> tuple[int, str]:
    from PIL import Image, ImageDraw, ImageFont

    font_file = find_cjk_font()
    if font_file is None:
        height = sum(60 if line.tall == 2 else 30 for line in lines)
        return 8 + dots // 8 * height, "estimated (no CJK font found)"
    regular = ImageFont.truetype(str(font_file.path), 24, index=font_file.subfont)
    big = ImageFont.truetype(str(font_file.path), 48, index=font_file.subfont)
    height = sum(60 if line.tall == 2 else 30 for line in lines)
    image = Image.new("1", (dots, height), 1)
    draw = ImageDraw.Draw(image)
    y = 0
    for line in lines:
        font = big if line.tall == 2 else regular
        draw.text((0, y), line.text, font=font, fill=0)
        y += 60 if line.tall == 2 else 30
    packed = image.tobytes()  # 1 bit a dot, rows padded to whole bytes: what GS v 0 sends
    return 8 + len(packed), f"drawn in {font_file.name}"


def main() -> None:
    paper = Paper.width(58)
    started = time.perf_counter()
    for _ in range(1000):
        data = render(RECEIPT, paper)
    render_ms = (time.perf_counter() - started)
    lines = decode(data, paper.columns).lines
    raster, how = raster_bytes(lines, paper.dots)
    text_s = len(data) * BITS_PER_BYTE / BAUD
    raster_s = raster * BITS_PER_BYTE / BAUD
    print(f"text mode: {len(data)} bytes, {text_s:.2f} s at {BAUD} baud (aim <= 700 bytes, < 1 s)")
    print(f"raster GS v 0: {raster} bytes, {raster_s:.1f} s at {BAUD} baud ({how}, {len(lines)} lines)")
    print(f"raster / text: {raster / len(data):.0f}x (aim >= 50x)")
    print(f"rendering: {render_ms:.3f} ms per receipt")


if __name__ == "__main__":
    main()
