"""What every ``aixin`` subcommand shares: the database, the acting user and approver,
argparse types, reading and writing files, JSON-ready results."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import importlib
import os
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from pos import messages
from pos.errors import ShopError
from pos.fields import MAX_ID, whole_number
from pos.vocabulary import LOCAL


class later:
    """A module imported when first used: ``aixin --help`` and the window's first paint do not
    wait for SQLAlchemy, Alembic, pypinyin or reportlab to load for commands that do not run."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        return getattr(importlib.import_module(self._name), attribute)


users, goods, service = later("pos.users"), later("pos.goods"), later("pos.service")

# The language asked for with --lang, set before parsing: argparse's refusals and the
# password prompts speak before a command has its output.
language = "zh"


def database(args: argparse.Namespace, *, create: bool = True):
    from pos.store.database import open_database

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
    """A file problem told in the shop's words, naming the file (``pos.station.files.error``)."""
    from pos.station import files

    return files.error(error, path)


def read_input(path: Path) -> bytes:
    """The bytes of a file to import, or a refusal saying what is wrong with the path."""
    if path.is_dir():
        raise ShopError("file_is_folder", path=str(path))
    try:
        return path.read_bytes()
    except OSError as error:
        raise file_error(error, path) from None


def output_file(args, path: Path) -> Path:
    """A file a person asked for: its folder exists, and it is none of the program's own files
    (the database and its -wal/-shm, a backup, the settings, the log)."""
    from pos.station import files
    from pos.store.database import sqlite_path

    from pos import paths

    return files.output(path, sqlite_path(args.db or paths.default_db_url()))


def output_folder(args, path: Path) -> Path:
    """A folder to write an export into: not the data folder's own, not a file."""
    from pos.station import files
    from pos.store.database import sqlite_path

    from pos import paths

    if path.exists() and not path.is_dir():
        raise ShopError("folder_is_file", path=str(path))
    database = sqlite_path(args.db or paths.default_db_url())
    for inside in (path, path / "manifest.json"):  # what lands in it must not be the program's own
        own = files.whose(inside, database)
        if own is not None:
            raise ShopError("output_is_own_file", path=str(inside), what=messages.Phrase(f"own_file_{own}"))
    if not path.parent.is_dir():
        raise ShopError("folder_missing", path=str(path.parent))
    return path


@contextmanager
def writing(path: Path):
    """Yield a temporary name beside ``path``; it becomes ``path`` only when complete, so a full
    disk leaves nothing half-written."""
    from pos.station import files

    with files.replacing(path) as partial:
        yield partial


@contextmanager
def writing_folder(path: Path):
    from pos.station import files

    with files.replacing_folder(path) as partial:
        yield partial


def add(sub, name: str, help_key: str, handler, **kwargs) -> argparse.ArgumentParser:
    """A command ``name`` run by ``handler``; its help (and description) is the catalogue's
    ``help_key``, in the language asked for with --lang."""
    words = said(help_key)
    parser = sub.add_parser(name, help=words, description=words, parents=[sub.common], **kwargs)
    parser.set_defaults(handler=handler)
    return parser


def group(sub, name: str, help_key: str):
    words = said(help_key)
    parser = sub.add_parser(name, help=words, description=words)
    inner = parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND", required=True)
    inner.common = sub.common
    return inner


def plain(value):
    """Dataclasses (and lists of them) as JSON-ready data."""
    if dataclasses.is_dataclass(value):
        data = dataclasses.asdict(value)
        for name in dir(type(value)):
            if isinstance(getattr(type(value), name, None), property):
                data[name] = getattr(value, name)
        return data
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def said(key: str, **params) -> str:
    """A catalogue text in the language asked for with --lang (for the help, prompts and argparse
    types, which speak before a command has its output)."""
    return messages.text(key, language, **params)


def secret(env: str, prompt: str) -> str:
    given = os.environ.get(env)
    if given is not None:
        return given
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise ShopError("password_needed", env=env)


def actor(args, db):
    return signed_in(args, db)[0]


def call(args, service, *params, create: bool = True, **named):
    """``service(db, user, *params, **named)`` in one opening of the database, as the command's
    user; ``create=False`` for a command that only reads."""
    with database(args, create=create) as db:
        return service(db, actor(args, db), *params, **named)


def signed_in(args, db):
    """The logged-in user and the password they logged in with (a closure is signed with it)."""
    username = args.user or os.environ.get("AIXIN_USER")
    if not username:
        raise ShopError("user_needed")
    password = secret("AIXIN_PASSWORD", said("prompt_password", username=username))
    return users.login(db, username, password), password


def approval(args):
    if not getattr(args, "approver", None):
        return None
    return service.Approval(args.approver, secret("AIXIN_APPROVER_PASSWORD",
                                                   said("prompt_approver_password", username=args.approver)))


def acting(sub, name, help_key, handler, **kwargs):
    parser = add(sub, name, help_key, handler, **kwargs)
    parser.add_argument("--user", help=said("help_option_user"))
    return parser


def approvable(parser):
    parser.add_argument("--approver", help=said("help_option_approver"))
    return parser


def item_spec(text: str, default_qty: int | None = 1) -> tuple[str, int | None, int | None]:
    """CODE[:QTY[:VALUE_FEN]] as typed on the command line."""
    parts = text.split(":")
    try:
        quantity = whole_number(parts[1]) if len(parts) > 1 and parts[1] else default_qty
        value = whole_number(parts[2]) if len(parts) > 2 and parts[2] else None
    except ValueError:
        raise ShopError("item_spec_bad", spec=text) from None
    for given in (quantity, value):
        if given is not None and not -MAX_ID <= given <= MAX_ID:
            raise ShopError("number_range", value=given, low=0, high=MAX_ID)
    return parts[0], quantity, value


def parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ShopError("date_bad", value=text) from None


def entry_lines(out, entries) -> list[str]:
    """Ledger entries (``pos.history.Entry``), newest first, one line each."""
    lines = []
    for e in entries:
        undone = (out.t("history_reversed", by=e.reversed_by) if e.reversed_by
                  else out.t("history_reverses", seq=e.reverses) if e.reverses else "")
        lines.append(out.t("history_line", seq=e.seq, at=e.at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M"),
                           kind=messages.kind(e.kind, out.lang), points=f"{e.points:+d}", operator=e.operator,
                           memo=e.memo, undone=undone))
    return lines or [out.t("history_empty")]


def this_pc(out):
    """This PC's settings. A damaged settings file is one warning and the defaults, never a
    fault: what needs them often follows a sale that is already made."""
    from pos.station import settings

    found, problems = settings.read()
    if problems:
        print(out.t("settings_damaged", path=settings.settings_file(), problems="; ".join(problems)),
              file=sys.stderr)
    return found
