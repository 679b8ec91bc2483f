"""aixin rule (list, add, deactivate, activate, import): the village's point rules, and the
county's reference rules taken into them."""

from __future__ import annotations

from pathlib import Path

from pos import messages
from pos.cli.common import acting, actor, approvable, approval, database, later, number, plain, read_input, said

rules, reference = later("pos.rules"), later("pos.county.reference")


def register(sub) -> None:
    # ``aixin rule`` alone lists the rules in use, as ``aixin rule list`` does.
    rule = acting(sub, "rule", "help_rule", rule_list)
    inner = rule.add_subparsers(dest="rule_command", metavar="COMMAND")
    inner.common = sub.common
    parser = acting(inner, "list", "help_rule_list", rule_list)
    parser.add_argument("--all", action="store_true", help=said("help_rule_list_all"))
    parser = approvable(acting(inner, "add", "help_rule_add", rule_add))
    parser.add_argument("code")
    parser.add_argument("--category", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--points", type=number(1, 1000), required=True, help=said("help_rule_add_points"))
    parser.add_argument("--max", type=number(1, 1000), help=said("help_rule_add_max"))
    parser.add_argument("--deduction", action="store_true", help=said("help_rule_add_deduction"))
    parser.add_argument("--limit", metavar="N/PERIOD", help=said("help_rule_add_limit"))
    parser.add_argument("--cap-per-event", type=number(0, 10_000), metavar="N",
                        help=said("help_rule_add_cap_per_event"))
    for name, active in (("deactivate", False), ("activate", True)):
        parser = approvable(acting(inner, name, f"help_rule_{name}", rule_active))
        parser.add_argument("code")
        parser.set_defaults(active=active)
    parser = approvable(acting(inner, "import", "help_rule_import", rule_import))
    parser.add_argument("file", type=Path)
    parser.add_argument("--yes", action="store_true", help=said("help_rule_import_yes"))
    parser.add_argument("--only", nargs="+", metavar="CODE", help=said("help_rule_import_only"))


def _state(out, rule) -> str:
    limit = out.t("rule_limit_note", limit=rule.limit.phrase) if rule.limit else ""
    if rule.cap_per_event:
        limit += out.t("rule_limit_note", limit=messages.Phrase("cap_per_event", count=rule.cap_per_event))
    return limit + ("" if rule.active else out.t("rule_off"))


def rule_list(args, out) -> int:
    with database(args, create=False) as db:
        rows = rules.list_rules(db, actor(args, db), include_inactive=getattr(args, "all", False))
    out.show(plain(rows), [out.t("rule_line", code=r.code, category=r.category, name=r.name, points=r.points_text,
                                 state=_state(out, r)) for r in rows])
    return 0


def _saved_lines(out, rows) -> list[str]:
    return [out.t("rule_saved", code=r.code, name=r.name, points=r.points_text, state=_state(out, r)) for r in rows]


def rule_add(args, out) -> int:
    with database(args) as db:
        saved = rules.save(db, actor(args, db), args.code, args.category, args.name, args.points,
                           args.max, args.deduction, approval=approval(args), limit=args.limit,
                           cap_per_event=args.cap_per_event)
    out.show(plain(saved), _saved_lines(out, [saved]))
    return 0


def rule_active(args, out) -> int:
    with database(args) as db:
        saved = rules.set_active(db, actor(args, db), args.code, args.active, approval(args))
    out.show(plain(saved), _saved_lines(out, [saved]))
    return 0


def _limits(out, rule: tuple) -> str:
    """", 每周最多 2 次、每次活动最多 30 户" of a compared rule, or nothing without limits."""
    from pos import limits

    limit, cap = rule[6], rule[7]
    said = ([limits.parse(limit).phrase] if limit else []) + (
        [messages.Phrase("cap_per_event", count=cap)] if cap else [])
    return out.t("county_rules_limits", limits=messages.AllOf(said)) if said else ""


def rule_import(args, out) -> int:
    data = read_input(args.file)
    with database(args, create=False) as db:
        me = actor(args, db)
        found = (reference.take(db, me, data, args.only, approval(args)) if args.yes
                 else reference.compare(db, me, data))
    lines = [out.t("county_rules_from", county=found.county, fingerprint=found.fingerprint,
                   issued=found.issued_at[:10])]
    for change in found.changes:
        theirs = change.theirs
        text = f"{change.code} {theirs[0]} {theirs[1]} {'-' if theirs[4] else '+'}{theirs[2]}" + (
            f"~{theirs[3]}" if theirs[3] != theirs[2] else "") + _limits(out, theirs)
        if change.ours is not None:
            ours = change.ours
            text += out.t("county_rules_was", was=f"{ours[0]} {ours[1]} {ours[2]}~{ours[3]}" + _limits(out, ours))
        mark = "✓ " if change.code in found.taken else ""
        lines.append(f"  {mark}{out.t('county_rules_' + change.change)} {text}")
    if not found.changes:
        lines.append(out.t("county_rules_same"))
    if found.kept:
        lines.append(out.t("county_rules_kept", codes=", ".join(found.kept)))
    if found.key_retired:
        lines.append(out.t("county_rules_key_rotated" if found.key_rotated else "county_rules_key_retired"))
    if args.yes:
        lines.append(out.t("county_rules_taken", count=len(found.taken)))
    elif found.changes:
        lines.append(out.t("county_rules_ask"))
    out.show(plain(found), lines)
    return 0
