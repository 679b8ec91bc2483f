"""aixin gui: the counter window. PySide6 is imported only when the window opens."""

from __future__ import annotations

import os
import sys

from pos.commands import add

EXIT_NO_DISPLAY = 2


def register(sub) -> None:
    parser = add(sub, "gui", "打开收银窗口 / open the counter window", run)
    parser.add_argument("--demo", action="store_true", help="打开演示村（没有时先生成）/ open the demo village")
    parser.add_argument("--quit-after", type=int, metavar="MS", default=None,
                        help="打开窗口，MS 毫秒后正常退出（用于检查安装）/ open, then quit cleanly after MS ms")


def display_missing() -> bool:
    """On Linux and the BSDs a window needs X11, Wayland or an explicit Qt platform."""
    if sys.platform in ("win32", "darwin"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(args, out) -> int:
    if display_missing():
        print("没有图形显示（DISPLAY、WAYLAND_DISPLAY、QT_QPA_PLATFORM 都没有设置），无法打开窗口；"
              "命令行用法见 aixin --help。" if out.lang != "en" else
              "No display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are all unset): cannot open "
              "the window; see aixin --help for the command line.", file=sys.stderr)
        return EXIT_NO_DISPLAY
    from ui import app

    return app.run(args.db, demo=getattr(args, "demo", False), quit_after_ms=getattr(args, "quit_after", None),
                   lang="en" if out.lang == "en" else None)
