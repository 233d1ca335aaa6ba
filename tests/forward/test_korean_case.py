"""The way forward on the bundled Korean Peninsula dataset (issue 17's acceptance), and its command."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

from peacetrack.bundle import import_bundles
from peacetrack.forward.service import to_json, way_forward
from peacetrack.store import Store, upgrade
from peacetrack.store.scoring_reads import load_index


@pytest.fixture(scope="module")
def korea(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('korea') / 'kp.db'}")
    upgrade(store)
    import_bundles(store, ["@korean-peninsula"], author="test")
    return store


def plan(store: Store, day: date) -> dict[str, Any]:
    with store.read() as conn:
        return to_json(way_forward(conn, load_index(conn), day))


def test_end_of_2024_lists_the_military_agreement_reversals_with_what_undid_them(korea: Store) -> None:
    data = plan(korea, date(2024, 12, 31))
    for party in ("kor", "prk"):
        cma = {i["provision"]: i for i in data["ledger"][party] if i["agreement"] == "cma-2018"}
        reversed_ = [i for i in cma.values() if i["status"] == "reversed"]
        assert len(reversed_) >= 15, party
        assert all(i["fell_on"] and i["fell_by"] for i in reversed_)
    guard_posts = next(i for i in data["ledger"]["prk"] if i["provision"] == "cma-2018/2.1")
    assert "2023-11-24-guard-posts-restored" in guard_posts["fell_by"]
    assert guard_posts["undone_by"] == ["prk"]
    no_fly = next(i for i in data["ledger"]["kor"] if i["provision"] == "cma-2018/1.3")
    fall_events = {e for fall in no_fly["falls"] for e in fall["events"]}
    assert {"2023-11-22-rok-suspends-no-fly-zone", "2023-11-23-dprk-scraps-military-agreement"} <= fall_events


def test_end_of_2024_first_packages_pair_south_and_north_with_evidence(korea: Store) -> None:
    packages = plan(korea, date(2024, 12, 31))["packages"]
    for package in packages[:3]:
        assert sorted(s["party"] for s in package["steps"]) == ["kor", "prk"]
        assert all(s["evidence"] for s in package["steps"] if s["kind"] == "restore")
    kor_prk_first = [
        p["size"]
        for p in packages
        if p["tier"] == "first" and {s["party"] for s in p["steps"]} == {"kor", "prk"}
    ]
    assert kor_prk_first == sorted(kor_prk_first)


def test_end_of_2018_the_ledger_is_short_and_mostly_pending(korea: Store) -> None:
    data = plan(korea, date(2018, 12, 31))
    items = [i for items in data["ledger"].values() for i in items]
    assert all(len(v) <= 15 for v in data["ledger"].values())
    pending = sum(1 for i in items if i["status"] == "pending")
    assert pending / len(items) > 0.5


def test_command_json_and_table(korea: Store, cli: Any, tmp_path: Path) -> None:
    result = cli("steps", "--as-of", "2024-12-31", "--party", "prk", "--format", "json", "--db", korea.url)
    assert result.code == 0, result.err
    data = orjson.loads(result.out)
    assert set(data) == {"as_of", "party", "ledger", "packages"} and list(data["ledger"]) == ["prk"]
    table = cli("steps", "--as-of", "2018-12-31", "--lang", "ko", "--db", korea.url)
    assert table.code == 0 and "Package 1" in table.out and "이행을 시작한다" in table.out
    assert cli("steps", "--party", "nobody", "--db", korea.url).code == 2
    assert cli("steps", "--as-of", "2024-13-01", "--db", korea.url).code == 2


def test_command_saves_and_follows_a_proposal(store: Store, cli: Any) -> None:
    import_bundles(store, ["@korean-peninsula"], author="test")
    saved = cli(
        "steps",
        "save",
        "first",
        "--package",
        "1",
        "--as-of",
        "2019-12-31",
        "--note",
        "try",
        "--db",
        store.url,
    )
    assert saved.code == 0, saved.err
    shown = cli("steps", "proposal", "first", "--format", "json", "--db", store.url)
    data = orjson.loads(shown.out)
    assert data["note"] == "try" and len(data["steps"]) == 2
    assert cli("steps", "save", "first", "--package", "1", "--db", store.url).code == 2
    history = cli("history", "proposals", "first", "--db", store.url)
    assert history.code == 0 and "insert" in history.out
    listed = orjson.loads(cli("steps", "proposals", "--format", "json", "--db", store.url).out)
    assert [p["name"] for p in listed] == ["first"]
