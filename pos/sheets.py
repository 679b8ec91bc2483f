"""What goes on printed card sheets and goods labels, as plain data for ``printing``, with the
sheets' own words (the catalogue's ``cardsheet.WORDS``, ``labels.WORDS``) in the language of
whoever prints: ``card_sheet`` and ``label_sheet`` give both, for ``render``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import select

from pos.store.database import Database
from pos import messages
from pos.errors import ShopError
from pos.goods import find
from pos.store.tables import Card, Goods, Household, VillagerGroup
from pos.service import Actor, caller
from pos.vocabulary import CardStatus, HouseholdStatus, Role
from pos.village import settings_in
from printing import cardsheet, labels
from printing.cardsheet import CardFace
from printing.labels import LabelFace

Face = TypeVar("Face", CardFace, LabelFace)


@dataclass(frozen=True)
class Sheet(Generic[Face]):
    """A sheet to print: its faces, and its own words in the language it is printed in."""
    faces: list[Face]
    words: Mapping[str, str]


def card_faces(db: Database, actor: Actor, group: str | None = None,
               household_ids: list[int] | None = None) -> list[CardFace]:
    """The active cards to print: all, one villager group's, or chosen households'."""
    with db.read() as session:
        caller(session, actor, Role.ADMIN)
        village = settings_in(session)
        statement = (
            select(Card, Household, VillagerGroup.name)
            .join(Household, Household.id == Card.household_id)
            .join(VillagerGroup, VillagerGroup.id == Household.group_id)
            .where(Card.status == CardStatus.ACTIVE, Household.status == HouseholdStatus.ACTIVE)
            .order_by(Household.group_id, Household.id)
        )
        if group:
            if group not in village.groups:
                raise ShopError("group_unknown", group=group, known=messages.AllOf(village.groups))
            statement = statement.where(VillagerGroup.name == group)
        if household_ids:
            statement = statement.where(Household.id.in_(household_ids))
        rows = session.execute(statement).all()
        if household_ids:
            missing = set(household_ids) - {h.id for _, h, _ in rows}
            if missing:
                raise ShopError("household_no_card", head=messages.Phrase("household_number", id=min(missing)))
        return [CardFace(village.shop_name, village.name, household.head_name, group_name,
                         card.number, card.replaces) for card, household, group_name in rows]


def label_faces(db: Database, actor: Actor, codes: list[str] | None = None,
                copies: int = 1, lang: str = "zh") -> list[LabelFace]:
    """Labels for chosen goods (default: every active item), ``copies`` of each, their zones
    worded in ``lang``."""
    if not 1 <= copies <= 500:
        raise ShopError("cart_bad_quantity", code="copies", value=copies, high=500)
    with db.read() as session:
        caller(session, actor, Role.ADMIN)
        items = ([find(session, code) for code in codes] if codes else
                 session.scalars(select(Goods).where(Goods.active).order_by(Goods.zone, Goods.name)).all())
        faces = [LabelFace(g.name, messages.stored(g.zone, lang), g.price_points, g.unit, g.code) for g in items]
    return [face for face in faces for _ in range(copies)]


def card_sheet(db: Database, actor: Actor, group: str | None = None, household_ids: list[int] | None = None,
               lang: str = "zh") -> Sheet[CardFace]:
    """The card sheet (``card_faces``), its words in ``lang``."""
    return Sheet(card_faces(db, actor, group, household_ids), messages.templates(cardsheet.WORDS, lang))


def label_sheet(db: Database, actor: Actor, codes: list[str] | None = None, copies: int = 1,
                lang: str = "zh") -> Sheet[LabelFace]:
    """The label sheet (``label_faces``), its zones and its words in ``lang``."""
    return Sheet(label_faces(db, actor, codes, copies, lang), messages.templates(labels.WORDS, lang))
