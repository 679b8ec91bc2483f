"""The ``aixin`` command line: ``main`` parses, one module per area registers its subcommands."""
