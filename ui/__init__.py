"""PySide6 windows and dialogs. Calls pos/ only."""
