"""What every page of the supervisor's area has: its screen, the month it last read, its role."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class Page(QWidget):
    def __init__(self, screen):
        super().__init__(screen)
        self.screen = screen
        self.loaded_for = ""  # the month the page shows; another month chosen means a fresh read

    def set_role(self) -> None:
        """The user changed: a supervisor, or an administrator who only looks."""

    def refresh(self) -> None:
        raise NotImplementedError

    def take_month(self):
        """The chosen month (a ``MonthState``), now the one this page shows; None before the
        months are read."""
        state = self.screen.month_state
        if state is not None:
            self.loaded_for = state.month
        return state
