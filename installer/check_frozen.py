"""Starts the frozen program the way a village PC would, to catch a missing module or data file.

    python installer/check_frozen.py dist/AixinPOS

Runs the built ``aixin`` (not the source) on a fresh demo village in a temporary data folder:
``--version`` against pyproject.toml, ``demo`` (the migrations and default rules from the
bundle), ``verify``, a backup, a ledger export re-verified by the shipped ``verify_export.py``
with plain Python, a card sheet PDF read back with ``pdftotext``, and the counter window
opening to the login offscreen and closing on its timer. Prints one line a step and exits 1 if
any step failed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))
sys.path.insert(0, str(ROOT))

from pos import codes  # noqa: E402  (the check digit, to read card numbers back)
from versioninfo import project_version  # noqa: E402

WINDOW_MS = 3000


class Failed(Exception):
    pass


class Skipped(Exception):
    pass


class Frozen:
    """The built programs, run with a data folder of their own and nothing of the source."""

    def __init__(self, folder: Path, home: Path):
        suffix = ".exe" if os.name == "nt" else ""
        self.command = folder / f"aixin{suffix}"
        self.window = folder / f"AixinPOS{suffix}"
        for program in (self.command, self.window):
            if not program.is_file():
                raise Failed(f"{program} was not built")
        self.db = f"sqlite:///{(home / 'village.db').as_posix()}"
        self.env = {
            key: value for key, value in os.environ.items()
            if key not in ("PYTHONPATH", "PYTHONHOME", "AIXIN_DB", "VIRTUAL_ENV")
        }
        self.env.update(AIXIN_HOME=str(home), AIXIN_USER="wangfang", AIXIN_PASSWORD="aixin123",
                        QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
        self.head_hash = None  # as verify finds it

    def run(self, *args: str, program: Path | None = None, timeout: float = 300, env=None) -> str:
        command = [str(program or self.command), *args]
        done = subprocess.run(command, env={**self.env, **(env or {})}, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=timeout, cwd=tempfile.gettempdir())
        if done.returncode != 0:
            raise Failed(f"{' '.join(command[1:])} exited {done.returncode}:\n{done.stdout}{done.stderr}")
        return done.stdout

    def run_json(self, *args: str) -> dict:
        printed = self.run(*args, "--db", self.db, "--json")
        # `demo` says what it is doing before its JSON
        start = printed.find("\n{") + 1 if not printed.startswith("{") else 0
        return json.loads(printed[start:])


def check_version(app: Frozen, work: Path) -> str:
    expected = project_version()
    shown = app.run("--version").strip()
    if shown != f"aixin {expected}":
        raise Failed(f"--version printed {shown!r}, pyproject.toml says {expected}")
    return shown


def check_demo(app: Frozen, work: Path) -> str:
    data = app.run_json("demo")
    if not (data["built"] and data["ledger_ok"] and data["village"] == "阿道村"):
        raise Failed(f"the demo village was not built whole: {data}")
    return f"{data['built']['households']} households, {data['transactions']} transactions"


def check_verify(app: Frozen, work: Path) -> str:
    data = app.run_json("verify")
    if data.get("ok") is not True:
        raise Failed(f"verify found problems: {data}")
    app.head_hash = data["head_hash"]
    return f"ledger intact, {data['transactions']} transactions, head {data['head_hash'][:16]}"


def check_backup(app: Frozen, work: Path) -> str:
    data = app.run_json("backup", "--to", str(work / "backups"))
    copy = Path(data["path"])
    if copy.parent != work / "backups" or data["head_hash"] != app.head_hash:
        raise Failed(f"the backup is not where it was asked for, or not of this ledger: {data}")
    return f"{copy.name}, {copy.stat().st_size // 1024} KiB, {data['transactions']} transactions"


def check_export(app: Frozen, work: Path) -> str:
    out = work / "export"
    app.run_json("ledger", "export", "--out", str(out))
    verifier = out / "verify_export.py"
    if not verifier.is_file():
        raise Failed("the export has no verify_export.py: the verifier is missing from the bundle")
    done = subprocess.run([sys.executable, "-I", str(verifier), str(out)],
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise Failed(f"verify_export.py refused the export:\n{done.stdout}{done.stderr}")
    return "re-verified by the shipped verify_export.py"


def check_card_sheet(app: Frozen, work: Path) -> str:
    pdf = work / "cards.pdf"
    data = app.run_json("cards", "pdf", "--group", "富庄", "--out", str(pdf))
    if not pdf.read_bytes().startswith(b"%PDF-"):
        raise Failed(f"{pdf} is not a PDF")
    if not data["font_embedded"]:
        raise Failed(f"no CJK font embedded (used {data['font']})")
    if shutil.which("pdftotext") is None:  # a Windows build machine may not have poppler
        raise Skipped(f"{data['cards']} cards written, but without pdftotext nothing read them back")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    # every card's number, not the old card a replacement names (补发卡（原卡 N 作废）)
    numbers = sorted(set(re.findall(r"(?<!原卡 )\b\d{8}\b", text)))
    if "富庄" not in text or "阿道村" not in text:
        raise Failed(f"the card sheet's Chinese text did not come back from the PDF:\n{text[:500]}")
    if len(numbers) != data["cards"] or not all(codes.valid_card(n) for n in numbers):
        raise Failed(f"{data['cards']} cards printed, card numbers read back: {numbers}")
    return f"{data['cards']} cards on {data['pages']} pages, font {Path(data['font']).name} embedded"


def check_window(app: Frozen, work: Path) -> str:
    commands = app.run("--help")
    if not re.search(r"^\s+gui\s", commands, re.MULTILINE):
        raise Skipped("this build has no `gui` subcommand (the ui package has no app yet)")
    started = time.monotonic()
    # AixinPOS is `aixin gui`; the demo village comes through AIXIN_DB, as a shortcut would have it
    app.run("--quit-after", str(WINDOW_MS), program=app.window, timeout=120, env={"AIXIN_DB": app.db})
    return f"AixinPOS opened to the login offscreen and closed itself after {time.monotonic() - started:.1f} s"


STEPS = [
    ("aixin --version", check_version),
    ("aixin demo", check_demo),
    ("aixin verify", check_verify),
    ("aixin backup", check_backup),
    ("aixin ledger export", check_export),
    ("aixin cards pdf", check_card_sheet),
    ("AixinPOS window", check_window),
]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    passed = failed = skipped = 0
    home = Path(tempfile.mkdtemp(prefix="aixin-frozen-"))
    try:
        app = Frozen(Path(argv[0]).resolve(), home)
        for name, step in STEPS:
            started = time.monotonic()
            try:
                detail = step(app, home)
            except Skipped as why:
                skipped += 1
                print(f"SKIP {name}: {why}", flush=True)
                continue
            except (Failed, subprocess.SubprocessError, ValueError, KeyError) as why:
                failed += 1
                print(f"FAIL {name}: {why}", flush=True)
                continue
            passed += 1
            print(f"ok   {name} ({time.monotonic() - started:.1f} s): {detail}", flush=True)
    except Failed as why:
        print(f"FAIL {why}", flush=True)
        return 1
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"frozen program: {passed} steps ok, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
