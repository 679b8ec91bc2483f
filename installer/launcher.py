"""Entry point of the frozen command line (``aixin.exe``): the same as the ``aixin`` command."""

from pos.cli import main

raise SystemExit(main())
