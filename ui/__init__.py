"""PySide6 windows and dialogs. Calls pos/ only."""

import sys

if sys.version_info < (3, 12):
    # PySide6 6.12 on Python 3.11 drops one reference to None each time a Qt method that
    # returns nothing is called (harmless from Python 3.12 on, where None is immortal).
    # A day at the counter makes hundreds of thousands of such calls; when None's count
    # reached zero the interpreter would abort. Give None the near-immortal count it has
    # on 3.12.
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
