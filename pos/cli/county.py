"""aixin county …: the village's package and the county's receipt (village side), and the
county database's commands (set-up, users, import, keys, reports, spot checks, rebuild).
The county's reference rules come into a village by ``aixin rule import`` (pos.cli.rules).

Village-side commands work on the village's database (``--db`` or ``AIXIN_DB``);
county commands on the county's (``--db`` or ``AIXIN_COUNTY_DB``), with a county
user (``--user`` or ``AIXIN_USER``, password from ``AIXIN_PASSWORD``).
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from pos.cli.common import (
    acting,
    actor,
    add,
    database,
    group,
    later,
    number,
    output_file,
    plain,
    read_input,
    said,
    secret,
)
from pos.errors import ShopError

accounts, intake, keys, package, receipt, reference, report, spotcheck, rebuild = (
    later(f"pos.county.{name}") for name in (
        "accounts", "intake", "keys", "package", "receipt", "reference", "report", "spotcheck", "rebuild"))
signing, vocabulary = later("pos.county.signing"), later("pos.county.vocabulary")
county_database, store = later("pos.county.database"), later("pos.store.database")
village = later("pos.village")

COUNTY_DB_ENV = "AIXIN_COUNTY_DB"


def register(sub) -> None:
    county = group(sub, "county", "help_county")
    # the village's side
    add(county, "key", "help_county_key", key_show)
    parser = acting(county, "package", "help_county_package", package_make)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser = acting(county, "send", "help_county_send", package_send)
    parser.add_argument("--to", required=True, metavar="URL", help=said("help_county_send_to"))
    parser.add_argument("--file", type=Path, help=said("help_county_send_file"))
    parser = acting(county, "receipt", "help_county_receipt", receipt_record)
    parser.add_argument("file", type=Path)
    parser.add_argument("--accept-key", action="store_true", help=said("help_county_receipt_accept_key"))

    # the county's side
    parser = add(county, "init", "help_county_init", county_init)
    parser.add_argument("--county", required=True, help=said("help_county_init_county"))
    parser.add_argument("--admin", required=True, help=said("help_county_init_admin"))
    parser.add_argument("--admin-name", default="")
    parser.add_argument("--late-days", type=number(1, 120), default=15, help=said("help_county_init_late_days"))
    people = group(county, "user", "help_county_user")
    parser = acting(people, "add", "help_county_user_add", user_add)
    parser.add_argument("username")
    parser.add_argument("--role", choices=("admin", "official"), default="official")
    parser.add_argument("--name", default="")
    acting(people, "list", "help_county_user_list", user_list)

    parser = acting(county, "import", "help_county_import", county_import)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--inbox", action="store_true", help=said("help_county_import_inbox"))
    parser.add_argument("--receipts", type=Path, metavar="DIR", help=said("help_county_import_receipts"))
    acting(county, "villages", "help_county_villages", villages_list)
    parser = acting(county, "keys", "help_county_keys", keys_list)
    parser.add_argument("--village")
    parser = acting(county, "accept", "help_county_accept", key_accept)
    parser.add_argument("fingerprint")
    parser.add_argument("--receipts", type=Path, metavar="DIR")
    parser = acting(county, "retire", "help_county_retire", key_retire)
    parser.add_argument("fingerprint")
    rules = group(county, "rules", "help_county_rules")
    parser = acting(rules, "export", "help_county_rules_export", rules_export)
    parser.add_argument("--out", type=Path, required=True)
    parser = acting(rules, "load", "help_county_rules_load", rules_load)
    parser.add_argument("file", type=Path)
    parser = acting(county, "report", "help_county_report", county_report)
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help=said("help_county_report_as_of"))
    parser.add_argument("--out", type=Path, metavar="DIR", help=said("help_county_report_out"))
    parser = acting(county, "spotcheck", "help_county_spotcheck", spot_check)
    parser.add_argument("--village", required=True)
    parser.add_argument("--out", type=Path, required=True, metavar="PDF")
    parser.add_argument("--month", metavar="YYYY-MM")
    parser.add_argument("--households", type=number(1, 100), default=8)
    parser.add_argument("--goods", type=number(0, 100), default=8)
    parser.add_argument("--seed", type=number())
    parser = acting(county, "findings", "help_county_findings", findings)
    parser.add_argument("file", type=Path)
    parser = acting(county, "restore-village", "help_county_restore_village", restore_village)
    parser.add_argument("--village", required=True)
    parser.add_argument("--out", required=True, metavar="DB_URL")


# ---------------------------------------------------------------- the village's side


def key_show(args, out) -> int:
    with database(args, create=False) as db, db.read() as session:
        identity = village.village_id(session)
    if identity is None:
        raise ShopError("county_no_ledger")
    key = signing.village_key(identity)
    data = {"village_id": identity, "algorithm": key.algorithm, "fingerprint": key.fingerprint,
            "public_key": key.public_hex, "file": str(key.path)}
    out.show(data, [out.t("county_key_line", fingerprint=key.fingerprint, algorithm=key.algorithm),
                    out.t("county_village_id_line", id=identity), str(key.path)])
    return 0


def _made_lines(made, out) -> list[str]:
    return [out.t("county_package_made", path=made.path, closures=f"{made.closures[0]}–{made.closures[-1]}",
                  months="、".join(made.months) if out.lang != "en" else ", ".join(made.months),
                  first=made.from_seq, last=made.to_seq),
            out.t("county_key_line", fingerprint=made.fingerprint, algorithm=signing.ALGORITHM),
            f"SHA-256 {made.sha256}"]


def package_make(args, out) -> int:
    if not args.out.is_dir():
        raise ShopError("folder_missing", path=str(args.out))
    with database(args, create=False) as db:
        made = package.make(db, actor(args, db), args.out)
    out.show(plain(made), _made_lines(made, out))
    return 0


def package_send(args, out) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = args.file
        lines = []
        if path is None:
            with database(args, create=False) as db:
                made = package.make(db, actor(args, db), Path(folder))
            path, lines = made.path, _made_lines(made, out)
        elif not path.is_file():
            raise ShopError("file_missing", path=str(path), detail="")
        inbox = intake.send(args.to, path)
    out.show({"ok": True, "inbox": inbox, "file": path.name}, lines + [out.t("county_sent", id=inbox)])
    return 0


def receipt_record(args, out) -> int:
    data = read_input(args.file)
    with database(args, create=False) as db:
        done = receipt.record(db, actor(args, db), data, accept_key=args.accept_key)
    key = "county_receipt_recorded" if done.new else "county_receipt_known"
    out.show(plain(done), out.t(key, county=done.county, closure=done.last_closure, seq=done.seq or "-",
                                fingerprint=done.fingerprint))
    return 0


def _county_url(args) -> str:
    url = args.db or os.environ.get(COUNTY_DB_ENV)
    if not url:
        raise ShopError("county_db_needed", env=COUNTY_DB_ENV)
    return url


def _county(args, *, create: bool = False):
    return county_database.open_county(_county_url(args), create=create)


def _official(args, db):
    username = getattr(args, "user", None) or os.environ.get("AIXIN_USER")
    if not username:
        raise ShopError("user_needed")
    return accounts.login(db, username, secret("AIXIN_PASSWORD", said("prompt_password", username=username)))


def county_init(args, out) -> int:
    password = secret("AIXIN_PASSWORD", said("prompt_county_admin_password"))
    with _county(args, create=True) as db:
        made = accounts.initialise(db, name=args.county, admin=args.admin, admin_name=args.admin_name,
                                   password=password, late_days=args.late_days)
    path = signing.county_key_path(made.county_id)
    out.show({**plain(made), "key_file": str(path)},
             [out.t("county_set_up", county=made.name, admin=args.admin),
              out.t("county_key_line", fingerprint=made.fingerprint, algorithm=made.algorithm),
              out.t("county_key_file", path=path)])
    return 0


def user_add(args, out) -> int:
    with _county(args) as db:
        me = _official(args, db)
        password = secret("AIXIN_NEW_PASSWORD", said("prompt_new_password", username=args.username))
        view = accounts.add_user(db, me, args.username, args.name, vocabulary.CountyRole(args.role), password)
    out.show(plain(view), out.t("county_user_added", username=view.username, role=view.role.value))
    return 0


def user_list(args, out) -> int:
    with _county(args) as db:
        rows = accounts.list_users(db, _official(args, db))
    out.show(plain(rows), [f"{u.username}\t{u.display_name}\t{u.role.value}"
                           + ("" if u.active else "\t-") + ("\tlocked" if u.locked else "") for u in rows])
    return 0


def _imported_line(result, out) -> str:
    if result.status == vocabulary.PackageStatus.IMPORTED:
        line = out.t("county_imported", village=result.village, closures=", ".join(map(str, result.closures)),
                     months=", ".join(result.months), transactions=result.transactions)
        if result.receipt:
            line += "\n  " + out.t("county_receipt_written", path=result.receipt)
        for note in result.notes:
            line += "\n  " + out.t("county_import_note", note=note)
        return line
    reason = out.t(result.reason, **result.params) if result.reason else ""
    return out.t(f"county_package_{result.status.value}", file=result.file, reason=reason)


def county_import(args, out) -> int:
    if not args.files and not args.inbox:
        raise ShopError("county_import_nothing")
    if args.receipts is not None and not args.receipts.is_dir():
        raise ShopError("folder_missing", path=str(args.receipts))
    with _county(args) as db:
        me = _official(args, db)
        results = intake.import_files(db, me, args.files, receipts_dir=args.receipts)
        if args.inbox:
            results += intake.import_inbox(db, me, receipts_dir=args.receipts)
    out.show(plain(results), [_imported_line(r, out) for r in results])
    return 1 if any(r.status == vocabulary.PackageStatus.REFUSED for r in results) else 0


def villages_list(args, out) -> int:
    with _county(args) as db:
        rows = report.villages(db, _official(args, db))
    out.show(plain(rows), [f"{v.village}\t{v.village_id[:12]}\t{v.first_month or '-'}–{v.last_month or '-'}\t"
                           + out.t("county_village_line", closure=v.closure_number, seq=v.head_seq,
                                   fingerprint=v.fingerprint) for v in rows])
    return 0


def keys_list(args, out) -> int:
    with _county(args) as db:
        rows = keys.keys(db, _official(args, db), village_id=args.village)
    out.show(plain(rows), [f"{k.village}\t{k.fingerprint}\t{out.t('county_keystatus_' + k.status.value)}"
                           + (f"\t{out.t('county_key_waiting', count=k.waiting)}" if k.waiting else "")
                           for k in rows])
    return 0


def key_accept(args, out) -> int:
    with _county(args) as db:
        results = intake.accept_key(db, _official(args, db), args.fingerprint, receipts_dir=args.receipts)
    out.show(plain(results), [out.t("county_key_accepted", fingerprint=args.fingerprint)]
             + [_imported_line(r, out) for r in results])
    return 0


def key_retire(args, out) -> int:
    with _county(args) as db:
        view = keys.retire_key(db, _official(args, db), args.fingerprint)
    out.show(plain(view), out.t("county_key_retired_line", village=view.village, fingerprint=view.fingerprint))
    return 0


def rules_export(args, out) -> int:
    with _county(args) as db:
        done = reference.export(db, _official(args, db), args.out)
    out.show(plain(done), out.t("county_rules_exported", path=done.path, rules=done.rules,
                                retired=done.retired, fingerprint=done.fingerprint))
    return 0


def rules_load(args, out) -> int:
    data = read_input(args.file)
    with _county(args) as db:
        count = reference.load(db, _official(args, db), data)
    out.show({"ok": True, "rules": count}, out.t("county_rules_loaded", count=count))
    return 0


def county_report(args, out) -> int:
    as_of = date.fromisoformat(args.as_of) if args.as_of else None
    if args.out is not None and not args.out.is_dir():
        raise ShopError("folder_missing", path=str(args.out))
    with _county(args) as db:
        found = report.report(db, _official(args, db), args.month, as_of)
    lines = [out.t("county_report_title", county=found.county, month=found.month, as_of=found.as_of)]
    lines += [f"  {label}: {value}" for label, value in report.total_rows(found.totals, out.lang)]
    lines.append("  " + "  ".join(f"{out.t('county_status_' + s)} {found.count(s)}"
                                  for s in report.STATUS_ORDER if found.count(s)))
    lines += [f"  ! {line}" for line in report.attention(found, out.lang)]
    data = plain(found)
    if args.out is not None:
        book, pdf, pages = report.write_files(found, args.out, out.lang)
        lines.append(out.t("county_report_written", book=book, pdf=pdf))
        data["files"] = {"workbook": str(book), "pdf": str(pdf), "pages": pages}
    out.show(data, lines)
    return 0


def spot_check(args, out) -> int:
    output_file(args, args.out)
    with _county(args) as db:
        drawn = spotcheck.draw(db, _official(args, db), args.village, month=args.month,
                               households=args.households, goods=args.goods, seed=args.seed)
    pdf, sheet, pages = spotcheck.write(drawn, args.out, out.lang)
    out.show({**plain(drawn), "pdf": str(pdf), "sheet": str(sheet), "pages": pages},
             [out.t("county_spotcheck_drawn", id=drawn.id, village=drawn.village, month=drawn.month,
                    households=len(drawn.households), goods=len(drawn.goods)),
              out.t("county_spotcheck_written", pdf=pdf, sheet=sheet)])
    return 0


def findings(args, out) -> int:
    data = read_input(args.file)
    with _county(args) as db:
        rows = spotcheck.enter_findings(db, _official(args, db), data)
    differ = [f for f in rows if f.differs]
    lines = [out.t("county_findings_entered", count=len(rows), differ=len(differ))]
    lines += [out.t("county_finding_differs", name=f.name, ref=f.ref, expected=f.expected, found=f.found)
              for f in differ]
    out.show(plain(rows), lines)
    return 1 if differ else 0


def restore_village(args, out) -> int:
    with _county(args) as db:
        done = rebuild.restore_village(db, _official(args, db), args.village, args.out)
    lines = [out.t("county_rebuilt", village=done.village, url=done.url, transactions=done.transactions,
                   closures=done.closures, seq=done.head_seq, hash=done.head_hash),
             out.t("county_rebuilt_verified" if done.verified else "county_rebuilt_not_verified")]
    lines += [f"  {finding}" for finding in done.findings]
    lines.append(out.t("county_rebuilt_passwords"))
    lines += [f"  {p.username}\t{p.display_name}\t{p.password or out.t('county_rebuilt_inactive')}"
              for p in done.passwords]
    lines.append(out.t("county_rebuilt_lost"))
    out.show(plain(done), lines)
    return 0 if done.verified else 1
