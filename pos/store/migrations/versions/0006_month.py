"""The supervisor's month: closures, audit reviews, notice settings, a user's own household.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from ledger.schema import UtcDateTime
from pos.store.migrations import triggers

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.create_table(
        "month_closure",
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("month", sa.String(7), nullable=False, unique=True),
        sa.Column("period_start", UtcDateTime, nullable=False),
        sa.Column("period_end", UtcDateTime, nullable=False),
        sa.Column("first_seq", sa.BigInteger, nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.Column("head_seq", sa.BigInteger, nullable=False),
        sa.Column("head_hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("closed_at", UtcDateTime, nullable=False),
        sa.Column("closed_by", sa.String(64), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "audit_review",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("month", sa.String(7), nullable=False, index=True),
        sa.Column("flag", sa.String(120), nullable=False),
        sa.Column("rule", sa.String(32), nullable=False),
        sa.Column("reviewer", sa.String(64), nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
    )
    with op.batch_alter_table("village") as batch:
        batch.add_column(sa.Column("notice_days", sa.Integer, nullable=False, server_default="7"))
        batch.add_column(sa.Column("objection_phone", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("mask_names", sa.Boolean, nullable=False, server_default=sa.false()))
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(sa.Column("household_id", sa.Integer, nullable=True))
        batch.create_foreign_key("fk_app_user_household", "household", ["household_id"], ["id"])
    triggers.refuse_changes("month_closure", "audit_review")


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead of downgrading")
