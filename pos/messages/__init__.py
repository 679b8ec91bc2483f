"""Every user-facing text of the non-UI code, in Chinese and English: one catalogue.

Identifiers stay English; what a person reads comes from here. ``text(key,
lang, **params)`` formats one; an unknown language falls back to Chinese.
``word(member, lang)`` names one of the shop's fixed words (``pos.vocabulary``).
The texts live in the modules beside this one, each a part of the one
``CATALOG``: refusals, fixed words, the books' reports, the command line, and
the supervisor's month, the county, the controls on the controls (``oversight``), and the
window's own wording of refusals that name a command (``window``). A key is declared once;
two parts declaring the same
key is an error at import, not a text silently lost.
"""

from __future__ import annotations

from pos.messages import books, claims, commands, county, month, oversight, papers, refusals, window, words
from pos.messages.commands import ARGPARSE_ZH
from pos.messages.words import ENGLISH

PARTS = (refusals, words, books, commands, month, county, oversight, claims, window, papers)


def _catalogue() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in PARTS:
        twice = merged.keys() & part.CATALOG.keys()
        if twice:
            raise KeyError(f"{part.__name__} declares {sorted(twice)} again")
        merged.update(part.CATALOG)
    return merged


CATALOG = _catalogue()


def speak_argparse(lang: str) -> None:
    """Have argparse's own texts in ``lang`` (Chinese unless "en")."""
    import argparse
    import gettext

    if lang == "en":
        argparse._, argparse.ngettext = gettext.gettext, gettext.ngettext
    else:
        argparse._ = lambda message: ARGPARSE_ZH.get(message, message)
        argparse.ngettext = lambda one, many, n: ARGPARSE_ZH.get(one if n == 1 else many,
                                                                  one if n == 1 else many)


def kind(name: str, lang: str = "zh") -> str:
    """A kind as stored, in words: a ledger entry's, or a stock record's the audit lists (the
    kind itself if it has no words)."""
    for key in (f"kind_{name}", f"stock_event_{name}"):
        if key in CATALOG:
            return text(key, lang)
    return str(name)


def stored(value: str, lang: str = "zh") -> str:
    """A word kept in Chinese as data (a zone, a fund, a wish category) in ``lang``."""
    return ENGLISH.get(value, value) if lang == "en" else value


def donor_type(key: str, lang: str = "zh") -> str:
    return text(f"donor_{key}", lang) if f"donor_{key}" in CATALOG else key


class OneOf(tuple):
    """Alternatives in a message: 管理员或监督员, an administrator or supervisor."""


class AllOf(tuple):
    """A list in a message: 粮油区、日用品区, grain & oil, daily goods."""


class Stored(str):
    """A word kept in Chinese as data (a zone, a fund) given as a parameter: worded in the
    message's language, as ``stored`` does."""


class Phrase(str):
    """A catalogue text given as a parameter of another message (what needs approval, which
    field is too long): worded in that message's language. As a plain string it is the
    Chinese, as a refusal's parameters have always been."""

    key: str
    params: dict

    def __new__(cls, key: str, /, **params):
        phrase = super().__new__(cls, text(key, "zh", **params))
        phrase.key, phrase.params = key, params
        return phrase

    def __reduce__(self):
        return _phrase, (self.key, self.params)


def _phrase(key: str, params: dict) -> Phrase:
    return Phrase(key, **params)


# The catalogue's key prefix for each of the shop's fixed words (pos.vocabulary).
WORD_PREFIXES = {
    "Role": "role", "Kind": "kind", "CardStatus": "card_status", "HouseholdStatus": "household_status",
    "JobStatus": "job", "WishStatus": "wish_status", "Source": "source", "StockEvent": "stock_event",
    "WishChange": "wish_change", "Handover": "handover", "AwardsMode": "awards_mode",
    "ClaimStatus": "claim_status", "LimitPeriod": "limit_period",
}


def word(value, lang: str = "zh") -> str:
    """One of the shop's fixed words (a role, a kind, a status) as a person reads it."""
    prefix = WORD_PREFIXES.get(type(value).__name__)
    if prefix is None:
        return str(value)
    key = f"{prefix}_{value}"
    return text(key, lang) if key in CATALOG else str(value)


def worded(value, lang: str = "zh"):
    """A message's parameter as the message shows it in ``lang``: a fixed word, a list or a
    phrase in words; anything else as it is."""
    if isinstance(value, Phrase):
        return text(value.key, lang, **value.params)
    if isinstance(value, OneOf):
        return ("或" if lang != "en" else " or ").join(str(worded(v, lang)) for v in value)
    if isinstance(value, AllOf):
        return ("、" if lang != "en" else ", ").join(str(worded(v, lang)) for v in value)
    if isinstance(value, Stored):
        return stored(value, lang)
    if type(value).__name__ in WORD_PREFIXES:
        return word(value, lang)
    return value


def in_window_text(key: str, lang: str = "zh", **params) -> str:
    """A refusal's text by its key and parameters, as the window says it (``in_window``)."""
    window = f"window_{key}"
    return text(window if window in CATALOG else key, lang, **params)


def in_window(error, lang: str = "zh") -> str:
    """A refusal (a ``ShopError``) as the counter window says it: the window's own words where
    the command line's name a command, else its message."""
    key = f"window_{error.key}"
    if key in CATALOG and not getattr(error, "findings", None):
        return text(key, lang, **error.params)
    return error.message(lang)


def templates(prefixes: tuple[str, ...], lang: str = "zh") -> dict[str, str]:
    """The catalogue's templates whose keys start with one of ``prefixes``, in ``lang``,
    unfilled: what a paper (``printing``) fills with its own figures."""
    return {key: pair[1] if lang == "en" else pair[0] for key, pair in CATALOG.items() if key.startswith(prefixes)}


def text(key: str, lang: str = "zh", /, **params) -> str:
    zh, en = CATALOG.get(key, (key, key))
    template = en if lang == "en" else zh
    try:
        return template.format(**{name: worded(value, lang) for name, value in params.items()})
    except (KeyError, IndexError):
        return template
