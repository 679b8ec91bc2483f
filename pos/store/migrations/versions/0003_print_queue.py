"""The print queue: receipts owed, printed, failed, and every reprint.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from ledger.schema import UtcDateTime

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "print_job",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tx_seq", sa.BigInteger, sa.ForeignKey("redemption.tx_seq"), nullable=False, index=True),
        sa.Column("copy", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.String(32), nullable=False),
        sa.Column("requested_by", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("printed_at", UtcDateTime),
        sa.UniqueConstraint("tx_seq", "copy"),
    )


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead of downgrading")
