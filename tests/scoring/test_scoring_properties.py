"""Properties of the scoring engine, checked against a literal reading of SPEC section 3.

The reference below works on the raw input with no precomputation: level(p, d)
scans p's marks; peak(p, d) is the highest level(p, e) over the dates e <= d
at which p was assessed (a same-day mark overtaken by a later-recorded one was
never p's level, see scoring/index.py); scores use exact fractions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack.scoring import (
    BYS,
    FREQS,
    By,
    Index,
    Mark,
    ProvisionInfo,
    Release,
    ScoreRow,
    ScoringInput,
    diff,
    history,
    make_release,
    period_ends,
    round_score,
    scores,
    series,
    state,
)

FIRST = date(2017, 1, 1)
SPAN = 5 * 365  # 2017–2021: few enough dates that ties and shared dates are common
THEMES = ("t0", "t1", "t2", "t3", "t4")
ACTORS = ("kor", "prk", "usa", "chn")

days = st.integers(0, SPAN).map(lambda n: FIRST + timedelta(days=n))
bys = st.sampled_from(BYS)


@st.composite
def inputs(draw: st.DrawFn) -> ScoringInput:
    # Parents only point to earlier themes, so the tree has no cycle.
    parents: dict[str, str | None] = {
        t: draw(st.sampled_from((None, *THEMES[:i]))) for i, t in enumerate(THEMES)
    }
    provisions: list[ProvisionInfo] = []
    for a in range(draw(st.integers(1, 3))):
        signed = draw(days)
        for n in range(draw(st.integers(1, 5))):
            provisions.append(
                ProvisionInfo(
                    f"ag{a}/{n}",
                    f"ag{a}",
                    signed,
                    tuple(draw(st.lists(st.sampled_from(THEMES), max_size=3))),
                    tuple(draw(st.lists(st.sampled_from(ACTORS), max_size=3))),
                )
            )
    raw = draw(
        st.lists(st.tuples(st.sampled_from([p.id for p in provisions]), days, st.integers(0, 3)), max_size=40)
    )
    order = draw(st.permutations(range(len(raw))))
    marks = [Mark(pid, day, level, recorded) for (pid, day, level), recorded in zip(raw, order, strict=True)]
    return ScoringInput(provisions, marks, parents)


# --- the reference ----------------------------------------------------------------------------


def ref_level(marks: list[Mark], d: date) -> int:
    seen = [m for m in marks if m.as_of <= d]
    return max(seen, key=lambda m: (m.as_of, m.recorded)).level if seen else 0


def ref_peak(marks: list[Mark], d: date) -> int:
    return max((ref_level(marks, m.as_of) for m in marks if m.as_of <= d), default=0)


def ref_keys(p: ProvisionInfo, by: By, parents: Mapping[str, str | None]) -> set[str]:
    if by == "agreement":
        return {p.agreement}
    if by == "party":
        return set(p.responsible)
    found: set[str] = set()
    for theme in p.themes:
        current: str | None = theme
        while current is not None and current not in found:
            found.add(current)
            current = parents.get(current)
    return found


def ref_round(value: Fraction) -> float:
    exact = Decimal(value.numerator) / Decimal(value.denominator)  # 28 digits: enough to see a half
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def ref_scores(data: ScoringInput, d: date, by: By) -> list[dict[str, object]]:
    groups: dict[str, list[tuple[int, bool]]] = {}
    for p in data.provisions:
        if p.signed > d:
            continue
        marks = [m for m in data.marks if m.provision == p.id]
        level, peak = ref_level(marks, d), ref_peak(marks, d)
        for key in ref_keys(p, by, data.theme_parents):
            groups.setdefault(key, []).append((level, level < peak))
    rows: list[dict[str, object]] = []
    for key in sorted(groups):
        members = groups[key]
        rows.append(
            {
                "key": key,
                "score": ref_round(Fraction(100 * sum(lv for lv, _ in members), 3 * len(members))),
                "provisions": len(members),
                "reversed": sum(rev for _, rev in members),
                "levels": {str(lv): sum(1 for m, _ in members if m == lv) for lv in range(4)},
            }
        )
    return rows


# --- properties -------------------------------------------------------------------------------


@given(inputs(), days, bys)
def test_scores_match_the_literal_reading(data: ScoringInput, d: date, by: By) -> None:
    assert [row.to_json() for row in scores(Index.build(data), d, by)] == ref_scores(data, d, by)


@given(inputs(), days, bys)
def test_rows_are_well_formed(data: ScoringInput, d: date, by: By) -> None:
    rows = scores(Index.build(data), d, by)
    assert [r.key for r in rows] == sorted({r.key for r in rows})
    for row in rows:
        assert 0.0 <= row.score <= 100.0
        assert 0 <= row.reversed <= row.provisions
        assert sum(row.levels.values()) == row.provisions > 0


@given(inputs(), days, st.integers(1, 400), st.integers(0, 3), st.integers(-5, 10_000), st.data())
def test_later_marks_do_not_change_the_past(
    data: ScoringInput, d: date, after: int, level: int, recorded: int, pick: st.DataObject
) -> None:
    provision = pick.draw(st.sampled_from([p.id for p in data.provisions]))
    # Any recorded value not already used for that provision on that day.
    used = {m.recorded for m in data.marks}
    while recorded in used:
        recorded += 1
    later = replace(data, marks=[*data.marks, Mark(provision, d + timedelta(days=after), level, recorded)])
    before, with_later = Index.build(data), Index.build(later)
    for by in BYS:
        assert scores(with_later, d, by) == scores(before, d, by)


@given(inputs(), days, bys)
def test_each_provision_contributes_level_over_three_of_its_share(
    data: ScoringInput, d: date, by: By
) -> None:
    index = Index.build(data)
    members: dict[str, list[int]] = {}
    for p in index.provisions:
        if p.signed <= d:
            for key in index.keys[by][index.position[p.id]]:
                members.setdefault(key, []).append(state(index, p.id, d).level)
    rows = scores(index, d, by)
    assert [r.key for r in rows] == sorted(members)
    for row in rows:
        levels = members[row.key]
        share = Fraction(100, len(levels))
        exact = sum((Fraction(level, 3) * share for level in levels), Fraction(0))
        assert row.score == ref_round(exact)
        assert row.provisions == len(levels)


@given(inputs(), days, st.data())
def test_raising_one_provision_moves_its_groups_by_its_share(
    data: ScoringInput, d: date, pick: st.DataObject
) -> None:
    index = Index.build(data)
    signed = [p for p in index.provisions if p.signed <= d]
    if not signed:
        return
    p = pick.draw(st.sampled_from(signed))
    new_level = pick.draw(st.integers(0, 3))
    top = max((m.recorded for m in data.marks), default=0) + 1
    changed = Index.build(replace(data, marks=[*data.marks, Mark(p.id, d, new_level, top)]))
    delta = new_level - state(index, p.id, d).level
    for by in BYS:
        old, new = ({r.key: r for r in scores(i, d, by)} for i in (index, changed))
        assert old.keys() == new.keys()
        for key in old:
            sums = [sum(int(k) * n for k, n in rows[key].levels.items()) for rows in (old, new)]
            in_group = key in index.keys[by][index.position[p.id]]
            assert sums[1] - sums[0] == (delta if in_group else 0)
            assert new[key].score == round_score(sums[1], new[key].provisions)


@given(inputs(), st.sampled_from(FREQS), days, st.integers(0, 3 * 365), bys)
@settings(max_examples=60)
def test_series_equals_as_of_at_every_period_end(
    data: ScoringInput, freq: str, start: date, length: int, by: By
) -> None:
    index = Index.build(data)
    end = start + timedelta(days=length)
    got = series(index, by, freq, start, end)
    naive: dict[str, list[tuple[date, ScoreRow]]] = {}
    for day in period_ends(freq, start, end):
        for row in scores(index, day, by):
            naive.setdefault(row.key, []).append((day, row))
    assert got == naive
    assert list(got) == sorted(got)


@given(inputs(), days)
def test_history_agrees_with_state(data: ScoringInput, d: date) -> None:
    index = Index.build(data)
    for p in index.provisions:
        entries = history(index, p.id, until=d)
        now = state(index, p.id, d)
        assert (entries[-1].level if entries else 0) == now.level
        assert (entries[-1].reversed if entries else False) == now.reversed
        assert [e.as_of for e in entries] == sorted({e.as_of for e in entries})
        assert all(e.reversed == (e.level < e.peak) for e in entries)
        everything = history(index, p.id, until=d, include_superseded=True)
        assert [e for e in everything if not e.superseded] == entries


@given(inputs(), days, days)
@settings(max_examples=50)
def test_release_round_trips(data: ScoringInput, d1: date, d2: date) -> None:
    index = Index.build(data)
    a, b = make_release(index, "a", d1), make_release(index, "b", d2)
    assert Release.from_json(a.to_json()) == a
    assert diff(a, a).scores == () and diff(a, a).levels == ()
    changes = diff(a, b)
    for change in changes.levels:
        levels = (a.levels.get(change.provision), b.levels.get(change.provision))
        assert levels == (change.before, change.after)
    unchanged = (a.levels.keys() & b.levels.keys()) - {c.provision for c in changes.levels}
    assert all(a.levels[p] == b.levels[p] for p in unchanged)
