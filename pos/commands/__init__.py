"""The ``aixin`` subcommands, one module per area; importing this registers them."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
from contextlib import contextmanager
from pathlib import Path

from pos import messages
from pos.errors import ShopError
from pos.fields import MAX_ID, whole_number

class later:
    """A module imported when first used: ``aixin --help`` and the window's first paint do not
    wait for SQLAlchemy, Alembic, pypinyin or reportlab to load for commands that do not run."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        return getattr(importlib.import_module(self._name), attribute)


# The language of argparse's own refusals (set by the cli from --lang before parsing).
language = "zh"


def database(args: argparse.Namespace, *, create: bool = True):
    from pos.database import open_database

    return open_database(args.db, create=create)


def number(low: int = 0, high: int = MAX_ID):
    """An argparse type: plain decimal digits between ``low`` and ``high`` (``1_0``, ``1e3``,
    ``0x10`` and numbers past what the database stores are refused with the bounds)."""

    def parse(text: str) -> int:
        try:
            value = whole_number(text)
        except ValueError:
            raise argparse.ArgumentTypeError(messages.text("not_a_number", language, value=text)) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                messages.text("number_range", language, value=value, low=low, high=high))
        return value

    parse.__name__ = "number"
    return parse


def seconds(text: str) -> float:
    """An argparse type for a timeout: 0.1 to 120 seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(messages.text("not_a_number", language, value=text)) from None
    if not 0.1 <= value <= 120:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(messages.text("number_range", language, value=text, low=0.1, high=120))
    return value


def file_error(error: OSError, path) -> ShopError:
    """A file problem told in the shop's words, naming the file."""
    code = {errno.ENOENT: "file_missing", errno.EISDIR: "file_is_folder", errno.EACCES: "file_permission",
            errno.EPERM: "file_permission", errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full",
            errno.ENOTDIR: "folder_missing", errno.EROFS: "file_permission"}.get(error.errno, "file_error")
    return ShopError(code, path=str(path if path is not None else (error.filename or "")),
                     detail=error.strerror or str(error))


def read_input(path: Path) -> bytes:
    """The bytes of a file to import, or a refusal saying what is wrong with the path."""
    if path.is_dir():
        raise ShopError("file_is_folder", path=str(path))
    try:
        return path.read_bytes()
    except OSError as error:
        raise file_error(error, path) from None


def output_file(path: Path) -> Path:
    """A file to write: its folder must exist, and it must not be a folder itself."""
    if path.is_dir():
        raise ShopError("file_is_folder", path=str(path))
    if not path.parent.is_dir():
        raise ShopError("folder_missing", path=str(path.parent))
    return path


@contextmanager
def writing(path: Path):
    """Write ``path``; if writing fails (a full disk), leave no half-written file behind."""
    existed = path.exists()
    try:
        yield path
    except OSError as error:
        if not existed and path.is_file():
            os.unlink(path)
        raise file_error(error, path) from None


def add(sub, name: str, help_text: str, handler, **kwargs) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text, parents=[sub.common], **kwargs)
    parser.set_defaults(handler=handler)
    return parser


def group(sub, name: str, help_text: str):
    parser = sub.add_parser(name, help=help_text, description=help_text)
    inner = parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND", required=True)
    inner.common = sub.common
    parser.commands = inner  # so another module can add a command to the group
    return inner


def open_app(args, out) -> int:
    """With no subcommand: the counter window, as ``aixin gui``."""
    from pos.commands import gui

    args.demo, args.quit_after = False, None
    return gui.run(args, out)


def register_all(sub) -> None:
    from pos.commands import admin, books, gui, month, printer, sheets, shop, village_demo, wishes

    for module in (shop, books, printer, sheets, village_demo, gui, month, admin, wishes):
        module.register(sub)
