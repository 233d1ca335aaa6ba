"""Put a record back as it stood after one of its revisions: itself a new revision, never an erasure.

The old document goes through the same validation as an import (the references it makes must still
resolve), and the write is recorded with its author and a reason naming the revision restored.
"""

from __future__ import annotations

from peacetrack.bundle.importer import write_fragments
from peacetrack.bundle.load import Fragment
from peacetrack.errors import BadInput, Problem
from peacetrack.model.records import FORMAT, KINDS
from peacetrack.store import Store
from peacetrack.store.revisions import history


def revert(store: Store, kind: str, record_id: str, revision: int, *, author: str) -> bool:
    """Write the record as revision `revision` left it; False when it is already so (nothing written)."""
    where = f"{kind}/{record_id}"
    if kind not in KINDS:
        raise BadInput([Problem(where, "$", f"only records can be reverted; kinds: {', '.join(KINDS)}")])
    with store.write() as conn:
        revs = {r.id: r for r in history(conn, kind, record_id)}
        chosen = revs.get(revision)
        if chosen is None:
            known = ", ".join(str(r) for r in revs) or "none"
            raise BadInput(
                [Problem(where, "$", f"no revision {revision} of this record (its revisions: {known})")]
            )
        if chosen.new is None:
            raise BadInput(
                [Problem(where, "$", f"revision {revision} deleted the record: nothing to restore")]
            )
        todo = write_fragments(
            conn,
            [Fragment(f"{where}@{revision}", {"format": FORMAT, kind: [chosen.new]})],
            author=author,
            reason=f"revert to revision {revision} ({chosen.at:%Y-%m-%d %H:%M} UTC)",
        )
        if todo.empty:
            return False
    return True
