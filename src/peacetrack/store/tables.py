"""The schema, in SQLAlchemy Core.

Each record kind has a table holding its canonical JSON document (the source of
truth, what export writes) beside a few columns for querying; relations that
pages and scoring query are kept in small derived tables, rewritten whenever
their record changes. Migrations in ``migrations/`` create exactly this.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from peacetrack.model.status import ACCEPTED, PROPOSED

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = String(200)


def _record_columns() -> list[Column[object]]:
    return [
        Column("doc", Text, nullable=False),
        Column("status", String(16), nullable=False, server_default=ACCEPTED),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    ]


actors = Table(
    "actors",
    metadata,
    Column("id", ID, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("name_en", Text, nullable=False),
    Column("name_ko", Text),
    Column("country", String(3)),
    *_record_columns(),
)

actor_members = Table(
    "actor_members",
    metadata,
    Column("actor_id", ID, ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("member_of", ID, ForeignKey("actors.id"), primary_key=True),
)

themes = Table(
    "themes",
    metadata,
    Column("id", ID, primary_key=True),
    Column("parent", ID, ForeignKey("themes.id")),
    Column("name_en", Text, nullable=False),
    Column("name_ko", Text),
    *_record_columns(),
)

agreements = Table(
    "agreements",
    metadata,
    Column("id", ID, primary_key=True),
    Column("signed", Date, nullable=False),
    Column("title_en", Text, nullable=False),
    Column("title_ko", Text),
    *_record_columns(),
)

agreement_parties = Table(
    "agreement_parties",
    metadata,
    Column("agreement_id", ID, ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", ID, ForeignKey("actors.id"), primary_key=True),
    Column("role", String(12), primary_key=True),  # party | signatory
)

provisions = Table(
    "provisions",
    metadata,
    Column("id", ID, primary_key=True),
    Column("agreement_id", ID, ForeignKey("agreements.id"), nullable=False, index=True),
    Column("ref", String(50), nullable=False),
    Column("position", Integer, nullable=False),
    Column("text_en", Text, nullable=False),
    Column("text_ko", Text),
    Column("due", Date),
)

provision_themes = Table(
    "provision_themes",
    metadata,
    Column("provision_id", ID, ForeignKey("provisions.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ID, ForeignKey("themes.id"), primary_key=True),
)

provision_responsible = Table(
    "provision_responsible",
    metadata,
    Column("provision_id", ID, ForeignKey("provisions.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", ID, ForeignKey("actors.id"), primary_key=True),
)

events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("date", Date, nullable=False),
    Column("date_end", Date),
    Column("type", String(40), nullable=False),
    Column("title_en", Text, nullable=False),
    Column("title_ko", Text),
    *_record_columns(),
    # Pages list events by date then id: with the id in the index, the newest fifty are fifty rows
    # read, not every event of their day (thousands at ten million events) to sort by id.
    Index("ix_events_date", "date", "id"),
    # The timeline counts events by month within a date range from this index alone (no table reads).
    Index("ix_events_timeline", "date", "status", "date_end"),
    # The few events that span several days: how far back a date range must look for them.
    Index(
        "ix_events_spanning",
        "date",
        "date_end",
        postgresql_where=text("date_end IS NOT NULL"),
        sqlite_where=text("date_end IS NOT NULL"),
    ),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", ID, ForeignKey("actors.id"), primary_key=True),
    Index("ix_event_actors_actor", "actor_id"),
)

event_effects = Table(
    "event_effects",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("provision_id", ID, ForeignKey("provisions.id"), primary_key=True),
    Column("effect", String(20), primary_key=True),
    # The event's date, kept here too: a provision's page lists its events by date straight from
    # this index, where joining first read every linked event (50,000 for one provision at
    # 10 million events, bench/pgscale.py).
    Column("event_date", Date, nullable=False),
    Index("ix_event_effects_provision", "provision_id", "event_date", "event_id"),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", ID, primary_key=True),
    Column("provision_id", ID, ForeignKey("provisions.id"), nullable=False),
    Column("as_of", Date, nullable=False),
    Column("level", SmallInteger, nullable=False),
    # Order of recording: on equal dates the assessment recorded last wins.
    Column("recorded", Integer, nullable=False),
    *_record_columns(),
    Index("ix_assessments_provision_as_of", "provision_id", "as_of", "recorded"),
)

assessment_evidence = Table(
    "assessment_evidence",
    metadata,
    Column("assessment_id", ID, ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", ID, ForeignKey("events.id"), primary_key=True),
    Index("ix_assessment_evidence_event", "event_id"),
)

statements = Table(
    "statements",
    metadata,
    Column("id", ID, primary_key=True),
    Column("date", Date, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("title_en", Text, nullable=False),
    Column("title_ko", Text),
    *_record_columns(),
)

statement_actors = Table(
    "statement_actors",
    metadata,
    Column("statement_id", ID, ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", ID, ForeignKey("actors.id"), primary_key=True),
    Column("role", String(12), primary_key=True),  # signatory | addressee
    Index("ix_statement_actors_actor", "actor_id"),
)

gatherings = Table(
    "gatherings",
    metadata,
    Column("id", ID, primary_key=True),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("mode", String(12), nullable=False),
    Column("title_en", Text, nullable=False),
    Column("title_ko", Text),
    *_record_columns(),
)

gathering_actors = Table(
    "gathering_actors",
    metadata,
    Column("gathering_id", ID, ForeignKey("gatherings.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", ID, ForeignKey("actors.id"), primary_key=True),
    Column("role", String(12), primary_key=True),  # host | sponsor | speaker
    Index("ix_gathering_actors_actor", "actor_id"),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    Column("record_id", ID, nullable=False),
    Column("op", String(8), nullable=False),  # insert | update | delete
    Column("at", DateTime(timezone=True), nullable=False),
    Column("author", String(200), nullable=False),
    Column("reason", Text),
    Column("old", Text),
    Column("new", Text),
    Index("ix_revisions_record", "kind", "record_id", "id"),
)

# Frozen score snapshots: written once, never updated.
releases = Table(
    "releases",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("as_of", Date, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("author", String(200), nullable=False),
    Column("doc", Text, nullable=False),
)

# API users: only a SHA-256 of each token is kept.
users = Table(
    "users",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("role", String(12), nullable=False),
    Column("token_hash", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # Web sign-in by name and password: an argon2 hash, never the password.
    Column("password_hash", Text),
    UniqueConstraint("token_hash"),
)

# Web sign-in sessions: a random token of their own (never the API token), kept only as its hash,
# ending at expires_at or at sign-out.
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_name", String(200), ForeignKey("users.name", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# API writes sent with an Idempotency-Key: the first answer, replayed for a retry of the same request.
idempotency = Table(
    "idempotency",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("user_name", String(200), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("status", SmallInteger, nullable=False),
    Column("headers", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Peace processes: a name and the agreements they are made of.
processes = Table(
    "processes",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name_en", Text, nullable=False),
    Column("name_ko", Text),
    Column("region", Text),
    *_record_columns(),
)

process_agreements = Table(
    "process_agreements",
    metadata,
    Column("process_id", ID, ForeignKey("processes.id", ondelete="CASCADE"), primary_key=True),
    Column("agreement_id", ID, ForeignKey("agreements.id"), primary_key=True),
    Index("ix_process_agreements_agreement", "agreement_id"),
)

# Way-forward packages an editor saved as named proposals (issue 17): the steps as proposed,
# so that which of them happened can be read later against the scores.
proposals = Table(
    "proposals",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("as_of", Date, nullable=False),
    Column("note", Text),
    Column("doc", Text, nullable=False),
    Column("author", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

RECORD_TABLES: dict[str, Table] = {
    "actors": actors,
    "themes": themes,
    "agreements": agreements,
    "events": events,
    "assessments": assessments,
    "statements": statements,
    "gatherings": gatherings,
    "processes": processes,
}

# The review queue, newest first, of the kinds ingest proposes: a partial index holds only the
# proposals (a scan of ten million events for fifty of them took 1.4 s, bench/pgscale.py).
for _table in (actors, events, statements, gatherings):
    Index(
        f"ix_{_table.name}_proposed",
        _table.c.updated_at,
        _table.c.id,
        postgresql_where=_table.c.status == PROPOSED,
        sqlite_where=_table.c.status == PROPOSED,
    )

# Ingested documents: the raw text every extracted value points into.
# ``name`` is what makes two documents versions of one another: the resolved path of a
# file, or the name an upload came under. ``status``: current | superseded.
documents = Table(
    "documents",
    metadata,
    Column("id", ID, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("path", Text, nullable=False),
    Column("name", String(1000), nullable=False, index=True),
    Column("media_type", String(100), nullable=False),
    Column("language", String(16), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("title", Text),
    Column("date", Date),
    Column("publisher", Text),
    Column("url", Text),
    Column("text", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("author", String(200), nullable=False),
    Column("version_of", ID, ForeignKey("documents.id")),
    Column("status", String(16), nullable=False, server_default="current"),
)

# What the pipeline made of a document: the docs/ingest.md object, kept as it was returned.
extractions = Table(
    "extractions",
    metadata,
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("output", Text, nullable=False),
    Column("pipeline_version", String(40), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Where each proposed record, and each value in it, came from: the document, the
# character span [start, end) of its normalised text, and the extractor that found it.
# ``field`` is a JSON path into the record ("$.signatories[3]"), ``pointer`` a JSON
# Pointer into the stored extraction output; a row without a span is a value
# ingest supplied itself (``note`` says which and why).
provenance = Table(
    "provenance",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("record_id", ID, nullable=False),
    Column("field", String(500), nullable=False),
    Column("pointer", String(500)),
    Column("start", Integer),
    Column("end", Integer),
    Column("extractor", String(100), nullable=False),
    Column("version", String(40), nullable=False),
    Column("note", Text),
    Index("ix_provenance_record", "kind", "record_id"),
)
