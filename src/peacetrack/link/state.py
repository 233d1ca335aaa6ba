"""What an index keeps of each provision and coded event, and how it is saved to disk and read back.

A saved state holds term counts by id and digest, so a new process re-tokenises only what changed; it is
tied to the settings that shaped the counts (the index's ``key``) and ignored when they differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from peacetrack.link.bm25 import TermCounts, Vocabulary
from peacetrack.link.config import STATE_VERSION
from peacetrack.link.documents import ProvisionDoc
from peacetrack.link.precedents import Precedent


@dataclass(slots=True)
class Slot:
    doc: ProvisionDoc
    digest: str
    counts: TermCounts


@dataclass(slots=True)
class EventSlot:
    event: Precedent
    digest: str
    counts: TermCounts


def dump_state(key: str, vocab: Vocabulary, slots: dict[str, Slot], events: dict[str, EventSlot]) -> bytes:
    terms = list(vocab.ids)

    def saved(slot: Slot | EventSlot) -> list[Any]:
        counts = slot.counts
        return [
            slot.digest,
            [terms[i] for i in counts.ids.tolist()],
            [round(float(x), 4) for x in counts.tf.tolist()],
        ]

    entries = {pid: saved(slot) for pid, slot in slots.items()}
    held = {eid: saved(slot) for eid, slot in events.items()}
    return orjson.dumps({"version": STATE_VERSION, "key": key, "entries": entries, "events": held})


def load_state(
    raw: bytes, key: str, vocab: Vocabulary, slots: dict[str, Slot], events: dict[str, EventSlot]
) -> int:
    """Fill ``slots`` and ``events`` from :func:`dump_state` output made with the same ``key``; how many."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return 0
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION or data.get("key") != key:
        return 0
    restored = 0
    for kind in ("entries", "events"):
        for rid, entry in (data.get(kind) or {}).items():
            try:
                digest, terms, tfs = entry
                counts = vocab.counts(dict(zip(terms, tfs, strict=True)))
            except (TypeError, ValueError):
                continue
            if kind == "entries":
                placeholder = ProvisionDoc(id=rid, agreement_id="", ref="", text_en="")
                slots[rid] = Slot(placeholder, str(digest), counts)
            else:
                events[rid] = EventSlot(Precedent(id=rid, date="", text_en=""), str(digest), counts)
            restored += 1
    return restored


__all__ = ["EventSlot", "Slot", "dump_state", "load_state"]
