"""Every fixed size in the window goes through ``ui.sizes.px``, so that at 125 % and 150 %
scaling on a 1366×768 screen a dialog or a panel shrinks with the rest instead of running
off the screen (the households' import preview did, at 150 %)."""

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
FIXED = re.compile(r"\b(resize|setMinimumSize|setFixedSize|setMinimumWidth|setMinimumHeight|setFixedWidth|"
                   r"setFixedHeight|setMaximumWidth|setMaximumHeight|setDefaultSectionSize|"
                   r"setMinimumSectionSize)\(\s*\d")


def test_no_size_in_the_window_is_a_bare_number_of_pixels():
    bare = [f"{path.relative_to(UI.parent)}:{n}: {line.strip()}"
            for path in sorted(UI.rglob("*.py"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if FIXED.search(line)]
    assert bare == []
