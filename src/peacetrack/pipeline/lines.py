"""Lines of normalised text, and what starts a list item: shared by the readers and the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A bullet, "1." / "(a)" / "iv)" / "가." numbering, 첫째 / 하나, or a time slot ("09:30"): a line that
# starts so begins an item of its own and never continues the line before it.
LIST_MARKER = (
    r"[-•·▪■□▶▷◆◇○●※*–—†‡§]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Z][.)]\s|\(?[ivxIVX]{1,4}[.)]\s"
    r"|[가-하][.)]\s|\d{1,2}\s*[:：]\s*\d{2}|(?:첫|둘|셋|넷|다섯)째|하나[,，]"
)
OPENS_ITEM = re.compile(rf"^(?:{LIST_MARKER})")
"""A line (or its text after the indent) that starts with a list marker."""


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of every line, empty ones included."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1
