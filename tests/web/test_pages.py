"""The HTML pages in-process (TestClient), on SQLite and PostgreSQL, in English and Korean.

Seed: the MINI bundle (tests/web/conftest.py) plus a slice of the Comprehensive
Military Agreement whose provisions 1.1 and 1.3 were reversed in November 2023,
and records whose every text is a script tag, to prove the pages escape data.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import string
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.web.i18n import read_messages

HOSTILE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
LANGS = ("en", "ko")

CMA = "cma-2018"
NO_FLY, HOSTILE_ACTS, HOTLINE = f"{CMA}/1.3", f"{CMA}/1.1", f"{CMA}/5.1"
SCRAPPED = "2023-11-23-north-scraps-cma"
SUSPENDED = "2023-11-22-south-suspends-no-fly"
BUFFER = "2018-11-01-buffer-zones"
SCRAPPED_SOURCE = "https://example.org/news/north-scraps-cma"

JOURNEY: dict[str, Any] = {
    "actors": [
        {
            "id": "hostile-org",
            "kind": "organization",
            "name": {"en": HOSTILE, "ko": HOSTILE},
            "aliases": [HOSTILE],
            "ecosoc_status": "special",
            "url": 'https://example.org/"><script>alert(1)</script>',
        },
    ],
    "agreements": [
        {
            "id": CMA,
            "title": {
                "en": "Agreement on the Implementation of the Historic Panmunjom Declaration"
                " in the Military Domain",
                "ko": "역사적인 판문점선언 이행을 위한 군사분야 합의서",
            },
            "signed": "2018-09-19",
            "parties": ["kor", "prk"],
            "aliases": ["Comprehensive Military Agreement", "CMA", "9·19 군사합의"],
            "provisions": [
                {
                    "ref": "1.1",
                    "text": {
                        "en": "Cease all hostile acts against each other.",
                        "ko": "상대방에 대한 일체의 적대행위를 중지한다.",
                    },
                    "themes": ["military-dmz"],
                    "responsible": ["kor", "prk"],
                },
                {
                    "ref": "1.3",
                    "text": {
                        "en": "Set no-fly zones over the Military Demarcation Line.",
                        "ko": "군사분계선 상공에 비행금지구역을 설정한다.",
                    },
                    "themes": ["military"],
                    "responsible": ["kor", "prk"],
                    "part_of": [HOSTILE_ACTS],
                },
                {
                    "ref": "5.1",
                    "text": {"en": "Keep the military hotline working.", "ko": "군사 직통전화를 유지한다."},
                    "themes": ["dialogue"],
                    "responsible": ["kor", "prk"],
                },
            ],
        }
    ],
    "events": [
        {
            "id": BUFFER,
            "date": "2018-11-01",
            "title": {
                "en": "Buffer zones take effect on land, at sea and in the air",
                "ko": "지상·해상·공중 완충구역 시행",
            },
            "type": "military_measure",
            "actors": ["kor", "prk"],
            "sources": [{"url": "https://example.org/news/buffer-zones", "publisher": "Yonhap"}],
            "effects": [
                {"provision": HOSTILE_ACTS, "effect": "implements"},
                {"provision": NO_FLY, "effect": "implements"},
                {"provision": HOTLINE, "effect": "advances"},
            ],
        },
        {
            "id": SUSPENDED,
            "date": "2023-11-22",
            "title": {"en": "South Korea suspends the no-fly zone", "ko": "한국, 비행금지구역 효력 정지"},
            "type": "unilateral_measure",
            "actors": ["kor"],
            "sources": [{"url": "https://example.org/news/south-suspends", "publisher": "Reuters"}],
            "effects": [{"provision": NO_FLY, "effect": "suspends"}],
        },
        {
            "id": SCRAPPED,
            "date": "2023-11-23",
            "title": {
                "en": "North Korea says it will no longer be bound by the military agreement",
                "ko": "북한, 군사합의에 더는 구속되지 않겠다고 발표",
            },
            "type": "declaration",
            "actors": ["prk"],
            "sources": [
                {
                    "url": SCRAPPED_SOURCE,
                    "title": "North scraps military pact",
                    "publisher": "The Korea Herald",
                }
            ],
            "effects": [
                {"provision": HOSTILE_ACTS, "effect": "reverses"},
                {"provision": NO_FLY, "effect": "reverses"},
            ],
        },
        {
            "id": "hostile-event",
            "date": "2021-05-05",
            "title": {"en": HOSTILE, "ko": HOSTILE},
            "summary": {"en": HOSTILE},
            "type": "other",
            "actors": ["hostile-org"],
            "place": HOSTILE,
            "sources": [
                {
                    "url": 'https://example.org/"><script>alert(1)</script>',
                    "title": HOSTILE,
                    "publisher": HOSTILE,
                }
            ],
            "effects": [{"provision": HOTLINE, "effect": "mentions"}],
        },
    ],
    "assessments": [
        {"provision": HOSTILE_ACTS, "as_of": "2018-11-01", "level": 3, "evidence": [BUFFER]},
        {
            "provision": HOSTILE_ACTS,
            "as_of": "2023-11-23",
            "level": 0,
            "evidence": [SCRAPPED],
            "note": {"en": "The North scrapped the agreement.", "ko": "북한이 합의를 파기했다."},
        },
        {"provision": NO_FLY, "as_of": "2018-11-01", "level": 3, "evidence": [BUFFER]},
        {"provision": NO_FLY, "as_of": "2023-11-22", "level": 1, "evidence": [SUSPENDED]},
        {"provision": HOTLINE, "as_of": "2018-11-01", "level": 2, "evidence": [BUFFER], "note": HOSTILE},
    ],
    "statements": [
        {
            "id": "hostile-letter",
            "date": "2024-01-10",
            "title": {"en": HOSTILE, "ko": HOSTILE},
            "kind": "open_letter",
            "signatories": ["pspd", "hostile-org"],
            "addressees": ["unsc"],
            "demands": [
                {
                    "text": {"en": f"Restore the military agreement {HOSTILE}", "ko": "군사합의를 복원하라"},
                    "addressee": "unsc",
                    "provisions": [HOSTILE_ACTS],
                    "themes": ["military"],
                }
            ],
        }
    ],
    "gatherings": [
        {
            "id": "hostile-gathering",
            "title": {"en": HOSTILE},
            "start": "2022-02-01",
            "end": "2022-02-02",
            "place": HOSTILE,
            "mode": "online",
            "hosts": ["hostile-org"],
            "sponsors": ["pspd"],
            "sessions": [
                {"title": {"en": HOSTILE}, "access": "closed", "topics": [{"en": HOSTILE}]},
                {"title": {"en": "Open plenary", "ko": "공개 전체회의"}, "access": "open"},
            ],
        }
    ],
}


@pytest.fixture
def pages(client: TestClient, add_bundle: Callable[[dict[str, Any]], None]) -> TestClient:
    add_bundle(JOURNEY)
    return client


def get(client: TestClient, url: str, lang: str = "en", status: int = 200) -> str:
    if lang:
        url += f"{'&' if '?' in url else '?'}lang={lang}"
    response = client.get(url)
    assert response.status_code == status, response.text[:2000]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


class Links(HTMLParser):
    """Every href on a page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "href" and value:
                self.hrefs.append(value)


def links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


def plain(html: str) -> str:
    """The page's text without tags, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" :", ":")


def assert_page(html: str, lang: str) -> None:
    """Landmarks, skip link, language, and a switch to the other language on every page."""
    assert f'<html lang="{lang}">' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'href="#main"' in html
    other = "ko" if lang == "en" else "en"
    assert f"lang={other}" in html
    assert HOSTILE not in html
    assert "alert(1)</script>" not in html


PAGE_URLS = [
    "/?as_of=2023-12-31",
    "/agreements?as_of=2023-12-31",
    f"/agreements/{CMA}?as_of=2023-12-31",
    f"/provisions/{HOSTILE_ACTS}?as_of=2023-12-31",
    "/events",
    f"/events/{SCRAPPED}",
    "/actors",
    "/actors/hostile-org",
    "/statements",
    "/statements/hostile-letter",
    "/gatherings",
    "/gatherings/hostile-gathering",
    "/library",
    "/search?q=script",
    "/login",
    "/report?as_of=2023-12-31",
]


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_kind_renders_in_both_languages(pages: TestClient, lang: str) -> None:
    for url in PAGE_URLS:
        html = get(pages, url, lang)
        assert f'<html lang="{lang}">' in html, url
        if not url.startswith("/report"):
            assert_page(html, lang)
        else:
            assert HOSTILE not in html


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_text_is_escaped_wherever_it_appears(pages: TestClient, lang: str) -> None:
    for url in (
        "/events?from=2021-01-01&to=2021-12-31",
        "/events/hostile-event",
        "/actors/hostile-org",
        "/actors/pspd",
        "/statements",
        "/statements/hostile-letter",
        "/gatherings",
        "/gatherings/hostile-gathering",
        f"/provisions/{HOTLINE}?as_of=2023-12-31",
        f"/provisions/{HOSTILE_ACTS}",
        "/actors",
    ):
        html = get(pages, url, lang)
        assert ESCAPED in html, url
        assert HOSTILE not in html, url
        # The hostile URL stays inside its attribute: its quote is escaped too.
        assert '"><script>' not in html, url


def test_overview_shows_scores_trajectories_reversals_and_latest_events(pages: TestClient) -> None:
    html = get(pages, "/?as_of=2023-12-31")
    assert "Scores by agreement, 31 Dec 2023" in html
    # The short name stands in for the long title; the title follows it.
    assert "Comprehensive Military Agreement" in html
    # CMA: 1.1 at 0, 1.3 at 1, 5.1 at 2 -> 100 * 3 / 9 = 33.3.
    assert "33.3" in html
    assert "3 provisions reversed as of 31 Dec 2023" in html  # two of the CMA, one of MINI
    assert f'href="/provisions/{NO_FLY}?as_of=2023-12-31"' in html
    assert f'href="/agreements/{CMA}?as_of=2023-12-31&amp;reversed_only=1"' in html
    # The trajectory chart: an SVG, its data for the read-out, and a table for those who read.
    assert 'class="trajectory"' in html
    assert 'class="chart-data"' in html
    assert "The chart as a table" in html
    # Latest events up to the date, newest first.
    latest = html.index("Latest events up to 31 Dec 2023")
    assert html.index("North Korea says it will no longer be bound", latest) < html.index(
        "South Korea suspends the no-fly zone", latest
    )


def test_overview_before_the_reversal_shows_none(pages: TestClient) -> None:
    html = get(pages, "/?as_of=2019-06-30")
    assert "0 provisions reversed as of 30 Jun 2019" in html
    assert "No provision stands reversed on this date." in html
    assert "Scores by agreement, 30 Jun 2019" in html


def test_the_three_click_journey_reversed_cma_provisions_and_their_evidence(pages: TestClient) -> None:
    """Overview as of 2023-12-31 -> CMA page with its reversed provisions -> a provision's evidence."""
    overview = get(pages, "/?as_of=2023-12-31")
    to_cma = next(h for h in links(overview) if h.startswith(f"/agreements/{CMA}?"))
    cma = get(pages, to_cma.replace("&amp;", "&"))
    assert "2 provisions reversed as of 31 Dec 2023" in cma
    assert "since 23 Nov 2023" in cma and "since 22 Nov 2023" in cma
    assert cma.count('class="badge reversed"') >= 2
    to_provision = next(h for h in links(cma) if h.startswith(f"/provisions/{HOSTILE_ACTS}?"))
    provision = get(pages, to_provision)
    assert "Cease all hostile acts" in provision
    assert "상대방에 대한 일체의 적대행위를 중지한다." in provision  # both texts
    assert "23 Nov 2023: Full implementation → Not initiated" in plain(provision)
    assert "The North scrapped the agreement." in provision
    assert "North Korea says it will no longer be bound by the military agreement" in provision
    assert f'href="{SCRAPPED_SOURCE}"' in provision
    assert "The Korea Herald" in provision
    # The demand of the open letter that names this provision.
    assert "Restore the military agreement" in provision


def test_agreement_page_filters_to_reversed_and_marks_them(pages: TestClient) -> None:
    everything = get(pages, f"/agreements/{CMA}?as_of=2023-12-31")
    assert len(re.findall(r'class="provision( is-reversed)?"', everything)) == 3
    assert everything.count('class="provision is-reversed"') == 2
    assert 'class="sparkline"' in everything
    assert f'href="/events/{SCRAPPED}"' in everything  # evidence links
    only = get(pages, f"/agreements/{CMA}?as_of=2023-12-31&reversed_only=1")
    assert only.count("provision is-reversed") == 2
    assert 'id="p-5.1"' not in only
    before = get(pages, f"/agreements/{CMA}?as_of=2018-01-01")
    assert "had not yet been signed on 1 Jan 2018" in before


def test_korean_pages_use_korean_labels_and_texts(pages: TestClient) -> None:
    html = get(pages, f"/agreements/{CMA}?as_of=2023-12-31", "ko")
    assert "역사적인 판문점선언 이행을 위한 군사분야 합의서" in html
    assert "2023년 12월 31일 기준 후퇴한 조항 2개" in html
    assert "미착수" in html  # level 0 from the codebook
    assert "이행 주체" in html  # field label from the model
    overview = get(pages, "/?as_of=2023-12-31", "ko")
    assert "역사적인 판문점선언 이행을 위한 군사분야 합의서" in overview  # short enough as it is
    assert "합의별 점수(2023년 12월 31일 기준)" in overview
    events = get(pages, "/events?type=declaration", "ko")
    assert "선언·발표" in events
    assert "북한, 군사합의에 더는 구속되지 않겠다고 발표" in events


def test_language_choice_is_remembered_in_a_cookie(pages: TestClient) -> None:
    response = pages.get("/events", params={"lang": "ko"})
    assert "lang=ko" in response.headers["set-cookie"]
    assert '<html lang="ko">' in pages.get("/agreements").text  # the cookie now decides
    assert '<html lang="en">' in pages.get("/agreements", params={"lang": "en"}).text
    pages.cookies.clear()
    assert '<html lang="ko">' in pages.get("/", headers={"Accept-Language": "ko-KR,ko;q=0.9"}).text
    assert '<html lang="en">' in pages.get("/", headers={"Accept-Language": "fr"}).text


def test_switch_link_keeps_the_page_and_its_parameters(pages: TestClient) -> None:
    html = get(pages, f"/agreements/{CMA}?as_of=2023-12-31", "en")
    switch = re.search(r'class="lang-switch" href="([^"]+)"', html)
    assert switch is not None
    target = switch.group(1).replace("&amp;", "&")
    assert target.startswith(f"/agreements/{CMA}?") and "as_of=2023-12-31" in target and "lang=ko" in target


def test_provision_page_history_points_link_to_their_evidence(pages: TestClient) -> None:
    html = get(pages, f"/provisions/{NO_FLY}?as_of=2023-12-31")
    assert 'href="#step-2023-11-22"' in html and 'id="step-2023-11-22"' in html
    assert "South Korea suspends the no-fly zone" in html
    assert "Reversed" in html
    assert "level 1, down from 3, since 22 Nov 2023" in html
    # The general clause it is an item of, linked.
    part_of = r"<dt>Part of</dt><dd><a href=\"/provisions/cma-2018/1.1\">[^<]*1.1</a></dd>"
    assert re.search(part_of, html), html
    assert "<dt>상위 조항</dt>" in get(pages, f"/provisions/{NO_FLY}", "ko")
    # Related events (any effect), in date order.
    related = html[html.index("3 events bearing on this provision") :]
    assert related.index("Buffer zones take effect") < related.index("South Korea suspends the no-fly zone")


def test_timeline_filters_paginate_and_show_sources(
    pages: TestClient, add_bundle: Callable[[dict[str, Any]], None]
) -> None:
    many = [
        {
            "id": f"talks-{i:02d}",
            "date": f"2019-{1 + i % 12:02d}-{1 + i:02d}",
            "title": {"en": f"Working-level talks {i}", "ko": f"실무 회담 {i}"},
            "type": "talks",
            "actors": ["usa", "prk"],
            "sources": [{"url": f"https://example.org/talks/{i}"}],
        }
        for i in range(27)
    ]
    add_bundle({"events": many})
    first = get(pages, "/events?type=talks&order=oldest")
    assert "27 events" in first and "Page 1 of 2" in first
    assert first.count('class="event"') == 25
    assert "https://example.org/talks/0" in first
    second = get(pages, "/events?type=talks&order=oldest&page=2")
    assert second.count('class="event"') == 2
    assert 'rel="prev"' in second
    by_actor = get(pages, "/events?actor=kor&from=2023-01-01&to=2023-12-31")
    assert "1 event" in by_actor and "South Korea suspends" in by_actor
    by_provision = get(pages, f"/events?provision={NO_FLY}")
    assert "3 events" in by_provision
    by_theme = get(pages, "/events?theme=military&to=2018-12-31")  # military-dmz is below military
    assert "Buffer zones take effect" in by_theme and "1 event" in by_theme
    words = get(pages, "/events?q=%EB%B9%84%ED%96%89%EA%B8%88%EC%A7%80")  # 비행금지
    assert "1 event" in words
    # The month bars link to their month.
    bars = [h for h in links(get(pages, "/events?from=2023-01-01", lang="")) if "to=2023-11-30" in h]
    assert bars == ["/events?from=2023-11-01&to=2023-11-30"]


def test_a_provision_page_lists_its_events_in_date_order_once_each(
    pages: TestClient, add_bundle: Callable[[dict[str, Any]], None]
) -> None:
    # Read in date order from the provision's index; an event with two effects on it is one event.
    add_bundle(
        {
            "events": [
                {
                    "id": f"patrol-{i}",
                    "date": f"2019-0{i}-15",
                    "title": {"en": f"Air patrol report {i}"},
                    "type": "military_measure",
                    "sources": [{"url": f"https://example.org/patrol-{i}"}],
                    "effects": [
                        {"provision": NO_FLY, "effect": "violates"},
                        {"provision": NO_FLY, "effect": "mentions"},
                    ],
                }
                for i in (3, 1, 2)
            ]
        }
    )
    page = get(pages, f"/provisions/{NO_FLY}")
    seen = [page.index(f"Air patrol report {i}") for i in (1, 2, 3)]
    assert seen == sorted(seen)
    assert all(page.count(f"Air patrol report {i}") == 1 for i in (1, 2, 3))


def test_timeline_ranges_find_events_that_started_before_them(
    pages: TestClient, add_bundle: Callable[[dict[str, Any]], None]
) -> None:
    # The range reads the date index from as far back as the longest multi-day event: a 45-day
    # exercise that began in 2017 is in a January 2018 range, a 3-day one that ended before it is not.
    spans = [
        ("long-exercise", "2017-12-01", "2018-01-14", "Long joint exercise"),
        ("short-visit", "2017-12-20", "2017-12-22", "Short envoy visit"),
    ]
    add_bundle(
        {
            "events": [
                {
                    "id": eid,
                    "date": start,
                    "date_end": end,
                    "title": {"en": title},
                    "type": "military_exercise",
                    "sources": [{"url": f"https://example.org/{eid}"}],
                }
                for eid, start, end, title in spans
            ]
        }
    )
    january = get(pages, "/events?from=2018-01-10&to=2018-01-31&type=military_exercise")
    assert "Long joint exercise" in january and "Short envoy visit" not in january
    assert "1 event" in january  # the count and the bars come from the same grouped count


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/agreements/no-such-agreement", 404),
        ("/provisions/cma-2018/9.9", 404),
        ("/events/no-such-event", 404),
        ("/actors/nobody", 404),
        ("/statements/nothing", 404),
        ("/gatherings/nowhere", 404),
        ("/?as_of=2023-13-45", 400),
        ("/events?from=yesterday", 400),
        ("/events?from=2024-01-01&to=2023-01-01", 400),
        ("/events?type=picnic", 400),
        ("/events?page=0", 400),
        ("/?format=xml", 400),
        ("/?format=csv&by=colour", 400),
    ],
)
def test_errors_are_pages_in_the_readers_language(pages: TestClient, url: str, status: int) -> None:
    sep = "&" if "?" in url else "?"
    for lang in LANGS:
        html = get(pages, f"{url}{sep}lang={lang}", lang="", status=status)
        assert f'<html lang="{lang}">' in html
    assert "찾을 수 없습니다" in html if status == 404 else "잘못된 요청" in html


def test_hostile_id_in_a_404_is_escaped(pages: TestClient) -> None:
    html = get(pages, "/actors/%3Cscript%3Ealert(1)", status=404)
    assert "&lt;script&gt;alert(1)" in html and "<script>alert(1)" not in html


def test_score_downloads(pages: TestClient) -> None:
    response = pages.get("/", params={"as_of": "2023-12-31", "by": "agreement", "format": "json"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    rows = {row["key"]: row for row in response.json()}
    assert rows[CMA]["score"] == 33.3 and rows[CMA]["reversed"] == 2
    assert rows[CMA]["levels"] == {"0": 1, "1": 1, "2": 1, "3": 0}
    assert rows[CMA]["label"].startswith("Agreement on the Implementation")
    response = pages.get("/", params={"as_of": "2023-12-31", "by": "theme", "format": "csv", "lang": "ko"})
    assert response.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert table[0] == [
        "key",
        "label",
        "score",
        "provisions",
        "reversed",
        "level_0",
        "level_1",
        "level_2",
        "level_3",
    ]
    military = next(row for row in table if row[0] == "military")
    assert military[1] == "군사적 신뢰 구축"
    party = pages.get("/", params={"as_of": "2023-12-31", "by": "party", "format": "json"}).json()
    assert {row["key"] for row in party} >= {"kor", "prk"}


def test_event_downloads_follow_the_filters_and_defuse_formulas(
    pages: TestClient, add_bundle: Callable[[dict[str, Any]], None]
) -> None:
    add_bundle(
        {
            "events": [
                {
                    "id": "formula",
                    "date": "2023-12-01",
                    "title": {"en": '=HYPERLINK("https://evil.example")'},
                    "type": "other",
                    "sources": [{"url": "https://example.org/formula"}],
                }
            ]
        }
    )
    data = pages.get("/events", params={"from": "2023-11-01", "to": "2023-12-31", "format": "json"}).json()
    assert [e["id"] for e in data] == ["formula", SCRAPPED, SUSPENDED]
    assert data[1]["sources"][0]["url"] == SCRAPPED_SOURCE
    text = pages.get("/events", params={"from": "2023-11-01", "to": "2023-12-31", "format": "csv"}).text
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[0][:5] == ["id", "date", "date_end", "type", "title"]
    assert table[1][4].startswith("'=")  # a spreadsheet will not run it
    assert f"{NO_FLY}:reverses" in table[2][6]


def test_report_html_and_pdf(pages: TestClient) -> None:
    html = get(pages, "/report?as_of=2023-12-31")
    assert "Implementation report, 31 Dec 2023" in html
    assert "@media print" not in html  # the stylesheet is linked, not inlined, in the HTML view
    assert SCRAPPED_SOURCE in html  # evidence of reversed provisions, with sources
    response = pages.get("/report.pdf", params={"as_of": "2023-12-31"})
    if shutil.which("chromium") is None:
        assert response.status_code == 503
        assert "Chromium" in response.text
    else:
        assert response.status_code == 200, response.text[:500]
        assert response.headers["content-type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_search_across_kinds_in_both_languages(pages: TestClient) -> None:
    html = get(pages, "/search?q=no-fly")
    assert f'href="/provisions/{NO_FLY}"' in html
    assert f'href="/events/{SUSPENDED}"' in html
    assert "<mark>no-fly</mark>" in html
    korean = get(pages, "/search?q=%EA%B5%B0%EC%82%AC%ED%95%A9%EC%9D%98", "ko")  # 군사합의
    assert f'href="/agreements/{CMA}"' in korean  # through its Korean alias
    assert f'href="/events/{SCRAPPED}"' in korean
    assert "검색 결과" in korean
    assert "<mark>" not in get(pages, "/search?q=")
    hostile = get(pages, "/search?q=alert")
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in hostile and HOSTILE not in hostile


def test_actor_page_commitments_actions_statements_gatherings_cosigners(pages: TestClient) -> None:
    pspd = get(pages, "/actors/pspd")
    assert 'href="/statements/open-letter-unsc-2019"' in pspd and 'href="/statements/hostile-letter"' in pspd
    assert 'href="/gatherings/ksm-conference-2021"' in pspd and 'href="/gatherings/hostile-gathering"' in pspd
    assert "Co-signatories" in pspd and 'href="/actors/hostile-org"' in pspd
    prk = get(pages, "/actors/prk?as_of=2023-12-31")
    assert "Commitments" in prk and f'href="/provisions/{NO_FLY}?as_of=2023-12-31"' in prk
    assert "North Korea says it will no longer be bound" in prk
    assert "Co-signatories" not in prk  # a state, and no statements signed


def test_statement_and_gathering_pages(pages: TestClient) -> None:
    letter = get(pages, "/statements/open-letter-unsc-2019")
    assert "ECOSOC" in letter  # PSPD has consultative status
    assert 'href="/actors/unsc-1718"' in letter
    assert "Keep the peace process on the Korean Peninsula going." in letter
    hostile = get(pages, "/statements/hostile-letter")
    assert f'href="/provisions/{HOSTILE_ACTS}"' in hostile
    gathering = get(pages, "/gatherings/ksm-conference-2021", "ko")
    assert "평화 프로세스 평가" in gathering and "공개" in gathering and "온·오프라인 병행" in gathering
    closed = get(pages, "/gatherings/hostile-gathering")
    assert "Closed" in closed and "Open plenary" in closed


def test_library_says_honestly_that_it_is_empty(pages: TestClient) -> None:
    assert "No documents in the library yet" in get(pages, "/library")
    assert "보관함에 아직 문서가 없습니다" in get(pages, "/library", "ko")


def test_pages_send_a_strict_content_security_policy(pages: TestClient) -> None:
    response = pages.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["vary"] == "Accept-Language, Cookie"


def test_review_needs_an_editor_signed_in(sign_in: Any, pages: TestClient, tokens: dict[str, str]) -> None:
    assert pages.get("/review").status_code == 401
    failed = sign_in(pages, "pt_wrong")
    assert failed.status_code == 401 and "That name and password, or that token, is not valid." in failed.text
    reader = sign_in(pages, tokens["reader"], follow_redirects=False)
    assert reader.status_code == 303
    assert pages.get("/review").status_code == 403
    editor = sign_in(pages, tokens["editor"], follow_redirects=False)
    cookie = editor.headers["set-cookie"]
    assert "pt_editor=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert pages.get("/review").headers["cache-control"] == "no-store"
    html = get(pages, "/review")
    assert "Signed in as editor (editor)." in html
    assert "Nothing to review" in html
    out = pages.post("/logout", follow_redirects=False)
    assert out.status_code == 303
    assert pages.get("/review").status_code == 401


def test_review_accepts_and_rejects_proposed_records(
    sign_in: Any, pages: TestClient, loaded: Store, tokens: dict[str, str]
) -> None:
    with loaded.write() as conn:
        conn.execute(update(t.events).where(t.events.c.id == SUSPENDED).values(status="proposed"))
        conn.execute(update(t.events).where(t.events.c.id == "hostile-event").values(status="proposed"))
    assert pages.get(f"/events/{SUSPENDED}").status_code == 404  # readers see accepted records only
    sign_in(pages, tokens["editor"])
    html = get(pages, "/review")
    assert "2 proposed records wait for review." in html
    assert ESCAPED in html and HOSTILE not in html
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert csrf is not None
    forged = pages.post(f"/review/events/{SUSPENDED}", data={"decision": "accept", "csrf": "0" * 64})
    assert forged.status_code == 403
    # Edit, then accept: the change goes through the validated write path.
    edited = orjson.loads(get_doc(loaded, SUSPENDED))
    edited["title"]["en"] = "South Korea suspends the no-fly zone (edited)"
    accepted = pages.post(
        f"/review/events/{SUSPENDED}",
        data={"decision": "accept", "csrf": csrf.group(1), "doc": orjson.dumps(edited).decode()},
    )
    assert accepted.status_code == 200 and "Accepted." in accepted.text
    assert "(edited)" in get(pages, f"/events/{SUSPENDED}")
    rejected = pages.post("/review/events/hostile-event", data={"decision": "reject", "csrf": csrf.group(1)})
    assert "Rejected." in rejected.text and "Nothing to review" in rejected.text
    assert pages.get("/events/hostile-event").status_code == 404
    bad = pages.post("/review/events/hostile-event", data={"decision": "accept", "csrf": csrf.group(1)})
    assert bad.status_code == 404


def get_doc(store: Store, event_id: str) -> str:
    with store.read() as conn:
        doc = conn.scalar(
            t.events.select().with_only_columns(t.events.c.doc).where(t.events.c.id == event_id)
        )
    assert isinstance(doc, str)
    return doc


def test_a_private_server_shows_pages_only_after_sign_in(
    sign_in: Any, make_client: Callable[..., TestClient], tokens: dict[str, str]
) -> None:
    private = make_client(private=True)
    html = get(private, "/", status=401)
    assert "This server is private." in html and 'href="/login"' in html
    assert private.get("/login").status_code == 200
    sign_in(private, tokens["reader"])
    assert private.get("/agreements").status_code == 200


def test_catalogues_agree_on_keys_and_placeholders() -> None:
    en, ko = read_messages("en"), read_messages("ko")
    assert set(en) == set(ko)

    def fields(message: object) -> set[str]:
        texts = message.values() if isinstance(message, dict) else [message]
        return {name for text in texts for _, name, _, _ in string.Formatter().parse(str(text)) if name}

    for key in en:
        assert fields(en[key]) == fields(ko[key]), key


def test_link_page_ranks_provisions_for_a_pasted_text(pages: TestClient) -> None:
    html = get(pages, "/link?text=" + quote("North Korean drones flew into the no-fly zone"))
    table = html[html.index('<table class="small candidates">') : html.index("</table>")]
    rows = re.findall(r'<td><a href="/provisions/([^"]+)">', table)
    assert rows[:2] == [NO_FLY, HOSTILE_ACTS]  # the no-fly zone, then the general clause it is part of
    assert "no-fly" in table and "effect-" in table
    korean = get(pages, "/link?text=" + quote("무인기가 비행금지구역을 넘었다"), "ko")
    assert "글과 관련된 조항 찾기" in korean and f'href="/provisions/{NO_FLY}"' in korean
    assert "No provision shares a word with this text." in get(pages, "/link?text=zzz")
    empty = get(pages, "/link")
    assert "<textarea" in empty and "<table" not in empty
    # The search page points to it with the words searched for.
    assert 'href="/link?text=drones"' in get(pages, "/search?q=drones")
