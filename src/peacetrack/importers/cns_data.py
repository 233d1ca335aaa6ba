"""The CNS North Korea Missile Test Database as read from its JSON files: every row checked.

The importer (cns_missile_tests.py) turns what this module reads into events; see that module for the
source and what is kept.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

TEST_FILE = "test.en.json"
MISSILE_FILE = "missile.en.json"
FACILITY_FILE = "facility.en.json"

KST = timedelta(hours=9)
OUTCOMES = ("success", "failure", "unknown")

_MISSING = frozenset({"unknown", "na", "n/a", ""})
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_TIME = re.compile(r"^(\d{2}):(\d{2}) \(UTC\)$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


class CnsDataError(ValueError):
    """The input does not have the shape this importer was written for."""


@dataclass(frozen=True)
class Missile:
    key: str
    name: str
    type: str


@dataclass(frozen=True)
class Facility:
    key: str
    name: str


@dataclass(frozen=True)
class Test:
    """One row of ``test.en.json``, checked."""

    row: int
    """0-based position among all rows, in file order."""
    db_date: str
    """The date as the database gives it: ``YYYY-MM-DD`` (UTC day) or ``YYYY-MM``."""
    day: date | None
    """The Korean calendar day (see the module docstring); ``None`` for month-only dates."""
    time_utc: str | None
    """``HH:MM`` as the database gives it, ``None`` when unknown."""
    time_kst: str | None
    """The same moment on the Korean clock (UTC+9)."""
    missile: str
    facility: str
    landing: str | None
    apogee_km: float | None
    distance_km: float | None
    outcome: str


@dataclass(frozen=True)
class CnsData:
    missiles: dict[str, Missile]
    facilities: dict[str, Facility]
    tests: list[Test]


# ---------------------------------------------------------------- reading


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise CnsDataError(f"{path}: file not found") from None
    except json.JSONDecodeError as exc:
        raise CnsDataError(f"{path}: not valid JSON ({exc})") from None


def _name_field(where: str, entry: Any, field: str) -> str:
    if not isinstance(entry, dict):
        raise CnsDataError(f"{where}: expected an object, got {type(entry).__name__}")
    value = entry.get(field)
    if not isinstance(value, str) or not value.strip():
        raise CnsDataError(f"{where}, field {field!r}: expected a non-empty string, got {value!r}")
    return value.strip()


def load_missiles(path: Path) -> dict[str, Missile]:
    raw = _read_json(path)
    if not isinstance(raw, dict) or not raw:
        raise CnsDataError(f"{path}: expected an object of missiles keyed by id")
    return {
        str(key): Missile(
            key=str(key),
            name=_name_field(f"{path.name} missile {key!r}", entry, "name"),
            type=_name_field(f"{path.name} missile {key!r}", entry, "type"),
        )
        for key, entry in raw.items()
    }


def load_facilities(path: Path) -> dict[str, Facility]:
    raw = _read_json(path)
    table = raw.get("facilities") if isinstance(raw, dict) else None
    if not isinstance(table, dict) or not table:
        raise CnsDataError(f'{path}: expected {{"facilities": {{id: {{"name": ...}}}}}}')
    return {
        str(key): Facility(key=str(key), name=_name_field(f"{path.name} facility {key!r}", entry, "name"))
        for key, entry in table.items()
    }


def _number(value: Any) -> float | None:
    """A distance in km, ``None`` when the database marks it unknown; raises ValueError."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number of km or 'unknown', got {value!r}")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and value.strip().lower() in _MISSING:
        return None
    elif isinstance(value, str) and _NUMBER.match(value.strip()):
        number = float(value.strip())
    else:
        raise ValueError(f"expected a number of km or 'unknown', got {value!r}")
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"expected a non-negative number of km, got {value!r}")
    return number


class _FieldError(ValueError):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem


def _parse_row(
    row: int, raw: Any, bin_year: int | None, data: tuple[dict[str, Missile], dict[str, Facility]]
) -> Test:
    missiles, facilities = data
    if not isinstance(raw, dict):
        raise ValueError(f"expected an object, got {type(raw).__name__}")

    def text(field: str) -> str:
        value = raw.get(field)
        if not isinstance(value, str) or not value.strip():
            raise _FieldError(field, f"expected a non-empty string, got {value!r}")
        return value.strip()

    db_date = text("date")
    day: date | None = None
    if m := _DAY.match(db_date):
        try:
            utc_day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise _FieldError("date", f"{db_date!r} is not a real calendar date") from None
    elif m := _MONTH.match(db_date):
        utc_day = None
        if not 1 <= int(m[2]) <= 12:
            raise _FieldError("date", f"{db_date!r} is not a real month")
    else:
        raise _FieldError("date", f"expected YYYY-MM-DD (or YYYY-MM), got {db_date!r}")
    if bin_year is not None and int(db_date[:4]) != bin_year:
        raise _FieldError("date", f"{db_date!r} is filed under year {bin_year}")

    time_text = text("time")
    clock: tuple[int, int] | None = None
    if t := _TIME.match(time_text):
        clock = (int(t[1]), int(t[2]))
        if clock[0] > 23 or clock[1] > 59:
            raise _FieldError("time", f"{time_text!r} is not a real time of day")
    elif time_text.lower() not in _MISSING:
        raise _FieldError("time", f"expected 'HH:MM (UTC)' or 'unknown', got {time_text!r}")

    time_kst: str | None = None
    if utc_day is not None:
        if clock is None:
            day = utc_day
        else:
            local = datetime(utc_day.year, utc_day.month, utc_day.day, *clock) + KST
            day, time_kst = local.date(), local.strftime("%H:%M")

    missile = text("missile")
    if missile not in missiles:
        raise _FieldError("missile", f"{missile!r} is not in {MISSILE_FILE}")
    facility = text("facility")
    if facility not in facilities:
        raise _FieldError("facility", f"{facility!r} is not in {FACILITY_FILE}")
    landing = text("landing")
    outcome = text("outcome").lower()
    if outcome not in OUTCOMES:
        raise _FieldError("outcome", f"expected one of {', '.join(OUTCOMES)}, got {outcome!r}")
    measures: dict[str, float | None] = {}
    for field in ("apogee", "distance"):
        if field not in raw:
            raise _FieldError(field, "missing")
        try:
            measures[field] = _number(raw[field])
        except ValueError as exc:
            raise _FieldError(field, str(exc)) from None
    return Test(
        row=row,
        db_date=db_date,
        day=day,
        time_utc=None if clock is None else f"{clock[0]:02d}:{clock[1]:02d}",
        time_kst=time_kst,
        missile=missile,
        facility=facility,
        landing=None if landing.lower() in _MISSING else landing,
        apogee_km=measures["apogee"],
        distance_km=measures["distance"],
        outcome=outcome,
    )


def load_tests(path: Path, missiles: dict[str, Missile], facilities: dict[str, Facility]) -> list[Test]:
    raw = _read_json(path)
    bins = raw.get("timeBins") if isinstance(raw, dict) else None
    if not isinstance(bins, list) or not bins:
        raise CnsDataError(f'{path}: expected {{"timeBins": [{{"data": [...]}}, ...]}}')
    tests: list[Test] = []
    for b, time_bin in enumerate(bins):
        rows = time_bin.get("data") if isinstance(time_bin, dict) else None
        if not isinstance(rows, list):
            raise CnsDataError(f"{path.name} timeBins[{b}]: expected an object with a 'data' list")
        year = time_bin.get("year")
        bin_year = year if isinstance(year, int) and not isinstance(year, bool) else None
        for i, entry in enumerate(rows):
            where = f"{path.name} row {len(tests)} (timeBins[{b}].data[{i}])"
            try:
                tests.append(_parse_row(len(tests), entry, bin_year, (missiles, facilities)))
            except _FieldError as exc:
                raise CnsDataError(f"{where}, field {exc.field!r}: {exc.problem}") from None
            except ValueError as exc:
                raise CnsDataError(f"{where}: {exc}") from None
    return tests


def load(data_dir: Path, *, min_tests: int = 0) -> CnsData:
    """Read and check the three files; raise :class:`CnsDataError` on any problem."""
    if not data_dir.is_dir():
        raise CnsDataError(f"{data_dir}: not a folder")
    missiles = load_missiles(data_dir / MISSILE_FILE)
    facilities = load_facilities(data_dir / FACILITY_FILE)
    tests = load_tests(data_dir / TEST_FILE, missiles, facilities)
    if len(tests) < min_tests:
        raise CnsDataError(
            f"{data_dir / TEST_FILE}: expected at least {min_tests} tests, found {len(tests)}"
            " (truncated or different file?)"
        )
    return CnsData(missiles=missiles, facilities=facilities, tests=tests)
