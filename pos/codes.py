"""Numbers people scan or type: card numbers with a Damm check digit, EAN-13.

A card number is 8 digits: "8", a 6-digit serial, and a Damm check digit.
The Damm algorithm catches every single wrong digit and every swap of two
adjacent digits, so a misread scan or a typo is refused instead of matching
another household's card. Goods carry EAN-13 codes (13 digits); loose goods
get internal EAN-13 codes in the in-store range starting with "20".
"""

from __future__ import annotations

import unicodedata

CARD_PREFIX = "8"
CARD_LENGTH = 8
INTERNAL_PREFIX = "20"

_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def normalise(text: str) -> str:
    """What a scanner or keyboard sent, as plain ASCII: full-width digits folded, spaces dropped."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def damm_digit(digits: str) -> str:
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return str(interim)


def card_number(serial: int) -> str:
    if not 0 < serial < 1_000_000:
        raise ValueError("card serial out of range")
    body = f"{CARD_PREFIX}{serial:06d}"
    return body + damm_digit(body)


def looks_like_card(text: str) -> bool:
    return len(text) == CARD_LENGTH and text.isdigit() and text.startswith(CARD_PREFIX)


def valid_card(text: str) -> bool:
    return looks_like_card(text) and damm_digit(text) == "0"


def card_serial(number: str) -> int:
    return int(number[1:-1])


def ean13_digit(first12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def valid_ean13(text: str) -> bool:
    return len(text) == 13 and text.isdigit() and ean13_digit(text[:12]) == text[12]


def gtin_digit(body: str) -> str:
    """The GS1 check digit of any GTIN body (EAN-8, UPC-A, EAN-13, GTIN-14): weights 3, 1
    from the right."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


GTIN_KINDS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}


def valid_gtin(text: str) -> bool:
    return len(text) in GTIN_KINDS and text.isdigit() and gtin_digit(text[:-1]) == text[-1]


def internal_code(serial: int) -> str:
    """An in-store EAN-13 for loose goods: 20 + 10-digit serial + check digit."""
    body = f"{INTERNAL_PREFIX}{serial:010d}"
    return body + ean13_digit(body)
