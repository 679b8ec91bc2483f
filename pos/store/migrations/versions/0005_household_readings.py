"""Household initials for every reading of a name, the surname reading first.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    from pos.households import initials

    with op.batch_alter_table("household") as batch:
        batch.alter_column("initials", type_=sa.String(200), existing_type=sa.String(50))
    connection = op.get_bind()
    household = sa.table("household", sa.column("id", sa.Integer), sa.column("head_name", sa.String),
                         sa.column("initials", sa.String))
    for row in connection.execute(sa.select(household.c.id, household.c.head_name)).all():
        connection.execute(household.update().where(household.c.id == row.id)
                           .values(initials=initials(row.head_name)))


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead of downgrading")
