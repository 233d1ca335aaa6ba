"""Addressees as the bodies and people they name: courtesy wrappers cut, joint forms split.

A letter's address block, greeting and asks name their addressees in many ways:
"President and Members of the United Nations Security Council" is the Council;
"한미 양국 정부" and "the governments of the ROK and the DPRK" are two governments
each; "남과 북의 당국" is the two Koreas' authorities. An e-mail address, "all
parties" or "both governments" names no one the letter has not named already.

The words here are the languages' own (country abbreviations in Korean compounds,
titles, courtesy forms); which actor a name is comes from the registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from peacetrack.pipeline.extract.names import clean
from peacetrack.pipeline.records import NameRef

# Names that point back at addressees already named, or at everyone.
_NOBODY = re.compile(
    r"^(?:all|all\s+(?:parties|sides|states|of\s+you)|both(?:\s+(?:governments|sides|parties|leaders))?"
    r"|(?:the\s+)?(?:parties|two\s+governments|two\s+sides|governments?\s+concerned|council|committee)"
    r"|(?:the\s+)?(?:two|three|four|five)\s+(?:\w+\s+)?(?:leaders|governments|heads\s+of\s+state)"
    # a word pointing back: "these governments", "your four governments", "them also"
    r"|(?:these|those|your|our|their|its|such|either|this|that)\s+(?:\w+\s+){0,2}"
    r"(?:governments?|leaders?|countries|states|parties|sides|nations|administrations?|authorities)\b.*"
    r"|them\b.*"
    r"|(?:the\s+)?(?:administration|department|ministry|government|authorities|secretariat)"
    r"|(?:the\s+)?(?:council|committee)\s+and\s+(?:to\s+)?(?:the\s+)?(?:council|committee)"
    r"|(?:두|세|네|다섯|양)\s*(?:분\s*)?(?:나라\s*|개국\s*)?(?:정상|정부|지도자|당국)(?:들)?|[가-힣]"
    r"|(?:두|세|네|다섯)\s*분(?:\s*모두)?|.*\d\s*주년(?:을\s*맞아)?"  # "두 분"; an occasion ("광복 80주년")
    r"|each\s+(?:government|side|party)|every\s+member\b.*|senators|you|them|you\s+both|both\s+of\s+you"
    r"|양측|양국(?:\s*(?:정부|당국|의회))?|각국(?:\s*정부)?|각\s*정당|관련\s*당사국(?:들)?|당사국(?:들)?|여러분"
    r"|여야(?:\s*정당)?|(?:위원장|위원국|의장|위원|의원|장관|대사)(?:\s*대표)?(?:님)?(?:들)?"
    # a press release's recipients are the newsrooms, not whom it asks
    r"|(?:각\s*)?언론사\b.*|.*(?:담당\s*)?기자(?:\s*여러분)?|(?:news|press|media)\s*(?:desks?|editors?|outlets)\b.*"
    r"|journalists)$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\s*<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?\s*")
# Courtesy and office wrappers around the body or person meant, cut until none is left.
_LEADING = re.compile(
    r"^(?:(?:the\s+)?(?:president|chair(?:person|man)?)\s+and\s+(?:the\s+)?members\s+of\s+(?:the\s+)?"
    r"|(?:the\s+)?permanent\s+representatives?\s+of\s+(?:the\s+)?member\s+states\s+of\s+(?:the\s+)?"
    r"|(?:the\s+)?(?:members|chair(?:person|man)?)\s+of\s+(?:the\s+)?(?=(?-i:[A-Z0-9]))"
    r"|(?:the\s+)?(?:honou?rable|(?:his|her|their|your)\s+excellenc(?:y|ies)|h\.\s?e\.)\s+"
    r"|이에\s+|그리고\s+|공개\s*(?:서한|편지)\s*[:：]\s*|참\s*조\s*[:：]\s*|수\s*신\s*[:：]\s*|\[[^\]]{1,12}\]\s*|제\s*\d{1,2}\s*대\s+|\d{1,3}(?:st|nd|rd|th)\s+)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    # …and a note in brackets with a date or a colon: "(2024년 4월 의장국: 몰타)", "(as of 1 May)"
    r"(?:\s+[-–—]\s+.*|\s+secretariat|\s*\([^()]*(?:여러분|의원|members?)[^()]*\)|\s*\([^()]*(?:\d+\s*년|[:：])[^()]*\)"
    r"|\s*(?:\d+\s*개\s*)?(?:이사국|회원국)?\s*(?:주\s*유엔\s*)?(?:대표부|대표님?들?|대사님?들?)"
    r"|\s*(?:\d+\s*개\s*)?(?:이사국|회원국)(?:들)?(?:\s*(?:상주|주\s*유엔))?|\s*(?:님|여러분|귀하|께|귀중)|\s+and\s+(?:its|their)"
    r"|(?:(?<=위원회)|(?<=\)))\s*위원장(?:님)?)$",
    re.IGNORECASE,
)
# The Speaker and the members of the National Assembly address the Assembly.
_ASSEMBLY = re.compile(r"^(?P<body>[^\s]*국회)(?:의장|의원)(?:과|와|\s|및|들)*(?:[^\s]*국회)?(?:의원|의장)?$")

# Korean joint forms: "한미", "남·북·미", "남과 북의", "한미일 세" before a head word.
_KO_ATOMS = {
    "남한": "대한민국",
    "한국": "대한민국",
    "북한": "북한",
    "미국": "미국",
    "일본": "일본",
    "중국": "중국",
    "러시아": "러시아",
    "남": "대한민국",
    "한": "대한민국",
    "북": "북한",
    "미": "미국",
    "일": "일본",
    "중": "중국",
    "러": "러시아",
}
_KO_ATOM = "|".join(sorted(_KO_ATOMS, key=len, reverse=True))
_KO_JOINT = re.compile(
    rf"^(?P<list>(?:{_KO_ATOM})(?:\s*(?:[·・,、/]|과|와|및)?\s*(?:{_KO_ATOM}))+)\s*(?:의\s*)?"
    r"(?:(?:두|세|네|다섯|양)\s*)?(?:개?\s*(?:국|나라|국가)(?:들)?\s*)?(?P<head>정부|당국|의회|국회|정상|지도자)?(?:들)?$"
)
_KO_HEAD = {None: "정부", "국회": "의회"}
# Several addressees in one line: "대통령 이재명 / 국회의장 우원식 및 국회의원", "이재명 대통령과 국회",
# "대한민국 문재인 대통령; 조선민주주의인민공화국 김정은 국무위원장",
# "President Yoon and Chairman Kim".
_BETWEEN = re.compile(
    r"\s*;\s*|\s+/\s+|\s+및\s+|(?<=[가-힣])(?:과|와)\s+(?=[가-힣])|(?<=[가-힣)]),\s*(?=[가-힣])"
    r"|(?:,\s+(?:and\s+)?|\s+and\s+)(?:to\s+)?"
    r"(?=(?:president|chairman|chair|prime\s+minister|secretary|speaker|premier|general\s+secretary)\s+[A-Z])",
    re.IGNORECASE,
)
# Korean's unmarked "the government" (a South Korean text's own); "정부" alone is no actor to propose.
_UNMARKED_GOVERNMENT = frozenset({"정부", "우리 정부", "현 정부"})
# An address block's title first: "대통령 이재명" is "이재명 대통령".
_KO_TITLE_FIRST = re.compile(
    r"^(?P<title>대통령|국회의장|국무위원장|사무총장|총리|장관|의장)\s+(?P<who>[가-힣]{2,4})$"
)
_KO_OF_HEAD = re.compile(r"^(\S+)의\s+(정부|당국)$")  # "북의 당국" is "북 당국"
# English joint forms: "the governments of A, B and C", "the A and B governments".
_EN_JOINT = re.compile(
    r"^(?:the\s+)?(?:governments|leaders|authorities)\s+of\s+(?P<list>.+)$"
    r"|^(?:the\s+)?(?P<before>.+?\s+and\s+.+?)\s+governments$",
    re.IGNORECASE,
)
_AND_TO = re.compile(r",?\s+and\s+to\s+(?=(?:the\s+)?[A-Z])")
_EN_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _bare(name: str) -> str:
    """The name without the wrappers around it."""
    name = name.lstrip("| ")  # a table cell's bar before it
    while True:
        cut = _LEADING.sub("", name, count=1)
        cut = _EMAIL.sub(" ", cut).strip()
        cut = _TRAILING.sub("", cut).strip()
        if cut == name or not cut:
            return cut
        name = cut


def _korean_joint(name: str) -> list[str] | None:
    match = _KO_JOINT.match(name)
    if match is None:
        return None
    atoms = re.findall(_KO_ATOM, match.group("list"))
    if len(atoms) < 2:
        return None  # "북한 당국" is one
    head = match.group("head")
    countries = dict.fromkeys(_KO_ATOMS[atom] for atom in atoms)
    names = []
    for country in countries:
        word = _KO_HEAD.get(head, head)
        names.append("대한민국 국회" if country == "대한민국" and word == "의회" else f"{country} {word}")
    return names


def _english_joint(name: str) -> list[str] | None:
    match = _EN_JOINT.match(name)
    if match is None:
        return None
    listed = match.group("list") or match.group("before")
    # A name starts with a capital ("the" aside): "…, and China, as the parties concerned" ends the list.
    parts = [p.strip() for p in _EN_SPLIT.split(listed) if p.strip()]
    parts = [p for p in parts if re.match(r"(?:the\s+)?[A-Z]", p)]
    return [f"Government of {part}" for part in parts] if parts else None


def names_addressed(name: str) -> list[str]:
    """The addressees one written name stands for: none, itself without wrappers, or several."""
    name = _KO_OF_HEAD.sub(r"\1 \2", _bare(clean(name)))
    if not name or _NOBODY.match(name):
        return []
    after = _AND_TO.split(name)
    if len(after) > 1:  # "the governments of A and B, and to the Security Council"
        return [found for part in after for found in names_addressed(part)]
    joint = _korean_joint(name) or _english_joint(name)
    if joint is not None:
        return joint
    parts = [part for part in _BETWEEN.split(name) if part.strip()]
    if len(parts) > 1:
        return [found for part in parts for found in names_addressed(part)]
    assembly = _ASSEMBLY.match(name)
    if assembly is not None:
        return [assembly.group("body")]
    if name in _KO_ATOMS and len(name) == 1:
        return []  # the half of "남과 북은" a list split off: the joint form names both
    if name in _UNMARKED_GOVERNMENT:
        return ["대한민국 정부"]
    titled = _KO_TITLE_FIRST.match(name)
    return [f"{titled.group('who')} {titled.group('title')}" if titled else name]


def tidy(refs: Iterable[NameRef]) -> list[NameRef]:
    """Each addressee as the bodies and people it names, found where the original name was."""
    return [replace(ref, name=name) for ref in refs for name in names_addressed(ref.name)]


# "Government of X", "X 정부", "the Yoon government": the state X (or X's country) is meant.
_GOVERNMENT = (
    re.compile(r"^(?:the\s+)?(?:government|authorities|administration)\s+of\s+(?:the\s+)?(?P<who>.+)$", re.I),
    re.compile(r"^(?:the\s+)?(?P<who>.+?)(?:'s)?\s+(?:government|authorities|administration)$", re.I),
    re.compile(r"^(?P<who>.+?)\s*(?:정부|당국)$"),
)
# "President Yoon Suk Yeol", "Donald J. Trump, President of …", "조 바이든 미합중국 대통령": the person.
_TITLED = (
    re.compile(
        r"^(?:(?:US|U\.S\.|UN|ROK|DPRK)\s+)?(?:president|chairman|chair|prime\s+minister|secretary-general"
        r"|secretary\s+of\s+state|speaker|general\s+secretary|premier)\s+(?P<who>.+)$",
        re.I,
    ),
    re.compile(
        r"^(?P<who>[^,]+),\s+(?:the\s+)?(?:president|chairman|speaker|prime|secretary|premier)\b.*$", re.I
    ),
    re.compile(r"^(?P<who>.+?)\s+(?:\S+\s+)?(?:대통령|국무위원장|위원장|총리|사무총장|의장|장관)(?:님)?$"),
)


def cores(name: str) -> list[tuple[str, bool]]:
    """What to look up for an addressee the registry does not know as written: (name, is a government).

    A titled person may be written with more of their name than the registry has ("조셉 R. 바이든"),
    so the last word is tried too.
    """
    found: list[tuple[str, bool]] = []
    for pattern in _GOVERNMENT:
        match = pattern.match(name)
        if match is not None:
            found.append((match.group("who").strip(), True))
    for pattern in _TITLED:
        match = pattern.match(name)
        if match is not None:
            who = match.group("who").strip()
            found.append((who, False))
            if " " in who:
                found.append((who.rsplit(" ", 1)[1], False))
    return found
