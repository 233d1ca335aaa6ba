"""processes: a peace process as a record, with the agreements it is made of

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 17:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "processes",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("name_ko", sa.Text(), nullable=True),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="accepted", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processes")),
    )
    op.create_table(
        "process_agreements",
        sa.Column("process_id", sa.String(length=200), nullable=False),
        sa.Column("agreement_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_process_agreements_process_id_processes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreements.id"], name=op.f("fk_process_agreements_agreement_id_agreements")
        ),
        sa.PrimaryKeyConstraint("process_id", "agreement_id", name=op.f("pk_process_agreements")),
    )
    op.create_index("ix_process_agreements_agreement", "process_agreements", ["agreement_id"])


def downgrade() -> None:
    op.drop_index("ix_process_agreements_agreement", table_name="process_agreements")
    op.drop_table("process_agreements")
    op.drop_table("processes")
