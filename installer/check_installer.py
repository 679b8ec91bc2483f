"""Builds the Windows installer from a Linux frozen folder and, with ``--wine``, runs it.

    python installer/check_installer.py dist/AixinPOS build/AixinPOS-setup.exe [--wine]

The Linux build has the Windows build's shape except for the programs' ``.exe`` suffix, so
the folder is staged (hard links) with the Windows names and compiled with ``makensis -WX``:
a broken installer script, or a warning in it, fails here. The installer that ships is 32-bit
(so that any Windows can start it and be told what it lacks); Debian's 64-bit Wine cannot
run 32-bit programs without a 32-bit Wine beside it, so with ``--wine`` the same script is
compiled once more as a 64-bit installer (``-DTARGET=amd64-unicode``), with every file of the
folder but the few largest (the Qt and Python libraries) as short stand-ins, and that one runs
silently in a fresh prefix: refused on Windows 7; installed on Windows 10 with
its shortcuts and uninstall entry; upgraded over itself, which removes the old program files
and keeps a data folder as it was; uninstalled, which removes the program and keeps the data.
The programs inside are Linux builds, so Wine does not start them: that part is the frozen
check's (check_frozen.py).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))

from versioninfo import PRODUCT, file_version, project_version  # noqa: E402

SHORTCUT = "爱心超市 AixinPOS.lnk"
UNINST_KEY = rf"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\{PRODUCT}"
DATA_FOLDER = "aixin-pos"  # pos.paths.APP_NAME, under %LOCALAPPDATA%


class Failed(Exception):
    pass


SLIM_ABOVE = 2**20


def slim_copy(source: str, target: str) -> None:
    """Hard-links a file, or stands in for a large one with a short file of the same name."""
    if os.path.getsize(source) > SLIM_ABOVE:
        Path(target).write_text(f"stands in for {Path(source).name} in the Wine check\n")
    else:
        os.link(source, target)


def stage(dist: Path, staging: Path, *, slim: bool = False) -> Path:
    """A hard-linked copy of ``dist`` with the Windows program names; ``slim``: every file
    and folder is there, but the few large libraries are short stand-ins (Wine is slow to
    copy 200 MB three times, and does not run them anyway)."""
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(dist, staging, copy_function=slim_copy if slim else os.link)
    for name in ("AixinPOS", "aixin"):
        if (staging / name).exists():
            (staging / name).rename(staging / f"{name}.exe")
    for name in ("AixinPOS.exe", "aixin.exe", "_internal"):
        if not (staging / name).exists():
            raise Failed(f"{dist} has no {name}: not a frozen AixinPOS folder")
    return staging


def compile_installer(dist: Path, out: Path, *, target: str | None = None, slim: bool = False) -> None:
    """makensis, warnings as errors; ``target`` overrides the script's (32-bit) one."""
    version = project_version()
    staged = stage(dist, out.resolve().parent / "windows-shape" / "AixinPOS", slim=slim)
    out.unlink(missing_ok=True)
    command = [
        "makensis", "-V2", "-WX", "-INPUTCHARSET", "UTF8", "-DFAST",
        *([f"-DTARGET={target}"] if target else []),
        f"-DVERSION={version}", f"-DFILE_VERSION={'.'.join(map(str, file_version(version)))}",
        f"-DDIST_DIR={staged}", f"-DOUT_FILE={out.resolve()}",
        str(ROOT / "installer" / "aixin.nsi"),
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0 or not out.is_file():
        raise Failed(f"makensis failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    shutil.rmtree(staged.parent)


class Wine:
    """A fresh Wine prefix, 64-bit, quiet, with the .NET and HTML installers switched off."""

    def __init__(self, prefix: Path):
        self.env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all",
                        WINEDLLOVERRIDES="mscoree,mshtml=", WINEARCH="win64")
        self.drive_c = prefix / "drive_c"
        self.run("wineboot", "--init")

    def run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(command, env=self.env, capture_output=True, timeout=600)
        # An uninstaller copies itself away and returns at once; wait for every Wine process.
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=600)
        if check and done.returncode != 0:
            raise Failed(f"{' '.join(command)} exited {done.returncode}: "
                         f"{done.stderr.decode(errors='replace')[-2000:]}")
        return done

    def windows_version(self, name: str) -> None:
        self.run("wine", "winecfg", "/v", name)

    def has_key(self, key: str) -> bool:
        return self.run("wine", "reg", "query", key, check=False).returncode == 0

    def local_appdata(self) -> Path:
        users = [p for p in (self.drive_c / "users").iterdir() if p.name != "Public"]
        return users[0] / "AppData" / "Local"


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def windows_names(dist: Path) -> set[str]:
    """Every file of the frozen folder, by the path it has once installed."""
    names = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file()}
    return {f"{name}.exe" if name in ("AixinPOS", "aixin") else name for name in names}


def check_with_wine(setup: Path, dist: Path) -> list[str]:
    done: list[str] = []
    with tempfile.TemporaryDirectory(prefix="aixin-wine-") as prefix:
        wine = Wine(Path(prefix))
        program = wine.drive_c / "Program Files" / PRODUCT
        start_menu = wine.drive_c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / PRODUCT
        desktop = wine.drive_c / "users" / "Public" / "Desktop" / SHORTCUT

        wine.windows_version("win7")
        refused = wine.run("wine", str(setup), "/S", check=False)
        if refused.returncode == 0 or program.exists():
            raise Failed(f"installed on Windows 7 (exit {refused.returncode})")
        done.append("refused on Windows 7, installed nothing")

        wine.windows_version("win10")
        wine.run("wine", str(setup), "/S")
        for path in (program / "AixinPOS.exe", program / "aixin.exe", program / "uninstall.exe",
                     program / "_internal" / "pos" / "store" / "migrations" / "env.py",
                     start_menu / SHORTCUT, desktop):
            if not path.is_file():
                raise Failed(f"the install left no {path.relative_to(wine.drive_c)}")
        if not wine.has_key(UNINST_KEY):
            raise Failed("the install wrote no uninstall entry")
        installed = {p.relative_to(program).as_posix() for p in program.rglob("*") if p.is_file()}
        if installed - {"uninstall.exe"} != windows_names(dist):
            raise Failed(f"installed files differ from the frozen folder: "
                         f"{sorted(installed.symmetric_difference(windows_names(dist)))[:10]}")
        done.append(f"installed on Windows 10: all {len(installed) - 1} files of the frozen folder, "
                    "Start menu and desktop shortcuts, uninstall entry")

        data = wine.local_appdata() / DATA_FOLDER
        (data / "backups").mkdir(parents=True)
        (data / "aixin.db").write_bytes(os.urandom(64 * 1024))
        (data / "backups" / "aixin-backup-20260101-000000-000000.db").write_bytes(os.urandom(4096))
        (data / "settings.json").write_text('{"printer": {"port": "COM3"}}', encoding="utf-8")
        kept = digest(data)
        stale = program / "_internal" / "left_by_an_older_version.py"
        stale.write_text("# a module the new version no longer has\n")

        wine.run("wine", str(setup), "/S")
        if stale.exists():
            raise Failed("the upgrade left an old program file behind")
        if not (program / "AixinPOS.exe").is_file() or not wine.has_key(UNINST_KEY):
            raise Failed("the upgrade did not leave a working install")
        if digest(data) != kept:
            raise Failed("the upgrade changed the data folder")
        done.append("upgraded over itself: the old program files removed, the data folder unchanged")

        wine.run("wine", str(program / "uninstall.exe"), "/S")
        left = [p for p in (program, start_menu / SHORTCUT, desktop) if p.exists()]
        if left:
            raise Failed(f"the uninstall left {[str(p.relative_to(wine.drive_c)) for p in left]}")
        if wine.has_key(UNINST_KEY):
            raise Failed("the uninstall left its uninstall entry")
        if digest(data) != kept:
            raise Failed("the uninstall touched the data folder")
        done.append("uninstalled: program, shortcuts and entry gone, the data folder unchanged")
    return done


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="the frozen folder PyInstaller built")
    parser.add_argument("out", type=Path, help="the installer to write")
    parser.add_argument("--wine", action="store_true", help="then install, upgrade, uninstall under Wine")
    args = parser.parse_args(argv)
    try:
        started = time.monotonic()
        compile_installer(args.dist, args.out)
        print(f"ok   makensis ({time.monotonic() - started:.0f} s): {args.out}, "
              f"{args.out.stat().st_size // 2**20} MiB uncompressed", flush=True)
        if args.wine:
            started = time.monotonic()
            wine_setup = args.out.with_name(f"{args.out.stem}-amd64{args.out.suffix}")
            compile_installer(args.dist, wine_setup, target="amd64-unicode", slim=True)
            print(f"ok   makensis, 64-bit for Wine, large libraries stood in for: {wine_setup}, "
                  f"{wine_setup.stat().st_size // 2**20} MiB", flush=True)
            for line in check_with_wine(wine_setup.resolve(), args.dist):
                print(f"ok   wine: {line}", flush=True)
            print(f"     wine checks took {time.monotonic() - started:.0f} s")
    except (Failed, subprocess.SubprocessError) as why:
        print(f"FAIL {why}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
