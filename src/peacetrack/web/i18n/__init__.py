"""The pages' own words, in English and Korean, read from one YAML file per language.

Labels of record fields and codes come from the model and the codebook; this
catalogue holds only what the interface itself says (headings, buttons, hints).

A message is a string with ``{name}`` placeholders, or, where English needs a
plural, a mapping ``{one: ..., other: ...}`` chosen by the ``n`` argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
LANGS: tuple[str, ...] = ("en", "ko")

Message = str | Mapping[str, str]


def _flatten(prefix: str, node: Any, out: dict[str, Message], source: Path) -> None:
    if isinstance(node, str):
        out[prefix] = node
        return
    if not isinstance(node, dict):
        raise ValueError(f"{source}: {prefix or 'top level'} must be a string or a mapping")
    if node and set(node) <= {"one", "other"} and all(isinstance(v, str) for v in node.values()):
        if "other" not in node:
            raise ValueError(f"{source}: plural {prefix} needs an 'other' form")
        out[prefix] = dict(node)
        return
    for key, value in node.items():
        _flatten(f"{prefix}.{key}" if prefix else str(key), value, out, source)


def read_messages(lang: str) -> dict[str, Message]:
    """Every message of one language, by dotted key."""
    path = HERE / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, Message] = {}
    _flatten("", data, out, path)
    return out


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The messages of one language; call it with a key and the placeholders' values."""

    lang: str
    messages: Mapping[str, Message]

    def __call__(self, key: str, /, **values: Any) -> str:
        message = self.messages.get(key)
        if message is None:
            raise KeyError(f"no message {key!r} in the {self.lang} catalogue")
        if not isinstance(message, str):
            n = values.get("n")
            message = message.get("one", message["other"]) if n == 1 else message["other"]
        return message.format(**values) if values else message

    def has(self, key: str) -> bool:
        return key in self.messages


def load_catalogues() -> dict[str, Catalogue]:
    """One catalogue per language, read from disk (call once per app)."""
    return {lang: Catalogue(lang, read_messages(lang)) for lang in LANGS}
