"""The redemption receipt: plain data in, ESC/POS bytes out."""

from __future__ import annotations

from dataclasses import dataclass

from printing.escpos import CENTER, LEFT, RIGHT, Capabilities, Commands, Paper, columns_line, fit, width

NO_CASH = "积分不兑换现金"


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
    reprint: int = 0  # 0 for the original, N for the Nth reprint
    title: str = "积分兑换凭证"


def _pair(left: str, right: str, columns: int) -> str:
    return columns_line([(left, columns - width(right), LEFT), (right, width(right), RIGHT)])


def render(receipt: ReceiptData, paper: Paper = Paper(), caps: Capabilities = Capabilities()) -> bytes:
    cols = paper.columns
    rule = "-" * cols
    qty_w, pts_w = 5, 6
    name_w = cols - qty_w - pts_w
    out = Commands().start()
    big = 2 if width(receipt.shop) * 2 <= cols else 1
    out.align(CENTER).size(big, big).line(receipt.shop)
    out.size().bold().line(receipt.title).bold(False)
    if receipt.reprint:
        out.line(f"重印 第{receipt.reprint}次")
    out.align(LEFT).line(rule)
    out.line(f"单号：{receipt.number}")
    out.line(f"时间：{receipt.time}")
    out.line(f"户主：{receipt.head}（{receipt.group}）")
    out.line(f"卡号：{receipt.card}")
    out.line(columns_line([("商品", name_w, LEFT), ("数量", qty_w, RIGHT), ("积分", pts_w, RIGHT)]))
    for item in receipt.lines:
        pieces = fit(item.name, name_w - 1)
        out.line(columns_line([(pieces[0], name_w, LEFT), (str(item.quantity), qty_w, RIGHT),
                               (str(item.points), pts_w, RIGHT)]))
        for rest in pieces[1:]:
            out.line(" " + rest)
    out.line(rule)
    out.bold().line(_pair("合计积分", str(receipt.total), cols)).bold(False)
    out.line(_pair("兑换前余额", str(receipt.balance_before), cols))
    out.line(_pair("兑换后余额", str(receipt.balance_after), cols))
    out.line(_pair("折合参考价值", receipt.value_yuan, cols))
    out.line(rule)
    out.line(f"操作员：{receipt.operator}" + (f"  审批：{receipt.approver}" if receipt.approver else ""))
    out.line(f"流水号：{receipt.seq}  校验：{receipt.short_hash}")
    out.align(CENTER).bold().line(NO_CASH).bold(False)
    if caps.qr:
        out.qr(f"AX{receipt.seq}-{receipt.short_hash}")
    elif caps.barcode:
        out.barcode128(f"{receipt.seq}-{receipt.short_hash[:8]}")
    if receipt.reprint:
        out.line(f"重印 第{receipt.reprint}次")
    out.line(receipt.village)
    out.align(LEFT)
    # The cut command feeds the paper past the cutter itself; without a cutter, feed to tear.
    if caps.cut:
        out.cut()
    else:
        out.feed(4)
    return out.bytes()


def printer_test_page(paper: Paper, caps: Capabilities, status: str, port: str) -> bytes:
    """What ``aixin printer test`` prints: the width ruler, both character sets, the status."""
    cols = paper.columns
    out = Commands().start()
    out.align(CENTER).size(2, 2).line("打印测试").size().align(LEFT)
    out.line("=" * cols)
    out.line(f"纸宽：{cols} 列（{paper.dots} 点）")
    out.line("".join(str(i % 10) for i in range(1, cols + 1)))
    out.line("汉" * (cols // 2))
    out.line("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789"[:cols])
    out.line("中文：积分兑换凭证 ￥123.00")
    out.line(_pair("左对齐", "右对齐", cols))
    out.line(f"端口：{port}")
    out.line(f"状态：{status}")
    out.line(f"条码：{'有' if caps.barcode else '无'}  二维码：{'有' if caps.qr else '无'}")
    if caps.barcode:
        out.align(CENTER).barcode128("81000012").align(LEFT)
    out.line("=" * cols)
    out.feed(3)
    if caps.cut:
        out.cut()
    return out.bytes()
