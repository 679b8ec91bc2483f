"""The redemption receipt (积分兑换凭证): plain data in, ESC/POS bytes out.

Its words are data too: the catalogue's ``receipt_*`` templates, unfilled, in the language
the caller chose (``pos.messages.templates``); the receipt fills them with its figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from printing.escpos import CENTER, LEFT, RIGHT, Capabilities, Commands, Paper, columns_line, fit, width


@dataclass(frozen=True)
class Line:
    name: str
    quantity: int
    points: int


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed; nothing is looked up while printing."""

    shop: str
    village: str
    number: str  # receipt number
    time: str  # local time, as printed
    head: str
    group: str
    card: str
    lines: tuple[Line, ...]
    total: int
    balance_before: int
    balance_after: int
    value_yuan: str  # "￥156.00"
    operator: str
    approver: str | None
    seq: int
    short_hash: str
    words: Mapping[str, str]  # the receipt's words (receipt_*), by catalogue key, unfilled
    reprint: int = 0  # 0 for the original, N for the Nth reprint


def _pair(left: str, right: str, columns: int) -> str:
    return columns_line([(left, columns - width(right), LEFT), (right, width(right), RIGHT)])


def render(receipt: ReceiptData, paper: Paper = Paper(), caps: Capabilities = Capabilities()) -> bytes:
    w = receipt.words
    cols = paper.columns
    rule = "-" * cols
    qty_w, pts_w = 5, 6
    name_w = cols - qty_w - pts_w
    out = Commands().start()
    big = 2 if width(receipt.shop) * 2 <= cols else 1
    out.align(CENTER).size(big, big).line(receipt.shop)
    out.size().bold().line(w["receipt_title"]).bold(False)
    if receipt.reprint:
        out.line(w["receipt_reprint"].format(n=receipt.reprint))
    out.align(LEFT).line(rule)
    out.line(w["receipt_number"].format(number=receipt.number))
    out.line(w["receipt_time"].format(time=receipt.time))
    out.line(w["receipt_household"].format(head=receipt.head, group=receipt.group))
    out.line(w["receipt_card"].format(card=receipt.card))
    out.line(columns_line([(w["receipt_column_goods"], name_w, LEFT), (w["receipt_column_quantity"], qty_w, RIGHT),
                           (w["receipt_column_points"], pts_w, RIGHT)]))
    for item in receipt.lines:
        pieces = fit(item.name, name_w - 1)
        out.line(columns_line([(pieces[0], name_w, LEFT), (str(item.quantity), qty_w, RIGHT),
                               (str(item.points), pts_w, RIGHT)]))
        for rest in pieces[1:]:
            out.line(" " + rest)
    out.line(rule)
    out.bold().line(_pair(w["receipt_total"], str(receipt.total), cols)).bold(False)
    out.line(_pair(w["receipt_balance_before"], str(receipt.balance_before), cols))
    out.line(_pair(w["receipt_balance_after"], str(receipt.balance_after), cols))
    out.line(_pair(w["receipt_value"], receipt.value_yuan, cols))
    out.line(rule)
    signed = [w["receipt_operator"].format(operator=receipt.operator)]
    if receipt.approver:
        signed.append(w["receipt_approver"].format(approver=receipt.approver))
    out.line("  ".join(signed))
    out.line(w["receipt_check"].format(seq=receipt.seq, hash=receipt.short_hash))
    out.align(CENTER).bold().line(w["receipt_no_cash"]).bold(False)
    if caps.qr:
        out.qr(f"AX{receipt.seq}-{receipt.short_hash}")
    elif caps.barcode:
        out.barcode128(f"{receipt.seq}-{receipt.short_hash[:8]}")
    if receipt.reprint:
        out.line(w["receipt_reprint"].format(n=receipt.reprint))
    out.line(receipt.village)
    out.align(LEFT)
    # The cut command feeds the paper past the cutter itself; without a cutter, feed to tear.
    if caps.cut:
        out.cut()
    else:
        out.feed(4)
    return out.bytes()


def printer_test_page(paper: Paper, caps: Capabilities, status: str, port: str, words: Mapping[str, str],
                      sample: str) -> bytes:
    """What ``aixin printer test`` prints: the width ruler, both character sets, the status.

    ``words`` are the page's (receipt_test_*), unfilled, in the caller's language; ``sample``
    is Chinese text (the caller gives the receipt's Chinese title), printed in either
    language so the page always shows the printer's Chinese characters."""
    w = words
    cols = paper.columns
    wide = w["receipt_test_wide"]  # a row of it fills the paper: 汉 takes two columns, a letter one
    out = Commands().start()
    out.align(CENTER).size(2, 2).line(w["receipt_test_title"]).size().align(LEFT)
    out.line("=" * cols)
    out.line(w["receipt_test_width"].format(columns=cols, dots=paper.dots))
    out.line("".join(str(i % 10) for i in range(1, cols + 1)))
    out.line(wide * (cols // max(width(wide), 1)))
    out.line("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789"[:cols])
    out.line(w["receipt_test_sample"].format(sample=sample))
    out.line(_pair(w["receipt_test_left"], w["receipt_test_right"], cols))
    out.line(w["receipt_test_port"].format(port=port))
    out.line(w["receipt_test_status"].format(status=status))
    out.line(w["receipt_test_codes"].format(barcode=w["receipt_test_yes" if caps.barcode else "receipt_test_no"],
                                            qr=w["receipt_test_yes" if caps.qr else "receipt_test_no"]))
    if caps.barcode:
        out.align(CENTER).barcode128("81000012").align(LEFT)
    out.line("=" * cols)
    out.feed(3)
    if caps.cut:
        out.cut()
    return out.bytes()
