"""Deductions as claims: a claim's points are negative by a deduction rule, never zero.

Revision ID: 0013
Revises: 0012
"""

from alembic import op

revision = "0013"
down_revision = "0012"


def upgrade() -> None:
    with op.batch_alter_table("claim") as table:
        table.drop_constraint("claim_points_positive", type_="check")
        table.create_check_constraint("claim_points_not_zero", "points <> 0")


def downgrade() -> None:
    with op.batch_alter_table("claim") as table:
        table.drop_constraint("claim_points_not_zero", type_="check")
        table.create_check_constraint("claim_points_positive", "points > 0")
