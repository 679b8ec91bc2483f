"""The setup sheet: what the township keeps of a village, sealed (``printing.setupsheet``).

Written when a village is set up (``aixin init --sheet``) and whenever a new
recovery code is issued: the village, its id, its key's fingerprint, its users
and, given one, the recovery code, which the program itself never keeps.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from pos import messages, periods
from pos.county import signing
from pos.errors import ShopError
from pos.service import Actor, caller
from pos.store.database import Database
from pos.store.tables import User
from pos.village import settings_in, village_id
from pos.vocabulary import Role
from printing import setupsheet as printing_sheet


def write(db: Database, actor: Actor, path: Path, recovery_code: str | None = None, lang: str = "zh") -> Path:
    """Write the sheet to ``path`` (whole or not at all) for an administrator or supervisor,
    its words in ``lang``."""
    path = Path(path)
    with db.read() as session:
        caller(session, actor, Role.ADMIN, Role.SUPERVISOR)
        settings = settings_in(session)
        identity = village_id(session)
        if identity is None:
            raise ShopError("village_missing")
        key = signing.village_key(identity)
        day = periods.today(session)
        people = tuple(
            (u.username, u.display_name, messages.word(Role(u.role), lang),
             messages.text("sheet_user_active" if u.active else "sheet_user_inactive", lang))
            for u in session.scalars(select(User).order_by(User.id)))
    sheet = printing_sheet.SetupSheet(
        village=settings.name, shop=settings.shop_name, village_id=identity,
        key_fingerprint=key.fingerprint, algorithm=key.algorithm,
        printed_on=messages.text("notice_date", lang, year=day.year, month=day.month, day=day.day,
                                 month_en=f"{day.month:02d}", day_en=f"{day.day:02d}"),
        users=people, words=messages.templates(printing_sheet.WORDS, lang), recovery_code=recovery_code)
    partial = path.with_name(f".{path.name}.partial")
    try:
        printing_sheet.render(sheet, partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
