"""The peace processes a database holds (issue 12): what `?process=` can scope to."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from peacetrack.store.processes import list_processes
from peacetrack.web.api.common import store_of
from peacetrack.web.api.schemas import TextMap

reads = APIRouter(tags=["processes"])


class ProcessOut(BaseModel):
    id: str
    name: TextMap
    description: TextMap | None
    region: str | None
    languages: list[str]
    agreements: list[str]


@reads.get(
    "/api/processes",
    response_model=list[ProcessOut],
    summary="The peace processes in this database",
    description="Each with its accepted agreements; `?process=ID` on the scores scopes to one of them.",
)
def get_processes(request: Request) -> list[dict[str, Any]]:
    with store_of(request).read() as conn:
        return [
            {
                "id": p.id,
                "name": p.name,
                "description": p.description,
                "region": p.region,
                "languages": list(p.languages),
                "agreements": list(p.agreements),
            }
            for p in list_processes(conn)
        ]
