"""The CNS missile-test importer, on a small synthetic folder and (when present) the real data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from peacetrack.importers import cns_missile_tests as cns
from peacetrack.model.codebook import Effect, EventType
from peacetrack.model.records import Event

REAL_DATA = Path("/work/shared/data/cns-missile-tests")
DESCRIPTION = "Descriptive prose from the database that must never be copied."

MISSILES = {
    "hwasong-15": {"name": "Hwasong-15", "type": "ICBM"},
    "kn-25": {"name": "KN-25", "type": "SRBM"},
    "scud-b": {"name": "Scud-B", "type": "SRBM"},
    "unknown": {"name": "Unknown", "type": "Unknown"},
}
FACILITIES = {
    "facilities": {
        "sunan": {"name": "Pyongyang International Airport", "lat": 39.2, "lon": 125.67},
        "samsok": {"name": "Samsok missle test site", "lat": 39.1, "lon": 126.0},
        "unknown": {"name": "Unknown", "lat": 39.2, "lon": 125.67},
    }
}


def _row(day: str, time: str, missile: str, facility: str, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "date": day,
        "time": time,
        "missile": missile,
        "facility": facility,
        "landing": "sea-of-japan",
        "apogee": "unknown",
        "distance": "unknown",
        "bearing": 90,
        "outcome": "success",
        "description": DESCRIPTION,
    }
    row.update(extra)
    return row


def _bins() -> list[dict[str, Any]]:
    return [
        # Before 2018: dropped (and a month-only date, which old rows may have).
        {"year": 2017, "data": [_row("2017-11", "unknown", "scud-b", "unknown")]},
        {
            "year": 2022,
            "data": [
                # An ICBM at 05:34 UTC: 14:34 in Korea, same day.
                _row("2022-03-24", "05:34 (UTC)", "hwasong-15", "sunan", apogee=6248, distance="1090"),
                # A same-day pair, listed out of time order.
                _row(
                    "2022-06-05", "00:43 (UTC)", "kn-25", "sunan", apogee=90, distance=300, outcome="failure"
                ),
                _row("2022-06-05", "00:08 (UTC)", "kn-25", "sunan", apogee=50, distance=300),
                # 22:10 UTC on 16 Nov is 07:10 on 17 Nov in Korea.
                _row("2022-11-16", "22:10 (UTC)", "unknown", "samsok", landing="na", apogee="na"),
            ],
        },
    ]


def _write(folder: Path, bins: list[dict[str, Any]] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / cns.MISSILE_FILE).write_text(json.dumps(MISSILES), encoding="utf-8")
    (folder / cns.FACILITY_FILE).write_text(json.dumps(FACILITIES), encoding="utf-8")
    tests = {"timeBins": _bins() if bins is None else bins}
    (folder / cns.TEST_FILE).write_text(json.dumps(tests), encoding="utf-8")
    return folder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return _write(tmp_path / "cns")


def _events(folder: Path) -> dict[str, Event]:
    return {e.id: e for e in cns.convert(cns.load(folder))}


def test_keeps_2018_onwards_and_groups_same_day(data_dir: Path) -> None:
    data = cns.load(data_dir)
    assert len(data.tests) == 5
    events = cns.convert(data)
    assert [e.id for e in events] == ["cns-2022-03-24", "cns-2022-06-05", "cns-2022-11-17"]
    assert [e.date for e in events] == [date(2022, 3, 24), date(2022, 6, 5), date(2022, 11, 17)]
    assert all(e.type is EventType.WEAPONS_TEST and e.actors == ["prk"] for e in events)
    pair = events[1]
    assert pair.title == {"en": "KN-25 SRBM tests", "ko": "KN-25 SRBM 시험발사"}
    assert pair.summary is not None
    summary = pair.summary["en"]
    assert "2 missile launches" in summary and "one launch event" in summary
    assert "apogee 50–90 km" in summary and "1 successful, 1 failed" in summary
    assert "09:08–09:43 Korea time" in summary
    assert pair.place == "Pyongyang International Airport"


def test_icbm_title_place_and_effect(data_dir: Path) -> None:
    icbm = _events(data_dir)["cns-2022-03-24"]
    assert icbm.title == {"en": "Hwasong-15 ICBM test", "ko": "화성-15형 ICBM 시험발사"}
    assert [(e.provision, e.effect) for e in icbm.effects] == [("singapore-2018/3", Effect.MENTIONS)]
    assert icbm.summary is not None
    assert "apogee 6,248 km" in icbm.summary["en"] and "flew 1,090 km" in icbm.summary["en"]
    source = icbm.sources[0]
    assert source.url == cns.SOURCE_URL
    assert source.publisher == "James Martin Center for Nonproliferation Studies (CNS) / NTI"


def test_non_icbm_has_no_effect_and_kst_date(data_dir: Path) -> None:
    events = _events(data_dir)
    assert events["cns-2022-06-05"].effects == []
    late = events["cns-2022-11-17"]
    assert late.effects == []
    assert late.title["en"] == "Unidentified missile test"
    assert late.place == "Samsok missile test site"
    assert late.summary is not None
    assert "by UTC day: 2022-11-16" in late.summary["en"]


def test_description_never_copied(data_dir: Path) -> None:
    text = cns.to_yaml(cns.convert(cns.load(data_dir)))
    assert DESCRIPTION not in text


def test_malformed_row_names_row_and_field(tmp_path: Path) -> None:
    bins = _bins()
    bins[1]["data"][2]["apogee"] = "very high"
    folder = _write(tmp_path / "bad", bins)
    with pytest.raises(cns.CnsDataError, match=r"row 3 \(timeBins\[1\]\.data\[2\]\), field 'apogee'"):
        cns.load(folder)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "2022-02-30", "not a real calendar date"),
        ("date", "24/03/2022", "expected YYYY-MM-DD"),
        ("missile", "hwasong-99", "'hwasong-99' is not in missile.en.json"),
        ("facility", "nowhere", "'nowhere' is not in facility.en.json"),
        ("outcome", "partial", "expected one of success, failure, unknown"),
        ("time", "noon", "expected 'HH:MM \\(UTC\\)'"),
        ("distance", -5, "non-negative"),
    ],
)
def test_bad_values_are_reported(tmp_path: Path, field: str, value: Any, message: str) -> None:
    bins = _bins()
    bins[1]["data"][0][field] = value
    folder = _write(tmp_path / "bad", bins)
    with pytest.raises(cns.CnsDataError, match=rf"row 1 .*field '{field}': .*{message}"):
        cns.load(folder)


def test_missing_field_and_wrong_year(tmp_path: Path) -> None:
    bins = _bins()
    del bins[1]["data"][1]["missile"]
    with pytest.raises(cns.CnsDataError, match=r"row 2 .*field 'missile'"):
        cns.load(_write(tmp_path / "a", bins))
    bins = _bins()
    bins[1]["year"] = 2021
    with pytest.raises(cns.CnsDataError, match=r"field 'date': '2022-03-24' is filed under year 2021"):
        cns.load(_write(tmp_path / "b", bins))


def test_too_few_tests_and_bad_shape(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(cns.CnsDataError, match="expected at least 339 tests, found 5"):
        cns.load(data_dir, min_tests=cns.EXPECTED_MIN_TESTS)
    (data_dir / cns.TEST_FILE).write_text('{"data": []}', encoding="utf-8")
    with pytest.raises(cns.CnsDataError, match="timeBins"):
        cns.load(data_dir)
    with pytest.raises(cns.CnsDataError, match="not a folder"):
        cns.load(tmp_path / "missing")


def test_command_writes_stable_fragment(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "weapons.yaml"
    assert cns.main([str(data_dir), "--out", str(out), "--min-tests", "0"]) == 0
    first = out.read_bytes()
    assert cns.main([str(data_dir), "--out", str(out), "--min-tests", "0"]) == 0
    assert out.read_bytes() == first
    text = first.decode("utf-8")
    assert text.startswith("# ")
    assert "Apache License 2.0" in text and cns.SOURCE_URL in text
    assert "화성-15형" in text  # written as UTF-8, not escaped
    bundle = yaml.load(text, Loader=yaml.BaseLoader)  # no implicit types: dates must be text
    assert bundle["format"] == "peacetrack/1"
    dates = [e["date"] for e in bundle["events"]]
    assert dates == sorted(dates) == ["2022-03-24", "2022-06-05", "2022-11-17"]
    assert [Event.model_validate(e).id for e in bundle["events"]] == [
        "cns-2022-03-24",
        "cns-2022-06-05",
        "cns-2022-11-17",
    ]


def test_command_refuses_short_input(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "never.yaml"
    assert cns.main([str(data_dir), "--out", str(out)]) == 1
    assert "expected at least 339 tests" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.skipif(not REAL_DATA.is_dir(), reason="shared CNS data folder not present")
def test_real_conversion_is_plausible() -> None:
    data = cns.load(REAL_DATA, min_tests=cns.EXPECTED_MIN_TESTS)
    events = cns.convert(data)
    kept = [t for t in data.tests if t.day is not None and t.day >= cns.SINCE]
    assert len(kept) >= 200
    assert 80 <= len(events) <= len(kept)
    assert len({e.id for e in events}) == len(events)
    assert events[0].date >= cns.SINCE
    assert sum(1 for e in events if e.effects) >= 5  # the ICBM launches of 2022-2024
    assert all(e.effects == [] or "ICBM" in e.title["en"] for e in events)
