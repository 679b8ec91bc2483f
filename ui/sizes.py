"""Sizes that fit the screen: the counter must fit 1366×768 at 100 %, 125 % and 150 % scaling.

At 150 % a 1366×768 screen is only 911×512 logical pixels: the counter laid
out for 100 % would run off the bottom. ``fit_screen`` measures the screen
once at start-up; every point size and pixel size in ``ui/`` goes through
``pt()`` and ``px()``, which shrink them by the same factor when the screen is
small in logical pixels, so the window keeps the physical size it has at
100 % instead of being cut off.
"""

from __future__ import annotations

DESIGN_WIDTH, DESIGN_HEIGHT = 1340, 728  # what the counter needs, in logical pixels at factor 1
factor = 1.0


def fit_screen(app) -> float:
    global factor
    screen = app.primaryScreen()
    if screen is None:
        return factor
    available = screen.availableGeometry()
    factor = max(0.5, min(1.0, available.width() / DESIGN_WIDTH, available.height() / DESIGN_HEIGHT))
    return factor


def pt(size: float) -> float:
    return size * factor


def px(size: int) -> int:
    return max(1, round(size * factor))
