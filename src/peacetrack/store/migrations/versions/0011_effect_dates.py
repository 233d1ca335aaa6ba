"""effect dates: a provision's events by date from one index (event_effects.event_date)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 18:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_effects") as batch_op:
        batch_op.add_column(sa.Column("event_date", sa.Date(), nullable=True))
    op.execute(
        "UPDATE event_effects SET event_date = "
        "(SELECT date FROM events WHERE events.id = event_effects.event_id)"
    )
    with op.batch_alter_table("event_effects") as batch_op:
        batch_op.alter_column("event_date", existing_type=sa.Date(), nullable=False)
        batch_op.drop_index("ix_event_effects_provision")
        batch_op.create_index("ix_event_effects_provision", ["provision_id", "event_date", "event_id"])


def downgrade() -> None:
    with op.batch_alter_table("event_effects") as batch_op:
        batch_op.drop_index("ix_event_effects_provision")
        batch_op.create_index("ix_event_effects_provision", ["provision_id"])
        batch_op.drop_column("event_date")
