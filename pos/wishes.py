"""The wish wall (心愿墙) and the echo wall (回音墙).

A villager writes a wish at the counter (the administrator types it in); the
supervisor finds one caring donor to claim it, records its delivery and the
thanks. Life of a wish: open -> claimed -> delivered -> thanked, or withdrawn
(from open or claimed) with a reason. Nothing is deleted: the ``wish`` row
carries the current state and every change appends a ``wish_event``.

One donor a wish, even from two counter PCs at once: a claim is an UPDATE that
matches only an open wish, so of two claims the second matches nothing (SQLite
queues writers; PostgreSQL re-checks the condition after the first commits);
the database also keeps one claim event a wish and refuses a claimed wish
without a donor.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ledger.book import now
from pos import periods, stock
from pos.cards import usable
from pos.store.database import Database
from pos import messages, vocabulary
from pos.errors import ShopError
from pos.store.tables import Household, VillagerGroup, Wish, WishEvent
from pos.service import Actor, caller, known, transaction
from pos.vocabulary import Handover, HouseholdStatus, Role, Source, WishChange, WishStatus
from pos.village import settings_in
from printing import wishwall
from printing.wishwall import WallCard

STATUS_NAMES = {status.value: messages.word(status) for status in WishStatus}
CATEGORIES = vocabulary.WISH_CATEGORIES
DONOR_TYPES = {key: messages.donor_type(key) for key in vocabulary.WISH_DONOR_TYPES}
# The donation register knows companies, persons and "other"; a unit is recorded as other.
_INTAKE_DONOR_TYPE = {"company": "company", "person": "person", "unit": "other"}

MAX_VALUE_FEN = 5_000_000  # 50,000 yuan: more is a typing slip, not a village wish
# Longest text of each field, in characters (its name is the catalogue's ``wish_field_FIELD``).
FIELDS = {"text": 100, "member": 20, "donor": 50, "contact": 50, "handed_by": 20, "note": 200,
          "echo": 200, "reason": 200}


@dataclass(frozen=True)
class WishView:
    id: int
    household_id: int
    head_name: str
    group: str
    public_name: str  # the head's name if the villager agreed to show it, masked otherwise
    member: str
    text: str
    category: str
    written_on: date
    value_fen: int
    show_name: bool
    status: str
    written_by: str
    donor: str
    donor_type: str
    donor_contact: str
    claimed_by: str
    delivered_on: date | None
    handed_by: str
    delivery_note: str
    handover: str
    intake_id: int | None
    echo: str
    withdrawn_reason: str

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]


@dataclass(frozen=True)
class WishEventView:
    kind: str
    at: object  # an aware datetime
    operator: str
    detail: dict


@dataclass(frozen=True)
class EchoEntry:
    """One fulfilled wish for the echo wall on the monthly notice: names as the public sees them."""

    wish_id: int
    delivered_on: date
    group: str
    public_name: str
    text: str
    category: str
    donor: str
    donor_type: str  # as the public reads it: 爱心企业 / 爱心人士 / 爱心单位
    value_fen: int
    handover: str
    echo: str
    donor_key: str = ""  # the donor type's key (company, person, unit), to word it in English


def masked(name: str) -> str:
    """张三 -> 张*: the family name stays, so the board reads naturally, the rest is hidden."""
    name = name.strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def clean(value: str, field: str, *, required: bool = True) -> str:
    """A text as typed, trimmed; control characters and absurd lengths refused."""
    limit, name = FIELDS[field], messages.Phrase(f"wish_field_{field}")
    value = (value or "").strip()
    if any(unicodedata.category(ch)[0] == "C" or ch in "\u2028\u2029" for ch in value):
        raise ShopError("wish_text_control", field=name)
    if len(value) > limit:
        raise ShopError("wish_text_long", field=name, limit=limit, length=len(value))
    if required and not value:
        raise ShopError("wish_text_missing", field=name)
    return value


def _check_value(value_fen: int) -> int:
    if isinstance(value_fen, bool) or not isinstance(value_fen, int) or not 0 <= value_fen <= MAX_VALUE_FEN:
        raise ShopError("wish_bad_value", value=value_fen, high=MAX_VALUE_FEN // 100)
    return value_fen


def _check_day(session: Session, day: date | None, what: str, earliest: date | None = None) -> date:
    """A wish's date: today (Beijing) if none is given, never later, never in a closed month."""
    today = periods.today(session)
    day = day or today
    if day > today:
        raise ShopError("wish_date_future", day=day)
    if earliest is not None and day < earliest:
        raise ShopError("wish_date_early", day=day, earliest=earliest)
    periods.check_open(session, day, what)
    return day


def _record(session: Session, wish_id: int, kind: WishChange, operator: str, **detail) -> None:
    session.add(WishEvent(wish_id=wish_id, kind=kind, at=now(session), operator=operator,
                          detail=json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)))


def _views(session: Session, statement) -> list[WishView]:
    rows = session.execute(
        statement.add_columns(Household.head_name, VillagerGroup.name)
        .join(Household, Household.id == Wish.household_id)
        .join(VillagerGroup, VillagerGroup.id == Household.group_id)
        .execution_options(populate_existing=True)  # fresh after this session's own UPDATEs
    ).all()
    return [
        WishView(w.id, w.household_id, head, group, head if w.show_name else masked(head), w.member,
                 w.text, w.category, w.written_on, w.value_fen, w.show_name, w.status, w.written_by,
                 w.donor, w.donor_type, w.donor_contact, w.claimed_by, w.delivered_on, w.handed_by,
                 w.delivery_note, w.handover, w.intake_id, w.echo, w.withdrawn_reason)
        for w, head, group in rows
    ]


def _view(session: Session, wish_id: int) -> WishView:
    return _views(session, select(Wish).where(Wish.id == wish_id))[0]


def _refuse_move(session: Session, wish_id: int, wanted: str) -> None:
    """The conditional UPDATE matched nothing: say why, in the words of the wish's state."""
    wish = known(session, Wish, wish_id, "wish_unknown")
    session.refresh(wish)
    if wanted == WishStatus.CLAIMED and wish.status in (WishStatus.CLAIMED, WishStatus.DELIVERED, WishStatus.THANKED):
        raise ShopError("wish_taken", id=wish_id, donor=wish.donor)
    raise ShopError("wish_wrong_status", id=wish_id, status=WishStatus(wish.status), wanted=WishStatus(wanted))


def _move(session: Session, wish_id: int, sources: tuple, wanted: str, **values) -> None:
    """Move the wish from one of ``sources`` to ``wanted`` in one conditional UPDATE (so two
    desks cannot both move it), setting ``values``; refused in the words of its state."""
    moved = session.execute(
        update(Wish).where(Wish.id == wish_id, Wish.status.in_(sources))
        .values(status=wanted, **values)
        .execution_options(synchronize_session=False)
    ).rowcount
    if moved != 1:
        _refuse_move(session, wish_id, wanted)


def add(db: Database, actor: Actor, household_id: int, text: str, category: str, *,
        member: str = "", value_fen: int = 0, show_name: bool = False,
        written_on: date | None = None) -> WishView:
    """A villager's wish, in their own words, written at the counter."""
    text = clean(text, "text")
    member = clean(member, "member", required=False)
    if category not in CATEGORIES:
        raise ShopError("wish_bad_category", category=category, known=messages.AllOf(CATEGORIES))
    _check_value(value_fen)
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        household = known(session, Household, household_id, "household_unknown")
        if household.status != HouseholdStatus.ACTIVE:
            raise ShopError("household_moved", head=household.head_name)
        day = _check_day(session, written_on, "dated_wish")
        wish = Wish(household_id=household.id, member=member, text=text, category=category,
                    written_on=day, value_fen=value_fen, show_name=bool(show_name), status=WishStatus.OPEN,
                    written_by=user.username, created_at=now(session), donor="", donor_type="",
                    donor_contact="", claimed_by="", handed_by="", delivery_note="", handover="",
                    echo="", withdrawn_reason="")
        session.add(wish)
        session.flush()
        _record(session, wish.id, WishChange.WRITTEN, user.username, household_id=household.id,
                member=member, text=text, category=category, written_on=day, value_fen=value_fen,
                show_name=bool(show_name))
        return _view(session, wish.id)


def claim(db: Database, actor: Actor, wish_id: int, donor: str, donor_type: str,
          contact: str) -> WishView:
    """One caring donor takes on an open wish; a second claim is refused, whoever is first."""
    donor = clean(donor, "donor")
    contact = clean(contact, "contact")
    if donor_type not in DONOR_TYPES:
        raise ShopError("wish_bad_donor_type", types=messages.AllOf(
            messages.Phrase("donor_choice", code=key, name=messages.Phrase(f"donor_{key}")) for key in DONOR_TYPES))
    with transaction(db) as session:
        user = caller(session, actor, Role.SUPERVISOR)
        moment = now(session)
        _move(session, wish_id, (WishStatus.OPEN,), WishStatus.CLAIMED,
              donor=donor, donor_type=donor_type, donor_contact=contact,
              claimed_by=user.username, claimed_at=moment)
        _record(session, wish_id, WishChange.CLAIMED, user.username, donor=donor, donor_type=donor_type,
                contact=contact)
        return _view(session, wish_id)


def deliver(db: Database, actor: Actor, wish_id: int, handed_by: str, note: str = "", *,
            delivered_on: date | None = None, into_stock: stock.IntakeLine | None = None) -> WishView:
    """The gift has come. Either handed straight to the household, or, with ``into_stock``,
    taken into stock as a donation from the wish's donor (it then shows in the donation
    register and on the monthly notice); the intake's value defaults to the wish's estimate."""
    handed_by = clean(handed_by, "handed_by")
    note = clean(note, "note", required=False)
    with transaction(db) as session:
        user = caller(session, actor, Role.SUPERVISOR)
        wish = known(session, Wish, wish_id, "wish_unknown")
        if wish.status != WishStatus.CLAIMED:
            _refuse_move(session, wish_id, WishStatus.DELIVERED)
        day = _check_day(session, delivered_on, "dated_delivered", wish.written_on)
        intake_id = None
        if into_stock is not None:
            line = into_stock if into_stock.value_fen is not None else stock.IntakeLine(
                into_stock.code, into_stock.quantity, wish.value_fen or None)
            taken = stock.intake_in(
                session, user, [line], source=Source.DONATION, donor=wish.donor,
                donor_type=_INTAKE_DONOR_TYPE.get(wish.donor_type, "other"), received_on=day,
                note=f"#{wish.id} {wish.text}")
            intake_id = taken.intake_id
        handover = Handover.STOCK if into_stock is not None else Handover.HOUSEHOLD
        _move(session, wish_id, (WishStatus.CLAIMED,), WishStatus.DELIVERED,
              delivered_on=day, handed_by=handed_by, delivery_note=note,
              handover=handover, intake_id=intake_id)
        _record(session, wish_id, WishChange.DELIVERED, user.username, delivered_on=day, handed_by=handed_by,
                note=note, handover=handover, intake_id=intake_id)
        return _view(session, wish_id)


def thank(db: Database, actor: Actor, wish_id: int, echo: str) -> WishView:
    """The echo: a short answer from the villager (or the supervisor) for the echo wall."""
    echo = clean(echo, "echo")
    with transaction(db) as session:
        user = caller(session, actor, Role.SUPERVISOR)
        _move(session, wish_id, (WishStatus.DELIVERED,), WishStatus.THANKED,
              echo=echo, thanked_at=now(session))
        _record(session, wish_id, WishChange.THANKED, user.username, echo=echo)
        return _view(session, wish_id)


def withdraw(db: Database, actor: Actor, wish_id: int, reason: str) -> WishView:
    """Take a wish off the wall (not yet delivered), with a reason; it stays on record."""
    reason = clean(reason, "reason")
    with transaction(db) as session:
        user = caller(session, actor, Role.SUPERVISOR)
        _move(session, wish_id, (WishStatus.OPEN, WishStatus.CLAIMED), WishStatus.WITHDRAWN,
              withdrawn_reason=reason)
        _record(session, wish_id, WishChange.WITHDRAWN, user.username, reason=reason)
        return _view(session, wish_id)


def get(db: Database, actor: Actor, wish_id: int) -> WishView:
    with db.read() as session:
        caller(session, actor)
        if session.get(Wish, wish_id) is None:
            raise ShopError("wish_unknown", id=wish_id)
        return _view(session, wish_id)


def wishes(db: Database, actor: Actor, status: str | None = None,
           household_id: int | None = None) -> list[WishView]:
    """The wall as a list: oldest first, optionally one status or one household's."""
    if status is not None and status not in STATUS_NAMES:
        raise ShopError("wish_bad_status", status=status, known=messages.AllOf(STATUS_NAMES))
    with db.read() as session:
        caller(session, actor)
        statement = select(Wish).order_by(Wish.written_on, Wish.id)
        if status is not None:
            statement = statement.where(Wish.status == status)
        if household_id is not None:
            statement = statement.where(Wish.household_id == household_id)
        return _views(session, statement)


def history(db: Database, actor: Actor, wish_id: int) -> list[WishEventView]:
    """Every change of one wish, in order."""
    with db.read() as session:
        caller(session, actor)
        if session.get(Wish, wish_id) is None:
            raise ShopError("wish_unknown", id=wish_id)
        return [WishEventView(e.kind, e.at, e.operator, json.loads(e.detail))
                for e in session.scalars(select(WishEvent).where(WishEvent.wish_id == wish_id)
                                         .order_by(WishEvent.id))]


def household_of_card(db: Database, actor: Actor, number: str) -> int:
    """The household whose card was scanned at the counter (a usable card only)."""
    with db.read() as session:
        caller(session, actor)
        _card, household = usable(session, number)
        return household.id


def wall_cards(db: Database, actor: Actor, lang: str = "zh") -> tuple[str, list[WallCard]]:
    """The open wishes as the public board shows them, and the shop's name for the heading;
    the categories worded in ``lang``."""
    with db.read() as session:
        caller(session, actor)
        shop_name = settings_in(session).shop_name
        views = _views(session, select(Wish).where(Wish.status == WishStatus.OPEN).order_by(Wish.written_on, Wish.id))
    return shop_name, [WallCard(v.id, v.group, v.public_name, v.member if v.show_name else "", v.text,
                                messages.stored(v.category, lang), v.written_on, v.value_fen) for v in views]


@dataclass(frozen=True)
class WallSheet:
    """The printed wish wall: the shop's name for its heading, the open wishes' cards, and the
    wall's own words (``printing.wishwall.WORDS``) in the language it is printed in."""
    shop: str
    cards: list[WallCard]
    words: Mapping[str, str]


def wall_sheet(db: Database, actor: Actor, lang: str = "zh") -> WallSheet:
    """The wall to print (``wall_cards``), its words in ``lang``."""
    shop, cards = wall_cards(db, actor, lang)
    return WallSheet(shop, cards, messages.templates(wishwall.WORDS, lang))


def fulfilled_in_month(db: Database, actor: Actor, year: int, month: int) -> list[EchoEntry]:
    """The echo wall for one month's notice: wishes delivered that month, with their donors.

    Villagers' names are masked unless they agreed to show them; donors are named,
    since thanking them in public is the point.
    """
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ShopError("wish_bad_month", year=year, month=month)
    start = date(year, month, 1)
    end = date(year + month // 12, month % 12 + 1, 1)
    with db.read() as session:
        caller(session, actor)
        return echo_in(session, start, end)


def echo_in(session: Session, start: date, end: date) -> list[EchoEntry]:
    """Wishes delivered from ``start`` up to (not including) ``end``, inside the caller's session."""
    views = _views(session, select(Wish).where(Wish.delivered_on >= start, Wish.delivered_on < end,
                                               Wish.status.in_((WishStatus.DELIVERED, WishStatus.THANKED)))
                   .order_by(Wish.delivered_on, Wish.id))
    return [EchoEntry(v.id, v.delivered_on, v.group, v.public_name, v.text, v.category, v.donor,
                      DONOR_TYPES.get(v.donor_type, v.donor_type), v.value_fen, v.handover, v.echo,
                      v.donor_type)
            for v in views]

