"""On the bundled data the index tells the known story (issue 16), from the command, the API and the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from statistics import mean
from typing import Any

import orjson
import pytest
import yaml
from fastapi.testclient import TestClient

from peacetrack.bundle import import_bundles
from peacetrack.environment.service import Climate, behind, climate, index_rows, row_json
from peacetrack.environment.weights import DEFAULT_WEIGHTS, load_weights
from peacetrack.store import Store, upgrade
from peacetrack.web.app import create_app


@pytest.fixture(scope="module")
def korea(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('korea') / 'kp.db'}")
    upgrade(store)
    import_bundles(store, ["@korean-peninsula"], author="test")
    return store


@pytest.fixture(scope="module")
def cl(korea: Store) -> Climate:
    with korea.read() as conn:
        return climate(conn)


def months(cl: Climate, **kwargs: Any) -> dict[str, Any]:
    rows = index_rows(cl, by="month", start=date(2017, 1, 1), end=date(2026, 3, 31), **kwargs)
    return {r.period: r for r in rows}


def _mean(by: dict[str, Any], first: str, last: str) -> float:
    return mean(r.index or 0.0 for k, r in by.items() if first <= k <= last)


def test_2017_is_well_below_the_second_half_of_2018(cl: Climate) -> None:
    by = months(cl)
    assert _mean(by, "2017-01", "2017-12") < -10
    assert _mean(by, "2018-07", "2018-12") > 20
    assert all((by[f"2018-{m:02d}"].index or 0) > 0 for m in range(6, 13))


def test_june_2020_is_below_may_2020_and_its_events_are_listed(cl: Climate) -> None:
    by = months(cl)
    assert by["2020-06"].index < by["2020-05"].index < 0
    listed = [b.event.id for b in behind(cl, by["2020-06"])]
    assert listed[0] == "2020-06-16-liaison-office-demolished"
    assert "2020-06-09-all-lines-cut" in listed


def test_the_months_after_november_2023_are_below_2018(cl: Climate) -> None:
    by = months(cl)
    assert _mean(by, "2023-12", "2026-03") < -10 < 20 < _mean(by, "2018-01", "2018-12")
    assert by["2023-11"].index < -40  # the military agreement scrapped, guard posts rebuilt


def test_each_pair_has_its_own_story(cl: Climate) -> None:
    us_dprk = months(cl, dyad="prk-usa")
    assert us_dprk["2018-06"].index > 0  # Singapore
    assert us_dprk["2017-09"].index < -20  # the nuclear test, "totally destroy"
    inter_korean = months(cl, dyad="kor-prk")
    singapore = [b.event.id for b in behind(cl, inter_korean["2018-06"], dyad="kor-prk")]
    assert "2018-06-12-singapore-summit" not in singapore  # a US-DPRK summit is not inter-Korean


def test_a_change_of_weight_changes_the_index(korea: Store, tmp_path: Path) -> None:
    raw = yaml.safe_load(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))
    raw["types"]["summit"]["weight"] = -6  # summits as hostile acts
    path = tmp_path / "w.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with korea.read() as conn:
        before = months(climate(conn))["2018-09"].index
        after = months(climate(conn, weights=load_weights(path)))["2018-09"].index
    assert after < before


def test_command_json_is_the_contract(korea: Store, cli: Any) -> None:
    out = cli(
        "environment", "--from", "2020-05-01", "--to", "2020-07-31", "--format", "json", "--db", korea.url
    )
    assert out.code == 0, out.err
    data = orjson.loads(out.out)
    assert [set(r) for r in data] == [{"period", "index", "cooperation", "conflict", "events", "thin"}] * 3
    assert data[2] == {
        "period": "2020-07",
        "index": None,
        "cooperation": None,
        "conflict": None,
        "events": 0,
        "thin": True,
    }
    listed = cli(
        "environment",
        "--from",
        "2020-06-01",
        "--to",
        "2020-06-30",
        "--events",
        "--format",
        "json",
        "--smooth",
        "2",
        "--db",
        korea.url,
    )
    row = orjson.loads(listed.out)[0]
    assert row["event_list"][0]["id"] == "2020-06-16-liaison-office-demolished" and "smoothed" in row
    table = cli(
        "environment",
        "--dyad",
        "kor-prk",
        "--by",
        "week",
        "--from",
        "2020-06-01",
        "--to",
        "2020-06-30",
        "--db",
        korea.url,
    )
    assert table.code == 0 and "2020-W24" in table.out
    for bad in (
        ["--dyad", "kor-nobody"],
        ["--by", "year"],
        ["--from", "2021-01-01", "--to", "2020-01-01"],
        ["--smooth", "0"],
    ):
        assert cli("environment", *bad, "--db", korea.url).code == 2, bad
    versus = orjson.loads(cli("environment", "versus", "--format", "json", "--db", korea.url).out)
    assert versus["correlation"]["n"] > 20
    assert sum(q["reversals"] for q in versus["quarters"]) > 30


def test_api_equals_the_use_case_and_the_page_shows_both_languages(korea: Store, cl: Climate) -> None:
    client = TestClient(create_app(korea.url))
    got = client.get("/api/environment", params={"from": "2020-01-01", "to": "2020-12-31", "dyad": "kor-prk"})
    expected = [
        row_json(r) for r in index_rows(cl, dyad="kor-prk", start=date(2020, 1, 1), end=date(2020, 12, 31))
    ]
    assert got.status_code == 200
    assert got.json() == orjson.loads(orjson.dumps(expected))
    assert client.get("/api/environment", params={"dyad": "kor-zzz"}).status_code == 422
    assert client.get("/api/environment/versus").json()["correlation"]["n"] > 20
    page = client.get("/environment", params={"period": "2020-06"})
    assert page.status_code == 200
    assert "/events/2020-06-16-liaison-office-demolished" in page.text and 'class="climate-bar"' in page.text
    assert "안보 환경" in client.get("/environment", params={"lang": "ko"}).text
    csv = client.get("/environment", params={"format": "csv", "start": "2020-06-01", "end": "2020-06-30"})
    assert csv.text.splitlines()[1] == "2020-06,-26.4,3.6,30.0,5,False"
    assert client.get("/environment", params={"period": "2020-13"}).status_code == 404
    assert 'id="h-climate"' in client.get("/").text
