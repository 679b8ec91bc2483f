"""What a Chinese thermal printer would put on paper, decoded from ESC/POS bytes.

``decode`` tracks Chinese mode, alignment, character size, bold, barcodes,
QR codes and cuts, and returns printed lines laid out in columns as the
printer would: a GBK double-byte character is two columns wide, and ``GS !``
multiplies widths. Unknown commands fail the decode, so a test catches a
stray byte instead of printing garbage.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Printed:
    text: str  # as laid out across the paper, padded by alignment
    raw: str  # the characters printed, without padding
    align: int
    wide: int
    tall: int
    bold: bool


@dataclass
class Paper:
    lines: list[Printed] = field(default_factory=list)
    barcodes: list[str] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)
    cuts: int = 0
    status_queries: list[int] = field(default_factory=list)
    chinese_mode_entered: bool = False

    @property
    def text(self) -> list[str]:
        return [line.raw for line in self.lines]

    def find(self, start: str) -> Printed:
        return next(line for line in self.lines if line.raw.strip().startswith(start))


def _columns(text: str, chinese: bool) -> int:
    return len(text.encode("gbk")) if chinese else len(text)


def decode(data: bytes, columns: int) -> Paper:
    paper = Paper()
    chinese = False
    align, wide, tall, bold = 0, 1, 1, False
    pending = bytearray()
    i = 0

    def flush_line():
        nonlocal pending
        raw = bytes(pending).decode("gbk" if chinese else "latin-1")
        used = _columns(raw, chinese) * wide
        assert used <= columns, f"line {raw!r} is {used} columns, paper has {columns}"
        gap = columns - used
        spaces = {0: 0, 1: gap // 2, 2: gap}[align]
        paper.lines.append(Printed(" " * spaces + raw, raw, align, wide, tall, bold))
        pending = bytearray()

    while i < len(data):
        b = data[i]
        if b == 0x0A:
            flush_line()
            i += 1
        elif b == 0x1B:  # ESC
            cmd = data[i + 1]
            if cmd == ord("@"):
                align, wide, tall, bold = 0, 1, 1, False
                i += 2
            elif cmd == ord("a"):
                assert not pending, "ESC a only works at the start of a line"
                align = data[i + 2]
                i += 3
            elif cmd == ord("E"):
                bold = bool(data[i + 2])
                i += 3
            elif cmd == ord("d"):
                for _ in range(data[i + 2]):
                    flush_line()
                i += 3
            else:
                raise AssertionError(f"unknown ESC {cmd:#x} at {i}")
        elif b == 0x1C:  # FS
            cmd = data[i + 1]
            if cmd == ord("&"):
                chinese = True
                paper.chinese_mode_entered = True
            elif cmd == ord("."):
                chinese = False
            else:
                raise AssertionError(f"unknown FS {cmd:#x}")
            i += 2
        elif b == 0x1D:  # GS
            cmd = data[i + 1]
            if cmd == ord("!"):
                n = data[i + 2]
                wide, tall = (n >> 4) + 1, (n & 0x0F) + 1
                i += 3
            elif cmd in (ord("h"), ord("w"), ord("H")):
                i += 3
            elif cmd == ord("k"):
                m = data[i + 2]
                assert m >= 65, "only the length-prefixed barcode form is used"
                n = data[i + 3]
                payload = data[i + 4:i + 4 + n]
                paper.barcodes.append(payload[2:].decode("ascii") if payload[:1] == b"{" else payload.decode("ascii"))
                i += 4 + n
            elif cmd == ord("(") and data[i + 2] == ord("k"):
                size = data[i + 3] + 256 * data[i + 4]
                body = data[i + 5:i + 5 + size]
                if body[:2] == b"1P":
                    paper.qr_codes.append(body[3:].decode("ascii"))
                i += 5 + size
            elif cmd == ord("V"):
                paper.cuts += 1
                i += 4 if data[i + 2] in (65, 66) else 3
            else:
                raise AssertionError(f"unknown GS {cmd:#x}")
        elif b == 0x10 and data[i + 1] == 0x04:
            paper.status_queries.append(data[i + 2])
            i += 3
        else:
            pending.append(b)
            if b >= 0x80 and chinese:
                pending.append(data[i + 1])
                i += 2
            else:
                i += 1
    assert not pending, "bytes left without a line feed"
    return paper


def words(paper: str, lang: str = "zh") -> dict[str, str]:
    """The catalogue's words of a receipt-printer paper ("receipt", "slip" or "receipt_test",
    the printer's test page), unfilled, as the shop gives them to ``printing``."""
    from pos import messages

    return messages.templates((f"{paper}_",), lang)
