"""Worked examples of SPEC section 3, computed by hand."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import orjson
import pytest

from peacetrack.scoring import (
    HistoryEntry,
    Index,
    Mark,
    ProvisionInfo,
    Release,
    ScoreRow,
    ScoringInput,
    changes_between,
    diff,
    history,
    make_release,
    period_ends,
    round_score,
    scores,
    series,
    state,
)

D = date.fromisoformat
SIGNED = D("2018-04-27")


def prov(
    pid: str, *, signed: date = SIGNED, themes: tuple[str, ...] = (), responsible: tuple[str, ...] = ()
) -> ProvisionInfo:
    return ProvisionInfo(pid, pid.split("/")[0], signed, themes, responsible)


class Marks:
    """Builds marks with increasing ``recorded``, in the order they are written."""

    def __init__(self) -> None:
        self.marks: list[Mark] = []

    def __call__(self, pid: str, as_of: str, level: int, *evidence: str, note: str | None = None) -> Mark:
        mark = Mark(pid, D(as_of), level, len(self.marks) + 1, evidence, note)
        self.marks.append(mark)
        return mark


def build(
    provisions: list[ProvisionInfo], marks: list[Mark], parents: dict[str, str | None] | None = None
) -> Index:
    return Index.build(ScoringInput(provisions, marks, parents or {}))


def by_key(rows: list[ScoreRow]) -> dict[str, ScoreRow]:
    return {row.key: row for row in rows}


# --- the example row of SPEC section 3 -------------------------------------------------------


def spec_example() -> Index:
    """12 provisions of one agreement: levels 3×0, 2×1, 4×2, 3×3; two of them reversed."""
    provisions = [prov(f"panmunjom-2018/{n}") for n in range(1, 13)]
    m = Marks()
    # Level 0: one never assessed, one assessed 0, one put at 0 by a same-day
    # correction of a 2 (superseded, so never reached: not reversed).
    m("panmunjom-2018/1", "2018-06-01", 0)
    m("panmunjom-2018/2", "2018-06-01", 2)
    m("panmunjom-2018/2", "2018-06-01", 0)
    # Level 1: one rising to 1, one reversed from 3 down to 1.
    m("panmunjom-2018/4", "2018-06-01", 1)
    m("panmunjom-2018/5", "2018-09-19", 3)
    m("panmunjom-2018/5", "2019-02-28", 1)
    # Level 2: three plain, one reversed from 3.
    for n in (6, 7, 8):
        m(f"panmunjom-2018/{n}", "2018-11-01", 2)
    m("panmunjom-2018/9", "2018-09-19", 3)
    m("panmunjom-2018/9", "2019-06-30", 2)
    # Level 3: one straight, one climbing 1→2→3, one back at 3 after a dip (no longer reversed).
    m("panmunjom-2018/10", "2018-05-01", 3)
    m("panmunjom-2018/11", "2018-05-01", 1)
    m("panmunjom-2018/11", "2018-08-01", 2)
    m("panmunjom-2018/11", "2018-12-01", 3)
    m("panmunjom-2018/12", "2018-05-01", 3)
    m("panmunjom-2018/12", "2018-08-01", 2)
    m("panmunjom-2018/12", "2019-01-01", 3)
    return build(provisions, m.marks)


def test_spec_example_row() -> None:
    # sum of levels = 3·0 + 2·1 + 4·2 + 3·3 = 19; 100 · 19 / (3 · 12) = 52.77… → 52.8.
    # (SPEC's sample shows 66.7 beside these counts; 66.7 would need a sum of 24.)
    rows = scores(spec_example(), D("2019-12-31"), "agreement")
    assert [row.to_json() for row in rows] == [
        {
            "key": "panmunjom-2018",
            "score": 52.8,
            "provisions": 12,
            "reversed": 2,
            "levels": {"0": 3, "1": 2, "2": 4, "3": 3},
        }
    ]
    assert orjson.dumps(rows[0].to_json()) == (
        b'{"key":"panmunjom-2018","score":52.8,"provisions":12,"reversed":2,'
        b'"levels":{"0":3,"1":2,"2":4,"3":3}}'
    )


def test_spec_example_earlier_date() -> None:
    # On 2018-10-01: 0s: 1,2,3,6,7,8 (6); 1s: 4 (1); 2s: 11,12 (2); 3s: 5,9,10 (3).
    # Sum 0 + 1 + 4 + 9 = 14 → 100 · 14 / 36 = 38.88… → 38.9; 12 reversed since 08-01.
    (row,) = scores(spec_example(), D("2018-10-01"))
    assert (row.score, row.reversed, row.levels) == (38.9, 1, {"0": 6, "1": 1, "2": 2, "3": 3})


# --- level, peak, ties ------------------------------------------------------------------------


def test_equal_dates_last_recorded_wins() -> None:
    p = "a/1"
    marks = [
        Mark(p, D("2019-01-01"), 1, recorded=7),
        Mark(p, D("2019-01-01"), 3, recorded=5),  # written earlier, listed later: still loses
        Mark(p, D("2018-06-01"), 2, recorded=9),  # recorded last, but for an earlier date
    ]
    index = build([prov(p)], marks)
    assert state(index, p, D("2018-12-31")).level == 2
    # The superseded 3 never took effect: peak stays 2, and 1 < 2 is a reversal.
    assert state(index, p, D("2019-01-01")) == state(index, p, D("2030-01-01"))
    got = state(index, p, D("2019-01-01"))
    assert (got.level, got.peak, got.reversed) == (1, 2, True)


def test_superseded_mark_does_not_raise_the_peak() -> None:
    p = "a/1"
    index = build([prov(p)], [Mark(p, D("2019-01-01"), 3, 1), Mark(p, D("2019-01-01"), 1, 2)])
    got = state(index, p, D("2019-06-01"))
    assert (got.level, got.peak, got.reversed) == (1, 1, False)
    assert scores(index, D("2019-06-01"))[0].reversed == 0


def test_no_mark_means_level_zero_and_before_first_mark_too() -> None:
    index = build([prov("a/1"), prov("a/2")], [Mark("a/2", D("2019-01-01"), 3, 1)])
    assert scores(index, D("2018-12-31"))[0].levels == {"0": 2, "1": 0, "2": 0, "3": 0}
    assert scores(index, D("2019-01-01"))[0].score == 50.0


def test_duplicate_tie_is_rejected() -> None:
    with pytest.raises(ValueError, match="share recorded"):
        build([prov("a/1")], [Mark("a/1", D("2019-01-01"), 1, 4), Mark("a/1", D("2019-01-01"), 2, 4)])


@pytest.mark.parametrize(
    ("provisions", "marks", "message"),
    [
        ([prov("a/1"), prov("a/1")], [], "given twice"),
        ([prov("a/1"), prov("a/2", signed=D("2019-01-01"))], [], "two signing dates"),
        ([prov("a/1")], [Mark("a/9", D("2019-01-01"), 1, 1)], "unknown provision"),
        ([prov("a/1")], [Mark("a/1", D("2019-01-01"), 4, 1)], "0-3"),
    ],
)
def test_bad_input_is_rejected(provisions: list[ProvisionInfo], marks: list[Mark], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build(provisions, marks)


def test_unknown_grouping_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown grouping"):
        scores(build([prov("a/1")], []), D("2019-01-01"), "country")


# --- signing, groupings -----------------------------------------------------------------------


def test_unsigned_agreement_is_left_out_everywhere() -> None:
    later = D("2018-09-19")
    provisions = [
        prov("panmunjom-2018/1", themes=("military",), responsible=("kor",)),
        prov("cma-2018/1", signed=later, themes=("military",), responsible=("kor", "prk")),
    ]
    marks = [Mark("panmunjom-2018/1", D("2018-05-01"), 1, 1), Mark("cma-2018/1", D("2018-06-01"), 3, 2)]
    index = build(provisions, marks)
    before = D("2018-09-18")
    assert [r.key for r in scores(index, before, "agreement")] == ["panmunjom-2018"]
    assert by_key(scores(index, before, "theme"))["military"].to_json()["provisions"] == 1
    assert [r.key for r in scores(index, before, "party")] == ["kor"]
    assert by_key(scores(index, before, "party"))["kor"].score == 33.3
    # From the signing day on it counts, with the level it was assessed at before.
    on = by_key(scores(index, later, "party"))
    assert (on["kor"].score, on["kor"].provisions, on["prk"].score) == (66.7, 2, 100.0)
    assert scores(index, D("2018-01-01"), "agreement") == []


def test_theme_counts_descendants_once() -> None:
    parents: dict[str, str | None] = {
        "security": None,
        "military": "security",
        "nuclear": "security",
        "denuclearization": "nuclear",
        "family-reunions": None,  # no provision: left out
    }
    provisions = [
        prov("a/1", themes=("military",)),
        prov("a/2", themes=("nuclear", "denuclearization")),  # both under security: once
        prov("a/3", themes=("denuclearization",)),
        prov("a/4", themes=("untracked",)),  # unknown to the tree: its own root
        prov("a/5"),  # no theme: in no theme group
    ]
    m = Marks()
    m("a/1", "2019-01-01", 3)
    m("a/2", "2019-01-01", 2)
    m("a/3", "2019-01-01", 1)
    rows = by_key(scores(build(provisions, m.marks, parents), D("2019-01-01"), "theme"))
    assert sorted(rows) == ["denuclearization", "military", "nuclear", "security", "untracked"]
    assert (rows["security"].provisions, rows["security"].score) == (3, 66.7)  # 6 / 9
    assert (rows["nuclear"].provisions, rows["nuclear"].score) == (2, 50.0)  # 3 / 6
    assert (rows["denuclearization"].provisions, rows["denuclearization"].score) == (2, 50.0)
    assert (rows["military"].provisions, rows["military"].score) == (1, 100.0)
    assert (rows["untracked"].provisions, rows["untracked"].score) == (1, 0.0)


def test_theme_cycle_does_not_hang() -> None:
    index = build([prov("a/1", themes=("x",))], [], {"x": "y", "y": "x"})
    assert [r.key for r in scores(index, D("2019-01-01"), "theme")] == ["x", "y"]


def test_party_grouping() -> None:
    provisions = [
        prov("singapore-2018/1", responsible=("usa", "prk")),
        prov("singapore-2018/3", responsible=("prk", "prk")),  # named twice: counted once
        prov("singapore-2018/4", responsible=("usa",)),
        prov("singapore-2018/2"),  # nobody responsible: in no party group
    ]
    m = Marks()
    m("singapore-2018/1", "2018-07-01", 2)
    m("singapore-2018/3", "2018-07-01", 3)
    m("singapore-2018/3", "2019-02-28", 1)
    m("singapore-2018/4", "2018-08-01", 1)
    rows = scores(build(provisions, m.marks), D("2019-12-31"), "party")
    levels = {"0": 0, "1": 1, "2": 1, "3": 0}
    assert [row.to_json() for row in rows] == [
        {"key": "prk", "score": 50.0, "provisions": 2, "reversed": 1, "levels": levels},
        {"key": "usa", "score": 50.0, "provisions": 2, "reversed": 0, "levels": levels},
    ]


# --- rounding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level_sum", "provisions", "expected"),
    [
        (19, 12, 52.8),  # 52.77…
        (3, 80, 1.3),  # exactly 1.25; round(1.25, 1) == 1.2
        (3, 400, 0.3),  # exactly 0.25; round(0.25, 1) == 0.2
        (3999, 2000, 66.7),  # exactly 66.65
        (21, 8, 87.5),  # exact, nothing to round
        (1, 3, 11.1),  # 11.11…
        (2, 3, 22.2),
        (5, 6, 27.8),  # 27.77…
        (1, 6, 5.6),  # 5.55… (above the half)
        (0, 5, 0.0),
        (15, 5, 100.0),
    ],
)
def test_round_half_up(level_sum: int, provisions: int, expected: float) -> None:
    assert round_score(level_sum, provisions) == expected
    exact = Decimal(100 * level_sum) / Decimal(3 * provisions)
    assert float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) == expected


def test_half_boundary_through_scores() -> None:
    # 80 provisions, levels summing to 3: 100 · 3 / 240 = 1.25 exactly → 1.3.
    provisions = [prov(f"a/{n}") for n in range(80)]
    index = build(provisions, [Mark("a/0", D("2019-01-01"), 3, 1)])
    assert scores(index, D("2019-01-01"))[0].score == 1.3


def test_round_score_rejects_empty() -> None:
    with pytest.raises(ValueError):
        round_score(0, 0)


# --- series -----------------------------------------------------------------------------------


def test_period_ends() -> None:
    assert period_ends("monthly", D("2020-01-15"), D("2020-04-29")) == [
        D("2020-01-31"),
        D("2020-02-29"),
        D("2020-03-31"),
    ]
    assert period_ends("quarterly", D("2018-04-27"), D("2019-06-30")) == [
        D("2018-06-30"),
        D("2018-09-30"),
        D("2018-12-31"),
        D("2019-03-31"),
        D("2019-06-30"),
    ]
    assert period_ends("yearly", D("2018-01-01"), D("2020-12-30")) == [D("2018-12-31"), D("2019-12-31")]
    assert period_ends("monthly", D("2019-12-31"), D("2019-12-31")) == [D("2019-12-31")]
    assert period_ends("yearly", D("2019-01-01"), D("2019-12-30")) == []
    with pytest.raises(ValueError):
        period_ends("monthly", D("2020-01-01"), D("2019-01-01"))
    with pytest.raises(ValueError, match="unknown frequency"):
        period_ends("weekly", D("2019-01-01"), D("2020-01-01"))


def test_series_matches_as_of_and_skips_unsigned() -> None:
    index = spec_example()
    index2 = build(
        [*index.provisions, prov("cma-2018/1", signed=D("2018-09-19"))],
        [m for t in index.timelines for m in t.recorded] + [Mark("cma-2018/1", D("2018-10-15"), 2, 100)],
    )
    got = series(index2, "agreement", "monthly", D("2018-01-01"), D("2019-12-31"))
    assert sorted(got) == ["cma-2018", "panmunjom-2018"]
    assert got["cma-2018"][0][0] == D("2018-09-30")
    assert got["panmunjom-2018"][0][0] == D("2018-04-30")
    for key, points in got.items():
        for day, row in points:
            assert by_key(scores(index2, day))[key] == row
    assert got["cma-2018"][0][1].score == 0.0
    assert got["cma-2018"][1][1].score == 66.7


# --- history and changes ----------------------------------------------------------------------


def history_index() -> Index:
    m = Marks()
    p = "pyongyang-2018/1.1"
    m(p, "2018-09-19", 1, "ev-sign", note="announced")
    m(p, "2018-11-01", 3, "ev-gp-withdrawal")
    m(p, "2019-06-30", 3, "ev-reaffirm")  # same level, new evidence
    m(p, "2020-06-16", 2, "ev-wrong")
    m(p, "2020-06-16", 0, "ev-liaison-office", note="office demolished")  # corrects the 2
    m(p, "2021-01-01", 1, "ev-partial")
    signed = D("2018-09-19")
    provisions = [prov(f"pyongyang-2018/{n}", signed=signed) for n in ("1.1", "2.1", "2.2", "3.1")]
    m("pyongyang-2018/2.1", "2018-10-01", 2)  # rises to 2
    m("pyongyang-2018/2.2", "2018-10-01", 3)
    m("pyongyang-2018/2.2", "2019-01-01", 1)  # falls
    m("pyongyang-2018/3.1", "2018-10-01", 1)
    m("pyongyang-2018/3.1", "2019-01-01", 3)
    m("pyongyang-2018/3.1", "2019-05-01", 1)  # back to 1: same level, now reversed
    return build(provisions, m.marks)


def test_history_every_effective_mark() -> None:
    entries = history(history_index(), "pyongyang-2018/1.1")
    assert [(e.as_of.isoformat(), e.level, e.previous, e.peak, e.reversed, e.changed) for e in entries] == [
        ("2018-09-19", 1, 0, 1, False, True),
        ("2018-11-01", 3, 1, 3, False, True),
        ("2019-06-30", 3, 3, 3, False, False),
        ("2020-06-16", 0, 3, 3, True, True),
        ("2021-01-01", 1, 0, 3, True, True),
    ]
    assert entries[0].evidence == ("ev-sign",) and entries[0].note == "announced"
    assert entries[3].evidence == ("ev-liaison-office",) and entries[3].note == "office demolished"


def test_history_options() -> None:
    index = history_index()
    changes = history(index, "pyongyang-2018/1.1", changes_only=True, until=D("2020-12-31"))
    assert [e.as_of for e in changes] == [D("2018-09-19"), D("2018-11-01"), D("2020-06-16")]
    everything = history(index, "pyongyang-2018/1.1", include_superseded=True)
    assert len(everything) == 6
    wrong = everything[3]
    assert isinstance(wrong, HistoryEntry)
    assert (wrong.level, wrong.superseded, wrong.changed, wrong.evidence) == (2, True, False, ("ev-wrong",))
    assert (everything[4].level, everything[4].previous, everything[4].superseded) == (0, 3, False)
    with pytest.raises(KeyError):
        history(index, "pyongyang-2018/9.9")


def test_changes_between() -> None:
    index = history_index()
    changes = changes_between(index, "pyongyang-2018", D("2018-10-15"), D("2020-12-31"))
    summary = [
        (c.provision, c.before, c.after, c.reversed_before, c.reversed_after, c.change) for c in changes
    ]
    assert summary == [
        ("pyongyang-2018/1.1", 1, 0, False, True, "fell"),
        ("pyongyang-2018/2.2", 3, 1, False, True, "fell"),
        ("pyongyang-2018/3.1", 1, 1, False, True, "reversed"),
    ]
    (rose,) = changes_between(index, "pyongyang-2018", D("2020-12-31"), D("2021-06-01"))
    assert (rose.provision, rose.change, rose.reversed_after) == ("pyongyang-2018/1.1", "rose", True)
    assert changes_between(index, "pyongyang-2018", D("2019-06-01"), D("2019-06-01")) == []
    assert changes_between(index, "no-such-agreement", D("2018-01-01"), D("2022-01-01")) == []
    with pytest.raises(ValueError):
        changes_between(index, "pyongyang-2018", D("2020-01-01"), D("2019-01-01"))


# --- releases ---------------------------------------------------------------------------------


def test_release_round_trip_and_diff() -> None:
    index = history_index()
    end_2018 = make_release(index, "end of 2018", D("2018-12-31"))
    end_2020 = make_release(index, "end of 2020", D("2020-12-31"))
    assert end_2018.levels == {
        "pyongyang-2018/1.1": 3,
        "pyongyang-2018/2.1": 2,
        "pyongyang-2018/2.2": 3,
        "pyongyang-2018/3.1": 1,
    }
    assert end_2020.reversed == {"pyongyang-2018/1.1", "pyongyang-2018/2.2", "pyongyang-2018/3.1"}
    text = orjson.dumps(end_2020.to_json())
    assert Release.from_json(orjson.loads(text)) == end_2020
    assert end_2020.rows["agreement"] == tuple(scores(index, D("2020-12-31")))

    same = diff(end_2018, end_2018)
    assert (same.scores, same.levels) == ((), ())
    changed = diff(end_2018, end_2020)
    # 2018: 3+2+3+1 = 9 / 12 → 75.0; 2020: 0+2+1+1 = 4 / 12 → 33.3.
    (agreement,) = [c for c in changed.scores if c.by == "agreement"]
    assert (agreement.key, agreement.before, agreement.after, agreement.delta) == (
        "pyongyang-2018",
        75.0,
        33.3,
        -41.7,
    )
    assert [(c.provision, c.before, c.after, c.reversed_after) for c in changed.levels] == [
        ("pyongyang-2018/1.1", 3, 0, True),
        ("pyongyang-2018/2.2", 3, 1, True),
        ("pyongyang-2018/3.1", 1, 1, True),
    ]
    assert orjson.loads(orjson.dumps(changed.to_json()))["scores"][0]["delta"] == -41.7


def test_release_diff_with_new_agreement() -> None:
    provisions = [prov("a/1"), prov("b/1", signed=D("2019-01-01"))]
    index = build(provisions, [Mark("b/1", D("2019-02-01"), 2, 1)])
    a = make_release(index, "2018", D("2018-12-31"))
    b = make_release(index, "2019", D("2019-12-31"))
    changed = diff(a, b)
    assert [(c.by, c.key, c.before, c.after, c.delta) for c in changed.scores] == [
        ("agreement", "b", None, 66.7, None)
    ]
    assert [(c.provision, c.before, c.after) for c in changed.levels] == [("b/1", None, 2)]


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(format="other"),
        lambda d: d.update(name=""),
        lambda d: d.update(as_of="2019-02-30"),
        lambda d: d["scores"].pop("party"),
        lambda d: d["scores"]["agreement"][0].pop("levels"),
        lambda d: d["levels"].update({"x/1": 7}),
        lambda d: d.update(reversed=["not-a-provision"]),
    ],
)
def test_release_from_bad_json(mutate: object) -> None:
    data = orjson.loads(orjson.dumps(make_release(history_index(), "r", D("2020-01-01")).to_json()))
    assert callable(mutate)
    mutate(data)
    with pytest.raises(ValueError):
        Release.from_json(data)
