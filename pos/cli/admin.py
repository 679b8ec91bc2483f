"""Commands for running the shop from day to day: one's own password, villager groups,
point rules, goods, the village's settings, write-offs, and reading the history."""

from __future__ import annotations

from pos import vocabulary as choices
from pos.cli.common import group, later, number
from pos.cli.common import _secret, _goods_lines, acting, actor, approvable, item_spec, parse_date, plain
from pos.cli.common import database
from pos.errors import ShopError

goods, history, messages, rules, stock, users, village = (
    later(f"pos.{name}") for name in ("goods", "history", "messages", "rules", "stock", "users", "village"))

SETTINGS = {  # option: (field, type, Chinese title, English title)
    "name": ("name", str, "村名", "village"),
    "shop_name": ("shop_name", str, "超市名称", "shop name"),
    "opening_hours": ("opening_hours", str, "开放时间", "opening hours"),
    "base_points": ("base_points", int, "基础积分", "base points"),
    "point_value_fen": ("point_value_fen", int, "每分价值（分）", "value of a point (fen)"),
    "deduction_approval_above": ("deduction_approval_above", int, "扣分超过此数需审批", "deductions above this need approval"),
    "redemption_approval_above": ("redemption_approval_above", int, "兑换超过此数需审批", "redemptions above this need approval"),
}


def register(sub) -> None:
    parser = acting(sub.choices["user"].commands, "passwd",
                    "更改自己的密码（新密码取自 AIXIN_NEW_PASSWORD 或提示输入）/ change your own password", passwd)

    groups = group(sub, "group", "村民小组 / villager groups")
    parser = acting(groups, "add", "添加村民小组 / add a villager group", group_add)
    parser.add_argument("name")

    rule = sub.choices["rule"]
    inner = rule.add_subparsers(dest="rule_command", metavar="COMMAND")
    inner.common = sub.common
    parser = acting(inner, "list", "积分细则 / list point rules", rule_list)
    parser.add_argument("--all", action="store_true", help="包括已停用的")
    parser = acting(inner, "add", "添加或修改细则 / add or change a point rule", rule_add)
    parser.add_argument("code")
    parser.add_argument("--category", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--points", type=number(1, 1000), required=True, help="分值（范围时为最低）")
    parser.add_argument("--max", type=number(1, 1000), help="分值上限（可选）")
    parser.add_argument("--deduction", action="store_true", help="扣分细则")
    for name, active, text in (("deactivate", False, "停用细则 / stop using a rule"),
                               ("activate", True, "恢复使用细则 / use a rule again")):
        parser = acting(inner, name, text, rule_active)
        parser.add_argument("code")
        parser.set_defaults(active=active)

    parser = acting(sub.choices["goods"].commands, "edit", "修改商品 / edit goods", goods_edit)
    parser.add_argument("code")
    parser.add_argument("--name")
    parser.add_argument("--zone", choices=choices.ZONES)
    parser.add_argument("--price", type=number(1, 100_000), help="兑换所需积分")
    parser.add_argument("--value-fen", type=number(0, 100_000_000), help="参考价值（分）")
    parser.add_argument("--unit")
    state = parser.add_mutually_exclusive_group()
    state.add_argument("--inactive", dest="active", action="store_false", default=None, help="停止兑换")
    state.add_argument("--active", dest="active", action="store_true", help="恢复兑换")

    settings = group(sub, "village", "本村设置 / the village's settings")
    acting(settings, "show", "查看设置 / show the settings", village_show)
    parser = acting(settings, "set", "更改设置（门槛、开放时间等）/ change settings", village_set)
    for option, (_, kind, title, _) in SETTINGS.items():
        parser.add_argument(f"--{option.replace('_', '-')}", dest=option,
                            type=number() if kind is int else str, help=title)

    parser = approvable(acting(sub.choices["stock"].commands, "writeoff",
                               "报损（需监督员审批）/ write off damaged stock", stock_writeoff))
    parser.add_argument("--item", required=True, metavar="CODE:QTY")
    parser.add_argument("--reason", required=True)

    parser = acting(sub, "history", "一户的积分记录 / a household's history", household_history)
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--household", type=number(1))
    target.add_argument("--card")
    parser.add_argument("--limit", type=number(1, 10_000), default=200)

    parser = acting(sub.choices["ledger"].commands, "list",
                    "按日期、类型、操作员列出交易 / transactions by date, kind or operator", ledger_list)
    parser.add_argument("--from", dest="start", help="起始日期 YYYY-MM-DD")
    parser.add_argument("--to", dest="end", help="截止日期 YYYY-MM-DD")
    parser.add_argument("--kind", help="award, deduction, hygiene, redemption, reversal, card_issue ...")
    parser.add_argument("--operator", help="操作员用户名")
    parser.add_argument("--limit", type=number(1, 10_000), default=200)


def passwd(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        users.set_password(db, me, _secret("AIXIN_PASSWORD", f"{me.username} 的密码: "),
                           _secret("AIXIN_NEW_PASSWORD", f"{me.username} 的新密码: "))
    out.show({"ok": True, "username": me.username}, out.t("password_changed", username=me.username))
    return 0


def group_add(args, out) -> int:
    with database(args) as db:
        village.add_group(db, actor(args, db), args.name)
        groups = village.settings(db).groups
    out.show({"ok": True, "groups": list(groups)},
             out.t("group_added", group=args.name.strip(), groups="、".join(groups)))
    return 0


def _rule_lines(out, rows) -> list[str]:
    return [out.t("rule_saved", code=r.code, name=r.name, points=r.points_text,
                  state="" if r.active else out.t("rule_off")) for r in rows]


def rule_list(args, out) -> int:
    with database(args) as db:
        rows = rules.list_rules(db, actor(args, db), include_inactive=getattr(args, "all", False))
    out.show(plain(rows), [f"{r.code}\t{r.category}\t{r.name}\t{r.points_text}"
                           + ("" if r.active else out.t("rule_off")) for r in rows])
    return 0


def rule_add(args, out) -> int:
    with database(args) as db:
        saved = rules.save(db, actor(args, db), args.code, args.category, args.name, args.points,
                           args.max, args.deduction)
    out.show(plain(saved), _rule_lines(out, [saved]))
    return 0


def rule_active(args, out) -> int:
    with database(args) as db:
        saved = rules.set_active(db, actor(args, db), args.code, args.active)
    out.show(plain(saved), _rule_lines(out, [saved]))
    return 0


def goods_edit(args, out) -> int:
    changes = {field: value for field, value in (
        ("name", args.name), ("zone", args.zone), ("price_points", args.price),
        ("value_fen", args.value_fen), ("unit", args.unit), ("active", args.active)) if value is not None}
    with database(args) as db:
        changed = goods.change(db, actor(args, db), args.code, **changes)
    out.show(plain(changed), _goods_lines([changed], out))
    return 0


def _settings_lines(out, current) -> list[str]:
    data = plain(current)
    lines = [out.t("settings_line", title=zh if out.lang != "en" else en, value=data[field])
             for field, _, zh, en in SETTINGS.values()]
    return lines + [out.t("settings_line", title="村民小组" if out.lang != "en" else "villager groups",
                          value="、".join(current.groups))]


def village_show(args, out) -> int:
    with database(args) as db:
        actor(args, db)
        current = village.settings(db)
    out.show(plain(current), _settings_lines(out, current))
    return 0


def village_set(args, out) -> int:
    changes = {field: getattr(args, option) for option, (field, *_) in SETTINGS.items()
               if getattr(args, option) is not None}
    with database(args) as db:
        current = village.change(db, actor(args, db), **changes)
    out.show(plain(current), _settings_lines(out, current))
    return 0


def stock_writeoff(args, out) -> int:
    from pos.cli.common import approval

    code, quantity, _ = item_spec(args.item, default_qty=None)
    if quantity is None:
        raise ShopError("count_needs_quantity", code=code)
    with database(args) as db:
        result = stock.write_off(db, actor(args, db), code, quantity, args.reason, approval(args))
    out.show(plain(result), [out.t("writeoff_line", name=name, quantity=before - after, before=before, after=after)
                             for _, name, before, after in result.differences])
    return 0


def _history_lines(out, entries) -> list[str]:
    lines = []
    for e in entries:
        undone = (out.t("history_reversed", by=e.reversed_by) if e.reversed_by
                  else out.t("history_reverses", seq=e.reverses) if e.reverses else "")
        lines.append(out.t("history_line", seq=e.seq, at=e.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                           kind=messages.kind(e.kind, out.lang), points=f"{e.points:+d}", operator=e.operator,
                           memo=e.memo, undone=undone))
    return lines or [out.t("history_empty")]


def household_history(args, out) -> int:
    if not args.household and not args.card:
        raise ShopError("history_needs")
    with database(args) as db:
        me = actor(args, db)
        household_id = args.household
        if args.card:
            household_id = later("pos.cards").balance(db, me, args.card).household_id
        entries = history.household(db, me, household_id, limit=args.limit)
    out.show(plain(entries), _history_lines(out, entries))
    return 0


def ledger_list(args, out) -> int:
    with database(args) as db:
        entries = history.ledger(db, actor(args, db), start=parse_date(args.start), end=parse_date(args.end),
                                 kind=args.kind, operator=args.operator, limit=args.limit)
    out.show(plain(entries), _history_lines(out, entries))
    return 0
