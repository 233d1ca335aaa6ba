"""Import the CNS North Korea Missile Test Database as ``weapons_test`` events.

Source
    The CNS North Korea Missile Test Database, compiled by the James Martin
    Center for Nonproliferation Studies (CNS) for the Nuclear Threat Initiative
    (NTI), read in the JSON shape published by the repository
    ``nagix/nk-missile-tests`` (``data/test.en.json``, ``missile.en.json``,
    ``facility.en.json``; Apache-2.0). The database lists every known North
    Korean flight test of a missile able to carry 500 kg at least 300 km, one row
    per missile.

What is kept
    Every row is checked (a malformed row anywhere raises :class:`CnsDataError`
    naming the row and the field, and an input with fewer rows than expected
    raises too). Rows whose Korean date is 2017-01-01 or later become events (2017 is the baseline
    year of tests and threats the climate index compares the 2018 thaw with).

Dates
    The database gives each launch's time in UTC and dates it by the UTC day. A
    Korean-peninsula monitor dates events by the local calendar, so when the time
    is known the event is dated by Korea Standard Time (UTC+9): a launch at
    20:34 UTC on 24 July 2019 is the morning of 25 July in Korea. Rows without a
    time keep the database's date. The summary names the database date when the
    two differ.

Grouping
    All rows on the same (Korean) day form one launch event, id ``cns-YYYY-MM-DD``;
    the summary says how many missiles were recorded. Titles and summaries are
    composed here from the structured fields (missile, type, launch site, apogee,
    distance, landing area, outcome); the database's description sentences are
    never copied.

Effect coding
    A missile launch is not in itself a breach of the 2018 inter-Korean texts
    (none of them bans missile launches as such), so no event is coded
    ``violates`` or ``reverses``. Where a particular launch is argued to breach
    a provision (say, one landing near the ``cma-2018`` maritime buffer zones),
    that belongs in a separately curated event with its own sources. An event whose
    missiles include an intercontinental ballistic missile (type ``ICBM`` in
    ``missile.en.json``) is linked to ``singapore-2018/3``, the DPRK's commitment
    to work toward complete denuclearisation, with the neutral effect
    ``mentions``: it is context an analyst weighing that provision should see.
    The database has no "nuclear-capable" field, and which shorter-range systems
    are nuclear-capable is contested, so only the ICBM class is linked
    (:data:`NUCLEAR_CONTEXT_TYPES`); every other launch carries no effect.
    Satellite launches (type ``SLV``) are kept as events but not linked.

Run ``python -m peacetrack.importers.cns_missile_tests DATA_DIR --out PATH.yaml``;
see ``docs/importers.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import yaml

from peacetrack.importers.cns_data import (
    FACILITY_FILE,
    MISSILE_FILE,
    OUTCOMES,
    TEST_FILE,
    CnsData,
    CnsDataError,
    Facility,
    Missile,
    Test,
    load,
)
from peacetrack.model.codebook import Effect, EventType
from peacetrack.model.records import FORMAT, EffectLink, Event, Source

SINCE = date(2017, 1, 1)
"""Tests dated before this (Korean) day are dropped."""
EXPECTED_MIN_TESTS = 339
"""Rows in ``test.en.json`` at nagix/nk-missile-tests commit a0cc6587; the command refuses fewer."""
ACTOR = "prk"
NUCLEAR_CONTEXT_TYPES = frozenset({"ICBM"})
"""Missile types whose launches get a ``mentions`` link to :data:`DENUCLEARISATION_PROVISION`."""
DENUCLEARISATION_PROVISION = "singapore-2018/3"
UNKNOWN_KEY = "unknown"
_KO_FAMILY = re.compile(r"^(Hwasong|Pukguksong|Chollima)-(\d+)$")
_KO_FAMILIES = {"Hwasong": "화성", "Pukguksong": "북극성", "Chollima": "천리마"}
_KO_TYPES = {"SLV": "위성운반로켓", "HGV": "극초음속 활공체(HGV)"}
_LANDINGS = {
    "sea-of-japan": "the Sea of Japan (East Sea)",
    "yellow-sea": "the Yellow Sea",
    "pacific-ocean": "the Pacific Ocean",
    "north-korea": "North Korean territory",
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

SOURCE_URL = "https://www.nti.org/analysis/articles/cns-north-korea-missile-test-database/"
SOURCE_TITLE = "CNS North Korea Missile Test Database"
SOURCE_PUBLISHER = "James Martin Center for Nonproliferation Studies (CNS) / NTI"
DATA_REPOSITORY_URL = "https://github.com/nagix/nk-missile-tests"

# ---------------------------------------------------------------- composing


def _long_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _km(value: float) -> str:
    return f"{int(value):,}" if value.is_integer() else f"{value:,.1f}"


def _km_range(values: list[float | None]) -> str | None:
    known = sorted({v for v in values if v is not None})
    if not known:
        return None
    if len(known) == 1:
        return f"{_km(known[0])} km"
    return f"{_km(known[0])}–{_km(known[-1])} km"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _join(parts: Sequence[str], conjunction: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"


def _ko_name(missile: Missile) -> str:
    if missile.key == UNKNOWN_KEY:
        return "기종 미상 미사일"
    m = _KO_FAMILY.match(missile.name)
    name = f"{_KO_FAMILIES[m[1]]}-{m[2]}형" if m else missile.name
    kind = _KO_TYPES.get(missile.type, missile.type)
    return name if missile.type.lower() == UNKNOWN_KEY else f"{name} {kind}"


def _en_name(missile: Missile) -> str:
    if missile.key == UNKNOWN_KEY:
        return "unidentified missile"
    return missile.name if missile.type.lower() == UNKNOWN_KEY else f"{missile.name} {missile.type}"


def _title(kinds: list[Missile], launches: int) -> dict[str, str]:
    satellite = all(m.type == "SLV" for m in kinds)
    en_noun = "launch" if satellite else "test"
    if launches > 1:
        en_noun += "es" if satellite else "s"
    en = f"{_join([_en_name(m) for m in kinds], 'and')} {en_noun}"
    ko = f"{_join([_ko_name(m) for m in kinds], '및')} {'발사' if satellite else '시험발사'}"
    return {"en": en[0].upper() + en[1:], "ko": ko}


def _outcomes(tests: list[Test]) -> str:
    counts = Counter(t.outcome for t in tests)
    if len(counts) == 1:
        outcome = next(iter(counts))
        if len(tests) == 1:
            return {"success": "successful", "failure": "failed", "unknown": "outcome unknown"}[outcome]
        return {
            "success": f"{'both' if len(tests) == 2 else f'all {len(tests)}'} successful",
            "failure": f"{'both' if len(tests) == 2 else f'all {len(tests)}'} failed",
            "unknown": "outcomes unknown",
        }[outcome]
    labels = {"success": "successful", "failure": "failed", "unknown": "of unknown outcome"}
    return ", ".join(f"{counts[o]} {labels[o]}" for o in OUTCOMES if counts[o])


def _site_name(site: Facility) -> str:
    """The facility's name, with the database's one recurring misspelling ("missle") corrected."""
    return re.sub(r"\b([Mm])issle\b", r"\1issile", site.name)


def _group_sentence(missile: Missile, site: Facility, tests: list[Test]) -> str:
    label = _en_name(missile)
    label = label[0].upper() + label[1:]
    origin = "an unidentified site" if site.key == UNKNOWN_KEY else _site_name(site)
    facts = [f"{_plural(len(tests), 'launch', 'launches')} from {origin}"]
    if apogee := _km_range([t.apogee_km for t in tests]):
        facts.append(f"apogee {apogee}")
    if distance := _km_range([t.distance_km for t in tests]):
        facts.append(f"flew {distance}")
    areas = list(dict.fromkeys(t.landing for t in tests if t.landing is not None))
    if areas:
        names = [_LANDINGS.get(a, a.replace("-", " ")) for a in areas]
        facts.append(f"came down in {_join(names, 'or')}")
    facts.append(_outcomes(tests))
    return f"{label}: {', '.join(facts)}."


def _summary(day: date, tests: list[Test], data: CnsData) -> str:
    n = len(tests)
    lead = (
        f"The CNS database records one missile launch by North Korea on {_long_date(day)}."
        if n == 1
        else f"The CNS database records {n} missile launches by North Korea on {_long_date(day)},"
        " grouped here as one launch event."
    )
    sentences = [lead]
    groups: dict[tuple[str, str], list[Test]] = {}
    for t in tests:
        groups.setdefault((t.missile, t.facility), []).append(t)
    for (missile, facility), members in groups.items():
        sentences.append(_group_sentence(data.missiles[missile], data.facilities[facility], members))
    times = sorted({t.time_kst for t in tests if t.time_kst is not None})
    if times:
        span = times[0] if len(times) == 1 else f"{times[0]}–{times[-1]}"
        sentences.append(f"Launch {'time' if len(times) == 1 else 'times'} {span} Korea time (UTC+9).")
    db_dates = sorted({t.db_date for t in tests})
    if db_dates != [day.isoformat()]:
        pronoun = "it" if n == 1 else "them"
        sentences.append(f"The database dates {pronoun} by UTC day: {', '.join(db_dates)}.")
    return " ".join(sentences)


def _event(day: date, tests: list[Test], data: CnsData) -> Event:
    kinds = [data.missiles[k] for k in dict.fromkeys(t.missile for t in tests)]
    sites = [data.facilities[k] for k in dict.fromkeys(t.facility for t in tests) if k != UNKNOWN_KEY]
    effects = (
        [EffectLink(provision=DENUCLEARISATION_PROVISION, effect=Effect.MENTIONS)]
        if any(m.type in NUCLEAR_CONTEXT_TYPES for m in kinds)
        else []
    )
    return Event(
        id=f"cns-{day.isoformat()}",
        date=day,
        title=_title(kinds, len(tests)),
        summary={"en": _summary(day, tests, data)},
        type=EventType.WEAPONS_TEST,
        actors=[ACTOR],
        place="; ".join(_site_name(s) for s in sites) or None,
        sources=[Source(url=SOURCE_URL, title=SOURCE_TITLE, publisher=SOURCE_PUBLISHER)],
        effects=effects,
    )


def convert(data: CnsData, *, since: date = SINCE) -> list[Event]:
    """One event per Korean day with at least one test on or after ``since``, sorted by date."""
    kept = 0
    by_day: dict[date, list[Test]] = {}
    for t in data.tests:
        if t.day is not None and t.day >= since:
            by_day.setdefault(t.day, []).append(t)
            kept += 1
    events = []
    for day in sorted(by_day):
        tests = sorted(by_day[day], key=lambda t: (t.time_kst is None, t.time_kst or "", t.row))
        events.append(_event(day, tests, data))
    # Every kept row is in exactly one event, and ids are unique.
    if sum(len(v) for v in by_day.values()) != kept or len({e.id for e in events}) != len(events):
        raise RuntimeError("internal error: grouping lost or duplicated tests")
    return events


# ---------------------------------------------------------------- writing


def header() -> str:
    lines = [
        f"{FORMAT} bundle fragment: North Korean missile launches since {SINCE.isoformat()}"
        " as weapons-test events.",
        "Generated by: python -m peacetrack.importers.cns_missile_tests DATA_DIR --out FILE"
        " (do not edit by hand; rerun).",
        f"Source: {SOURCE_TITLE}, {SOURCE_PUBLISHER},",
        f"  {SOURCE_URL}",
        f"Input files: {TEST_FILE}, {MISSILE_FILE}, {FACILITY_FILE} from {DATA_REPOSITORY_URL}",
        "  (data/*.en.json), distributed under the Apache License 2.0; the data are CNS's.",
        "Titles and summaries are composed from the structured fields; no source text is copied.",
    ]
    return "".join(f"# {line}\n" for line in lines)


def to_yaml(events: Sequence[Event]) -> str:
    """The fragment as text: header comment, then ``format`` and ``events``; stable for equal input."""
    body = yaml.safe_dump(
        {"format": FORMAT, "events": [e.doc() for e in events]},
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return header() + body


__all__ = [
    "FACILITY_FILE",
    "MISSILE_FILE",
    "OUTCOMES",
    "SINCE",
    "SOURCE_URL",
    "TEST_FILE",
    "CnsData",
    "CnsDataError",
    "Facility",
    "Missile",
    "Test",
    "convert",
    "header",
    "load",
    "main",
    "to_yaml",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m peacetrack.importers.cns_missile_tests",
        description="Convert the CNS North Korea Missile Test Database (nagix/nk-missile-tests JSON) "
        "into a peacetrack/1 bundle fragment of weapons-test events.",
    )
    parser.add_argument(
        "data_dir",
        type=Path,
        metavar="DATA_DIR",
        help=f"folder holding {TEST_FILE}, {MISSILE_FILE} and {FACILITY_FILE}",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="PATH.yaml", help="file to write")
    parser.add_argument(
        "--min-tests",
        type=int,
        default=EXPECTED_MIN_TESTS,
        help="refuse input with fewer rows than this (default %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        data = load(args.data_dir, min_tests=args.min_tests)
    except CnsDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    events = convert(data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(to_yaml(events), encoding="utf-8", newline="\n")
    launches = sum(1 for t in data.tests if t.day is not None and t.day >= SINCE)
    print(
        f"{len(data.tests)} tests read, {launches} since {SINCE}, {len(events)} events written to {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
