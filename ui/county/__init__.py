"""The county's window: what ``aixin gui`` opens on a county database.

A county user logs in (``ui.county.login``); the window (``ui.county.window``) has one
area a task, each a screen of its own module: the villages × months grid
(``grid``), the month's figures and comparisons with its workbook and one-page PDF
(``month``), importing packages from a USB stick (``packages``), the villages' keys
(``keys``) and spot checks (``spotchecks``). Every call into ``pos.county`` goes
through ``ui.operations``; tables are ``ui.models.RowsModel``.
"""
