"""`peacetrack export --process ID`: one peace process, as a bundle that imports on its own (issue 12)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import orjson
import pytest

from peacetrack.bundle import import_bundles
from peacetrack.bundle.export import bundle
from peacetrack.bundle.scope import scoped
from peacetrack.errors import BadInput
from peacetrack.store import Store, upgrade


def _ids(data: dict[str, Any], kind: str) -> set[str]:
    return {str(r["id"]) for r in data.get(kind, [])}


def _process(pid: str, agreement: str) -> dict[str, Any]:
    return {"id": pid, "name": {"en": pid.upper()}, "agreements": [agreement]}


def _agreement(aid: str, parties: list[str]) -> dict[str, Any]:
    return {
        "id": aid,
        "title": {"en": f"Agreement {aid}"},
        "signed": "2018-01-01",
        "parties": parties,
        "provisions": [{"ref": "1", "text": {"en": "One"}, "themes": ["child"]}],
    }


def _event(eid: str, actors: list[str], provisions: list[str]) -> dict[str, Any]:
    return {
        "id": eid,
        "date": "2019-01-01",
        "title": {"en": eid},
        "type": "talks",
        "actors": actors,
        "sources": [{"url": f"https://example.org/{eid}", "publisher": "Example"}],
        "effects": [{"provision": p, "effect": "advances"} for p in provisions],
    }


TWO = {
    "format": "peacetrack/1",
    "actors": [{"id": a, "kind": "state", "name": {"en": a}} for a in ("aa", "ab", "ba", "bb", "zz")]
    + [{"id": "aa-army", "kind": "body", "name": {"en": "AA army"}, "member_of": ["aa"]}],
    "themes": [
        {"id": "parent", "name": {"en": "Parent"}},
        {"id": "child", "name": {"en": "Child"}, "parent": "parent"},
        {"id": "unused", "name": {"en": "Unused"}},
    ],
    "agreements": [_agreement("a1", ["aa", "ab"]), _agreement("b1", ["ba", "bb"])],
    "events": [
        _event("on-both", ["aa", "ba"], ["a1/1", "b1/1"]),  # brings agreement b1 along, not process b
        _event("only-b", ["ba"], ["b1/1"]),
        _event("a-army-drill", ["aa-army"], []),  # no provision, but a member of a party
        _event("cited", ["zz"], []),  # no provision, no party: in only because an assessment cites it
        _event("elsewhere", ["zz"], []),
    ],
    "assessments": [
        {"provision": "a1/1", "as_of": "2019-02-01", "level": 1, "evidence": ["cited"]},
        {"provision": "b1/1", "as_of": "2019-02-01", "level": 2, "evidence": ["only-b"]},
    ],
    "processes": [_process("proc-a", "a1"), _process("proc-b", "b1")],
}


def test_a_process_and_everything_its_records_refer_to() -> None:
    got = scoped(TWO, "proc-a")
    assert _ids(got, "processes") == {"proc-a"}
    assert _ids(got, "agreements") == {"a1", "b1"}  # b1 because an event of a1 also bears on it
    assert _ids(got, "events") == {"on-both", "a-army-drill", "cited"}
    assert [a["provision"] for a in got["assessments"]] == ["a1/1"]
    assert _ids(got, "themes") == {"child", "parent"}  # a provision's theme and its parent
    assert _ids(got, "actors") == {"aa", "ab", "ba", "bb", "zz", "aa-army"}
    other = scoped(TWO, "proc-b")
    assert _ids(other, "events") == {"on-both", "only-b"}
    assert _ids(other, "agreements") == {"a1", "b1"} and _ids(other, "processes") == {"proc-b"}


def test_an_unknown_process_is_a_clear_error() -> None:
    with pytest.raises(BadInput) as caught:
        scoped(TWO, "proc-c")
    (problem,) = caught.value.problems
    assert problem.file == "--process" and "proc-a, proc-b" in problem.reason


def test_each_process_of_two_datasets_round_trips(store: Store, db_url: str, tmp_path: Path) -> None:
    import_bundles(store, ["@korean-peninsula", "@northern-ireland"], author="fixture")
    with store.read() as conn:
        whole = bundle(conn)
        ni = bundle(conn, process="northern-ireland")
        kp = bundle(conn, process="korean-peninsula")
    assert _ids(ni, "processes") == {"northern-ireland"} and _ids(ni, "agreements") == {"belfast-1998"}
    assert not _ids(ni, "events") & _ids(kp, "events")
    assert "prk" not in _ids(ni, "actors") and "belfast-1998" not in _ids(kp, "agreements")
    kp_events = {e["id"]: e for e in kp["events"]}
    assert any(not e.get("effects") for e in kp_events.values())  # context events without a provision
    assert set(kp_events) | _ids(ni, "events") <= _ids(whole, "events")
    # Imported alone into an empty database, the export is that database's whole export.
    path = tmp_path / "ni.json"
    path.write_bytes(orjson.dumps(ni))
    alone = Store(f"sqlite:///{tmp_path / 'alone.db'}")
    upgrade(alone)
    import_bundles(alone, [str(path)], author="reader")
    with alone.read() as conn:
        assert bundle(conn) == ni


def test_the_cli_exports_one_process_as_json_and_csv(cli: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "two.db")
    assert cli("--db", db, "import", "@korean-peninsula", "@northern-ireland").code == 0
    one = cli("--db", db, "export", "--process", "northern-ireland")
    assert one.code == 0, one.err
    assert _ids(orjson.loads(one.out), "agreements") == {"belfast-1998"}
    out = tmp_path / "tables"
    assert (
        cli("--db", db, "export", "--process", "northern-ireland", "--format", "csv", "--out", str(out)).code
        == 0
    )
    rows = list(csv.DictReader(io.StringIO((out / "agreements.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == ["belfast-1998"]
    bad = cli("--db", db, "export", "--process", "nowhere")
    assert bad.code == 2 and "--process" in bad.err and "northern-ireland" in bad.err
