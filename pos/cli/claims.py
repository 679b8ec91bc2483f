"""aixin claim (add, list, review, post, object, credit, print): a village on claims."""

from __future__ import annotations

from pathlib import Path

from pos import messages
from pos.cli.common import (
    acting, actor, call, database, group, later, number, output_file, parse_date, plain, read_input, said, writing,
)
from pos.vocabulary import ClaimStatus

claims, posting_sheet = later("pos.claims"), later("pos.month.posting")


def register(sub) -> None:
    claim = group(sub, "claim", "help_claim")
    parser = acting(claim, "add", "help_claim_add", claim_add)
    parser.add_argument("--household", type=number(1), nargs="+", required=True)
    parser.add_argument("--rule", required=True)
    parser.add_argument("--points", type=number())
    parser.add_argument("--date", help=said("help_deed_date"))
    parser.add_argument("--declared-by", required=True, help=said("help_claim_add_declared_by"))
    parser.add_argument("--note", default="")
    parser.add_argument("--photo", type=Path, help=said("help_claim_add_photo"))

    parser = acting(claim, "list", "help_claim_list", claim_list)
    parser.add_argument("--status", choices=[s.value for s in ClaimStatus])
    parser.add_argument("--household", type=number(1))

    parser = acting(claim, "review", "help_claim_review", claim_review)
    parser.add_argument("id", type=number(1))
    verdict = parser.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--accept", action="store_true")
    verdict.add_argument("--reject", metavar="REASON", help=said("help_claim_review_reject"))
    parser.add_argument("--points", type=number())

    parser = acting(claim, "post", "help_claim_post", claim_post)
    parser.add_argument("--start", help=said("help_claim_post_start"))
    parser.add_argument("--days", type=number(1, 60), help=said("help_claim_post_days"))

    parser = acting(claim, "object", "help_claim_object", claim_object)
    parser.add_argument("id", type=number(1))
    parser.add_argument("--by", required=True, help=said("help_claim_object_by"))
    parser.add_argument("--what", required=True, help=said("help_claim_object_what"))
    parser.add_argument("--date", help=said("help_claim_object_date"))

    parser = acting(claim, "credit", "help_claim_credit", claim_credit)
    parser.add_argument("posting", type=number(1))

    parser = acting(claim, "print", "help_claim_print", claim_print)
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
