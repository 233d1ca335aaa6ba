"""The index from weighed events: sums, thin and empty periods, pairs, smoothing, periods of each length."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack.environment.index import Weighed, bears_on, parse_dyad, periods, rows

KP = [("kor", "prk")]


def ev(eid: str, day: str, weight: float, sides: set[str], alone: bool = False) -> Weighed:
    return Weighed(eid, date.fromisoformat(day), weight, frozenset(sides), alone)


def test_a_month_sums_cooperation_and_conflict_and_counts_events() -> None:
    events = [
        ev("a", "2020-06-09", -9, {"prk"}),
        ev("b", "2020-06-16", -10, {"prk"}),
        ev("c", "2020-06-24", 3.6, {"prk"}),
        ev("d", "2020-08-01", 1, {"kor", "prk"}),
    ]
    got = rows(events, KP, "month", date(2020, 6, 1), date(2020, 8, 31), thin_below=3)
    assert [(r.period, r.index, r.cooperation, r.conflict, r.events, r.thin) for r in got] == [
        ("2020-06", -15.4, 3.6, 19.0, 3, False),
        ("2020-07", None, None, None, 0, True),  # no event: no index, never a calm zero
        ("2020-08", 1.0, 1.0, 0.0, 1, True),
    ]


def test_which_events_bear_on_a_pair() -> None:
    assert bears_on(ev("talks", "2020-01-01", 3, {"kor", "prk"}), KP)
    assert bears_on(ev("cut", "2020-01-01", -9, {"prk"}), KP)  # one side alone
    assert bears_on(ev("drill", "2020-01-01", -4, {"kor", "usa"}, alone=True), KP)  # aimed across the line
    assert not bears_on(ev("summit", "2020-01-01", 6, {"prk", "rus"}), KP)  # with a third state
    assert not bears_on(ev("other", "2020-01-01", 6, {"usa", "jpn"}, alone=True), KP)


def test_week_and_day_periods() -> None:
    assert [k for k, *_ in periods(date(2020, 12, 30), date(2021, 1, 12), "week")] == [
        "2020-W53",
        "2021-W01",
        "2021-W02",
    ]
    days = rows(
        [ev("a", "2020-06-09", -9, {"prk"})], KP, "day", date(2020, 6, 8), date(2020, 6, 10), thin_below=1
    )
    assert [(r.period, r.index, r.thin) for r in days] == [
        ("2020-06-08", None, True),
        ("2020-06-09", -9.0, False),
        ("2020-06-10", None, True),
    ]


def test_smoothing_is_a_trailing_average_over_periods_with_an_index() -> None:
    events = [ev(str(m), f"2020-{m:02d}-15", float(m), {"prk"}) for m in (1, 2, 3, 5)]
    got = rows(events, KP, "month", date(2020, 1, 1), date(2020, 5, 31), thin_below=1, smooth=2)
    assert [r.smoothed for r in got] == [1.0, 1.5, 2.5, None, 4.0]


def test_parse_dyad_with_hyphens_in_ids() -> None:
    known = {"kor", "prk", "kim-jong-un", "moon-jae-in"}
    assert parse_dyad("kor-prk", known) == ("kor", "prk")
    assert parse_dyad("kim-jong-un-moon-jae-in", known) == ("kim-jong-un", "moon-jae-in")
    for bad in ("kor", "kor-kor", "kor-zzz", "-prk"):
        with pytest.raises(ValueError, match="not two different actor ids"):
            parse_dyad(bad, known)


def test_start_after_end_is_refused() -> None:
    with pytest.raises(ValueError, match="after end"):
        rows([], KP, "month", date(2021, 1, 1), date(2020, 1, 1), thin_below=3)


DAYS = st.dates(min_value=date(2017, 1, 1), max_value=date(2020, 12, 31))
EVENTS = st.lists(
    st.builds(
        lambda d, w, s: Weighed(f"{d}-{w}", d, w, frozenset(s), False),
        DAYS,
        st.floats(-10, 10, allow_nan=False).map(lambda x: round(x, 1)),
        st.sets(st.sampled_from(["kor", "prk", "usa"]), min_size=1, max_size=2),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(EVENTS)
def test_periods_of_any_length_agree(events: list[Weighed]) -> None:
    """Every counted event lands in exactly one period; the months are the sums of their days."""
    start, end = date(2017, 1, 1), date(2020, 12, 31)
    months = rows(events, KP, "month", start, end, thin_below=3)
    days = rows(events, KP, "day", start, end, thin_below=1)
    counted = [e for e in events if bears_on(e, KP)]
    assert sum(r.events for r in months) == sum(r.events for r in days) == len(counted)
    for month in months:
        inside = [d for d in days if month.start <= d.start <= month.end and d.index is not None]
        expected = sum(d.index or 0 for d in inside)
        if month.index is None:
            assert not inside
        else:
            assert month.index == pytest.approx(expected, abs=0.05 * max(1, len(inside)))
            assert month.index == pytest.approx((month.cooperation or 0) - (month.conflict or 0), abs=0.011)
    assert all(r.end - r.start < timedelta(days=31) for r in months)
