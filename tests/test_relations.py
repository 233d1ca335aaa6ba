"""The store's relation rows follow the model's reference declarations (issue 12)."""

from __future__ import annotations

from peacetrack.model.records import KINDS, Agreement, Event, Gathering
from peacetrack.model.references import all_declared
from peacetrack.store.relations import IN_MAIN_ROW, NOT_INDEXED, RELATIONS, owned_by_record, relation_rows


def test_every_declared_reference_has_exactly_one_place() -> None:
    indexed = [(r.kind, path) for r in RELATIONS for path in r.paths]
    assert len(indexed) == len(set(indexed))
    places = [*indexed, *IN_MAIN_ROW, *NOT_INDEXED]
    declared = [(kind, d.path) for kind, ds in all_declared().items() for d in ds]
    assert sorted(places) == sorted(declared)  # a new reference field needs a decision in store/relations.py
    assert {r.kind for r in RELATIONS} <= set(KINDS)


def _rows(kind: str, record: object, rid: str) -> dict[str, list[dict[str, object]]]:
    return {table.name: rows for table, rows in relation_rows(kind, record, rid)}  # type: ignore[arg-type]


def test_roles_and_nested_references_come_from_the_declaration() -> None:
    gathering = Gathering.model_validate(
        {
            "id": "g",
            "title": {"en": "G"},
            "start": "2020-01-01",
            "end": "2020-01-02",
            "mode": "online",
            "hosts": ["a"],
            "sponsors": ["b"],
            "sessions": [
                {"title": {"en": "S"}, "access": "open", "speakers": ["c", "a"]},
                {"title": {"en": "T"}, "access": "closed", "speakers": ["c"]},
            ],
        }
    )
    assert _rows("gatherings", gathering, "g") == {
        "gathering_actors": [
            {"gathering_id": "g", "actor_id": "a", "role": "host"},
            {"gathering_id": "g", "actor_id": "b", "role": "sponsor"},
            {"gathering_id": "g", "actor_id": "c", "role": "speaker"},  # once, though in two sessions
            {"gathering_id": "g", "actor_id": "a", "role": "speaker"},
        ]
    }


def test_nested_items_own_their_rows_and_codes_are_stored_as_values() -> None:
    agreement = Agreement.model_validate(
        {
            "id": "acc",
            "title": {"en": "Accord"},
            "signed": "2001-01-01",
            "parties": ["x", "y"],
            "signatories": ["x"],
            "provisions": [
                {"id": "acc/1", "ref": "1", "text": {"en": "One"}, "themes": ["t"], "responsible": ["x"]},
                {"id": "acc/2", "ref": "2", "text": {"en": "Two"}, "themes": ["t", "u"]},
            ],
        }
    )
    rows = _rows("agreements", agreement, "acc")
    assert rows["agreement_parties"] == [
        {"agreement_id": "acc", "actor_id": "x", "role": "party"},
        {"agreement_id": "acc", "actor_id": "y", "role": "party"},
        {"agreement_id": "acc", "actor_id": "x", "role": "signatory"},
    ]
    assert rows["provision_themes"] == [
        {"provision_id": "acc/1", "theme_id": "t"},
        {"provision_id": "acc/2", "theme_id": "t"},
        {"provision_id": "acc/2", "theme_id": "u"},
    ]
    assert rows["provision_responsible"] == [{"provision_id": "acc/1", "actor_id": "x"}]

    event = Event.model_validate(
        {
            "id": "e",
            "date": "2019-05-04",
            "title": {"en": "E"},
            "type": "weapons_test",
            "actors": ["y"],
            "sources": [{"url": "https://example.org/e"}],
            "effects": [{"provision": "acc/1", "effect": "violates"}],
        }
    )
    effects = _rows("events", event, "e")["event_effects"]
    assert effects == [
        {"event_id": "e", "provision_id": "acc/1", "effect": "violates", "event_date": event.date}
    ]
    assert type(effects[0]["effect"]) is str  # the code's value, not the enum member
    assert {table.name for table, _ in owned_by_record("events")} == {"event_actors", "event_effects"}
    assert {table.name for table, _ in owned_by_record("agreements")} == {"agreement_parties"}
