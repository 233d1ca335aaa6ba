"""Validate bundles as a whole before anything is written (SPEC section 2).

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
    Gathering,
    Process,
    Record,
    Statement,
    Theme,
)

TOP_LEVEL = {"format", "meta", *KINDS}


@dataclass(frozen=True, slots=True)
class Located:
    record: Record
    file: str
    path: str  # JSON path of the record in its file


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
                result.records[kind].append(Located(record, frag.file, json_path([kind, i])))
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

    def check(
        self,
        loc: Located,
        field_path: str,
        values: Iterable[str | None],
        pool: Mapping[str, Any] | set[str],
        what: str,
    ) -> None:
        for i, value in enumerate(values):
            if value is not None and value not in pool:
                self.problems.append(
                    Problem(loc.file, f"{loc.path}.{field_path}".format(i=i), f"unknown {what} {value!r}")
                )


def _references(v: Validated, known: Known, problems: list[Problem], today: date) -> None:
    refs = _Refs(v, known, problems)
    actors, themes, provisions = refs.actors, refs.theme_parent, refs.provision_agreement
    r = v.records
    for loc in r["processes"]:
        pr = loc.record
        assert isinstance(pr, Process)
        refs.check(loc, "agreements[{i}]", pr.agreements, refs.signed, "agreement")
    for loc in r["actors"]:
        a = loc.record
        assert isinstance(a, Actor)
        refs.check(loc, "member_of[{i}]", a.member_of, actors, "actor")
        if a.id in a.member_of:
            problems.append(
                Problem(loc.file, f"{loc.path}.member_of", "an actor cannot be a member of itself")
            )
    for loc in r["themes"]:
        th = loc.record
        assert isinstance(th, Theme)
        refs.check(loc, "parent", [th.parent], themes, "theme")
        seen = {th.id}
        parent = th.parent
        while parent is not None and parent in themes:
            if parent in seen:
                problems.append(
                    Problem(loc.file, f"{loc.path}.parent", f"theme {th.id!r} is its own ancestor")
                )
                break
            seen.add(parent)
            parent = themes[parent]
    for loc in r["agreements"]:
        ag = loc.record
        assert isinstance(ag, Agreement)
        refs.check(loc, "parties[{i}]", ag.parties, actors, "actor")
        refs.check(loc, "signatories[{i}]", ag.signatories, actors, "actor")
        for j, p in enumerate(ag.provisions):
            refs.check(loc, f"provisions[{j}].themes[{{i}}]", p.themes, themes, "theme")
            refs.check(loc, f"provisions[{j}].responsible[{{i}}]", p.responsible, actors, "actor")
            refs.check(loc, f"provisions[{j}].part_of[{{i}}]", p.part_of, provisions, "provision")
            if p.id in p.part_of:
                where = f"{loc.path}.provisions[{j}].part_of[{p.part_of.index(p.id)}]"
                problems.append(Problem(loc.file, where, "a provision cannot be part of itself"))
    for loc in r["events"]:
        ev = loc.record
        assert isinstance(ev, Event)
        refs.check(loc, "actors[{i}]", ev.actors, actors, "actor")
        refs.check(loc, "effects[{i}].provision", [e.provision for e in ev.effects], provisions, "provision")
        if ev.date > today + timedelta(days=1):
            problems.append(Problem(loc.file, f"{loc.path}.date", f"{ev.date} is in the future"))
    for loc in r["assessments"]:
        a_ = loc.record
        assert isinstance(a_, Assessment)
        refs.check(loc, "provision", [a_.provision], provisions, "provision")
        refs.check(loc, "evidence[{i}]", a_.evidence, refs.event_dates, "event")
        agreement = provisions.get(a_.provision)
        signed = refs.signed.get(agreement) if agreement else None
        if signed and a_.as_of < signed:
            problems.append(
                Problem(
                    loc.file,
                    f"{loc.path}.as_of",
                    f"{a_.as_of} is before agreement {agreement!r} was signed ({signed})",
                )
            )
        for i, ev_id in enumerate(a_.evidence):
            when = refs.event_dates.get(ev_id)
            if when and when > a_.as_of:
                problems.append(
                    Problem(
                        loc.file,
                        f"{loc.path}.evidence[{i}]",
                        f"event {ev_id!r} ({when}) is dated after as_of {a_.as_of}",
                    )
                )
    for loc in r["statements"]:
        st = loc.record
        assert isinstance(st, Statement)
        refs.check(loc, "signatories[{i}]", st.signatories, actors, "actor")
        refs.check(loc, "addressees[{i}]", st.addressees, actors, "actor")
        for j, d in enumerate(st.demands):
            refs.check(loc, f"demands[{j}].addressee", [d.addressee], actors, "actor")
            refs.check(loc, f"demands[{j}].provisions[{{i}}]", d.provisions, provisions, "provision")
            refs.check(loc, f"demands[{j}].themes[{{i}}]", d.themes, themes, "theme")
    for loc in r["gatherings"]:
        g = loc.record
        assert isinstance(g, Gathering)
        refs.check(loc, "hosts[{i}]", g.hosts, actors, "actor")
        refs.check(loc, "sponsors[{i}]", g.sponsors, actors, "actor")
        for j, s in enumerate(g.sessions):
            refs.check(loc, f"sessions[{j}].speakers[{{i}}]", s.speakers, actors, "actor")


def source_problems(kind: str, rid: str, doc: Record, where: str) -> list[tuple[str, str]]:
    """(path, reason) for every URL of a record on a host never accepted as a source."""
    out = []
    urls: list[tuple[str, str]] = []
    if isinstance(doc, Event):
        urls = [(f"{where}.sources[{i}].url", s.url) for i, s in enumerate(doc.sources)]
    elif (url := getattr(doc, "source", None)) is not None:
        urls = [(f"{where}.source", url)]
    for path, url in urls:
        why = never_reason(url)
        if why is not None:
            out.append((path, f"{kind[:-1]} {rid!r}: {url} is on a host never accepted as a source ({why})"))
    return out


def _sources(v: Validated, problems: list[Problem]) -> None:
    for kind, items in v.records.items():
        for loc in items:
            rid = str(getattr(loc.record, "id", None) or loc.path)
            for path, reason in source_problems(kind, rid, loc.record, loc.path):
                problems.append(Problem(loc.file, path, reason))


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
