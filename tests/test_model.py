"""The model and codebook: declared once, labelled in English and Korean, strict about input."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from peacetrack.model.codebook import CODE_LISTS, Effect, level_label
from peacetrack.model.records import (
    KINDS,
    Agreement,
    Assessment,
    Demand,
    Event,
    Provision,
    Session,
    Source,
    field_label,
)

MODELS = [*KINDS.values(), Provision, Source, Demand, Session]


@pytest.mark.parametrize("name", sorted(CODE_LISTS))
def test_every_code_has_both_labels(name: str) -> None:
    for code in CODE_LISTS[name]:
        assert code.label("en") and code.label("ko")
        assert code.label("ko") != code.value or name == "level"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_has_both_labels(model: type) -> None:
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        extra = info.json_schema_extra
        assert isinstance(extra, dict) and "label" in extra, f"{model.__name__}.{name} has no label"
        labels = extra["label"]
        assert labels["en"] and labels["ko"], f"{model.__name__}.{name}"
        assert field_label(model, name, "ko") == labels["ko"]  # type: ignore[arg-type]


def test_labels_lookup() -> None:
    assert Effect("reverses").label("ko") == "후퇴"
    assert level_label(3) == "Full implementation"
    assert field_label(Event, "date", "ko") == "날짜"


def event(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "e1",
        "date": "2018-04-27",
        "title": {"en": "Summit"},
        "type": "summit",
        "sources": [{"url": "https://example.org/a"}],
    }
    return base | changes


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"date": "2018-02-30"}, "not a real calendar date"),
        ({"date": "27/04/2018"}, "YYYY-MM-DD"),
        ({"date": 1524787200}, "YYYY-MM-DD"),
        ({"date_end": "2018-04-26"}, "before date"),
        ({"title": {"ko": "정상회담"}}, "English"),
        ({"title": {"en": "x", "korean": "y"}}, "two-letter"),
        ({"sources": []}, "at least 1"),
        ({"sources": [{"url": "javascript:alert(1)"}]}, "http(s) URL"),
        ({"type": "party"}, "Input should be"),
        ({"id": "has space"}, "id must"),
        ({"colour": "red"}, "Extra inputs"),
    ],
)
def test_event_rejects(changes: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        Event.model_validate(event(**changes))
    assert fragment in str(info.value)


def test_provision_ids_follow_refs() -> None:
    ag = Agreement.model_validate(
        {
            "id": "cma-2018",
            "title": {"en": "CMA"},
            "signed": "2018-09-19",
            "parties": ["kor"],
            "provisions": [{"ref": "2.1", "text": {"en": "GPs"}}],
        }
    )
    assert ag.provisions[0].id == "cma-2018/2.1"
    with pytest.raises(ValidationError, match="must be"):
        Agreement.model_validate(
            {
                "id": "cma-2018",
                "title": {"en": "CMA"},
                "signed": "2018-09-19",
                "parties": ["kor"],
                "provisions": [{"id": "cma-2018/9", "ref": "2.1", "text": {"en": "GPs"}}],
            }
        )


def test_assessment_level_range_and_loose_note() -> None:
    a = Assessment.model_validate({"provision": "p/1", "as_of": "2019-01-01", "level": 2, "note": "plain"})
    assert a.note == {"en": "plain"}
    with pytest.raises(ValidationError):
        Assessment.model_validate({"provision": "p/1", "as_of": "2019-01-01", "level": 7})


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != ""),
    st.text(max_size=40),
)
def test_canonical_doc_round_trips(day: date, en: str, ko: str) -> None:
    title = {"en": en, "ko": ko} if ko.strip() else {"en": en}
    first = Event.model_validate(event(date=day.isoformat(), title=title))
    again = Event.model_validate(first.doc())
    assert again.doc() == first.doc()
    assert first.doc()["date"] == day.isoformat()
