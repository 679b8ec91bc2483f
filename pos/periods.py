"""Months of the village's books, and the rule that a closed month takes nothing new.

A month is a calendar month in China Standard Time (UTC+8, no daylight saving),
the time the village lives by, whatever zone the PC is set to: every date the
shop derives from "now" is ``today(session)``, the Beijing date, never the PC's
own zone or UTC (from 00:00 to 07:59 in Beijing those are still yesterday).
Once a month is closed (``pos.closure``), nothing may be dated into it: neither
a ledger transaction's own time, nor an award's deed date, a hygiene round's
date, a stock delivery's date or a wish's. A late correction goes into the open
month and names what it corrects. No such date may lie after today either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from pos import messages
from pos.errors import ShopError
from pos.vocabulary import LOCAL

if TYPE_CHECKING:  # the database parts load when first asked: the window's dates need none of it
    from sqlalchemy.orm import Session

    from pos.store.tables import MonthClosure

__all__ = ["LOCAL", "Month", "check_dated", "check_new_transactions", "check_open", "check_past",
           "last_closure", "local_date", "today"]

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        found = _MONTH.match((text or "").strip())
        if not found or not 1 <= int(found.group(2)) <= 12 or not 2000 <= int(found.group(1)) <= 2999:
            raise ShopError("month_bad", value=text)
        return cls(int(found.group(1)), int(found.group(2)))

    @classmethod
    def of(cls, moment: datetime | date) -> Month:
        if isinstance(moment, datetime):
            moment = moment.astimezone(LOCAL).date()
        return cls(moment.year, moment.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def title(self) -> str:
        """The month as the village reads it: 2026年10月."""
        return self.title_in("zh")

    def title_in(self, lang: str) -> str:
        return messages.text("month_title", lang, year=self.year, month=self.month, month_en=f"{self.month:02d}")

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return self.next().first_day - timedelta(days=1)

    @property
    def start(self) -> datetime:
        """The month's first instant, timezone-aware."""
        return datetime.combine(self.first_day, time(0), LOCAL)

    @property
    def end(self) -> datetime:
        """The first instant after the month."""
        return self.next().start

    def next(self) -> Month:
        return Month(self.year + (self.month == 12), self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)


def today(session: Session) -> date:
    """The village's date now (Beijing), by the database's clock, read once a transaction."""
    if "today" not in session.info:
        from ledger.book import now

        session.info["today"] = now(session).astimezone(LOCAL).date()
    return session.info["today"]


def local_date(moment: datetime) -> date:
    """The Beijing date of an aware moment."""
    return moment.astimezone(LOCAL).date()


def check_past(session: Session, when: date | None, what: str) -> None:
    """Refuse a deed, round, delivery or wish dated after today (Beijing). ``what`` names the
    date in the refusal, as for ``check_open``."""
    if when is not None and when > today(session):
        raise ShopError("date_future", what=messages.Phrase(what), when=when.isoformat(),
                        today=today(session).isoformat())


def check_dated(session: Session, when: date | None, what: str) -> None:
    """A date typed for a record: neither after today nor inside a closed month."""
    if when is None:
        return
    check_past(session, when, what)
    check_open(session, when, what)


def last_closure(session: Session) -> MonthClosure | None:
    from sqlalchemy import select

    from pos.store.tables import MonthClosure

    return session.scalar(select(MonthClosure).order_by(MonthClosure.number.desc()).limit(1))


def check_open(session: Session, when: date | datetime, what: str) -> None:
    """Refuse ``when`` if it falls in or before the newest closed month. ``what`` names the
    date in the refusal: a catalogue key (``dated_deed``, ``dated_round``...)."""
    closed = last_closure(session)
    if closed is None:
        return
    if isinstance(when, datetime):
        inside = when < closed.period_end
    else:
        inside = when <= Month.parse(closed.month).last_day
    if inside:
        raise ShopError("month_closed", what=messages.Phrase(what),
                        when=str(Month.of(when)), month=closed.month,
                        number=closed.number, open=str(Month.parse(closed.month).next()))


def check_new_transactions(session: Session) -> None:
    """Refuse if a transaction written after the newest closure is dated into a closed month
    (a clock set back). Called before each service call commits."""
    closed = last_closure(session)
    if closed is None:
        return
    from sqlalchemy import select

    from ledger.schema import Transaction

    stray = session.execute(
        select(Transaction.seq, Transaction.at)
        .where(Transaction.seq > closed.last_seq, Transaction.at < closed.period_end)
        .order_by(Transaction.seq).limit(1)
    ).first()
    if stray is not None:
        raise ShopError("month_closed", what=messages.Phrase("dated_transaction", seq=stray.seq),
                        when=str(Month.of(stray.at)),
                        month=closed.month, number=closed.number,
                        open=str(Month.parse(closed.month).next()))
