"""The stored JSON of a record is its canonical document, whichever serializer writes it.

`canonical` writes with pydantic's serializer for speed; the text must stay exactly what
`orjson.dumps(record.doc())` gives, or every stored record would read as changed on the next import.
"""

from __future__ import annotations

from datetime import date

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack.bundle.load import dataset_names, load
from peacetrack.bundle.validate import validate
from peacetrack.model.records import Event, Record
from peacetrack.store.writer import canonical


def _expected(record: Record) -> str:
    return orjson.dumps(record.doc()).decode()


@pytest.mark.parametrize("name", dataset_names())
def test_every_bundled_record_is_written_as_its_document(name: str) -> None:
    validated = validate(load([f"@{name}"]))
    records = [loc.record for items in validated.records.values() for loc in items]
    assert len(records) > 50
    mismatched = [getattr(r, "id", None) for r in records if canonical(r) != _expected(r)]
    assert mismatched == []


# Any text a bundle may hold: every plane, control characters, quotes and backslashes (not lone
# surrogates, which no JSON or YAML file decodes to).
_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=200, deadline=None)
@given(
    title_en=_text,
    title_ko=st.one_of(st.none(), _text),
    summary=st.one_of(st.none(), _text),
    day=st.dates(date(1950, 1, 1), date(2026, 1, 1)),
    actors=st.lists(st.sampled_from(["kor", "prk", "usa", "un"]), max_size=3),
)
def test_any_event_is_written_as_its_document(
    title_en: str, title_ko: str | None, summary: str | None, day: date, actors: list[str]
) -> None:
    raw: dict[str, object] = {
        "id": "ev-1",
        "date": day.isoformat(),
        "title": {"en": title_en} | ({"ko": title_ko} if title_ko else {}),
        "type": "talks",
        "actors": actors,
        "sources": [{"url": "https://www.un.org/press/en", "publisher": "UN"}],
    }
    if summary:
        raw["summary"] = {"en": summary}
    event = Event.model_validate(raw)
    assert canonical(event) == _expected(event)
