"""Every user-facing text of the non-UI code, in Chinese and English: one catalogue.

Identifiers stay English; what a person reads comes from here. ``text(key,
lang, **params)`` formats one; an unknown language falls back to Chinese.
``word(member, lang)`` names one of the shop's fixed words (``pos.vocabulary``).

The texts are data, not code: the ``.toml`` files beside this module, each a part of
the one catalogue (as Anki keeps its strings in Fluent files): refusals, fixed words,
the books' reports, the command line and its help, the supervisor's month, the county, the controls
on the controls (``oversight``), claims, the papers, and the window's own wording of
refusals that name a command (``window``). An entry is ``key = ["中文", "English"]``;
a part may hold a named table besides (``stored``: the English of words kept in Chinese
as data; ``argparse``: argparse's own texts in Chinese). A key is declared once: twice
in one file or in two parts is an error when the catalogue is read, not a text silently
lost. The files are read once, when a text is first wanted (the window warms it behind
the login), so starting the program does not wait for them.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

PARTS = ("refusals", "words", "books", "commands", "help", "month", "county", "oversight", "claims", "window",
         "papers", "receipts", "sheets", "notices")


def read_part(name: str, folder: Path | None = None) -> dict:
    """One part of the catalogue as written: its entries, and its named tables."""
    path = (folder or Path(__file__).parent) / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path.name}: {exc}") from None


def _catalogue(parts: dict[str, dict]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name, part in parts.items():
        entries = {key: value for key, value in part.items() if isinstance(value, list)}
        twice = merged.keys() & entries.keys()
        if twice:
            raise KeyError(f"{name}.toml declares {sorted(twice)} again")
        for key, value in entries.items():
            if len(value) != 2 or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{name}.toml: {key} is not [\"中文\", \"English\"]")
            merged[key] = (value[0], value[1])
    return merged


@functools.cache
def _parts() -> dict[str, dict]:
    return {name: read_part(name) for name in PARTS}


@functools.cache
def catalog() -> dict[str, tuple[str, str]]:
    """key -> (Chinese, English), every part merged."""
    return _catalogue(_parts())


@functools.cache
def _table(name: str) -> dict[str, str]:
    return {k: v for part in _parts().values() for k, v in part.get(name, {}).items()}


def __getattr__(name: str):
    # CATALOG and ARGPARSE_ZH read as before, loaded with the files when first asked
    if name == "CATALOG":
        return catalog()
    if name == "ARGPARSE_ZH":
        return _table("argparse")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def speak_argparse(lang: str) -> None:
    """Have argparse's own texts in ``lang`` (Chinese unless "en")."""
    import argparse
    import gettext

    if lang == "en":
        argparse._, argparse.ngettext = gettext.gettext, gettext.ngettext
    else:
        zh = _table("argparse")
        argparse._ = lambda message: zh.get(message, message)
        argparse.ngettext = lambda one, many, n: zh.get(one if n == 1 else many, one if n == 1 else many)


def kind(name: str, lang: str = "zh") -> str:
    """A kind as stored, in words: a ledger entry's, or a stock record's the audit lists (the
    kind itself if it has no words)."""
    for key in (f"kind_{name}", f"stock_event_{name}"):
        if key in catalog():
            return text(key, lang)
    return str(name)


def stored(value: str, lang: str = "zh") -> str:
    """A word kept in Chinese as data (a zone, a fund, a wish category) in ``lang``."""
    return _table("stored").get(value, value) if lang == "en" else value


def donor_type(key: str, lang: str = "zh") -> str:
    return text(f"donor_{key}", lang) if f"donor_{key}" in catalog() else key


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
    return text(key, lang) if key in catalog() else str(value)


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
    return text(window if window in catalog() else key, lang, **params)


def in_window(error, lang: str = "zh") -> str:
    """A refusal (a ``ShopError``) as the counter window says it: the window's own words where
    the command line's name a command, else its message."""
    key = f"window_{error.key}"
    if key in catalog() and not getattr(error, "findings", None):
        return text(key, lang, **error.params)
    return error.message(lang)


def templates(prefixes: tuple[str, ...], lang: str = "zh") -> dict[str, str]:
    """The catalogue's templates whose keys start with one of ``prefixes``, in ``lang``,
    unfilled: what a paper (``printing``) fills with its own figures."""
    return {key: pair[1] if lang == "en" else pair[0] for key, pair in catalog().items() if key.startswith(prefixes)}


def text(key: str, lang: str = "zh", /, **params) -> str:
    zh, en = catalog().get(key, (key, key))
    template = en if lang == "en" else zh
    try:
        return template.format(**{name: worded(value, lang) for name, value in params.items()})
    except (KeyError, IndexError):
        return template
