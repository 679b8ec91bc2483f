"""A real X server for window tests and screenshots: Xvfb on a free display, with openbox."""

from __future__ import annotations

import os
import shutil
import subprocess
import time


class Xvfb:
    def __init__(self, width: int = 1366, height: int = 768, dpi: int = 96):
        self.width, self.height, self.dpi = width, height, dpi
        self.display = ""
        self._server: subprocess.Popen | None = None
        self._wm: subprocess.Popen | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("Xvfb") is not None

    def start(self) -> Xvfb:
        read, write = os.pipe()
        self._server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{self.width}x{self.height}x24",
             "-dpi", str(self.dpi), "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        if shutil.which("openbox"):
            self._wm = subprocess.Popen(["openbox"], env=self.env(), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
            time.sleep(0.5)
        return self

    def env(self, **extra) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        env["DISPLAY"] = self.display
        env.update(extra)
        return env

    def xdotool(self, *args: str, timeout: float = 30) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env(), capture_output=True, text=True, timeout=timeout)
        return done.stdout.strip()

    def stop(self) -> None:
        for process in (self._wm, self._server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
