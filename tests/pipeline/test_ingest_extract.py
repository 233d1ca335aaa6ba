"""Extractors on small inputs: agreements (mapping kept in data), events, and hostile text."""

from __future__ import annotations

import time
from datetime import date

import pytest

from peacetrack.pipeline import (
    Document,
    Pipeline,
    Resources,
    classify,
    describe,
    normalise,
    segment,
    to_output,
)
from peacetrack.pipeline.extract.agreements import extract_agreements
from peacetrack.pipeline.extract.dates import extract_dates
from peacetrack.pipeline.extract.events import extract_events


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("the Panmunjom Declaration of April 2018", ["panmunjom-2018"]),
        ("the 4‧27 Panmunjom Declaration and the 4·27 판문점선언", ["panmunjom-2018", "panmunjom-2018"]),
        ("the Singapore Summit Joint Statement", ["singapore-2018"]),
        ("싱가포르 공동성명과 9월 평양공동선언", ["singapore-2018", "pyongyang-2018"]),
        (
            "the Comprehensive Military Agreement (CMA, also known as the September 19 Military Agreement)",
            ["cma-2018", "cma-2018", "cma-2018"],
        ),
        ("9·19 군사합의", ["cma-2018"]),
        ("the 9·19 평양공동선언", ["pyongyang-2018"]),
        ("UN Security Council resolution 2397 and resolution 1718", ["unscr-2397", "unscr-1718"]),
        ("안보리 결의 2375호", ["unscr-2375"]),
        (
            "the Agreement on the Implementation of the Historic Panmunjom Declaration "
            "in the Military Domain",
            ["cma-2018"],
        ),
        ("a cma of sorts, the camera", []),
    ],
)
def test_agreement_mentions(resources: Resources, text: str, ids: list[str]) -> None:
    assert [m.agreement for m in extract_agreements(text, resources)] == ids


def _document(text: str, resources: Resources, when: date | None = None) -> Document:
    document = Document(id="doc-x", sha256="x", path="x.txt", media_type="text/plain", text=text, date=when)
    return describe(classify(segment(normalise(document)), resources))


def _events(text: str, resources: Resources, when: date | None = None) -> list[tuple[str, str, str]]:
    document = _document(text, resources, when)
    phrases = extract_dates(document.text, document.sentences, document.date)
    return [(e.date.start.isoformat(), e.type, e.title) for e in extract_events(document, phrases, resources)]


def test_events_english(resources: Resources) -> None:
    text = (
        "On 19 September 2018 the defence ministers signed the military agreement in Pyongyang. "
        "North Korea launched a missile on 2 November 2022, and the talks resumed on 5 May 2023."
    )
    assert _events(text, resources) == [
        ("2018-09-19", "agreement_signed", "defence ministers signed the military agreement in Pyongyang"),
        ("2022-11-02", "weapons_test", "North Korea launched a missile"),
        ("2023-05-05", "talks", "talks resumed"),
    ]


def test_no_event_without_a_cue(resources: Resources) -> None:
    assert _events("The weather on 3 May 2019 was fine.", resources) == []


def test_hostile_text_is_handled_quickly(pipeline: Pipeline) -> None:
    nasty = (
        "We urge "
        + "the council, " * 3000
        + "to act. "
        + "우리는 "
        + "정부와 " * 3000
        + "국회에 촉구합니다. "
        + "1, " * 5000
        + "May 2019 "
        + "Session 1\n" * 500
        + "(" * 2000
        + "sponsored by " * 500
        + "hosted the Forum"
    )
    started = time.perf_counter()
    result = pipeline.run_bytes(nasty.encode(), "nasty.txt")
    assert result.ok
    to_output(result)
    assert time.perf_counter() - started < 20
