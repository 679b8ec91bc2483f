"""What a person types or imports, checked one way everywhere: free text, dates, counts.

Free text never carries control characters: a name or note reaches the
receipt printer, where a stray ESC or GS byte would cut the paper, reset the
printer or fake a line. Numbers and dates have bounds a village can meet, so
a slipped finger (10^12 bags of rice, the year 9999) is refused, not stored.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from pos import messages
from pos.errors import ShopError

SHORT = 50  # names: a head of household, goods, a user
LONG = 200  # notes, reasons, donors, inspectors
EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
MAX_QUANTITY = 100_000  # units of one item in one intake, count or write-off
MAX_ID = 2**31 - 1  # household numbers, transaction numbers, quantities typed on a command line

# Characters that change how text is shown rather than being text: bidirectional overrides
# and isolates can make a name read backwards on screen.
_INVISIBLE = {"\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
              "\u2066", "\u2067", "\u2068", "\u2069", "\u2028", "\u2029"}
_DIGITS = re.compile(r"^[+-]?[0-9]+$")


def has_control(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" or ch in _INVISIBLE for ch in value)


def text(value: str | None, field: str, *, longest: int = LONG, required: bool = False) -> str:
    """``value`` stripped, or a refusal naming ``field`` (the catalogue's ``field_FIELD``)."""
    value = (value or "").strip()
    if has_control(value):
        raise ShopError("text_control", field=field_name(field))
    if len(value) > longest:
        raise ShopError("text_too_long", field=field_name(field), longest=longest, length=len(value))
    if required and not value:
        raise ShopError("text_missing", field=field_name(field))
    return value


def day(value: date | None) -> date | None:
    """A date inside the years a village's records can have, or a refusal stating them."""
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ShopError("date_range", value=value.isoformat(), low=EARLIEST.isoformat(),
                        high=LATEST.isoformat())
    return value


def whole_number(value) -> int:
    """Plain decimal digits (full-width ones folded); ``1_0`` or ``1e3`` is not a number here."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    folded = unicodedata.normalize("NFKC", str(value)).strip()
    if not _DIGITS.match(folded):
        raise ValueError(value)
    return int(folded)




def field_name(field: str) -> messages.Phrase:
    """A field's name (a key of the catalogue's ``field_`` words), in the refusal's language."""
    return messages.Phrase(f"field_{field}")
