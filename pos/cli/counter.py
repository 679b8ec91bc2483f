"""aixin redeem and aixin reverse: the counter's sale, and its undoing."""

from __future__ import annotations

import sys

from pos.cli.common import acting, actor, approvable, approval, database, item_spec, later, number, plain, said, this_pc
from pos.vocabulary import ReceiptState

redemption, reversal = later("pos.redemption"), later("pos.reversal")


def register(sub) -> None:
    parser = approvable(acting(sub, "redeem", "help_redeem", redeem))
    parser.add_argument("--card", required=True)
    parser.add_argument("--item", nargs="+", required=True, metavar="CODE[:QTY]")
    parser.add_argument("--token", metavar="TEXT", help=said("help_redeem_token"))

    parser = approvable(acting(sub, "reverse", "help_reverse", reverse))
    parser.add_argument("seq", type=number(1))
    parser.add_argument("--reason", required=True)


def redeem(args, out) -> int:
    items = [redemption.CartItem(code, qty) for code, qty, _ in map(item_spec, args.item)]
    with database(args) as db:
        result = redemption.redeem(db, actor(args, db), args.card, items, approval(args), token=args.token)
        if result.repeated:  # a retried command: that sale was made, and its receipt went its way
            out.show(plain(result), out.t("redeemed_already", seq=result.seq, token=args.token))
            return 0
        receipt_note = _print_after_sale(db, result.seq, out)
    out.show(plain(result), [out.t("redeemed_line", seq=result.seq, head=result.head_name, card=result.card_number)] +
             [out.t("redeemed_item", name=line.name, quantity=line.quantity, points=line.points)
              for line in result.lines] +
             [out.t("redeemed_total", total=result.total_points, before=result.balance_before,
                    after=result.balance_after)] +
             ([receipt_note] if receipt_note else []))
    return 0


def _print_after_sale(db, seq: int, out) -> str:
    """The sale is committed; now try the receipt. A fault is reported, never undoes the sale."""
    from pos.receipts import printer as receipt_printer

    outcome = receipt_printer.print_after_sale(db, this_pc(out).printer, seq)
    if outcome.state == ReceiptState.FAULT:
        print(outcome.message(out.lang), file=sys.stderr)  # said once, on the error stream; the sale stands
        return ""
    return outcome.message(out.lang)


def reverse(args, out) -> int:
    with database(args) as db:
        result = reversal.reverse(db, actor(args, db), args.seq, args.reason, approval(args))
    out.show(plain(result), out.t("reversed", original=result.original_seq, seq=result.seq,
                                  approver=result.approver))
    return 0
