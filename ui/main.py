"""The program's front door: the ``aixin`` command, ``python -m ui`` and both installer
launchers start here. No subcommand (or ``gui``) opens the counter window; any other
subcommand is the shop's command line (``pos.cli``), which this hands ``gui`` to, so
``pos`` never imports the window. Qt is imported only when the window opens.
"""

from __future__ import annotations

import os
import sys

EXIT_NO_DISPLAY = 2


def register(sub) -> None:
    from pos.cli.common import add, said

    parser = add(sub, "gui", "help_gui", run)
    parser.add_argument("--demo", action="store_true", help=said("help_gui_demo"))
    parser.add_argument("--quit-after", type=int, metavar="MS", default=None, help=said("help_gui_quit_after"))


def display_missing() -> bool:
    """On Linux and the BSDs a window needs X11, Wayland or an explicit Qt platform."""
    if sys.platform in ("win32", "darwin"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(args, out) -> int:
    if display_missing():
        print(out.t("no_display"), file=sys.stderr)
        return EXIT_NO_DISPLAY
    from ui.county import app as county

    url = county.county_url(args.db)
    if url is not None:  # a county database: the county's login and window
        return county.run(url, quit_after_ms=getattr(args, "quit_after", None),
                          lang="en" if out.lang == "en" else None)
    from ui import app

    return app.run(args.db, demo=getattr(args, "demo", False), quit_after_ms=getattr(args, "quit_after", None),
                   lang="en" if out.lang == "en" else None)


def open_window(args, out) -> int:
    """With no subcommand: the counter window, as ``aixin gui``."""
    args.demo, args.quit_after = False, None
    return run(args, out)


def main(argv: list[str] | None = None) -> int:
    from pos.cli.main import main as command_line

    return command_line(argv, window=sys.modules[__name__])
