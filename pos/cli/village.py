"""aixin village (show, set) and aixin group add: the village's settings and villager groups."""

from __future__ import annotations

from pos import messages
from pos.vocabulary import AwardsMode
from pos.cli.common import acting, actor, approvable, approval, database, group, later, number, plain, said

village = later("pos.village")

# The settings the command line changes, each with its type; its title is the catalogue's
# ``setting_NAME``.
SETTINGS = {"name": str, "shop_name": str, "opening_hours": str, "base_points": int, "point_value_fen": int,
            "deduction_approval_above": int, "redemption_approval_above": int, "objection_phone": str,
            "notice_days": int, "awards": str, "mask_names": bool, "name_deductions": bool}


def register(sub) -> None:
    settings = group(sub, "village", "help_village")
    acting(settings, "show", "help_village_show", village_show)
    parser = approvable(acting(settings, "set", "help_village_set", village_set))
    for name, kind in SETTINGS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name, type=number() if kind is int else str,
                            help=said(f"setting_{name}"),
                            **({"choices": [m.value for m in AwardsMode]} if name == "awards" else
                               {"choices": ["on", "off"]} if kind is bool else {}))

    groups = group(sub, "group", "help_group")
    parser = acting(groups, "add", "help_group_add", group_add)
    parser.add_argument("name")


def _settings_lines(out, current) -> list[str]:
    data = {**plain(current), "awards": current.awards,
            **{name: "on" if getattr(current, name) else "off" for name, kind in SETTINGS.items() if kind is bool}}
    lines = [out.t("settings_line", title=messages.Phrase(f"setting_{name}"), value=data[name]) for name in SETTINGS]
    return lines + [out.t("settings_line", title=messages.Phrase("setting_groups"),
                          value=messages.AllOf(current.groups))]


def village_show(args, out) -> int:
    with database(args) as db:
        actor(args, db)
        current = village.settings(db)
    out.show(plain(current), _settings_lines(out, current))
    return 0


def village_set(args, out) -> int:
    changes = {name: getattr(args, name) for name in SETTINGS if getattr(args, name) is not None}
    changes.update({name: changes[name] == "on" for name, kind in SETTINGS.items() if kind is bool and name in changes})
    with database(args) as db:
        current = village.change(db, actor(args, db), approval(args), **changes)
    out.show(plain(current), _settings_lines(out, current))
    return 0


def group_add(args, out) -> int:
    with database(args) as db:
        village.add_group(db, actor(args, db), args.name)
        groups = village.settings(db).groups
    out.show({"ok": True, "groups": list(groups)},
             out.t("group_added", group=args.name.strip(), groups=messages.AllOf(groups)))
    return 0
