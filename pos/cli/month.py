"""The supervisor's month: close, notice, statement, audit, export, and verify --notice."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pos.cli.common import actor, add, database, later, parse_date, plain
from pos.errors import ShopError
from pos.station import settings

if TYPE_CHECKING:
    from pos.month.document import ClosureView

audit, closure, monthexport, notice, statement, periods, receipt_printer = (
    later(name) for name in ("pos.month.audit", "pos.month.closure", "pos.month.export", "pos.month.notice",
                             "pos.statement", "pos.periods", "pos.receipts.printer"))
statement_printing = later("printing.statement")


def register(sub) -> None:
    parser = add(sub, "close", "月结（监督员）/ close a month (supervisor)", close)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--preview", action="store_true", help="只显示合计，不月结 / show the totals only")
    parser.add_argument("--user")

    parser = add(sub, "notice", "生成月度公示 PDF / the monthly public notice as PDF", notice_pdf)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--a3", action="store_true", help="A3 横向 / A3 landscape")
    parser.add_argument("--mask-names", action="store_true", default=None,
                        help="姓名中间用 * 代替（王*芳）/ mask the middle of names")
    parser.add_argument("--user")

    parser = add(sub, "statement", "一户一个月的积分明细 / a household's month", household_statement)
    parser.add_argument("--card", required=True)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--out", type=Path, help="PDF 文件 / PDF file")
    parser.add_argument("--print", action="store_true", help="在小票打印机上打印 / print a slip")
    parser.add_argument("--user")

    parser = add(sub, "audit", "监督审计：本月操作与提示 / the month's audit", audit_month)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--kind", help="只看一种操作，如 redemption、award、reversal、intake")
    parser.add_argument("--operator")
    parser.add_argument("--household", type=int)
    parser.add_argument("--day", help="YYYY-MM-DD")
    parser.add_argument("--review", metavar="FLAG", help="把此提示标为已审核 / mark a flag reviewed")
    parser.add_argument("--comment", default="", help="审核意见 / the review's comment")
    parser.add_argument("--no-verify", action="store_true", help="不校验整本台账 / skip verification")
    parser.add_argument("--user")

    parser = add(sub, "user-household", "登记用户本人所在的户，供审计识别为本户记分 / link a user to "
                 "their own household, for the audit", user_household)
    parser.add_argument("username")
    parser.add_argument("--household", type=int, help="户编号；不填则取消关联 / none: unlink")
    parser.add_argument("--user")

    parser = add(sub, "export", "给乡镇的审计导出（CSV 与 Excel）/ the auditor's export", export)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--user")


def _closure_lines(view: ClosureView, closed: bool) -> list[str]:
    t, c = view.totals, view.cumulative
    lines = [
        (f"{view.month} 已月结：第 {view.number} 号" if closed else f"{view.month} 月结预览（尚未月结）"),
        f"交易范围：第 {view.first_seq}–{view.last_seq} 笔（{t.transactions} 笔），末笔哈希 {view.last_hash}",
        f"本月：发卡 {t.issued_cards}，加分 {t.awarded}，扣分 {t.deducted}，兑换 {t.redeemed}（{t.redemptions} 笔），"
        f"回收 {t.recovered}" + "".join(f"，冲正{notice.REVERSED_NAMES.get(k, k)} {v}" for k, v in t.reversed),
        "加分分类：" + ("、".join(f"{k} {v}" for k, v in t.awarded_by_category) or "无"),
        "兑换分区：" + ("、".join(f"{z.zone} {z.points}" for z in view.zones) or "无"),
        f"捐赠 {notice.yuan(t.donations_fen)} 元，采购 {notice.yuan(t.purchases_fen)} 元",
        f"累计：发放 {c.ever_issued}，兑换 {c.redeemed}，扣分 {c.deducted}，回收 {c.recovered}，"
        f"在册余额 {c.outstanding}（折合 {notice.yuan(c.outstanding_fen)} 元）",
        f"上期月结哈希 {view.prev_hash[:16]}，账头第 {view.head_seq} 笔 {view.head_hash[:16]}",
    ]
    if closed:
        lines += [f"月结哈希 {view.hash}", f"公示核验码：{view.qr_text}"]
    return lines


def _closure_data(view: ClosureView) -> dict:
    data = plain(view)
    data["qr_text"] = view.qr_text
    data["anchor"] = view.anchor
    return data


def close(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        if not args.preview:
            view = closure.close(db, me, args.month)
            out.show(_closure_data(view), _closure_lines(view, True))
            return 0
        checked = closure.preview(db, me, args.month)
    data = _closure_data(checked.view)
    data["findings"] = [{"error": f.key, "message": f.message(out.lang)} for f in checked.findings]
    out.show(data, _closure_lines(checked.view, False))
    for finding in checked.findings:  # each disagreement on a line of its own, as a refusal
        print(finding.message(out.lang), file=sys.stderr)
    return 2 if checked.findings else 0


def notice_pdf(args, out) -> int:
    with database(args) as db:
        data, pages = notice.write_pdf(db, actor(args, db), args.month, args.out, a3=args.a3,
                                       mask_names=args.mask_names)
    out.show({"ok": True, "out": str(args.out), "pages": pages, "qr_text": data.qr_text,
              "households": len(data.households)},
             [f"已生成 {args.out}：{len(data.households)} 户，{pages} 页" if out.lang != "en"
              else f"Wrote {args.out}: {len(data.households)} households, {pages} pages",
              f"二维码：{data.qr_text}"])
    return 0


def household_statement(args, out) -> int:
    if not args.out and not args.print:
        raise ShopError("nothing_to_print")
    with database(args) as db:
        data = statement.statement(db, actor(args, db), args.card, args.month)
    lines = [f"{data.head}（{data.group}）{data.month_title}：期初 {data.opening}，"
             f"{len(data.lines)} 笔，期末 {data.closing}"]
    if args.out:
        pages = statement_printing.render_pdf(data, args.out)
        lines.append(f"已生成 {args.out}（{pages} 页）")
    if args.print:
        receipt_printer.statement_slip(settings.load().printer, data)
        lines.append("明细已打印。")
    out.show(plain(data), lines)
    return 0


def audit_month(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        if args.review:
            done = audit.review(db, me, args.month, args.review, args.comment)
            out.show(plain(done), f"已记录审核：{args.review}（{done.reviewer}）")
            return 0
        found = audit.report(db, me, args.month, kind=args.kind, operator=args.operator,
                             household=args.household, day=parse_date(args.day),
                             run_verify=not args.no_verify)
    lines = [f"{found.month} 监督审计" + (f"（已月结第 {found.closed} 号）" if found.closed else "（未月结）"),
             found.verify_summary, f"操作 {len(found.entries)} 项："]
    for e in found.entries:
        lines.append(f"  {e.at.astimezone(periods.LOCAL):%m-%d %H:%M}  "
                     f"{e.ref:<8} {audit.KIND_NAMES.get(e.kind, e.kind)}  {e.operator}"
                     + (f"/{e.approver}" if e.approver else "") + f"  {e.points:+d}  {e.detail}")
    lines.append(f"提示 {len(found.flags)} 项：" if found.flags else "没有需要注意的提示。")
    for f in found.flags:
        state = "已审核" if f.reviewed else "待审核"
        lines.append(f"  [{state}] {f.key}  {f.title}：{f.message}")
        for r in f.reviews:
            lines.append(f"      {r.reviewer} {r.at.astimezone(periods.LOCAL):%Y-%m-%d %H:%M}：{r.comment}")
    data = plain(found)
    for item, flag in zip(data["flags"], found.flags):
        item["title"] = flag.title
    out.show(data, lines)
    return 0


def user_household(args, out) -> int:
    from pos import users

    with database(args) as db:
        users.link_household(db, actor(args, db), args.username, args.household)
    out.show({"ok": True, "username": args.username, "household": args.household},
             f"已将 {args.username} 关联到第 {args.household} 户" if args.household
             else f"已取消 {args.username} 的本户关联")
    return 0


def export(args, out) -> int:
    with database(args, create=False) as db:
        manifest = monthexport.export(db, actor(args, db), args.month, args.out)
    out.show(manifest, f"已导出 {args.month} 到 {args.out}（{len(manifest['files'])} 个文件，"
                       f"含 Excel 工作簿与校验脚本 verify_export.py）")
    return 0


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
