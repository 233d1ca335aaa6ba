"""Fixtures: a small bundle whose scores the tests here work out by hand.

Three agreements (alpha signed 2018-04-27, beta 2018-09-19, gamma 2020-01-01),
a theme tree (security > military, nuclear; dialogue), three parties. Levels of
each provision over time:

    alpha/1  military         kor prk   3 (2018-05-01), 1 (2019-03-01)           reversed
    alpha/2  nuclear          prk       2 then 1, both 2018-06-01: the 1 was recorded last and wins
    alpha/3  dialogue         kor       never assessed: 0
    alpha/4  military nuclear kor prk   2 (2018-07-01)
    alpha/5  no theme         nobody    2 (2018-06-01), 3 (2018-12-01), 2 (2019-02-01)   reversed
    beta/1   military         prk       3 (2018-10-01)
    beta/2   dialogue         kor usa   1 (2018-10-01), 2 (2019-06-01)
    gamma/1  dialogue         usa       3 (2020-02-01)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from peacetrack.bundle import import_bundles
from peacetrack.store import Store


def _event(eid: str, day: str, en: str, ko: str) -> dict[str, Any]:
    return {
        "id": eid,
        "date": day,
        "title": {"en": en, "ko": ko},
        "type": "unilateral_measure",
        "actors": ["kor", "prk"],
        "sources": [{"url": f"https://example.org/{eid}"}],
    }


def _provision(ref: str, text: str, themes: list[str], responsible: list[str]) -> dict[str, Any]:
    return {
        "ref": ref,
        "text": {"en": text, "ko": f"{text} (ko)"},
        "themes": themes,
        "responsible": responsible,
    }


def sample() -> dict[str, Any]:
    """A fresh copy of the bundle (callers may change it)."""
    state = {"kind": "state"}
    return {
        "format": "peacetrack/1",
        "actors": [
            {**state, "id": "kor", "name": {"en": "Republic of Korea", "ko": "대한민국"}},
            {**state, "id": "prk", "name": {"en": "DPRK", "ko": "조선민주주의인민공화국"}},
            {**state, "id": "usa", "name": {"en": "United States", "ko": "미국"}},
        ],
        "themes": [
            {"id": "security", "name": {"en": "Security", "ko": "안보"}},
            {"id": "military", "name": {"en": "Military", "ko": "군사"}, "parent": "security"},
            {"id": "nuclear", "name": {"en": "Nuclear", "ko": "핵"}, "parent": "security"},
            {"id": "dialogue", "name": {"en": "Dialogue", "ko": "대화"}},
        ],
        "agreements": [
            {
                "id": "alpha",
                "title": {"en": "Alpha Accord", "ko": "알파 합의"},
                "signed": "2018-04-27",
                "parties": ["kor", "prk"],
                "provisions": [
                    _provision("1", "Withdraw guard posts.", ["military"], ["kor", "prk"]),
                    _provision("2", "Freeze tests.", ["nuclear"], ["prk"]),
                    _provision("3", "Hold regular talks.", ["dialogue"], ["kor"]),
                    _provision("4", "Verify the freeze.", ["military", "nuclear"], ["kor", "prk"]),
                    _provision("5", "Publish a joint report.", [], []),
                ],
            },
            {
                "id": "beta",
                "title": {"en": "Beta Agreement", "ko": "베타 합의서"},
                "signed": "2018-09-19",
                "parties": ["kor", "prk"],
                "provisions": [
                    _provision("1", "Stop drills near the line.", ["military"], ["prk"]),
                    _provision("2", "Open a liaison channel.", ["dialogue"], ["kor", "usa"]),
                ],
            },
            {
                "id": "gamma",
                "title": {"en": "Gamma Statement", "ko": "감마 성명"},
                "signed": "2020-01-01",
                "parties": ["usa", "prk"],
                "provisions": [_provision("1", "Meet again.", ["dialogue"], ["usa"])],
            },
        ],
        "events": [
            _event("e-posts", "2018-05-01", "Guard posts withdrawn", "감시초소 철수"),
            _event("e-talks", "2018-06-01", "Working-level talks", "실무 회담"),
            _event("e-drills", "2019-03-01", "Drills resume", "훈련 재개"),
        ],
        "assessments": [
            {"provision": "alpha/1", "as_of": "2018-05-01", "level": 3, "evidence": ["e-posts"]},
            {
                "provision": "alpha/1",
                "as_of": "2019-03-01",
                "level": 1,
                "evidence": ["e-drills"],
                "note": {"en": "Drills resumed.", "ko": "훈련이 재개되었다."},
            },
            {"provision": "alpha/2", "as_of": "2018-06-01", "level": 2, "evidence": ["e-talks"]},
            {"provision": "alpha/2", "as_of": "2018-06-01", "level": 1, "note": "Corrected the same day."},
            {"provision": "alpha/4", "as_of": "2018-07-01", "level": 2},
            {"provision": "alpha/5", "as_of": "2018-06-01", "level": 2},
            {"provision": "alpha/5", "as_of": "2018-12-01", "level": 3},
            {"provision": "alpha/5", "as_of": "2019-02-01", "level": 2},
            {"provision": "beta/1", "as_of": "2018-10-01", "level": 3},
            {"provision": "beta/2", "as_of": "2018-10-01", "level": 1},
            {"provision": "beta/2", "as_of": "2019-06-01", "level": 2},
            {"provision": "gamma/1", "as_of": "2020-02-01", "level": 3},
        ],
    }


def write(path: Path, data: dict[str, Any]) -> str:
    path.write_bytes(orjson.dumps(data))
    return str(path)


@pytest.fixture
def bundle() -> dict[str, Any]:
    """The sample bundle, a fresh copy per test."""
    return sample()


@pytest.fixture
def loaded(store: Store, tmp_path: Path) -> Store:
    """The migrated store (SQLite and PostgreSQL) with the sample bundle imported."""
    import_bundles(store, [write(tmp_path / "sample.json", sample())], author="test")
    return store


@pytest.fixture
def write_bundle(tmp_path: Path) -> Any:
    """write_bundle(data, name="extra.json") -> path of the bundle written as JSON."""

    def _write(data: dict[str, Any], name: str = "extra.json") -> str:
        return write(tmp_path / name, data)

    return _write
