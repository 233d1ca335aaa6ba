"""Why each step and each package was proposed, in English or Korean, from their facts alone."""

from __future__ import annotations

from collections.abc import Mapping

from peacetrack.forward.ledger import EventFacts
from peacetrack.forward.packages import Package, Step
from peacetrack.model.codebook import level_label
from peacetrack.model.languages import Lang

_WORDS: dict[str, dict[Lang, str]] = {
    "restore": {
        "en": "Restore {provision} from level {from_} to {to} ({label}). It held level {peak} from {since} "
        "for {held} days, until {fell_on}; it fell through: {events}.",
        "ko": "{provision}을(를) {from_}단계에서 {to}단계({label})로 되돌린다. {since}부터 {held}일 동안 "
        "{peak}단계를 유지했으나 {fell_on}부터 후퇴했다. 후퇴 경위: {events}.",
    },
    "start": {
        "en": "Begin {provision} (level 1, {label}): not implemented at all since it was agreed on {since}.",
        "ko": "{provision} 이행을 시작한다(1단계, {label}). {since} 합의 이후 전혀 이행되지 않았다.",
    },
    "complete": {
        "en": "Take {provision} from level {from_} to {to} ({label}), beyond any level it has reached.",
        "ko": "{provision}을(를) {from_}단계에서 지금까지 도달한 적 없는 {to}단계({label})로 올린다.",
    },
    "acted": {
        "en": " {party} acted in that fall.",
        "ko": " 그 후퇴에는 {party}이(가) 관여했다.",
    },
    "overdue": {"en": " Overdue since {due}.", "ko": " 이행 기한({due})이 지났다."},
    "years": {
        "en": " Fallen {years:.1f} years, which makes it {extra:.0%} larger.",
        "ko": " {years:.1f}년째 후퇴 상태여서 {extra:.0%} 더 큰 걸음으로 본다.",
    },
    "pair": {
        "en": "{a} and {b} each take one step of comparable size "
        "({sa:.2f} and {sb:.2f}; balance {balance:.2f})",
        "ko": "{a}와(과) {b}이(가) 비슷한 크기의 걸음을 하나씩 내딛는다"
        "({sa:.2f}과 {sb:.2f}, 균형 {balance:.2f})",
    },
    "shared": {"en": ", both on {themes}.", "ko": ", 둘 다 {themes} 관련."},
    "unshared": {
        "en": "; the two share no theme, so the pair counts as larger.",
        "ko": "; 공통 주제가 없어 더 큰 묶음으로 계산했다.",
    },
    "none": {"en": "no event recorded", "ko": "기록된 사건 없음"},
}


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key][lang]


def _events(ids: tuple[str, ...], events: Mapping[str, EventFacts], lang: Lang) -> str:
    titles = [f"{events[e].title} ({events[e].date.isoformat()})" if e in events else e for e in ids]
    return "; ".join(titles) if titles else _w("none", lang)


def step_why(
    step: Step,
    *,
    events: Mapping[str, EventFacts],
    names: Mapping[str, str],
    per_year: float,
    lang: Lang = "en",
) -> str:
    item = step.item
    fields = {
        "provision": item.provision,
        "from_": item.level,
        "to": step.to,
        "label": level_label(step.to, lang),
        "peak": item.peak,
        "since": item.since.isoformat(),
        "held": item.held_days,
        "fell_on": item.fell_on.isoformat() if item.fell_on else "",
        "events": _events(tuple(dict.fromkeys(e for fall in item.falls for e in fall.events)), events, lang),
    }
    text = _w(step.kind, lang).format(**fields)
    if step.kind == "restore" and set(item.undone_by) != set(item.responsible):
        text += _w("acted", lang).format(party=names.get(step.party, step.party))
    if step.years_fallen >= 0.05 and per_year > 0 and step.kind == "restore":
        text += _w("years", lang).format(years=step.years_fallen, extra=per_year * step.years_fallen)
    if item.overdue and item.due is not None:
        text += _w("overdue", lang).format(due=item.due.isoformat())
    return text


def package_why(package: Package, *, names: Mapping[str, str], lang: Lang = "en") -> str:
    a, b = package.steps
    text = _w("pair", lang).format(
        a=names.get(a.party, a.party),
        b=names.get(b.party, b.party),
        sa=a.size,
        sb=b.size,
        balance=package.balance,
    )
    if package.shared_themes:
        return text + _w("shared", lang).format(
            themes=", ".join(names.get(t, t) for t in package.shared_themes)
        )
    return text + _w("unshared", lang)
