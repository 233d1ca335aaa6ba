"""The one organisation a statement comes from when it carries no signature list: the sender line,
the "About …" note of a press release, the organisation's name under the text (after its date), or
the name before the genre word at its head ("참여연대 평화군축센터 논평")."""

from __future__ import annotations

import re

from peacetrack.pipeline.extract.names import KOREAN_BODY_WORDS
from peacetrack.pipeline.extract.signatory_lines import is_date_line, is_prose
from peacetrack.pipeline.records import Extractor, Mark, NameRef

EXTRACTOR = Extractor("statements", "1.0")

_ABOUT = re.compile(
    r"^About\s+(?P<short>[^:\n]{2,80}):\s+(?:The\s+)?(?P<full>[A-Z][^\n]{2,120}?)\s+(?:is|was|works|has)\b",
    re.MULTILINE,
)
_SENDER = re.compile(
    r"^(?:발\s?신|보낸\s*이|from)\s*[:：]\s*(?P<name>[^\n(<@]{2,60}?)\s*(?:[(<].*)?$",
    re.IGNORECASE | re.MULTILINE,
)
# What an organisation's name ends with: "참여연대 평화군축센터", "한국기독교교회협의회", "Peace Network".
_ORGANISATION = re.compile(
    rf"(?:{KOREAN_BODY_WORDS})$"
    r"|\b(?:Committee|Network|Coalition|Cent(?:er|re)|Council|Alliance|Foundation|Institute|Association|Campaign"
    r"|Movement|Federation|Union|Forum|Solidarity|Society|Church|League|Initiative|Action|Bureau)\b"
)
# After the name: the signer's office and name, or "(직인생략)": "한국기독교교회협의회 총무 이홍정".
_OFFICE = re.compile(
    r"\s+(?:상임\s*|공동\s*)?(?:총무|회장|대표|이사장|사무총장|사무처장|위원장|원장|소장|센터장|의장)\b.*$|\s*[(（]직인\s*생략[)）]\s*$"
)
# Lines after the text that are not its sender: the end mark, contacts, rules, tags, attachments.
_AFTER_TEXT = re.compile(
    r"^(?:[-–<(\[]?\s*끝\s*[-–>)\]]?\.?|#{3}|-{3,}.*|={3,}.*|[-=_*~]{5,}|#\S.*|문\s*의\s*[:：].*|담\s*당\s*[:：].*"
    r"|(?:media\s+)?contacts?\s*[:：].*|첨부.*|공개\s*구분.*|※.*|\(?(?:end|ends)\)?\.?)$",
    re.IGNORECASE,
)
_GENRE_HEAD = re.compile(
    r"^(?P<name>[^|\n]{2,40}?)\s*(?:\|\s*)?(?:논\s*평|성\s*명\s*서?|보도\s*자료|입\s*장\s*문)(?:\s*\|.*)?$"
)


def _organisation(line: str) -> str | None:
    name = _OFFICE.sub("", line.strip()).strip()
    words = name.split()
    if (
        not 1 <= len(words) <= 6
        or len(name) > 50
        or name.endswith((".", "다", ":", "!", "?"))
        or is_prose(name)
    ):
        return None
    return name if _ORGANISATION.search(words[-1]) or _ORGANISATION.search(name) else None


def _closing_name(text: str) -> tuple[str, int] | None:
    """The organisation named under the text: the last line before what follows a statement."""
    end = len(text)
    for line in reversed(text.splitlines(keepends=True)):
        end -= len(line)
        value = line.strip()
        if not value or _AFTER_TEXT.match(value) or is_date_line(value):
            continue
        name = _organisation(value)
        return (name, end + line.index(name)) if name is not None else None
    return None


def _head_name(text: str) -> tuple[str, int] | None:
    """The organisation at the head: before its genre word, or on the line after the date."""
    lines = [(m.start(), m.group().strip()) for m in re.finditer(r"[^\n]+", text[:600])]
    for k, (at, value) in enumerate(lines[:6]):
        head = _GENRE_HEAD.match(value)
        if head is not None and (name := _organisation(head.group("name"))) is not None:
            return name, text.index(name, at)
        if is_date_line(value) and k + 1 < len(lines):
            after_at, after = lines[k + 1]
            if (name := _organisation(after)) is not None:
                return name, text.index(name, after_at)
    return None


def issuer(text: str) -> tuple[NameRef, ...]:
    """The organisation a statement without a signature block comes from, where it says so."""
    about = _ABOUT.search(text)
    if about is not None:
        found: tuple[str, int] | None = (about.group("full").strip(), about.start("full"))
    else:
        sender = _SENDER.search(text[:2000])
        found = (sender.group("name").strip(), sender.start("name")) if sender else None
    found = found or _closing_name(text) or _head_name(text)
    if found is None:
        return ()
    name, at = found
    return (NameRef(name, Mark(at, at + len(name), name, EXTRACTOR)),)
