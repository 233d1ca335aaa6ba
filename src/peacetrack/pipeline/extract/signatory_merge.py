"""One list from every signature block a letter holds: a list written twice (a comma list in the text
and a name a line below it, or the same list in Korean and in English) gives each signatory once, with
any mark either copy carries.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from peacetrack.model.languages import has_hangul, is_hangul
from peacetrack.pipeline.extract.names import bare_key
from peacetrack.pipeline.extract.signatory_lines import Name
from peacetrack.pipeline.registry import normalise_name

_DECLARED = re.compile(
    r"\bwe\s+are\s+(\d+)\s+(?:civil[\s-]+society\s+)?(?:organi[sz]ations|groups|ngos)"
    r"|^(\d+)\s+(?:civil[\s-]+society\s+)?organi[sz]ations\b|\bundersigned\s+(\d+)\s+organi[sz]ations"
    r"|(?<!외\s)(?<!외)\b(\d+)\s*개\s*(?:시민\s*사회\s*)?단체(?!\s*(?:가|와|이|의))",
    re.IGNORECASE | re.MULTILINE,
)


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if fuzz.ratio(a, b) >= 90:
        return True
    shorter, longer = sorted((a, b), key=len)
    return (
        len(shorter) >= 10 and fuzz.partial_ratio(shorter, longer) >= 96 and len(shorter) > len(longer) * 0.6
    )


def _key(text: str, name: Name) -> str:
    return bare_key(text[name.start : name.end])


def _contained(a: str, b: str) -> bool:
    """A piece of a name cut at an inner comma, in a list that repeats a fuller one."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 12 and fuzz.partial_ratio(shorter, longer) >= 92


def _declared(text: str) -> int | None:
    match = _DECLARED.search(text)
    return int(next(g for g in match.groups() if g)) if match else None


def _hangul_share(text: str, block: list[Name]) -> float:
    return sum(1 for name in block if has_hangul(text[name.start : name.end])) / max(1, len(block))


def _mostly_hangul(text: str) -> bool:
    """More Hangul syllables than Latin letters: a Korean text, when no language was detected for it."""
    return sum(1 for ch in text if is_hangul(ch)) > sum(1 for ch in text if ch.isascii() and ch.isalpha())


def _halves(text: str, block: list[Name]) -> list[list[Name]]:
    """A block that gives its names in one script and then, after a blank line, again in the other, as
    many each ("• Peace Boat …" / "" / "• 피스보트 …" under one heading), as its two lists; any other block
    whole (a list of foreign and Korean signers runs on without a break)."""
    half = len(block) // 2
    if half < 3 or len(block) % 2:
        return [block]
    first, second = block[:half], block[half:]
    between = text[first[-1].end : second[0].start]
    if re.search(r"\w", between) or not re.search(r"\n[^\S\n]*\n", between):
        return [block]  # a heading between them (two groups: "국내" …, "International" …), or no break
    if {_hangul_share(text, first), _hangul_share(text, second)} == {0.0, 1.0}:
        return [first, second]
    return [block]


def merge_blocks(text: str, blocks: list[list[Name]], language: str | None) -> list[Name]:
    """One list from all blocks, around a reference: the first with as many names as the text
    declares ("We are 55 organisations", "(8개)"), else the one with most names written a line each."""
    blocks = [half for block in blocks for half in _halves(text, block)]
    declared = _declared(text)
    exact = [block for block in blocks if declared is not None and len(block) == declared]
    if exact:
        reference = min(exact, key=lambda block: block[0].start)
    else:
        reference = max(blocks, key=lambda block: sum(1 for name in block if name.whole_line))
    blocks = [reference, *(block for block in blocks if block is not reference)]
    hangul = _hangul_share(text, reference)
    translated = [
        block
        for block in blocks[1:]
        if len(block) == len(reference) and abs(_hangul_share(text, block) - hangul) > 0.8
    ]
    if translated:
        # The same list given in the other language ("서명 단체 (국문)" under the English one): one list, in
        # the document's own language; a mark on the k-th name of either is the k-th signatory's.
        korean = language == "ko" if language in ("en", "ko") else _mostly_hangul(text)
        own, other = (reference, translated[0]) if (hangul > 0.5) == korean else (translated[0], reference)
        reference = [
            Name(n.start, n.end, n.mark or t.mark, n.ecosoc or t.ecosoc, n.whole_line)
            for n, t in zip(own, other, strict=True)
        ]
        blocks = [reference, *(block for block in blocks[1:] if not any(block is t for t in translated))]
    merged: list[Name] = []
    keys: list[str] = []
    for number, block in enumerate(blocks):
        for name in block:
            key = _key(text, name)
            if not key:
                continue
            # Within the reference only a name written twice is one; near matches are other lists' copies.
            found = next(
                (k for k, known in enumerate(keys) if known == key or (number and _same(key, known))), None
            )
            if found is None and number > 0:
                full = normalise_name(text[name.start : name.end])
                found = next(
                    (
                        k
                        for k, m in enumerate(merged)
                        if _contained(full, normalise_name(text[m.start : m.end]))
                    ),
                    None,
                )
                if found is None and declared is not None and len(merged) >= declared:
                    continue  # the reference already has every declared signatory
            if found is None:
                merged.append(name)
                keys.append(key)
            elif (name.mark and not merged[found].mark) or (name.ecosoc and not merged[found].ecosoc):
                merged[found] = Name(merged[found].start, merged[found].end, name.mark, name.ecosoc, True)
    return merged


__all__ = ["merge_blocks"]
