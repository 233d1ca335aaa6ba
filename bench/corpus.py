"""A corpus generator for the benchmarks: news, open letters and programmes, English and Korean.

News articles (~2,300 characters) are written from news-style sentences (launches,
talks at Panmunjom, civil-society statements, conferences) with varied dates,
organisations, people and places; the generator knows every day-precision date
it wrote, so the date extractors can be checked against it. Open letters name
real addressees and a list of signatories (the dataset's organisations and
invented local groups, one per line, as comma lists or numbered); programmes
have hosts, sponsors, a date range and sessions. Agreement names are the
dataset's own.

    python bench/corpus.py OUT --docs 10000 [--seed 2018] [--mix news=8,letter=1,programme=1]

writes OUT/<kind>-<lang>-<n>.txt and prints how many of each. Other benchmarks import
``corpus``, ``mixed`` and ``dataset_files`` from here (run them from the repository root: python bench/…).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

from peacetrack.bundle.load import DATASETS

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NUMBER_WORDS = ["two", "three", "four", "several"]
RECENT = 150
"""Days back within which a date may be written without its year ("May 3", "5월 3일"), as news does."""

EN_ORGS = [
    "People's Solidarity for Participatory Democracy",
    "Korean Sharing Movement",
    "Women Cross DMZ",
    "Civil Peace Forum",
    "American Friends Service Committee",
    "Korea Peace Appeal Campaign",
    "Han River Peace Network",
    "Peace Bridge Initiative",
]
EN_PEOPLE = ["Kim Min-jun", "Park Ji-won", "Lee Seo-yeon", "Choi Hyun-woo", "Jung Eun-ji", "Christine Ahn"]
EN_PLACES = ["Seoul", "Panmunjom", "Geneva", "New York", "Busan", "Paju", "Washington"]
KO_ORGS = [
    "참여연대",
    "우리민족서로돕기운동",
    "평화네트워크",
    "한국여성단체연합",
    "한강평화네트워크",
    "평화의다리",
]
KO_PEOPLE = ["김민준", "박지원", "이서연", "최현우", "정은지"]
KO_PLACES = ["서울", "판문점", "제네바", "뉴욕", "부산", "파주"]

# {d}: a date; {r}: a range of days; {org}, {person}, {place}, {n}, {k}, {few}: fillers.
EN_DATED = [
    "North Korea fired {few} short-range ballistic missiles into the East Sea on {d}, "
    "the Joint Chiefs of Staff said.",
    "The two Koreas held high-level talks at Panmunjom on {d} and agreed to restore the military hotline.",
    "The {org} issued a statement on {d} urging the UN Security Council to lift sanctions that block "
    "humanitarian aid to North Korea.",
    "{person}, who heads the {org}, told reporters in {place} on {d} that civil society groups would keep "
    "pressing for a peace agreement.",
    "The conference, held in {place} from {r}, drew about {n} participants from {k} countries.",
    "South Korea's Ministry of Unification approved a shipment of medical supplies by the {org} on {d}.",
    "Pyongyang demolished the inter-Korean liaison office in Kaesong on {d}, a move Seoul called a violation "
    "of the Panmunjom Declaration.",
    "Defense officials from Seoul and Washington met in {place} on {d} to discuss the scale of the joint "
    "exercises.",
    "A delegation of {n} women peace activists crossed the Demilitarized Zone on {d}.",
    "The UN Security Council's 1718 Committee granted an exemption to the {org} on {d}, allowing it to ship "
    "water-purification equipment.",
    "According to a report published on {d}, the number of separated families still alive fell below {n}.",
    "The government suspended part of the Comprehensive Military Agreement on {d}, citing the launch of a "
    "military reconnaissance satellite.",
]
EN_FILLER = [
    "Analysts said the move was aimed at raising pressure on Washington ahead of any resumption of talks.",
    "The statement called for dialogue, an end to military drills and a formal end to the Korean War.",
    "Officials declined to say whether further meetings had been scheduled.",
    "Civil society groups in Seoul have long argued that sanctions fall hardest on ordinary people.",
    "The ministry said it would continue to monitor the situation closely.",
    "Several lawmakers urged the government to reopen channels of communication with Pyongyang.",
    "The group said it had collected more than {n} signatures in support of its appeal.",
    "Experts cautioned that verification of any agreement would take years, not months.",
    "Residents of border towns said they feared a return to the loudspeaker broadcasts of the past.",
    "The organisers said the next meeting would focus on humanitarian cooperation and family reunions.",
]
EN_HEADLINES = [
    "Civic groups urge renewed dialogue on the Korean Peninsula",
    "Tensions rise along the border as talks stall",
    "Peace activists call for an end to the Korean War",
    "Seoul weighs its next steps after a missile launch",
    "Aid groups ask for sanctions exemptions",
]

KO_DATED = [
    "합동참모본부는 북한이 {d} 동해상으로 단거리 탄도미사일 {k}발을 발사했다고 밝혔다.",
    "남북은 {d} 판문점에서 고위급회담을 열고 군사 통신선을 복원하기로 합의했다.",
    "{org}는 {d} 성명을 내고 유엔 안전보장이사회에 인도적 지원을 가로막는 제재를 해제하라고 촉구했다.",
    "{person} {org} 대표는 {d} {place}에서 기자들과 만나 평화협정 체결을 계속 요구하겠다고 말했다.",
    "{place}에서 {r} 열린 이번 회의에는 {k}개국에서 약 {n}명이 참석했다.",
    "통일부는 {d} {org}의 의약품 반출을 승인했다.",
    "북한은 {d} 개성의 남북공동연락사무소를 폭파했고, 정부는 이를 판문점선언 위반이라고 규정했다.",
    "한미 국방 당국자들은 {d} {place}에서 만나 연합훈련 규모를 논의했다.",
    "여성 평화운동가 {n}명이 {d} 비무장지대를 걸어서 건넜다.",
    "유엔 안보리 1718 위원회는 {d} {org}에 대한 제재 면제를 승인했다.",
    "{d} 발표된 보고서에 따르면 생존한 이산가족은 {n}명 아래로 줄었다.",
    "정부는 {d} 북한의 군사정찰위성 발사를 이유로 9·19 군사합의 일부의 효력을 정지했다.",
]
KO_FILLER = [
    "전문가들은 이번 조치가 대화 재개를 앞두고 미국을 압박하려는 의도라고 분석했다.",
    "성명은 대화와 군사훈련 중단, 종전선언을 촉구했다.",
    "당국자들은 추가 회의 일정에 대해서는 언급하지 않았다.",
    "시민사회단체들은 제재의 부담이 평범한 주민들에게 가장 크게 돌아간다고 지적해 왔다.",
    "정부는 상황을 면밀히 지켜보겠다고 밝혔다.",
    "일부 국회의원들은 북한과의 소통 창구를 다시 열어야 한다고 촉구했다.",
    "단체는 호소문에 {n}명 이상이 서명했다고 밝혔다.",
    "접경지역 주민들은 과거의 대북 확성기 방송이 다시 시작될까 걱정했다.",
    "주최 측은 다음 회의에서 인도적 협력과 이산가족 상봉을 주로 다루겠다고 밝혔다.",
]
KO_HEADLINES = [
    "시민단체들, 한반도 대화 재개 촉구",
    "회담 교착 속 접경지역 긴장 고조",
    "평화운동가들 \u201c한국전쟁 끝내야\u201d",
    "미사일 발사 뒤 정부 대응 고심",
    "구호단체들, 제재 면제 요청",
]


@dataclass
class Doc:
    name: str
    lang: str
    text: str
    dated: date
    truth: set[date] = field(default_factory=set)

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")


def _en_date(rng: random.Random, when: date, dated: date) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"{MONTHS[when.month - 1]} {when.day}, {when.year}"
    if style == 1:
        return f"{when.day} {MONTHS[when.month - 1]} {when.year}"
    if style == 2 and when.year == dated.year and (dated - when).days <= RECENT:
        return f"{MONTHS[when.month - 1]} {when.day}"  # a recent date: the year is the dateline's
    return f"{MONTHS[when.month - 1]} {when.day}, {when.year}"


def _ko_date(rng: random.Random, when: date, dated: date) -> str:
    style = rng.randrange(3)
    if style == 1 and when.year == dated.year and (dated - when).days <= RECENT:
        return f"{when.month}월 {when.day}일"
    return f"{when.year}년 {when.month}월 {when.day}일"


def _topic(name: str) -> str:
    """Korean topic particle: 은 after a final consonant, 는 after a vowel."""
    last = ord(name[-1]) - 0xAC00
    return name + ("은" if 0 <= last < 11172 and last % 28 else "는")


def _fill(rng: random.Random, template: str, lang: str) -> str:
    orgs, people, places = (
        (EN_ORGS, EN_PEOPLE, EN_PLACES) if lang == "en" else (KO_ORGS, KO_PEOPLE, KO_PLACES)
    )
    org = rng.choice(orgs)
    if lang == "ko":
        template = template.replace("{org}는", _topic(org))
    return template.format(
        org=org,
        person=rng.choice(people),
        place=rng.choice(places),
        n=rng.randrange(20, 900),
        k=rng.randrange(2, 12),
        few=rng.choice(NUMBER_WORDS),
        d="{d}",
        r="{r}",
    )


def make_doc(rng: random.Random, lang: str, i: int) -> Doc:
    dated = date(2018, 6, 1) + timedelta(days=rng.randrange(0, 6 * 365))
    doc = Doc(f"news-{lang}-{i:05d}.txt", lang, "", dated, {dated})
    dated_pool, filler = (EN_DATED, EN_FILLER) if lang == "en" else (KO_DATED, KO_FILLER)
    paragraphs: list[str] = []
    used: set[str] = set()
    for _ in range(rng.randrange(8, 13)):
        sentences = []
        for _ in range(rng.randrange(2, 5)):
            if rng.random() < 0.35:
                template = _fill(rng, rng.choice(dated_pool), lang)
                when = dated - timedelta(days=rng.randrange(1, 400))
                if "{r}" in template:
                    last = when + timedelta(days=rng.randrange(1, 3))
                    if last >= dated or last.month != when.month:
                        last = when
                    if lang == "en":
                        span = f"{when.day}-{last.day} {MONTHS[when.month - 1]} {when.year}"
                    else:
                        span = f"{when.year}년 {when.month}월 {when.day}일부터 {last.day}일까지"
                    doc.truth |= {when, last}
                    sentences.append(template.replace("{r}", span))
                else:
                    phrase = _en_date(rng, when, dated) if lang == "en" else _ko_date(rng, when, dated)
                    doc.truth.add(when)
                    sentences.append(template.replace("{d}", phrase))
            else:
                unused = [f for f in filler if f not in used] or filler
                choice = rng.choice(unused)
                used.add(choice)
                sentences.append(_fill(rng, choice, lang))
        paragraphs.append(" ".join(sentences))
    if lang == "en":
        headline = rng.choice(EN_HEADLINES)
        dateline = f"SEOUL, {MONTHS[dated.month - 1]} {dated.day}, {dated.year} — "
    else:
        # Korean news gives its date in a labelled line and opens with the agency's bracket.
        headline = rng.choice(KO_HEADLINES) + "\n\n"
        hour, minute = rng.randrange(7, 22), rng.randrange(60)
        headline += f"입력 {dated.year}.{dated.month:02d}.{dated.day:02d} {hour:02d}:{minute:02d}"
        dateline = f"[서울=평화뉴스] {rng.choice(KO_PEOPLE)} 기자 = "
    doc.text = headline + "\n\n" + dateline + "\n\n".join(paragraphs) + "\n"
    return doc


def corpus(n: int, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    return [make_doc(rng, lang, i) for lang in ("en", "ko") for i in range(n)]


# --- letters and programmes ----------------------------------------------------------------


@cache
def dataset_names() -> dict[str, list[tuple[str, str]]]:
    """(English, Korean) names of the dataset's organisations and bodies, and agreement titles."""
    root = DATASETS / "korean-peninsula"
    out: dict[str, list[tuple[str, str]]] = {"organization": [], "body": [], "agreement": []}
    for path in sorted((root / "actors").glob("*.yaml")):
        for actor in yaml.safe_load(path.read_text(encoding="utf-8")).get("actors", []):
            if actor.get("kind") in out:
                name = actor["name"]
                out[actor["kind"]].append((name["en"], name.get("ko") or name["en"]))
    for path in sorted((root / "agreements").glob("*.yaml")):
        for agreement in yaml.safe_load(path.read_text(encoding="utf-8")).get("agreements", []):
            title = agreement["title"]
            out["agreement"].append((title["en"], title.get("ko") or title["en"]))
    return out


LOCAL_EN = ["Peace Network", "Citizens' Solidarity for Peace", "Women's Peace Forum", "Youth Peace Circle"]
LOCAL_KO = ["평화네트워크", "평화시민연대", "여성평화포럼", "청년평화모임"]
TOWNS = [
    ("Paju", "파주"),
    ("Cheorwon", "철원"),
    ("Goseong", "고성"),
    ("Incheon", "인천"),
    ("Gwangju", "광주"),
]
DEMANDS_EN = [
    "Resume dialogue between the United States and North Korea without preconditions.",
    "Restore the inter-Korean military agreement and the hotlines in full.",
    "Exempt humanitarian aid from the sanctions of the UN Security Council.",
    "Declare an end to the Korean War and begin talks on a peace agreement.",
    "Suspend the large-scale joint military exercises while talks go on.",
]
DEMANDS_KO = [
    "미국과 북한은 조건 없이 대화를 재개하라.",
    "남북 군사합의와 통신선을 온전히 복원하라.",
    "유엔 안보리 제재에서 인도적 지원을 면제하라.",
    "종전을 선언하고 평화협정 협상을 시작하라.",
    "대화가 이어지는 동안 대규모 연합훈련을 중단하라.",
]
ORDINALS_KO = ["첫째", "둘째", "셋째", "넷째", "다섯째"]


def _signatories(rng: random.Random, lang: str) -> list[str]:
    names = dataset_names()["organization"]
    pick = rng.sample(names, min(len(names), rng.randrange(4, 12)))
    out = [en if lang == "en" else ko for en, ko in pick]
    for _ in range(rng.randrange(1, 4)):  # local groups the registry does not know: candidates
        town = rng.choice(TOWNS)
        out.append(
            f"{town[0]} {rng.choice(LOCAL_EN)}" if lang == "en" else f"{town[1]}{rng.choice(LOCAL_KO)}"
        )
    rng.shuffle(out)
    return out


def make_letter(rng: random.Random, lang: str, i: int) -> Doc:
    dated = date(2018, 6, 1) + timedelta(days=rng.randrange(0, 6 * 365))
    doc = Doc(f"letter-{lang}-{i:05d}.txt", lang, "", dated, {dated})
    agreement = rng.choice(dataset_names()["agreement"])
    addressee = rng.choice(dataset_names()["body"])
    demands = rng.sample(DEMANDS_EN if lang == "en" else DEMANDS_KO, rng.randrange(2, 5))
    names = _signatories(rng, lang)
    style = rng.randrange(3)
    if lang == "en":
        listed = "\n".join(names) if style == 0 else ", ".join(names)
        if style == 2:
            listed = "\n".join(f"{n}. {name}" for n, name in enumerate(names, 1))
        doc.text = (
            f"Open Letter to the {addressee[0]}\n\n{MONTHS[dated.month - 1]} {dated.day}, {dated.year}\n\n"
            f"We, the undersigned civil society organizations, write to urge you to keep the promise of the "
            f"{agreement[0]}. Our demands are:\n\n"
            + "\n".join(f"{n}. {d}" for n, d in enumerate(demands, 1))
            + f"\n\nSincerely,\n\n{listed}\n"
        )
    else:
        listed = "\n".join(names) if style == 0 else ", ".join(names)
        body = "\n".join(f"{ORDINALS_KO[n]}, {d}" for n, d in enumerate(demands))
        doc.text = (
            f"{addressee[1]}에 보내는 공개서한\n\n{dated.year}년 {dated.month}월 {dated.day}일\n\n"
            f"우리 시민사회단체들은 {agreement[1]}의 약속을 지킬 것을 촉구합니다.\n\n{body}\n\n"
            f"참여 단체\n\n{listed}\n"
        )
    return doc


def make_programme(rng: random.Random, lang: str, i: int) -> Doc:
    first = date(2018, 6, 1) + timedelta(days=rng.randrange(0, 6 * 365))
    last = first + timedelta(days=rng.randrange(0, 3))
    doc = Doc(f"programme-{lang}-{i:05d}.txt", lang, "", first, {first, last})
    orgs = _signatories(rng, lang)
    hosts, sponsors = orgs[:2], orgs[2:4]
    agreement = rng.choice(dataset_names()["agreement"])
    place = rng.choice(EN_PLACES if lang == "en" else KO_PLACES)
    sessions = rng.randrange(2, 5)
    if lang == "en":
        span = (
            f"{first.day}-{last.day} {MONTHS[first.month - 1]} {first.year}"
            if last != first
            else (f"{first.day} {MONTHS[first.month - 1]} {first.year}")
        )
        lines = [
            f"International Conference on Peace on the Korean Peninsula\n\nDate: {span}\nVenue: {place}",
            f"Hosted by: {', '.join(hosts)}\nSponsored by: {', '.join(sponsors)}",
        ]
        for n in range(1, sessions + 1):
            mode = rng.choice(["open", "closed"])
            lines.append(
                f"Session {n} ({mode}): The {agreement[0]} and the way forward\n"
                f"{9 + 2 * n:02d}:00-{10 + 2 * n:02d}:30 Speaker: {rng.choice(EN_PEOPLE)}"
            )
    else:
        span = f"{first.year}년 {first.month}월 {first.day}일"
        if last != first:
            span += f"부터 {last.day}일까지"
        lines = [
            f"한반도 평화 국제회의\n\n일시: {span}\n장소: {place}",
            f"주최: {', '.join(hosts)}\n후원: {', '.join(sponsors)}",
        ]
        for n in range(1, sessions + 1):
            mode = rng.choice(["공개", "비공개"])
            lines.append(
                f"세션 {n} ({mode}): {agreement[1]} 이행과 과제\n"
                f"{9 + 2 * n:02d}:00-{10 + 2 * n:02d}:30 발표: {rng.choice(KO_PEOPLE)}"
            )
    doc.text = "\n\n".join(lines) + "\n"
    return doc


def dataset_files() -> list[str]:
    """The dataset files a benchmark's store starts from: actors, themes and agreements, not events."""
    root = DATASETS / "korean-peninsula"
    files = [*sorted((root / "actors").glob("*.yaml")), root / "actors-events.yaml", root / "themes.yaml"]
    files += sorted((root / "agreements").glob("*.yaml"))
    return [str(p) for p in files]


MAKERS = {"news": make_doc, "letter": make_letter, "programme": make_programme}


def mixed(n: int, seed: int, mix: dict[str, int] | None = None) -> list[Doc]:
    """``n`` documents, half English and half Korean, kinds in the proportions of ``mix``."""
    mix = mix or {"news": 8, "letter": 1, "programme": 1}
    rng = random.Random(seed)
    kinds = [kind for kind, weight in mix.items() for _ in range(weight)]
    docs = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        lang = "en" if (i // len(kinds)) % 2 == 0 else "ko"
        docs.append(MAKERS[kind](rng, lang, i))
    return docs


def parse_mix(text: str) -> dict[str, int]:
    """``news=8,letter=1`` → {"news": 8, "letter": 1}; kinds are those of MAKERS."""
    mix = {k.strip(): int(v) for k, v in (part.split("=") for part in text.split(","))}
    unknown = set(mix) - set(MAKERS)
    if unknown:
        raise SystemExit(f"--mix: unknown kind(s) {sorted(unknown)}; known: {sorted(MAKERS)}")
    return mix


def write(docs: list[Doc], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for d in docs:
        (out / d.name).write_text(d.text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--mix", default="news=8,letter=1,programme=1", help="kind=weight,…")
    args = parser.parse_args()
    docs = mixed(args.docs, args.seed, parse_mix(args.mix))
    write(docs, args.out)
    counts = Counter((d.name.split("-")[0], d.lang) for d in docs)
    chars = sum(len(d.text) for d in docs) / max(1, len(docs))
    print(
        f"{len(docs)} documents in {args.out} ({chars:,.0f} characters on average): "
        + ", ".join(f"{n} {kind} ({lang})" for (kind, lang), n in sorted(counts.items()))
    )


if __name__ == "__main__":
    main()
