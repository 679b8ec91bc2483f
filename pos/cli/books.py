"""init, verify, backup, restore, ledger export / summary."""

from __future__ import annotations

import os
from pathlib import Path

from pos import messages, paths
from pos.cli.common import add, database, group, later
from pos.errors import ShopError

ledger = later("ledger")
backups = later("pos.backups")
proof = later("pos.proof")


def register(sub) -> None:
    # Imported here: the shop's commands import this module for ``init``.
    from pos.cli.common import acting, approvable

    parser = add(sub, "verify", "校验整本积分台账 / verify the whole ledger", verify)
    parser.add_argument("--anchor", metavar="[SEQ:]HASH", help="公示过的账头哈希 / a head hash printed on a notice")
    parser.add_argument("--notice", metavar="TEXT", help="公示二维码的内容 / the QR text of a printed notice")
    parser = acting(sub, "backup", "在线备份数据库 / back up the database while in use", backup)
    parser.add_argument("--to", type=Path, metavar="DIR", help="目标文件夹 / target folder")
    parser = approvable(acting(sub, "restore", "检查并恢复备份（需监督员审批）/ check and restore a "
                                               "backup (a supervisor approves)", restore))
    parser.add_argument("file", type=Path)
    parser.add_argument("--yes", action="store_true", help="确认恢复较旧的备份 / confirm restoring an older copy")
    books = group(sub, "ledger", "积分台账 / the points ledger")
    parser = acting(books, "export", "导出审计文件（不含密码）/ export CSV files for audit "
                                     "(no passwords)", ledger_export)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    add(books, "summary", "台账概况 / ledger summary", ledger_summary)


def init(args, out) -> int:
    with database(args) as db, db.read() as session:
        seq, digest = ledger.head(session)
    out.show({"ok": True, "db": db.url, "head_seq": seq, "head_hash": digest},
             f"数据库就绪：{db.url}（第 {seq} 笔）" if out.lang != "en" else f"Database ready: {db.url} (#{seq})")
    return 0


def verify_lines(report, out) -> list[str]:
    """An intact chain's summary, or its errors; warnings after either (they never fail it)."""
    def finding_line(finding):
        return "  " + out.t(f"finding_{finding.code}", seq=finding.seq, **finding.params)

    if report.ok:
        lines = [out.t("verify_ok", transactions=report.transactions, postings=report.postings,
                       head_seq=report.head_seq, head_hash=report.head_hash)]
        if report.anchor_seq is not None:
            lines.append(f"公示账头在第 {report.anchor_seq} 笔，链完整。" if out.lang != "en"
                         else f"The anchored head is #{report.anchor_seq}; the chain holds it.")
    else:
        lines = [out.t("verify_bad", count=len(report.errors), first=report.first_bad or "-")]
        lines += [finding_line(finding) for finding in report.errors]
    if report.warnings:
        lines.append(out.t("verify_warnings", count=len(report.warnings)))
        lines += [finding_line(finding) for finding in report.warnings]
    return lines


def verify(args, out) -> int:
    if getattr(args, "notice", None):
        from pos.cli.month import verify_notice

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


def backup(args, out) -> int:
    from pos.cli.common import actor

    with database(args, create=False) as db:
        made = backups.backup(db, actor(args, db), args.to)
    out.show({"ok": True, "path": str(made.path), "transactions": made.transactions,
              "head_seq": made.head_seq, "head_hash": made.head_hash},
             out.t("backup_done", path=made.path, transactions=made.transactions))
    return 0


def restore(args, out) -> int:
    from pos.cli.common import _secret, actor, approval
    from pos.store.database import sqlite_path

    url = args.db or paths.default_db_url()
    target = sqlite_path(url)
    if target is not None and not target.exists():
        # A new PC: the copy's own users vouch for the restore.
        username = args.user or os.environ.get("AIXIN_USER")
        if not username:
            raise ShopError("user_needed")
        password = _secret("AIXIN_PASSWORD", f"{username} 的密码: ")
        done = backups.restore_new(url, args.file, username, password, approval(args))
        out.show({"ok": True, "restored": str(done.path), "db": url, "safety_copy": None,
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
    from pos.cli.common import actor

    with database(args, create=False) as db:
        manifest = backups.export_ledger(db, actor(args, db), args.out)
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
