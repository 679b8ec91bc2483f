"""The shop's subcommands: users, households, cards, rules, points, goods, stock, redemption."""

from __future__ import annotations

import sys
from pathlib import Path

from pos import vocabulary
from pos.cli import books
from pos.cli.common import (
    _goods_lines, _secret, acting, actor, add, approvable, approval, database, group, item_spec, later,
    number, parse_date, plain, read_input,
)
from pos.errors import ShopError
from pos.station import settings
from pos.vocabulary import Role

awards, cards, goods, households, hygiene, printqueue, redemption, reversal, rules, service, stock, users, village = (
    later(f"pos.{name}") for name in ("awards", "cards", "goods", "households", "hygiene", "receipts.queue",
                                      "redemption", "reversal", "rules", "service", "stock", "users", "village"))


def register(sub) -> None:
    parser = add(sub, "init", "创建或升级数据库；给出 --village 时设置新村 / create or upgrade the "
                 "database; with --village, set up a new village", init)
    parser.add_argument("--village", help="村名")
    parser.add_argument("--groups", default="", help="村民小组，用逗号分开")
    parser.add_argument("--admin", help="第一位管理员的用户名（密码取自 AIXIN_PASSWORD）")
    parser.add_argument("--admin-name", default="", help="管理员姓名")
    parser.add_argument("--supervisor", help="第一位监督员的用户名（由本人输入密码，或取自 "
                        "AIXIN_SUPERVISOR_PASSWORD）/ the first supervisor, who types their own password")
    parser.add_argument("--supervisor-name", default="", help="监督员姓名")
    parser.add_argument("--base-points", type=number(), default=vocabulary.BASE_POINTS)
    parser.add_argument("--point-value-fen", type=number(), default=vocabulary.POINT_VALUE_FEN)

    people = group(sub, "user", "用户 / users")
    parser = approvable(acting(people, "add", "添加用户；监督员需另一位监督员审批 / add a user "
                               "(password from AIXIN_NEW_PASSWORD; a supervisor needs --approver)", user_add))
    parser.add_argument("username")
    parser.add_argument("--role", choices=[r.value for r in Role], required=True)
    parser.add_argument("--name", default="")
    acting(people, "list", "用户列表 / list users", user_list)
    parser = acting(people, "unlock", "解锁用户 / unlock a user", user_unlock)
    parser.add_argument("username")
    parser = approvable(acting(people, "role", "更改角色；改为监督员需审批 / change a user's role", user_role))
    parser.add_argument("username")
    parser.add_argument("--role", choices=[r.value for r in Role], required=True)
    parser = acting(people, "deactivate", "停用用户 / deactivate a user", user_deactivate)
    parser.add_argument("username")
    parser = approvable(acting(people, "password", "重置他人密码（新密码取自 AIXIN_NEW_PASSWORD；监督员的需审批）"
                               " / reset another user's password", user_password))
    parser.add_argument("username")

    homes = group(sub, "household", "农户 / households")
    parser = acting(homes, "import", "从 CSV 导入（全部成功或全部不导入）/ import a CSV, all or nothing", household_import)
    parser.add_argument("file", type=Path)
    parser = acting(homes, "list", "农户列表与查找 / list and search households", household_list)
    parser.add_argument("--search", default="", help="姓名、拼音首字母（zs）或卡号")
    parser.add_argument("--group")
    parser.add_argument("--all", action="store_true", help="包括已迁出的户")
    parser = acting(homes, "add", "添加一户 / add a household", household_add)
    parser.add_argument("--head", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--people", type=number(), required=True)
    parser.add_argument("--phone", default="")

    card = group(sub, "card", "积分卡 / point cards")
    parser = acting(card, "issue", "发卡（含基础积分）/ issue cards with base points", card_issue)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--household", type=number())
    target.add_argument("--all", action="store_true", help="给所有还没有卡的户发卡")
    parser = acting(card, "replace", "挂失补卡 / replace a lost card", card_replace)
    parser.add_argument("card")
    parser.add_argument("--reason", default="挂失补卡")
    parser = acting(card, "recover", "回收积分卡（迁出）/ take a card back", card_recover)
    parser.add_argument("card")
    parser.add_argument("--reason", default="迁出，回收积分卡")

    acting(sub, "rule", "积分细则 / point rules", rule_list)

    parser = acting(sub, "award", "加分（可多户）/ award points (one or many households)", award)
    parser.add_argument("--rule", required=True)
    parser.add_argument("--household", type=number(), nargs="*", default=[])
    parser.add_argument("--card", nargs="*", default=[])
    parser.add_argument("--points", type=number())
    parser.add_argument("--note", default="")
    parser.add_argument("--date", help="事迹日期 YYYY-MM-DD")

    parser = approvable(acting(sub, "deduct", "扣分 / deduct points", deduct))
    parser.add_argument("--rule", required=True)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--household", type=number())
    target.add_argument("--card")
    parser.add_argument("--points", type=number())
    parser.add_argument("--note", default="")
    parser.add_argument("--date")

    parser = acting(sub, "hygiene", "录入一次卫生检查（CSV）/ a hygiene round from a CSV", hygiene_round)
    parser.add_argument("file", type=Path)
    parser.add_argument("--date", required=True)
    parser.add_argument("--inspectors", required=True)

    shelf = group(sub, "goods", "商品 / goods")
    parser = acting(shelf, "add", "添加商品 / add goods", goods_add)
    parser.add_argument("--name", required=True)
    parser.add_argument("--zone", required=True, choices=vocabulary.ZONES)
    parser.add_argument("--price", type=number(), required=True, help="兑换所需积分")
    parser.add_argument("--value-fen", type=number(), required=True, help="参考价值（分）")
    parser.add_argument("--unit", default="件")
    parser.add_argument("--code", help="条码；不填则生成店内码")
    parser = acting(shelf, "list", "商品列表 / list goods", goods_list)
    parser.add_argument("--zone", choices=vocabulary.ZONES)
    parser.add_argument("--search", default="")

    store = group(sub, "stock", "库存 / stock")
    parser = acting(store, "in", "入库：捐赠或采购 / stock intake", stock_in)
    parser.add_argument("--item", nargs="+", required=True, metavar="CODE:QTY[:VALUE_FEN]")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--donor")
    source.add_argument("--funding", choices=vocabulary.FUNDING)
    parser.add_argument("--donor-type", choices=vocabulary.DONOR_TYPES, default="other")
    parser.add_argument("--date")
    parser.add_argument("--note", default="")
    parser = approvable(acting(store, "count", "盘点 / stock count", stock_count))
    parser.add_argument("--item", nargs="+", required=True, metavar="CODE:COUNTED")
    parser.add_argument("--reason", default="")
    parser = acting(store, "donations", "捐赠登记 / donation register", stock_donations)
    parser.add_argument("--from", dest="start")
    parser.add_argument("--to", dest="end")

    parser = approvable(acting(sub, "redeem", "兑换商品 / redeem goods for points", redeem))
    parser.add_argument("--card", required=True)
    parser.add_argument("--item", nargs="+", required=True, metavar="CODE[:QTY]")

    parser = approvable(acting(sub, "reverse", "冲正（需监督员审批）/ reverse a transaction", reverse))
    parser.add_argument("seq", type=number(1))
    parser.add_argument("--reason", required=True)

    parser = acting(sub, "balance", "查询积分卡余额 / a card's balance", balance)
    parser.add_argument("card")


def init(args, out) -> int:
    if not args.village:
        return books.init(args, out)
    if not args.admin or not args.groups:
        raise ShopError("init_needs")
    admin_password = _secret("AIXIN_PASSWORD", "管理员密码: ")
    supervisor_password = (_secret("AIXIN_SUPERVISOR_PASSWORD", f"监督员 {args.supervisor} 本人输入密码: ")
                           if args.supervisor else None)
    with database(args) as db:
        admin = village.initialise(
            db, name=args.village, groups=args.groups.replace("，", ",").split(","),
            admin_username=args.admin, admin_name=args.admin_name or args.admin,
            admin_password=admin_password, supervisor_username=args.supervisor,
            supervisor_name=args.supervisor_name or args.supervisor or "",
            supervisor_password=supervisor_password,
            base_points=args.base_points, point_value_fen=args.point_value_fen)
        settings = village.settings(db)
        key = _village_key(db)
    supervisor = f"，监督员 {args.supervisor}" if args.supervisor else ""
    out.show({"ok": True, "village": plain(settings), "admin": admin.username,
              "supervisor": args.supervisor, "key_fingerprint": key.fingerprint},
             [f"已设置 {settings.name}（{'、'.join(settings.groups)}），管理员 {admin.username}{supervisor}"
              if out.lang != "en" else f"Set up {settings.name}, administrator {admin.username}",
              out.t("county_key_line", fingerprint=key.fingerprint, algorithm=key.algorithm)])
    return 0


def _village_key(db):
    """The village's signing key for the county, made at set-up so its fingerprint is on record."""
    from pos.county import signing

    with db.read() as session:
        return signing.village_key(village.village_id(session))


def user_add(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        password = _secret("AIXIN_NEW_PASSWORD", f"{args.username} 的新密码: ")
        with service.transaction(db) as session:
            new = users.add_user(session, me, args.username, args.name, Role(args.role), password,
                                 approval(args))
    out.show(plain(new), out.t("user_added", username=new.username, role=out.t(f"role_{new.role.value}")))
    return 0


def _user_line(view, out) -> str:
    state = "" if view.active else ("（已停用）" if out.lang != "en" else " (deactivated)")
    return f"{view.username}\t{view.display_name}\t{out.t(f'role_{Role(view.role).value}')}{state}"


def user_role(args, out) -> int:
    with database(args) as db:
        view = users.set_role(db, actor(args, db), args.username, Role(args.role), approval(args))
    out.show(plain(view), _user_line(view, out))
    return 0


def user_deactivate(args, out) -> int:
    with database(args) as db:
        view = users.deactivate(db, actor(args, db), args.username)
    out.show(plain(view), _user_line(view, out))
    return 0


def user_password(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        view = users.reset_password(db, me, args.username,
                                    _secret("AIXIN_NEW_PASSWORD", f"{args.username} 的新密码: "),
                                    approval(args))
    out.show(plain(view), f"已重置 {view.username} 的密码" if out.lang != "en"
             else f"Password of {view.username} reset")
    return 0


def user_list(args, out) -> int:
    with database(args, create=False) as db:
        rows = users.list_users(db, actor(args, db))
    out.show(plain(rows), [f"{u.username}\t{u.display_name}\t{out.t(f'role_{u.role.value}')}"
                           + (f"\t{out.t('user_locked')}" if u.locked else "") for u in rows])
    return 0


def user_unlock(args, out) -> int:
    with database(args) as db:
        users.unlock(db, actor(args, db), args.username)
    out.show({"ok": True}, out.t("user_unlocked", username=args.username))
    return 0


def _household_lines(rows, out) -> list[str]:
    t = out.t
    return [t("household_line", id=h.id, head=h.head_name, group=h.group, people=h.people,
              card=h.card_number or t("household_no_card_short"), balance=h.balance)
            + (t("household_moved_short") if h.status != "active" else "") for h in rows]


def household_import(args, out) -> int:
    with database(args) as db:
        created = households.import_csv(db, actor(args, db), read_input(args.file))
    out.show({"ok": True, "imported": len(created), "households": plain(created)},
             f"已导入 {len(created)} 户。" if out.lang != "en" else f"Imported {len(created)} households.")
    return 0


def household_list(args, out) -> int:
    with database(args, create=False) as db:
        rows = households.search(db, actor(args, db), args.search, args.group, args.all, limit=10_000)
    out.show(plain(rows), _household_lines(rows, out))
    return 0


def household_add(args, out) -> int:
    with database(args) as db:
        made = households.add(db, actor(args, db), args.head, args.group, args.people, args.phone)
    out.show(plain(made), _household_lines([made], out))
    return 0


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
    with database(args) as db:
        view = cards.replace(db, actor(args, db), args.card, args.reason)
    out.show(plain(view), _card_lines([view], out))
    return 0


def card_recover(args, out) -> int:
    with database(args) as db:
        view = cards.recover(db, actor(args, db), args.card, args.reason)
    out.show(plain(view), out.t("card_taken_back", number=view.number, head=view.head_name))
    return 0


def rule_list(args, out) -> int:
    with database(args, create=False) as db:
        rows = rules.list_rules(db, actor(args, db))
    out.show(plain(rows), [f"{r.code}\t{r.category}\t{r.name}\t{r.points_text}" for r in rows])
    return 0


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


def goods_add(args, out) -> int:
    with database(args) as db:
        made = goods.add(db, actor(args, db), args.name, args.zone, args.price, args.value_fen,
                         args.unit, args.code)
    out.show(plain(made), _goods_lines([made], out))
    return 0


def goods_list(args, out) -> int:
    with database(args, create=False) as db:
        rows = goods.search(db, actor(args, db), args.search, args.zone)
    out.show(plain(rows), _goods_lines(rows, out))
    return 0


def stock_in(args, out) -> int:
    lines = [stock.IntakeLine(*item_spec(spec)) for spec in args.item]
    with database(args) as db:
        result = stock.intake(
            db, actor(args, db), lines, source=stock.DONATION if args.donor else stock.PURCHASE,
            donor=args.donor or "", donor_type=args.donor_type if args.donor else "",
            funding=args.funding or "", received_on=parse_date(args.date), note=args.note)
    out.show(plain(result), [out.t("intake_line", id=result.intake_id, source=result.donor or out.t("purchase"))] +
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


def redeem(args, out) -> int:
    items = [redemption.CartItem(code, qty) for code, qty, _ in map(item_spec, args.item)]
    with database(args) as db:
        result = redemption.redeem(db, actor(args, db), args.card, items, approval(args))
        receipt_note = _print_after_sale(db, result.seq, out)
    out.show(plain(result), [f"兑换成功，第 {result.seq} 笔：{result.head_name}（{result.card_number}）"] +
             [f"  {line.name} × {line.quantity} = {line.points} 分" for line in result.lines] +
             [f"合计 {result.total_points} 分；余额 {result.balance_before} → {result.balance_after} 分"] +
             ([receipt_note] if receipt_note else []))
    return 0


def _print_after_sale(db, seq: int, out) -> str:
    """The sale is committed; now try the receipt. A fault is reported, never undoes the sale."""
    from pos.receipts import printer as receipt_printer

    outcome = receipt_printer.print_after_sale(db, settings.load().printer, seq)
    if outcome.state == receipt_printer.FAULT:
        print(outcome.message(out.lang), file=sys.stderr)  # said once, on the error stream; the sale stands
        return ""
    return outcome.message(out.lang)


def reverse(args, out) -> int:
    with database(args) as db:
        result = reversal.reverse(db, actor(args, db), args.seq, args.reason, approval(args))
    out.show(plain(result), out.t("reversed", original=result.original_seq, seq=result.seq,
                                  approver=result.approver))
    return 0


def balance(args, out) -> int:
    with database(args, create=False) as db:
        view = cards.balance(db, actor(args, db), args.card)
    out.show(plain(view), out.t("balance_line", number=view.number, head=view.head_name, balance=view.balance,
                                status=out.t(f"card_status_{view.status}")))
    return 0
