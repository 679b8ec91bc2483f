"""Point cards: issue (with the base points), replace a lost card, take a card back.

Each card has its own ledger account ``card:NUMBER``; a household's balance is
its active card's. A blocked or recovered card can never redeem again. Taking
back a card with points on it takes the household's whole balance for good, so
it needs a supervisor's approval like a deduction would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import ledger
from ledger import Leg
from ledger.book import now
from pos import codes, fields, proof
from pos.store.database import Database
from pos.errors import ShopError
from pos.store.tables import Card, Household
from pos.service import Actor, Approval, caller, known, transaction
from pos.users import approve
from pos.village import settings_in
from pos.vocabulary import ISSUE, RECOVERED, CardStatus, HouseholdStatus, Kind, Role, card_account, card_of


@dataclass(frozen=True)
class CardView:
    number: str
    household_id: int
    head_name: str
    status: str
    balance: int
    replaces: str | None
    issued_at: datetime
    seq: int | None


account = card_account  # a card number's ledger account, as every module here calls it


def _next_number(session: Session) -> str:
    # Card numbers are fixed-width digits, so the largest string is the largest serial.
    newest = session.scalar(select(func.max(Card.number)))
    serial = codes.card_serial(newest) if newest else 100_000
    return codes.card_number(serial + 1)


def find(session: Session, number: str) -> Card:
    """The card for a scanned or typed number; a wrong check digit is refused outright."""
    number = codes.normalise(number)
    if not codes.looks_like_card(number):
        raise ShopError("card_not_a_number", number=number)
    if not codes.valid_card(number):
        raise ShopError("card_check_digit", number=number)
    card = session.scalar(select(Card).where(Card.number == number))
    if card is None:
        raise ShopError("card_unknown", number=number)
    return card


def usable(session: Session, number: str) -> tuple[Card, Household]:
    """An active card of an active household, or a refusal saying why not."""
    card = find(session, number)
    household = session.get(Household, card.household_id)
    if card.status == CardStatus.BLOCKED:
        raise ShopError("card_blocked", number=card.number)
    if card.status == CardStatus.RECOVERED or household.status != HouseholdStatus.ACTIVE:
        raise ShopError("card_recovered", number=card.number)
    return card, household


def successors(session: Session, account_codes) -> dict[str, str]:
    """For card accounts among ``account_codes`` whose card was blocked since (lost and
    replaced): the account of the household's card in use now, where points belong."""
    moved = {}
    for code in account_codes:
        if card_of(code) is None:
            continue
        card = session.scalar(select(Card).where(Card.number == card_of(code)))
        if card is None or card.status != CardStatus.BLOCKED:
            continue
        current = active_card(session, card.household_id)
        if current is not None:
            moved[code] = account(current.number)
    return moved


def household_by_card(db: Database, actor: Actor, number: str) -> int:
    """The household behind a usable card, refused the same way as at the counter."""
    with db.read() as session:
        caller(session, actor)
        return usable(session, number)[1].id


def _view(session: Session, card: Card) -> CardView:
    household = session.get(Household, card.household_id)
    balance = ledger.account_balance(session, account(card.number))
    return CardView(card.number, card.household_id, household.head_name, card.status, balance,
                    card.replaces, card.issued_at, card.issue_seq)


def active_card(session: Session, household_id: int) -> Card | None:
    return session.scalar(select(Card).where(Card.household_id == household_id,
                                             Card.status == CardStatus.ACTIVE))


def household_card(session: Session, household_id: int) -> tuple[Household, str]:
    """An active household and its active card's number, or a refusal."""
    household = known(session, Household, household_id, "household_unknown")
    card = active_card(session, household_id)
    if card is None or household.status != HouseholdStatus.ACTIVE:
        raise ShopError("household_no_card", head=household.head_name)
    return household, card.number


def household_cards(session: Session, household_ids) -> dict[int, tuple[Household, str]]:
    """``household_card`` for many households in one query; refuses on the first without a card."""
    ids = list(household_ids)
    found = {
        household.id: (household, number)
        for household, number in session.execute(
            select(Household, Card.number)
            .join(Card, (Card.household_id == Household.id) & (Card.status == CardStatus.ACTIVE))
            .where(Household.id.in_(ids), Household.status == HouseholdStatus.ACTIVE)
        )
    }
    for household_id in ids:
        if household_id not in found:
            household_card(session, household_id)  # raises the precise refusal
    return found


def issue_in(session: Session, user, household_id: int) -> CardView:
    household = known(session, Household, household_id, "household_unknown")
    if household.status != HouseholdStatus.ACTIVE:
        raise ShopError("household_moved", head=household.head_name)
    if session.scalar(select(func.count()).select_from(Card).where(Card.household_id == household_id)):
        raise ShopError("card_exists", head=household.head_name)
    number = _next_number(session)
    ledger.open_account(session, account(number), household.head_name)
    base = settings_in(session).base_points
    seq = None
    if base:
        seq = ledger.post(
            session, kind=Kind.CARD_ISSUE, operator=user.username,
            legs=[Leg(ISSUE, -base), Leg(account(number), base)],
            attrs={"household": household.id, "head": household.head_name, "card": number},
        ).seq
    else:  # no points move, yet which household holds the card is a fact to prove
        proof.card_fact(session, Kind.CARD_ISSUE, user.username, household=household.id,
                        head=household.head_name, card=number)
    card = Card(number=number, household_id=household.id, status=CardStatus.ACTIVE, replaces=None,
                issued_at=now(session), issue_seq=seq)
    session.add(card)
    session.flush()
    return _view(session, card)


def issue(db: Database, actor: Actor, household_id: int) -> CardView:
    """Give a household its first card, with the village's base points."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        return issue_in(session, user, household_id)


def issue_missing(db: Database, actor: Actor) -> list[CardView]:
    """A card for every active household that has never had one, in one transaction."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        with_card = select(Card.household_id)
        ids = session.scalars(select(Household.id).where(
            Household.status == HouseholdStatus.ACTIVE, Household.id.not_in(with_card)).order_by(Household.id)).all()
        return [issue_in(session, user, household_id) for household_id in ids]


def replace(db: Database, actor: Actor, lost_number: str, reason: str = "") -> CardView:
    """Block a lost card and move its whole balance to a new card, in one transaction.
    ``reason`` is what the administrator typed, if anything."""
    reason = fields.text(reason, "reason")
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        old, household = usable(session, lost_number)
        number = _next_number(session)
        ledger.open_account(session, account(number), household.head_name)
        balance = ledger.account_balance(session, account(old.number))
        seq = None
        if balance:
            seq = ledger.post(
                session, kind=Kind.CARD_REPLACE, operator=user.username, memo=reason,
                legs=[Leg(account(old.number), -balance), Leg(account(number), balance)],
                attrs={"household": household.id, "head": household.head_name,
                       "old_card": old.number, "card": number},
            ).seq
        else:
            proof.card_fact(session, Kind.CARD_REPLACE, user.username, household=household.id,
                            head=household.head_name, old_card=old.number, card=number)
        old.status = CardStatus.BLOCKED
        old.closed_seq = seq
        card = Card(number=number, household_id=household.id, status=CardStatus.ACTIVE,
                    replaces=old.number, issued_at=now(session), issue_seq=seq)
        session.add(card)
        session.flush()
        return _view(session, card)


def recover(db: Database, actor: Actor, number: str, reason: str = "",
            approval: Approval | None = None) -> CardView:
    """Take a card back when the household moves away; its points return to the village.
    ``reason`` is what the administrator typed, if anything. A card with points on it is
    only taken back with a supervisor's ``approval``."""
    reason = fields.text(reason, "reason")
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        card, household = usable(session, number)
        balance = ledger.account_balance(session, account(card.number))
        seq = None
        if balance:
            approver = approve(session, actor, approval, "approving_card_recovery", card=card.number,
                               head=household.head_name, points=balance)
            seq = ledger.post(
                session, kind=Kind.CARD_RECOVERY, operator=user.username, approver=approver, memo=reason,
                legs=[Leg(account(card.number), -balance), Leg(RECOVERED, balance)],
                attrs={"household": household.id, "head": household.head_name, "card": card.number},
            ).seq
        else:
            proof.card_fact(session, Kind.CARD_RECOVERY, user.username, household=household.id,
                            head=household.head_name, card=card.number)
        card.status = CardStatus.RECOVERED
        card.closed_seq = seq
        household.status = HouseholdStatus.MOVED
        session.flush()
        return _view(session, card)


def balance(db: Database, actor: Actor, number: str) -> CardView:
    with db.read() as session:
        caller(session, actor)
        return _view(session, find(session, number))
