"""ESC/POS commands for Chinese thermal printers, and text laid out by printed width.

In Chinese mode (``FS &``) the printer reads bytes of 0x80 and above in pairs
as GB codes and prints each pair two columns wide, so a string's printed
width is its GBK byte count. Text is encoded as GBK; the few characters that
would need four-byte GB18030 sequences (``¥``, ``•``) are replaced by their
two-byte equivalents, and anything else unprintable by ``?``.
"""

from __future__ import annotations

from dataclasses import dataclass

ESC, GS, FS, DLE, LF = b"\x1b", b"\x1d", b"\x1c", b"\x10", b"\n"

INIT = ESC + b"@"
CHINESE_ON = FS + b"&"
CHINESE_OFF = FS + b"."
CUT = GS + b"V" + bytes([66, 3])  # feed 3 lines' worth, then partial cut
LEFT, CENTER, RIGHT = 0, 1, 2

_SUBSTITUTES = str.maketrans({"¥": "￥", "•": "·", "½": "1/2", "\t": " ", "\r": "", "€": "EUR"})


_PRINTABLE_ASCII = bytes(b if 0x20 <= b < 0x7F else 0x3F for b in range(256))


PAPER_WIDTHS = (58, 80)  # mm


@dataclass(frozen=True)
class Paper:
    """Paper width: 58 mm prints 32 columns on 384 dots, 80 mm 48 columns on 576 dots."""

    columns: int = 32
    dots: int = 384

    @classmethod
    def width(cls, mm: int, dots: int | None = None) -> Paper:
        if mm == 80:
            return cls(48, dots or 576)
        if mm == 58:
            return cls(32, dots or 384)
        raise ValueError("paper is 58 or 80 mm")


@dataclass(frozen=True)
class Capabilities:
    """What a particular printer model can do; cheap models lack some."""

    barcode: bool = True  # GS k
    qr: bool = False  # GS ( k
    cut: bool = True
    status: bool = True  # answers DLE EOT


# Every control character left after the substitutions prints as a space: a byte below 0x20
# taken from data could cut the paper, reset the printer or start a fake line.
_CONTROLS = str.maketrans({c: " " for c in [*range(0x20), 0x7F]})


def encode(text: str) -> bytes:
    return text.translate(_SUBSTITUTES).translate(_CONTROLS).encode("gbk", errors="replace")


def width(text: str) -> int:
    """Printed columns in Chinese mode."""
    return len(encode(text))


def fit(text: str, columns: int) -> list[str]:
    """Wrap ``text`` into pieces no wider than ``columns``, never splitting a character."""
    pieces, current, used = [], "", 0
    for ch in text:
        w = width(ch)
        if used + w > columns and current:
            pieces.append(current)
            current, used = "", 0
        current += ch
        used += w
    return pieces + [current] if current or not pieces else pieces


def pad(text: str, columns: int, align: int = LEFT) -> str:
    gap = max(columns - width(text), 0)
    if align == RIGHT:
        return " " * gap + text
    if align == CENTER:
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def columns_line(cells: list[tuple[str, int, int]]) -> str:
    """One line from (text, width, align) cells."""
    return "".join(pad(text, w, align) for text, w, align in cells)


class Commands:
    """Builds a byte stream: text lines, sizes, alignment, barcodes, cut."""

    def __init__(self) -> None:
        self._out = bytearray()

    def raw(self, data: bytes) -> Commands:
        self._out += data
        return self

    def start(self) -> Commands:
        return self.raw(INIT + CHINESE_ON)

    def align(self, how: int) -> Commands:
        return self.raw(ESC + b"a" + bytes([how]))

    def size(self, wide: int = 1, tall: int = 1) -> Commands:
        """``GS !``: works for ASCII and Chinese alike (``ESC !`` would miss Chinese)."""
        return self.raw(GS + b"!" + bytes([((wide - 1) << 4) | (tall - 1)]))

    def bold(self, on: bool = True) -> Commands:
        return self.raw(ESC + b"E" + bytes([1 if on else 0]))

    def line(self, text: str = "") -> Commands:
        return self.raw(encode(text) + LF)

    def feed(self, lines: int = 1) -> Commands:
        return self.raw(ESC + b"d" + bytes([lines]))

    def barcode128(self, data: str, height: int = 60) -> Commands:
        """Native Code128 (``GS k 73``), human-readable digits below."""
        payload = b"{B" + data.encode("ascii", errors="replace").translate(_PRINTABLE_ASCII)
        return self.raw(GS + b"h" + bytes([height]) + GS + b"w" + bytes([2]) + GS + b"H" + bytes([2])
                        + GS + b"k" + bytes([73, len(payload)]) + payload)

    def qr(self, data: str, module: int = 5) -> Commands:
        """Native QR code (``GS ( k``): model 2, module size, error level M, store, print."""
        payload = data.encode("ascii", errors="replace").translate(_PRINTABLE_ASCII)
        store = len(payload) + 3
        return self.raw(
            GS + b"(k" + bytes([4, 0, 49, 65, 50, 0])
            + GS + b"(k" + bytes([3, 0, 49, 67, module])
            + GS + b"(k" + bytes([3, 0, 49, 69, 49])
            + GS + b"(k" + bytes([store % 256, store // 256, 49, 80, 48]) + payload
            + GS + b"(k" + bytes([3, 0, 49, 81, 48])
        )

    def cut(self) -> Commands:
        return self.raw(CUT)

    def bytes(self) -> bytes:
        return bytes(self._out)


# DLE EOT n: n=1 printer status, 2 offline cause, 4 paper sensor.
STATUS_PRINTER, STATUS_OFFLINE, STATUS_PAPER = 1, 2, 4


def status_query(n: int) -> bytes:
    return DLE + b"\x04" + bytes([n])
