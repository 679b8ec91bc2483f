"""aixin claim (add, list, review, post, object, credit, print): a village on claims."""

from __future__ import annotations

from pathlib import Path

from pos import messages
from pos.cli.common import (
    acting, actor, call, database, group, later, number, output_file, parse_date, plain, read_input, writing,
)
from pos.vocabulary import ClaimStatus

claims, posting_sheet = later("pos.claims"), later("pos.month.posting")


def register(sub) -> None:
    claim = group(sub, "claim", "积分申报：录入、评议、公示、异议、记分 / claims: enter, review, post, object, credit")
    parser = acting(claim, "add", "录入申报（可多户）/ enter a claim (one or many households)", claim_add)
    parser.add_argument("--household", type=number(1), nargs="+", required=True)
    parser.add_argument("--rule", required=True)
    parser.add_argument("--points", type=number())
    parser.add_argument("--date", help="事迹日期 YYYY-MM-DD")
    parser.add_argument("--declared-by", required=True, help="申报人 / who declared it")
    parser.add_argument("--note", default="")
    parser.add_argument("--photo", type=Path, help="照片文件（存于数据库旁，SHA-256 记入账本）/ a photo file")

    parser = acting(claim, "list", "列出申报 / list claims", claim_list)
    parser.add_argument("--status", choices=[s.value for s in ClaimStatus])
    parser.add_argument("--household", type=number(1))

    parser = acting(claim, "review", "评议：通过（可改分值）或不通过 / review: accept (points may change) or reject",
                    claim_review)
    parser.add_argument("id", type=number(1))
    verdict = parser.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--accept", action="store_true")
    verdict.add_argument("--reject", metavar="REASON", help="不通过的原因 / the reason")
    parser.add_argument("--points", type=number())

    parser = acting(claim, "post", "公示所有已通过的申报 / post every accepted claim", claim_post)
    parser.add_argument("--start", help="公示开始日期（默认今天）/ first day (default today)")
    parser.add_argument("--days", type=number(1, 60), help="公示天数（默认本村设置）/ days up")

    parser = acting(claim, "object", "登记异议（暂停记分，待重新评议）/ an objection holds a claim", claim_object)
    parser.add_argument("id", type=number(1))
    parser.add_argument("--by", required=True, help="异议人 / who objects")
    parser.add_argument("--what", required=True, help="异议内容 / what")
    parser.add_argument("--date", help="异议日期（默认今天）")

    parser = acting(claim, "credit", "公示期满无异议，记分 / credit a posting after its notice", claim_credit)
    parser.add_argument("posting", type=number(1))

    parser = acting(claim, "print", "公示单 PDF（A4）/ a posting as an A4 PDF", claim_print)
    parser.add_argument("posting", type=number(1))
    parser.add_argument("--out", type=Path, required=True)


def _line(out, c) -> str:
    return out.t("claim_line", id=c.id, status=c.status, head=c.head, code=c.rule, name=c.rule_name,
                 points=c.points, date=c.deed_date.isoformat(), declared=c.declared_by,
                 posting=out.t("claim_on_posting", posting=c.posting_id) if c.posting_id else "")


def claim_add(args, out) -> int:
    with database(args) as db:
        me = actor(args, db)
        photo = claims.keep_photo(db, read_input(args.photo), args.photo.suffix) if args.photo else ""
        made = claims.enter(db, me, args.household, args.rule, args.points, parse_date(args.date),
                            args.declared_by, args.note, photo)
    out.show(plain(made), [out.t("claim_entered", count=len(made))] + [_line(out, c) for c in made])
    return 0


def claim_list(args, out) -> int:
    with database(args, create=False) as db:
        rows = claims.list_claims(db, actor(args, db), ClaimStatus(args.status) if args.status else None,
                                  args.household)
    out.show(plain(rows), [_line(out, c) for c in rows] or out.t("claims_none"))
    return 0


def claim_review(args, out) -> int:
    with database(args) as db:
        done = claims.review(db, actor(args, db), args.id, accept=args.accept, points=args.points,
                             reason=args.reject or "")
    out.show(plain(done), _line(out, done))
    return 0


def claim_post(args, out) -> int:
    with database(args) as db:
        posted = claims.post(db, actor(args, db), parse_date(args.start), args.days)
    out.show(plain(posted), [out.t("posting_made", id=posted.id, count=len(posted.claims), points=posted.points,
                                   first=posted.starts_on.isoformat(), last=posted.ends_on.isoformat())]
             + [_line(out, c) for c in posted.claims])
    return 0


def claim_object(args, out) -> int:
    with database(args) as db:
        held = claims.object_to(db, actor(args, db), args.id, args.by, args.what, parse_date(args.date))
    out.show(plain(held), _line(out, held))
    return 0


def claim_credit(args, out) -> int:
    done = call(args, claims.credit, args.posting)
    out.show(plain(done), out.t("posting_credited_line", id=done.posting_id, seq=done.seq,
                                count=len(done.claims), points=done.points,
                                claims=messages.AllOf(str(c) for c in done.claims)))
    return 0


def claim_print(args, out) -> int:
    path = output_file(args, args.out)
    with database(args, create=False) as db, writing(path) as target:
        sheet, pages = posting_sheet.write_pdf(db, actor(args, db), args.posting, target, lang=out.lang)
    out.show({"ok": True, "out": str(path), "pages": pages, "claims": len(sheet.rows)},
             out.t("pdf_written", out=path, pages=pages))
    return 0
