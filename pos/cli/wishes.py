"""aixin wish: the wish wall and the echo wall from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pos import vocabulary as choices
from pos.cli.common import database, group, later
from pos.cli.common import acting, actor, item_spec, parse_date, plain
from pos.errors import ShopError

stock, wishes, wishwall = later("pos.stock"), later("pos.wishes"), later("printing.wishwall")


def cjk_font():
    from printing.pdffont import cjk_font as font

    return font()


def register(sub) -> None:
    wall = group(sub, "wish", "心愿墙与回音墙 / the wish wall and the echo wall")

    parser = acting(wall, "add", "写一个心愿（管理员）/ write a villager's wish", wish_add)
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--household", type=int, help="户编号")
    who.add_argument("--card", help="扫描或输入积分卡号")
    parser.add_argument("--text", required=True, help="心愿内容（村民的原话）")
    parser.add_argument("--category", required=True, choices=choices.WISH_CATEGORIES)
    parser.add_argument("--member", default="", help="为哪位家庭成员（可不填）")
    parser.add_argument("--value-fen", type=int, default=0, help="估价（分）")
    parser.add_argument("--show-name", action="store_true", help="村民同意公开姓名")
    parser.add_argument("--date", help="写下心愿的日期 YYYY-MM-DD（默认今天）")

    parser = acting(wall, "list", "心愿列表 / list wishes", wish_list)
    parser.add_argument("--status", choices=[s.value for s in choices.WishStatus])
    parser.add_argument("--household", type=int)

    parser = acting(wall, "show", "一个心愿及其全部记录 / one wish and its history", wish_show)
    parser.add_argument("id", type=int)

    parser = acting(wall, "claim", "认领心愿（监督员）/ a donor claims a wish", wish_claim)
    parser.add_argument("id", type=int)
    parser.add_argument("--donor", required=True, help="爱心企业、单位或个人的名称")
    parser.add_argument("--donor-type", required=True, choices=choices.WISH_DONOR_TYPES)
    parser.add_argument("--contact", required=True, help="联系人及电话")

    parser = acting(wall, "deliver", "心愿已送达（监督员）/ the gift was delivered", wish_deliver)
    parser.add_argument("id", type=int)
    parser.add_argument("--handed-by", required=True, help="交付人")
    parser.add_argument("--note", default="")
    parser.add_argument("--date", help="送达日期 YYYY-MM-DD（默认今天）")
    parser.add_argument("--into-stock", metavar="CODE[:QTY[:VALUE_FEN]]",
                        help="作为捐赠入库（不填则直接交给农户）")

    parser = acting(wall, "thank", "回音：村民的感谢（监督员）/ the echo", wish_thank)
    parser.add_argument("id", type=int)
    parser.add_argument("--echo", required=True, help="回音内容")

    parser = acting(wall, "withdraw", "撤回心愿（监督员）/ withdraw a wish", wish_withdraw)
    parser.add_argument("id", type=int)
    parser.add_argument("--reason", required=True)

    parser = acting(wall, "wall", "打印心愿墙 PDF（待认领的心愿）/ the printable wall", wish_wall)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--paper", choices=sorted(choices.WALL_PAPERS), default="A4")

    parser = acting(wall, "echo", "回音墙：某月实现的心愿 / wishes fulfilled in a month", wish_echo)
    parser.add_argument("--month", required=True, help="YYYY-MM")


def _lines(rows: list) -> list[str]:
    lines = []
    for w in rows:
        line = f"#{w.id}\t{w.status_name}\t{w.group} {w.head_name}\t{w.category}\t{w.text}"
        if w.donor:
            line += f"\t认领：{w.donor}"
        lines.append(line)
    return lines


def wish_add(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        household = args.household if args.card is None else wishes.household_of_card(db, me, args.card)
        made = wishes.add(db, me, household, args.text, args.category, member=args.member,
                          value_fen=args.value_fen, show_name=args.show_name,
                          written_on=parse_date(args.date))
    out.show(plain(made), _lines([made]))
    return 0


def wish_list(args, out) -> int:
    with database(args) as db:
        rows = wishes.wishes(db, actor(args, db), args.status, args.household)
    out.show(plain(rows), _lines(rows) or ["没有心愿。" if out.lang != "en" else "No wishes."])
    return 0


def wish_show(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        view = wishes.get(db, me, args.id)
        events = wishes.history(db, me, args.id)
    out.show({**plain(view), "history": plain(events)},
             _lines([view]) + [f"  {e.at:%Y-%m-%d %H:%M}\t{e.kind}\t{e.operator}" for e in events])
    return 0


def wish_claim(args, out) -> int:
    with database(args) as db:
        view = wishes.claim(db, actor(args, db), args.id, args.donor, args.donor_type, args.contact)
    out.show(plain(view), _lines([view]))
    return 0


def wish_deliver(args, out) -> int:
    line = None
    if args.into_stock:
        code, quantity, value = item_spec(args.into_stock)
        line = stock.IntakeLine(code, quantity, value)
    with database(args) as db:
        view = wishes.deliver(db, actor(args, db), args.id, args.handed_by, args.note,
                              delivered_on=parse_date(args.date), into_stock=line)
    note = (f"已作为 {view.donor} 的捐赠入库（入库单 {view.intake_id}）" if view.intake_id
            else "已直接交给农户")
    out.show(plain(view), _lines([view]) + [note])
    return 0


def wish_thank(args, out) -> int:
    with database(args) as db:
        view = wishes.thank(db, actor(args, db), args.id, args.echo)
    out.show(plain(view), _lines([view]) + [f"回音：{view.echo}"])
    return 0


def wish_withdraw(args, out) -> int:
    with database(args) as db:
        view = wishes.withdraw(db, actor(args, db), args.id, args.reason)
    out.show(plain(view), _lines([view]))
    return 0


def wish_wall(args, out) -> int:
    with database(args) as db:
        shop, cards = wishes.wall_cards(db, actor(args, db))
    pages = wishwall.render(cards, args.out, shop=shop, paper=args.paper)
    out.show({"ok": True, "out": str(args.out), "wishes": len(cards), "pages": pages,
              "paper": args.paper, "font": cjk_font().source, "font_embedded": cjk_font().embedded},
             f"已生成 {args.out}：{len(cards)} 个待认领心愿，{args.paper} {pages} 页" if out.lang != "en"
             else f"Wrote {args.out}: {len(cards)} open wishes, {args.paper}, {pages} pages")
    return 0


def _month(text: str) -> tuple[int, int]:
    try:
        day = date.fromisoformat(f"{text}-01")
    except ValueError:
        raise ShopError("date_bad", value=text) from None
    return day.year, day.month


def wish_echo(args, out) -> int:
    year, month = _month(args.month)
    with database(args) as db:
        rows = wishes.fulfilled_in_month(db, actor(args, db), year, month)
    out.show(plain(rows), [f"{e.delivered_on}\t{e.group} {e.public_name}\t{e.text}\t"
                           f"{e.donor_type} {e.donor}" + (f"\t回音：{e.echo}" if e.echo else "")
                           for e in rows] or ["本月没有实现的心愿。"])
    return 0
