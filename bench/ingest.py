"""Benchmark: ingest 1,000 English and 1,000 Korean news-length documents.

Documents are generated from news-style sentences written for this benchmark
(missile launches, talks at Panmunjom, civil-society statements, conferences)
with varied dates, organisations, people and places; the generator knows every
day-precision date it wrote, so the date extractors can be checked against it.

Reports, on one machine, in one process:

1. the pipeline alone (read → … → link, no store): documents/s, and the share of
   time per stage from ``Result.timings``;
2. ingest into the store (pipeline + conversion + validation + write, one
   transaction per document; SQLite in a temporary file unless ``--db``):
   documents/s and the share of time per stage, ``store`` included;
3. the pipeline's date extractor against ``dateparser.search_dates`` on the same
   texts: speed ratio and agreement (the share of dates found by both among the
   dates found by either), and each one's precision and recall against the dates
   the generator wrote.

dateparser is *not* a dependency of peacetrack: install it into the environment
for this benchmark only (``pip install dateparser``). Without it, part 3 is
skipped and says so. dateparser is much slower, so part 3 runs on the first
``--dateparser-docs`` documents of each language (default 100).

    python bench/ingest.py [--docs 1000] [--dateparser-docs 100] [--db URL] [--seed 2018] [--json OUT]
"""

from __future__ import annotations

import argparse
import platform
import random
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from peacetrack.bundle import import_bundles
from peacetrack.bundle.load import DATASETS
from peacetrack.ingest.context import build_pipeline
from peacetrack.ingest.service import Ingester
from peacetrack.pipeline import Pipeline, classify, describe, language, normalise, read_bytes, segment
from peacetrack.pipeline.extract.dates import extract_dates
from peacetrack.store import Store, upgrade

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
    doc = Doc(f"{lang}-{i:04d}.txt", lang, "", dated, {dated})
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


# --- runs ---------------------------------------------------------------------------------


def dataset_files() -> list[str]:
    root = DATASETS / "korean-peninsula"
    files = [*sorted((root / "actors").glob("*.yaml")), root / "actors-events.yaml", root / "themes.yaml"]
    files += sorted((root / "agreements").glob("*.yaml"))
    return [str(p) for p in files]


def shares(timings: Sequence[Sequence[tuple[str, float]]]) -> dict[str, float]:
    totals: Counter[str] = Counter()
    for one in timings:
        for stage, seconds in one:
            totals[stage] += seconds
    whole = sum(totals.values()) or 1.0
    return {stage: totals[stage] / whole for stage in sorted(totals, key=lambda s: -totals[s])}


def run_pipeline(pipeline: Pipeline, docs: Sequence[Doc]) -> tuple[float, dict[str, float], int]:
    started = time.perf_counter()
    results = [pipeline.run_bytes(d.data, d.name) for d in docs]
    took = time.perf_counter() - started
    failed = sum(1 for r in results if not r.ok)
    return took, shares([r.timings for r in results]), failed


def run_store(ingester: Ingester, docs: Sequence[Doc]) -> tuple[float, dict[str, float], Counter[str]]:
    started = time.perf_counter()
    outcomes = [ingester.ingest_bytes(d.data, d.name) for d in docs]
    took = time.perf_counter() - started
    records: Counter[str] = Counter()
    for o in outcomes:
        for kind, ids in o.records.items():
            records[kind] += len(ids)
        records["failed"] += 0 if o.ok else 1
    return took, shares([o.timings for o in outcomes]), records


def prepared(pipeline: Pipeline, doc: Doc) -> Any:
    document = read_bytes(doc.data, doc.name)
    document = segment(language(normalise(document)))
    return describe(classify(document, pipeline.resources))


def our_dates(document: Any) -> tuple[set[date], float]:
    started = time.perf_counter()
    phrases = extract_dates(document.text, document.sentences, document.date)
    took = time.perf_counter() - started
    found: set[date] = set()
    for phrase in phrases:
        for value in phrase.values:
            if value.precision == "day":
                found.add(value.start)
                if value.end is not None:
                    found.add(value.end)
    return found, took


def dateparser_dates(search: Callable[..., Any], document: Any, lang: str) -> tuple[set[date], float]:
    anchor = document.date or date.today()
    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
        "REQUIRE_PARTS": ["day", "month"],  # day-precision dates only, like the set ours is compared on
    }
    started = time.perf_counter()
    found = search(document.text, languages=[lang], settings=settings) or []
    took = time.perf_counter() - started
    return {when.date() for _, when in found}, took


def compare_dates(pipeline: Pipeline, docs: Sequence[Doc]) -> dict[str, Any] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    by_lang: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for doc in docs:
        document = prepared(pipeline, doc)
        ours, ours_s = our_dates(document)
        theirs, theirs_s = dateparser_dates(search_dates, document, doc.lang)
        for key in (doc.lang, "all"):
            row = by_lang[key]
            row["docs"] += 1
            row["ours_s"] += ours_s
            row["dateparser_s"] += theirs_s
            row["both"] += len(ours & theirs)
            row["either"] += len(ours | theirs)
            row["truth"] += len(doc.truth)
            row["ours_found"] += len(ours)
            row["ours_right"] += len(ours & doc.truth)
            row["dateparser_found"] += len(theirs)
            row["dateparser_right"] += len(theirs & doc.truth)
    out: dict[str, Any] = {}
    for key, row in by_lang.items():
        out[key] = {
            "docs": int(row["docs"]),
            "ours_docs_per_s": row["docs"] / row["ours_s"],
            "dateparser_docs_per_s": row["docs"] / row["dateparser_s"],
            "speed_ratio": row["dateparser_s"] / row["ours_s"],
            "agreement": row["both"] / row["either"] if row["either"] else 1.0,
            "ours_precision": row["ours_right"] / row["ours_found"] if row["ours_found"] else 0.0,
            "ours_recall": row["ours_right"] / row["truth"],
            "dateparser_precision": row["dateparser_right"] / row["dateparser_found"]
            if row["dateparser_found"]
            else 0.0,
            "dateparser_recall": row["dateparser_right"] / row["truth"],
        }
    return out


def _print_shares(title: str, table: dict[str, float]) -> None:
    print(
        f"  {title}: " + ", ".join(f"{stage} {share:.0%}" for stage, share in table.items() if share >= 0.005)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents per language (default 1000)")
    parser.add_argument("--dateparser-docs", type=int, default=100, help="per language, for part 3")
    parser.add_argument("--db", help="database URL for part 2 (default: a temporary SQLite file)")
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    docs = corpus(args.docs, args.seed)
    chars = sum(len(d.text) for d in docs) / len(docs)
    words_en = sum(len(d.text.split()) for d in docs if d.lang == "en") / max(1, args.docs)
    print(f"machine: {platform.machine()} python {platform.python_version()}")
    print(
        f"corpus: {args.docs} English + {args.docs} Korean documents, {chars:,.0f} characters on average "
        f"({words_en:.0f} words in English), seed {args.seed}"
    )

    tmp = tempfile.TemporaryDirectory()
    store = Store(args.db or f"sqlite:///{tmp.name}/bench.db")
    upgrade(store)
    import_bundles(store, dataset_files(), author="bench")
    pipeline = build_pipeline(store)  # the dataset's 116 actors, the linker over its provisions
    figures: dict[str, Any] = {"docs_per_language": args.docs, "average_chars": chars}

    # 1. The pipeline alone.
    pipeline.run_bytes(docs[0].data, "warm-up.txt")
    print("1. pipeline, no store")
    for lang in ("en", "ko"):
        subset = [d for d in docs if d.lang == lang]
        took, table, failed = run_pipeline(pipeline, subset)
        figures[f"pipeline_{lang}"] = {"seconds": took, "docs_per_s": len(subset) / took, "shares": table}
        print(
            f"  {lang}: {len(subset)} documents in {took:.1f} s = {len(subset) / took:,.0f} documents/s"
            f" ({failed} failed)"
        )
        _print_shares("time per stage", table)

    # 2. Into the store: one transaction per document.
    print(f"2. ingest into the store ({store!r})")
    ingester = Ingester(store, author="bench", pipeline=pipeline)
    took, table, records = run_store(ingester, docs)
    figures["store"] = {
        "seconds": took,
        "docs_per_s": len(docs) / took,
        "shares": table,
        "records": dict(records),
    }
    print(
        f"  {len(docs)} documents in {took:.1f} s = {len(docs) / took:,.0f} documents/s; proposed: "
        + ", ".join(f"{n:,} {kind}" for kind, n in sorted(records.items()) if kind != "failed")
        + f"; failed: {records['failed']}"
    )
    _print_shares("time per stage", table)
    started = time.perf_counter()
    again = [ingester.ingest_bytes(d.data, d.name) for d in docs[:200]]
    noop = time.perf_counter() - started
    assert all(o.status == "unchanged" for o in again)
    figures["store_noop_docs_per_s"] = len(again) / noop
    print(f"  the same bytes again (no-op, stored result returned): {len(again) / noop:,.0f} documents/s")
    store.dispose()

    # 3. The date extractor against dateparser.
    n = min(args.dateparser_docs, args.docs)
    sample = [d for d in docs if d.lang == "en"][:n] + [d for d in docs if d.lang == "ko"][:n]
    dates = compare_dates(pipeline, sample) if n > 0 else None
    if n <= 0:
        print("3. dates: skipped (--dateparser-docs 0)")
    elif dates is None:
        print(
            "3. dates: skipped — dateparser is not installed (pip install dateparser; it is not a "
            "peacetrack dependency, only this benchmark's)"
        )
    else:
        print(f"3. dates: the pipeline's extractor against dateparser.search_dates on {n} + {n} documents")
        for key in ("en", "ko", "all"):
            row = dates[key]
            print(
                f"  {key}: ours {row['ours_docs_per_s']:,.0f} docs/s,"
                f" dateparser {row['dateparser_docs_per_s']:,.1f} docs/s (×{row['speed_ratio']:,.0f});"
                f" found by both / by either {row['agreement']:.0%};"
                f" precision/recall against the generator's dates: ours {row['ours_precision']:.0%}/"
                f"{row['ours_recall']:.0%}, dateparser {row['dateparser_precision']:.0%}/"
                f"{row['dateparser_recall']:.0%}"
            )
    figures["dates"] = dates
    if args.json:
        args.json.write_bytes(orjson.dumps(figures, option=orjson.OPT_INDENT_2))
    tmp.cleanup()


if __name__ == "__main__":
    main()
