"""Alembic environment of the county database: run from ``pos.county.database`` with a
live connection, its version kept in ``county_alembic_version``."""

from alembic import context

from pos.county.schema import CountyBase

VERSION_TABLE = "county_alembic_version"

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=CountyBase.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
