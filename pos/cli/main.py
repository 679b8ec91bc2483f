"""The ``aixin`` command line: every shop operation, scriptable, with ``--json``.

A refusal prints one line (Chinese, or English with ``--lang en``) on
standard error and exits 2; a ledger that fails ``verify`` exits 1; an
unexpected fault is logged with its traceback and reported in one line
(exit 70).

The window is not ours to open: the program's front door (``ui.main``) hands
its ``gui`` command in as ``window``, so that ``pos`` never imports the window.
Without it (``python -m pos``), no subcommand prints the help.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import logging
import os
import sys

from pos import __version__, messages
from pos.cli.common import said
from pos.station import logs
from pos.errors import Findings, ImportProblems, ShopError, from_database, from_ledger

log = logging.getLogger("pos")

EXIT_REFUSED = 2
EXIT_FINDINGS = 1
EXIT_SAVED_THEN_FAILED = 3  # something was saved, and what was to follow it (a receipt, a file) failed
EXIT_FAULT = 70
EXIT_UNREACHABLE = 75  # the database server could not be reached: nothing saved, try again (EX_TEMPFAIL)
EXIT_PIPE = 141  # as a shell reports a program stopped by SIGPIPE


class Output:
    """Prints either JSON or the person-readable text, in the chosen language."""

    def __init__(self, args: argparse.Namespace):
        self.json = args.json
        self.lang = args.lang

    def t(self, key: str, /, **params) -> str:
        return messages.text(key, self.lang, **params)

    def show(self, data, text: str | list[str] | None = None) -> None:
        if self.json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        elif text is not None:
            print(text if isinstance(text, str) else "\n".join(text))

    def refuse(self, error: ShopError) -> int:
        lines = [error.message(self.lang), *error.lines(self.lang)]
        if self.json:
            payload = {"ok": False, "error": error.key, "message": lines[0], **_plain(error.params, self.lang)}
            if isinstance(error, ImportProblems):
                payload["problems"] = [
                    {"row": row, "error": p.key, "message": p.message(self.lang)}
                    for row, p in error.problems
                ]
            if isinstance(error, Findings):
                payload["findings"] = [{"error": f.key, "message": f.message(self.lang), **_plain(f.params)}
                                       for f in error.findings]
            print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        print("\n".join(lines), file=sys.stderr)
        return EXIT_REFUSED


def _plain(params: dict, lang: str) -> dict:
    """A refusal's parameters as JSON: a list as the message words it, plain values as they are."""
    params = {k: messages.worded(v, lang) if isinstance(v, messages.AllOf) else v for k, v in params.items()}
    return {k: v for k, v in params.items() if isinstance(v, (str, int, float, bool, type(None)))}


def _configure_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


# One module of pos.cli per noun, each registering its own commands (in this order in the help).
COMMANDS = ("books", "users", "households", "cards", "rules", "points", "goods", "stock", "counter", "printer",
            "sheets", "demo", "month", "village", "wishes", "claims",
            "county")


def register_all(sub) -> None:
    for name in COMMANDS:
        importlib.import_module(f"pos.cli.{name}").register(sub)


def build_parser(window=None) -> argparse.ArgumentParser:

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=said("help_option_db"))
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=said("help_option_json"))
    common.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help=said("help_option_lang"))
    parser = argparse.ArgumentParser(
        prog="aixin", description=said("help_aixin"),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"aixin {__version__}",
                        help=said("help_option_version"))  # Python 3.11's argparse does not translate its own
    parser.set_defaults(handler=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.common = common  # type: ignore[attr-defined]
    register_all(sub)
    if window is not None:
        window.register(sub)
    return parser


def _drop_stdout() -> None:
    """Send what is still buffered for standard output nowhere, so that leaving does not
    fail a second time (a reader that went away, a full disk)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (tests capture it)


def _reader_gone() -> int:
    """``aixin ... | head``: the reader closed the pipe; stop quietly, as shell tools do."""
    _drop_stdout()
    return EXIT_PIPE


def _finish(code: int) -> int:
    """Flush standard output now, so a failure to write is handled here rather than at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()
    except OSError as error:
        _drop_stdout()
        from pos.cli import common

        print(common.file_error(error, "stdout").message(common.language), file=sys.stderr)
        return EXIT_REFUSED
    return code


def _asked_language(words: list[str]) -> str:
    given = [w.partition("=")[2] for w in words if w.startswith("--lang=")]
    given += [after for before, after in itertools.pairwise(words) if before == "--lang"]
    return "en" if given and given[-1] == "en" else "zh"


def main(argv: list[str] | None = None, *, window=None) -> int:
    """Run one command. ``window`` (from ``ui.main``) adds ``gui`` and opens the window when
    no command is given."""
    _configure_stdout()
    from pos.cli import common

    # argparse speaks before --lang is parsed, so look for it first.
    common.language = _asked_language(list(sys.argv[1:] if argv is None else argv))
    messages.speak_argparse(common.language)
    parser = build_parser(window)
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse's own refusal (exit 2) or --help (exit 0)
        return _finish(stop.code if isinstance(stop.code, int) else EXIT_REFUSED)
    for name, default in (("db", None), ("json", False), ("lang", "zh")):
        if not hasattr(args, name):
            setattr(args, name, default)
    log_file = logs.setup()
    out = Output(args)
    if args.handler is None:
        if window is None:
            parser.print_help()
            return _finish(0)
        args.handler = window.open_window
    saved = _Saved()
    try:
        return _finish(args.handler(args, out) or 0)
    except BrokenPipeError:
        return _reader_gone()
    except OSError as error:  # writing the output: a full disk, a device that went away
        from pos.cli.common import file_error

        _drop_stdout()
        refusal = file_error(error, error.filename or "stdout")
        log.info("output failed: %s", error)
        return saved.then(out, refusal) or _say(refusal.message(out.lang), EXIT_REFUSED)
    except ShopError as error:
        log.info("refused: %s %s", error.key, error.params)
        code = saved.then(out, error) or out.refuse(error)
        return EXIT_UNREACHABLE if error.key == "db_unreachable" and code == EXIT_REFUSED else code
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        from ledger.errors import LedgerError

        if isinstance(error, LedgerError):
            log.info("ledger refused: %s", error)
            return saved.then(out, from_ledger(error)) or out.refuse(from_ledger(error))
        told = from_database(error, _where(args))
        if told is not None:
            log.warning("database fault: %s", error)
            code = EXIT_UNREACHABLE if told.key == "db_unreachable" else EXIT_REFUSED
            return saved.then(out, told) or _say(told.message(out.lang), code)
        log.exception("aixin %s failed", " ".join(argv if argv is not None else sys.argv[1:]))
        fault = ShopError("internal_error_after", log=log_file)
        return saved.then(out, fault) or _say(out.t("internal_error", log=log_file), EXIT_FAULT)


class _Saved:
    """What this command saved before something failed. A command that committed must never
    be reported as undone: the clerk would do it again (a second sale)."""

    def __init__(self):
        from pos import service

        self._service = service
        self._mark = service.commit_mark()

    def then(self, out: Output, problem: ShopError) -> int | None:
        done = self._service.commits_since(self._mark)
        if not done:
            return None
        seqs = [c for c in done if c.first_seq is not None]
        where = (messages.AllOf(f"{c.first_seq}" if c.first_seq == c.last_seq else f"{c.first_seq}–{c.last_seq}"
                                for c in seqs))
        saved = out.t("saved_entries", seqs=where) if seqs else out.t("saved_changes")
        log.warning("saved %s, then: %s %s", [(c.first_seq, c.last_seq) for c in done], problem.key, problem.params)
        if out.json:
            print(json.dumps({"ok": False, "saved": [[c.first_seq, c.last_seq] for c in seqs],
                              "error": problem.key, "message": problem.message(out.lang)}, ensure_ascii=False))
        print(out.t("saved_then_failed", saved=saved, problem=problem.message(out.lang)), file=sys.stderr)
        return EXIT_SAVED_THEN_FAILED


def _say(text: str, code: int) -> int:
    print(text, file=sys.stderr)
    return code


def _where(args) -> str:
    """The database a fault concerns, as a person can find it (a server without its password)."""
    from pos import paths
    from sqlalchemy.engine import make_url

    url = make_url(args.db or paths.default_db_url())
    return url.database if url.get_backend_name() == "sqlite" else url.render_as_string(hide_password=True)


