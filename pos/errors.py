"""Refusals the shop expects, each with a message for the person at the counter."""

from __future__ import annotations

from pos import messages


class ShopError(Exception):
    """A refusal or problem with a user-facing message looked up by ``key``.

    ``str(error)`` is the Chinese message; ``error.message("en")`` the English.
    """

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(self.message("zh"))

    def message(self, lang: str = "zh") -> str:
        return messages.text(self.key, lang, **self.params)


class PermissionDenied(ShopError):
    """The caller's role may not do this."""


class NeedsApproval(ShopError):
    """A supervisor must approve this (four-eyes)."""


class ImportProblems(ShopError):
    """An import found problems in its rows; nothing was written."""

    def __init__(self, problems: list[tuple[int, str]], lang_problems: list[tuple[int, str]] | None = None):
        self.problems = problems
        super().__init__("import_refused", count=len(problems))
