"""aixin close, notice, statement, audit and export: the supervisor's month."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pos import messages
from pos.cli.common import (
    actor, add, database, later, output_file, output_folder, parse_date, plain, said, signed_in, this_pc, writing,
    writing_folder,
)
from pos.errors import NeedsConfirm, ShopError
from pos.vocabulary import kind_of

if TYPE_CHECKING:
    from pos.month.document import ClosureView

audit, closure, monthexport, notice, statement, periods, receipt_printer, honour = (
    later(name) for name in ("pos.month.audit", "pos.month.closure", "pos.month.export", "pos.month.notice",
                             "pos.statement", "pos.periods", "pos.receipts.printer", "pos.month.honour"))
statement_printing = later("printing.statement")


def register(sub) -> None:
    parser = add(sub, "close", "help_close", close)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--preview", action="store_true", help=said("help_close_preview"))
    parser.add_argument("--yes", action="store_true", help=said("help_close_yes"))
    parser.add_argument("--user")

    parser = add(sub, "notice", "help_notice", notice_pdf)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--a3", action="store_true", help=said("help_notice_a3"))
    parser.add_argument("--mask-names", action="store_true", default=None, help=said("help_mask_names"))
    parser.add_argument("--user")

    parser = add(sub, "honour", "help_honour", honour_pdf)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--mask-names", action="store_true", default=None, help=said("help_mask_names"))
    parser.add_argument("--user")

    parser = add(sub, "statement", "help_statement", household_statement)
    parser.add_argument("--card", required=True)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--out", type=Path, help=said("help_statement_out"))
    parser.add_argument("--print", action="store_true", help=said("help_statement_print"))
    parser.add_argument("--user")

    parser = add(sub, "audit", "help_audit", audit_month)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--kind", help=said("help_audit_kind"))
    parser.add_argument("--operator")
    parser.add_argument("--household", type=int)
    parser.add_argument("--day", help=said("help_audit_day"))
    parser.add_argument("--review", metavar="FLAG", help=said("help_audit_review"))
    parser.add_argument("--comment", default="", help=said("help_audit_comment"))
    parser.add_argument("--no-verify", action="store_true", help=said("help_audit_no_verify"))
    parser.add_argument("--user")

    parser = add(sub, "export", "help_export", export)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--user")


def _closure_lines(view: ClosureView, closed: bool, out) -> list[str]:
    t, c, lang = view.totals, view.cumulative, out.lang

    def listed(pairs) -> str:
        return messages.worded(messages.AllOf(f"{name} {value}" for name, value in pairs), lang) or out.t("closure_none")

    lines = [
        (out.t("closure_closed", month=view.month, number=view.number) if closed
         else out.t("closure_preview", month=view.month)),
        out.t("closure_range", first=view.first_seq, last=view.last_seq, count=t.transactions, hash=view.last_hash),
        out.t("closure_month", issued=t.issued_cards, awarded=t.awarded, deducted=t.deducted, redeemed=t.redeemed,
              redemptions=t.redemptions, recovered=t.recovered,
              reversed="".join(out.t("closure_reversed", kind=kind_of(k), points=v) for k, v in t.reversed)),
        out.t("closure_categories", categories=listed((messages.stored(k, lang), v) for k, v in t.awarded_by_category)),
        out.t("closure_zones", zones=listed((messages.stored(z.zone, lang), z.points) for z in view.zones)),
        out.t("closure_deliveries", donations=notice.yuan(t.donations_fen), purchases=notice.yuan(t.purchases_fen)),
        out.t("closure_cumulative", issued=c.ever_issued, redeemed=c.redeemed, deducted=c.deducted,
              recovered=c.recovered, outstanding=c.outstanding, yuan=notice.yuan(c.outstanding_fen)),
        out.t("closure_hashes", prev=view.prev_hash[:16], head_seq=view.head_seq, head=view.head_hash[:16]),
    ]
    if closed:
        lines += [out.t("closure_hash", hash=view.hash), out.t("closure_qr", qr=view.qr_text)]
    return lines


def _closure_data(view: ClosureView) -> dict:
    data = plain(view)
    data["qr_text"] = view.qr_text
    data["anchor"] = view.anchor
    return data


def close(args, out) -> int:
    with database(args) as db:
        me, password = signed_in(args, db)
        if not args.preview:
            try:  # signed with the password the supervisor logged in with
                view = closure.close(db, me, args.month, password=password, confirm_recent=args.yes)
            except NeedsConfirm:
                print(out.t("closure_confirm_hint"), file=sys.stderr)
                raise
            out.show(_closure_data(view), _closure_lines(view, True, out))
            return 0
        checked = closure.preview(db, me, args.month)
    data = _closure_data(checked.view)
    data["findings"] = [{"error": f.key, "message": f.message(out.lang)} for f in checked.findings]
    data["now"], data["newest_at"] = checked.now, checked.newest_at
    data["ended_recently"], data["beyond_newest"] = checked.ended_recently, checked.beyond_newest
    lines = _closure_lines(checked.view, False, out)
    lines.append(out.t("closure_clock_line", now=_local(checked.now), newest=_local(checked.newest_at)))
    if checked.needs_confirm:
        lines.append(checked.confirm_refusal().message(out.lang))
    out.show(data, lines)
    for finding in checked.findings:  # each disagreement on a line of its own, as a refusal
        print(finding.message(out.lang), file=sys.stderr)
    return 2 if checked.findings else 0


def _local(at) -> str:
    return at.astimezone(periods.LOCAL).strftime("%Y-%m-%d %H:%M") if at is not None else "-"


def notice_pdf(args, out) -> int:
    with database(args) as db, writing(output_file(args, args.out)) as target:
        data, pages = notice.write_pdf(db, actor(args, db), args.month, target, a3=args.a3,
                                       mask_names=args.mask_names, lang=out.lang)
    out.show({"ok": True, "out": str(args.out), "pages": pages, "qr_text": data.qr_text,
              "households": len(data.households)},
             [out.t("notice_written", out=args.out, households=len(data.households), pages=pages),
              out.t("notice_qr", qr=data.qr_text)])
    return 0


def _figures(paper) -> dict:
    """A paper as JSON: its figures, without the fixed words it is printed with."""
    data = plain(paper)
    data.pop("words", None)
    return data


def honour_pdf(args, out) -> int:
    with database(args) as db, writing(output_file(args, args.out)) as target:
        roll, pages = honour.write_pdf(db, actor(args, db), args.month, target, mask_names=args.mask_names,
                                       lang=out.lang)
    lines = [out.t("honour_written", out=args.out, month=roll.month_title, pages=pages)]
    lines += [out.t("honour_top_line", board=board.title,
                    names="、".join(f"{line.head} {line.points}" for line in board.lines) or "-")
              for board in roll.month_boards + roll.year_boards]
    out.show({"ok": True, "out": str(args.out), "pages": pages, **_figures(roll)}, lines)
    return 0


def household_statement(args, out) -> int:
    if not args.out and not args.print:
        raise ShopError("nothing_to_print")
    if args.out:
        output_file(args, args.out)
    with database(args) as db:
        data = statement.statement(db, actor(args, db), args.card, args.month, out.lang)
    lines = [out.t("statement_line", head=data.head, group=data.group,
                   month=periods.Month.parse(args.month).title_in(out.lang),
                   opening=data.opening, count=len(data.lines), closing=data.closing)]
    if args.out:
        with writing(args.out) as target:
            pages = statement_printing.render_pdf(data, target)
        lines.append(out.t("pdf_written", out=args.out, pages=pages))
    if args.print:
        receipt_printer.statement_slip(this_pc(out).printer, data)
        lines.append(out.t("statement_printed"))
    out.show(_figures(data), lines)
    return 0


def audit_month(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        if args.review:
            done = audit.review(db, me, args.month, args.review, args.comment)
            out.show(plain(done), out.t("review_recorded", flag=args.review, reviewer=done.reviewer))
            return 0
        found = audit.report(db, me, args.month, kind=args.kind, operator=args.operator,
                             household=args.household, day=parse_date(args.day),
                             run_verify=not args.no_verify)
    out.show(_audit_data(found, out.lang), _audit_lines(found, out))
    return 0


def _audit_lines(found, out) -> list[str]:
    def said(value) -> str:
        return messages.worded(value, out.lang)

    state = out.t("audit_closed", number=found.closed) if found.closed else out.t("audit_open")
    lines = [out.t("audit_title", month=found.month, state=state), said(found.verify_summary),
             out.t("audit_entries", count=len(found.entries))]
    for e in found.entries:
        lines.append(out.t("audit_entry", at=f"{e.at.astimezone(periods.LOCAL):%m-%d %H:%M}", ref=f"{said(e.ref):<8}",
                           kind=messages.kind(e.kind, out.lang),
                           who=e.operator + (f"/{e.approver}" if e.approver else ""),
                           points=f"{e.points:+d}", detail=said(e.detail)))
    lines.append(out.t("audit_flags", count=len(found.flags)) if found.flags else out.t("audit_no_flags"))
    for f in found.flags:
        lines.append(out.t("audit_flag_line", state=out.t("flag_reviewed" if f.reviewed else "flag_waiting"),
                           key=f.key, title=said(f.title), message=said(f.message)))
        for r in f.reviews:
            lines.append(out.t("audit_review_line", reviewer=r.reviewer,
                               at=f"{r.at.astimezone(periods.LOCAL):%Y-%m-%d %H:%M}", comment=r.comment))
    return lines


def _audit_data(found, lang: str) -> dict:
    data = plain(found)
    data["verify_summary"] = messages.worded(found.verify_summary, lang)
    for item, entry in zip(data["entries"], found.entries, strict=True):
        item["ref"], item["detail"] = messages.worded(entry.ref, lang), messages.worded(entry.detail, lang)
    for item, flag in zip(data["flags"], found.flags, strict=True):
        item["title"], item["message"] = messages.worded(flag.title, lang), messages.worded(flag.message, lang)
    return data


def export(args, out) -> int:
    with database(args, create=False) as db, writing_folder(output_folder(args, args.out)) as target:
        manifest = monthexport.export(db, actor(args, db), args.month, target)
    out.show(manifest, out.t("month_exported", month=args.month, out=args.out, files=len(manifest["files"])))
    return 0
