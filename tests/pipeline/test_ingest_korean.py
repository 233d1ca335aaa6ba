"""Korean documents written for these tests: an open letter, a news item, a conference notice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "corpus"


def test_korean_open_letter(ingest: Callable[[Path], Any]) -> None:
    out = ingest(CORPUS / "ko-open-letter.txt").out
    document = out["document"]
    assert (document["kind"], document["language"], document["date"]) == ("open_letter", "ko", "2024-06-25")
    [statement] = out["statements"]
    assert statement["title"] == {"ko": "접경지역의 평화를 지키는 약속은 되살아나야 합니다"}
    signatories = statement["signatories"]
    # Listed twice, the second time with spaces inside two names: eight organisations, not ten.
    assert [s["name"] for s in signatories] == [
        "참여연대", "환경운동연합", "평화네트워크", "한국여성단체연합",
        "겨레하나", "접경지역평화시민회의", "평화와통일을여는사람들", "군산평화행동",
    ]  # fmt: skip
    assert [s["name"] for s in signatories if s["ecosoc"]] == ["참여연대", "환경운동연합"]
    assert [s["actor"] for s in signatories[:4]] == ["pspd", "kfem", "peace-network", "kwau"]
    assert [(a["name"], a["actor"]) for a in statement["addressees"]] == [
        ("유엔 안전보장이사회", "unsc"),
        ("1718 위원회", "unsc-1718"),
        ("한국 정부", "kor"),
        ("국회", None),
    ]
    demands = statement["demands"]
    assert len(demands) == 3
    assert demands[2]["text"] == {
        "ko": "우리는 한국 정부와 국회에 9·19 군사합의의 효력을 즉시 복원할 것을 요구합니다."
    }
    assert [[a["actor"] for a in d["addressees"]] for d in demands] == [
        ["unsc"],
        ["unsc-1718"],
        ["kor", None],
    ]
    assert out["mentions"]["agreements"] == ["cma-2018"]


def test_korean_news_events(ingest: Callable[[Path], Any]) -> None:
    out = ingest(CORPUS / "ko-news-cma.txt").out
    document = out["document"]
    assert (document["kind"], document["language"], document["date"]) == ("news", "ko", "2024-09-19")
    events = [(e["date"], e["precision"], e["type"]) for e in out["events"]]
    assert events == [
        ("2018-09-19", "day", "agreement_signed"),
        ("2018-11-01", "month", "military_measure"),
        ("2020-06-16", "day", "unilateral_measure"),
        ("2023-11-22", "day", "unilateral_measure"),
    ]
    titles = [e["title"]["ko"] for e in out["events"]]
    assert titles[2] == "북한은 개성의 남북공동연락사무소를 폭파"
    assert titles[3] == "한국 정부는 합의 일부 조항의 효력을 정지"
    assert out["events"][0]["place"] == "Pyongyang"
    assert out["events"][2]["place"] == "Kaesong"
    assert {a["actor"] for a in out["events"][3]["actors"]} == {"kor"}
    # "판문점선언 이행을 위한 군사분야 합의서" is the CMA's title, not a mention of the Panmunjom Declaration.
    assert out["mentions"]["agreements"] == ["cma-2018"]


def test_korean_conference_notice(ingest: Callable[[Path], Any]) -> None:
    out = ingest(CORPUS / "ko-conference-notice.txt").out
    document = out["document"]
    assert (document["kind"], document["language"], document["date"]) == ("programme", "ko", "2023-10-10")
    [gathering] = out["gatherings"]
    assert gathering["title"] == {"ko": "2023 한반도 평화 국제포럼"}
    assert (gathering["start"], gathering["end"]) == ("2023-11-15", "2023-11-16")  # "15일부터 16일까지"
    assert (gathering["place"], gathering["mode"], gathering["attendance"]) == ("Seoul", "hybrid", 150)
    assert [h["name"] for h in gathering["hosts"]] == ["한반도평화연대", "평화나눔연구소"]
    assert [(s["name"], s["actor"]) for s in gathering["sponsors"]] == [
        ("서울특별시", "seoul-city"),
        ("평화재단", None),
    ]
    sessions = gathering["sessions"]
    assert [(s["title"]["ko"], s["access"], s["date"]) for s in sessions] == [
        ("9·19 군사합의 이후 접경지역의 평화", "open", "2023-11-15"),
        ("인도적 협력의 재개 방안", "closed", "2023-11-16"),
    ]
    assert [t["ko"] for t in sessions[0]["topics"]] == [
        "접경지역 긴장 완화를 위한 군사적 신뢰 구축",
        "대북 제재와 인도적 지원의 조화",
        "시민사회 교류 재개의 조건",
    ]
    assert len(sessions[1]["topics"]) == 2  # the closing paragraph is not a topic
