"""Gatherings (conference reports and programmes): title, dates, place, mode, hosts, sponsors,
attendance, sessions and the people quoted.

The sentence that says who hosted the gathering and when carries most of it
("… on November 29th, 30th, and December 1st the Korean Sharing Movement, …,
sponsored by X and Y, hosted the 2021 International Conference on … simultaneously
online and in Seoul"); label lines ("주최: …", "Sponsored by: …") are read too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from peacetrack.model.codebook import Access, GatheringMode, Precision
from peacetrack.pipeline.extract import fields, schedule
from peacetrack.pipeline.extract.attendance import attendance
from peacetrack.pipeline.extract.dates import DatePhrase, phrases_within
from peacetrack.pipeline.extract.gathering_when import (
    ANOTHER,
    HOST_VERB,
    KO_TITLE,
    TITLE_KEY,
    head_date,
    main_sentence,
)
from peacetrack.pipeline.extract.hosts import hosts_and_sponsors, other_hosts, other_sponsors
from peacetrack.pipeline.extract.names import unique_refs
from peacetrack.pipeline.extract.sessions import extract_sessions, loose_topics
from peacetrack.pipeline.extract.speakers import extract_speakers
from peacetrack.pipeline.records import (
    DateValue,
    Document,
    Extractor,
    Gathering,
    Mark,
    ModeValue,
    NameRef,
    Place,
    Sentence,
    Session,
    Speaker,
)
from peacetrack.pipeline.registry import normalise_name
from peacetrack.pipeline.resources import Resources

EXTRACTOR = Extractor("gatherings", "1.0")

_CONNECTOR = frozenset({"on", "of", "for", "the", "and", "&", "in"})
# The meeting itself called hybrid ("Hybrid event", "in a hybrid format", "온·오프라인 병행"), not "hybrid
# warfare".
_HYBRID_EVENT = re.compile(
    r"\bhybrid\s+(?:event|format|meeting|conference|forum|session|webinar|seminar)|\bhybrid\s*(?:$|[|·(])"
    r"|온\s*[·ㆍ・/]?\s*오프라인\s*병행",
    re.IGNORECASE | re.MULTILINE,
)
_HYBRID = re.compile(
    r"\bhybrid\b|\bonline\s+and\s+(?:in\s+person|on-?site|offline|in\s+[A-Z])|(?:in\s+person|on-?site|offline)"
    r"\s+and\s+online|\beither\s+online\s+or\s+on-?site|\bon-?site\s+or\s+online|\bsimultaneously\s+online"
    # 병행 alone is any "in parallel" (병행 접근): only a meeting run two ways at once, or held so.
    r"|온\s*[·ㆍ・/]?\s*오프라인|온라인과\s*오프라인|대면과\s*비대면|병행\s*(?:개최|진행|운영|실시)"
    r"|(?:온라인|비대면|중계|zoom|줌|유튜브)[^.\n]{0,15}병행",
    re.IGNORECASE,
)
_ONLINE = re.compile(r"\bonline\b|\bvirtual(?:ly)?\b|\bwebinar\b|\bzoom\b|온라인|비대면|화상", re.IGNORECASE)
_NONE_AFTER = re.compile(
    r"\s*(?:행사\s*|참석\s*|참여\s*)?(?:없음|없이|불가)|\s*[:：]?\s*(?:none|not|no)\b", re.I
)
_IN_PERSON = re.compile(r"\bin\s+person\b|\bon-?site\b|\boffline\b|(?<!비)대면|현장", re.IGNORECASE)


def _mark(text: str, start: int, end: int) -> Mark:
    return Mark(start, end, text[start:end], EXTRACTOR)


def _phrases_in(phrases: Sequence[DatePhrase], start: int, end: int) -> Sequence[DatePhrase]:
    return phrases_within(phrases, start, end)


def _english_title(text: str, sentence: Sentence) -> Mark | None:
    """The longest capitalised name around "Conference", "Forum", …: "Civil Peace Forum" the host
    loses to "2021 International Conference on Peace & Development on the Korean Peninsula"."""
    words = list(re.finditer(r"\S+", text[sentence.start : sentence.end]))
    found: list[Mark] = []
    for k, word in enumerate(words):
        if not TITLE_KEY.fullmatch(word.group().strip(",.;:")):
            continue
        first = k
        while first > 0:
            prev = words[first - 1].group()
            if prev.endswith((",", ";", ":")) or not (prev[0].isupper() or re.fullmatch(r"\d{4}", prev)):
                break
            if prev in ("The", "the") or prev.endswith(("’s", "'s")):
                break
            first -= 1
        last = k
        probe = k + 1
        while probe < len(words) and not words[probe - 1].group().endswith((",", ";", ".")):
            token = words[probe].group().strip(",.;:")
            if token[:1].isupper():
                last = probe
            elif token not in _CONNECTOR:
                break
            probe += 1
        start = sentence.start + words[first].start()
        end = sentence.start + words[last].start() + len(words[last].group().rstrip(",.;:"))
        found.append(_mark(text, start, end))
    return max(found, key=lambda mark: len(mark.text.split()), default=None)


def _title(document: Document, sentence: Sentence | None) -> Mark | None:
    text = document.text
    if sentence is not None:
        korean = KO_TITLE.search(text, sentence.start, sentence.end)
        if korean is not None:
            return _mark(text, korean.start(1), korean.end(1))
        if document.kind != "programme":
            found = _english_title(text, sentence)
            if found is not None:
                return found
    if document.title_mark is not None:
        return Mark(document.title_mark.start, document.title_mark.end, document.title_mark.text, EXTRACTOR)
    return None


def _extra_sentences(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    return [
        s
        for s in sentences
        if HOST_VERB.search(text, s.start, s.end)
        or re.search(
            r"\battend|\bparticipa|참석|참가|session|meeting|세션|회의", text[s.start : s.end], re.IGNORECASE
        )
    ]


def _mode(
    text: str,
    main: Sentence | None,
    related: Sequence[Sentence],
    place: Place | None,
    streamed: re.Match[str] | None,
) -> ModeValue | None:
    scopes = ([main] if main else []) + list(related)
    for sentence in scopes:
        match = _HYBRID.search(text, sentence.start, sentence.end)
        if match is not None:
            return ModeValue(GatheringMode.HYBRID, _mark(text, match.start(), match.end()))
    if place is not None and streamed is not None:
        return ModeValue(GatheringMode.HYBRID, _mark(text, streamed.start(), streamed.end()))
    if main is not None:
        online = _ONLINE.search(text, main.start, main.end)
        if online is not None and place is None:
            return ModeValue(GatheringMode.ONLINE, _mark(text, online.start(), online.end()))
        in_person = _IN_PERSON.search(text, main.start, main.end)
        if in_person is not None:
            return ModeValue(GatheringMode.IN_PERSON, _mark(text, in_person.start(), in_person.end()))
    if place is not None:
        return ModeValue(GatheringMode.IN_PERSON, place.mark)
    return None


# A place the sentence names for a summit it recalls ("two weeks after the summit between President Trump
# and Chairman Kim in Hanoi ended, FCNL … co-hosted a briefing"): where the summit was, not the gathering
# (a gathering called a summit, "The People's Peace Summit was held in Seoul", keeps its place).
_SUMMIT_BEFORE = re.compile(
    r"\bsummit\s+between\b[^,;]{0,80}$|\b(?:after|since|before|following)\b[^,;]{0,40}\bsummit\b[^,;]{0,80}$"
    r"|정상\s*회담[^,;]{0,30}$",
    re.IGNORECASE,
)


def _place(text: str, main: Sentence | None, resources: Resources) -> Place | None:
    if main is None:
        return None
    verb = HOST_VERB.search(text, main.start, main.end)
    for match in resources.place_pattern.finditer(text, main.start, main.end):
        if _SUMMIT_BEFORE.search(text, main.start, match.start()):
            continue
        if verb is not None and match.start() < verb.start() and _IN_A_NAME.match(text, match.end()):
            continue  # in a host's name before the verb: "… Studies at Seoul National University convened …"
        return _place_at(text, match.start(), match.group(), resources)
    return None


# A place that begins a body's name ("at Seoul National University", "the Jeju Peace Institute"): in a host's
# name, not where the meeting was.
_IN_A_NAME = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:University|Institute|Foundation|Center|Centre|Museum|Office|Bureau|Committee)\b"
)


def _place_at(text: str, start: int, name: str, resources: Resources) -> Place:
    """A known place named at `start`, under its usual English name."""
    return Place(resources.places[name], _mark(text, start, start + len(name)))


def _attach_speakers(
    text: str, sessions: list[Session], quoted: list[tuple[Sentence, Speaker]]
) -> list[Speaker]:
    """Give each quoted speaker to the session the sentence names; the rest stay with the gathering."""
    loose: list[Speaker] = []
    for sentence, speaker in quoted:
        words = text[sentence.start : sentence.end].lower()
        wanted = None
        if re.search(r"\bclosed\b|비공개", words):
            wanted = "closed"
        elif re.search(
            r"\bpublic\b|\bopen\s+(?:session|meeting)|welcom|opening\s+remarks|공개\s*세션|개회사|환영사",
            words,
        ):
            wanted = "open"
        k = next((i for i, s in enumerate(sessions) if s.access == wanted), None)
        if k is None:
            loose.append(speaker)
        else:
            sessions[k] = replace(sessions[k], speakers=(*sessions[k].speakers, speaker))
    return loose


# A recording posted later ("유튜브 … 영상 조회수") is not a stream: YouTube counts only when live.
_STREAMED = re.compile(
    r"live[\s-]?stream|streamed|stream(?:ing)?\s+live|broadcast\s+live|\bzoom\b|webinar|\bonline\b"
    r"|(?:live|streamed|broadcast)\s+(?:\w+\s+){0,4}youtube|youtube\s+(?:live|livestream)|유튜브\s*(?:생중계|라이브|중계)"
    r"|생중계|온라인\s*(?:중계|참여|참가|병행)|실시간\s*중계|줌\b",
    re.IGNORECASE,
)
_NOT_STREAMED = re.compile(
    r"not\s+be\s+(?:live[\s-]?)?(?:streamed|recorded|broadcast|webcast)|no\s+(?:live\s*stream|online)"
    r"|not\s+(?:available|possible)\s+online|not\s+(?:live[\s-]?)?(?:streamed|webcast)"
    # "the online form", "register online": online paperwork, not an online meeting
    r"|online\s+(?:form|registration|application|sign-?up|survey|shop|store)|(?:register|apply|sign\s+up)\s+online"
    # a recording put online afterwards: the meeting itself was not shown online
    r"|(?:posted|published|uploaded|made\s+available)\s+online\s+(?:after|later|afterwards)|online\s+after\s+the\b"
    r"|온라인\s*(?:신청|접수|등록)(?:서|폼)?\b"
    r"|중계(?:는|하지)\s*(?:없|않)|현장\s*행사\s*없음|별도\s*(?:의\s*)?현장"
    r"|온라인\s*(?:참여|참가|중계)\s*(?:는\s*)?(?:불가|없|하지\s*않)",
    re.IGNORECASE,
)


_HELD_ONLINE = re.compile(
    # the meeting itself as the subject ("the 2021 meeting was again held entirely online"), not its
    # registration or the consultations before it
    r"\b(?:meeting|conference|forum|gathering|dialogue|seminar|symposium|workshop|event|consultation|briefing|it)\s+"
    r"(?:was|were)\s+(?:again\s+|also\s+)?held\s+(?:entirely\s+|fully\s+|only\s+|exclusively\s+|completely\s+)?"
    r"(?:online|virtually)\b"
    r"|\b(?:meeting|conference|forum|gathering|dialogue|seminar|symposium|workshop|event)\s+took\s+place\s+"
    r"(?:entirely\s+|fully\s+|only\s+)?(?:online|virtually)\b"
    r"|(?:회의|행사|포럼|토론회|세미나|대화|모임|심포지엄)(?:는|은|가|이)\s+(?:[^\s.]+\s+){0,3}온라인\s*(?:으로만|으로)\s*"
    r"(?:진행|개최)(?:되었|됐|했|하였)",
    re.IGNORECASE,
)


def _held_online(text: str, sentences: Sequence[Sentence]) -> Mark | None:
    """Where a report says the meeting itself was held online ("the 2021 meeting was again held entirely
    online"), not an earlier one or a follow-up, and nothing says it was held both ways."""
    if _HYBRID.search(text):
        return None
    starts = [s.start for s in sentences]
    for match in _HELD_ONLINE.finditer(text):
        if not _about_another(text, sentences, starts, match.start()):
            return _mark(text, match.start(), match.end())
    return None


def _about_another(text: str, sentences: Sequence[Sentence], starts: list[int], offset: int) -> bool:
    """Whether the sentence at `offset` tells of another meeting than this one (`starts`: the sentences'
    starts, for the search)."""
    k = bisect.bisect_right(starts, offset) - 1
    sentence = sentences[k] if k >= 0 and offset < sentences[k].end else None
    return sentence is not None and ANOTHER.search(text, sentence.start, sentence.end) is not None


def _streamed(text: str, sentences: Sequence[Sentence]) -> re.Match[str] | None:
    """Where the notice says the meeting is shown online, unless it says it is not, or speaks of another
    meeting ("an online follow-up meeting was held …", "Our first conference was held online …")."""
    starts = [s.start for s in sentences]
    for match in _STREAMED.finditer(text):
        if _NOT_STREAMED.search(text, max(0, match.start() - 30), match.end() + 30):
            continue
        if _about_another(text, sentences, starts, match.start()):
            continue
        return match
    return None


def _overall_mode(
    text: str, place: Place | None, streamed: re.Match[str] | None, online: Mark | None = None
) -> ModeValue | None:
    """In person, online or both, from the whole notice: a streamed meeting with a venue is hybrid;
    one the notice calls online ("Online via Zoom", "방식: 온라인 웨비나") is online however it is shown."""
    match = _HYBRID.search(text)
    if match is not None:
        return ModeValue(GatheringMode.HYBRID, _mark(text, match.start(), match.end()))
    if online is not None and place is None:
        return ModeValue(GatheringMode.ONLINE, online)
    if place is not None:
        if streamed is not None:
            return ModeValue(GatheringMode.HYBRID, _mark(text, streamed.start(), streamed.end()))
        return ModeValue(GatheringMode.IN_PERSON, place.mark)
    if streamed is not None:
        return ModeValue(GatheringMode.ONLINE, _mark(text, streamed.start(), streamed.end()))
    return None


# A place that names a time zone ("8:00 pm ET (New York)", "미국 동부시간", "10:00 to 11:30 p.m. in Seoul"),
# not a venue.
_ZONE_BEFORE = re.compile(
    r"(?:\b(?:ET|EST|EDT|PT|PST|PDT|CET|GMT|UTC|KST|JST|time)|시간|현지)\s*[(（,]?\s*$"
    r"|\d\s*(?:[ap]\.?\s?m\.?)\s+(?:in\s+|\(\s*)?$",  # "8:00 pm in Seoul", "9 am New York", "9 am (Seoul)"
    re.IGNORECASE,
)


_HELD = re.compile(
    r"\btook\s+place\s+(?:in|at|on|from|online|virtually)\b|\b(?:was|were|is|will\s+be)\s+held\b"
    r"|\b(?:met|gathered|came\s+together|convened)\s+in\b"
    r"|열렸|열린다|개최",
    re.IGNORECASE,
)


def _held_at(text: str, sentences: Sequence[Sentence], resources: Resources) -> Place | None:
    """The place in the sentence that says where it was held ("It took place in person in Geneva")."""
    for sentence in sentences:
        if _HELD.search(text, sentence.start, sentence.end):
            for match in resources.place_pattern.finditer(text, sentence.start, sentence.end):
                if not _ZONE_BEFORE.search(text, sentence.start, match.start()):
                    return _place_at(text, match.start(), match.group(), resources)
    return None


def _venue_line(text: str, resources: Resources) -> Place | None:
    """A place on a short line near the head ("Lotte Hotel Seoul, Crystal Ballroom"), not in prose,
    not a time zone and not a programme item's title."""
    pos = 0
    for line in text[:3000].split("\n"):
        # (a sentence ends with a full stop; "Washington, D.C." ends with an abbreviation's)
        sentence = line.rstrip().endswith(".") and not fields.ABBREVIATION_END.search(line.rstrip())
        if line and not sentence and not schedule.is_schedule_line(line):
            for at, part in _short_parts(line):
                for match in resources.place_pattern.finditer(part):
                    before = part[: match.start()]
                    if not _ZONE_BEFORE.search(before) and not _RECALLED.search(before):
                        return _place_at(text, pos + at + match.start(), match.group(), resources)
        pos += len(line) + 1
    return None


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _short_parts(line: str) -> list[tuple[int, str]]:
    """A short line whole; the cells of a long row that opens with the date, each to its first 80
    characters ("30 Nov – 1 Dec 2021 | Seoul Global Center, 9F … & Zoom webinar Hybrid event · …", a PDF's
    head lines run together), not a site's footer ("평화를만드는여성회 | 서울특별시 중구 | 02-…")."""
    if len(line) <= 80:
        return [(0, line)]
    if " | " not in line or not _YEAR.search(line.split(" | ", 1)[0]):
        return []
    parts, at = [], 0
    for cell in line.split(" | "):
        parts.append((at, cell[:80]))
        at += len(cell) + 3
    return parts


# A title's place it looks back to ("Five Years after Panmunjom"), not the venue.
_RECALLED = re.compile(r"\b(?:after|since|remembering)\s+$", re.IGNORECASE)


_ONLINE_LINE = re.compile(
    r"^\W{0,3}\s*(?:online|virtual|webinar|zoom|온라인|비대면|화상|웨비나)\b|\b(?:online|held)\s+(?:via|on)\s+zoom\b"
    r"|\bzoom\s+webinar\b|온라인\s*(?:웨비나|진행|개최|회의)|zoom\s*(?:온라인|웨비나)",
    re.IGNORECASE,
)


def _online_head(text: str, resources: Resources) -> Mark | None:
    """A short line near the head saying the meeting is online ("Online via Zoom -- free"). The first such
    line that names a venue as well ("Koreana Hotel, Seoul and online via Zoom") says it is both: no line
    after it makes it online only (a "Zoom links will be sent" note)."""
    pos = 0
    for line in text[:3000].split("\n"):
        found = _ONLINE_LINE.search(line) if len(line) <= 120 else None
        if found is not None and not _HYBRID.search(line):
            venue = any(  # a place named before the online word ("…, Seoul and online via Zoom")
                not _ZONE_BEFORE.search(line[: m.start()])
                for m in resources.place_pattern.finditer(line, 0, found.start())
            )
            return None if venue else _mark(text, pos + found.start(), pos + found.end())
        pos += len(line) + 1
    return None


_DAYS_APART = 14
_NOT_A_DAY_OF_IT = re.compile(
    r"\b(?:registration|register|deadline|closes?|rsvp|rain\s+date|postponed?|until)\b|마감|신청|연기",
    re.IGNORECASE,
)
_ZONE_WORD = re.compile(
    r"\b(?:ET|EST|EDT|PT|PST|PDT|CET|CEST|GMT|UTC|KST|JST)\b|\btime\b|시간|현지", re.IGNORECASE
)
_OTHER_ZONE = re.compile(r"[(/（]\s*(?:[A-Za-z]{3,9}day,?\s*)?\Z")


def _days_of(text: str, inside: Sequence[DatePhrase]) -> DateValue | None:
    """A date field's value: its first date, or the span of the days it lists one by one ("Monday 19
    September 2022 (side event); Tuesday 20 September 2022 (consultation)") when they follow each other
    closely."""
    values = [phrase.values[0] for phrase in inside if phrase.values]
    if not values:
        return None
    first = values[0]
    days = [v for v in values if v.precision == Precision.DAY]
    if len(days) < 2 or days[0] is not first or any(v.start < first.start for v in days):
        return first
    # "Wednesday, March 8, 2023 (U.S.) / Thursday, March 9, 2023 (Korea)", "7 pm ET (Korea time: Thursday,
    # March 9)": one moment in two time zones
    if any(_OTHER_ZONE.search(text, max(0, v.mark.start - 16), v.mark.start) for v in days[1:]):
        return first
    if len(days) == 2 and _ZONE_WORD.search(text, first.mark.end, days[1].mark.start):
        return first
    if any(_NOT_A_DAY_OF_IT.search(text, first.mark.end, v.mark.start) for v in days[1:]):
        return first  # "— registration closes Friday, March 17", "(rain date: Sunday 12 March)"
    last = max(days, key=lambda v: v.end or v.start)
    end = last.end or last.start
    if not first.start < end <= first.start + timedelta(days=_DAYS_APART):
        return first
    return replace(first, end=end, mark=_mark(text, first.mark.start, last.mark.end))


@dataclass
class _Labelled:
    date: DateValue | None = None
    place: Place | None = None
    online: Mark | None = None  # a mode or place field that says online only
    hosts: tuple[NameRef, ...] = ()
    sponsors: tuple[NameRef, ...] = ()
    labelled_hosts: bool = False  # the hosts come from labelled fields, not from prose


def _labelled(document: Document, phrases: Sequence[DatePhrase], resources: Resources) -> _Labelled:
    """What the notice's labelled fields say (label lines and label | value rows), and its prose."""
    text = document.text
    out = _Labelled()
    hosts: list[NameRef] = []
    sponsors: list[NameRef] = []
    for found in fields.labelled_fields(text):
        if found.name == "date" and out.date is None:
            out.date = _days_of(text, _phrases_in(phrases, found.start, found.end))
        elif found.name == "place" and out.place is None:
            match = resources.place_pattern.search(text, found.start, found.end)
            if match is not None:
                out.place = _place_at(text, match.start(), match.group(), resources)
            elif out.online is None and (online := _ONLINE.search(text, found.start, found.end)):
                out.online = _mark(text, online.start(), online.end())
        elif found.name == "mode" and out.online is None:
            online = _ONLINE.search(text, found.start, found.end)
            in_person = (
                m
                for m in _IN_PERSON.finditer(text, found.start, found.end)
                if not _NONE_AFTER.match(text, m.end())  # "현장 행사 없음", "in person: not offered"
            )
            both = _HYBRID.search(text, found.start, found.end) or next(in_person, None)
            if online is not None and not both:
                out.online = _mark(text, online.start(), online.end())
        elif found.name == "host":
            hosts.extend(fields.org_names(text, found.start, found.end))
        elif found.name == "sponsor":
            sponsors.extend(fields.org_names(text, found.start, found.end))
    prose_hosts, prose_sponsors = fields.prose_parties(text)
    out.hosts = unique_refs(hosts or prose_hosts)
    out.labelled_hosts = bool(hosts)
    out.sponsors = unique_refs(sponsors or prose_sponsors)
    return out


def _schedule(text: str, sessions: list[Session], report: bool) -> list[Session]:
    """The programme's own lines as sessions, when they list more than the prose reading found; in a
    report without a schedule, the sessions its prose names."""
    lines = schedule.schedule_sessions(text)
    if report and (not lines or all(_TOLD.match(text, line.start) for line in lines)):
        # A report that tells its sessions a paragraph each ("Session 1. Panellists analysed …") may name more
        # of them in its prose ("an opening plenary …; Session 1 …; a closed strategy meeting …").
        told = schedule.prose_sessions(text)
        lines = told if len(told) > len(lines) else lines
    if len(lines) <= len(sessions):
        return sessions
    return [
        Session(title=_mark(text, line.start, line.end), access=Access.CLOSED if line.closed else Access.OPEN)
        for line in lines
    ]


# A paragraph that tells of a session under its label: "Session 1. Panellists analysed …".
_TOLD = re.compile(
    r"(?:session|panel|workshop|plenary|roundtable)\s+(?:\d{1,2}|[IVX]{1,4}|[A-F])\.\s+(?-i:[A-Z])",
    re.IGNORECASE,
)


def extract_gatherings(
    document: Document, phrases: Sequence[DatePhrase], resources: Resources
) -> tuple[Gathering, ...]:
    text, sentences = document.text, document.sentences
    # The notice's or report's own date is when it was written, not when the gathering met.
    own = document.date_mark
    phrases = [p for p in phrases if own is None or not (p.start <= own.start < p.end)]
    main = main_sentence(text, sentences, phrases)
    when: DateValue | None = None
    if main is not None:
        inside = _phrases_in(phrases, main.start, main.end)
        when = inside[0].values[0] if inside and inside[0].values else None
    labelled = _labelled(document, phrases, resources)
    online = labelled.online or _online_head(text, resources)
    if document.kind == "programme":
        # A programme states its own date and venue on lines of their own at its head; a sentence below
        # may tell of other meetings ("the reunions held at Mount Kumgang in August 2018")…
        head = head_date(text, phrases)
        # …but a day the sentence names stands: the head may only say when the programme was drafted.
        if (
            head is not None
            and head.precision == Precision.DAY
            and (when is None or when.precision != Precision.DAY)
        ):
            when = head
        when = labelled.date or when or head
        place = (
            labelled.place
            or (None if online else _venue_line(text, resources))
            or _place(text, main, resources)
        )
    else:
        when = labelled.date or when or head_date(text, phrases)
        held_online = _held_online(text, sentences)
        online = online or held_online
        # A report of a meeting held only online has no venue: a city it names is where it was written.
        place = labelled.place or (None if held_online else _place(text, main, resources))
    if place is None and (not online or _HYBRID_EVENT.search(text)):  # (a hybrid meeting has its venue too)
        place = _venue_line(text, resources) or _held_at(text, sentences, resources)
    # Label lines name the hosts outright; the sentence that says who held it is read when none do.
    hosts, sponsors = ([], []) if labelled.labelled_hosts else hosts_and_sponsors(text, main, phrases)
    if not sponsors and not labelled.sponsors:
        sponsors = other_sponsors(text, sentences)
    # The sentence that says who hosted it is the most precise reading; labels and prose otherwise.
    hosts = list(hosts) or list(labelled.hosts) or other_hosts(text, sentences, phrases)
    # The labelled fields may hold more of the same hosts (names a line each under "Co-hosts: …").
    if labelled.labelled_hosts and {normalise_name(h.name) for h in hosts} < {
        normalise_name(h.name) for h in labelled.hosts
    }:
        hosts = list(labelled.hosts)
    # Sponsors are often named apart ("sponsored by X, with the support of Y"): every mention counts.
    sponsors = list(unique_refs([*sponsors, *labelled.sponsors]))
    sessions = _schedule(
        text, extract_sessions(text, sentences, phrases, when), document.kind == "conference_report"
    )
    if not sessions:
        topics = loose_topics(text)
        title = _title(document, main)
        if topics and title is not None:
            sessions = [Session(title=title, access=Access.OPEN, topics=tuple(topics))]
    loose = _attach_speakers(text, sessions, extract_speakers(text, sentences))
    streamed = _streamed(text, sentences)  # (asked by both mode readings: found once)
    gathering = Gathering(
        title=_title(document, main),
        dates=when,
        place=place,
        # (the main sentence may say nothing of how: then the notice's labels and lines do)
        mode=(_mode(text, main, _extra_sentences(text, sentences), place, streamed) if main else None)
        or _overall_mode(text, place, streamed, online),
        hosts=tuple(hosts),
        sponsors=tuple(sponsors),
        attendance=attendance(text),
        sessions=tuple(sessions),
        speakers=tuple(loose),
    )
    return (gathering,)
