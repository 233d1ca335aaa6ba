"""Ingest on the web: POST /api/documents, the library's documents with highlighted spans, the review page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from peacetrack.ingest import documents as docs
from peacetrack.ingest import ingest_bytes, ingest_paths
from peacetrack.ingest.convert import candidate_id
from peacetrack.pipeline import no_links
from peacetrack.pipeline.read.options import DEFAULT_MAX_BYTES
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.revisions import history
from peacetrack.web.api import documents as documents_api

Auth = Callable[[str], dict[str, str]]


def upload(client: TestClient, name: str, data: bytes, headers: dict[str, str] | None = None) -> Any:
    return client.post("/api/documents", files={"file": (name, data, "text/plain")}, headers=headers or {})


def test_upload_ingests_as_the_editor(client: TestClient, kp: Store, kit: Any, auth: Auth) -> None:
    data = kit.letter.read_bytes()
    assert upload(client, "letter.txt", data).status_code == 401
    assert upload(client, "letter.txt", data, auth("reader")).status_code == 403
    assert kit.count(kp, t.documents) == 0
    created = upload(client, "letter.txt", data, auth("editor"))
    assert created.status_code == 201, created.text
    body = created.json()
    assert set(body) == {"document", "statements", "gatherings", "events", "mentions", "spans"}
    assert body["document"]["path"] == "letter.txt" and body["document"]["kind"] == "open_letter"
    sid = body["statements"][0]["id"]
    assert len(body["statements"][0]["signatories"]) == 55
    assert kit.status_of(kp, "statements", sid) == "proposed"
    with kp.read() as conn:
        assert history(conn, "statements", sid)[0].author == "editor"
        stored = docs.by_id(conn, body["document"]["id"])
    assert stored is not None and stored.author == "editor"
    again = upload(client, "renamed.txt", data, auth("admin"))
    assert again.status_code == 200 and again.json() == body  # the stored result, nothing changed
    # Unreadable: 422 with the reason; nothing stored.
    bad = upload(client, "cut.pdf", b"%PDF-1.4\n1 0 obj\n<<", auth("editor"))
    assert bad.status_code == 422
    assert "truncated PDF" in bad.json()["error"]["message"]
    assert bad.json()["error"]["problems"][0]["file"] == "cut.pdf"
    assert upload(client, "empty.txt", b"", auth("editor")).status_code == 422
    assert kit.count(kp, t.documents) == 1


def test_upload_names_are_cleaned_and_versions_follow_them(client: TestClient, kp: Store, auth: Auth) -> None:
    assert documents_api.upload_name("C:\\x\\..\\a\x00b\nc.txt") == "a b c.txt"
    assert documents_api.upload_name(None) == documents_api.upload_name("") == "upload"
    first = upload(
        client, "../../etc/notes.txt", b"On 3 May 2021 North Korea test-fired a missile.", auth("editor")
    )
    assert first.status_code == 201
    assert first.json()["document"]["path"] == "notes.txt"
    second = upload(
        client, "notes.txt", b"On 4 May 2021 North Korea test-fired two missiles.", auth("editor")
    )
    assert second.status_code == 201
    with kp.read() as conn:
        newer = docs.by_id(conn, second.json()["document"]["id"])
    assert newer is not None and newer.version_of == first.json()["document"]["id"]
    # Events cite the document's page on this server.
    event = second.json()["document"]["id"] + ".event.1"
    with kp.read() as conn:
        raw = conn.scalar(select(t.events.c.doc).where(t.events.c.id == event))
    assert raw is not None and f"http://testserver/library/{newer.id}" in raw


def test_the_upload_limit_is_the_pipelines() -> None:
    assert documents_api.MAX_BYTES == DEFAULT_MAX_BYTES


def test_library_lists_documents_and_highlights_their_spans(client: TestClient, kp: Store, kit: Any) -> None:
    assert "No documents in the library yet" in client.get("/library").text
    (letter,) = ingest_paths(kp, [kit.letter], author="t", linker=no_links)
    hostile_page = (
        f"<html><head><title>{kit.hostile}</title></head><body><p>On 3 May 2021 North Korea "
        f"test-fired a missile. {kit.hostile} &lt;b&gt;bold&lt;/b&gt;</p></body></html>"
    )
    hostile = ingest_bytes(kp, hostile_page.encode(), f"{kit.hostile}.html", author="t", linker=no_links)
    listing = client.get("/library")
    assert listing.status_code == 200
    assert f'href="/library/{letter.document_id}"' in listing.text
    assert "Open Letter to the UN Security Council Members" in listing.text
    assert kit.hostile not in listing.text and kit.escaped in listing.text
    assert client.get("/library?lang=ko").status_code == 200

    page = client.get(f"/library/{letter.document_id}")
    assert page.status_code == 200
    html = page.text
    marks = re.findall(r"<mark title=\"([^\"]*)\">(.*?)</mark>", html, re.S)
    assert len(marks) > 100
    assert any(
        text == "World Without War" and "/statements/0/signatories/54" in title for title, text in marks
    )
    assert f"statements/{letter.records['statements'][0]}".split("/")[1] in html
    assert "proposed" in html and 'href="/review"' in html

    shown = client.get(f"/library/{hostile.document_id}").text
    assert kit.hostile not in shown and kit.escaped in shown
    assert "<b>" not in shown and "&lt;b&gt;bold&lt;/b&gt;" in shown
    assert re.search(r"<mark title=\"/events/0/date[^\"]*\">3 May 2021</mark>", shown)

    missing = client.get("/library/doc-nothing<script>")
    assert missing.status_code == 404 and kit.hostile not in missing.text


def test_library_shows_what_was_left_out_and_versions(client: TestClient, kp: Store, kit: Any) -> None:
    (plenary,) = ingest_paths(kp, [kit.plenary], author="t", linker=no_links)
    html = client.get(f"/library/{plenary.document_id}").text
    assert "Found but not proposed" in html and "no dates found" in html
    first = ingest_bytes(
        kp, b"On 3 May 2021 North Korea test-fired a missile.", "n.txt", author="t", linker=no_links
    )
    second = ingest_bytes(
        kp, b"On 4 May 2021 North Korea test-fired a missile.", "n.txt", author="t", linker=no_links
    )
    assert f'href="/library/{second.document_id}"' in client.get(f"/library/{first.document_id}").text
    assert f'href="/library/{first.document_id}"' in client.get(f"/library/{second.document_id}").text


def test_review_page_shows_ingested_proposals_and_accepts_with_their_actors(
    sign_in: Any, client: TestClient, kp: Store, kit: Any, tokens: dict[str, str]
) -> None:
    (letter,) = ingest_paths(kp, [kit.ko_letter], author="t", linker=no_links)
    (sid,) = letter.records["statements"]
    sign_in(client, tokens["editor"])
    html = client.get("/review").text
    assert sid in html and candidate_id("군산평화행동") in html
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert csrf is not None
    done = client.post(f"/review/statements/{sid}", data={"decision": "accept", "csrf": csrf.group(1)})
    assert done.status_code == 200 and "Accepted." in done.text
    assert kit.status_of(kp, "statements", sid) == "accepted"
    assert kit.status_of(kp, "actors", candidate_id("군산평화행동")) == "accepted"
    assert client.get(f"/statements/{sid}").status_code == 200  # now readers see it
    with kp.read() as conn:
        assert history(conn, "statements", sid)[-1].author == "editor"

    # A record naming a rejected actor is not accepted; the page says why.
    (notice,) = ingest_paths(kp, [kit.ko_notice], author="t", linker=no_links)
    (gid,) = notice.records["gatherings"]
    reject = client.post(
        f"/review/actors/{candidate_id('평화재단')}", data={"decision": "reject", "csrf": csrf.group(1)}
    )
    assert reject.status_code == 200
    refused = client.post(f"/review/gatherings/{gid}", data={"decision": "accept", "csrf": csrf.group(1)})
    assert refused.status_code == 422 and "rejected actor" in refused.text
    assert kit.status_of(kp, "gatherings", gid) == "proposed"


def test_review_page_ranks_candidate_provisions_for_a_proposed_event(
    sign_in: Any, client: TestClient, kp: Store, kit: Any, tokens: dict[str, str]
) -> None:
    (news,) = ingest_paths(kp, [kit.ko_news], author="t")
    sign_in(client, tokens["editor"])
    html = client.get("/review").text
    assert "Candidate provisions" in html
    blown = next(eid for eid in news.records["events"] if kit.doc(kp, "events", eid)["date"] == "2020-06-16")
    article = html[html.index(blown) :]
    article = article[: article.index("</article>")]
    # The liaison office clause is proposed, with its words and effect, and marked as already linked.
    row = re.search(
        r'<tr class="linked">\s*<td><a href="/provisions/panmunjom-2018/1.3">(.*?)</tr>', article, re.S
    )
    assert row is not None, article
    assert "연락사무소" in row.group(1) and "effect-reverses" in row.group(1) and "✓" in row.group(1)
    korean = client.get("/review?lang=ko").text
    assert "관련 조항 후보" in korean


def test_another_editors_file_of_the_same_name_sets_nothing_aside(
    client: TestClient, kp: Store, kit: Any, auth: Auth
) -> None:
    first = upload(client, "notes.txt", b"On 3 May 2021 North Korea test-fired a missile.", auth("editor"))
    assert first.status_code == 201, first.text
    second = upload(client, "notes.txt", b"On 4 May 2021 North Korea test-fired two missiles.", auth("admin"))
    assert second.status_code == 201, second.text
    with kp.read() as conn:
        other = docs.by_id(conn, second.json()["document"]["id"])
        statuses = {r.status for r in conn.execute(select(t.events.c.status))}
    assert other is not None and other.version_of is None  # a document of its own, not a new version
    assert statuses == {"proposed"}  # the first editor's proposals were not set aside
