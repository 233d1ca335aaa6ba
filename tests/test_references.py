"""References are declared once on the model (issue 12): validation, review and docs follow it."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacetrack.bundle.load import Fragment, dataset_files, dataset_names, load
from peacetrack.bundle.validate import Known, validate
from peacetrack.errors import BadInput
from peacetrack.ingest.review import referenced_actors
from peacetrack.model.records import Gathering
from peacetrack.model.references import all_declared, all_resolve, declared, references

DOCS = Path(__file__).resolve().parent.parent / "docs" / "bundle-format.md"


def test_the_docs_table_is_the_declaration() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("## References") :].split("\n## ")[0]
    rows = [
        tuple(cell.strip(" `") for cell in line.split("|")[1:5])
        for line in section.splitlines()
        if line.startswith("| `")
    ]
    expected = [(kind, d.path, d.target, d.role) for kind, ds in all_declared().items() for d in ds]
    assert rows == expected


def test_nested_references_have_their_paths() -> None:
    gathering = Gathering.model_validate(
        {
            "id": "g",
            "title": {"en": "G"},
            "start": "2020-01-01",
            "end": "2020-01-02",
            "mode": "online",
            "hosts": ["a"],
            "sessions": [{"title": {"en": "S"}, "access": "open", "speakers": ["b", "c"]}],
        }
    )
    assert [(r.path, r.target, r.role, r.value) for r in references(gathering)] == [
        ("hosts[0]", "actor", "host", "a"),
        ("sessions[0].speakers[0]", "actor", "speaker", "b"),
        ("sessions[0].speakers[1]", "actor", "speaker", "c"),
    ]
    assert [d.path for d in declared(Gathering)] == ["hosts[]", "sponsors[]", "sessions[].speakers[]"]


def test_every_declared_reference_is_checked_on_import() -> None:
    bundle = {
        "format": "peacetrack/1",
        "gatherings": [
            {
                "id": "g",
                "title": {"en": "G"},
                "start": "2020-01-01",
                "end": "2020-01-02",
                "mode": "online",
                "sponsors": ["nobody"],
                "sessions": [{"title": {"en": "S"}, "access": "open", "speakers": ["ghost"]}],
            }
        ],
        "processes": [{"id": "p", "name": {"en": "P"}, "agreements": ["none"]}],
    }
    with pytest.raises(BadInput) as caught:
        validate([Fragment("b.json", bundle)], Known())
    assert sorted((p.path, p.reason) for p in caught.value.problems) == [
        ("$.gatherings[0].sessions[0].speakers[0]", "unknown actor 'ghost'"),
        ("$.gatherings[0].sponsors[0]", "unknown actor 'nobody'"),
        ("$.processes[0].agreements[0]", "unknown agreement 'none'"),
    ]


def test_review_finds_the_actors_a_proposal_names() -> None:
    doc = {
        "id": "s",
        "date": "2020-01-01",
        "title": {"en": "S"},
        "kind": "open_letter",
        "signatories": ["a", "b"],
        "addressees": ["c"],
        "demands": [{"text": {"en": "Do it"}, "addressee": "d", "provisions": ["x/1"]}],
    }
    assert referenced_actors("statements", doc) == ["a", "b", "c", "d"]


def test_the_quick_check_agrees_with_the_references_on_every_dataset_record() -> None:
    # all_resolve is the fast path a bulk import takes; it must find exactly what references() finds.
    fragments = load([str(p) for name in dataset_names() for p in dataset_files(name)])
    records = [loc.record for items in validate(fragments, Known()).records.values() for loc in items]
    held: dict[str, set[str]] = {}
    for record in records:
        for ref in references(record):
            held.setdefault(ref.target, set()).add(ref.value)
    assert len(records) > 100 and set(held) >= {"actor", "provision", "event"}
    full = {target: set(values) for target, values in held.items()}
    assert all(all_resolve(r, full) for r in records)
    for target, values in held.items():  # take out one id of each kind: exactly its holders fail
        gone = sorted(values)[len(values) // 2]
        pools = {**full, target: values - {gone}}
        expected = [any(f.target == target and f.value == gone for f in references(r)) for r in records]
        assert [not all_resolve(r, pools) for r in records] == expected
