"""The wish wall and the echo wall: wishes, and every change to them as an event.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from ledger.schema import UtcDateTime
from pos.store.migrations import triggers

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.create_table(
        "wish",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("household_id", sa.Integer, sa.ForeignKey("household.id"), nullable=False, index=True),
        sa.Column("member", sa.String(50), nullable=False),
        sa.Column("text", sa.String(200), nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("written_on", sa.Date, nullable=False),
        sa.Column("value_fen", sa.BigInteger, nullable=False),
        sa.Column("show_name", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("written_by", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("donor", sa.String(100), nullable=False),
        sa.Column("donor_type", sa.String(16), nullable=False),
        sa.Column("donor_contact", sa.String(100), nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=False),
        sa.Column("claimed_at", UtcDateTime),
        sa.Column("delivered_on", sa.Date, index=True),
        sa.Column("handed_by", sa.String(50), nullable=False),
        sa.Column("delivery_note", sa.String(400), nullable=False),
        sa.Column("handover", sa.String(16), nullable=False),
        sa.Column("intake_id", sa.Integer, sa.ForeignKey("stock_intake.id")),
        sa.Column("echo", sa.String(400), nullable=False),
        sa.Column("thanked_at", UtcDateTime),
        sa.Column("withdrawn_reason", sa.String(400), nullable=False),
        sa.CheckConstraint("status IN ('open', 'claimed', 'delivered', 'thanked', 'withdrawn')",
                           name="wish_status_known"),
        sa.CheckConstraint("status <> 'open' OR donor = ''", name="wish_open_has_no_donor"),
        sa.CheckConstraint("status NOT IN ('claimed', 'delivered', 'thanked') OR donor <> ''",
                           name="wish_claimed_has_a_donor"),
        sa.CheckConstraint("value_fen >= 0", name="wish_value_not_negative"),
    )
    op.create_table(
        "wish_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("wish_id", sa.Integer, sa.ForeignKey("wish.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.UniqueConstraint("wish_id", "kind", name="wish_event_once"),
    )
    triggers.refuse_changes("wish_event")
    _refuse_deletes("wish")


def _refuse_deletes(table: str) -> None:
    """A wish changes status but is never deleted; withdrawing one keeps it on record."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows are never deleted'); END"
        )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION never_deleted() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION never_deleted()"
        )


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead of downgrading")
