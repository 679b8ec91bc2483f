"""The auditor's export of one closed month, for the township.

The whole chain (accounts, transactions, postings, closures) as the ledger's
own export writes it, with its manifest and the standalone ``verify_export.py``
(which also checks every closure against the chain); then the month's
transactions and postings, its closure, the audit flags and reviews and the
notice's data, as CSV files with Chinese headers and as one Excel workbook
with one sheet each. Every file's SHA-256 is in the manifest.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from ledger.export import add_files, export as export_chain
from ledger.schema import Account, Posting, Transaction
from pos.month import audit
from pos.month import notice
from pos.month.closure import closure_in
from pos.store.database import Database
from pos.periods import LOCAL, Month
from pos.store.tables import MonthClosure
from pos.service import Actor, caller
from pos.vocabulary import Role

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


def _sheets(session, month: Month, progress) -> list[tuple[str, str, list[str], list[list]]]:
    """(file name, sheet title, headers, rows) for each table of the month."""
    view = closure_in(session, str(month))
    t, p = Transaction.__table__.c, Posting.__table__.c
    codes = {i: c for i, c in session.execute(select(Account.id, Account.code))}
    transactions = [
        [r.seq, r.at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M:%S"), audit.KIND_NAMES.get(r.kind, r.kind),
         r.kind, r.operator, r.approver or "", r.memo, r.reverses or "", r.attrs, r.hash]
        for r in session.execute(select(t.seq, t.at, t.kind, t.operator, t.approver, t.memo, t.reverses,
                                        t.attrs, t.hash)
                                 .where(t.seq >= view.first_seq, t.seq <= view.last_seq).order_by(t.seq))
    ]
    postings = [[seq, line, codes[account], amount] for seq, line, account, amount in session.execute(
        select(p.tx_seq, p.line, p.account_id, p.amount)
        .where(p.tx_seq >= view.first_seq, p.tx_seq <= view.last_seq).order_by(p.tx_seq, p.line))]
    progress(2, 4, "审计提示")
    found = audit.report_in(session, month, run_verify=True)
    flags = [[f.key, f.rule, f.title, f.seq or "", f.at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M") if f.at else "",
              f.operator, f.household or "", f.message, "是" if f.reviewed else "否"] for f in found.flags]
    reviews = [[f.key, f.rule, r.reviewer, r.at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M"), r.comment]
               for f in found.flags for r in f.reviews]
    c, m = view.cumulative, view.totals
    closure_rows = [
        ["月结号", view.number], ["月份", view.month], ["首笔流水号", view.first_seq],
        ["末笔流水号", view.last_seq], ["末笔哈希", view.last_hash], ["账头流水号", view.head_seq],
        ["账头哈希", view.head_hash], ["上期月结哈希", view.prev_hash], ["月结哈希", view.hash],
        ["月结时间", view.closed_at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M:%S")],
        ["月结人", view.closed_by], ["公示二维码", view.qr_text],
        ["本月交易笔数", m.transactions], ["本月发卡基础积分", m.issued_cards], ["本月加分", m.awarded],
        *[[f"本月加分：{k}", v] for k, v in m.awarded_by_category],
        ["本月扣分", m.deducted], ["本月兑换", m.redeemed], ["本月兑换笔数", m.redemptions],
        *[[f"本月冲正：{notice.REVERSED_NAMES.get(k, k)}", v] for k, v in m.reversed],
        ["本月回收积分", m.recovered], ["本月捐赠价值（分）", m.donations_fen],
        ["本月采购金额（分）", m.purchases_fen],
        ["累计发放积分", c.ever_issued], ["累计基础积分", c.issued_cards], ["累计奖励加分", c.awarded],
        ["累计兑换积分", c.redeemed], ["累计扣分", c.deducted], ["累计回收积分", c.recovered],
        ["在册积分余额", c.outstanding], ["余额折合（分）", c.outstanding_fen],
    ]
    households = [[h.household_id, h.group, h.head, h.card[-4:], h.opening, h.earned, h.deducted,
                   h.redeemed, h.recovered, h.closing] for h in view.households]
    deliveries = [[g.received_on.isoformat(), "捐赠" if g.source == "donation" else "采购",
                   g.donor or g.funding, g.goods, g.quantity, g.unit, g.value_fen] for g in view.deliveries]
    zones = [[z.zone, z.quantity, z.points] for z in view.zones]
    return [
        ("month_transactions.csv", "本月台账",
         ["流水号", "时间", "类别", "类别代码", "操作员", "审批人", "摘要", "冲正的流水号", "属性", "哈希"],
         transactions),
        ("month_postings.csv", "本月分录", ["流水号", "行", "账户", "积分"], postings),
        ("closure.csv", "月结", ["项目", "数值"], closure_rows),
        ("audit_flags.csv", "审计提示",
         ["编号", "规则", "规则名称", "流水号", "时间", "操作员", "户", "说明", "已审核"], flags),
        ("audit_reviews.csv", "审核记录", ["提示编号", "规则", "审核人", "时间", "意见"], reviews),
        ("notice_households.csv", "公示-各户",
         ["户编号", "村民小组", "户主", "卡号后四位", "期初", "本月得分", "本月扣分", "本月兑换", "回收", "期末余额"],
         households),
        ("notice_deliveries.csv", "公示-捐赠与采购",
         ["日期", "来源", "捐赠方或资金来源", "物品", "数量", "单位", "价值（分）"], deliveries),
        ("notice_zones.csv", "公示-分区兑换", ["商品分区", "件数", "积分"], zones),
    ]


def export(db: Database, actor: Actor, month: str, out: Path,
           progress: Callable[[int, int, str], None] | None = None) -> dict:
    """Write the month's export into ``out``; return the manifest."""
    progress = progress or (lambda *_: None)
    period = Month.parse(month)
    with db.read() as session:
        caller(session, actor, Role.SUPERVISOR)
        view = closure_in(session, str(period))
        progress(0, 4, "导出整条哈希链")
        export_chain(session, CHAIN, out)
        progress(1, 4, "本月台账")
        sheets = _sheets(session, period, progress)
    progress(3, 4, "写入 CSV 与 Excel")
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
    progress(4, 4, "完成")
    return manifest
