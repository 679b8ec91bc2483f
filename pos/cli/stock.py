"""aixin stock (in, count, donations, writeoff): goods coming in, counted and written off."""

from __future__ import annotations

from pos import vocabulary
from pos.cli.common import acting, actor, approvable, approval, database, group, item_spec, later, parse_date, plain
from pos.errors import ShopError
from pos.vocabulary import Source

stock = later("pos.stock")


def register(sub) -> None:
    store = group(sub, "stock", "help_stock")
    parser = acting(store, "in", "help_stock_in", stock_in)
    parser.add_argument("--item", nargs="+", required=True, metavar="CODE:QTY[:VALUE_FEN]")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--donor")
    source.add_argument("--funding", choices=vocabulary.FUNDING)
    parser.add_argument("--donor-type", choices=vocabulary.DONOR_TYPES, default="other")
    parser.add_argument("--date")
    parser.add_argument("--note", default="")
    parser = approvable(acting(store, "count", "help_stock_count", stock_count))
    parser.add_argument("--item", nargs="+", required=True, metavar="CODE:COUNTED")
    parser.add_argument("--reason", default="")
    parser = acting(store, "donations", "help_stock_donations", stock_donations)
    parser.add_argument("--from", dest="start")
    parser.add_argument("--to", dest="end")
    parser = approvable(acting(store, "writeoff", "help_stock_writeoff", stock_writeoff))
    parser.add_argument("--item", required=True, metavar="CODE:QTY")
    parser.add_argument("--reason", required=True)


def stock_in(args, out) -> int:
    lines = [stock.IntakeLine(*item_spec(spec)) for spec in args.item]
    with database(args) as db:
        result = stock.intake(
            db, actor(args, db), lines, source=Source.DONATION if args.donor else Source.PURCHASE,
            donor=args.donor or "", donor_type=args.donor_type if args.donor else "",
            funding=args.funding or "", received_on=parse_date(args.date), note=args.note)
    out.show(plain(result), [out.t("intake_line", id=result.intake_id, source=result.donor or Source.PURCHASE)] +
             [out.t("intake_item", name=name, quantity=qty, yuan=f"{value / 100:.2f}")
              for _, name, qty, value in result.lines])
    return 0


def stock_count(args, out) -> int:
    counted = {code: qty for code, qty, _ in (item_spec(spec, default_qty=None) for spec in args.item)}
    for code, qty in counted.items():
        if qty is None:
            raise ShopError("count_needs_quantity", code=code)
    with database(args) as db:
        result = stock.count(db, actor(args, db), counted, args.reason, approval(args))
    out.show(plain(result), [out.t("count_same")] if not result.differences else
             [out.t("count_line", name=name, expected=e, counted=a, difference=f"{a - e:+d}")
              for _, name, e, a in result.differences])
    return 0


def stock_donations(args, out) -> int:
    with database(args, create=False) as db:
        rows = stock.donation_register(db, actor(args, db), parse_date(args.start), parse_date(args.end))
    out.show(plain(rows), [out.t("donation_line", on=d.received_on, donor=d.donor, goods=d.goods,
                                 quantity=d.quantity, unit=d.unit, yuan=f"{d.value_fen / 100:.2f}") for d in rows])
    return 0


def stock_writeoff(args, out) -> int:
    code, quantity, _ = item_spec(args.item, default_qty=None)
    if quantity is None:
        raise ShopError("count_needs_quantity", code=code)
    with database(args) as db:
        result = stock.write_off(db, actor(args, db), code, quantity, args.reason, approval(args))
    out.show(plain(result), [out.t("writeoff_line", name=name, quantity=before - after, before=before, after=after)
                             for _, name, before, after in result.differences])
    return 0
