"""A throwaway PostgreSQL server for tests: its own cluster, reached over a Unix socket only."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


class Server:
    def __init__(self):
        self.bin = _binaries()
        self.root = Path(tempfile.mkdtemp(prefix="aixin-pg-"))
        self.data = self.root / "data"
        self.socket = self.root / "socket"
        self.socket.mkdir()
        self.port = 54321 + os.getpid() % 1000
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL will not run as root: use its own account
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket, "postgres")
        self.root.chmod(0o755)

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "aixin", "-A", "trust",
                  "-E", "UTF8", "--no-locale")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w",
                  "-o", f"-p {self.port} -k {self.socket} -c listen_addresses='' -c fsync=on", "start")

    def pause(self) -> None:
        """Stop the server as an outage would, keeping its data for ``resume``."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w",
                  "-o", f"-p {self.port} -k {self.socket} -c listen_addresses='' -c fsync=on", "start")

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        except subprocess.CalledProcessError:
            pass  # stopped already (a test that paused it)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://aixin@/{database}?host={self.socket}&port={self.port}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(host=str(self.socket), port=self.port, user="aixin", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def available() -> bool:
    if _binaries() is None:
        return False
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return os.geteuid() != 0 or shutil.which("runuser") is not None


def wait_ready(server: Server, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (server.socket / f".s.PGSQL.{server.port}").exists():
            return
        time.sleep(0.1)
    raise RuntimeError("PostgreSQL did not start")


@contextmanager
def running():
    """A server of its own, stopped afterwards; the test is skipped where none can be started."""
    if not available():
        pytest.skip("no PostgreSQL server binaries here")
    server = Server()
    server.start()
    try:
        wait_ready(server)
        yield server
    finally:
        server.stop()
