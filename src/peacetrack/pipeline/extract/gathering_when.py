"""When a gathering met, and who held it, as a notice or a report first says it: the sentence that names
its hosts and its date ("… hosted by X and Y on 14 May"), and the date on a line of the notice's head.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from peacetrack.model.codebook import Precision
from peacetrack.pipeline.extract.dates import DatePhrase, phrases_within
from peacetrack.pipeline.extract.hosts import SPONSORED
from peacetrack.pipeline.records import DateValue, Sentence

HOST_VERB = re.compile(
    r"\b(?:co-?)?host(?:ed|s|ing)?\b|\borgani[sz]ed\b|\bconvened\b|\bheld\b"
    # where or when it met ("took place in Paju", "gathered in Washington"), not "took place a week after …"
    r"|\btook\s+place\s+(?:in|at|on|from|online|virtually)\b|\b(?:gathered|came\s+together)\s+in\b"
    r"|개최|주최|열렸|열린다|열립니다|마련",
    re.IGNORECASE,
)
_TITLE_WORDS = r"Conference|Forum|Symposium|Seminar|Workshop|Congress|Dialogue|Roundtable|Summit"
TITLE_KEY = re.compile(rf"\b(?:{_TITLE_WORDS})\b")
KO_TITLE = re.compile(
    r"[「『《<“]([^」』》>”]*(?:회의|포럼|토론회|심포지엄|세미나|컨퍼런스|대회)[^」』》>”]*)[」』》>”]"
)


_SUMMIT = re.compile(
    r"\bsummit\s+between\b[^.]{0,120}?\b(?:took\s+place|was\s+held)\b|정상\s*회담[^.]{0,60}?(?:열렸|개최)",
    re.IGNORECASE,
)


# A sentence that tells of another meeting than this one: an earlier or later one, a follow-up.
ANOTHER = re.compile(
    r"\b(?:follow-?up|(?:the\s+|our\s+)?(?:first|previous|earlier|last|next)\s+(?:[\w-]+\s+)?(?:one|meeting|conference|forum"
    r"|gathering|consultation|edition)|plan(?:s|ned)?\s+to\s+hold|preparatory|(?:which|that)\s+(?:was|were)\s+also\s+held\s+in)\b"
    r"|지난\s*(?:해|회|행사)|첫\s*(?:번째\s*)?(?:회의|행사)|(?:후속|사전|준비)\s*(?:회의|모임|행사)",
    re.IGNORECASE,
)


# A programme table's row, its day or time first, that names the hosts only as people in it ("13 June |
# Opening session: welcome by the hosts | Open"): no sentence about who held the meeting. (A head row,
# "14–15 June 2023 | Seoul | Hosted by Peace Network", and a row of labels may be one.)
_PROGRAMME_ROW = re.compile(r"[^|\n]{0,20}\d[^|\n]{0,20}\s\|[^|\n]+\|")
_HOSTS_NOUN = re.compile(r"\b(?:the|our|both|two)\s+(?:co-?)?hosts?\b", re.IGNORECASE)


# A sentence that dates another meeting than this one: an earlier or a later one, one planned (not "hosted the
# first joint forum", "a follow-up to the 2022 consultation": this meeting's own sentence says those).
_ANOTHER_DATED = re.compile(
    r"\b(?:previous|earlier|last|next)\s+(?:[\w-]+\s+)?(?:meeting|conference|forum|gathering|consultation|edition)"
    r"|\bplan(?:s|ned)?\s+to\s+hold\b|\b(?:which|that)\s+(?:was|were)\s+also\s+held\s+in\b|지난\s*(?:해|회)",
    re.IGNORECASE,
)


def main_sentence(text: str, sentences: Sequence[Sentence], phrases: Sequence[DatePhrase]) -> Sentence | None:
    """The sentence that says who held the gathering and when."""
    best: tuple[float, Sentence] | None = None
    for sentence in sentences:
        hosting = HOST_VERB.search(text, sentence.start, sentence.end)
        if not hosting or (
            _PROGRAMME_ROW.match(text, sentence.start)
            and _HOSTS_NOUN.search(text, max(sentence.start, hosting.start() - 10), hosting.end())
            and HOST_VERB.search(text, hosting.end(), sentence.end) is None
        ):
            continue
        score = 1.0
        score += 2 * bool(phrases_within(phrases, sentence.start, sentence.end))
        score += (
            bool(SPONSORED.search(text, sentence.start, sentence.end))
            or "후원" in text[sentence.start : sentence.end]
        )
        score += bool(
            TITLE_KEY.search(text, sentence.start, sentence.end)
            or KO_TITLE.search(text, sentence.start, sentence.end)
        )
        # A summit the report recalls ("On 12 June the first summit … took place in Singapore") is history.
        score -= bool(_SUMMIT.search(text, sentence.start, sentence.end))
        score -= 2 * bool(_ANOTHER_DATED.search(text, sentence.start, sentence.end))
        if best is None or score > best[0]:
            best = (score, sentence)
    return best[1] if best is not None and best[0] >= 3 else None


def head_date(text: str, phrases: Sequence[DatePhrase]) -> DateValue | None:
    """The gathering's date from the notice's head, when nothing says more: the first date on a short
    line there, or on one that opens with it ("Wednesday, July 26 | 8:00 pm ET"), else the first day its
    prose names (a month there is history); never a registration deadline. A line's month ("Symposium
    Report | Seoul, October 2022") gives way to the days a line below it names ("26–27 October 2022 · …")."""
    pos = 0
    first: DateValue | None = None
    month: DateValue | None = None
    for number, line in enumerate(text.split("\n")):
        if number >= _HEAD_LINES:
            break
        inside = [p for p in phrases_within(phrases, pos, pos + len(line)) if p.values]
        if inside and not _DEADLINE.search(line):
            # (a long line that opens with the date is the date line with the venue after it)
            if (len(line) <= 120 or inside[0].start == pos) and not line.rstrip().endswith((".", "다")):
                value = inside[0].values[0]
                if value.precision == Precision.DAY:
                    return value if month is None or _same_month(month, value) else month
                month = month or value
            else:
                days = [p.values[0] for p in inside if p.values[0].precision == "day"]
                first = first or (days[0] if days else None)
        pos += len(line) + 1
    return month or first


def _same_month(month: DateValue, day: DateValue) -> bool:
    return (month.start.year, month.start.month) == (day.start.year, day.start.month)


_HEAD_LINES = 25
# A registration deadline, or the date the programme itself bears ("Programme as of 10 July 2023").
_DEADLINE = re.compile(
    r"\b(?:register|registration|deadline|rsvp|apply|as\s+of|(?:last\s+)?updated|published|issued)\b"
    r"|신청|마감|접수|배포|발행|작성|게시|기준",
    re.IGNORECASE,
)


__all__ = ["ANOTHER", "HOST_VERB", "KO_TITLE", "TITLE_KEY", "head_date", "main_sentence"]
