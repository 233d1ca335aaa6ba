"""indexes for millions of events: count the timeline by month from an index alone, find multi-day
events, and (PostgreSQL) trigram indexes for substring search (peacetrack.store.trigram)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 18:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from peacetrack.store.trigram import create_indexes, drop_indexes

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_timeline", "events", ["date", "status", "date_end"])
    op.create_index(
        "ix_events_spanning",
        "events",
        ["date", "date_end"],
        postgresql_where=sa.text("date_end IS NOT NULL"),
        sqlite_where=sa.text("date_end IS NOT NULL"),
    )
    create_indexes(op.get_bind())


def downgrade() -> None:
    drop_indexes(op.get_bind())
    op.drop_index("ix_events_spanning", table_name="events")
    op.drop_index("ix_events_timeline", table_name="events")
