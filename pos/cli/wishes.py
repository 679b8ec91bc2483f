"""aixin wish: the wish wall and the echo wall from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pos import messages
from pos import vocabulary as choices
from pos.cli.common import (
    acting, actor, call, database, group, item_spec, later, output_file, parse_date, plain, said, writing,
)
from pos.errors import ShopError
from pos.vocabulary import WishChange, WishStatus

stock, wishes, wishwall = later("pos.stock"), later("pos.wishes"), later("printing.wishwall")
pdffont = later("printing.pdffont")


def register(sub) -> None:
    wall = group(sub, "wish", "help_wish")

    parser = acting(wall, "add", "help_wish_add", wish_add)
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--household", type=int, help=said("help_wish_add_household"))
    who.add_argument("--card", help=said("help_wish_add_card"))
    parser.add_argument("--text", required=True, help=said("help_wish_add_text"))
    parser.add_argument("--category", required=True, choices=choices.WISH_CATEGORIES)
    parser.add_argument("--member", default="", help=said("help_wish_add_member"))
    parser.add_argument("--value-fen", type=int, default=0, help=said("help_wish_add_value_fen"))
    parser.add_argument("--show-name", action="store_true", help=said("help_wish_add_show_name"))
    parser.add_argument("--date", help=said("help_wish_add_date"))

    parser = acting(wall, "list", "help_wish_list", wish_list)
    parser.add_argument("--status", choices=[s.value for s in choices.WishStatus])
    parser.add_argument("--household", type=int)

    parser = acting(wall, "show", "help_wish_show", wish_show)
    parser.add_argument("id", type=int)

    parser = acting(wall, "claim", "help_wish_claim", wish_claim)
    parser.add_argument("id", type=int)
    parser.add_argument("--donor", required=True, help=said("help_wish_claim_donor"))
    parser.add_argument("--donor-type", required=True, choices=choices.WISH_DONOR_TYPES)
    parser.add_argument("--contact", required=True, help=said("help_wish_claim_contact"))

    parser = acting(wall, "deliver", "help_wish_deliver", wish_deliver)
    parser.add_argument("id", type=int)
    parser.add_argument("--handed-by", required=True, help=said("help_wish_deliver_handed_by"))
    parser.add_argument("--note", default="")
    parser.add_argument("--date", help=said("help_wish_deliver_date"))
    parser.add_argument("--into-stock", metavar="CODE[:QTY[:VALUE_FEN]]", help=said("help_wish_deliver_into_stock"))

    parser = acting(wall, "thank", "help_wish_thank", wish_thank)
    parser.add_argument("id", type=int)
    parser.add_argument("--echo", required=True, help=said("help_wish_thank_echo"))

    parser = acting(wall, "withdraw", "help_wish_withdraw", wish_withdraw)
    parser.add_argument("id", type=int)
    parser.add_argument("--reason", required=True)

    parser = acting(wall, "wall", "help_wish_wall", wish_wall)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--paper", choices=sorted(choices.WALL_PAPERS), default="A4")

    parser = acting(wall, "echo", "help_wish_echo", wish_echo)
    parser.add_argument("--month", required=True, help=said("help_wish_echo_month"))


def _lines(rows: list, out) -> list[str]:
    return [out.t("wish_line", id=w.id, status=WishStatus(w.status), group=w.group, head=w.head_name,
                  category=messages.stored(w.category, out.lang), text=w.text)
            + (out.t("wish_line_donor", donor=w.donor) if w.donor else "") for w in rows]


def wish_add(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        household = args.household if args.card is None else wishes.household_of_card(db, me, args.card)
        made = wishes.add(db, me, household, args.text, args.category, member=args.member,
                          value_fen=args.value_fen, show_name=args.show_name,
                          written_on=parse_date(args.date))
    out.show(plain(made), _lines([made], out))
    return 0


def wish_list(args, out) -> int:
    rows = call(args, wishes.wishes, args.status, args.household)
    out.show(plain(rows), _lines(rows, out) or [out.t("wishes_none")])
    return 0


def wish_show(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        view = wishes.get(db, me, args.id)
        events = wishes.history(db, me, args.id)
    out.show({**plain(view), "history": plain(events)},
             _lines([view], out) + [out.t("wish_event_line", at=f"{e.at:%Y-%m-%d %H:%M}", kind=WishChange(e.kind),
                                          operator=e.operator) for e in events])
    return 0


def wish_claim(args, out) -> int:
    view = call(args, wishes.claim, args.id, args.donor, args.donor_type, args.contact)
    out.show(plain(view), _lines([view], out))
    return 0


def wish_deliver(args, out) -> int:
    line = None
    if args.into_stock:
        code, quantity, value = item_spec(args.into_stock)
        line = stock.IntakeLine(code, quantity, value)
    with database(args) as db:
        view = wishes.deliver(db, actor(args, db), args.id, args.handed_by, args.note,
                              delivered_on=parse_date(args.date), into_stock=line)
    note = (out.t("wish_into_stock", donor=view.donor, intake=view.intake_id) if view.intake_id
            else out.t("wish_to_household"))
    out.show(plain(view), _lines([view], out) + [note])
    return 0


def wish_thank(args, out) -> int:
    view = call(args, wishes.thank, args.id, args.echo)
    out.show(plain(view), _lines([view], out) + [out.t("wish_echo_line", echo=view.echo)])
    return 0


def wish_withdraw(args, out) -> int:
    view = call(args, wishes.withdraw, args.id, args.reason)
    out.show(plain(view), _lines([view], out))
    return 0


def wish_wall(args, out) -> int:
    output_file(args, args.out)
    wall = call(args, wishes.wall_sheet, lang=out.lang)
    shop, cards = wall.shop, wall.cards
    with writing(args.out) as target:
        pages = wishwall.render(cards, target, shop=shop, words=wall.words, paper=args.paper)
    out.show({"ok": True, "out": str(args.out), "wishes": len(cards), "pages": pages,
              "paper": args.paper, "font": pdffont.cjk_font().source, "font_embedded": pdffont.cjk_font().embedded},
             out.t("wall_written", out=args.out, count=len(cards), paper=args.paper, pages=pages))
    return 0


def _month(text: str) -> tuple[int, int]:
    try:
        day = date.fromisoformat(f"{text}-01")
    except ValueError:
        raise ShopError("date_bad", value=text) from None
    return day.year, day.month


def wish_echo(args, out) -> int:
    year, month = _month(args.month)
    rows = call(args, wishes.fulfilled_in_month, year, month)
    out.show(plain(rows), [out.t("echo_line", on=e.delivered_on, group=e.group, name=e.public_name, text=e.text,
                                 donor_type=messages.donor_type(e.donor_key, out.lang) if e.donor_key else e.donor_type,
                                 donor=e.donor) + (out.t("echo_line_echo", echo=e.echo) if e.echo else "")
                           for e in rows] or [out.t("echo_none")])
    return 0
