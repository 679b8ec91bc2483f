"""Entry point of the windowed program (``AixinPOS.exe``, what the shortcuts start):
the same as ``aixin gui``."""

import sys

from ui.main import main

raise SystemExit(main(["gui", *sys.argv[1:]]))
