"""Read bundle files (JSON or YAML) and the bundled datasets named ``@name``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import yaml

from peacetrack.errors import BadInput, Problem

DATASETS = Path(__file__).resolve().parent.parent / "datasets"


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so the model reports bad ones precisely."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class Fragment:
    """One parsed file: its name (as the user will recognise it) and its object."""

    file: str
    data: Any


def dataset_names() -> list[str]:
    return sorted(p.name for p in DATASETS.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def dataset_files(name: str) -> list[Path]:
    root = DATASETS / name
    if not root.is_dir():
        known = ", ".join(f"@{n}" for n in dataset_names()) or "none"
        raise BadInput([Problem(f"@{name}", "$", f"no bundled dataset of that name (known: {known})")])
    return sorted(p for p in root.rglob("*") if p.suffix in {".yaml", ".yml", ".json"} and p.is_file())


def parse_bytes(name: str, raw: bytes) -> Fragment:
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".json":
            return Fragment(name, orjson.loads(raw))
        text = raw.decode("utf-8")
        return Fragment(name, yaml.load(text, Loader=_Loader))
    except RecursionError:
        raise BadInput(
            [Problem(name, "$", "nested too deeply to read (lists or maps inside each other)")]
        ) from None
    except UnicodeDecodeError as exc:
        raise BadInput([Problem(name, "$", f"not UTF-8 text (byte {exc.start})")]) from None
    except orjson.JSONDecodeError as exc:
        raise BadInput([Problem(name, "$", f"invalid JSON: {exc}")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise BadInput([Problem(name, "$", f"invalid YAML{where}: {problem}")]) from None


def load(sources: Iterable[str]) -> list[Fragment]:
    """Parse every named file or dataset; report every unreadable one together."""
    fragments: list[Fragment] = []
    problems: list[Problem] = []
    for source in sources:
        if source.startswith("@"):
            try:
                paths = dataset_files(source[1:])
            except BadInput as exc:
                problems.extend(exc.problems)
                continue
            root = DATASETS / source[1:]
            named = [(f"{source}/{p.relative_to(root)}", p) for p in paths]
        else:
            named = [(source, Path(source))]
        for name, path in named:
            try:
                fragments.append(parse_bytes(name, path.read_bytes()))
            except FileNotFoundError:
                problems.append(Problem(name, "$", "no such file"))
            except IsADirectoryError:
                problems.append(Problem(name, "$", "is a folder, not a bundle file"))
            except PermissionError:
                problems.append(Problem(name, "$", "permission denied"))
            except BadInput as exc:
                problems.extend(exc.problems)
    if problems:
        raise BadInput(problems)
    return fragments
