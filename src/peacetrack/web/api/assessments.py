"""Assessments: record a provision's level as of a date, with the events that show it."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Path, Request, Response
from sqlalchemy import Connection, select

from peacetrack.bundle.validate import Known, Validated
from peacetrack.model.records import Assessment
from peacetrack.store import tables as t
from peacetrack.store.writer import delete_record
from peacetrack.web.api.agreements import evidence_events
from peacetrack.web.api.common import doc, provision_refs, store_of
from peacetrack.web.api.events import Reason
from peacetrack.web.api.schemas import AssessmentOut
from peacetrack.web.api.writes import patch_record, write_record
from peacetrack.web.auth import Editor
from peacetrack.web.errors import ApiError, not_found

reads = APIRouter(tags=["assessments"])
writes = APIRouter(tags=["assessments"])

AssessmentId = Annotated[str, Path(description="Assessment id, e.g. panmunjom-2018/1.3@2020-06-16.")]


def href(assessment_id: str) -> str:
    return f"/api/assessments/{quote(assessment_id, safe='/@')}"


def assessment_out(conn: Connection, assessment_id: str) -> dict[str, Any]:
    s = t.assessments
    found = conn.execute(select(s.c.doc, s.c.status).where(s.c.id == assessment_id)).first()
    if found is None:
        raise not_found("assessment", assessment_id)
    d = doc(found[0])
    provision = provision_refs(conn, [d["provision"]]).get(d["provision"])
    if provision is None:  # cannot happen while the foreign key holds
        raise not_found("provision", d["provision"])
    events = evidence_events(conn, d.get("evidence", []))
    note = d.get("note")
    return {
        "id": assessment_id,
        "provision": provision,
        "as_of": d["as_of"],
        "level": d["level"],
        "evidence": [events[x] for x in d.get("evidence", []) if x in events],
        "note": {"en": note} if isinstance(note, str) else note,
        "status": found[1],
    }


@reads.get("/api/assessments/{assessment_id:path}", response_model=AssessmentOut, summary="One assessment")
def get_assessment(request: Request, assessment_id: AssessmentId) -> dict[str, Any]:
    with store_of(request).read() as conn:
        return assessment_out(conn, assessment_id)


@writes.post(
    "/api/assessments",
    response_model=AssessmentOut,
    status_code=201,
    summary="Record an implementation level, with its evidence",
    description=(
        "The body is an assessment as in bundles: `provision`, `as_of`, `level` (0-3), `evidence` (event "
        "ids), `note`. It is validated exactly as import validates it: an unknown provision or event, a "
        "date before the signing, evidence dated after `as_of` give 422 with every problem. Without an "
        "`id`, the new assessment gets `{provision}@{as_of}` (`#2`, `#3`... for more on the same day): on "
        "equal dates the one recorded last wins (docs/scoring.md)."
    ),
)
def create_assessment(
    request: Request, response: Response, assessment: Assessment, user: Editor, reason: Reason = None
) -> dict[str, Any]:
    store = store_of(request)
    given = assessment.id
    chosen: list[str] = []

    def fresh_id(conn: Connection, _known: Known, validated: Validated) -> None:
        record = validated.records["assessments"][0].record
        assert isinstance(record, Assessment) and record.id is not None
        s = t.assessments
        base = record.id
        taken = set(
            conn.scalars(
                select(s.c.id).where((s.c.id == base) | s.c.id.startswith(base + "#", autoescape=True))
            )
        )
        if given is not None:
            if given in taken:
                raise ApiError(409, "conflict", f"assessment {given!r} exists; PATCH it to change it")
        else:
            n = 1
            while record.id in taken:
                n += 1
                record.id = f"{base}#{n}"
        chosen.append(record.id)

    write_record(
        store,
        "assessments",
        assessment.doc(),
        author=user.name,
        reason=reason or f"api: POST /api/assessments ({assessment.provision} as of {assessment.as_of})",
        check=fresh_id,
    )
    response.headers["Location"] = href(chosen[0])
    with store.read() as conn:
        return assessment_out(conn, chosen[0])


@writes.patch(
    "/api/assessments/{assessment_id:path}",
    response_model=AssessmentOut,
    summary="Change an assessment (JSON merge patch)",
    description="RFC 7396 merge patch; the result is validated as import validates it. A changed "
    "assessment counts as recorded last.",
)
def patch_assessment(
    request: Request,
    assessment_id: AssessmentId,
    patch: Annotated[dict[str, Any], Body(description="Fields to change.")],
    user: Editor,
    reason: Reason = None,
) -> dict[str, Any]:
    return patch_record(
        store_of(request),
        "assessments",
        "assessment",
        assessment_id,
        patch,
        author=user.name,
        reason=reason or f"api: PATCH {href(assessment_id)}",
        read=assessment_out,
    )


@writes.delete(
    "/api/assessments/{assessment_id:path}",
    status_code=204,
    summary="Delete an assessment (kept in the history)",
)
def delete_assessment(
    request: Request, assessment_id: AssessmentId, user: Editor, reason: Reason = None
) -> Response:
    with store_of(request).write() as conn:
        if not delete_record(
            conn,
            "assessments",
            assessment_id,
            author=user.name,
            reason=reason or f"api: DELETE {href(assessment_id)}",
        ):
            raise not_found("assessment", assessment_id)
    return Response(status_code=204)
