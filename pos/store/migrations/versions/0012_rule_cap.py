"""A rule's cap per event: at most N households earn by it for one deed day (a labour day,
a meeting), however many batches it is entered in.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    with op.batch_alter_table("point_rule") as table:
        table.add_column(sa.Column("cap_per_event", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("point_rule") as table:
        table.drop_column("cap_per_event")
