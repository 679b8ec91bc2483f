"""The open sale at the counter, apart from the screen: whose card, which lines, and the
one-time token its confirm carries (so a repeated submit still makes one redemption)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from pos import counter, redemption
from pos.redemption import CartItem
from pos.vocabulary import Area

MAX_QUANTITY = redemption.MAX_QUANTITY
# What a sale changes: the ledger, the goods' stock, the household's balance, and its receipt
# (the print queue in settings lists it).
SALE_AREAS = frozenset({Area.LEDGER, Area.GOODS, Area.HOUSEHOLDS, Area.RECEIPTS})


@dataclass(frozen=True)
class CartLine:
    code: str
    name: str
    unit: str
    unit_points: int
    quantity: int
    stock: int

    @property
    def points(self) -> int:
        return self.unit_points * self.quantity


@dataclass
class Sale:
    here: counter.AtCounter | None = None
    lines: list[CartLine] | None = None
    token: str = ""

    def __post_init__(self):
        self.lines = self.lines or []
        self.token = self.token or uuid.uuid4().hex

    @property
    def total(self) -> int:
        return sum(line.points for line in self.lines)

    def add(self, goods) -> int:
        """One more of ``goods`` (a new line, or +1 on its line); the line's number."""
        for number, line in enumerate(self.lines):
            if line.code == goods.code:
                self.lines[number] = replace(line, quantity=min(line.quantity + 1, MAX_QUANTITY), stock=goods.stock)
                return number
        self.lines.append(CartLine(goods.code, goods.name, goods.unit, goods.price_points, 1, goods.stock))
        return len(self.lines) - 1

    def change(self, number: int, step: int) -> None:
        line = self.lines[number]
        self.lines[number] = replace(line, quantity=max(1, min(MAX_QUANTITY, line.quantity + step)))

    def restock(self, stock: dict[str, int]) -> None:
        """The stock each line shows follows the shelf."""
        self.lines = [replace(line, stock=stock.get(line.code, line.stock)) for line in self.lines]

    def items(self) -> list[CartItem]:
        return [CartItem(line.code, line.quantity) for line in self.lines]
