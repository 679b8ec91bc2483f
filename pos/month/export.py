"""The auditor's export of one closed month, for the township.

The whole chain (accounts, transactions, postings, closures) as the ledger's
own export writes it, with its manifest and the standalone ``verify_export.py``
(which also checks every closure against the chain); then the month's
transactions and postings, its closure, the audit flags and reviews and the
notice's data, as CSV files with headers in the reader's language (Chinese unless asked)
and as one Excel workbook with one sheet each. Every file's SHA-256 is in the manifest.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from ledger.export import add_files, export as export_chain
from ledger.schema import Account, Posting, Transaction
from pos import messages
from pos.history import memo
from pos.month import audit
from pos.month.closure import closure_in
from pos.store.database import Database
from pos.periods import LOCAL, Month
from pos.store.tables import MonthClosure
from pos.service import Actor, caller
from pos.vocabulary import Role, Source, kind_of

WORKBOOK = "month.xlsx"
CHAIN = [Account.__table__, Transaction.__table__, Posting.__table__, MonthClosure.__table__]


def _safe(value):
    """A cell a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        try:
            int(value)
        except ValueError:
            return "'" + value
    return value


def _sheets(session, month: Month, progress, lang: str) -> list[tuple[str, str, list[str], list[list]]]:
    """(file name, sheet title, headers, rows) for each table of the month."""
    def t(key: str, **params) -> str:
        return messages.text(key, lang, **params)

    def columns(*names: str) -> list[str]:
        return [t(f"column_{name}") for name in names]

    view = closure_in(session, str(month))
    progress(2, 4, "progress_audit_flags")
    found = audit.report_in(session, month, run_verify=True)
    return [
        ("month_transactions.csv", t("sheet_transactions"),
         columns("seq", "at", "kind", "kind_code", "operator", "approver", "memo", "reverses", "attrs", "hash"),
         _transactions(session, view, lang)),
        ("month_postings.csv", t("sheet_postings"), columns("seq", "line", "account", "points"),
         _postings(session, view)),
        ("closure.csv", t("sheet_closure"), columns("item", "value"), _closure_rows(view, lang)),
        ("audit_flags.csv", t("sheet_flags"),
         columns("flag", "rule", "rule_title", "seq", "at", "operator", "household", "message", "reviewed"),
         [[f.key, f.rule, messages.worded(f.title, lang), f.seq or "", _time(f.at) if f.at else "", f.operator,
           f.household or "", messages.worded(f.message, lang), t("export_yes" if f.reviewed else "export_no")]
          for f in found.flags]),
        ("audit_reviews.csv", t("sheet_reviews"), columns("flag_key", "rule", "reviewer", "at", "comment"),
         [[f.key, f.rule, r.reviewer, _time(r.at), r.comment] for f in found.flags for r in f.reviews]),
        ("notice_households.csv", t("sheet_households"),
         columns("household_id", "group", "head", "card_tail", "opening", "earned", "deducted", "redeemed",
                 "recovered", "closing"),
         [[h.household_id, h.group, h.head, h.card[-4:], h.opening, h.earned, h.deducted, h.redeemed,
           h.recovered, h.closing] for h in view.households]),
        ("notice_deliveries.csv", t("sheet_deliveries"),
         columns("date", "source", "party", "goods", "quantity", "unit", "value_fen"),
         [[g.received_on.isoformat(), messages.word(Source(g.source), lang), g.donor or g.funding, g.goods,
           g.quantity, g.unit, g.value_fen] for g in view.deliveries]),
        ("notice_zones.csv", t("sheet_zones"), columns("zone", "pieces", "points"),
         [[z.zone, z.quantity, z.points] for z in view.zones]),
    ]


def _time(at) -> str:
    return at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")


def _transactions(session, view, lang: str) -> list[list]:
    t = Transaction.__table__.c
    return [
        [r.seq, r.at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M:%S"), messages.kind(r.kind, lang), r.kind,
         r.operator, r.approver or "", messages.worded(memo(r.kind, r.memo, json.loads(r.attrs or "{}")), lang),
         r.reverses or "", r.attrs, r.hash]
        for r in session.execute(select(t.seq, t.at, t.kind, t.operator, t.approver, t.memo, t.reverses,
                                        t.attrs, t.hash)
                                 .where(t.seq >= view.first_seq, t.seq <= view.last_seq).order_by(t.seq))
    ]


def _postings(session, view) -> list[list]:
    p = Posting.__table__.c
    codes = {i: c for i, c in session.execute(select(Account.id, Account.code))}
    return [[seq, line, codes[account], amount] for seq, line, account, amount in session.execute(
        select(p.tx_seq, p.line, p.account_id, p.amount)
        .where(p.tx_seq >= view.first_seq, p.tx_seq <= view.last_seq).order_by(p.tx_seq, p.line))]


def _closure_rows(view, lang: str) -> list[list]:
    def row(key: str, value, **params) -> list:
        return [messages.text(f"closure_row_{key}", lang, **params), value]

    c, m = view.cumulative, view.totals
    return [
        row("number", view.number), row("month", view.month), row("first_seq", view.first_seq),
        row("last_seq", view.last_seq), row("last_hash", view.last_hash), row("head_seq", view.head_seq),
        row("head_hash", view.head_hash), row("prev_hash", view.prev_hash), row("hash", view.hash),
        row("closed_at", view.closed_at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M:%S")),
        row("closed_by", view.closed_by), row("qr", view.qr_text),
        row("transactions", m.transactions), row("issued_cards", m.issued_cards), row("awarded", m.awarded),
        *[row("awarded_in", v, category=messages.stored(k, lang)) for k, v in m.awarded_by_category],
        row("deducted", m.deducted), row("redeemed", m.redeemed), row("redemptions", m.redemptions),
        *[row("reversed", v, kind=kind_of(k)) for k, v in m.reversed],
        row("recovered", m.recovered), row("donations", m.donations_fen), row("purchases", m.purchases_fen),
        row("ever_issued", c.ever_issued), row("ever_base", c.issued_cards), row("ever_awarded", c.awarded),
        row("ever_redeemed", c.redeemed), row("ever_deducted", c.deducted), row("ever_recovered", c.recovered),
        row("outstanding", c.outstanding), row("outstanding_fen", c.outstanding_fen),
    ]


def export(db: Database, actor: Actor, month: str, out: Path,
           progress: Callable[[int, int, str], None] | None = None, lang: str = "zh") -> dict:
    """Write the month's export into ``out`` (headers and words in ``lang``); return the manifest.
    ``progress`` gets (done, total, the catalogue key of what is being done)."""
    progress = progress or (lambda *_: None)
    period = Month.parse(month)
    with db.read() as session:
        caller(session, actor, Role.SUPERVISOR)
        view = closure_in(session, str(period))
        progress(0, 4, "progress_chain")
        export_chain(session, CHAIN, out)
        progress(1, 4, "progress_month_ledger")
        sheets = _sheets(session, period, progress, lang)
    progress(3, 4, "progress_writing")
    book = Workbook()
    book.remove(book.active)
    for name, title, headers, rows in sheets:
        with (out / name).open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(headers)
            writer.writerows([[_safe(v) for v in row] for row in rows])
        sheet = book.create_sheet(title)
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_safe(v) for v in row])
        sheet.freeze_panes = "A2"
    book.save(out / WORKBOOK)
    manifest = add_files(out, [name for name, *_ in sheets] + [WORKBOOK],
                         month={"month": str(period), "closure": view.number, "hash": view.hash,
                                "first_seq": view.first_seq, "last_seq": view.last_seq,
                                "last_hash": view.last_hash})
    progress(4, 4, "progress_done")
    return manifest
