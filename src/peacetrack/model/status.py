"""A record's status, declared once: accepted records count; ingest proposes; review accepts or rejects."""

from __future__ import annotations

from typing import Final

ACCEPTED: Final = "accepted"
"""Counts everywhere: scores, pages, exports. Bundles import as accepted."""
PROPOSED: Final = "proposed"
"""Extracted by ingest, waiting for review; counts nowhere."""
REJECTED: Final = "rejected"
"""Turned down in review; kept, with its history, and counts nowhere."""

STATUSES: Final = (ACCEPTED, PROPOSED, REJECTED)
