"""The ``aixin`` subcommands, one module per area; importing this registers them."""

from __future__ import annotations

import argparse

from pos.database import Database, open_database


def database(args: argparse.Namespace, *, create: bool = True) -> Database:
    return open_database(args.db, create=create)


def add(sub, name: str, help_text: str, handler, **kwargs) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text, parents=[sub.common], **kwargs)
    parser.set_defaults(handler=handler)
    return parser


def group(sub, name: str, help_text: str):
    parser = sub.add_parser(name, help=help_text, description=help_text)
    inner = parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND", required=True)
    inner.common = sub.common
    return inner


def open_app(args, out) -> int:
    """With no subcommand: the counter window, as ``aixin gui``."""
    from pos.commands import gui

    args.demo, args.quit_after = False, None
    return gui.run(args, out)


def register_all(sub) -> None:
    from pos.commands import books, gui, month, printer, sheets, shop, village_demo, wishes

    for module in (shop, books, printer, sheets, village_demo, gui, month, wishes):
        module.register(sub)
