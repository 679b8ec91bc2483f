"""What the monthly public notice (公示) says, as plain data for ``printing.notice``.

Everything comes from the stored closure (hashed when the month was closed),
plus the village's notice settings; nothing is summed again, so the notice
costs the same whatever the length of the village's history. Villagers' ID
and phone numbers never appear; names can be masked in the middle (王*芳).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

import ledger
from pos.errors import ShopError
from pos.month.closure import closure_in
from pos.month import honour, publicity
from pos.month.reasons import month_reasons
from pos.month.document import GENESIS, QR_PREFIX, QR_PREFIX_V1, ClosureView, digest
from pos.store.tables import Claim, ClaimPosting, Household, MonthClosure, Rule, VillagerGroup
from ledger.schema import Transaction
from pos.vocabulary import Kind, Source, UserChange, kind_of
from pos.store.database import Database
from pos.periods import LOCAL, Month
from pos import messages
from pos.service import Actor, caller
from pos.village import Settings, mask, settings_in, village_id
from printing import notice as printing_notice
from printing.notice import ClaimRow, DeliveryRow, EchoRow, HouseholdRow, Notice


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def echo_wall(session: Session, month: Month, lang: str = "zh") -> tuple[EchoRow, ...]:
    """Wishes fulfilled in ``month``, for the notice's echo-wall section: the villager's name
    as the public may see it (masked unless they agreed), the donor named in thanks."""
    from pos import wishes

    return tuple(
        EchoRow(f"{e.group} {e.public_name}", e.text,
                messages.text("notice_echo_donor", lang, donor=e.donor, type=messages.donor_type(e.donor_key, lang)),
                f"{e.delivered_on:%m-%d}", e.echo or "—")
        for e in wishes.echo_in(session, month.first_day, month.next().first_day))


def month_total_rows(view: ClosureView, lang: str = "zh") -> tuple[tuple[str, str], ...]:
    """The month's totals as the notice prints them (the closing screen shows the same lines)."""
    def t(key: str, **params) -> str:
        return messages.text(key, lang, **params)

    m = view.totals
    rows = [(t("notice_issued_cards"), str(m.issued_cards))]
    rows += [(t("notice_awarded_in", category=messages.stored(category, lang)), str(points))
             for category, points in m.awarded_by_category]
    rows += [(t("notice_awarded"), str(m.awarded)), (t("notice_deducted"), str(m.deducted)),
             (t("notice_redeemed", count=m.redemptions), str(m.redeemed))]
    rows += [(t("notice_reversed", kind=kind_of(kind)), str(points)) for kind, points in m.reversed]
    rows += [(t("notice_recovered"), str(m.recovered)),
             (t("notice_donations"), yuan(m.donations_fen)), (t("notice_purchases"), yuan(m.purchases_fen)),
             (t("notice_transactions"), str(m.transactions))]
    return tuple(rows)


def cumulative_rows(view: ClosureView, lang: str = "zh") -> tuple[tuple[str, str], ...]:
    """The totals since the village began, as the notice prints them."""
    c = view.cumulative
    return tuple((messages.text(f"notice_{key}", lang), value) for key, value in (
        ("ever_issued", str(c.ever_issued)), ("ever_base", str(c.issued_cards)), ("ever_awarded", str(c.awarded)),
        ("ever_redeemed", str(c.redeemed)), ("ever_deducted", str(c.deducted)),
        ("ever_recovered", str(c.recovered)), ("outstanding", str(c.outstanding)),
        ("outstanding_yuan", yuan(c.outstanding_fen))))


def _delivery(line, donation: bool, lang: str) -> DeliveryRow:
    return DeliveryRow(
        date=line.received_on.isoformat(),
        party=line.donor if donation else (line.funding or messages.text("notice_other_party", lang)),
        kind=(messages.donor_type(line.donor_type or "other", lang) if donation
              else messages.word(Source.PURCHASE, lang)),
        goods=line.goods, quantity=f"{line.quantity}{line.unit}", value=yuan(line.value_fen))


# The catalogue's words the notice prints: its own, its annexes' and the few it shares with the
# posting of claims and the honour roll.
WORDS = ("notice_", "paper_", "annex_", "posting_points", "honour_masked")


def build(view: ClosureView, settings: Settings, *, mask_names: bool | None = None,
          echo: tuple[EchoRow, ...] = (), lang: str = "zh", key_fingerprint: str = "",
          county_received: int | None = None, supervisor_lines: tuple[str, ...] = (),
          reasons: tuple = (), rules: tuple = (), prices: tuple = (), honour: tuple = (),
          honour_heading: str = "", claims: tuple[tuple, tuple] = ((), ())) -> Notice:
    """The notice's data, its words in ``lang`` (Chinese unless asked, as the village's board wants it).
    ``claims``: the claims credited in the month and those posted at its end (``month_claims``)."""
    masked = settings.mask_names if mask_names is None else mask_names
    name = mask if masked else (lambda n: n)
    posted = view.closed_at.astimezone(LOCAL).date()
    until = posted + timedelta(days=settings.notice_days - 1)
    return Notice(
        village=view.village, shop=view.shop, month_title=Month.parse(view.month).title_in(lang),
        number=view.number, first_seq=view.first_seq, last_seq=view.last_seq,
        last_hash=view.last_hash, qr_text=view.qr_text, closed_on=_date(posted, lang),
        households=tuple(
            HouseholdRow(h.group, name(h.head), h.card[-4:], h.opening, h.earned, h.deducted,
                         h.redeemed, h.recovered, h.closing) for h in view.households),
        donations=tuple(_delivery(line, True, lang) for line in view.donations),
        purchases=tuple(_delivery(line, False, lang) for line in view.purchases),
        zones=tuple((z.zone, z.quantity, z.points) for z in view.zones),
        month_totals=month_total_rows(view, lang), cumulative=cumulative_rows(view, lang),
        notice_period=messages.text("notice_period", lang, start=_date(posted, lang), end=_date(until, lang),
                                    days=settings.notice_days),
        objection_phone=settings.objection_phone,
        point_note=messages.text("notice_point_note", lang, yuan=yuan(view.point_value_fen)),
        echo=echo, masked=masked, key_fingerprint=key_fingerprint, county_received=county_received,
        village_id=view.village_id or "", supervisor_lines=supervisor_lines,
        reasons=publicity.reason_rows(view, reasons, name), rules=rules, prices=prices,
        honour=honour, honour_heading=honour_heading, words=messages.templates(WORDS, lang),
        claims_credited=tuple(replace(row, head=name(row.head)) for row in claims[0]),
        claims_posted=tuple(replace(row, head=name(row.head)) for row in claims[1]),
    )


def _date(day: date, lang: str) -> str:
    return messages.text("notice_date", lang, year=day.year, month=day.month, day=day.day,
                         month_en=f"{day.month:02d}", day_en=f"{day.day:02d}")


def notice_data(db: Database, actor: Actor, month: str, *, mask_names: bool | None = None,
                lang: str = "zh") -> Notice:
    """The notice of a closed month (any logged-in user may see and print it), in ``lang``."""
    with db.read() as session:
        caller(session, actor)
        view = closure_in(session, month)
        return build(view, settings_in(session), mask_names=mask_names, lang=lang,
                     echo=echo_wall(session, Month.parse(month), lang), **county_lines(session, view),
                     supervisor_lines=recovered_supervisors(session, view, lang),
                     reasons=month_reasons(session, view, lang),
                     rules=publicity.rule_rows(session, view.last_seq, lang),
                     prices=publicity.price_rows(session, view.last_seq),
                     **honour_lines(session, view, mask_names, lang), claims=month_claims(session, view))


def honour_lines(session: Session, view: ClosureView, mask_names: bool | None, lang: str = "zh") -> dict:
    """The month's honour roll for the notice; December's notice carries the year's too."""
    found = honour.roll_in(session, view.month, mask_names=mask_names, lang=lang)
    december = Month.parse(view.month).month == 12
    return {"honour": found.month_boards + (found.year_boards if december else ()),
            "honour_heading": messages.text("honour_heading_year" if december else "honour_heading", lang,
                                            month=found.month_title, year=found.year)}


def month_claims(session: Session, view: ClosureView) -> tuple[tuple[ClaimRow, ...], tuple[ClaimRow, ...]]:
    """The claims the month credited, as its crediting entries name them (they are in the
    households' points earned), and those standing on a posting at the month's end: up on
    the board, counted in the month a crediting takes them. Read from the chain up to the
    month's last entry, so a notice printed later says what stood then."""
    from pos.proof import parse_claims

    t = Transaction.__table__.c
    credited: dict[int, int] = {}
    for attrs in session.scalars(select(t.attrs).where(
            t.kind == Kind.CLAIM_CREDIT, t.seq >= view.first_seq, t.seq <= view.last_seq).order_by(t.seq)):
        for claim, _household, _rule, points in parse_claims(json.loads(attrs or "{}").get("claims")):
            credited[claim] = points
    posted: dict[int, int] = {}
    for posting in session.scalars(select(ClaimPosting).where(
            ClaimPosting.posted_seq <= view.last_seq,
            or_(ClaimPosting.credited_seq.is_(None), ClaimPosting.credited_seq > view.last_seq))
            .order_by(ClaimPosting.id)):
        facts = json.loads(session.scalar(select(t.attrs).where(t.seq == posting.posted_seq)) or "{}")
        named = {int(c) for c in str(facts.get("claims", "")).split(",") if c.strip()}
        for attrs in session.scalars(select(t.attrs).where(  # objected to before the month ended
                t.kind == Kind.CLAIM, t.seq > posting.posted_seq, t.seq <= view.last_seq)):
            named.discard(int(json.loads(attrs or "{}").get("claim", 0)))
        posted.update({claim: 0 for claim in named})
    if not credited and not posted:
        return (), ()
    rows = {}
    for claim, head, group, rule, starts, days in session.execute(
            select(Claim, Household.head_name, VillagerGroup.name, Rule.name, ClaimPosting.starts_on,
                   ClaimPosting.notice_days)
            .join(Household, Household.id == Claim.household_id)
            .join(VillagerGroup, VillagerGroup.id == Household.group_id)
            .outerjoin(Rule, Rule.code == Claim.rule)
            .outerjoin(ClaimPosting, ClaimPosting.id == Claim.posting_id)
            .where(Claim.id.in_(credited.keys() | posted.keys()))):
        ends = starts + timedelta(days=days - 1) if starts else None
        rows[claim.id] = ClaimRow(group, head, rule or claim.rule, claim.deed_date.isoformat(),
                                  credited.get(claim.id) or claim.points, ends.isoformat() if ends else "")

    def ordered(ids) -> tuple[ClaimRow, ...]:
        return tuple(sorted((rows[i] for i in ids if i in rows), key=lambda r: (r.group, r.head, r.deed_date)))

    return ordered(credited), ordered(posted)


def recovered_supervisors(session: Session, view: ClosureView, lang: str = "zh") -> tuple[str, ...]:
    """A line for each supervisor made in the month with the village's sealed recovery code:
    the village reads on its board that the township's code was used, and for whom."""
    lines = []
    for seq, operator, attrs in session.execute(
            select(Transaction.seq, Transaction.operator, Transaction.attrs)
            .where(Transaction.kind == Kind.USER, Transaction.seq >= view.first_seq,
                   Transaction.seq <= view.last_seq).order_by(Transaction.seq)):
        facts = json.loads(attrs or "{}")
        if facts.get("change") == UserChange.RECOVERY:
            lines.append(messages.text("notice_recovered_supervisor", lang, name=facts.get("name", ""),
                                       user=facts.get("user", ""), seq=seq, operator=operator))
    return tuple(lines)


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
              mask_names: bool | None = None, lang: str = "zh",
              progress: Callable[[int, int, str], None] | None = None) -> tuple[Notice, int]:
    """Build the notice's PDF at ``path``, its words in ``lang``; return its data and the number
    of pages."""
    if progress:
        progress(0, 2, "progress_reading_closure")
    notice = notice_data(db, actor, month, mask_names=mask_names, lang=lang)
    if progress:
        progress(1, 2, "progress_pdf")
    pages = printing_notice.render(notice, path, a3=a3)
    if progress:
        progress(2, 2, "progress_done")
    return notice, pages


# ---------------------------------------------------------------- proving a notice


@dataclass(frozen=True)
class NoticeAnchor:
    village: str  # the village's name, as a version 1 QR printed it ("" in version 2)
    number: int
    last_seq: int
    last_hash: str
    village_id: str | None = None  # the village's id, as version 2 prints it


def _hex64(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def parse_qr(text: str) -> NoticeAnchor:
    """The notice's QR text: ``AIXIN2|village id|closure number|last seq|hash``, or a notice
    printed before the village id was in it, ``AIXIN1|village name|...``."""
    text = (text or "").strip()
    if not text:
        raise ShopError("notice_text_empty")
    parts = text.split("|")
    if len(parts) != 5 or parts[0] not in (QR_PREFIX, QR_PREFIX_V1):
        raise ShopError("notice_text_bad", text=text[:80])
    prefix, village, number, seq, digest = parts
    digest = digest.lower()
    if not number.isdigit() or not seq.isdigit() or not _hex64(digest):
        raise ShopError("notice_text_bad", text=text[:80])
    if prefix == QR_PREFIX_V1:
        return NoticeAnchor(village, int(number), int(seq), digest)
    if not _hex64(village.lower()):
        raise ShopError("notice_text_bad", text=text[:80])
    return NoticeAnchor("", int(number), int(seq), digest, village.lower())


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
    here = village_id(session)
    if anchor.village_id is not None and anchor.village_id != here:
        problems.append(("notice_other_village", {"village": anchor.village_id[:16], "here": village.name}))
    elif anchor.village_id is None and anchor.village not in _names(session, anchor.number, village.name):
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


def _names(session: Session, number: int, current: str) -> set[str]:
    """The names a version 1 notice of closure ``number`` may print: the village's name as
    that closure recorded it (a later renaming changes no notice already posted), and now."""
    row = session.scalar(select(MonthClosure).where(MonthClosure.number == number))
    names = {current}
    if row is not None:
        try:
            names.add(json.loads(row.document).get("village", current))
        except ValueError:
            pass
    return names
