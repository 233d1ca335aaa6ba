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
    # "…, bringing total attendance to 200 people", "Total attendance was 310"
    re.compile(
        r"\btotal\s+(?:attendance|participation|number\s+of\s+(?:participants|attendees))\s+(?:to|of|was|reached"
        r"|stood\s+at)\s+(?:about|some|around|over|more\s+than|nearly)?\s*(?P<n>\d[\d,]*)",
        re.IGNORECASE,
    ),
    # A total beside its parts: "현장 45명과 온라인 130명 등 모두 175명이 참여", "a total of 175 people …"
    # (its parts may stand between, in brackets: "A total of 86 participants (52 in the room …) took part").
    re.compile(
        r"(?:모두|총|합계|전체)\s*(?P<n>\d[\d,]*)\s*(?:여\s*)?명(?:이|의)?\s*(?:\S+\s+)?(?:참석|참가|참여)"
        r"|\ba\s+total\s+of\s+(?P<total>\d[\d,]*)\s+(?:people|participants|attendees|persons|delegates)"
        r"\b(?:(?!regist|sign(?:ed)?\s+up|,\s*but\b)[^.;]){0,160}?\b(?:attended|participated|joined|took\s+part)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:brought\s+together|gathered|drew|welcomed|attracted)\s+(?:some|about|around|approximately|nearly"
        r"|over|more\s+than|almost)?\s*(?P<n>\d[\d,]*)\s+(?:[\w-]+\s+){0,3}?(?:people|participants|attendees"
        r"|delegates|guests|representatives|officials|experts|scholars|researchers|activists|practitioners)\b",
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
    # People who filled the room: "청년 약 80명이 자리를 채웠습니다", "회원 40여 명이 함께했다"
    re.compile(r"(?P<n>\d[\d,]*)\s*(?:여\s*)?명이\s*(?:자리를\s*(?:채웠|메웠|가득)|함께\s*(?:했|하였))"),
    # Not a label below it: "선착순 100명\n참가비 | 무료" is no attendance.
    re.compile(
        r"(?P<n>\d[\d,]*)\s*(?:여\s*)?명(?:이|의)?\s*(?:\S+\s+)?(?:참석|참가|참여)(?!비|\s*(?:신청|대상|자격|방법))"
    ),
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
    # "양국 청년 48명이 캠프 전 일정에 참가했습니다", "70여 명이 접속해": a few words may come between.
    re.compile(
        r"(?P<n>\d[\d,]*)\s*(?:여\s*)?명(?:\s*가량|\s*정도|\s*이상)?(?:이|가|의\s*[가-힣]+(?:이|가))?"
        # no other case ending after the count ("30명과 함께", "12명으로 시작해" say no attendance)
        r"(?:\s*(?:참석|참가|참여|함께|접속해|접속했)|\s+(?:[^\s\d.]+\s+){1,3}?(?:참석|참가|참여|접속해|접속했))"
        r"(?!비|\s*(?:신청|대상|자격|방법))"
    ),
    re.compile(
        r"(?:참석|참가|참여|접속)한\s*(?:인원|사람|이)(?:은|는|이)?\s*(?:모두|총|약)?\s*(?P<n>\d[\d,]*)\s*(?:여\s*)?명"
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
    r"|신청|조회|시청|접속|좌석|모집|제한|한정|이내|이하|부\b|copies|invited",
    re.IGNORECASE,
)


# A limit said after the number: "49명 이내로 제한", "49명으로 제한되며", "30 people maximum".
_LIMITED = re.compile(
    # (possessive: a long run of spaces is not tried again a space at a time)
    r"[^\S\n]*+(?:여[^\S\n]*+)?(?:명[^\S\n]*+)?(?:이내|이하|까지|(?:으)?로[^\S\n]*+제한|한정|만[^\S\n]*+(?:입장|참석)"
    r"|(?:(?:people|participants|persons|seats)[^\S\n]++)?(?:maximum|max\.|at\s+most|limit))",
    re.IGNORECASE,
)


_DID_ATTEND = re.compile(r"attended|참석했|참가했|참여했|참석한|참가한|참여한|접속해|접속했|접속하여")

# A labelled line or table row: "참석 인원 | 현장 126명, Zoom 접속 58명 (총 184명)", "□ 참석 : … 등 총 24명",
# "총 참석 | 209 | 현장 + 온라인", "Participants | Approximately 180 attendees, …", "Participants 87 (…)".
_LABEL = re.compile(
    r"^[^\S\n]*(?:[^\w\s]{1,3}[^\S\n]*|[가-하][.)][^\S\n]*)?(?:"
    r"(?:총[^\S\n]*)?참[^\S\n]*(?:석|가|여)[^\S\n]*(?:인[^\S\n]*원|자[^\S\n]*수|자|규[^\S\n]*모)?[^\S\n]*[:：|]"
    r"|(?:participants|attendance|attendees|number\s+of\s+participants)[^\S\n]*(?:[:：|]|(?=[^\S\n]+"
    r"(?:about|approximately|around|some|over|more\s+than)?[^\S\n]*\d)))(?P<value>[^\n]+)",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_TOTAL = re.compile(r"(?:총|모두|합계|in\s+all|total(?:\s+of)?)[^\S\n]*(?P<n>\d[\d,]*)", re.IGNORECASE)
_LABEL_NUMBER = re.compile(
    # a count of people ("현장 126명", "180 attendees"), or a bare number that is the whole first value
    # ("총 참석 | 209 | …", "Participants 87 (…)"): a date, a room or an age is none
    r"(?P<n>\d[\d,]*)(?:[^\S\n]*(?:여[^\S\n]*)?명|[^\S\n]+(?:[a-z-]+\s+){0,3}?(?:people|participants|attendees"
    r"|persons|delegates|guests|experts|officials|representatives)\b)"
    r"|^[^\S\n]*(?:about|approximately|around|some|약)?[^\S\n]*(?P<bare>\d[\d,]*)[^\S\n]*(?:\||$|\()",
    re.IGNORECASE,
)
_NOT_COUNTED_BEFORE = re.compile(
    r"신청|등록|정원|좌석|모집|선착순|최대|조회|registered|capacity|seats|up\s+to", re.I
)

# A part the total includes: "발표·토론자 28명 포함 연인원 150여 명", "5 speakers included".
_PART = re.compile(r"\s*(?:포함|included|including)", re.IGNORECASE)


def _labelled(text: str) -> Count | None:
    """The number a labelled line gives: its total, else its first count of people that is not a
    registration, a capacity or a part of the total (nor inside brackets, where those usually stand)."""
    for line in _LABEL.finditer(text):
        value = line.group("value")
        found = _LABEL_TOTAL.search(value) or next(
            (
                m
                for m in _LABEL_NUMBER.finditer(value)
                if value[: m.start()].count("(") <= value[: m.start()].count(")")
                and not _NOT_COUNTED_BEFORE.search(value[max(0, m.start() - 12) : m.start()])
                and not _PART.match(value, m.end())
                and not _LIMITED.match(value, m.end("bare") if m.group("bare") else m.end("n"))
            ),
            None,
        )
        if found is not None:
            group = "bare" if found.groupdict().get("bare") else "n"
            at = line.start("value") + found.start(group)
            number = found.group(group)
            return Count(int(number.replace(",", "")), Mark(at, at + len(number), number, EXTRACTOR))
    return None


def _mark_group(match: re.Match[str], group: str) -> Mark:
    return Mark(match.start(group), match.end(group), match.group(group), EXTRACTOR)


# A table of attendance under its heading ("3. 참석 현황" / "구분 | 인원 | 비고" / … / "합계 | 92명 | …"): its
# total row.
_TABLE_HEADING = re.compile(
    # (numbered perhaps, in Roman numerals too: "Ⅲ. 참석 현황", "III. Attendance")
    r"^[^\S\n]*(?:\W{0,3}|\d{1,2}[.)]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][.)]?|[IVX]{1,4}[.)])?[^\S\n]*"
    r"(?:(?:참석|참가|참여)(?:자)?[^\S\n]*(?:현황|인원|규모)"
    r"|attendance|participation|participants)[^\S\n]*[:：]?[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_TOTAL_CELL = re.compile(r"^(?:합\s*계|총\s*계|총\s*(?:인원|참석|참가)?|계|total|in\s+total)$", re.IGNORECASE)
_COUNT_CELL = re.compile(
    r"^(?:약\s*)?(?P<n>\d[\d,]*)\s*(?:여\s*)?(?:명|people|participants)?$", re.IGNORECASE
)
_ATTENDED_COLUMN = re.compile(r"참석|참가|참여|인원|attend|participa|present", re.IGNORECASE)
_TABLE_ROWS = 12  # lines under the heading looked at


def _column(header: list[str]) -> int | None:
    """The header's column of people who attended: not one of registrations, seats or views."""
    return next(
        (
            k
            for k, cell in enumerate(header)
            if _ATTENDED_COLUMN.search(cell) and not _NOT_COUNTED_BEFORE.search(cell)
        ),
        None,
    )


def _table_total(text: str) -> Count | None:
    for heading in _TABLE_HEADING.finditer(text):
        pos = heading.end() + 1
        header: list[str] | None = None
        for line in text[pos:].split("\n")[:_TABLE_ROWS]:
            if line.strip() and "|" not in line:
                if header is None and line.rstrip().endswith((":", "：")):
                    # "Attendance over the two days was as follows:" introduces the table under the heading
                    pos += len(line) + 1
                    continue
                break  # the table has ended (a blank line may stand between the heading and it)
            raw = line.split("|")
            cells = [cell.strip() for cell in raw]
            if header is None and "|" in line:
                header = cells
            elif _TOTAL_CELL.match(cells[0]):
                wanted = _column(header or [])
                numbers = [k for k in range(1, len(cells)) if _COUNT_CELL.match(cells[k])]
                k = wanted if wanted in numbers else (numbers[0] if numbers else None)
                count = _COUNT_CELL.match(cells[k]) if k is not None else None
                if k is None or count is None:
                    return None
                number = count.group("n")
                at = pos + sum(len(cell) + 1 for cell in raw[:k]) + raw[k].index(number)
                return Count(int(number.replace(",", "")), Mark(at, at + len(number), number, EXTRACTOR))
            pos += len(line) + 1
    return None


def attendance(text: str) -> Count | None:
    table = _table_total(text)
    if table is not None:
        return table
    labelled = _labelled(text)
    if labelled is not None:
        return labelled
    for pattern in _STATED:
        for match in pattern.finditer(text):
            group = "n" if match.group("n") else "total"
            if _LIMITED.match(text, match.end(group)):
                continue  # "현장 참석 인원은 49명 이내로 제한됩니다": a limit, not who came
            return Count(int(match.group(group).replace(",", "")), _mark_group(match, group))
    for pattern in _ATTEND:
        for match in pattern.finditer(text):
            # What stands around the number in its own clause: "Of the 243 people who registered, 162 joined"
            # speaks of registrations before the comma, of attendance after it.
            at = match.start()
            clause = max(text.rfind(",", 0, at), text.rfind(";", 0, at), at - 41)
            around = text[max(0, clause + 1) : match.end() + 10]
            if _NOT_ATTENDANCE.search(around) and not _DID_ATTEND.search(around):
                continue
            return Count(int(match.group("n").replace(",", "")), _mark_group(match, "n"))
    worded = _WORDED.search(text)
    if worded is not None:
        return Count(_worded(worded.group("n")), _mark_group(worded, "n"))
    return None


__all__ = ["attendance"]
