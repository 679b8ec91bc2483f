"""Who is sending a receipt: a job being sent belongs to its sender (PC and process) while
its heartbeat is fresh, so a second counter's retry never takes it for an interrupted one.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from ledger.schema import UtcDateTime

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    with op.batch_alter_table("print_job") as table:
        table.add_column(sa.Column("sender", sa.String(128), nullable=False, server_default=""))
        table.add_column(sa.Column("heartbeat_at", UtcDateTime(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead of downgrading")
