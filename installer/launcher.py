"""Entry point of the frozen program: the same as the ``aixin`` command."""

from pos.cli import main

raise SystemExit(main())
