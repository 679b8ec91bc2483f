"""The points ledger: accounts, transactions, postings, head; append-only triggers.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from ledger.schema import UtcDateTime
from pos.store.migrations import triggers

revision = "0001"
down_revision = None

APPEND_ONLY = ("ledger_transaction", "ledger_posting")


def upgrade() -> None:
    op.create_table(
        "ledger_account",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("may_go_negative", sa.Boolean, nullable=False),
        sa.Column("balance", sa.BigInteger, nullable=False),
        sa.Column("opened_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "ledger_transaction",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False, index=True),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.Column("approver", sa.String(64)),
        sa.Column("memo", sa.Text, nullable=False),
        sa.Column("reverses", sa.BigInteger, sa.ForeignKey("ledger_transaction.seq"), unique=True),
        sa.Column("attrs", sa.Text, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "ledger_posting",
        sa.Column("tx_seq", sa.BigInteger, sa.ForeignKey("ledger_transaction.seq"), primary_key=True),
        sa.Column("line", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("ledger_account.id"), nullable=False, index=True),
        sa.Column("amount", sa.BigInteger, nullable=False),
    )
    head = op.create_table(
        "ledger_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": "0" * 64}])

    triggers.create_postgres_function()
    triggers.refuse_changes(*APPEND_ONLY)


def downgrade() -> None:
    raise NotImplementedError("the ledger is never downgraded; restore a backup instead")
