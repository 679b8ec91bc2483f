"""The county's own tables (all named county_), its append-only guards and read-only views.

Revision ID: c0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from ledger.schema import UtcDateTime
from pos.county.migrations import views

revision = "c0001"
down_revision = None

APPEND_ONLY = ("county_transaction", "county_closure", "county_receipt", "county_finding")


def upgrade() -> None:
    op.create_table('county_flag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.String(length=64), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('rule', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('household', sa.Integer(), nullable=True),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('reviews', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('village_id', 'month', 'key')
    )
    op.create_index(op.f('ix_county_flag_village_id'), 'county_flag', ['village_id'], unique=False)
    op.create_table('county_inbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('sent_at', UtcDateTime, nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('taken_at', UtcDateTime, nullable=True),
    sa.Column('package_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('county_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.String(length=64), nullable=False),
    sa.Column('village_name', sa.String(length=100), nullable=False),
    sa.Column('algorithm', sa.String(length=16), nullable=False),
    sa.Column('public_key', sa.String(length=200), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('first_seen_at', UtcDateTime, nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('decided_at', UtcDateTime, nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('village_id', 'fingerprint')
    )
    op.create_index(op.f('ix_county_key_village_id'), 'county_key', ['village_id'], unique=False)
    op.create_table('county_meta',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('county_id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('algorithm', sa.String(length=16), nullable=False),
    sa.Column('public_key', sa.String(length=200), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('late_days', sa.Integer(), nullable=False),
    sa.Column('created_at', UtcDateTime, nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('county_month_detail',
    sa.Column('village_id', sa.String(length=64), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('section', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('quantity', sa.BigInteger(), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('village_id', 'month', 'section', 'name')
    )
    op.create_index('county_month_detail_by_month', 'county_month_detail', ['month'], unique=False)
    op.create_table('county_notice',
    sa.Column('village_id', sa.String(length=64), nullable=False),
    sa.Column('number', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('village_id', 'number')
    )
    op.create_table('county_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('village_id', sa.String(length=64), nullable=True),
    sa.Column('village_name', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('from_seq', sa.BigInteger(), nullable=True),
    sa.Column('to_seq', sa.BigInteger(), nullable=True),
    sa.Column('closures', sa.String(length=200), nullable=False),
    sa.Column('months', sa.String(length=400), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('fork_seq', sa.BigInteger(), nullable=True),
    sa.Column('received_at', UtcDateTime, nullable=False),
    sa.Column('received_by', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    op.create_index(op.f('ix_county_package_status'), 'county_package', ['status'], unique=False)
    op.create_index(op.f('ix_county_package_village_id'), 'county_package', ['village_id'], unique=False)
    op.create_table('county_rule',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=50), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('points_min', sa.Integer(), nullable=False),
    sa.Column('points_max', sa.Integer(), nullable=False),
    sa.Column('deduction', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('county_spotcheck',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.String(length=64), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('head_seq', sa.BigInteger(), nullable=False),
    sa.Column('drawn_at', UtcDateTime, nullable=False),
    sa.Column('drawn_by', sa.String(length=64), nullable=False),
    sa.Column('seed', sa.BigInteger(), nullable=False),
    sa.Column('lines', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_county_spotcheck_village_id'), 'county_spotcheck', ['village_id'], unique=False)
    op.create_table('county_transaction',
    sa.Column('village_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('at', UtcDateTime, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('reverses', sa.BigInteger(), nullable=True),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('village_id', 'seq'),
    sa.UniqueConstraint('village_id', 'reverses', name='county_reversed_once')
    )
    op.create_table('county_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('created_at', UtcDateTime, nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('county_village',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('head_seq', sa.BigInteger(), nullable=False),
    sa.Column('head_hash', sa.String(length=64), nullable=False),
    sa.Column('closure_number', sa.Integer(), nullable=False),
    sa.Column('closure_hash', sa.String(length=64), nullable=False),
    sa.Column('first_month', sa.String(length=7), nullable=True),
    sa.Column('last_month', sa.String(length=7), nullable=True),
    sa.Column('registered_at', UtcDateTime, nullable=False),
    sa.Column('last_import_at', UtcDateTime, nullable=True),
    sa.Column('state', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('county_closure',
    sa.Column('village_id', sa.String(length=64), nullable=False),
    sa.Column('number', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('first_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('closed_at', UtcDateTime, nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('imported_at', UtcDateTime, nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['county_package.id'], ),
    sa.PrimaryKeyConstraint('village_id', 'number')
    )
    op.create_table('county_finding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('spotcheck_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref', sa.String(length=32), nullable=False),
    sa.Column('expected', sa.BigInteger(), nullable=False),
    sa.Column('found', sa.BigInteger(), nullable=False),
    sa.Column('differs', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('entered_at', UtcDateTime, nullable=False),
    sa.ForeignKeyConstraint(['spotcheck_id'], ['county_spotcheck.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('spotcheck_id', 'kind', 'ref')
    )
    op.create_index(op.f('ix_county_finding_spotcheck_id'), 'county_finding', ['spotcheck_id'], unique=False)
    op.create_table('county_month',
    sa.Column('village_id', sa.String(length=64), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('closure_number', sa.Integer(), nullable=False),
    sa.Column('closed_at', UtcDateTime, nullable=False),
    sa.Column('imported_at', UtcDateTime, nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('households', sa.Integer(), nullable=False),
    sa.Column('transactions', sa.Integer(), nullable=False),
    sa.Column('issued_cards', sa.BigInteger(), nullable=False),
    sa.Column('awarded', sa.BigInteger(), nullable=False),
    sa.Column('deducted', sa.BigInteger(), nullable=False),
    sa.Column('redeemed', sa.BigInteger(), nullable=False),
    sa.Column('redemptions', sa.Integer(), nullable=False),
    sa.Column('recovered', sa.BigInteger(), nullable=False),
    sa.Column('reversals', sa.Integer(), nullable=False),
    sa.Column('labour_points', sa.BigInteger(), nullable=False),
    sa.Column('hygiene_points', sa.BigInteger(), nullable=False),
    sa.Column('after_hours', sa.Integer(), nullable=False),
    sa.Column('own_household', sa.Integer(), nullable=False),
    sa.Column('flags', sa.Integer(), nullable=False),
    sa.Column('flags_reviewed', sa.Integer(), nullable=False),
    sa.Column('outstanding', sa.BigInteger(), nullable=False),
    sa.Column('outstanding_fen', sa.BigInteger(), nullable=False),
    sa.Column('point_value_fen', sa.Integer(), nullable=False),
    sa.Column('donations', sa.Integer(), nullable=False),
    sa.Column('donations_fen', sa.BigInteger(), nullable=False),
    sa.Column('purchases_fen', sa.BigInteger(), nullable=False),
    sa.Column('count_lines', sa.Integer(), nullable=False),
    sa.Column('count_fen', sa.BigInteger(), nullable=False),
    sa.Column('writeoff_fen', sa.BigInteger(), nullable=False),
    sa.Column('notes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['county_package.id'], ),
    sa.PrimaryKeyConstraint('village_id', 'month')
    )
    op.create_index('county_month_by_month', 'county_month', ['month'], unique=False)
    op.create_table('county_receipt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.String(length=64), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('last_closure', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('issued_at', UtcDateTime, nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('signature', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['county_package.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_county_receipt_village_id'), 'county_receipt', ['village_id'], unique=False)

    views.refuse_changes(*APPEND_ONLY)
    views.create()


def downgrade() -> None:
    raise NotImplementedError("restore a backup of the county database instead of downgrading")
