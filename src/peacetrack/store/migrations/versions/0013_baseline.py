"""the schema of peacetrack 0.1: every table and index, from an empty database

Revision ID: 0013
Revises:
Create Date: 2026-12-07 08:00:00.000000

0.1's thirteen development migrations (0001-0013) folded into one before the first release, with the
last one's id; a database at an earlier step is told what to do (store/migrate.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from peacetrack.store.trigram import create_indexes, drop_indexes

revision = "0013"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("name_ko", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="accepted", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
    )
    op.create_table(
        "agreements",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("signed", sa.Date(), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("title_ko", sa.Text(), nullable=True),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="accepted", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("name", sa.String(length=1000), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("version_of", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=16), server_default="current", nullable=False),
        sa.ForeignKeyConstraint(
            ["version_of"], ["documents.id"], name=op.f("fk_documents_version_of_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    op.create_index(op.f("ix_documents_name"), "documents", ["name"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("title_ko", sa.Text(), nullable=True),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="accepted", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index("ix_events_date", "events", ["date", "id"])
    op.create_index(
        "ix_events_spanning",
        "events",
        ["date", "date_end"],
        postgresql_where=sa.text("date_end IS NOT NULL"),
        sqlite_where=sa.text("date_end IS NOT NULL"),
    )
    op.create_index("ix_events_timeline", "events", ["date", "status", "date_end"])
    op.create_table(
        "gatherings",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("mode", sa.String(length=12), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("title_ko", sa.Text(), nullable=True),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="accepted", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gatherings")),
    )
    op.create_table(
        "idempotency",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.SmallInteger(), nullable=False),
        sa.Column("headers", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", "user_name", name=op.f("pk_idempotency")),
    )
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
        "proposals",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_proposals")),
    )
    op.create_table(
        "releases",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_releases")),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisions")),
    )
    op.create_index("ix_revisions_record", "revisions", ["kind", "record_id", "id"])
    op.create_table(
        "statements",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title_en", sa.Text(), nullable=False),
        sa.Column("title_ko", sa.Text(), nullable=True),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="accepted", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
    )
    op.create_table(
        "themes",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("parent", sa.String(length=200), nullable=True),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("name_ko", sa.Text(), nullable=True),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="accepted", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["parent"], ["themes.id"], name=op.f("fk_themes_parent_themes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_themes")),
    )
    op.create_table(
        "users",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_users")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_users_token_hash")),
    )
    op.create_table(
        "actor_members",
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("member_of", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_actor_members_actor_id_actors"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["member_of"], ["actors.id"], name=op.f("fk_actor_members_member_of_actors")),
        sa.PrimaryKeyConstraint("actor_id", "member_of", name=op.f("pk_actor_members")),
    )
    op.create_table(
        "agreement_parties",
        sa.Column("agreement_id", sa.String(length=200), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_agreement_parties_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_parties_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_id", "actor_id", "role", name=op.f("pk_agreement_parties")),
    )
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"], name=op.f("fk_event_actors_actor_id_actors")),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_actors_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("event_id", "actor_id", name=op.f("pk_event_actors")),
    )
    op.create_index("ix_event_actors_actor", "event_actors", ["actor_id"])
    op.create_table(
        "extractions",
        sa.Column("document_id", sa.String(length=200), nullable=False),
        sa.Column("output", sa.Text(), nullable=False),
        sa.Column("pipeline_version", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_extractions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_extractions")),
    )
    op.create_table(
        "gathering_actors",
        sa.Column("gathering_id", sa.String(length=200), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_gathering_actors_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["gathering_id"],
            ["gatherings.id"],
            name=op.f("fk_gathering_actors_gathering_id_gatherings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("gathering_id", "actor_id", "role", name=op.f("pk_gathering_actors")),
    )
    op.create_index("ix_gathering_actors_actor", "gathering_actors", ["actor_id"])
    op.create_table(
        "process_agreements",
        sa.Column("process_id", sa.String(length=200), nullable=False),
        sa.Column("agreement_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreements.id"], name=op.f("fk_process_agreements_agreement_id_agreements")
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_process_agreements_process_id_processes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("process_id", "agreement_id", name=op.f("pk_process_agreements")),
    )
    op.create_index("ix_process_agreements_agreement", "process_agreements", ["agreement_id"])
    op.create_table(
        "provenance",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=500), nullable=False),
        sa.Column("pointer", sa.String(length=500), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("extractor", sa.String(length=100), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_provenance_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provenance")),
    )
    op.create_index(op.f("ix_provenance_document_id"), "provenance", ["document_id"])
    op.create_index("ix_provenance_record", "provenance", ["kind", "record_id"])
    op.create_table(
        "provisions",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("agreement_id", sa.String(length=200), nullable=False),
        sa.Column("ref", sa.String(length=50), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("text_ko", sa.Text(), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreements.id"], name=op.f("fk_provisions_agreement_id_agreements")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provisions")),
    )
    op.create_index(op.f("ix_provisions_agreement_id"), "provisions", ["agreement_id"])
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_name"], ["users.name"], name=op.f("fk_sessions_user_name_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_sessions")),
    )
    op.create_table(
        "statement_actors",
        sa.Column("statement_id", sa.String(length=200), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_statement_actors_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_statement_actors_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", "actor_id", "role", name=op.f("pk_statement_actors")),
    )
    op.create_index("ix_statement_actors_actor", "statement_actors", ["actor_id"])
    op.create_table(
        "assessments",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("provision_id", sa.String(length=200), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("recorded", sa.Integer(), nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="accepted", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["provision_id"], ["provisions.id"], name=op.f("fk_assessments_provision_id_provisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
    )
    op.create_index("ix_assessments_provision_as_of", "assessments", ["provision_id", "as_of", "recorded"])
    op.create_table(
        "event_effects",
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("provision_id", sa.String(length=200), nullable=False),
        sa.Column("effect", sa.String(length=20), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_effects_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["provision_id"], ["provisions.id"], name=op.f("fk_event_effects_provision_id_provisions")
        ),
        sa.PrimaryKeyConstraint("event_id", "provision_id", "effect", name=op.f("pk_event_effects")),
    )
    op.create_index("ix_event_effects_provision", "event_effects", ["provision_id", "event_date", "event_id"])
    op.create_table(
        "provision_responsible",
        sa.Column("provision_id", sa.String(length=200), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_provision_responsible_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["provision_id"],
            ["provisions.id"],
            name=op.f("fk_provision_responsible_provision_id_provisions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("provision_id", "actor_id", name=op.f("pk_provision_responsible")),
    )
    op.create_table(
        "provision_themes",
        sa.Column("provision_id", sa.String(length=200), nullable=False),
        sa.Column("theme_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["provision_id"],
            ["provisions.id"],
            name=op.f("fk_provision_themes_provision_id_provisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["themes.id"], name=op.f("fk_provision_themes_theme_id_themes")
        ),
        sa.PrimaryKeyConstraint("provision_id", "theme_id", name=op.f("pk_provision_themes")),
    )
    op.create_table(
        "assessment_evidence",
        sa.Column("assessment_id", sa.String(length=200), nullable=False),
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_assessment_evidence_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_assessment_evidence_event_id_events")
        ),
        sa.PrimaryKeyConstraint("assessment_id", "event_id", name=op.f("pk_assessment_evidence")),
    )
    op.create_index("ix_assessment_evidence_event", "assessment_evidence", ["event_id"])
    # The review queue: proposals of each kind ingest proposes, newest first.
    for table in ("actors", "events", "statements", "gatherings"):
        proposed = sa.text("status = 'proposed'")
        op.create_index(
            f"ix_{table}_proposed",
            table,
            ["updated_at", "id"],
            postgresql_where=proposed,
            sqlite_where=proposed,
        )
    # PostgreSQL only: substring search in both scripts (store/trigram.py).
    create_indexes(op.get_bind())


def downgrade() -> None:
    drop_indexes(op.get_bind())  # then this schema's own tables, dependants first (never another app's)
    for table in BASELINE_TABLES:
        op.drop_table(table)


# fmt: off
BASELINE_TABLES = (
    "assessment_evidence", "provision_themes", "provision_responsible", "event_effects", "assessments",
    "statement_actors", "sessions", "provisions", "provenance", "process_agreements",
    "gathering_actors", "extractions", "event_actors", "agreement_parties", "actor_members", "users",
    "themes", "statements", "revisions", "releases", "proposals", "processes", "idempotency",
    "gatherings", "events", "documents", "agreements", "actors")
# fmt: on
