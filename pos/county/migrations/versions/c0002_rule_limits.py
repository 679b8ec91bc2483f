"""The county's reference rules carry their limits: times per period and households per deed day.

Revision ID: c0002
Revises: c0001
"""

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"


def upgrade() -> None:
    with op.batch_alter_table("county_rule") as batch:
        batch.add_column(sa.Column("limit", sa.String(length=16), nullable=False, server_default=""))
        batch.add_column(sa.Column("cap_per_event", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("county_rule") as batch:
        batch.drop_column("cap_per_event")
        batch.drop_column("limit")
