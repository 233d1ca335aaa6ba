"""Import and export of bundles on SQLite and PostgreSQL (SPEC sections 1-2)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from sqlalchemy import func, select

from peacetrack.bundle import BadInput, import_bundles
from peacetrack.bundle.export import bundle, to_json_bytes
from peacetrack.fixtures import MINI as FIXTURE
from peacetrack.store import Store, upgrade
from peacetrack.store import tables as t
from peacetrack.store.revisions import history, state_at


def fixture_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    return data


def write_bundle(path: Path, data: dict[str, Any]) -> str:
    path.write_bytes(orjson.dumps(data, default=str))
    return str(path)


def exported(store: Store) -> bytes:
    with store.read() as conn:
        return to_json_bytes(bundle(conn))


def revision_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(t.revisions)) or 0)


def test_import_counts_and_reimport_changes_nothing(store: Store) -> None:
    first = import_bundles(store, [str(FIXTURE)], author="test")
    assert first.counts["actors"]["inserted"] == 6
    assert first.counts["agreements"]["inserted"] == 2
    assert first.counts["assessments"]["inserted"] == 2
    revs, before = revision_count(store), exported(store)
    again = import_bundles(store, [str(FIXTURE)], author="test")
    assert again.changed == 0
    assert again.counts["events"]["unchanged"] == 2
    assert revision_count(store) == revs
    assert exported(store) == before


def test_round_trip_is_byte_identical(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(FIXTURE)], author="test")
    first = exported(store)
    dump = tmp_path / "export.json"
    dump.write_bytes(first)
    fresh = Store(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade(fresh)
    import_bundles(fresh, [str(dump)], author="test")
    assert exported(fresh) == first
    # the export parses as the same records we put in
    data = orjson.loads(first)
    assert [a["id"] for a in data["agreements"]] == ["panmunjom-2018", "singapore-2018"]
    assert data["agreements"][0]["provisions"][0]["id"] == "panmunjom-2018/1.3"


def test_changed_record_is_updated_and_old_version_kept(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(FIXTURE)], author="alice")
    data = fixture_data()
    data["events"][0]["title"]["en"] = "Joint liaison office opens at Kaesong"
    data["agreements"][0]["provisions"][0]["text"]["en"] = "Open a joint liaison office (revised)."
    report = import_bundles(
        store, [write_bundle(tmp_path / "b.json", data)], author="bob", reason="fix title"
    )
    assert report.counts["events"]["updated"] == 1
    assert report.counts["agreements"]["updated"] == 1
    assert report.counts["actors"]["unchanged"] == 6
    with store.read() as conn:
        revs = history(conn, "events", "2018-09-14-liaison-office-opens")
        assert [r.op for r in revs] == ["insert", "update"]
        assert revs[1].author == "bob" and revs[1].reason == "fix title"
        assert (
            revs[1].old is not None and revs[1].old["title"]["en"] == "Joint liaison office opens in Kaesong"
        )
        assert state_at(conn, "events", "2018-09-14-liaison-office-opens", revs[0].at) == revs[0].new
        text_en = conn.scalar(select(t.provisions.c.text_en).where(t.provisions.c.id == "panmunjom-2018/1.3"))
    assert text_en == "Open a joint liaison office (revised)."


def test_removed_provision_still_referenced_is_refused(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(FIXTURE)], author="test")
    data = {"format": "peacetrack/1", "agreements": [copy.deepcopy(fixture_data()["agreements"][0])]}
    data["agreements"][0]["provisions"] = data["agreements"][0]["provisions"][1:]  # drop 1.3, still assessed
    before = exported(store)
    with pytest.raises(BadInput) as info:
        import_bundles(store, [write_bundle(tmp_path / "drop.json", data)], author="test")
    assert any("panmunjom-2018/1.3" in p.reason and "still" in p.reason for p in info.value.problems)
    assert exported(store) == before


PLANTED = 10


def planted_errors() -> dict[str, Any]:
    data = fixture_data()
    data["events"][0]["actors"].append("atlantis")  # 1 unknown actor
    data["events"][1]["date"] = "2020-02-30"  # 2 impossible date
    data["assessments"][0]["level"] = 7  # 3 level out of range
    data["actors"].append(copy.deepcopy(data["actors"][0]))  # 4 duplicate id
    data["events"][0]["effects"][0]["provision"] = "panmunjom-2018/9.9"  # 5 unknown provision
    data["themes"][1]["parent"] = "no-such-theme"  # 6 unknown theme
    data["gatherings"][0]["attendance"] = "many"  # 7 wrong type
    data["statements"][0]["kind"] = "tweet"  # 8 not a statement kind
    data["agreements"][1]["signed"] = 20180612  # 9 wrong type for a date
    data["assessments"][1]["evidence"] = ["no-such-event"]  # 10 unknown evidence
    return data


def test_ten_planted_errors_all_reported_and_nothing_written(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(FIXTURE)], author="test")
    before, revs = exported(store), revision_count(store)
    path = write_bundle(tmp_path / "bad.json", planted_errors())
    with pytest.raises(BadInput) as info:
        import_bundles(store, [path], author="test")
    problems = info.value.problems
    where = {p.path for p in problems}
    expected = {
        "$.events[0].actors[2]",
        "$.events[1].date",
        "$.assessments[0].level",
        "$.actors[6].id",
        "$.events[0].effects[0].provision",
        "$.themes[1].parent",
        "$.gatherings[0].attendance",
        "$.statements[0].kind",
        "$.agreements[1].signed",
        "$.assessments[1].evidence[0]",
    }
    assert expected <= where, sorted(where)
    assert len(problems) == PLANTED, [str(p) for p in problems]
    assert all(p.file == path for p in problems)
    assert exported(store) == before
    assert revision_count(store) == revs


def test_problems_across_files_and_unreadable_files(store: Store, tmp_path: Path) -> None:
    good = write_bundle(tmp_path / "good.json", fixture_data())
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: peacetrack/1\nactors: [\n", encoding="utf-8")
    with pytest.raises(BadInput) as info:
        import_bundles(store, [good, str(broken), str(tmp_path / "missing.json")], author="test")
    reasons = {p.file: p.reason for p in info.value.problems}
    assert "invalid YAML" in reasons[str(broken)]
    assert reasons[str(tmp_path / "missing.json")] == "no such file"
    assert revision_count(store) == 0


def test_references_resolve_against_the_database(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(FIXTURE)], author="test")
    extra = {
        "format": "peacetrack/1",
        "assessments": [
            {
                "provision": "panmunjom-2018/2.1",
                "as_of": "2018-11-01",
                "level": 2,
                "evidence": ["2018-09-14-liaison-office-opens"],
            }
        ],
    }
    report = import_bundles(store, [write_bundle(tmp_path / "more.json", extra)], author="test")
    assert report.counts["assessments"]["inserted"] == 1


def test_assessment_rules(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(FIXTURE)], author="test")
    bad = {
        "format": "peacetrack/1",
        "assessments": [
            {"provision": "panmunjom-2018/2.1", "as_of": "2017-01-01", "level": 1},
            {
                "provision": "panmunjom-2018/2.1",
                "as_of": "2019-01-01",
                "level": 1,
                "evidence": ["2020-06-16-liaison-office-demolished"],
            },
        ],
    }
    with pytest.raises(BadInput) as info:
        import_bundles(store, [write_bundle(tmp_path / "a.json", bad)], author="test")
    reasons = sorted(p.reason for p in info.value.problems)
    assert "before agreement 'panmunjom-2018' was signed" in reasons[0]
    assert "dated after as_of" in reasons[1]


def test_equal_date_assessments_keep_recording_order(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(FIXTURE)], author="test")
    same_day = {
        "format": "peacetrack/1",
        "assessments": [
            {"provision": "panmunjom-2018/2.1", "as_of": "2018-11-01", "level": 3},
            {"provision": "panmunjom-2018/2.1", "as_of": "2018-11-01", "level": 1},
        ],
    }
    import_bundles(store, [write_bundle(tmp_path / "s.json", same_day)], author="test")
    with store.read() as conn:
        rows = conn.execute(
            select(t.assessments.c.id, t.assessments.c.level, t.assessments.c.recorded).where(
                t.assessments.c.provision_id == "panmunjom-2018/2.1"
            )
        ).all()
    last = max(rows, key=lambda r: r.recorded)
    assert last.level == 1 and last.id == "panmunjom-2018/2.1@2018-11-01#2"
    exported_levels = [
        a["level"]
        for a in orjson.loads(exported(store))["assessments"]
        if a["provision"] == "panmunjom-2018/2.1"
    ]
    assert exported_levels == [3, 1]


def test_bundled_fixture_is_bilingual() -> None:
    data = fixture_data()
    assert all("ko" in a["name"] for a in data["actors"])
    assert all("ko" in p["text"] for ag in data["agreements"] for p in ag["provisions"])


def test_export_leaves_out_proposals_and_rejections(store: Store) -> None:
    import_bundles(store, [str(FIXTURE)], author="test")
    with store.write() as conn:
        conn.execute(t.gatherings.update().values(status="proposed"))
        conn.execute(
            t.events.update()
            .where(t.events.c.id == "2020-06-16-liaison-office-demolished")
            .values(status="rejected")
        )
    data = orjson.loads(exported(store))
    assert "gatherings" not in data
    assert [e["id"] for e in data["events"]] == ["2018-09-14-liaison-office-opens"]


def test_part_of_must_name_another_known_provision(store: Store, tmp_path: Path) -> None:
    data = fixture_data()
    provisions = data["agreements"][0]["provisions"]
    provisions[0]["part_of"] = ["panmunjom-2018/9.9"]
    provisions[1]["part_of"] = [f"panmunjom-2018/{provisions[1]['ref']}"]
    with pytest.raises(BadInput) as info:
        import_bundles(store, [write_bundle(tmp_path / "bad.json", data)], author="test")
    reasons = {p.path: p.reason for p in info.value.problems}
    assert "panmunjom-2018/9.9" in reasons["$.agreements[0].provisions[0].part_of[0]"]
    assert any("part of itself" in r for r in reasons.values()), reasons
    assert revision_count(store) == 0

    provisions[0]["part_of"] = [f"panmunjom-2018/{provisions[1]['ref']}"]
    provisions[1].pop("part_of")
    import_bundles(store, [write_bundle(tmp_path / "good.json", data)], author="test")
    back = orjson.loads(exported(store))
    assert back["agreements"][0]["provisions"][0]["part_of"] == provisions[0]["part_of"]
