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

RUNS_ON_END = re.compile(r"(?:\b(?:and|of|for|the|in|on|to|at|de|du|des|für|und)|[,&–-])$", re.IGNORECASE)
"""A line that ends on a small word or a joining mark: a name or a sentence goes on past it ("Women's
International League for Peace and" / "Freedom")."""

BARE_NUMBER = re.compile(
    r"[ \t]*(\d{1,2})[ \t]+"
    r"(?!(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?)(?=[A-Z가-힣(\"'“‘])"
)
"""A list item's number without its stop ("1 Restore …", a Word list's numbers in a PDF); used with
match() at a line's start, and only where numbers count on in turn. Not a day before its month
("1 August 2024")."""


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of every line, empty ones included."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1
