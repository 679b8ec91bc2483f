"""aixin household (import, list, add) and aixin history: the village's households."""

from __future__ import annotations

from pathlib import Path

from pos.cli.common import acting, actor, call, database, entry_lines, group, later, number, plain, read_input, said
from pos.errors import ShopError
from pos.vocabulary import HouseholdStatus

cards, history, households = later("pos.cards"), later("pos.history"), later("pos.households")


def register(sub) -> None:
    homes = group(sub, "household", "help_household")
    parser = acting(homes, "import", "help_household_import", household_import)
    parser.add_argument("file", type=Path)
    parser = acting(homes, "list", "help_household_list", household_list)
    parser.add_argument("--search", default="", help=said("help_household_list_search"))
    parser.add_argument("--group")
    parser.add_argument("--all", action="store_true", help=said("help_household_list_all"))
    parser = acting(homes, "add", "help_household_add", household_add)
    parser.add_argument("--head", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--people", type=number(), required=True)
    parser.add_argument("--phone", default="")

    parser = acting(sub, "history", "help_history", household_history)
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--household", type=number(1))
    target.add_argument("--card")
    parser.add_argument("--limit", type=number(1, 10_000), default=200)


def _household_lines(rows, out) -> list[str]:
    t = out.t
    return [t("household_line", id=h.id, head=h.head_name, group=h.group, people=h.people,
              card=h.card_number or t("household_no_card_short"), balance=h.balance)
            + (t("household_moved_short") if h.status != HouseholdStatus.ACTIVE else "") for h in rows]


def household_import(args, out) -> int:
    with database(args) as db:
        created = households.import_csv(db, actor(args, db), read_input(args.file))
    out.show({"ok": True, "imported": len(created), "households": plain(created)},
             out.t("households_imported", count=len(created)))
    return 0


def household_list(args, out) -> int:
    rows = call(args, households.search, args.search, args.group, args.all, limit=10_000, create=False)
    out.show(plain(rows), _household_lines(rows, out))
    return 0


def household_add(args, out) -> int:
    made = call(args, households.add, args.head, args.group, args.people, args.phone)
    out.show(plain(made), _household_lines([made], out))
    return 0


def household_history(args, out) -> int:
    if not args.household and not args.card:
        raise ShopError("history_needs")
    with database(args) as db:
        me = actor(args, db)
        household_id = args.household
        if args.card:
            household_id = cards.balance(db, me, args.card).household_id
        entries = history.household(db, me, household_id, limit=args.limit)
    out.show(plain(entries), entry_lines(out, entries))
    return 0
