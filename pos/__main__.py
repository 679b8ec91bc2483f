"""``python -m pos``: the shop's command line alone, without the window (``python -m ui``)."""

from pos.cli.main import main

raise SystemExit(main())
