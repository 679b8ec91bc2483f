"""aixin init, verify, backup, restore and ledger export / summary / list: the books themselves."""

from __future__ import annotations

import os
from pathlib import Path

from pos import messages, paths, vocabulary
from pos.cli.common import (
    acting, actor, add, approvable, approval, call, database, entry_lines, group, later, number, output_file,
    output_folder, parse_date, plain, said, secret, writing_folder,
)
from pos.errors import ShopError

ledger, backups, history, notice, proof, village, users, setupsheet = (
    later(name) for name in ("ledger", "pos.backups", "pos.history", "pos.month.notice", "pos.proof", "pos.village",
                             "pos.users", "pos.setupsheet"))


def register(sub) -> None:
    parser = add(sub, "init", "help_init", init)
    parser.add_argument("--village", help=said("help_init_village"))
    parser.add_argument("--groups", default="", help=said("help_init_groups"))
    parser.add_argument("--admin", help=said("help_init_admin"))
    parser.add_argument("--admin-name", default="", help=said("help_init_admin_name"))
    parser.add_argument("--supervisor", help=said("help_init_supervisor"))
    parser.add_argument("--supervisor-name", default="", help=said("help_init_supervisor_name"))
    parser.add_argument("--base-points", type=number(), default=vocabulary.BASE_POINTS)
    parser.add_argument("--point-value-fen", type=number(), default=vocabulary.POINT_VALUE_FEN)
    parser.add_argument("--sheet", type=Path, metavar="FILE", help=said("help_init_sheet"))

    parser = add(sub, "verify", "help_verify", verify)
    parser.add_argument("--anchor", metavar="[SEQ:]HASH", help=said("help_verify_anchor"))
    parser.add_argument("--notice", metavar="TEXT", help=said("help_verify_notice"))
    parser = acting(sub, "backup", "help_backup", backup)
    parser.add_argument("--to", type=Path, metavar="DIR", help=said("help_backup_to"))
    parser = approvable(acting(sub, "restore", "help_restore", restore))
    parser.add_argument("file", type=Path)
    parser.add_argument("--yes", action="store_true", help=said("help_restore_yes"))

    books = group(sub, "ledger", "help_ledger")
    parser = acting(books, "export", "help_ledger_export", ledger_export)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    add(books, "summary", "help_ledger_summary", ledger_summary)
    parser = acting(books, "list", "help_ledger_list", ledger_list)
    parser.add_argument("--from", dest="start", help=said("help_ledger_list_from"))
    parser.add_argument("--to", dest="end", help=said("help_ledger_list_to"))
    parser.add_argument("--kind", help=said("help_ledger_list_kind"))
    parser.add_argument("--operator", help=said("help_ledger_list_operator"))
    parser.add_argument("--limit", type=number(1, 10_000), default=200)


def init(args, out) -> int:
    if args.village:
        return _set_up_village(args, out)
    with database(args) as db, db.read() as session:
        seq, digest = ledger.head(session)
    out.show({"ok": True, "db": db.url, "head_seq": seq, "head_hash": digest},
             out.t("db_ready", url=db.url, seq=seq))
    return 0


def _set_up_village(args, out) -> int:
    if not args.admin or not args.groups:
        raise ShopError("init_needs")
    admin_password = secret("AIXIN_PASSWORD", said("prompt_admin_password"))
    supervisor_password = (secret("AIXIN_SUPERVISOR_PASSWORD",
                                  said("prompt_supervisor_password", username=args.supervisor))
                           if args.supervisor else None)
    sheet = output_file(args, args.sheet) if args.sheet else None
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
        if sheet is not None:
            code = None
            if args.supervisor:  # the supervisor, there with their password, issues the sealed code
                code = users.issue_recovery_code(db, users.login(db, args.supervisor, supervisor_password))
            setupsheet.write(db, admin, sheet, recovery_code=code, lang=out.lang)
    supervisor = out.t("village_set_up_supervisor", username=args.supervisor) if args.supervisor else ""
    lines = [out.t("village_set_up", village=settings.name, groups=messages.AllOf(settings.groups),
                   admin=admin.username, supervisor=supervisor),
             out.t("county_key_line", fingerprint=key.fingerprint, algorithm=key.algorithm)]
    if sheet is not None:
        lines.append(out.t("setup_sheet_written", out=sheet))
    out.show({"ok": True, "village": plain(settings), "admin": admin.username, "supervisor": args.supervisor,
              "key_fingerprint": key.fingerprint, "sheet": str(sheet) if sheet else None}, lines)
    return 0


def _village_key(db):
    """The village's signing key for the county, made at set-up so its fingerprint is on record."""
    from pos.county import signing

    with db.read() as session:
        return signing.village_key(village.village_id(session))


def verify_lines(report, out) -> list[str]:
    """An intact chain's summary, or its errors; warnings after either (they never fail it)."""
    def finding_line(finding):
        return "  " + out.t(f"finding_{finding.code}", seq=finding.seq, **finding.params)

    if report.ok:
        lines = [out.t("verify_ok", transactions=report.transactions, postings=report.postings,
                       head_seq=report.head_seq, head_hash=report.head_hash)]
        if report.anchor_seq is not None:
            lines.append(out.t("verify_anchor", seq=report.anchor_seq))
    else:
        lines = [out.t("verify_bad", count=len(report.errors), first=report.first_bad or "-")]
        lines += [finding_line(finding) for finding in report.errors]
    if report.warnings:
        lines.append(out.t("verify_warnings", count=len(report.warnings)))
        lines += [finding_line(finding) for finding in report.warnings]
    return lines


def verify(args, out) -> int:
    if getattr(args, "notice", None) is not None:  # an empty text is a mistake, not "verify all"
        return verify_notice(args, out)
    try:
        from ledger.verification import parse_anchor

        anchor = parse_anchor(args.anchor) if args.anchor else None
    except ValueError:
        raise ShopError("bad_anchor") from None
    with database(args, create=False) as db, db.read() as session:
        report = proof.verify(session, anchor=anchor)  # the ledger's checks, then the shop's facts
    out.show(report.as_dict(), verify_lines(report, out))
    return 0 if report.ok else 1


def verify_notice(args, out) -> int:
    """``aixin verify --notice TEXT``: the QR text of a printed notice against these books."""
    with database(args, create=False) as db, db.read() as session:
        checked = notice.check_notice(session, args.notice)
    a = checked.anchor
    if checked.ok:
        out.show({"ok": True, "closure": a.number, "last_seq": a.last_seq, "hash": a.last_hash,
                  "transactions": checked.report.transactions},
                 out.t("notice_ok", number=a.number, last=a.last_seq, hash=a.last_hash[:16]))
        return 0
    lines = [out.t("notice_bad")]
    lines += ["  " + out.t(key, **params) for key, params in checked.problems]
    lines += ["  " + out.t(f"finding_{f.code}", seq=f.seq, **f.params) for f in checked.report.findings
              if f.code != "anchor_missing"]
    out.show({"ok": False, "closure": a.number, "problems": [k for k, _ in checked.problems],
              "findings": [f.as_dict() for f in checked.report.findings]}, lines)
    return 1


def backup(args, out) -> int:
    made = call(args, backups.backup, args.to, create=False)
    out.show({"ok": True, "path": str(made.path), "transactions": made.transactions,
              "head_seq": made.head_seq, "head_hash": made.head_hash},
             out.t("backup_done", path=made.path, transactions=made.transactions))
    return 0


def restore(args, out) -> int:
    from pos.store.database import open_database, sqlite_path

    url = args.db or paths.default_db_url()
    target = sqlite_path(url)
    unusable = target is not None and not target.exists()
    if target is not None and target.exists():
        try:  # a damaged or empty file: nobody can log in to it, so the copy's users vouch
            open_database(url, create=False).dispose()
        except ShopError as error:
            if error.key not in ("db_empty", "db_damaged"):
                raise
            unusable = True
    if unusable:
        # A new PC, or a file that cannot be opened: the copy's own users vouch for the restore.
        username = args.user or os.environ.get("AIXIN_USER")
        if not username:
            raise ShopError("user_needed")
        password = secret("AIXIN_PASSWORD", said("prompt_password", username=username))
        if target.exists():
            done = backups.replace_damaged(url, args.file, username, password, approval(args))
        else:
            done = backups.restore_new(url, args.file, username, password, approval(args))
        out.show({"ok": True, "restored": str(done.path), "db": url,
                  "safety_copy": str(done.safety_copy) if done.safety_copy else None,
                  "head_seq": done.head_seq, "approver": done.approver},
                 out.t("restore_new_done", path=done.path, db=target))
        return 0
    with database(args, create=False) as db:
        done = backups.restore(db, actor(args, db), approval(args), args.file, accept_older=args.yes)
    out.show({"ok": True, "restored": str(done.path), "safety_copy": str(done.safety_copy),
              "head_seq": done.head_seq, "approver": done.approver},
             out.t("restore_done", path=done.path, safety=done.safety_copy))
    return 0


def ledger_export(args, out) -> int:
    with database(args, create=False) as db, writing_folder(output_folder(args, args.out)) as target:
        manifest = backups.export_ledger(db, actor(args, db), target)
    out.show(manifest, out.t("export_done", path=args.out, files=len(manifest["files"])))
    return 0


def summary(db) -> dict:
    from sqlalchemy import func, select

    from ledger.schema import Transaction

    with db.read() as session:
        seq, digest = ledger.head(session)
        kinds = dict(session.execute(
            select(Transaction.kind, func.count()).group_by(Transaction.kind)).all())
    return {"db": db.url, "head_seq": seq, "head_hash": digest, "by_kind": kinds}


def summary_text(db, out) -> list[str]:
    data = summary(db)
    lines = [out.t("summary_db", url=data["db"]),
             out.t("summary_head", seq=data["head_seq"], anchor=f"{data['head_seq']}:{data['head_hash']}")]
    for kind, count in sorted(data["by_kind"].items()):
        lines.append(out.t("summary_kind", kind=messages.kind(kind, out.lang), count=count))
    return lines


def ledger_summary(args, out) -> int:
    with database(args, create=False) as db:
        out.show(summary(db), summary_text(db, out))
    return 0


def ledger_list(args, out) -> int:
    with database(args) as db:
        entries = history.ledger(db, actor(args, db), start=parse_date(args.start), end=parse_date(args.end),
                                 kind=args.kind, operator=args.operator, limit=args.limit)
    out.show(plain(entries), entry_lines(out, entries))
    return 0
