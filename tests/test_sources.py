"""The source-quality model: categories, hosts never accepted, and `peacetrack check`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack.bundle import import_bundles
from peacetrack.errors import BadInput
from peacetrack.model.codebook import SourceCategory
from peacetrack.model.hosts import category, host_category, host_of, never_reason
from peacetrack.model.records import Source
from peacetrack.store import Store

AGREEMENT = {
    "id": "accord",
    "title": {"en": "An accord"},
    "signed": "2018-04-27",
    "parties": ["kor", "prk"],
    "provisions": [
        {"ref": "1", "text": {"en": "Open an office."}},
        {"ref": "1.1", "text": {"en": "Staff it."}, "part_of": ["accord/1"]},
    ],
}
ACTORS = [
    {"id": "kor", "kind": "state", "name": {"en": "South Korea"}},
    {"id": "prk", "kind": "state", "name": {"en": "North Korea"}},
]


def _event(
    eid: str, day: str, urls: list[str], effects: list[dict[str, str]], kind: str = "talks"
) -> dict[str, Any]:
    return {
        "id": eid,
        "date": day,
        "title": {"en": eid},
        "type": kind,
        "sources": [{"url": url} for url in urls],
        "effects": effects,
    }


def _bundle(tmp_path: Path, events: list[dict[str, Any]], assessments: list[dict[str, Any]]) -> str:
    path = tmp_path / "bundle.yaml"
    data = {"format": "peacetrack/1", "actors": ACTORS, "agreements": [AGREEMENT]}
    data |= {"events": events, "assessments": assessments}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_categories_come_from_the_source_or_its_host() -> None:
    assert host_category("https://en.yna.co.kr/view/AEN1") is SourceCategory.WIRE
    assert host_category("https://www.unikorea.go.kr/x") is SourceCategory.PRIMARY  # any go.kr
    assert host_category("https://kcnawatch.org/newstream/1") is SourceCategory.STATE_MEDIA
    assert host_category("https://unknown.example/x") is None
    reprint = Source(
        url="https://www.nasdaq.com/articles/x", publisher="Reuters (via Nasdaq)", category="wire"
    )
    assert category(reprint) is SourceCategory.WIRE
    assert never_reason("https://pledgetimes.com/a") == "pledgetimes.com: content farm rewriting wire copy"
    assert never_reason("https://someone.blogspot.com/2018/04/x.html") == "blogspot.com: personal blogs"
    assert never_reason("https://en.yna.co.kr/view/AEN1") is None


def _urlsplit_host(url: str) -> str:
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or "").lower().rstrip(".").removeprefix("www.")


def _outcome(read: Any, url: str) -> str:
    try:
        return str(read(url))
    except ValueError:
        return "ValueError"


@settings(max_examples=3000)
@given(
    st.sampled_from(["https://", "http://", "HTTP://", "x:", "ftp://", "", " https://"]),
    st.text(alphabet="hts:/.@?#[]wW.aZ09%\\ \t\n-", max_size=30),
)
def test_host_of_reads_what_urlsplit_reads(scheme: str, rest: str) -> None:
    # host_of reads the common shape with a regular expression (for speed); it must agree with
    # urlsplit on every input, malformed ones included.
    url = scheme + rest
    assert _outcome(host_of, url) == _outcome(_urlsplit_host, url)


def test_host_of_on_usual_urls() -> None:
    assert host_of("https://WWW.Example.org/a") == "example.org"
    assert host_of("http://user:pw@en.yna.co.kr:8080/x?y#z") == "en.yna.co.kr"
    assert host_of("https://[::1]:80/") == "::1"
    assert host_of("https://kcna.kp.") == "kcna.kp"


def test_import_refuses_a_source_on_a_never_host_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    farm = "https://pledgetimes.com/north-korea-abandons-military-agreement/"
    bundle = _bundle(tmp_path, [_event("e1", "2023-11-23", [farm], [])], [])
    with pytest.raises(BadInput) as caught:
        import_bundles(store, [bundle], author="t")
    (problem,) = caught.value.problems
    assert problem.path == "$.events[0].sources[0].url"
    assert "event 'e1'" in problem.reason and farm in problem.reason and "content farm" in problem.reason
    with store.read() as conn:
        assert not list(conn.exec_driver_sql("SELECT id FROM events"))


def test_check_names_each_breach_and_its_record(cli: Any, tmp_path: Path) -> None:
    yna = "https://en.yna.co.kr/view/AEN1"
    events = [
        _event("opens", "2018-09-14", [yna], [{"provision": "accord/1", "effect": "implements"}]),
        _event("rumour", "2018-10-01", ["https://unknown.example/a"], []),
        _event("kcna-only", "2019-01-01", ["https://kcnawatch.org/n/1"], [], kind="weapons_test"),
        _event("talks", "2019-02-01", [yna], []),
        _event("late", "2021-06-01", [yna], []),
    ]
    assessments = [
        {"provision": "accord/1.1", "as_of": "2018-09-14", "level": 2, "evidence": ["opens"]},  # parent named
        {"provision": "accord/1", "as_of": "2019-02-01", "level": 1, "evidence": ["talks"]},  # names nothing
    ]
    result = cli("check", _bundle(tmp_path, events, assessments), "--format", "json")
    assert result.code == 1, result.err
    found = {(b["rule"], b["record"]) for b in orjson.loads(result.out)["breaches"]}
    assert found == {
        ("unclassified", "events/rumour"),
        ("weak-sources", "events/rumour"),
        ("state-media-alone", "events/kcna-only"),
        ("low-quality-share", "dataset"),
        ("evidence-names-provision", "assessments/accord/1@2019-02-01"),
        ("assessments-current", "dataset"),
    }
    table = cli("check", _bundle(tmp_path, events[:1], assessments[:1]))
    assert table.code == 0, table.out + table.err
    assert "0 breach(es)" in table.err


def test_check_on_the_database(cli: Any, db_url: str, tmp_path: Path) -> None:
    events = [
        _event(
            "opens",
            "2018-09-14",
            ["https://www.bbc.co.uk/news/x"],
            [{"provision": "accord/1", "effect": "implements"}],
        )
    ]
    bundle = _bundle(
        tmp_path,
        events,
        [{"provision": "accord/1", "as_of": "2018-09-14", "level": 2, "evidence": ["opens"]}],
    )
    assert cli("--db", db_url, "import", bundle).code == 0
    result = cli("check", "--db", db_url)
    assert result.code == 0, result.out + result.err
