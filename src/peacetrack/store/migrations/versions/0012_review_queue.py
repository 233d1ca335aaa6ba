"""review queue: a partial index of the proposals of each kind ingest proposes, newest first

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 19:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = ("actors", "events", "statements", "gatherings")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(
            f"ix_{table}_proposed",
            table,
            ["updated_at", "id"],
            postgresql_where=sa.text("status = 'proposed'"),
            sqlite_where=sa.text("status = 'proposed'"),
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_proposed", table_name=table)
