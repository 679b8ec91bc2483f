"""aixin user (add, list, unlock, role, deactivate, password, passwd, handover, recovery-code,
recover) and aixin user-household."""

from __future__ import annotations

from pathlib import Path

from pos.cli.common import (
    acting, actor, add, approvable, approval, call, database, group, later, output_file, plain, said, secret,
)
from pos.vocabulary import Role

users, service, setupsheet = later("pos.users"), later("pos.service"), later("pos.setupsheet")


def register(sub) -> None:
    people = group(sub, "user", "help_user")
    parser = approvable(acting(people, "add", "help_user_add", user_add))
    parser.add_argument("username")
    parser.add_argument("--role", choices=[r.value for r in Role], required=True)
    parser.add_argument("--name", default="")
    acting(people, "list", "help_user_list", user_list)
    parser = acting(people, "unlock", "help_user_unlock", user_unlock)
    parser.add_argument("username")
    parser = approvable(acting(people, "role", "help_user_role", user_role))
    parser.add_argument("username")
    parser.add_argument("--role", choices=[r.value for r in Role], required=True)
    parser = approvable(acting(people, "deactivate", "help_user_deactivate", user_deactivate))
    parser.add_argument("username")
    parser = acting(people, "handover", "help_user_handover", user_handover)
    parser.add_argument("username", help=said("help_user_handover_username"))
    parser.add_argument("--name", default="")
    parser.add_argument("--from", dest="outgoing", required=True, help=said("help_user_handover_from"))
    parser = acting(people, "recovery-code", "help_user_recovery_code", user_recovery_code)
    parser.add_argument("--sheet", type=Path, metavar="FILE", help=said("help_user_recovery_code_sheet"))
    parser = acting(people, "recover", "help_user_recover", user_recover)
    parser.add_argument("username")
    parser.add_argument("--name", default="")
    parser = approvable(acting(people, "password", "help_user_password", user_password))
    parser.add_argument("username")
    acting(people, "passwd", "help_user_passwd", passwd)

    parser = add(sub, "user-household", "help_user_household", user_household)
    parser.add_argument("username")
    parser.add_argument("--household", type=int, help=said("help_user_household_household"))
    parser.add_argument("--user")


def _new_password(username: str) -> str:
    return secret("AIXIN_NEW_PASSWORD", said("prompt_new_password", username=username))


def _user_line(view, out) -> str:
    state = "" if view.active else out.t("user_deactivated_short")
    return out.t("user_line", username=view.username, name=view.display_name, role=Role(view.role), state=state)


def user_add(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        password = _new_password(args.username)
        with service.transaction(db) as session:
            new = users.add_user(session, me, args.username, args.name, Role(args.role), password,
                                 approval(args))
    out.show(plain(new), out.t("user_added", username=new.username, role=new.role))
    return 0


def user_list(args, out) -> int:
    rows = call(args, users.list_users, create=False)
    out.show(plain(rows), [out.t("user_line", username=u.username, name=u.display_name, role=u.role,
                                 state=out.t("user_line_locked") if u.locked else "") for u in rows])
    return 0


def user_unlock(args, out) -> int:
    call(args, users.unlock, args.username)
    out.show({"ok": True}, out.t("user_unlocked", username=args.username))
    return 0


def user_role(args, out) -> int:
    with database(args) as db:
        view = users.set_role(db, actor(args, db), args.username, Role(args.role), approval(args))
    out.show(plain(view), _user_line(view, out))
    return 0


def user_deactivate(args, out) -> int:
    with database(args) as db:
        view = users.deactivate(db, actor(args, db), args.username, approval(args))
    out.show(plain(view), _user_line(view, out))
    return 0


def user_handover(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        outgoing = service.Approval(args.outgoing, secret("AIXIN_APPROVER_PASSWORD", said(
            "prompt_approver_password", username=args.outgoing)))
        view = users.handover(db, me, outgoing, args.username, args.name, _new_password(args.username))
    out.show(plain(view), out.t("handover_done", username=view.username, outgoing=args.outgoing))
    return 0


def user_recovery_code(args, out) -> int:
    sheet = output_file(args, args.sheet) if args.sheet else None
    with database(args) as db:
        me = actor(args, db)
        code = users.issue_recovery_code(db, me)
        if sheet is not None:
            setupsheet.write(db, me, sheet, recovery_code=code, lang=out.lang)
    out.show({"ok": True, "recovery_code": code, "sheet": str(sheet) if sheet else None},
             [out.t("recovery_code_issued", code=code)]
             + ([out.t("setup_sheet_written", out=sheet)] if sheet else []))
    return 0


def user_recover(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        code = secret("AIXIN_RECOVERY_CODE", said("prompt_recovery_code"))
        view = users.recover_supervisor(db, me, code, args.username, args.name, _new_password(args.username))
    out.show(plain(view), out.t("supervisor_recovered", username=view.username))
    return 0


def user_password(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        view = users.reset_password(db, me, args.username, _new_password(args.username), approval(args))
    out.show(plain(view), out.t("password_reset", username=view.username))
    return 0


def passwd(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        users.set_password(db, me, secret("AIXIN_PASSWORD", said("prompt_password", username=me.username)),
                           _new_password(me.username))
    out.show({"ok": True, "username": me.username}, out.t("password_changed", username=me.username))
    return 0


def user_household(args, out) -> int:
    call(args, users.link_household, args.username, args.household)
    out.show({"ok": True, "username": args.username, "household": args.household},
             out.t("user_household_linked", username=args.username, household=args.household) if args.household
             else out.t("user_household_unlinked", username=args.username))
    return 0
