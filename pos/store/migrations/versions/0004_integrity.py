"""Integrity: goods stock never below zero, in the database itself.

PostgreSQL gets a CHECK constraint. SQLite cannot add one to an existing
table without rebuilding it, and rebuilding a table that stock movements and
redemption lines refer to fails with foreign keys on, so there two triggers
refuse the same.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"

MESSAGE = "goods stock cannot go below zero"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("ALTER TABLE goods ADD CONSTRAINT goods_stock_not_negative CHECK (stock >= 0)")
    elif dialect == "sqlite":
        for action, columns in (("INSERT", ""), ("UPDATE", " OF stock")):
            op.execute(
                f"CREATE TRIGGER goods_stock_not_negative_{action.lower()} BEFORE {action}{columns} "
                f"ON goods WHEN NEW.stock < 0 BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead of downgrading")
