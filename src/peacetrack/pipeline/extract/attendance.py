"""How many people attended a gathering, as a notice or a report states it ("150여 명이 참석했다",
"some 300 participants took part", "참석 인원: 80명") — never a capacity, a registration count or a view
count. Read from the whole text; the mark says where.
"""

from __future__ import annotations

import re

from peacetrack.pipeline.extract.fields import EXTRACTOR
from peacetrack.pipeline.records import Count, Mark

# Said plainly ("120 participants attended", "참석자 120명"): read first, as found.
_STATED = (
    # A total beside its parts: "현장 45명과 온라인 130명 등 모두 175명이 참여", "a total of 175 people …".
    re.compile(
        r"(?:모두|총|합계|전체)\s*(?P<n>\d[\d,]*)\s*(?:여\s*)?명(?:이|의)?\s*(?:\S+\s+)?(?:참석|참가|참여)"
        r"|\ba\s+total\s+of\s+(?P<total>\d[\d,]*)\s+(?:people|participants|attendees|persons|delegates)"
        r"\s+(?:\w+\s+){0,2}?(?:attended|participated|joined|took\s+part)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:brought\s+together|gathered|drew|welcomed|attracted)\s+(?:some|about|around|approximately|nearly"
        r"|over|more\s+than|almost)?\s*(?P<n>\d[\d,]*)\s+(?:\w+\s+){0,2}?(?:people|participants|attendees"
        r"|delegates|guests|representatives)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<n>\d[\d,]*)\s+(?:people|participants|attendees|persons|individuals|delegates|guests)"
        r"\s+(?:\w+\s+){0,2}?(?:attended|participated|joined|took\s+part|were\s+present)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\battended\s+by\s+(?:\w+\s+){0,3}?(?P<n>\d[\d,]*)\s+(?:people|participants|attendees|persons)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?:참석|참가|참여)(?:\s*(?:인원|자\s*수|자))?(?:은|는|이|가)?\s*[:：|]?\s*(?:약|총|모두)?\s*(?P<n>\d[\d,]*)"
        r"\s*(?:여\s*)?명"
    ),
    re.compile(r"(?P<n>\d[\d,]*)\s*(?:여\s*)?명(?:이|의)?\s*(?:\S+\s+)?(?:참석|참가|참여)"),
)
# Said in other ways: kept only where nothing around the number speaks of capacity, registrations or views.
_ATTEND = (
    re.compile(
        r"(?:some|about|around|approximately|nearly|over|more\s+than|almost)?\s*(?P<n>\d[\d,]*)\s*\+?\s+"
        r"(?:\w+\s+){0,3}?(?:people|participants|attendees|persons|individuals|delegates|guests|members|experts"
        r"|activists|students|researchers|representatives|officials)\s+(?:\w+\s+){0,3}?"
        r"(?:attended|participated|joined|took\s+part|gathered|were\s+present|came)",
        re.IGNORECASE,
    ),
    re.compile(r"\battended\s+by\s+(?:some|about|around|nearly|over|more\s+than)?\s*(?P<n>\d[\d,]*)", re.I),
    re.compile(
        r"(?:participants|attendance|attendees)\s*[:：]\s*(?:about|approximately|some)?\s*(?P<n>\d[\d,]*)",
        re.I,
    ),
    re.compile(
        r"(?P<n>\d[\d,]*)\s*(?:여\s*)?명(?:\s*가량|\s*정도|\s*이상)?(?:이|의\s*[가-힣]+(?:이|가))?\s*(?:참석|참가|참여|함께)"
    ),
    re.compile(
        r"참(?:석|가)\s*(?:자|인원|규모)\s*(?:수)?\s*(?:는|은|:|：|\|)?\s*(?:[가-힣]{1,4}\s*)?(?:참(?:석|가)자\s*)?"
        r"(?:약\s*)?(?P<n>\d[\d,]*)\s*(?:여\s*)?명"
    ),
    re.compile(
        r"(?:some|about|around|approximately|nearly|over|more\s+than|almost)?\s*(?P<n>\d[\d,]*)\s+"
        r"(?:[^\W\d_][\w'’-]*,?\s+){0,8}?(?:attended|took\s+part|participated|gathered|joined\s+(?:the|us))\b",
        re.IGNORECASE,
    ),
)
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORDED = re.compile(
    r"\b(?P<n>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven"
    r"|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten)\s+"
    r"(?:participants|people|experts|delegates|attendees|guests)\s+(?:took\s+part|attended|participated|joined)",
    re.IGNORECASE,
)


def _worded(value: str) -> int:
    tens, _, unit = value.casefold().partition("-")
    if tens in _TENS:
        return _TENS[tens] + (_NUMBER_WORDS.get(unit, 0) if unit else 0)
    return _NUMBER_WORDS.get(tens, 0)


_NOT_ATTENDANCE = re.compile(
    r"limited|capacity|up\s+to|maximum|seats?|registered|registrations?|views?|viewers|watched|선착순|정원|최대"
    r"|신청|조회|시청|접속|좌석|모집|제한|한정|부\b|copies|invited",
    re.IGNORECASE,
)


def _mark_group(match: re.Match[str], group: str) -> Mark:
    return Mark(match.start(group), match.end(group), match.group(group), EXTRACTOR)


def attendance(text: str) -> Count | None:
    for pattern in _STATED:
        match = pattern.search(text)
        if match is not None:
            group = "n" if match.group("n") else "total"
            return Count(int(match.group(group).replace(",", "")), _mark_group(match, group))
    for pattern in _ATTEND:
        for match in pattern.finditer(text):
            # What stands around the number in its own clause: "Of the 243 people who registered, 162 joined"
            # speaks of registrations before the comma, of attendance after it.
            at = match.start()
            clause = max(text.rfind(",", 0, at), text.rfind(";", 0, at), at - 41)
            around = text[max(0, clause + 1) : match.end() + 10]
            if _NOT_ATTENDANCE.search(around) and not re.search(r"attended|참석했|참가했|참석한", around):
                continue
            return Count(int(match.group("n").replace(",", "")), _mark_group(match, "n"))
    worded = _WORDED.search(text)
    if worded is not None:
        return Count(_worded(worded.group("n")), _mark_group(worded, "n"))
    return None


__all__ = ["attendance"]
