"""aixin award, deduct and hygiene: points earned and lost by the village's rules."""

from __future__ import annotations

from pathlib import Path

from pos.cli.common import (
    acting, actor, approvable, approval, database, later, number, parse_date, plain, read_input, said,
)
from pos.errors import ShopError

awards, cards, hygiene = later("pos.awards"), later("pos.cards"), later("pos.hygiene")


def register(sub) -> None:
    parser = acting(sub, "award", "help_award", award)
    parser.add_argument("--rule", required=True)
    parser.add_argument("--household", type=number(), nargs="*", default=[])
    parser.add_argument("--card", nargs="*", default=[])
    parser.add_argument("--points", type=number())
    parser.add_argument("--note", default="")
    parser.add_argument("--date", help=said("help_deed_date"))

    parser = approvable(acting(sub, "deduct", "help_deduct", deduct))
    parser.add_argument("--rule", required=True)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--household", type=number())
    target.add_argument("--card")
    parser.add_argument("--points", type=number())
    parser.add_argument("--note", default="")
    parser.add_argument("--date")

    parser = acting(sub, "hygiene", "help_hygiene", hygiene_round)
    parser.add_argument("file", type=Path)
    parser.add_argument("--date", required=True)
    parser.add_argument("--inspectors", required=True)


def _households_for(db, me, ids, card_numbers) -> list[int]:
    found = list(ids)
    for card_number in card_numbers:
        found.append(cards.household_by_card(db, me, card_number))
    if not found:
        raise ShopError("batch_empty")
    return found


def _award_text(result, out) -> list[str]:
    t = out.t
    lines = [t("award_line", seq=result.seq, code=result.rule_code, name=result.rule_name,
               points=f"{result.points:+d}", count=len(result.households))]
    lines += [t("award_balance", head=head, balance=balance) for _, head, balance in result.households]
    return lines


def award(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        result = awards.batch_award(db, me, _households_for(db, me, args.household, args.card),
                                    args.rule, args.points, args.note, parse_date(args.date))
    out.show(plain(result), _award_text(result, out))
    return 0


def deduct(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        household = args.household or _households_for(db, me, [], [args.card])[0]
        result = awards.deduct(db, me, household, args.rule, args.points, args.note,
                               parse_date(args.date), approval(args))
    out.show(plain(result), _award_text(result, out))
    return 0


def hygiene_round(args, out) -> int:
    with database(args) as db:
        result = hygiene.from_csv(db, actor(args, db), read_input(args.file),
                                  parse_date(args.date), args.inspectors)
    out.show(plain(result), out.t("round_done", date=result.held_on, households=result.households,
                                  points=result.points, full=result.full_marks, seq=result.seq))
    return 0
