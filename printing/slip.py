"""The balance slip (查询积分): a villager's balance and last transactions, to take home.

Its words are the catalogue's ``slip_*`` templates, unfilled, in the language the caller
chose (``pos.messages.templates``); the slip fills them with its figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from printing.escpos import CENTER, LEFT, RIGHT, Capabilities, Commands, Paper, columns_line, fit, width


@dataclass(frozen=True)
class SlipLine:
    date: str  # "05-15"
    what: str  # "兑换", "加分"... in the slip's language
    points: int


@dataclass(frozen=True)
class SlipData:
    shop: str
    village: str
    head: str
    group: str
    card: str
    balance: int
    value_yuan: str
    time: str
    lines: tuple[SlipLine, ...]
    words: Mapping[str, str]  # the slip's words (slip_*), by catalogue key, unfilled


def _wrap(text: str, columns: int) -> list[str]:
    """``text`` in pieces no wider than ``columns``, broken between words where it has spaces
    (a Chinese kind has none, and is never that wide)."""
    pieces: list[str] = []
    for word in text.split(" "):
        if pieces and width(pieces[-1]) + 1 + width(word) <= columns:
            pieces[-1] += " " + word
        else:
            pieces += fit(word, columns)
    return pieces


def render(slip: SlipData, paper: Paper = Paper(), caps: Capabilities = Capabilities()) -> bytes:
    w = slip.words
    cols = paper.columns
    what_w = cols - 15
    out = Commands().start()
    big = 2 if width(slip.shop) * 2 <= cols else 1
    out.align(CENTER).size(big, big).line(slip.shop).size().bold().line(w["slip_title"]).bold(False)
    out.align(LEFT).line("-" * cols)
    out.line(w["slip_household"].format(head=slip.head, group=slip.group))
    out.line(w["slip_card"].format(card=slip.card))
    out.line(w["slip_time"].format(time=slip.time))
    out.line("-" * cols)
    out.align(CENTER).line(w["slip_balance"]).size(2, 2).bold().line(str(slip.balance)).size().bold(False)
    out.line(w["slip_value"].format(value=slip.value_yuan)).align(LEFT)
    out.line("-" * cols)
    out.line(columns_line([(w["slip_column_date"], 7, LEFT), (w["slip_column_what"], what_w, LEFT),
                           (w["slip_column_points"], 8, RIGHT)]))
    for line in slip.lines:
        # a long "what" (the English of some kinds) goes on under itself, as a receipt's goods name
        pieces = _wrap(line.what, what_w - 1)
        out.line(columns_line([(line.date, 7, LEFT), (pieces[0], what_w, LEFT), (f"{line.points:+d}", 8, RIGHT)]))
        for rest in pieces[1:]:
            out.line(" " * 7 + rest)
    out.line("-" * cols)
    out.align(CENTER).bold().line(w["slip_no_cash"]).bold(False).line(slip.village).align(LEFT)
    if caps.cut:
        out.cut()
    else:
        out.feed(4)
    return out.bytes()
