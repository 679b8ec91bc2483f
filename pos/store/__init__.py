"""The database: engine settings, migrations and sessions (database.py) and the shop's tables."""
