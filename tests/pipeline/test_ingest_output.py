"""The output contract (SPEC section 4): shape, spans that trace every value, the linker hook, timings."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from peacetrack.pipeline import Pipeline, Registry, run_pipeline, to_output

CORPUS = Path(__file__).parent / "corpus"
ALL = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "seeds").glob("*.txt"))


def _resolve(out: dict[str, Any], pointer: str) -> Any:
    node: Any = out
    for part in pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_shape(ingest: Callable[[Path], Any], path: Path) -> None:
    out = ingest(path).out
    assert list(out) == ["document", "statements", "gatherings", "events", "mentions", "spans"]
    assert {"id", "sha256", "path", "language", "kind", "title"} <= set(out["document"])
    assert set(out["mentions"]) == {"actors", "agreements"}
    for statement in out["statements"]:
        for field in ("id", "kind", "signatories", "addressees", "demands"):
            assert field in statement
        assert all(set(s) == {"name", "actor", "ecosoc"} for s in statement["signatories"])
        assert all(set(d) == {"text", "addressees", "provisions"} for d in statement["demands"])
    for gathering in out["gatherings"]:
        assert all(set(h) == {"name", "actor"} for h in gathering["hosts"] + gathering["sponsors"])
        assert all(s["access"] in ("open", "closed") for s in gathering["sessions"])
    for event in out["events"]:
        assert {"date", "title", "actors", "provisions"} <= set(event)
    for mention in out["mentions"]["actors"]:
        assert set(mention) == {"name", "actor", "count"} and mention["count"] >= 1
    json.dumps(out, ensure_ascii=False)  # plain JSON all the way down


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_span_is_traceable(ingest: Callable[[Path], Any], path: Path) -> None:
    ingested = ingest(path)
    out, text = ingested.out, ingested.text
    assert out["spans"]
    for span in out["spans"]:
        assert set(span) == {"pointer", "start", "end", "text", "extractor", "version"}
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
        assert span["extractor"] and span["version"]
        _resolve(out, span["pointer"])  # points at a value that is in the output


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_every_value_has_a_span(ingest: Callable[[Path], Any], path: Path) -> None:
    out = ingest(path).out
    pointers = {span["pointer"] for span in out["spans"]}
    for k, statement in enumerate(out["statements"]):
        for i in range(len(statement["signatories"])):
            assert f"/statements/{k}/signatories/{i}" in pointers
        for i in range(len(statement["demands"])):
            assert f"/statements/{k}/demands/{i}/text" in pointers
    for k, gathering in enumerate(out["gatherings"]):
        for field in ("title", "start", "place", "mode", "attendance"):
            if field in gathering:
                assert f"/gatherings/{k}/{field}" in pointers
        for s, session in enumerate(gathering["sessions"]):
            assert f"/gatherings/{k}/sessions/{s}/title" in pointers
            for t in range(len(session["topics"])):
                assert f"/gatherings/{k}/sessions/{s}/topics/{t}" in pointers
    for k in range(len(out["events"])):
        assert {f"/events/{k}/date", f"/events/{k}/title"} <= pointers


def test_span_records_carry_the_extractor(ingest: Callable[[Path], Any]) -> None:
    out = ingest(CORPUS / "seeds" / "open-letter-unsc-2019.txt").out
    by_pointer = {s["pointer"]: s for s in out["spans"]}
    assert by_pointer["/statements/0/signatories/0"]["extractor"] == "signatories"
    assert (
        by_pointer["/statements/0/signatories/4/ecosoc"]["text"] == "Citizens' Coalition for Economic Justice"
    )
    assert by_pointer["/statements/0/date"]["text"] == "21 March 2019"
    assert by_pointer["/document/date"]["extractor"] == "describe"
    assert by_pointer["/mentions/agreements/0"]["text"] == "resolution 1718"


def test_error_shape() -> None:
    [result] = run_pipeline(["/nonexistent/file.pdf"], [])
    assert to_output(result) == {"document": {"path": "/nonexistent/file.pdf"}, "error": "no such file"}


def test_linker_hook(registry: Registry, tmp_path: Path) -> None:
    asked: list[str] = []

    def linker(text: str, /) -> Sequence[str]:
        asked.append(text)
        return ["cma-2018/1.1"] if "효력" in text or "1718" in text else []

    pipeline = Pipeline(registry=registry, linker=linker)
    letter = pipeline.run_file(CORPUS / "ko-open-letter.txt")
    demands = to_output(letter)["statements"][0]["demands"]
    assert [d["provisions"] for d in demands] == [[], ["cma-2018/1.1"], ["cma-2018/1.1"]]
    news = to_output(pipeline.run_file(CORPUS / "ko-news-cma.txt"))
    # Events are linked by the sentence that tells them: only the suspension's mentions "효력".
    assert [e["provisions"] for e in news["events"]] == [[], [], [], ["cma-2018/1.1"]]
    assert asked  # the linker saw each demand and each event's sentence


def test_default_links_nothing(ingest: Callable[[Path], Any]) -> None:
    out = ingest(CORPUS / "ko-news-cma.txt").out
    assert all(e["provisions"] == [] for e in out["events"])


def test_timings_per_stage(pipeline: Pipeline) -> None:
    result = pipeline.run_file(CORPUS / "seeds" / "open-letter-unsc-2019.txt")
    stages = [name for name, _ in result.timings]
    assert stages[:6] == ["read", "normalise", "language", "segment", "kind", "describe"]
    assert {"extract.dates", "extract.statements", "extract.events", "resolve", "link"} <= set(stages)
    assert all(seconds >= 0 for _, seconds in result.timings)


def test_same_bytes_same_output(pipeline: Pipeline) -> None:
    path = CORPUS / "seeds" / "conference-news-ksm-2021.txt"
    first = to_output(pipeline.run_file(path))
    again = to_output(pipeline.run_bytes(path.read_bytes(), str(path)))
    assert first == again


def test_run_pipeline_takes_a_list_of_actors(actors: list[Any]) -> None:
    [result] = run_pipeline([CORPUS / "seeds" / "open-letter-unsc-2019.txt"], actors)
    assert len(to_output(result)["statements"][0]["signatories"]) == 55
