"""A redemption's one-time token: a double submit returns the first redemption.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    op.add_column("redemption", sa.Column("token", sa.String(64), nullable=True))
    op.create_index("ix_redemption_token", "redemption", ["token"], unique=True)


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead of downgrading")
