"""events by date then id: a page of the newest events reads only its own rows

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 19:50:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_index("ix_events_date")
        batch_op.create_index("ix_events_date", ["date", "id"])


def downgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_index("ix_events_date")
        batch_op.create_index("ix_events_date", ["date"])
