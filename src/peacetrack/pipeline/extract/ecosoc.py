"""Which signatories a document marks as holding ECOSOC consultative status.

A symbol after a name counts only when a legend line ties that symbol to ECOSOC
or consultative status; a sentence outside the signature lists may also name
the organisations that hold it. The signature reader finds the names and their
symbols; this module says which symbols and sentences mean ECOSOC.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peacetrack.pipeline.extract.names import bare_key
from peacetrack.pipeline.registry import normalise_name

ECOSOC = re.compile(r"ECOSOC|consultative\s+status|경제사회이사회|협의\s*지위", re.IGNORECASE)
# The symbols a name may carry: asterisks, daggers, superscript digits and letters, [1], (1), (주1), [a], 1),
# ◎, stars and filled shapes.
SYMBOL = r"\*+|[†‡§]+|[¹²³⁴⁵⁶⁷⁸⁹]+|[ᵃᵇᶜᵈ]|\[\d\]|\(\d\)|\(주\s*\d\)|\[[a-d]\]|[◎★☆✱✝⁺※◆◇♦▲●■]"
# A capital in brackets after a name ("Peace Boat (C)") marks it only where a legend says so ("(C) = in
# consultative status …"); at a line's start it heads a group ("(A) Organizations based in Korea").
LETTER_MARK = r"(?-i:\([A-Z]\))"
# "주1) …": a Korean footnote; "※ * 표시: …": the reference mark before the symbol it explains
_LEGEND = re.compile(rf"^(?:주\s*|note\s*|※\s*)?({SYMBOL}|\d\))", re.IGNORECASE)
_PLAIN_DIGIT = re.compile(r"^(\d)\s+\S")
# A symbol a sentence names: "marked with an asterisk (*)", "(†)".
_NAMED_SYMBOL = re.compile(
    r"\(([*†‡§¹²³◎★])\)|\b(?:marked|indicated|flagged)\s+(?:(?:with|by)\s+)?(?:an?\s+)?([*†‡§])"
    # "* denotes an organization in …", "(C) = in consultative status …"
    r"|(?:^|[\s(;])([*†‡§◆●■]|\([A-Z]\))\s*(?:denotes|indicates|marks|means|=)\s"
)
_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def legend_symbols(text: str) -> set[str]:
    """The symbols that a legend line ties to ECOSOC status."""
    symbols: set[str] = set()
    for line in text.split("\n"):
        line = line.strip()
        if ECOSOC.search(line) and (named := _NAMED_SYMBOL.findall(line)):
            # "Organisations marked with an asterisk (*) hold consultative status …"
            symbols.update(symbol for pair in named for symbol in pair if symbol)
            continue
        legend = _LEGEND.match(line) or _PLAIN_DIGIT.match(line)
        if legend is not None and ECOSOC.search(line):
            symbol = legend.group(1)
            symbols.add(symbol)
            # A footnote digit set plain in the legend ("1 Organisation in …", "주1) …") marks names
            # raised ("¹").
            symbols.add(symbol.translate(_RAISED))
            symbols.add(symbol.rstrip(")").translate(_RAISED))
            if re.fullmatch(r"\d\)", symbol):
                symbols.add(f"(주{symbol}")  # "주1) …" explains the "(주1)" after a name
    return symbols


_CUT_LINE = 45  # characters: a line shorter than this ends where its author ended it
_SENTENCE_END = re.compile(r"[.!?。:：]['\"’”)]*\s*$|다\s*$")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _cut_sentences(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut over several lines, each as one span: a line that stops mid-sentence joined with those
    after it up to the sentence's end or a gap ("Among the signatories, the World Council of Churches, Pax"
    / "Christi International …"). A sentence on one line is not among them: it is a line already."""
    spans: list[tuple[int, int]] = []
    first: int | None = None  # where the sentence being joined began
    last = 0  # where the line before ended
    for start, end in [*lines, (len(text), len(text))]:  # (an empty line after the last one ends it)
        line = text[start:end]
        if not line.strip():
            if first is not None and first < last and text.count("\n", first, last):
                spans.append((first, last))  # a cut sentence that ends at a gap
            first = None
        elif _SENTENCE_END.search(line) or len(line.strip()) < _CUT_LINE:  # a short line was not cut
            if first is not None:
                spans.append((first, end))
            first = None
        elif first is None:
            first = start
        last = end
    return spans


def named_in_sentences(text: str, names: Sequence[str], lists: Sequence[tuple[int, int]]) -> set[int]:
    """Indexes of the names that a sentence outside the `lists` spans names as holding ECOSOC status."""
    marked: set[int] = set()
    lines = _line_spans(text)
    # each line, and each sentence cut over lines (a span that reaches into a list is skipped: its lines
    # are still read one by one)
    for start, end in [*lines, *_cut_sentences(text, lines)]:
        paragraph = text[start:end]
        if not ECOSOC.search(paragraph) or any(a <= start < b or start <= a < end for a, b in lists):
            continue
        folded = " " + normalise_name(paragraph) + " "
        for k, value in enumerate(names):
            variants = {bare_key(value), normalise_name(value)}
            variants.update(normalise_name(inner) for inner in re.findall(r"[(\[]([^)\]]+)[)\]]", value))
            # A Korean name may carry its particle: "환경운동연합은".
            if any(
                len(v) >= 2 and re.search(rf" {re.escape(v)}(?:[은는이가도과와의]| )", folded)
                for v in variants
            ):
                marked.add(k)
    return marked
