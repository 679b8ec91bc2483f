"""What the county sees: villages × months, totals, and the comparisons a village's own
audit cannot make.

Every figure comes from ``county_month`` and ``county_month_detail``, summed once
when a closed month was imported (``pos.county.intake``); nothing here reads the
chain, so a report costs the same in the county's first month as in its tenth
year.

Status of a village's month: *imported* (its closure recomputed from the chain;
*verified* when nothing at all differed, with notes when a name or a zone did),
*held* (a package came, signed by a key not yet accepted), *refused* (a package
came and failed a check: kept as evidence), *late* (nothing received
``late_days`` days after the month ended, 15 unless the county set another),
*due* (not yet late), *open* (not ended yet) or *before* (the village's first
month at the county is later).

Comparisons: for each figure per household (labour points, hygiene points,
deductions, redemptions, awards to an operator's own household, redemptions
outside opening hours, reversals), the county's median over the villages that
reported the month and its spread (the median absolute deviation, scaled to a
standard deviation, with a floor so that one event in a quiet month is not an
outlier). A village is flagged when its figure lies more than ``OUTLIER_SPREADS``
spreads above the median and at least half again as high; the report gives the
figure, the median and the villages nearest the median to compare it with.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ledger.book import now
from pos import messages
from pos.county.accounts import CountyActor, caller, info_in
from pos.county.schema import (
    CountyFinding,
    CountyKey,
    CountyMonth,
    CountyMonthDetail,
    CountyPackage,
    CountySpotcheck,
    CountyVillage,
)
from pos.county.vocabulary import KeyStatus, PackageStatus, Section
from pos.periods import LOCAL, Month
from pos.store.database import Database

GRID_MONTHS = 12
MIN_VILLAGES = 4  # fewer than this, and there is no county median worth comparing with
OUTLIER_SPREADS = 3
OUTLIER_RATIO = 1.5
NEAR = 3

# figure -> (Chinese title, English title, floor of the spread per household)
COMPARED = {
    "labour_points": ("公益劳动积分", "labour points", 1.0),
    "hygiene_points": ("卫生检查积分", "hygiene points", 1.0),
    "deducted": ("扣分", "deductions", 1.0),
    "redeemed": ("兑换积分", "points redeemed", 2.0),
    "own_household": ("为本户记分或兑换", "own-household entries", 0.02),
    "after_hours": ("营业时间外兑换", "redemptions after hours", 0.02),
    "reversals": ("冲正", "reversals", 0.02),
}

FIGURES = ("households", "transactions", "issued_cards", "awarded", "deducted", "redeemed",
           "redemptions", "recovered", "reversals", "labour_points", "hygiene_points",
           "after_hours", "own_household", "flags", "flags_reviewed", "outstanding",
           "outstanding_fen", "donations", "donations_fen", "purchases_fen", "count_lines",
           "count_fen", "writeoff_fen")


@dataclass(frozen=True)
class Figures:
    """A month's figures of one village, or of the county (their sums)."""

    households: int = 0
    transactions: int = 0
    issued_cards: int = 0
    awarded: int = 0
    deducted: int = 0
    redeemed: int = 0
    redemptions: int = 0
    recovered: int = 0
    reversals: int = 0
    labour_points: int = 0
    hygiene_points: int = 0
    after_hours: int = 0
    own_household: int = 0
    flags: int = 0
    flags_reviewed: int = 0
    outstanding: int = 0
    outstanding_fen: int = 0
    donations: int = 0
    donations_fen: int = 0
    purchases_fen: int = 0
    count_lines: int = 0
    count_fen: int = 0
    writeoff_fen: int = 0
    categories: tuple[tuple[str, int], ...] = ()  # points awarded by category
    zones: tuple[tuple[str, int, int], ...] = ()  # (zone, quantity, points) redeemed

    @property
    def issued(self) -> int:
        """Points issued in the month: base points on new cards and awards, net."""
        return self.issued_cards + self.awarded


@dataclass(frozen=True)
class MonthStatus:
    month: str
    status: str  # imported | verified | held | refused | late | due | before
    closure: int | None = None
    closed: bool = False  # the county knows the month was closed (a package named it)
    packaged: bool = False  # a package holding it arrived
    imported: bool = False
    verified: bool = False  # imported, and the recomputation noted nothing
    late: bool = False


@dataclass(frozen=True)
class VillageLine:
    village_id: str
    village: str
    fingerprint: str
    status: MonthStatus  # of the report's month
    months: tuple[MonthStatus, ...]  # the grid, oldest first
    figures: Figures | None  # None when the month is not imported
    key_changes: int  # keys accepted after the first
    keys_held: int
    refused: int  # packages refused, ever
    findings_differ: int  # spot-check findings that differed from the county's copy


@dataclass(frozen=True)
class Comparison:
    figure: str
    title: str
    village_id: str
    village: str
    value: float  # per household
    median: float
    spread: float
    flagged: bool
    near: tuple[tuple[str, float], ...]  # villages nearest the median, with their figure


@dataclass(frozen=True)
class CountyReport:
    county: str
    month: str
    as_of: date
    late_days: int
    grid: tuple[str, ...]  # the grid's months, oldest first
    villages: tuple[VillageLine, ...]
    totals: Figures  # the sum over the villages whose month is imported
    comparisons: tuple[Comparison, ...]  # every village and figure compared
    generated_at: datetime = field(compare=False, default=None)

    @property
    def outliers(self) -> tuple[Comparison, ...]:
        return tuple(c for c in self.comparisons if c.flagged)

    def count(self, status: str) -> int:
        return sum(1 for v in self.villages if v.status.status == status)


def _grid(month: Month) -> list[Month]:
    months = [month]
    while len(months) < GRID_MONTHS:
        months.append(months[-1].previous())
    return months[::-1]


def _today(session: Session) -> date:
    return now(session).astimezone(LOCAL).date()


_CATEGORY, _ZONE = Section.CATEGORY.value, Section.ZONE.value


def _figures(row: CountyMonth, details: list) -> Figures:
    categories = tuple((d.name, d.points) for d in details if d.section == _CATEGORY)
    zones = tuple((d.name, d.quantity, d.points) for d in details if d.section == _ZONE)
    return Figures(**{name: getattr(row, name) for name in FIGURES}, categories=categories, zones=zones)


def _sum(figures: list[Figures]) -> Figures:
    totals = {name: sum(getattr(f, name) for f in figures) for name in FIGURES}
    categories: dict[str, int] = defaultdict(int)
    zones: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in figures:
        for name, points in f.categories:
            categories[name] += points
        for zone, quantity, points in f.zones:
            zones[zone][0] += quantity
            zones[zone][1] += points
    return Figures(**totals, categories=tuple(sorted(categories.items())),
                   zones=tuple((z, q, p) for z, (q, p) in sorted(zones.items())))


def compare(values: dict[str, tuple[str, float]], figure: str) -> list[Comparison]:
    """``values``: village id -> (name, figure per household) for one figure and month."""
    title, _, floor = COMPARED[figure]
    numbers = [v for _, v in values.values()]
    if len(numbers) < MIN_VILLAGES:
        return []
    median = statistics.median(numbers)
    mad = statistics.median(abs(v - median) for v in numbers)
    spread = max(1.4826 * mad, 0.1 * abs(median), floor)
    ranked = sorted(values.items(), key=lambda item: (abs(item[1][1] - median), item[1][0]))
    # Each village's nearest others are among the first NEAR + 1; for any village not among
    # the first NEAR, they are those.
    nearest = [(vid, other, round(v, 2)) for vid, (other, v) in ranked[:NEAR + 1]]
    common = tuple((other, v) for _vid, other, v in nearest[:NEAR])
    among = {vid for vid, _other, _v in nearest[:NEAR]}
    shown_median, shown_spread = round(median, 2), round(spread, 2)
    found = []
    for village_id, (name, value) in values.items():
        flagged = value > median + OUTLIER_SPREADS * spread and value >= OUTLIER_RATIO * median
        near = tuple((other, v) for vid, other, v in nearest if vid != village_id)[:NEAR] \
            if village_id in among else common
        found.append(Comparison(figure, title, village_id, name, round(value, 2), shown_median,
                                shown_spread, flagged, near))
    return found


def report_in(session: Session, month: str, as_of: date | None = None) -> CountyReport:
    county = info_in(session)
    period = Month.parse(month)
    as_of = as_of or _today(session)
    grid = _grid(period)
    villages = {v.id: v for v in session.execute(
        select(CountyVillage.id, CountyVillage.name, CountyVillage.first_month)).all()}
    names = {vid: v.name for vid, v in villages.items()}
    for vid, name in session.execute(select(CountyKey.village_id, CountyKey.village_name)).all():
        names.setdefault(vid, name)
    imported = _imported(session, str(grid[0]), str(period))
    arrived, refused = _arrived(session)
    keys, differ = _keys(session), _differing(session)
    rows, details = _month_rows(session, str(period))
    statuses = _Statuses(grid, as_of, county.late_days)

    lines = []
    for vid in sorted(names, key=lambda v: (names[v], v)):
        first = villages[vid].first_month if vid in villages else None
        cells = statuses.row(imported.get(vid, {}), arrived.get(vid, {}), first)
        figures = _figures(rows[vid], details[vid]) if vid in rows else None
        k = keys[vid]
        lines.append(VillageLine(vid, names[vid], k["pinned"], cells[-1], cells, figures,
                                 k["changes"], k["held"], refused[vid], differ.get(vid, 0)))
    reported = [line for line in lines if line.figures is not None]
    return CountyReport(county.name, str(period), as_of, county.late_days, tuple(str(m) for m in grid),
                        tuple(lines), _sum([line.figures for line in reported]), _comparisons(reported),
                        now(session))


def _imported(session: Session, first: str, last: str) -> dict[str, dict[str, tuple[int, bool]]]:
    """By village, by month from ``first`` to ``last``: the closure held, and whether it has notes."""
    imported = defaultdict(dict)
    for vid, m, number, notes in session.execute(
            select(CountyMonth.village_id, CountyMonth.month, CountyMonth.closure_number,
                   CountyMonth.notes).where(CountyMonth.month >= first, CountyMonth.month <= last)).all():
        imported[vid][m] = (number, bool(notes))
    return imported


def _arrived(session: Session) -> tuple[dict[str, dict[str, str]], dict[str, int]]:
    """By village, by month: a package that came and was refused or is held; and how many
    packages of each village were refused."""
    arrived, refused = defaultdict(dict), defaultdict(int)
    for vid, status, months in session.execute(
            select(CountyPackage.village_id, CountyPackage.status, CountyPackage.months)
            .where(CountyPackage.village_id.is_not(None),
                   CountyPackage.status.in_([PackageStatus.REFUSED.value, PackageStatus.HELD.value]))).all():
        if status == PackageStatus.REFUSED:
            refused[vid] += 1
        for m in (months or "").split(","):
            if m and status in (PackageStatus.REFUSED, PackageStatus.HELD):
                arrived[vid].setdefault(m, status)
    return arrived, refused


def _keys(session: Session) -> dict[str, dict]:
    """By village: its pinned key's fingerprint, keys held for a decision, keys changed."""
    keys = defaultdict(lambda: {"changes": 0, "held": 0, "pinned": ""})
    for vid, status, fingerprint in session.execute(
            select(CountyKey.village_id, CountyKey.status, CountyKey.fingerprint)).all():
        k = keys[vid]
        if status == KeyStatus.HELD:
            k["held"] += 1
        elif status == KeyStatus.PINNED:
            k["pinned"] = fingerprint
        if status in (KeyStatus.REPLACED, KeyStatus.RETIRED):
            k["changes"] += 1
    return keys


def _differing(session: Session) -> dict[str, int]:
    """By village: the spot checks' findings that differ from the books."""
    return dict(session.execute(
        select(CountySpotcheck.village_id, func.count(CountyFinding.id))
        .join(CountyFinding, CountyFinding.spotcheck_id == CountySpotcheck.id)
        .where(CountyFinding.differs).group_by(CountySpotcheck.village_id)).all())


def _month_rows(session: Session, month: str) -> tuple[dict, dict[str, list]]:
    """By village: the month's figures, and its detail lines."""
    m = CountyMonth.__table__.c
    rows = {r.village_id: r for r in session.execute(
        select(m.village_id, *(m[name] for name in FIGURES)).where(m.month == month)).all()}
    d = CountyMonthDetail.__table__.c
    details = defaultdict(list)
    for detail in session.execute(select(d.village_id, d.section, d.name, d.quantity, d.points)
                                  .where(d.month == month)).all():
        details[detail.village_id].append(detail)
    return rows, details


class _Statuses:
    """Each month of the grid for one village: held, come but refused or held, before the
    village's first month, or (nothing came) open, due or late by the calendar alone."""

    def __init__(self, grid: list[Month], as_of: date, late_days: int):
        self.unreported = {}  # the same for every village
        for m in grid:
            late = as_of > m.last_day + timedelta(days=late_days)
            self.unreported[str(m)] = (MonthStatus(str(m), "open") if m.last_day >= as_of
                                       else MonthStatus(str(m), "late" if late else "due", late=late))
        self.before = {key: MonthStatus(key, "before") for key in self.unreported}
        self.made: dict[tuple, MonthStatus] = {}  # statuses are values: one of each is enough

    def row(self, held: dict, came: dict, first: str | None) -> tuple[MonthStatus, ...]:
        return tuple(self.one(key, held, came, first) for key in self.unreported)

    def one(self, key: str, held: dict, came: dict, first: str | None) -> MonthStatus:
        if key in held:
            number, noted = held[key]
            found = self.made.get((key, number, noted))
            if found is None:
                found = self.made[key, number, noted] = MonthStatus(
                    key, "imported" if noted else "verified", number, True, True, True, not noted)
            return found
        if first is not None and key < first:
            return self.before[key]
        if key in came:
            return MonthStatus(key, came[key], None, True, True)
        return self.unreported[key]


def _comparisons(reported: list[VillageLine]) -> tuple:
    """Each compared figure per household, village against village."""
    comparisons = []
    for figure in COMPARED:
        values = {line.village_id: (line.village, getattr(line.figures, figure) / line.figures.households)
                  for line in reported if line.figures.households}
        comparisons += compare(values, figure)
    return tuple(comparisons)


def newest_month(db: Database, actor: CountyActor) -> str | None:
    """The newest month any village's closure of is held (where the window opens)."""
    with db.read() as session:
        caller(session, actor)
        return session.scalar(select(func.max(CountyMonth.month)))


def report(db: Database, actor: CountyActor, month: str, as_of: date | None = None) -> CountyReport:
    with db.read() as session:
        caller(session, actor)
        return report_in(session, month, as_of)


@dataclass(frozen=True)
class VillageSummary:
    village_id: str
    village: str
    head_seq: int
    closure_number: int
    first_month: str | None
    last_month: str | None
    last_import_at: datetime | None
    fingerprint: str


def villages(db: Database, actor: CountyActor) -> list[VillageSummary]:
    """The villages the county holds, with their newest closure."""
    with db.read() as session:
        caller(session, actor)
        pinned = dict(session.execute(select(CountyKey.village_id, CountyKey.fingerprint)
                                      .where(CountyKey.status == KeyStatus.PINNED.value)).all())
        return [VillageSummary(v.id, v.name, v.head_seq, v.closure_number, v.first_month, v.last_month,
                               v.last_import_at, pinned.get(v.id, ""))
                for v in session.scalars(select(CountyVillage).order_by(CountyVillage.name))]


# ---------------------------------------------------------------- the month's papers


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def total_rows(figures: Figures, lang: str = "zh") -> list[tuple[str, str]]:
    """The county's (or a village's) month as labelled figures, in the reader's language."""
    def t(key, **params):
        return messages.text(key, lang, **params)
    rows = [(t("county_fig_households"), str(figures.households)),
            (t("county_fig_issued"), str(figures.issued)),
            (t("county_fig_issued_cards"), str(figures.issued_cards)),
            (t("county_fig_awarded"), str(figures.awarded))]
    rows += [(t("county_fig_category", name=messages.stored(name, lang)), str(points))
             for name, points in figures.categories]
    rows += [(t("county_fig_deducted"), str(figures.deducted)),
             (t("county_fig_redeemed"), str(figures.redeemed))]
    rows += [(t("county_fig_zone", name=messages.stored(zone, lang)), str(points))
             for zone, _quantity, points in figures.zones]
    rows += [(t("county_fig_outstanding"), str(figures.outstanding)),
             (t("county_fig_outstanding_fen"), _yuan(figures.outstanding_fen)),
             (t("county_fig_donations"), f"{figures.donations} / {_yuan(figures.donations_fen)}"),
             (t("county_fig_purchases"), _yuan(figures.purchases_fen)),
             (t("county_fig_counts"), f"{figures.count_lines} / {_yuan(figures.count_fen)}"),
             (t("county_fig_writeoffs"), _yuan(figures.writeoff_fen)),
             (t("county_fig_reversals"), str(figures.reversals)),
             (t("county_fig_after_hours"), str(figures.after_hours))]
    return rows


STATUS_ORDER = ("verified", "imported", "held", "refused", "late", "due", "open", "before")


def attention(report: CountyReport, lang: str = "zh") -> list[str]:
    """The lines of the month that need someone's attention, most pressing first."""
    def t(key, **params):
        return messages.text(key, lang, **params)
    lines = []
    for v in report.villages:
        if v.status.status in ("refused", "held", "late"):
            lines.append(t(f"county_attention_{v.status.status}", village=v.village, month=report.month))
        if v.keys_held:
            lines.append(t("county_attention_key", village=v.village, count=v.keys_held))
        if v.findings_differ:
            lines.append(t("county_attention_findings", village=v.village, count=v.findings_differ))
    for c in report.outliers:
        near = "、".join(f"{name} {value:g}" for name, value in c.near) if lang != "en" else \
            ", ".join(f"{name} {value:g}" for name, value in c.near)
        lines.append(t("county_attention_outlier", village=c.village,
                       figure=COMPARED[c.figure][0] if lang != "en" else COMPARED[c.figure][1],
                       value=f"{c.value:g}", median=f"{c.median:g}", near=near))
    return lines


def summary_page(report: CountyReport, lang: str = "zh"):
    from printing.county import SummaryPage

    def t(key, **params):
        return messages.text(key, lang, **params)
    month = Month.parse(report.month)
    statuses = tuple((t(f"county_status_{status}"), str(report.count(status)))
                     for status in STATUS_ORDER if status != "before")
    header = (t("county_col_village"), t("county_col_status"), t("county_fig_households"),
              t("county_fig_issued"), t("county_fig_deducted"), t("county_fig_redeemed"),
              t("county_fig_outstanding"))
    rows = [header] + [
        (v.village, t(f"county_status_{v.status.status}"),
         *((str(v.figures.households), str(v.figures.issued), str(v.figures.deducted),
            str(v.figures.redeemed), str(v.figures.outstanding)) if v.figures else ("",) * 5))
        for v in report.villages]
    return SummaryPage(
        t("county_summary_title", county=report.county, month=month.title if lang != "en" else report.month),
        t("county_summary_subtitle", as_of=report.as_of.isoformat(), villages=len(report.villages),
          reported=sum(1 for v in report.villages if v.figures is not None), days=report.late_days),
        tuple(total_rows(report.totals, lang)), statuses, tuple(attention(report, lang)),
        t("county_summary_more", n="{n}"), t("county_summary_footer", county=report.county, month=report.month),
        tuple(rows), t("county_page", page="{page}"))


def workbook(report: CountyReport, path, lang: str = "zh") -> None:
    """The month as an Excel workbook: totals, villages, the status grid, comparisons,
    categories and zones, and what needs attention."""
    from printing.xlsx import Sheet, write

    def t(key, **params):
        return messages.text(key, lang, **params)
    names = [f for f in FIGURES]
    statuses = defaultdict(str, {status: t(f"county_status_{status}") for status in STATUS_ORDER})
    category, zone_word = t("county_section_category"), t("county_section_zone")
    write(path, [
        Sheet(t("county_sheet_totals"), [t("county_col_item"), t("county_col_value")],
               [list(row) for row in total_rows(report.totals, lang)]),
        Sheet(t("county_sheet_villages"),
               [t("county_col_village"), t("county_col_village_id"), t("county_col_status"),
                t("county_col_fingerprint"), t("county_col_key_changes"), t("county_col_refused"), *names],
               [[v.village, v.village_id, statuses[v.status.status], v.fingerprint, v.key_changes,
                 v.refused, *((getattr(v.figures, f) for f in names) if v.figures else [""] * len(names))]
                for v in report.villages]),
        Sheet(t("county_sheet_grid"), [t("county_col_village"), *report.grid],
               [[v.village, *(statuses[cell.status] for cell in v.months)] for v in report.villages]),
        Sheet(t("county_sheet_compare"),
               [t("county_col_figure"), t("county_col_village"), t("county_col_per_household"),
                t("county_col_median"), t("county_col_spread"), t("county_col_flagged"), t("county_col_near")],
               [[c.title if lang != "en" else COMPARED[c.figure][1], c.village, c.value, c.median, c.spread,
                 "★" if c.flagged else "", "; ".join(f"{n} {v:g}" for n, v in c.near)]
                for c in report.comparisons]),
        Sheet(t("county_sheet_details"),
               [t("county_col_village"), t("county_col_section"), t("county_col_name"), t("county_col_quantity"),
                t("county_col_points")],
               [[v.village, category, name, "", points]
                for v in report.villages if v.figures for name, points in v.figures.categories]
               + [[v.village, zone_word, zone, quantity, points]
                  for v in report.villages if v.figures for zone, quantity, points in v.figures.zones]),
        Sheet(t("county_sheet_attention"), [t("county_col_item")], [[line] for line in attention(report, lang)]),
    ])


def write_files(report: CountyReport, out_dir, lang: str = "zh") -> tuple:
    """``county-YYYY-MM.xlsx`` and the one-page ``county-YYYY-MM.pdf`` in ``out_dir``."""
    from pathlib import Path

    from printing.county import render_summary

    out_dir = Path(out_dir)
    book = out_dir / f"county-{report.month}.xlsx"
    pdf = out_dir / f"county-{report.month}.pdf"
    workbook(report, book, lang)
    temporary = pdf.with_name(f".{pdf.name}.part")
    pages = render_summary(summary_page(report, lang), temporary)
    temporary.replace(pdf)
    return book, pdf, pages
