"""Relative dates in news and the dates a document gives itself."""

from __future__ import annotations

from datetime import date

from peacetrack.pipeline.extract.relative import relative_dates
from peacetrack.pipeline.prepare.describe import find_date

WEDNESDAY = date(2023, 11, 22)


def _resolved(text: str, anchor: date | None = WEDNESDAY) -> list[tuple[str, date]]:
    return [(value.mark.text, value.start) for value in relative_dates(text, anchor, [])]


def test_weekdays_fall_on_or_before_the_article_date() -> None:
    assert _resolved("The Cabinet met on Wednesday after the launch on Tuesday.") == [
        ("Wednesday", date(2023, 11, 22)),
        ("Tuesday", date(2023, 11, 21)),
    ]
    assert _resolved("Talks collapsed last Wednesday.") == [("Wednesday", date(2023, 11, 15))]
    assert _resolved("The office was blown up yesterday.") == [("yesterday", date(2023, 11, 21))]


def test_a_weekday_with_its_date_is_left_to_the_absolute_reader() -> None:
    assert _resolved("The forum opens on Tuesday, 5 March, and on Thursday 7 March.") == []


def test_korean_days_of_the_month_and_words() -> None:
    anchor = date(2020, 6, 11)
    assert _resolved("북한이 지난 9일 정오부터 통신선을 차단했다.", anchor) == [
        ("지난 9일", date(2020, 6, 9))
    ]
    assert _resolved("두 정상은 지난달 30일 오후 판문점에서 만났다.", date(2019, 7, 1)) == [
        ("지난달 30일", date(2019, 6, 30))
    ]
    assert _resolved("북한은 28일(현지시간) 발표했다.", date(2024, 4, 2)) == [("28일", date(2024, 3, 28))]
    assert _resolved("국방부는 전날 밝혔다.", anchor) == [("전날", date(2020, 6, 10))]


def test_korean_durations_are_not_dates() -> None:
    assert _resolved("회의는 3일간 열렸고 5일 동안 이어졌다.", date(2020, 6, 11)) == []


def test_nothing_is_resolved_without_the_document_date() -> None:
    assert _resolved("on Tuesday", None) == []


def test_document_date_from_head_lines_datelines_and_closings() -> None:
    assert find_date("THE DESK\nEdition of Wednesday, June 17, 2020\n\nNORTH KOREA ...")[0] == date(
        2020, 6, 17
    )
    assert find_date("NEWS | Home\n\nAll News · 16:12 November 23, 2023\n\nBy A. Writer")[0] == date(
        2023, 11, 23
    )
    assert find_date("PEACE NETWORK\n\nSeoul, 24 March 2025\n\nInvitation: Roundtable")[0] == date(
        2025, 3, 24
    )
    closing = "가. 요구한다.\n" * 20 + "2020년 12월 3일 대북 인도지원 제재 면제 개선을 바라는 단체 일동\n"
    assert find_date(closing, "statement")[0] == date(2020, 12, 3)


def test_a_programme_date_field_is_the_event_not_the_notice() -> None:
    text = "When the Lines Go Dead\n\nDate | Tuesday, 22 October 2024\nTime | 8:30 AM\n"
    assert find_date(text, "programme") is None
    assert find_date(text, "statement") is not None
    mail = "From: a@b.org\nDate: Wed, 12 Jul 2023 10:41:07 -0400\nSubject: webinar\n"
    assert find_date(mail, "programme")[0] == date(2023, 7, 12)


def test_a_sentence_that_mentions_a_date_does_not_date_the_document() -> None:
    assert find_date("On 3 May 2021 North Korea test-fired a missile. More to come") is None
