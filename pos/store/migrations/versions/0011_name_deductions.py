"""Whether the honour roll names the households that lost points (off unless the village
decides otherwise).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    with op.batch_alter_table("village") as table:
        table.add_column(sa.Column("name_deductions", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("village") as table:
        table.drop_column("name_deductions")
