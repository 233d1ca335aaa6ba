"""The field table of docs/bundle-format.md names every field of the model, marked as the model declares it
(issue 12): `{}` a language map, `[]` a list, `?` optional; a nested list's fields in brackets after it."""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from peacetrack.model.records import KINDS, Agreement

DOCS = Path(__file__).resolve().parent.parent / "docs" / "bundle-format.md"


def _parts(annotation: Any) -> tuple[Any, bool]:
    """(the annotation without Annotated and None, whether it is a list)."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        elif origin in (list, tuple):
            inner, _ = _parts(get_args(annotation)[0])
            return inner, True
        else:
            return annotation, False


def _expected(model: type[BaseModel]) -> list[tuple[str, list[Any]]]:
    out: list[tuple[str, list[Any]]] = []
    for name, info in model.model_fields.items():
        inner, many = _parts(info.annotation)
        token = name + ("{}" if get_origin(inner) is dict and not many else "") + ("[]" if many else "")
        if not info.is_required() and not many:
            token += "?"
        nested = inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
        if nested is not None and not (model is Agreement and name == "provisions"):  # a row of its own
            out.append((token, _expected(nested)))
        else:
            out.append((token, []))
    return out


def _written(cell: str) -> list[tuple[str, list[Any]]]:
    """The backticked names of a cell, each with the names in the brackets right after it."""
    out: list[tuple[str, list[Any]]] = []
    depth = 0
    for match in re.finditer(r"`([^`]+)`|\(|\)", cell):
        token = match.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif depth == 0:
            out.append((match.group(1), []))
        elif depth == 1 and out:
            out[-1][1].append((match.group(1), []))
    return out


def _rows() -> dict[str, str]:
    """The fields cell of each row of the table that opens the page, by kind (and `provisions`)."""
    text = DOCS.read_text(encoding="utf-8")
    table = text[text.index("| kind | fields") :].split("\n\n")[0]
    rows = {}
    for line in table.splitlines():
        found = re.match(r"^\| (?:— )?`(\w+)` \| (.+?) \|[^|]*\|$", line)
        if found:
            rows[found.group(1)] = found.group(2)
    return rows


def test_the_field_table_is_the_model() -> None:
    rows = _rows()
    for kind, model in KINDS.items():
        assert _written(rows[kind]) == _expected(model), kind
    provisions = Agreement.model_fields["provisions"].annotation
    assert _written(rows["provisions"]) == _expected(get_args(provisions)[0])
