"""Hangul syllables and syllable pairs of each event, indexed for short Korean searches (PostgreSQL)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 08:00:00.000000
"""

from __future__ import annotations

from alembic import op

from peacetrack.store.hangul_grams import create_index, drop_index

revision = "0014"
down_revision = "0013"


def upgrade() -> None:
    create_index(op.get_bind())


def downgrade() -> None:
    drop_index(op.get_bind())
