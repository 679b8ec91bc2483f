"""aixin card (issue, replace, recover) and aixin balance: the households' point cards."""

from __future__ import annotations

from pos.cli.common import acting, actor, approvable, approval, call, database, group, later, number, plain, said
from pos.vocabulary import CardStatus

cards = later("pos.cards")


def register(sub) -> None:
    card = group(sub, "card", "help_card")
    parser = acting(card, "issue", "help_card_issue", card_issue)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--household", type=number())
    target.add_argument("--all", action="store_true", help=said("help_card_issue_all"))
    parser = acting(card, "replace", "help_card_replace", card_replace)
    parser.add_argument("card")
    parser.add_argument("--reason", default="", help=said("help_card_reason"))
    parser = approvable(acting(card, "recover", "help_card_recover", card_recover))
    parser.add_argument("card")
    parser.add_argument("--reason", default="", help=said("help_card_reason"))

    parser = acting(sub, "balance", "help_balance", balance)
    parser.add_argument("card")


def _card_lines(views, out) -> list[str]:
    t = out.t
    return [t("card_line", number=c.number, head=c.head_name, balance=c.balance)
            + (t("card_replaces", old=c.replaces) if c.replaces else "") for c in views]


def card_issue(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        views = cards.issue_missing(db, me) if args.all else [cards.issue(db, me, args.household)]
    out.show(plain(views), _card_lines(views, out) or [out.t("cards_none_needed")])
    return 0


def card_replace(args, out) -> int:
    view = call(args, cards.replace, args.card, args.reason)
    out.show(plain(view), _card_lines([view], out))
    return 0


def card_recover(args, out) -> int:
    with database(args) as db:
        view = cards.recover(db, actor(args, db), args.card, args.reason, approval(args))
    out.show(plain(view), out.t("card_taken_back", number=view.number, head=view.head_name))
    return 0


def balance(args, out) -> int:
    view = call(args, cards.balance, args.card, create=False)
    out.show(plain(view), out.t("balance_line", number=view.number, head=view.head_name, balance=view.balance,
                                status=CardStatus(view.status)))
    return 0
