"""GET /api/steps and saved proposals: the same answer as the command line, writes by editors only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi.testclient import TestClient

from peacetrack.forward.service import to_json, way_forward
from peacetrack.store import Store
from peacetrack.store.scoring_reads import load_index

Auth = Callable[[str], dict[str, str]]


def test_steps_is_the_use_case_answer(client: TestClient, loaded: Store) -> None:
    with loaded.read() as conn:
        expected = to_json(way_forward(conn, load_index(conn), date(2024, 12, 31)))
    got = client.get("/api/steps", params={"as_of": "2024-12-31"})
    assert got.status_code == 200
    assert got.json() == expected
    assert expected["packages"], "the mini bundle has reversals on both sides"
    step = expected["packages"][0]["steps"][0]
    assert set(step) >= {"party", "provision", "from", "to", "why"}


def test_steps_in_korean_and_for_one_party(client: TestClient) -> None:
    data = client.get("/api/steps", params={"as_of": "2024-12-31", "party": "kor", "lang": "ko"}).json()
    assert list(data["ledger"]) == ["kor"]
    assert any("단계" in s["why"] for p in data["packages"] for s in p["steps"])


def test_steps_bad_parameters_are_client_errors(client: TestClient) -> None:
    assert client.get("/api/steps", params={"party": "nobody"}).status_code == 422
    assert client.get("/api/steps", params={"as_of": "2024-02-30"}).status_code == 422
    assert client.get("/api/steps", params={"lang": "fr"}).status_code == 422


def test_saving_a_proposal_needs_an_editor_and_is_read_back(client: TestClient, auth: Auth) -> None:
    body: dict[str, Any] = {"name": "first-pair", "as_of": "2024-12-31", "package": 1, "note": "try this"}
    assert client.post("/api/steps/proposals", json=body).status_code == 401
    assert client.post("/api/steps/proposals", json=body, headers=auth("reader")).status_code == 403
    made = client.post("/api/steps/proposals", json=body, headers=auth("editor"))
    assert made.status_code == 201, made.text
    assert made.json()["author"] == "editor"
    again = client.post("/api/steps/proposals", json=body, headers=auth("editor"))
    assert again.status_code == 422 and "exists already" in again.text
    missing = client.post(
        "/api/steps/proposals", json={**body, "name": "x", "package": 99}, headers=auth("editor")
    )
    assert missing.status_code == 422
    listed = client.get("/api/steps/proposals").json()
    assert [p["name"] for p in listed] == ["first-pair"]
    one = client.get("/api/steps/proposals/first-pair").json()
    assert [s["provision"] for s in one["steps"]] == [s["provision"] for s in one["package"]["steps"]]
    assert all(s["happened_on"] is None for s in one["steps"])  # nothing recorded after 2024
    assert client.get("/api/steps/proposals/none-such").status_code == 404


def test_the_page_and_its_download(client: TestClient) -> None:
    page = client.get("/forward", params={"as_of": "2024-12-31"})
    assert page.status_code == 200 and 'id="package-1"' in page.text
    ko = client.get("/forward", params={"as_of": "2024-12-31", "lang": "ko"})
    assert "앞으로의 길" in ko.text
    download = client.get("/forward", params={"as_of": "2024-12-31", "format": "json"})
    assert download.json()["as_of"] == "2024-12-31"
    assert client.get("/forward", params={"party": "nobody"}).status_code == 404
    assert client.get("/forward", params={"as_of": "soon"}).status_code == 400
    assert "r-forward" in client.get("/report", params={"as_of": "2024-12-31"}).text


def test_an_editor_keeps_a_package_from_the_page(
    client: TestClient, tokens: dict[str, str], sign_in: Callable[..., Any]
) -> None:
    """The page's form is the API's twin: editors only, with the session's CSRF value, and read back."""
    import re

    anonymous = client.get("/forward", params={"as_of": "2024-12-31"})
    assert 'action="/forward/proposals"' not in anonymous.text
    form = {"package": "1", "name": "from-the-page", "note": "a first pair", "as_of": "2024-12-31"}
    assert client.post("/forward/proposals", data={**form, "csrf": "x"}).status_code == 401
    sign_in(client, tokens["reader"])
    assert client.post("/forward/proposals", data={**form, "csrf": "x"}).status_code == 403
    sign_in(client, tokens["editor"])
    page = client.get("/forward", params={"as_of": "2024-12-31"})
    assert page.headers["cache-control"] == "no-store"  # it carries the session's CSRF value
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert csrf is not None and 'action="/forward/proposals"' in page.text
    assert client.post("/forward/proposals", data={**form, "csrf": "0" * 64}).status_code == 403
    saved = client.post("/forward/proposals", data={**form, "csrf": csrf.group(1)})
    assert saved.status_code == 200 and "Saved as proposal from-the-page." in saved.text
    made = client.get("/api/steps/proposals/from-the-page").json()
    assert made["author"] == "editor" and made["note"] == "a first pair" and made["as_of"] == "2024-12-31"
    again = client.post("/forward/proposals", data={**form, "csrf": csrf.group(1)})
    assert again.status_code == 422 and "exists already" in again.text
    none = client.post(
        "/forward/proposals", data={**form, "name": "other", "package": "99", "csrf": csrf.group(1)}
    )
    assert none.status_code == 422
