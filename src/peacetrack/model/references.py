"""References between records, read from the one declaration on each field (``label(refers=..., role=...)``).

Validation checks every reference a record holds through :func:`references`; review collects the
actors a record names through it; the bundle-format docs list :func:`declared` (a test keeps them equal).
Adding a reference is a change to the field's declaration in :mod:`peacetrack.model.records`, nothing else.
"""

from __future__ import annotations

import types
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from peacetrack.model.records import KINDS, Record


@dataclass(frozen=True, slots=True)
class Declared:
    """One field that refers to other records: where it is, what it names, in which role."""

    path: str
    """Relative to the record, with ``[]`` for lists: ``provisions[].responsible[]``."""
    field: str
    target: str
    role: str
    many: bool


@dataclass(frozen=True, slots=True)
class Reference:
    """One id a record holds, at its JSON path relative to the record."""

    path: str
    target: str
    role: str
    value: str


def _model_of(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(the nested model in an annotation, whether it is a list)."""
    origin = get_origin(annotation)
    if origin in (list, tuple):
        inner, _ = _model_of(get_args(annotation)[0])
        return inner, True
    if origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            if arg is not type(None):
                return _model_of(arg)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def _is_list(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return any(_is_list(a) for a in get_args(annotation) if a is not type(None))
    return origin in (list, tuple)


def _refers(info: FieldInfo) -> tuple[str, str] | None:
    """(target, role) when the field is declared ``label(refers=..., role=...)``."""
    extra = info.json_schema_extra
    if isinstance(extra, dict) and isinstance(extra.get("refers"), str):
        return str(extra["refers"]), str(extra["role"])
    return None


@cache
def declared(model: type[BaseModel]) -> tuple[Declared, ...]:
    """Every reference field of ``model`` and of the models nested in it, in field order."""
    out: list[Declared] = []
    for name, info in model.model_fields.items():
        if (refers := _refers(info)) is not None:
            many = _is_list(info.annotation)
            out.append(Declared(f"{name}[]" if many else name, name, *refers, many))
            continue
        nested, many = _model_of(info.annotation)
        if nested is not None:
            prefix = f"{name}[]." if many else f"{name}."
            out += [Declared(prefix + d.path, d.field, d.target, d.role, d.many) for d in declared(nested)]
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Step:
    """How :func:`references` reads one field of a model: an id field, or a nested model to walk."""

    name: str
    target: str | None  # None: a nested model (or a list of them)
    role: str
    many: bool


@cache
def _steps(model: type[BaseModel]) -> tuple[_Step, ...]:
    # Read each model's declarations once; walking ``model_fields`` and ``json_schema_extra`` per record
    # was most of the time a 100,000-event import spent checking references.
    out: list[_Step] = []
    for name, info in model.model_fields.items():
        if (refers := _refers(info)) is not None:
            out.append(_Step(name, *refers, _is_list(info.annotation)))
            continue
        nested, many = _model_of(info.annotation)
        if nested is not None and declared(nested):
            out.append(_Step(name, None, "", many))
    return tuple(out)


def references(record: BaseModel) -> Iterator[Reference]:
    """Every id ``record`` holds in a declared reference field, at its path (provisions[2].themes[0])."""
    for step in _steps(type(record)):
        value = getattr(record, step.name)
        name = step.name
        if step.target is not None:
            if isinstance(value, list | tuple):
                for i, item in enumerate(value):
                    if item is not None:
                        yield Reference(f"{name}[{i}]", step.target, step.role, str(item))
            elif value is not None:
                yield Reference(name, step.target, step.role, str(value))
        elif isinstance(value, BaseModel):
            for ref in references(value):
                yield Reference(f"{name}.{ref.path}", ref.target, ref.role, ref.value)
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    for ref in references(item):
                        yield Reference(f"{name}[{i}].{ref.path}", ref.target, ref.role, ref.value)


def all_resolve(record: BaseModel, pools: Mapping[str, Container[str]]) -> bool:
    """Whether every id ``record`` holds is in the pool for its target: the quick test a bulk import
    runs on every record, building :func:`references` (with paths) only for a record that fails it."""
    for step in _steps(type(record)):
        value = getattr(record, step.name)
        if step.target is not None:
            pool = pools[step.target]
            if isinstance(value, list | tuple):
                if any(item is not None and str(item) not in pool for item in value):
                    return False
            elif value is not None and str(value) not in pool:
                return False
        elif isinstance(value, BaseModel):
            if not all_resolve(value, pools):
                return False
        elif isinstance(value, list | tuple) and not all(
            all_resolve(item, pools) for item in value if isinstance(item, BaseModel)
        ):
            return False
    return True


def actors_named(kind: str, doc: dict[str, Any]) -> list[str]:
    """The actor ids a stored document of ``kind`` refers to, each once, in order."""
    model: type[Record] = KINDS[kind]
    record = model.model_validate(doc)
    return list(dict.fromkeys(r.value for r in references(record) if r.target == "actor"))


def all_declared() -> dict[str, tuple[Declared, ...]]:
    """Per record kind, its reference fields."""
    return {kind: declared(model) for kind, model in KINDS.items()}
