"""The way forward (issue 17): ledgers and reciprocal packages, and proposals saved from them."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from peacetrack.forward import proposals
from peacetrack.forward.service import to_json, way_forward
from peacetrack.model.languages import Lang
from peacetrack.web.api.common import scoring_index, scoring_index_async, store_of
from peacetrack.web.auth import Editor
from peacetrack.web.errors import not_found

reads = APIRouter(tags=["way forward"])
writes = APIRouter(tags=["way forward"])


class FallOut(BaseModel):
    on: date
    level: int
    events: list[str]


class LedgerItemOut(BaseModel):
    provision: str
    agreement: str
    status: Literal["pending", "reversed"]
    level: int
    peak: int
    since: date
    held_days: int | None
    fell_on: date | None
    fell_by: list[str]
    falls: list[FallOut]
    undone_by: list[str]
    due: date | None
    overdue: bool
    part_of: list[str]
    dependants: list[str]


class EvidenceOut(BaseModel):
    event: str
    date: date | None


class StepOut(BaseModel):
    party: str
    provision: str
    from_: int = Field(alias="from")
    to: int
    kind: Literal["restore", "start", "complete"]
    size: float
    why: str
    evidence: list[EvidenceOut]


class PackageOut(BaseModel):
    tier: Literal["first", "full"]
    size: float
    balance: float
    themes: list[str]
    why: str
    steps: list[StepOut]


class StepsOut(BaseModel):
    as_of: date
    party: str | None
    ledger: dict[str, list[LedgerItemOut]]
    packages: list[PackageOut]


class OutcomeOut(BaseModel):
    party: str
    provision: str
    to: int
    happened_on: date | None
    evidence: list[str]


class ProposalOut(BaseModel):
    name: str
    as_of: date
    note: str | None
    author: str
    created_at: str
    package: PackageOut
    steps: list[OutcomeOut] | None = None


class ProposalIn(BaseModel):
    name: str = Field(description="Letters, digits, '.', '_' or '-'; unique.")
    as_of: date = Field(description="The date the packages were computed for.")
    package: int = Field(
        ge=1, description="Number of the package (1-based) in `GET /api/steps` for that date."
    )
    party: str | None = Field(default=None, description="The `party` the packages were listed for, if any.")
    note: str | None = Field(default=None, max_length=10_000)


AsOf = Annotated[date | None, Query(description="The date (YYYY-MM-DD); default today.")]
Party = Annotated[str | None, Query(description="Only this party's ledger and the packages it is in.")]
LangQuery = Annotated[Lang, Query(description="Language of the explanations.")]


@reads.get(
    "/api/steps",
    response_model=StepsOut,
    summary="The way forward: open ledgers and reciprocal packages",
    description=(
        "The same object as `peacetrack steps --format json`: each party's pending and reversed provisions "
        "as of the date, and packages pairing one step of each of two counterpart parties of comparable "
        "size, smallest first (docs/forward.md)."
    ),
    response_model_by_alias=True,
)
def get_steps(
    request: Request, as_of: AsOf = None, party: Party = None, lang: LangQuery = "en"
) -> dict[str, Any]:
    index = scoring_index(request)
    with store_of(request).read() as conn:
        return to_json(way_forward(conn, index, as_of or date.today(), party=party, lang=lang))


@reads.get(
    "/api/steps/proposals",
    response_model=list[ProposalOut],
    summary="Saved proposals",
    response_model_by_alias=True,
)
def get_proposals(request: Request) -> list[dict[str, Any]]:
    with store_of(request).read() as conn:
        return [proposals.proposal_json(p) for p in proposals.listed(conn)]


@reads.get(
    "/api/steps/proposals/{name}",
    response_model=ProposalOut,
    summary="One saved proposal and which of its steps happened",
    description="`steps` gives, for each step, the first date after `as_of` its provision reached the level.",
    response_model_by_alias=True,
)
def get_proposal(request: Request, name: str) -> dict[str, Any]:
    index = scoring_index(request)
    with store_of(request).read() as conn:
        try:
            found = proposals.get(conn, name)
        except KeyError:
            raise not_found("proposal", name) from None
    return proposals.proposal_json(found, proposals.outcomes(index, found, date.today()))


@writes.post(
    "/api/steps/proposals",
    response_model=ProposalOut,
    status_code=201,
    summary="Save a package as a named proposal",
    description="An editor keeps package `package` of the way forward as of `as_of` as `name`, with a note.",
    response_model_by_alias=True,
)
async def post_proposal(request: Request, body: ProposalIn, user: Editor) -> dict[str, Any]:
    index = await scoring_index_async(request)
    store = store_of(request)

    def save() -> dict[str, Any]:
        with store.read() as conn:
            wf = way_forward(conn, index, body.as_of, party=body.party)
        saved = proposals.save(store, wf, body.package, body.name, note=body.note, author=user.name)
        return proposals.proposal_json(saved)

    return await run_in_threadpool(save)
