"""Entry point of the frozen command line (``aixin.exe``): the same as the ``aixin`` command."""

from ui.main import main

raise SystemExit(main())
