"""A posting of claims as the village reads it on the notice board (``printing.posting``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ledger.book import now
from pos import claims, messages
from pos.month.notice import mask
from pos.periods import LOCAL
from pos.service import Actor
from pos.store.database import Database
from pos.village import settings
from printing import posting as printing_posting


WORDS = ("paper_", "posting_")  # the catalogue's words a posting prints


def sheet(db: Database, actor: Actor, posting_id: int, *, mask_names: bool | None = None,
          lang: str = "zh") -> printing_posting.PostingSheet:
    """The posting's claims still standing (posted or credited), by group and household, its
    words in ``lang`` (the paper on the village's board is Chinese)."""
    found = claims.posting(db, actor, posting_id)
    village = settings(db)
    masked = village.mask_names if mask_names is None else mask_names
    standing = [c for c in found.claims if c.status in claims.SHOWN]
    standing.sort(key=lambda c: (village.groups.index(c.group) if c.group in village.groups else 99, c.household_id, c.id))
    rows = tuple(printing_posting.PostingRow(
        c.group, mask(c.head) if masked else c.head, c.id, f"{c.rule} {c.rule_name}", c.points,
        c.note or c.declared_by, c.deed_date.isoformat()) for c in standing)
    with db.read() as session:
        printed = now(session).astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")
    return printing_posting.PostingSheet(village.name, village.shop_name, found.id, found.starts_on.isoformat(),
                                         found.ends_on.isoformat(), found.notice_days, village.objection_phone,
                                         printed, rows, messages.templates(WORDS, lang))


def write_pdf(db: Database, actor: Actor, posting_id: int, path: Path,
              lang: str = "zh") -> tuple[printing_posting.PostingSheet, int]:
    """The posting's PDF at ``path``, there whole or not at all."""
    data = sheet(db, actor, posting_id, lang=lang)
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".posting-", suffix=".pdf", dir=path.parent)
    os.close(handle)
    try:
        pages = printing_posting.render(data, Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return data, pages
