"""What the monthly public notice (公示) says, as plain data for ``printing.notice``.

Everything comes from the stored closure (hashed when the month was closed),
plus the village's notice settings; nothing is summed again, so the notice
costs the same whatever the length of the village's history. Villagers' ID
and phone numbers never appear; names can be masked in the middle (王*芳).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

import ledger
from pos.errors import ShopError
from pos.month.closure import closure_in
from pos.month.document import GENESIS, QR_PREFIX, ClosureView, digest
from pos.store.tables import MonthClosure
from pos.vocabulary import Source
from pos.store.database import Database
from pos.periods import LOCAL, Month
from pos import messages
from pos.service import Actor, caller
from pos.village import Settings, settings_in
from printing import notice as printing_notice
from printing.notice import DeliveryRow, EchoRow, HouseholdRow, Notice

REVERSED_NAMES = {"award": "加分", "hygiene": "卫生检查", "deduction": "扣分", "redemption": "兑换",
                  "card_issue": "发卡"}


def mask(name: str) -> str:
    """王芳 -> 王*, 王秀芳 -> 王*芳, 欧阳秀芳 -> 欧**芳."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def echo_wall(session: Session, month: Month) -> tuple[EchoRow, ...]:
    """Wishes fulfilled in ``month``, for the notice's echo-wall section: the villager's name
    as the public may see it (masked unless they agreed), the donor named in thanks."""
    from pos import wishes

    return tuple(
        EchoRow(f"{e.group} {e.public_name}", e.text, f"{e.donor}（{e.donor_type}）",
                f"{e.delivered_on:%m-%d}", e.echo or "—")
        for e in wishes.echo_in(session, month.first_day, month.next().first_day))


def _month_totals(view: ClosureView) -> tuple[tuple[str, str], ...]:
    t = view.totals
    rows = [("新发积分卡基础积分", str(t.issued_cards))]
    rows += [(f"加分：{category}", str(points)) for category, points in t.awarded_by_category]
    rows += [("加分合计", str(t.awarded)), ("扣分", str(t.deducted)),
             (f"兑换（{t.redemptions} 笔）", str(t.redeemed))]
    rows += [(f"冲正：{REVERSED_NAMES.get(kind, kind)}", str(points)) for kind, points in t.reversed]
    rows += [("回收积分卡", str(t.recovered)),
             ("捐赠物资价值（元）", yuan(t.donations_fen)), ("采购金额（元）", yuan(t.purchases_fen)),
             ("本月交易笔数", str(t.transactions))]
    return tuple(rows)


def _cumulative(view: ClosureView) -> tuple[tuple[str, str], ...]:
    c = view.cumulative
    return (
        ("累计发放积分", str(c.ever_issued)),
        ("其中：基础积分", str(c.issued_cards)),
        ("其中：奖励加分", str(c.awarded)),
        ("累计兑换积分", str(c.redeemed)),
        ("累计扣分", str(c.deducted)),
        ("累计回收积分", str(c.recovered)),
        ("在册积分余额", str(c.outstanding)),
        ("余额折合（元）", yuan(c.outstanding_fen)),
    )


def month_total_rows(view: ClosureView) -> tuple[tuple[str, str], ...]:
    """The month's totals as the notice prints them (the closing screen shows the same lines)."""
    return _month_totals(view)


def cumulative_rows(view: ClosureView) -> tuple[tuple[str, str], ...]:
    """The totals since the village began, as the notice prints them."""
    return _cumulative(view)


def _delivery(line, donation: bool) -> DeliveryRow:
    return DeliveryRow(
        date=line.received_on.isoformat(),
        party=line.donor if donation else (line.funding or "其他"),
        kind=messages.donor_type(line.donor_type or "other") if donation else messages.word(Source.PURCHASE),
        goods=line.goods, quantity=f"{line.quantity}{line.unit}", value=yuan(line.value_fen))


def build(view: ClosureView, settings: Settings, *, mask_names: bool | None = None,
          echo: tuple[EchoRow, ...] = (), key_fingerprint: str = "",
          county_received: int | None = None) -> Notice:
    masked = settings.mask_names if mask_names is None else mask_names
    name = mask if masked else (lambda n: n)
    posted = view.closed_at.astimezone(LOCAL).date()
    until = posted + timedelta(days=settings.notice_days - 1)
    return Notice(
        village=view.village, shop=view.shop, month_title=Month.parse(view.month).title,
        number=view.number, first_seq=view.first_seq, last_seq=view.last_seq,
        last_hash=view.last_hash, qr_text=view.qr_text, closed_on=_date(posted),
        households=tuple(
            HouseholdRow(h.group, name(h.head), h.card[-4:], h.opening, h.earned, h.deducted,
                         h.redeemed, h.recovered, h.closing) for h in view.households),
        donations=tuple(_delivery(line, True) for line in view.donations),
        purchases=tuple(_delivery(line, False) for line in view.purchases),
        zones=tuple((z.zone, z.quantity, z.points) for z in view.zones),
        month_totals=_month_totals(view), cumulative=_cumulative(view),
        notice_period=f"{_date(posted)} 至 {_date(until)}（{settings.notice_days} 天）",
        objection_phone=settings.objection_phone,
        point_note=f"每分折合 {yuan(view.point_value_fen)} 元，仅供参考；积分只兑换商品，不兑换现金。",
        echo=echo, masked=masked, key_fingerprint=key_fingerprint, county_received=county_received,
    )


def _date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def notice_data(db: Database, actor: Actor, month: str, *, mask_names: bool | None = None) -> Notice:
    """The notice of a closed month (any logged-in user may see and print it)."""
    with db.read() as session:
        caller(session, actor)
        view = closure_in(session, month)
        return build(view, settings_in(session), mask_names=mask_names,
                     echo=echo_wall(session, Month.parse(month)), **county_lines(session, view))


def county_lines(session: Session, view: ClosureView) -> dict:
    """The village key's fingerprint (made on first need) and the newest closure the county
    acknowledged by a receipt recorded before this month was closed."""
    from pos.county import receipt, signing
    from pos.village import village_id

    identity = village_id(session)
    if identity is None:
        return {}
    return {"key_fingerprint": signing.village_key(identity).fingerprint,
            "county_received": receipt.received_through(session, view.head_seq)}


def write_pdf(db: Database, actor: Actor, month: str, path: Path, *, a3: bool = False,
              mask_names: bool | None = None,
              progress: Callable[[int, int, str], None] | None = None) -> tuple[Notice, int]:
    """Build the notice's PDF at ``path``; return its data and the number of pages."""
    if progress:
        progress(0, 2, "读取月结")
    notice = notice_data(db, actor, month, mask_names=mask_names)
    if progress:
        progress(1, 2, "生成 PDF")
    pages = printing_notice.render(notice, path, a3=a3)
    if progress:
        progress(2, 2, "完成")
    return notice, pages


# ---------------------------------------------------------------- proving a notice


@dataclass(frozen=True)
class NoticeAnchor:
    village: str
    number: int
    last_seq: int
    last_hash: str


def parse_qr(text: str) -> NoticeAnchor:
    """The notice's QR text: ``AIXIN1|village|closure number|last seq|hash``."""
    parts = (text or "").strip().split("|")
    if len(parts) != 5 or parts[0] != QR_PREFIX:
        raise ShopError("notice_text_bad")
    _, village, number, seq, digest = parts
    digest = digest.lower()
    if (not number.isdigit() or not seq.isdigit() or len(digest) != 64
            or any(c not in "0123456789abcdef" for c in digest)):
        raise ShopError("notice_text_bad")
    return NoticeAnchor(village, int(number), int(seq), digest)


@dataclass(frozen=True)
class NoticeCheck:
    """What ``verify --notice`` found. ``ok`` only if the ledger still holds the printed head
    and the closure the notice was printed from is there, whole, in its chain."""

    anchor: NoticeAnchor
    report: ledger.verification.Report
    problems: tuple[tuple[str, dict], ...]  # (message key, params)

    @property
    def ok(self) -> bool:
        return self.report.anchor_seq is not None and not self.problems and not any(
            f.seq is None or f.seq <= self.anchor.last_seq for f in self.report.findings)


def check_notice(session: Session, text: str) -> NoticeCheck:
    anchor = parse_qr(text)
    report = ledger.verify(session, anchor=(anchor.last_seq, anchor.last_hash))
    problems: list[tuple[str, dict]] = []
    village = settings_in(session)
    if village.name != anchor.village:
        problems.append(("notice_other_village", {"village": anchor.village, "here": village.name}))
    if report.anchor_seq is None:
        problems.append(("notice_head_missing", {"seq": anchor.last_seq, "hash": anchor.last_hash[:16]}))
    rows = session.scalars(select(MonthClosure).where(MonthClosure.number <= anchor.number)
                           .order_by(MonthClosure.number)).all()
    prev = GENESIS
    found = None
    for row in rows:
        if digest(row.document) != row.hash:
            problems.append(("notice_closure_tampered", {"number": row.number}))
        if row.prev_hash != prev:
            problems.append(("notice_closure_chain", {"number": row.number}))
        prev = row.hash
        if row.number == anchor.number:
            found = row
    if found is None:
        problems.append(("notice_closure_missing", {"number": anchor.number}))
    elif (found.last_seq, found.last_hash) != (anchor.last_seq, anchor.last_hash):
        problems.append(("notice_closure_differs", {"number": anchor.number}))
    else:
        later = session.scalars(select(MonthClosure).where(MonthClosure.number > anchor.number)
                                .order_by(MonthClosure.number)).all()
        for row in later:
            if row.prev_hash != prev or digest(row.document) != row.hash:
                problems.append(("notice_closure_chain", {"number": row.number}))
            prev = row.hash
            if row.last_seq > report.head_seq:
                problems.append(("notice_tail_missing", {"number": row.number, "seq": row.last_seq,
                                                         "head": report.head_seq}))
    return NoticeCheck(anchor, report, tuple(problems))
