"""The date extractor: English and Korean forms, lists and ranges, partial dates resolved."""

from __future__ import annotations

from datetime import date

import pytest

from peacetrack.pipeline.extract.dates import extract_dates, scan
from peacetrack.pipeline.prepare import split_sentences

JAN_2022 = date(2022, 1, 21)


def found(text: str, anchor: date | None = JAN_2022) -> list[tuple[str, str | None, str, str]]:
    phrases = extract_dates(text, split_sentences(text), anchor)
    return [
        (v.start.isoformat(), v.end.isoformat() if v.end else None, v.precision, v.mark.text)
        for phrase in phrases
        for v in phrase.values
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signed on 21 March 2019.", [("2019-03-21", None, "day", "21 March 2019")]),
        ("Signed on March 21, 2019.", [("2019-03-21", None, "day", "March 21, 2019")]),
        ("In March 2019 they met.", [("2019-03-01", None, "month", "March 2019")]),
        ("It was demolished in June of 2020.", [("2020-06-01", None, "month", "June of 2020")]),
        ("Held 29-30 November 2021.", [("2021-11-29", "2021-11-30", "day", "29-30 November 2021")]),
        (
            "From 29 November to 1 December 2021.",
            [("2021-11-29", "2021-12-01", "day", "29 November to 1 December 2021")],
        ),
        ("from April to June 2018", [("2018-04-01", "2018-06-30", "month", "April to June 2018")]),
        ("2018년 4월 27일 판문점에서", [("2018-04-27", None, "day", "2018년 4월 27일")]),
        ("2018년 9월에 평양에서", [("2018-09-01", None, "month", "2018년 9월")]),
        (
            "2023년 11월 15일부터 16일까지",
            [("2023-11-15", "2023-11-16", "day", "2023년 11월 15일부터 16일까지")],
        ),
        ("11월 29일(월)~12월 1일(수)", [("2021-11-29", "2021-12-01", "day", "11월 29일(월)~12월 1일(수)")]),
        ("회의는 2021.11.29 열렸다", [("2021-11-29", None, "day", "2021.11.29")]),
        ("작성일 2022-01-21 14:55", [("2022-01-21", None, "day", "2022-01-21")]),
        ("2021. 11. 29. 개최", [("2021-11-29", None, "day", "2021. 11. 29.")]),
        # a time between a range's first day and its separator
        (
            "일시: 2021년 7월 25일(화) 13:00 ~ 7월 26일(수) 16:00",
            [("2021-07-25", "2021-07-26", "day", "2021년 7월 25일(화) 13:00 ~ 7월 26일(수)")],
        ),
        (
            "2021. 6. 15.(목) 14:00 ~ 6. 17.(토)",
            [("2021-06-15", "2021-06-17", "day", "2021. 6. 15.(목) 14:00 ~ 6. 17.(토)")],
        ),
        ("2021년 7월 25일 13:00 ~ 15:00", [("2021-07-25", None, "day", "2021년 7월 25일")]),
    ],
)
def test_forms(text: str, expected: list[tuple[str, str | None, str, str]]) -> None:
    assert found(text) == expected


def test_consecutive_days_are_one_range_with_the_documents_year() -> None:
    text = "Following on from June's conference, on November 29th, 30th, and December 1st the KSM hosted it."
    # The document is dated January 2022: the nearest November is 2021's.
    assert found(text) == [("2021-11-29", "2021-12-01", "day", "November 29th, 30th, and December 1st")]


def test_a_list_of_months_is_several_dates() -> None:
    assert found("three inter-Korean summits in April, May, and September 2018") == [
        ("2018-04-01", None, "month", "April"),
        ("2018-05-01", None, "month", "May"),
        ("2018-09-01", None, "month", "September 2018"),
    ]


def test_a_list_of_days_not_in_a_row_is_several_dates() -> None:
    assert [v[0] for v in found("on 3, 10 and 17 May 2019")] == ["2019-05-03", "2019-05-10", "2019-05-17"]


def test_partial_korean_date_takes_the_nearest_year() -> None:
    assert found("4월 27일 회담이 열린다", date(2018, 3, 1)) == [("2018-04-27", None, "day", "4월 27일")]
    assert found("12월 28일 회담", date(2019, 1, 10)) == [("2018-12-28", None, "day", "12월 28일")]


def test_a_year_in_the_same_sentence_wins_over_the_documents_date() -> None:
    assert found("In 2018, talks began on 27 April.", JAN_2022)[0][0] == "2018-04-27"


def test_without_a_document_date_the_last_year_named_is_used() -> None:
    text = "The process began in 2018. Talks resumed on 27 April."
    assert found(text, None) == [("2018-04-27", None, "day", "27 April")]


def test_range_across_new_year() -> None:
    assert found("From December 30th to January 2nd.") == [
        ("2021-12-30", "2022-01-02", "day", "December 30th to January 2nd")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "May we hope for peace. It may rain.",  # "May" the verb
        "June's conference was held online.",  # a month alone says too little
        "9월 평양공동선언과 4·27 판문점선언",  # names of agreements, not dates
        "Tel +82 2 723 4250, 16 Jahamunro 9-gil, Seoul 03036",
        "The 2nd DPRK-U.S. summit after 70 years",
        "We are 55 civil society organizations.",
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text) == []


def test_invalid_calendar_dates_are_dropped() -> None:
    assert found("on 31 February 2019 and 2019-13-45") == []


def test_a_wire_date_line_in_capitals_dates_the_report_and_its_relative_days() -> None:
    from peacetrack.pipeline.prepare.describe import find_date

    text = (
        "WORLD NEWS  |  MARCH 1, 2019 / 4:52 PM  |  UPDATED\n\n"
        "Activists urge talks after summit collapse\n\n"
        "SEOUL (Reuters) - Several hundred activists marched in central Seoul on Friday, a day after the "
        "summit ended abruptly in Hanoi.\n"
    )
    found = find_date(text, "news")
    assert found is not None and found[0] == date(2019, 3, 1)
    assert text[found[1] : found[2]] == "MARCH 1, 2019"
    # A headline's capitals are no date: "MAY" is a verb there, with no day or year beside it.
    assert find_date("NORTH KOREA MAY TEST A MISSILE\n\nAnalysts say a launch is near.\n", "news") is None


def test_a_dotted_date_with_hours_after_it_is_one_day() -> None:
    days = [(i.month, i.day) for p in scan("■ 일시 : 2023. 9. 14.(목) 오후 2시 ~ 5시") for i in p.items]
    assert days == [(9, 14)]  # "~ 5시" is five o'clock, not the 5th
    assert [(i.month, i.day) for p in scan("2022.11.24~25") for i in p.items] == [(11, 24), (11, 25)]
