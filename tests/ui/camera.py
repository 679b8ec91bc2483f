"""What the screenshot scripts share: letting the window finish its work, then saving a picture."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer


class Camera:
    """Pictures of widgets into ``out``, each taken once the window has settled."""

    def __init__(self, app, ops, out: Path):
        self.app, self.ops, self.out = app, ops, out

    def settle(self, ms: int = 400) -> None:
        """Let the window work for ``ms`` at least, and until no operation is running."""
        self.ops.wait(60_000)
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < ms or self.ops.running:
            self.app.processEvents()
            time.sleep(0.01)
        self.ops.wait(60_000)
        self.app.processEvents()

    def shoot(self, widget, name: str) -> None:
        self.settle()
        widget.grab().save(str(self.out / f"{name}.png"))
        print(self.out / f"{name}.png")
