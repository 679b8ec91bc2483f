"""aixin goods (add, list, edit): what is on the shelves."""

from __future__ import annotations

from pos import messages, vocabulary
from pos.cli.common import acting, actor, approvable, approval, call, database, group, later, number, plain, said

goods = later("pos.goods")


def register(sub) -> None:
    shelf = group(sub, "goods", "help_goods")
    parser = acting(shelf, "add", "help_goods_add", goods_add)
    parser.add_argument("--name", required=True)
    parser.add_argument("--zone", required=True, choices=vocabulary.ZONES)
    parser.add_argument("--price", type=number(), required=True, help=said("help_goods_price"))
    parser.add_argument("--value-fen", type=number(), required=True, help=said("help_goods_value_fen"))
    parser.add_argument("--unit", default="件")
    parser.add_argument("--code", help=said("help_goods_add_code"))
    parser = acting(shelf, "list", "help_goods_list", goods_list)
    parser.add_argument("--zone", choices=vocabulary.ZONES)
    parser.add_argument("--search", default="")
    parser = approvable(acting(shelf, "edit", "help_goods_edit", goods_edit))
    parser.add_argument("code")
    parser.add_argument("--name")
    parser.add_argument("--zone", choices=vocabulary.ZONES)
    parser.add_argument("--price", type=number(1, 100_000), help=said("help_goods_price"))
    parser.add_argument("--value-fen", type=number(0, 100_000_000), help=said("help_goods_value_fen"))
    parser.add_argument("--unit")
    state = parser.add_mutually_exclusive_group()
    state.add_argument("--inactive", dest="active", action="store_false", default=None,
                       help=said("help_goods_edit_inactive"))
    state.add_argument("--active", dest="active", action="store_true", help=said("help_goods_edit_active"))


def goods_lines(rows, out) -> list[str]:
    return [out.t("goods_line", code=g.code, name=g.name, zone=messages.stored(g.zone, out.lang),
                  points=g.price_points, unit=g.unit, stock=g.stock) for g in rows]


def goods_add(args, out) -> int:
    made = call(args, goods.add, args.name, args.zone, args.price, args.value_fen, args.unit, args.code)
    out.show(plain(made), goods_lines([made], out))
    return 0


def goods_list(args, out) -> int:
    rows = call(args, goods.search, args.search, args.zone, create=False)
    out.show(plain(rows), goods_lines(rows, out))
    return 0


def goods_edit(args, out) -> int:
    changes = {field: value for field, value in (
        ("name", args.name), ("zone", args.zone), ("price_points", args.price),
        ("value_fen", args.value_fen), ("unit", args.unit), ("active", args.active)) if value is not None}
    with database(args) as db:
        changed = goods.change(db, actor(args, db), args.code, approval(args), **changes)
    out.show(plain(changed), goods_lines([changed], out))
    return 0
