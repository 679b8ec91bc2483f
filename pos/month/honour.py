"""The honour roll (光荣榜): the households that earned the most points, for the village and
for each villager group, in a closed month and in the closed months of its year so far.

Earned means what the households earned by the rules in the month (awards, hygiene
rounds and credited claims, less any of them reversed), read from each closure's range
of the ledger by ``pos.month.reasons``; never the base points of a new card and never
the balance, which rewards who spends least. Ties share a rank, and a tie at the last
place keeps every household in it. Names are masked as the notice masks them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos import messages
from pos.month.closure import closure_in
from pos.month.document import ClosureView, HouseholdLine, view_of
from pos.month.reasons import BASE, month_reasons
from pos.periods import Month
from pos.service import Actor, caller
from pos.store.database import Database
from pos.store.tables import MonthClosure
from pos.village import mask, settings_in
from printing.annex import DeductionRow, HonourBoard, HonourLine

WORDS = ("paper_", "annex_", "honour_")  # the catalogue's words the poster prints

VILLAGE_TOP = 10
GROUP_TOP = 3


@dataclass(frozen=True)
class Roll:
    """The month's boards and the year's (the closed months of the year through this one)."""

    village: str
    shop: str
    month: str
    month_title: str
    year: int
    months_in_year: tuple[str, ...]
    month_boards: tuple[HonourBoard, ...]
    year_boards: tuple[HonourBoard, ...]
    number: int  # the closure the roll is read from
    last_seq: int
    last_hash: str
    qr_text: str
    masked: bool
    deductions: tuple[DeductionRow, ...] = ()  # the month's points lost, by household only if named
    deductions_named: bool = False
    words: Mapping[str, str] = field(default_factory=dict)  # the poster's words, by catalogue key


def earned(session: Session, view: ClosureView) -> dict[int, int]:
    """Each household's points earned by the rules in the closed month."""
    found: dict[int, int] = defaultdict(int)
    for r in month_reasons(session, view):
        if not r.lost and r.code != BASE:
            found[r.household_id] += r.points
    return dict(found)


def ranked(points: dict[int, int], lines: dict[int, HouseholdLine], top: int, name: Callable[[str], str],
           ) -> tuple[HonourLine, ...]:
    order = sorted(((p, h) for h, p in points.items() if p > 0 and h in lines),
                   key=lambda item: (-item[0], lines[item[1]].group, lines[item[1]].card))
    found: list[HonourLine] = []
    for place, (p, h) in enumerate(order, start=1):
        rank = found[-1].rank if found and found[-1].points == p else place
        if rank > top:
            break
        line = lines[h]
        found.append(HonourLine(rank, line.group, name(line.head), line.card[-4:], p))
    return tuple(found)


def boards(points: dict[int, int], lines: dict[int, HouseholdLine], groups: tuple[str, ...], period: str,
           name: Callable[[str], str], lang: str = "zh") -> tuple[HonourBoard, ...]:
    found = [HonourBoard(messages.text("honour_village", lang, period=period),
                         ranked(points, lines, VILLAGE_TOP, name))]
    for group in groups:
        mine = {h: p for h, p in points.items() if h in lines and lines[h].group == group}
        found.append(HonourBoard(messages.text("honour_group", lang, period=period, group=group),
                                 ranked(mine, lines, GROUP_TOP, name)))
    return tuple(found)


def lost(session: Session, view: ClosureView, named: bool, name: Callable[[str], str]) -> tuple[DeductionRow, ...]:
    """The month's points lost by rule: each household's when the village names them (in the
    order of the notice), else the village's, with how many households lost them."""
    lines = {h.household_id: h for h in view.households}
    order = {h.household_id: n for n, h in enumerate(view.households)}
    found: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    households: dict[tuple, set[int]] = defaultdict(set)
    for r in month_reasons(session, view):
        if r.lost and r.household_id in lines:
            key = ((order[r.household_id], r.household_id) if named else ()) + (r.code, r.name)
            found[key][0] += r.count
            found[key][1] += r.points
            households[key].add(r.household_id)
    rows = []
    for key, (count, points) in sorted(found.items()):
        code, rule = key[-2:]
        if named:
            h = lines[key[1]]
            rows.append(DeductionRow(h.group, name(h.head), h.card[-4:], f"{code} {rule}", count, points))
        else:
            rows.append(DeductionRow("", "", "", f"{code} {rule}", count, points, len(households[key])))
    return tuple(rows)


def roll_in(session: Session, month: str, *, mask_names: bool | None = None, lang: str = "zh") -> Roll:
    settings = settings_in(session)
    masked = settings.mask_names if mask_names is None else mask_names
    name = mask if masked else (lambda n: n)
    view = closure_in(session, month)
    this = Month.parse(view.month)
    lines: dict[int, HouseholdLine] = {}
    year_points: dict[int, int] = defaultdict(int)
    months = []
    for row in session.scalars(select(MonthClosure).where(MonthClosure.month >= f"{this.year:04d}-01",
                                                          MonthClosure.month <= view.month)
                               .order_by(MonthClosure.number)):
        closed = view if row.month == view.month else view_of(row)
        lines.update({h.household_id: h for h in closed.households})
        for household, p in earned(session, closed).items():
            year_points[household] += p
        months.append(closed.month)
    month_lines = {h.household_id: h for h in view.households}
    groups = tuple(settings.groups) + tuple(sorted({h.group for h in lines.values()} - set(settings.groups)))
    return Roll(
        village=view.village, shop=view.shop, month=view.month, month_title=this.title_in(lang),
        year=this.year, months_in_year=tuple(months),
        month_boards=boards(earned(session, view), month_lines, groups, this.title_in(lang), name, lang),
        year_boards=boards(year_points, lines, groups, messages.text("honour_year", lang, year=this.year,
                                                                     months=len(months)), name, lang),
        number=view.number, last_seq=view.last_seq, last_hash=view.last_hash, qr_text=view.qr_text,
        masked=masked, deductions=lost(session, view, settings.name_deductions, name),
        deductions_named=settings.name_deductions, words=messages.templates(WORDS, lang))


def roll(db: Database, actor: Actor, month: str, *, mask_names: bool | None = None, lang: str = "zh") -> Roll:
    """The honour roll of a closed month (any logged-in user may see and print it)."""
    with db.read() as session:
        caller(session, actor)
        return roll_in(session, month, mask_names=mask_names, lang=lang)


def write_pdf(db: Database, actor: Actor, month: str, path: Path, *,
              mask_names: bool | None = None, lang: str = "zh") -> tuple[Roll, int]:
    """The honour roll as an A4 poster at ``path``, its words in ``lang``; its data and the
    number of pages."""
    from printing import honour as printing_honour

    found = roll(db, actor, month, mask_names=mask_names, lang=lang)
    return found, printing_honour.render(found, path)
