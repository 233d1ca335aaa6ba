"""Releases in the store and on the command line (SQLite and PostgreSQL): frozen, listed, diffed."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import func, select

from peacetrack.bundle import import_bundles
from peacetrack.scoring import Release
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.releases import releases
from peacetrack.store.revisions import history


def row(key: str, score: float, provisions: int, reversed_: int, *levels: int) -> dict[str, Any]:
    return {
        "key": key,
        "score": score,
        "provisions": provisions,
        "reversed": reversed_,
        "levels": {str(n): count for n, count in enumerate(levels)},
    }


def ok(cli: Any, *args: str) -> Any:
    result = cli(*args)
    assert result.code == 0, result.err
    return result


def json_of(cli: Any, *args: str) -> Any:
    return orjson.loads(ok(cli, *args, "--format", "json").out)


def edit_assessments(store: Store, write_bundle: Any) -> None:
    """Backdate a new assessment of alpha/3 to 3 and correct alpha/4's 2 down to 1."""
    edits = {
        "format": "peacetrack/1",
        "assessments": [
            {"provision": "alpha/3", "as_of": "2019-05-01", "level": 3},
            {"id": "alpha/4@2018-07-01", "provision": "alpha/4", "as_of": "2018-07-01", "level": 1},
        ],
    }
    report = import_bundles(store, [write_bundle(edits)], author="test")
    assert report.counts["assessments"] == {"inserted": 1, "updated": 1, "unchanged": 0}


def test_create_show_list(cli: Any, loaded: Store) -> None:
    url = loaded.url
    made = json_of(
        cli, "release", "create", "end-2019", "--as-of", "2019-12-31", "--author", "ana", "--db", url
    )
    assert (made["name"], made["as_of"], made["author"]) == ("end-2019", "2019-12-31", "ana")
    shown = json_of(cli, "release", "show", "end-2019", "--db", url)
    assert shown["format"] == "peacetrack-release/1"
    assert (shown["name"], shown["as_of"], shown["author"]) == ("end-2019", "2019-12-31", "ana")
    assert shown["scores"]["agreement"] == [
        row("alpha", 40.0, 5, 2, 1, 2, 2, 0),
        row("beta", 83.3, 2, 0, 0, 0, 1, 1),
    ]
    assert [r["key"] for r in shown["scores"]["theme"]] == ["dialogue", "military", "nuclear", "security"]
    assert shown["scores"]["party"][0] == row("kor", 41.7, 4, 1, 1, 1, 2, 0)
    assert shown["levels"] == {
        "alpha/1": 1,
        "alpha/2": 1,
        "alpha/3": 0,
        "alpha/4": 2,
        "alpha/5": 2,
        "beta/1": 3,
        "beta/2": 2,
    }  # gamma/1: its agreement was not signed yet
    assert shown["reversed"] == ["alpha/1", "alpha/5"]
    assert Release.from_json(shown).to_json() == {
        k: v for k, v in shown.items() if k not in ("created_at", "author")
    }
    # The same scores as `score` on that date.
    for by in ("agreement", "theme", "party"):
        live = json_of(cli, "score", "--db", url, "--as-of", "2019-12-31", "--by", by)
        assert shown["scores"][by] == live
    ok(cli, "release", "create", "mid-2018", "--as-of", "2018-06-30", "--db", url)
    listed = json_of(cli, "release", "list", "--db", url)
    assert [(r["name"], r["as_of"]) for r in listed] == [
        ("mid-2018", "2018-06-30"),
        ("end-2019", "2019-12-31"),
    ]
    table = ok(cli, "release", "list", "--db", url).out
    assert "end-2019" in table and "mid-2018" in table and "ana" in table


def test_create_writes_a_revision_and_refuses_an_existing_name(cli: Any, loaded: Store) -> None:
    url = loaded.url
    ok(
        cli,
        "release",
        "create",
        "end-2019",
        "--as-of",
        "2019-12-31",
        "--reason",
        "annual report",
        "--db",
        url,
    )
    again = cli("release", "create", "end-2019", "--as-of", "2018-12-31", "--db", url)
    assert again.code == 2 and again.out == ""
    assert "end-2019: $: a release of that name already exists" in again.err
    with loaded.read() as conn:
        revs = history(conn, "releases", "end-2019")
        stored = conn.execute(select(releases.c.as_of, releases.c.doc)).all()
    assert [(r.op, r.reason) for r in revs] == [("insert", "annual report")]
    assert len(stored) == 1 and stored[0].as_of.isoformat() == "2019-12-31"
    assert revs[0].new == orjson.loads(stored[0].doc)


def test_a_release_is_frozen(cli: Any, loaded: Store, write_bundle: Any) -> None:
    url = loaded.url
    ok(cli, "release", "create", "end-2019", "--as-of", "2019-12-31", "--db", url)
    before_json = ok(cli, "release", "show", "end-2019", "--format", "json", "--db", url).out
    before_table = ok(cli, "release", "show", "end-2019", "--db", url).out
    edit_assessments(loaded, write_bundle)
    # Live scores move: alpha is now 1 + 1 + 3 + 1 + 2 = 8 of 15.
    live = json_of(cli, "score", "--db", url, "--as-of", "2019-12-31")
    assert live[0] == row("alpha", 53.3, 5, 2, 0, 3, 1, 1)
    # The release does not.
    assert ok(cli, "release", "show", "end-2019", "--format", "json", "--db", url).out == before_json
    assert ok(cli, "release", "show", "end-2019", "--db", url).out == before_table
    assert orjson.loads(before_json)["scores"]["agreement"][0]["score"] == 40.0


def test_diff(cli: Any, loaded: Store, write_bundle: Any) -> None:
    url = loaded.url
    ok(cli, "release", "create", "end-2019", "--as-of", "2019-12-31", "--db", url)
    edit_assessments(loaded, write_bundle)
    ok(cli, "release", "create", "end-2019-revised", "--as-of", "2019-12-31", "--db", url)
    got = json_of(cli, "release", "diff", "end-2019", "end-2019-revised", "--db", url)

    def score(by: str, key: str, before: float, after: float, delta: float) -> dict[str, Any]:
        return {"by": by, "key": key, "before": before, "after": after, "delta": delta}

    def level(provision: str, before: int, after: int) -> dict[str, Any]:
        return {
            "provision": provision,
            "before": before,
            "after": after,
            "reversed_before": False,
            "reversed_after": False,
        }

    assert got == {
        "before": "end-2019",
        "after": "end-2019-revised",
        "scores": [
            score("agreement", "alpha", 40.0, 53.3, 13.3),  # 6 → 8 of 15
            score("theme", "dialogue", 33.3, 83.3, 50.0),  # alpha/3 3, beta/2 2: 5 of 6
            score("theme", "military", 66.7, 55.6, -11.1),  # 1 + 1 + 3 of 9
            score("theme", "nuclear", 50.0, 33.3, -16.7),  # 1 + 1 of 6
            score("theme", "security", 58.3, 50.0, -8.3),  # 1 + 1 + 1 + 3 of 12
            score("party", "kor", 41.7, 58.3, 16.6),  # 1 + 3 + 1 + 2 of 12
            score("party", "prk", 58.3, 50.0, -8.3),  # 1 + 1 + 1 + 3 of 12
        ],
        "levels": [level("alpha/3", 0, 3), level("alpha/4", 2, 1)],
    }
    table = ok(cli, "release", "diff", "end-2019", "end-2019-revised", "--db", url).out
    assert "+13.3" in table and "-11.1" in table and "alpha/3" in table
    # Across dates: alpha/5 and alpha/1 become reversed between mid-2018 and end-2019.
    ok(cli, "release", "create", "end-2018", "--as-of", "2018-12-31", "--db", url)
    across = json_of(cli, "release", "diff", "end-2018", "end-2019", "--db", url)
    flips = {c["provision"]: (c["reversed_before"], c["reversed_after"]) for c in across["levels"]}
    assert flips["alpha/1"] == (False, True) and flips["alpha/5"] == (False, True)
    assert "now reversed" in ok(cli, "release", "diff", "end-2018", "end-2019", "--db", url).out


def test_bad_release_input(cli: Any, loaded: Store) -> None:
    url = loaded.url
    ok(cli, "release", "create", "end-2019", "--as-of", "2019-12-31", "--db", url)
    cases = [
        (("release", "create", "bad name", "--as-of", "2019-12-31"), "bad release name 'bad name'"),
        (("release", "create", "late", "--as-of", "2019-12-32"), "--as-of: $: not a date YYYY-MM-DD"),
        (("release", "show", "nope"), "nope: $: no such release"),
        (("release", "show", "end-2019", "--by", "region"), "unknown grouping 'region'"),
        (("release", "diff", "end-2019", "nope"), "nope: $: no such release"),
        (("release", "diff", "nope", "end-2019"), "nope: $: no such release"),
    ]
    for args, message in cases:
        result = cli(*args, "--db", url)
        assert result.code == 2, args
        assert result.out == "" and message in result.err, (args, result.err)
    with loaded.read() as conn:
        assert conn.scalar(select(func.count()).select_from(releases)) == 1
        revs = select(func.count()).select_from(t.revisions).where(t.revisions.c.kind == "releases")
        assert conn.scalar(revs) == 1
