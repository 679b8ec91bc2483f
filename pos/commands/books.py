"""init, verify, backup, restore, ledger export / summary."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

import ledger
from ledger import backup as ledger_backup
from ledger.export import export
from ledger.verification import parse_anchor
from ledger.schema import Transaction
from pos import paths
from pos.commands import add, database, group
from pos.errors import ShopError
from pos.models import Base


def register(sub) -> None:
    parser = add(sub, "verify", "校验整本积分台账 / verify the whole ledger", verify)
    parser.add_argument("--anchor", metavar="[SEQ:]HASH", help="公示过的账头哈希 / a head hash printed on a notice")
    parser.add_argument("--notice", metavar="TEXT", help="公示二维码的内容 / the QR text of a printed notice")
    parser = add(sub, "backup", "在线备份数据库 / back up the database while in use", backup)
    parser.add_argument("--to", type=Path, metavar="DIR", help="目标文件夹 / target folder")
    parser = add(sub, "restore", "检查并恢复备份 / check and restore a backup", restore)
    parser.add_argument("file", type=Path)
    parser.add_argument("--yes", action="store_true", help="确认恢复较旧的备份 / confirm restoring an older copy")
    books = group(sub, "ledger", "积分台账 / the points ledger")
    parser = add(books, "export", "导出审计文件 / export CSV files for audit", ledger_export)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    add(books, "summary", "台账概况 / ledger summary", ledger_summary)


def init(args, out) -> int:
    with database(args) as db, db.read() as session:
        seq, digest = ledger.head(session)
    out.show({"ok": True, "db": db.url, "head_seq": seq, "head_hash": digest},
             f"数据库就绪：{db.url}（第 {seq} 笔）" if out.lang != "en" else f"Database ready: {db.url} (#{seq})")
    return 0


def verify_lines(report, out) -> list[str]:
    if report.ok:
        lines = [out.t("verify_ok", transactions=report.transactions, postings=report.postings,
                       head_seq=report.head_seq, head_hash=report.head_hash)]
        if report.anchor_seq is not None:
            lines.append(f"公示账头在第 {report.anchor_seq} 笔，链完整。" if out.lang != "en"
                         else f"The anchored head is #{report.anchor_seq}; the chain holds it.")
        return lines
    lines = [out.t("verify_bad", count=len(report.findings), first=report.first_bad or "-")]
    for finding in report.findings:
        lines.append("  " + out.t(f"finding_{finding.code}", seq=finding.seq, **finding.params))
    return lines


def verify(args, out) -> int:
    if getattr(args, "notice", None):
        from pos.commands.month import verify_notice

        return verify_notice(args, out)
    try:
        anchor = parse_anchor(args.anchor) if args.anchor else None
    except ValueError:
        raise ShopError("bad_anchor") from None
    with database(args, create=False) as db, db.read() as session:
        report = ledger.verify(session, anchor=anchor)
    out.show(report.as_dict(), verify_lines(report, out))
    return 0 if report.ok else 1


def backup(args, out) -> int:
    target = args.to or paths.backup_dir()
    with database(args, create=False) as db:
        try:
            path = ledger_backup.backup(db.engine, target)
        except ledger_backup.BackupError as error:
            raise ShopError("backup_failed", detail=str(error)) from None
    checked = ledger_backup.check_copy(path)
    if not checked.ok:
        raise ShopError("backup_failed", detail=checked.integrity)
    out.show({"ok": True, "path": str(path), "transactions": checked.report.transactions,
              "head_hash": checked.report.head_hash},
             out.t("backup_done", path=path, transactions=checked.report.transactions))
    return 0


def restore(args, out) -> int:
    from pos import backups

    with database(args) as db:
        checked, safety = backups.restore(db, args.file, older_confirmed=args.yes)
    out.show({"ok": True, "restored": str(args.file), "safety_copy": str(safety),
              "head_seq": checked.report.head_seq},
             out.t("restore_done", path=args.file, safety=safety))
    return 0


def ledger_export(args, out) -> int:
    with database(args, create=False) as db, db.read() as session:
        manifest = export(session, Base.metadata.sorted_tables, args.out)
    out.show(manifest, out.t("export_done", path=args.out, files=len(manifest["files"])))
    return 0


def summary(db) -> dict:
    with db.read() as session:
        seq, digest = ledger.head(session)
        kinds = dict(session.execute(
            select(Transaction.kind, func.count()).group_by(Transaction.kind)).all())
    return {"db": db.url, "head_seq": seq, "head_hash": digest, "by_kind": kinds}


def summary_text(db, out) -> list[str]:
    data = summary(db)
    lines = [f"数据库：{data['db']}" if out.lang != "en" else f"Database: {data['db']}",
             f"台账共 {data['head_seq']} 笔，账头哈希 {data['head_hash']}" if out.lang != "en"
             else f"{data['head_seq']} transactions, head hash {data['head_hash']}"]
    for kind, count in sorted(data["by_kind"].items()):
        lines.append(f"  {kind}: {count}")
    return lines


def ledger_summary(args, out) -> int:
    with database(args, create=False) as db:
        out.show(summary(db), summary_text(db, out))
    return 0
