"""Claims reviewed and posted before they count: the village's way of awarding (direct or
claims), a limit per rule, the claims and their postings.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    with op.batch_alter_table("village") as table:
        table.add_column(sa.Column("awards", sa.String(16), nullable=False, server_default="direct"))
    with op.batch_alter_table("point_rule") as table:
        table.add_column(sa.Column("limit_count", sa.Integer(), nullable=True))
        table.add_column(sa.Column("limit_period", sa.String(16), nullable=False, server_default=""))
    op.create_table(
        "claim_posting",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("notice_days", sa.Integer(), nullable=False),
        sa.Column("posted_by", sa.String(64), nullable=False),
        sa.Column("posted_seq", sa.BigInteger(), nullable=False),
        sa.Column("credited_seq", sa.BigInteger(), nullable=True, unique=True),
    )
    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("household_id", sa.Integer(), sa.ForeignKey("household.id"), nullable=False, index=True),
        sa.Column("rule", sa.String(16), nullable=False, index=True),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("deed_date", sa.Date(), nullable=False),
        sa.Column("declared_by", sa.String(50), nullable=False),
        sa.Column("note", sa.String(400), nullable=False),
        sa.Column("photo", sa.String(64), nullable=False),
        sa.Column("entered_by", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("reviewed_by", sa.String(64), nullable=False),
        sa.Column("reason", sa.String(400), nullable=False),
        sa.Column("posting_id", sa.Integer(), sa.ForeignKey("claim_posting.id"), nullable=True, index=True),
        sa.Column("objected_by", sa.String(50), nullable=False),
        sa.Column("objection", sa.String(400), nullable=False),
        sa.Column("objected_on", sa.Date(), nullable=True),
        sa.Column("credited_seq", sa.BigInteger(), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("status IN ('entered', 'accepted', 'rejected', 'posted', 'objected', 'credited')",
                           name="claim_status_known"),
        sa.CheckConstraint("points > 0", name="claim_points_positive"),
        sa.CheckConstraint("status <> 'credited' OR credited_seq IS NOT NULL", name="claim_credited_has_entry"),
    )


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead of downgrading")
