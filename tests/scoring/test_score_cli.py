"""`peacetrack score`, `score changes` and `provision history` on SQLite and PostgreSQL.

Every expected number is worked out by hand from the sample bundle (see
conftest.py for each provision's levels over time).
"""

from __future__ import annotations

from typing import Any

import orjson

from peacetrack.bundle import import_bundles
from peacetrack.store import Store


def row(key: str, score: float, provisions: int, reversed_: int, *levels: int) -> dict[str, Any]:
    return {
        "key": key,
        "score": score,
        "provisions": provisions,
        "reversed": reversed_,
        "levels": {str(n): count for n, count in enumerate(levels)},
    }


def json_of(cli: Any, *args: str) -> Any:
    result = cli(*args, "--format", "json")
    assert result.code == 0, result.err
    assert result.err == ""
    return orjson.loads(result.out)  # stdout is the JSON document and nothing else


# --- score as of a date -----------------------------------------------------------------------


def test_scores_by_agreement(cli: Any, loaded: Store) -> None:
    # alpha on 2019-12-31: levels 1, 1 (tie: the 1 recorded last wins over the 2), 0, 2, 2
    # = 6 of 15 → 40.0; alpha/1 (3 → 1) and alpha/5 (3 → 2) are below their peaks.
    # beta: 3 + 2 = 5 of 6 → 83.3. gamma, signed 2020-01-01, is left out.
    got = json_of(cli, "score", "--db", loaded.url, "--as-of", "2019-12-31")
    assert got == [row("alpha", 40.0, 5, 2, 1, 2, 2, 0), row("beta", 83.3, 2, 0, 0, 0, 1, 1)]
    assert list(got[0]) == ["key", "score", "provisions", "reversed", "levels"]
    assert list(got[0]["levels"]) == ["0", "1", "2", "3"]


def test_scores_by_theme_count_descendants_once(cli: Any, loaded: Store) -> None:
    got = json_of(cli, "score", "--db", loaded.url, "--as-of", "2019-12-31", "--by", "theme")
    assert got == [
        row("dialogue", 33.3, 2, 0, 1, 0, 1, 0),  # alpha/3 0, beta/2 2: 2 of 6
        row("military", 66.7, 3, 1, 0, 1, 1, 1),  # alpha/1 1, alpha/4 2, beta/1 3: 6 of 9
        row("nuclear", 50.0, 2, 0, 0, 1, 1, 0),  # alpha/2 1, alpha/4 2: 3 of 6
        # military and nuclear, alpha/4 once: 1 + 1 + 2 + 3 = 7 of 12.
        row("security", 58.3, 4, 1, 0, 2, 1, 1),
    ]


def test_scores_by_party(cli: Any, loaded: Store) -> None:
    got = json_of(cli, "score", "--db", loaded.url, "--as-of", "2019-12-31", "--by", "party")
    assert got == [
        row("kor", 41.7, 4, 1, 1, 1, 2, 0),  # alpha/1 1, alpha/3 0, alpha/4 2, beta/2 2: 5 of 12
        row("prk", 58.3, 4, 1, 0, 2, 1, 1),  # alpha/1 1, alpha/2 1, alpha/4 2, beta/1 3: 7 of 12
        row("usa", 66.7, 1, 0, 0, 0, 1, 0),  # beta/2 2; gamma/1 not signed yet
    ]


def test_unsigned_agreements_are_left_out(cli: Any, loaded: Store) -> None:
    url = loaded.url
    # Before beta is signed only alpha counts: 3 + 1 + 0 + 2 + 2 = 8 of 15.
    assert json_of(cli, "score", "--db", url, "--as-of", "2018-08-31") == [
        row("alpha", 53.3, 5, 0, 1, 1, 2, 1)
    ]
    assert json_of(cli, "score", "--db", url, "--as-of", "2018-08-31", "--by", "party") == [
        row("kor", 55.6, 3, 0, 1, 0, 1, 1),  # 3 + 0 + 2 of 9
        row("prk", 66.7, 3, 0, 0, 1, 1, 1),  # 3 + 1 + 2 of 9
    ]
    assert json_of(cli, "score", "--db", url, "--as-of", "2018-01-01") == []
    # Once gamma is signed it counts everywhere.
    later = json_of(cli, "score", "--db", url, "--as-of", "2020-12-31", "--by", "theme")
    assert row("dialogue", 55.6, 3, 0, 1, 0, 1, 1) in later  # 0 + 2 + 3 of 9
    parties = json_of(cli, "score", "--db", url, "--as-of", "2020-12-31", "--by", "party")
    assert parties[-1] == row("usa", 83.3, 2, 0, 0, 0, 1, 1)


def test_spec_example_row_from_a_bundle(cli: Any, store: Store, write_bundle: Any) -> None:
    # SPEC section 3's example counts (3×0, 2×1, 4×2, 3×3, two reversed) give 19 of 36 = 52.8.
    ids = [str(n) for n in range(1, 13)]
    marks = [
        ("1", "2018-06-01", 0),
        ("2", "2018-06-01", 2),  # corrected to 0 the same day: never took effect, not reversed
        ("2", "2018-06-01", 0),
        ("4", "2018-06-01", 1),
        ("5", "2018-09-19", 3),
        ("5", "2019-02-28", 1),
        ("6", "2018-11-01", 2),
        ("7", "2018-11-01", 2),
        ("8", "2018-11-01", 2),
        ("9", "2018-09-19", 3),
        ("9", "2019-06-30", 2),
        ("10", "2018-05-01", 3),
        ("11", "2018-05-01", 1),
        ("11", "2018-12-01", 3),
        ("12", "2018-05-01", 3),
        ("12", "2018-08-01", 2),
        ("12", "2019-01-01", 3),
    ]
    data = {
        "format": "peacetrack/1",
        "actors": [{"id": "kor", "kind": "state", "name": {"en": "Republic of Korea"}}],
        "agreements": [
            {
                "id": "panmunjom-2018",
                "title": {"en": "Panmunjom Declaration"},
                "signed": "2018-04-27",
                "parties": ["kor"],
                "provisions": [{"ref": n, "text": {"en": f"Item {n}."}} for n in ids],
            }
        ],
        "assessments": [{"provision": f"panmunjom-2018/{n}", "as_of": d, "level": lv} for n, d, lv in marks],
    }
    import_bundles(store, [write_bundle(data)], author="test")
    result = cli("score", "--db", store.url, "--as-of", "2019-12-31", "--format", "json")
    assert result.code == 0
    assert orjson.loads(result.out) == [
        {
            "key": "panmunjom-2018",
            "score": 52.8,
            "provisions": 12,
            "reversed": 2,
            "levels": {"0": 3, "1": 2, "2": 4, "3": 3},
        }
    ]


def test_empty_database_scores_nothing(cli: Any, store: Store) -> None:
    assert json_of(cli, "score", "--db", store.url) == []
    table = cli("score", "--db", store.url, "--as-of", "2019-12-31")
    assert table.code == 0 and "no provision of an agreement signed by 2019-12-31" in table.out


def test_score_table_with_labels(cli: Any, loaded: Store) -> None:
    result = cli("score", "--db", loaded.url, "--as-of", "2019-12-31")
    assert result.code == 0 and result.err == ""
    assert "Alpha Accord" in result.out and "Beta Agreement" in result.out
    assert "40.0" in result.out and "83.3" in result.out
    assert "Gamma" not in result.out
    ko = cli("score", "--db", loaded.url, "--as-of", "2019-12-31", "--by", "party", "--lang", "ko")
    assert ko.code == 0
    assert "대한민국" in ko.out and "41.7" in ko.out and "미착수" in ko.out


# --- series -----------------------------------------------------------------------------------


def points(*values: tuple[str, float, int]) -> list[dict[str, Any]]:
    return [{"date": d, "score": s, "reversed": r} for d, s, r in values]


def by_key(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """A series document (the API's shape) as key → (date, score, reversed) points."""
    return {
        line["key"]: [{k: p[k] for k in ("date", "score", "reversed")} for p in line["points"]]
        for line in document["series"]
    }


def test_series_quarterly(cli: Any, loaded: Store) -> None:
    document = json_of(
        cli,
        "score",
        "--db",
        loaded.url,
        "--series",
        "quarterly",
        "--from",
        "2018-04-01",
        "--to",
        "2019-12-31",
    )
    assert (document["by"], document["freq"], document["from"], document["to"]) == (
        "agreement",
        "quarterly",
        "2018-04-01",
        "2019-12-31",
    )
    got = by_key(document)
    assert got == {
        "alpha": points(
            ("2018-06-30", 40.0, 0),  # 3 + 1 + 0 + 0 + 2 = 6 of 15
            ("2018-09-30", 53.3, 0),  # alpha/4 at 2: 8
            ("2018-12-31", 60.0, 0),  # alpha/5 at 3: 9
            ("2019-03-31", 40.0, 2),  # alpha/5 back to 2, alpha/1 down to 1: 6, two reversed
            ("2019-06-30", 40.0, 2),
            ("2019-09-30", 40.0, 2),
            ("2019-12-31", 40.0, 2),
        ),
        "beta": points(
            ("2018-09-30", 0.0, 0),  # signed on 09-19, first assessed 10-01
            ("2018-12-31", 66.7, 0),
            ("2019-03-31", 66.7, 0),
            ("2019-06-30", 83.3, 0),
            ("2019-09-30", 83.3, 0),
            ("2019-12-31", 83.3, 0),
        ),
    }
    # --from defaults to the first signing date (2018-04-27): the same points.
    again = json_of(cli, "score", "--db", loaded.url, "--series", "quarterly", "--to", "2019-12-31")
    assert by_key(again) == got


def test_series_yearly_by_party_and_table(cli: Any, loaded: Store) -> None:
    got = by_key(json_of(
        cli, "score", "--db", loaded.url, "--series", "yearly", "--by", "party", "--from", "2018-01-01",
        "--to", "2020-12-31",
    ))  # fmt: skip
    assert got["usa"] == points(("2018-12-31", 33.3, 0), ("2019-12-31", 66.7, 0), ("2020-12-31", 83.3, 0))
    assert sorted(got) == ["kor", "prk", "usa"]
    table = cli(
        "score", "--db", loaded.url, "--series", "quarterly", "--from", "2018-04-01", "--to", "2019-06-30"
    )
    assert table.code == 0
    lines = table.out.splitlines()
    q3 = next(line for line in lines if "2018-Q3" in line)
    assert "53.3" in q3 and "0.0" in q3
    q2 = next(line for line in lines if "2018-Q2" in line)
    assert "40.0" in q2 and "–" in q2  # beta not signed yet
    assert "40.0↓2" in next(line for line in lines if "2019-Q1" in line)


# --- provision history --------------------------------------------------------------------------


def test_provision_history(cli: Any, loaded: Store) -> None:
    got = json_of(cli, "provision", "history", "alpha/1", "--db", loaded.url, "--as-of", "2019-12-31")
    assert got == {
        "provision": "alpha/1",
        "agreement": "alpha",
        "ref": "1",
        "text": "Withdraw guard posts.",
        "as_of": "2019-12-31",
        "level": 1,
        "peak": 3,
        "reversed": True,
        "counted": True,
        "history": [
            {
                "as_of": "2018-05-01",
                "level": 3,
                "previous": 0,
                "change": "rose",
                "peak": 3,
                "reversed": False,
                "superseded": False,
                "evidence": [{"id": "e-posts", "title": "Guard posts withdrawn"}],
                "note": None,
            },
            {
                "as_of": "2019-03-01",
                "level": 1,
                "previous": 3,
                "change": "fell",
                "peak": 3,
                "reversed": True,
                "superseded": False,
                "evidence": [{"id": "e-drills", "title": "Drills resume"}],
                "note": "Drills resumed.",
            },
        ],
    }
    early = json_of(cli, "provision", "history", "alpha/1", "--db", loaded.url, "--as-of", "2018-12-31")
    assert (early["level"], early["reversed"], len(early["history"])) == (3, False, 1)
    ko = json_of(cli, "provision", "history", "alpha/1", "--db", loaded.url, "--lang", "ko")
    assert ko["text"] == "Withdraw guard posts. (ko)"
    assert ko["history"][1]["evidence"][0]["title"] == "훈련 재개"
    assert ko["history"][1]["note"] == "훈련이 재개되었다."


def test_provision_history_ties_and_no_assessment(cli: Any, loaded: Store) -> None:
    url = loaded.url
    tie = json_of(cli, "provision", "history", "alpha/2", "--db", url)
    assert [(h["level"], h["superseded"]) for h in tie["history"]] == [(1, False)]
    assert (tie["level"], tie["peak"], tie["reversed"]) == (1, 1, False)
    both = json_of(cli, "provision", "history", "alpha/2", "--db", url, "--superseded")
    assert [(h["level"], h["superseded"]) for h in both["history"]] == [(2, True), (1, False)]
    assert both["history"][0]["evidence"] == [{"id": "e-talks", "title": "Working-level talks"}]
    none = json_of(cli, "provision", "history", "alpha/3", "--db", url)
    assert (none["level"], none["history"]) == (0, [])
    unsigned = json_of(cli, "provision", "history", "gamma/1", "--db", url, "--as-of", "2019-06-01")
    assert (unsigned["counted"], unsigned["history"]) == (False, [])


def test_provision_history_table_marks_reversals(cli: Any, loaded: Store) -> None:
    result = cli("provision", "history", "alpha/5", "--db", loaded.url, "--as-of", "2019-12-31")
    assert result.code == 0 and result.err == ""
    out = result.out
    assert "2 → 3" in out and "3 → 2" in out
    assert "REVERSED (peak 3)" in out
    assert "level 2 (Intermediate), peak 3, REVERSED" in out
    evidence = cli("provision", "history", "alpha/1", "--db", loaded.url)
    assert "e-drills — Drills resume" in evidence.out and "Drills resumed." in evidence.out


# --- score changes -------------------------------------------------------------------------------


def test_changes(cli: Any, loaded: Store) -> None:
    got = json_of(
        cli, "score", "changes", "alpha", "--db", loaded.url, "--from", "2018-06-30", "--to", "2019-12-31"
    )
    assert got == {
        "agreement": "alpha",
        "from": "2018-06-30",
        "to": "2019-12-31",
        "score": {"from": 40.0, "to": 40.0},
        "changes": [
            {
                "provision": "alpha/1",
                "before": 3,
                "after": 1,
                "change": "fell",
                "reversed_before": False,
                "reversed_after": True,
            },
            {
                "provision": "alpha/4",
                "before": 0,
                "after": 2,
                "change": "rose",
                "reversed_before": False,
                "reversed_after": False,
            },
            {  # 2 → 3 → 2: the same level, but now below its peak
                "provision": "alpha/5",
                "before": 2,
                "after": 2,
                "change": "reversed",
                "reversed_before": False,
                "reversed_after": True,
            },
        ],
    }
    beta = json_of(
        cli, "score", "changes", "beta", "--db", loaded.url, "--from", "2018-01-01", "--to", "2019-12-31"
    )
    assert beta["score"] == {"from": None, "to": 83.3}  # not signed on the first date
    assert [(c["provision"], c["change"]) for c in beta["changes"]] == [
        ("beta/1", "rose"),
        ("beta/2", "rose"),
    ]
    still = json_of(
        cli, "score", "changes", "alpha", "--db", loaded.url, "--from", "2019-06-01", "--to", "2019-12-31"
    )
    assert still["changes"] == []


def test_changes_table(cli: Any, loaded: Store) -> None:
    result = cli(
        "score", "changes", "alpha", "--db", loaded.url, "--from", "2018-06-30", "--to", "2019-12-31"
    )
    assert result.code == 0
    out = result.out
    assert "fell, reversed" in out and "rose" in out and "Withdraw guard posts." in out
    assert "score 40.0 → 40.0" in out


def test_db_option_before_or_after_the_subcommand(cli: Any, loaded: Store) -> None:
    args = ("alpha", "--from", "2018-06-30", "--to", "2019-12-31", "--format", "json")
    first = cli("--db", loaded.url, "score", "changes", *args)
    second = cli("score", "--db", loaded.url, "changes", *args)
    third = cli("score", "changes", *args, "--db", loaded.url)
    assert first.code == second.code == third.code == 0
    assert first.out == second.out == third.out


# --- bad input ---------------------------------------------------------------------------------------


BAD = [
    (("score", "--as-of", "2019-13-01"), "--as-of: $: not a date YYYY-MM-DD: '2019-13-01'"),
    (("score", "--as-of", "yesterday"), "not a date"),
    (("score", "--as-of", "20190101"), "not a date"),
    (("score", "--by", "country"), "--by: $: unknown grouping 'country'"),
    (("score", "--lang", "fr"), "unknown language 'fr'"),
    (("score", "--series", "weekly"), "unknown frequency 'weekly'"),
    (("score", "--series", "yearly", "--from", "2019-02-30"), "--from: $: not a date"),
    (("score", "--series", "yearly", "--from", "2020-01-01", "--to", "2019-01-01"), "is after --to"),
    (("score", "--from", "2019-01-01"), "--from and --to go with --series"),
    (("score", "--series", "yearly", "--as-of", "2019-01-01", "--to", "2019-01-01"), "not --as-of"),
    (
        ("score", "--by", "theme", "changes", "alpha", "--from", "2019-01-01"),
        "not an option of `score changes`",
    ),
    (("score", "--format", "json", "changes", "alpha", "--from", "2019-01-01"), "--format: $: not an option"),
    (("score", "changes", "alpha"), "needs --from"),
    (("score", "changes", "nope", "--from", "2019-01-01"), "nope: $: no such agreement"),
    (("score", "changes", "alpha", "--from", "2019-01-01", "--to", "2018-01-01"), "is after --to"),
    (("provision", "history", "alpha/9"), "alpha/9: $: no such provision"),
    (("provision", "history", "alpha/1", "--as-of", "2019-1-1"), "not a date"),
]


def test_bad_input_exits_2_with_one_line(cli: Any, loaded: Store) -> None:
    for args, message in BAD:
        result = cli(*args, "--db", loaded.url) if "changes" not in args else cli("--db", loaded.url, *args)
        assert result.code == 2, args
        assert result.out == "", args
        assert message in result.err, (args, result.err)
        assert len(result.err.strip().splitlines()) == 1, result.err


def test_a_series_has_one_shape_on_the_command_line_and_the_api(cli: Any, loaded: Store) -> None:
    from fastapi.testclient import TestClient

    from peacetrack.web.app import create_app

    args = ("--series", "quarterly", "--by", "theme", "--from", "2018-04-01", "--to", "2019-12-31")
    from_cli = json_of(cli, "score", "--db", loaded.url, *args)
    api = TestClient(create_app(loaded.url)).get(
        "/api/scores/series",
        params={"freq": "quarterly", "by": "theme", "from": "2018-04-01", "to": "2019-12-31"},
    )
    assert from_cli == api.json()
