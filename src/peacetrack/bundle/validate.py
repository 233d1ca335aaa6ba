"""Validate bundles as a whole before anything is written (docs/bundle-format.md).

Every problem is collected — shape, types, dates, levels, duplicate ids and
references that resolve neither in the input nor in the database — so a user
fixes a file once, not once per run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from pydantic import ValidationError

from peacetrack.bundle.load import Fragment
from peacetrack.errors import BadInput, Problem, json_path
from peacetrack.model.hosts import never_reason
from peacetrack.model.records import (
    FORMAT,
    KINDS,
    Actor,
    Agreement,
    Assessment,
    Event,
    Record,
    Theme,
)
from peacetrack.model.references import all_resolve, references

TOP_LEVEL = {"format", "meta", *KINDS}


@dataclass(frozen=True, slots=True)
class Located:
    record: Record
    file: str
    kind: str
    index: int  # the record is items ``kind[index]`` of its file

    @property
    def path(self) -> str:
        """The record's JSON path in its file, written only for a problem (a large import has none)."""
        return json_path([self.kind, self.index])


@dataclass
class Known:
    """What the database already holds, for resolving references."""

    actors: set[str] = field(default_factory=set)
    themes: dict[str, str | None] = field(default_factory=dict)  # id -> parent
    agreements: dict[str, date] = field(default_factory=dict)  # id -> signed
    provisions: dict[str, str] = field(default_factory=dict)  # id -> agreement id
    events: dict[str, date] = field(default_factory=dict)  # id -> date


@dataclass
class Validated:
    records: dict[str, list[Located]] = field(default_factory=lambda: {k: [] for k in KINDS})

    def count(self) -> int:
        return sum(len(v) for v in self.records.values())


def _pydantic_problems(file: str, base: Sequence[str | int], exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors():
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field"
        out.append(Problem(file, json_path([*base, *err["loc"]]), msg))
    return out


def _parse(fragments: Iterable[Fragment], problems: list[Problem]) -> Validated:
    result = Validated()
    for frag in fragments:
        data = frag.data
        if not isinstance(data, dict):
            problems.append(Problem(frag.file, "$", "a bundle must be an object with a 'format' field"))
            continue
        fmt = data.get("format")
        if fmt != FORMAT:
            problems.append(Problem(frag.file, "$.format", f"expected {FORMAT!r}, got {fmt!r}"))
        for key in data:
            if key not in TOP_LEVEL:
                problems.append(Problem(frag.file, json_path([key]), "unknown section"))
        for kind, model in KINDS.items():
            items = data.get(kind)
            if items is None:
                continue
            if not isinstance(items, list):
                problems.append(Problem(frag.file, json_path([kind]), "must be a list"))
                continue
            for i, item in enumerate(items):
                try:
                    record = model.model_validate(item)
                except ValidationError as exc:
                    problems.extend(_pydantic_problems(frag.file, [kind, i], exc))
                    continue
                result.records[kind].append(Located(record, frag.file, kind, i))
    return result


def _assessment_ids(items: list[Located]) -> None:
    # Assessments have no id in the format; derive a stable one so re-imports match.
    seen: Counter[str] = Counter()
    for loc in items:
        rec = loc.record
        assert isinstance(rec, Assessment)
        if rec.id is None:
            base = f"{rec.provision}@{rec.as_of.isoformat()}"
            seen[base] += 1
            rec.id = base if seen[base] == 1 else f"{base}#{seen[base]}"


def _duplicates(v: Validated, problems: list[Problem]) -> None:
    for kind, items in v.records.items():
        first: dict[str, Located] = {}
        for loc in items:
            rid = getattr(loc.record, "id", None)
            if not isinstance(rid, str):
                continue
            if rid in first:
                prev = first[rid]
                problems.append(
                    Problem(
                        loc.file,
                        f"{loc.path}.id",
                        f"duplicate id {rid!r} (first at {prev.file}: {prev.path})",
                    )
                )
            else:
                first[rid] = loc
        if kind == "agreements":
            for loc in items:
                assert isinstance(loc.record, Agreement)
                refs = Counter(p.ref for p in loc.record.provisions)
                for i, p in enumerate(loc.record.provisions):
                    if refs[p.ref] > 1:
                        problems.append(
                            Problem(
                                loc.file,
                                f"{loc.path}.provisions[{i}].ref",
                                f"duplicate provision ref {p.ref!r} in agreement {loc.record.id!r}",
                            )
                        )


class _Refs:
    """Reference checks against the union of the input and the database."""

    def __init__(self, v: Validated, known: Known, problems: list[Problem]) -> None:
        self.problems = problems
        r = v.records
        self.actors = known.actors | {x.record.id for x in r["actors"] if isinstance(x.record, Actor)}
        self.theme_parent = dict(known.themes)
        for x in r["themes"]:
            assert isinstance(x.record, Theme)
            self.theme_parent[x.record.id] = x.record.parent
        self.signed = dict(known.agreements)
        # An agreement in the input replaces its stored provisions wholesale.
        replaced = {x.record.id for x in r["agreements"] if isinstance(x.record, Agreement)}
        self.provision_agreement = {p: a for p, a in known.provisions.items() if a not in replaced}
        for x in r["agreements"]:
            assert isinstance(x.record, Agreement)
            self.signed[x.record.id] = x.record.signed
            for p in x.record.provisions:
                assert p.id is not None
                self.provision_agreement[p.id] = x.record.id
        self.event_dates = dict(known.events)
        for x in r["events"]:
            assert isinstance(x.record, Event)
            self.event_dates[x.record.id] = x.record.date


def _references(v: Validated, known: Known, problems: list[Problem], today: date) -> None:
    """Every declared reference resolves (model.references), then the checks no declaration can say."""
    refs = _Refs(v, known, problems)
    actors, themes, provisions = refs.actors, refs.theme_parent, refs.provision_agreement
    pools: dict[str, Mapping[str, Any] | set[str]] = {
        "actor": actors,
        "theme": themes,
        "agreement": refs.signed,
        "provision": provisions,
        "event": refs.event_dates,
    }
    for kind in KINDS:
        for loc in v.records[kind]:
            if all_resolve(loc.record, pools):
                _record_rules(loc, refs, problems, today)
                continue
            for ref in references(loc.record):
                if ref.value not in pools[ref.target]:
                    problems.append(
                        Problem(loc.file, f"{loc.path}.{ref.path}", f"unknown {ref.target} {ref.value!r}")
                    )
            _record_rules(loc, refs, problems, today)


def _record_rules(loc: Located, refs: _Refs, problems: list[Problem], today: date) -> None:
    record = loc.record
    if isinstance(record, Actor) and record.id in record.member_of:
        problems.append(Problem(loc.file, f"{loc.path}.member_of", "an actor cannot be a member of itself"))
    elif isinstance(record, Theme):
        themes = refs.theme_parent
        seen = {record.id}
        parent = record.parent
        while parent is not None and parent in themes:
            if parent in seen:
                problems.append(
                    Problem(loc.file, f"{loc.path}.parent", f"theme {record.id!r} is its own ancestor")
                )
                break
            seen.add(parent)
            parent = themes[parent]
    elif isinstance(record, Agreement):
        for j, p in enumerate(record.provisions):
            if p.id in p.part_of:
                where = f"{loc.path}.provisions[{j}].part_of[{p.part_of.index(p.id)}]"
                problems.append(Problem(loc.file, where, "a provision cannot be part of itself"))
    elif isinstance(record, Event) and record.date > today + timedelta(days=1):
        problems.append(Problem(loc.file, f"{loc.path}.date", f"{record.date} is in the future"))
    elif isinstance(record, Assessment):
        agreement = refs.provision_agreement.get(record.provision)
        signed = refs.signed.get(agreement) if agreement else None
        if signed and record.as_of < signed:
            problems.append(
                Problem(
                    loc.file,
                    f"{loc.path}.as_of",
                    f"{record.as_of} is before agreement {agreement!r} was signed ({signed})",
                )
            )
        for i, ev_id in enumerate(record.evidence):
            when = refs.event_dates.get(ev_id)
            if when and when > record.as_of:
                problems.append(
                    Problem(
                        loc.file,
                        f"{loc.path}.evidence[{i}]",
                        f"event {ev_id!r} ({when}) is dated after as_of {record.as_of}",
                    )
                )


def source_problems(kind: str, rid: str, doc: Record, where: str) -> list[tuple[str, str]]:
    """(path, reason) for every URL of a record on a host never accepted as a source."""
    out = []
    urls: list[tuple[str, str]] = []
    if isinstance(doc, Event):
        urls = [(f".sources[{i}].url", s.url) for i, s in enumerate(doc.sources)]
    elif (url := getattr(doc, "source", None)) is not None:
        urls = [(".source", url)]
    for path, url in urls:
        why = never_reason(url)
        if why is not None:
            out.append(
                (where + path, f"{kind[:-1]} {rid!r}: {url} is on a host never accepted as a source ({why})")
            )
    return out


def _sources(v: Validated, problems: list[Problem]) -> None:
    for kind, items in v.records.items():
        for loc in items:
            rid = str(getattr(loc.record, "id", None) or loc.path)
            for path, reason in source_problems(kind, rid, loc.record, ""):
                problems.append(Problem(loc.file, loc.path + path, reason))


def validate(
    fragments: Iterable[Fragment], known: Known | None = None, *, today: date | None = None
) -> Validated:
    """Check everything; raise BadInput listing every problem, or return the records."""
    problems: list[Problem] = []
    v = _parse(fragments, problems)
    _assessment_ids(v.records["assessments"])
    _duplicates(v, problems)
    _references(v, known or Known(), problems, today or date.today())
    _sources(v, problems)
    if problems:
        raise BadInput(problems)
    return v
