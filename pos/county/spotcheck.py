"""Spot checks (走访核实, 现场抽查盘点): a visit list drawn from what the county holds, and
the official's findings entered back.

Households are drawn at random, weighted toward those the village's own audit
flagged and those whose month stands far above the village's usual: for each,
the card's last four digits, the balance at the end of the newest month the
county holds, and the month's movements, read from the county's copy of the chain,
so the official compares them with the villager's own card, receipts and balance
slip. Goods to count are drawn weighted by the value on the shelf. The draw is
stored (with its seed), so findings are compared with what was printed, not with
what a spreadsheet says.

Findings come back as the CSV written beside the PDF, with the counted or seen
figure filled in; each differing figure is flagged and counted on the report.
"""

from __future__ import annotations

import csv
import io
import json
import random
import secrets
import statistics
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import case, func, select

from ledger.book import now
from pos import messages
from pos.county.accounts import CountyActor, caller, find_village, work
from pos.county.package import parse_line
from pos.county.replay import State, parse_time
from pos.county.schema import (
    CountyClosure,
    CountyFinding,
    CountyFlag,
    CountySpotcheck,
    CountyTransaction,
    CountyVillage,
)
from pos.errors import ShopError
from pos.households import decode
from pos.periods import LOCAL, Month
from pos.store.database import Database
from pos.vocabulary import CARD_PREFIX
from printing import county as papers

HOUSEHOLDS = 8
GOODS = 8
FLAG_WEIGHT = 4
HIGH_WEIGHT = 3
HIGH_RATIO = 2  # a month's earnings above twice the village's median draws more often
HEADER = ("spotcheck", "kind", "ref", "name", "expected", "found", "note")


@dataclass(frozen=True)
class DrawnHousehold:
    household: int
    group: str
    head: str
    card_tail: str
    balance: int
    opening: int
    earned: int
    deducted: int
    redeemed: int
    movements: tuple[tuple[str, str, int], ...]  # (local date, kind, points)
    flags: int
    high: bool


@dataclass(frozen=True)
class DrawnGoods:
    code: str
    name: str
    unit: str
    expected: int


@dataclass(frozen=True)
class Spotcheck:
    id: int
    village_id: str
    village: str
    month: str
    closure: int
    head_seq: int
    seed: int
    households: tuple[DrawnHousehold, ...]
    goods: tuple[DrawnGoods, ...]


def _weighted_sample(rng: random.Random, items: list, weights: list[float], k: int) -> list:
    """``k`` items without replacement, each drawn with its weight (Efraimidis-Spirakis)."""
    keyed = sorted(((rng.random() ** (1 / w), n) for n, w in enumerate(weights) if w > 0), reverse=True)
    return [items[n] for _, n in keyed[:k]]


def draw(db: Database, actor: CountyActor, village_id: str, *, month: str | None = None,
         households: int = HOUSEHOLDS, goods: int = GOODS, seed: int | None = None) -> Spotcheck:
    """Draw and store a visit list for the village's newest month the county holds (or
    ``month``)."""
    seed = secrets.randbits(48) if seed is None else seed
    rng = random.Random(seed)
    with work(db) as session:
        user = caller(session, actor)
        village = find_village(session, village_id)
        query = select(CountyClosure).where(CountyClosure.village_id == village.id)
        if month:
            query = query.where(CountyClosure.month == str(Month.parse(month)))
        closure = session.scalar(query.order_by(CountyClosure.number.desc()).limit(1))
        if closure is None:
            raise ShopError("county_month_missing", village=village.name, month=month or "-")
        doc = json.loads(closure.document)
        state = State(json.loads(village.state))
        lines = {row[0]: row for row in doc["households"]}
        flags: dict[int, int] = {}
        for household in session.scalars(select(CountyFlag.household).where(
                CountyFlag.village_id == village.id, CountyFlag.month <= closure.month,
                CountyFlag.household.is_not(None)).order_by(CountyFlag.month.desc()).limit(500)):
            flags[household] = flags.get(household, 0) + 1
        earned = [row[5] for row in lines.values() if row[5] > 0]
        usual = statistics.median(earned) if earned else 0
        candidates = [h for h, row in lines.items() if row[9] > 0 or row[5] or row[7] or row[8]]
        weights = [1 + FLAG_WEIGHT * flags.get(h, 0) + HIGH_WEIGHT * (usual > 0 and lines[h][5] > HIGH_RATIO * usual)
                   for h in candidates]
        chosen = sorted(_weighted_sample(rng, candidates, weights, households),
                        key=lambda h: (lines[h][1], h))
        moves = _movements(session, village.id, closure, state, set(chosen))
        drawn = tuple(
            DrawnHousehold(h, lines[h][1], lines[h][2], lines[h][3][-4:], lines[h][9], lines[h][4],
                           lines[h][5], lines[h][6], lines[h][7], tuple(moves.get(h, ())),
                           flags.get(h, 0), bool(usual and lines[h][5] > HIGH_RATIO * usual))
            for h in chosen)
        shelf = [(code, g) for code, g in state.goods.items() if state.stock.get(code, 0) > 0]
        picked = _weighted_sample(rng, shelf, [max(g[3], 100) * state.stock[code] for code, g in shelf], goods)
        counted = tuple(DrawnGoods(code, g[0], g[4], state.stock[code])
                        for code, g in sorted(picked, key=lambda item: item[1][1:2] + [item[0]]))
        record = CountySpotcheck(village_id=village.id, month=closure.month, head_seq=state.seq,
                                 drawn_at=now(session), drawn_by=user.username, seed=seed,
                                 lines=json.dumps({
                                     "households": [[h.household, h.head, h.balance] for h in drawn],
                                     "goods": [[g.code, g.name, g.expected] for g in counted]},
                                     ensure_ascii=False))
        session.add(record)
        session.flush()
        return Spotcheck(record.id, village.id, village.name, closure.month, closure.number, state.seq,
                         seed, drawn, counted)


def _movements(session, village_id: str, closure: CountyClosure, state: State,
               households: set[int]) -> dict[int, list[tuple[str, str, int]]]:
    """Each chosen household's movements in the closure's month, from the county's copy."""
    found: dict[int, list[tuple[str, str, int]]] = {}
    for body in session.scalars(select(CountyTransaction.body).where(
            CountyTransaction.village_id == village_id, CountyTransaction.seq >= closure.first_seq,
            CountyTransaction.seq <= closure.last_seq).order_by(CountyTransaction.seq)):
        entry = parse_line(body.encode("utf-8"))
        for code, amount in entry.postings:
            card = state.cards.get(code[len(CARD_PREFIX):]) if code.startswith(CARD_PREFIX) else None
            if card is not None and card[0] in households:
                day = parse_time(entry.at).astimezone(LOCAL).strftime("%m-%d")
                found.setdefault(card[0], []).append((day, entry.kind, amount))
    return found


def papers_of(check: Spotcheck, lang: str = "zh") -> papers.VisitList:
    def t(key, **params):
        return messages.text(key, lang, **params)
    rows = []
    for n, h in enumerate(check.households, start=1):
        reason = (t("county_drawn_flags", flags=h.flags) if h.flags else "") + (
            t("county_drawn_high") if h.high else "")
        rows.append(papers.VisitHousehold(
            n, h.group, h.head, h.card_tail, h.balance,
            t("county_month_line", opening=h.opening, earned=h.earned, deducted=h.deducted,
              redeemed=h.redeemed, closing=h.balance),
            tuple(f"{day} {messages.kind(kind, lang)} {points:+d}" for day, kind, points in h.movements),
            reason or t("county_drawn_random")))
    return papers.VisitList(
        t("county_visit_title", village=check.village),
        t("county_visit_subtitle", id=check.id, closure=check.closure,
          month=Month.parse(check.month).title if lang != "en" else check.month,
          seq=check.head_seq),
        tuple(rows), tuple(papers.StockLine(g.code, g.name, g.unit, g.expected) for g in check.goods),
        t("county_visit_instructions", id=check.id),
        t("county_visit_footer", village=check.village, id=check.id, seed=check.seed),
        messages.templates(("county_visit_", "county_page"), lang))


def write(check: Spotcheck, pdf: Path, lang: str = "zh") -> tuple[Path, Path, int]:
    """The visit list's PDF, and the findings sheet (CSV, UTF-8 with BOM so Excel reads it)
    beside it; returns both paths and the PDF's number of pages."""
    pages = papers.render_visit_list(papers_of(check, lang), pdf)
    sheet = pdf.with_suffix(".csv")
    rows = [HEADER]
    rows += [(check.id, "household", h.household, f"{h.group} {h.head} {h.card_tail}", h.balance, "", "")
             for h in check.households]
    rows += [(check.id, "goods", g.code, g.name, g.expected, "", "") for g in check.goods]
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(rows)
    sheet.write_bytes(("\ufeff" + text.getvalue()).encode("utf-8"))
    return pdf, sheet, pages


@dataclass(frozen=True)
class Finding:
    spotcheck: int
    kind: str
    ref: str
    name: str
    expected: int
    found: int
    differs: bool
    note: str


def enter_findings(db: Database, actor: CountyActor, data: bytes) -> list[Finding]:
    """The official's findings, from the filled-in sheet; every figure is compared with what
    the stored draw printed, not with what the sheet says. Rows left blank are skipped; a
    finding entered before for the same line is kept as it was first entered."""
    reader = csv.reader(io.StringIO(decode(data)))
    rows = [row for row in reader if row]
    if not rows or [c.strip() for c in rows[0][:len(HEADER)]] != list(HEADER):
        raise ShopError("county_findings_bad", row=1)
    entries = []
    for number, row in enumerate(rows[1:], start=2):
        row = (row + [""] * len(HEADER))[:len(HEADER)]
        spot, kind, ref, _name, _expected, seen, note = (c.strip() for c in row)
        if not seen:
            continue
        try:
            entries.append((number, int(spot), kind, ref, int(seen), note))
        except ValueError:
            raise ShopError("county_findings_bad", row=number) from None
    with work(db) as session:
        return _enter(session, caller(session, actor), entries)


def enter(db: Database, actor: CountyActor, spotcheck_id: int,
          found: list[tuple[str, str, int, str]]) -> list[Finding]:
    """Findings typed into the window: ``(kind, ref, found, note)`` for lines of the draw
    ``spotcheck_id``, compared as ``enter_findings`` compares them."""
    with work(db) as session:
        user = caller(session, actor)
        return _enter(session, user, [(n, spotcheck_id, kind, ref, int(seen), note)
                                      for n, (kind, ref, seen, note) in enumerate(found, start=1)])


def _enter(session, user, entries: list[tuple[int, int, str, str, int, str]]) -> list[Finding]:
    """``entries``: (row, spot check, kind, ref, found, note); a row that names no line of
    its draw refuses them all."""
    found = []
    draws: dict[int, dict] = {}
    for number, spot_id, kind, ref, seen_value, note in entries:
        if spot_id not in draws:
            record = session.get(CountySpotcheck, spot_id)
            if record is None:
                raise ShopError("county_findings_bad", row=number)
            draws[spot_id] = _printed(record)
        printed = draws[spot_id].get((kind, ref))
        if printed is None:
            raise ShopError("county_findings_bad", row=number)
        name, expected = printed
        exists = session.scalar(select(CountyFinding.id).where(
            CountyFinding.spotcheck_id == spot_id, CountyFinding.kind == kind, CountyFinding.ref == ref))
        finding = Finding(spot_id, kind, ref, name, expected, seen_value, seen_value != expected, note)
        if exists is None:
            session.add(CountyFinding(spotcheck_id=spot_id, kind=kind, ref=ref, expected=expected,
                                      found=seen_value, differs=finding.differs, note=note,
                                      entered_by=user.username, entered_at=now(session)))
        found.append(finding)
    return found


def _printed(record: CountySpotcheck) -> dict[tuple[str, str], tuple[str, int]]:
    """What the draw printed: (kind, ref) -> (name, expected figure)."""
    lines = json.loads(record.lines)
    printed = {("household", str(h)): (name, balance) for h, name, balance in lines["households"]}
    printed.update({("goods", code): (name, n) for code, name, n in lines["goods"]})
    return printed


# ---------------------------------------------------------------- the draws, for the window


@dataclass(frozen=True)
class CheckView:
    id: int
    village_id: str
    village: str
    month: str
    drawn_at: object
    drawn_by: str
    lines: int  # households and goods drawn
    entered: int  # findings entered
    differ: int  # of them, differing from the county's copy


@dataclass(frozen=True)
class DrawnLine:
    """One line of a draw, with its finding if one was entered."""

    spotcheck: int
    kind: str  # household | goods
    ref: str  # household id or goods code
    name: str
    expected: int
    found: int | None
    note: str
    differs: bool


def checks(db: Database, actor: CountyActor, *, limit: int = 100) -> list[CheckView]:
    """The newest draws, with how many findings came back and how many differed."""
    with db.read() as session:
        caller(session, actor)
        names = dict(session.execute(select(CountyVillage.id, CountyVillage.name)).all())
        records = session.scalars(select(CountySpotcheck).order_by(CountySpotcheck.id.desc()).limit(limit)).all()
        counts = {spot: (entered, differ) for spot, entered, differ in session.execute(
            select(CountyFinding.spotcheck_id, func.count(), func.sum(case((CountyFinding.differs, 1), else_=0)))
            .where(CountyFinding.spotcheck_id.in_([r.id for r in records]))
            .group_by(CountyFinding.spotcheck_id))}
        return [CheckView(r.id, r.village_id, names.get(r.village_id, r.village_id[:12]), r.month, r.drawn_at,
                          r.drawn_by, len(_printed(r)), *(int(n or 0) for n in counts.get(r.id, (0, 0))))
                for r in records]


def drawn_lines(db: Database, actor: CountyActor, spotcheck_id: int) -> list[DrawnLine]:
    """What the draw printed, households then goods, with the findings entered so far."""
    with db.read() as session:
        caller(session, actor)
        record = session.get(CountySpotcheck, spotcheck_id)
        if record is None:
            raise ShopError("county_findings_bad", row=spotcheck_id)
        entered = {(f.kind, f.ref): f for f in session.scalars(
            select(CountyFinding).where(CountyFinding.spotcheck_id == spotcheck_id))}
        lines = []
        for (kind, ref), (name, expected) in _printed(record).items():
            finding = entered.get((kind, ref))
            lines.append(DrawnLine(spotcheck_id, kind, ref, name, expected,
                                   finding.found if finding else None, finding.note if finding else "",
                                   bool(finding and finding.differs)))
        return lines
