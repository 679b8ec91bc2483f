"""The supervisor's month on screen and paper: the closure's lines, the notice's rows, a
household's statement, the audit's entries and flags, the auditor's export, and the
progress of each as it runs."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
}
