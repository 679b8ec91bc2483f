"""Files the program writes on this PC: never over its own, and complete or not at all.

A PDF, an export or a backup asked for by name must not land on the database, its
``-wal``/``-shm``, a backup copy, the settings or the log: each of those is the
program's own, and a typo in ``--out`` would otherwise destroy it. Whatever is
written goes to a temporary name in the same folder and is renamed into place only
when complete, so a full disk or a pulled stick leaves nothing half-written behind.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pos import messages, paths
from pos.errors import ShopError

_DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _backup_folders() -> list[Path]:
    from pos.station import settings

    folders = [paths.data_dir() / "backups"]
    chosen = settings.load().backup_dir
    if chosen:
        folders.append(Path(chosen))
    return folders


def whose(path: Path, database: Path | None = None) -> str | None:
    """What of the program's own ``path`` is (a key of the catalogue's ``own_file_*``), or None."""
    path = Path(path)
    if database is not None and any(_same(path, Path(f"{database}{end}")) for end in _DATABASE_COMPANIONS):
        return "database"
    name = path.name
    if name.startswith("aixin-") and name.endswith(".db") and any(
            _same(path.parent, folder) for folder in _backup_folders()):
        return "backup"
    home = paths.data_dir()
    if _same(path, home / "settings.json"):
        return "settings"
    if _same(path.parent, home / "logs") and name.startswith("aixin.log"):
        return "log"
    return None


def output(path: Path, database: Path | None = None) -> Path:
    """A file a person asked the program to write: its folder exists, it is not a folder,
    and it is none of the program's own files."""
    path = Path(path)
    own = whose(path, database)
    if own is not None:
        raise ShopError("output_is_own_file", path=str(path), what=messages.Phrase(f"own_file_{own}"))
    if path.is_dir():
        raise ShopError("file_is_folder", path=str(path))
    if not path.parent.is_dir():
        raise ShopError("folder_missing", path=str(path.parent))
    return path


def error(exc: OSError, path) -> ShopError:
    """A file problem told in the shop's words, naming the file; a full disk says how much
    room there is left."""
    code = {errno.ENOENT: "file_missing", errno.EISDIR: "file_is_folder", errno.EACCES: "file_permission",
            errno.EPERM: "file_permission", errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full",
            errno.ENOTDIR: "folder_missing", errno.EROFS: "file_permission"}.get(exc.errno, "file_error")
    path = Path(path if path is not None else (exc.filename or ""))
    if code == "disk_full":
        try:
            free = shutil.disk_usage(path.parent if not path.is_dir() else path).free
        except OSError:
            free = 0
        return ShopError("disk_full_room", path=str(path), free=f"{free / 1_048_576:.1f}")
    return ShopError(code, path=str(path), detail=exc.strerror or str(exc))


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.partial")


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary file beside ``path``; it becomes ``path`` only if the block succeeds."""
    path = Path(path)
    if path.exists() and not path.is_file() and not path.is_dir():
        # A device or a pipe (a printer's port, /dev/stdout): written to, never renamed over.
        try:
            yield path
        except OSError as exc:
            raise error(exc, path) from None
        return
    partial = _partial(path)
    try:
        yield partial
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise error(exc, path) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


@contextmanager
def replacing_folder(folder: Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``folder``; its files go into ``folder`` (made if need
    be) only if the block succeeds, each by a rename."""
    folder = Path(folder)
    partial = _partial(folder)
    shutil.rmtree(partial, ignore_errors=True)
    try:
        partial.mkdir(mode=0o700)
        yield partial
        if not folder.exists():
            os.replace(partial, folder)
            return
        for item in sorted(partial.iterdir()):
            os.replace(item, folder / item.name)
        partial.rmdir()
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise error(exc, folder) from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
