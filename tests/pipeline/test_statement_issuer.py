"""The one organisation a statement without a signature list comes from."""

from __future__ import annotations

import pytest

from peacetrack.pipeline.extract.issuer import issuer
from peacetrack.pipeline.prepare import detect_kind
from peacetrack.pipeline.resources import Resources

BODY = "정부는 군사합의 효력정지 결정을 즉각 철회해야 한다. 우리는 대화의 자리로 나설 것을 촉구한다.\n\n"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # under the text, before its end mark and contact line
        (
            "[논평] 제목\n\n" + BODY + "참여연대 평화군축센터\n\n- 끝 -\n\n문의: 참여연대 02-000-0000\n",
            "참여연대 평화군축센터",
        ),
        # under the date, with the signer's office and name after it
        (
            "성  명  서\n\n"
            + BODY
            + "2018년 4월 27일\n한국기독교교회협의회 총무 이홍정\n---------\n담당: 화해·통일국\n",
            "한국기독교교회협의회",
        ),
        # at the head, before the genre word, when the text ends with its end mark only
        (
            "참여연대 평화군축센터 논평\n\n제목\n\n2019. 3. 1.\n\n" + BODY + "- 끝 -\n",
            "참여연대 평화군축센터",
        ),
        # at the head, on the line after the date
        ("[성명] 제목\n\n2020. 6. 17.\n참여연대 평화군축센터\n\n" + BODY + "[끝]\n", "참여연대 평화군축센터"),
        ("Statement\n\nWe call on both governments to resume talks.\n\nPeace Network\n", "Peace Network"),
    ],
)
def test_the_issuer_is_read_from_where_statements_name_it(text: str, name: str) -> None:
    assert [ref.name for ref in issuer(text)] == [name]


def test_a_last_sentence_or_a_person_is_no_issuer() -> None:
    assert issuer("[성명] 제목\n\n" + BODY) == ()
    assert issuer("Statement\n\nWe call on both governments to resume talks.\n\nJane Kim\n") == ()


@pytest.mark.parametrize(
    "head", ["논 평 | 발행일 2024. 6. 4. (화) | 문서번호 PD2024", "                 성  명  서"]
)
def test_a_letter_spaced_genre_word_makes_a_statement(head: str, resources: Resources) -> None:
    text = f"{head}\n참여연대\n\n9·19 군사합의 전부 효력정지, 위험한 결정\n\n{BODY}2024년 6월 4일\n참여연대\n"
    assert detect_kind(text, resources) == "statement"


def test_a_letter_spaced_name_field_makes_no_statement(resources: Resources) -> None:
    form = "성  명 : 홍길동\n주  소 : 서울특별시\n\n위 사람은 다음과 같이 신청합니다.\n"
    assert detect_kind(form, resources) != "statement"
    assert issuer("Statement\n\nWe call on both governments to talk.\n\nTake Action Now!\n") == ()


@pytest.mark.parametrize(
    ("title", "who"),
    [
        ("Open Letter to President Biden: It Is Time to End the Korean War", "President Biden"),
        ("An Open Letter to President Biden Ahead of the May 21 Summit", "President Biden"),
        (
            "Open Letter to the Secretary-General on the 70th anniversary of the Armistice",
            "the Secretary-General",
        ),
        ("Open letter to Women for Peace", "Women for Peace"),
    ],
)
def test_a_title_names_whom_the_letter_is_to_without_its_subtitle_or_occasion(title: str, who: str) -> None:
    from peacetrack.pipeline.extract.statements import _TITLE_TO

    found = _TITLE_TO.search(title)
    assert found is not None and found.group("who") == who


def test_a_line_of_prose_ending_in_hamkke_is_no_greeting() -> None:
    from peacetrack.pipeline.extract.statements import _salutation

    text = "[성명] 제목\n\n우리는 이를 분명히 비판한다. 그러나 그 원인을 함께\n살펴야 한다.\n"
    assert _salutation(text) == []
    assert [ref.name for ref in _salutation("존경하는 대통령님께,\n\n본문.\n")] == ["대통령"]


@pytest.mark.parametrize(
    "dateline",
    [
        "PAJU, South Korea, April 28 — Several hundred people gathered at Imjingak on Thursday.",
        "PAJU, Gyeonggi Province -- Holding hands along the road, roughly 2,000 people formed a chain.",
    ],
)
def test_a_dateline_with_its_region_makes_news(dateline: str, resources: Resources) -> None:
    text = f"Five years after Panmunjom\n\nBy Grace Min\n\n{dateline}\n\nOrganisers said more would come.\n"
    assert detect_kind(text, resources) == "news"
    programme = (
        "Programme\n\nThursday, September 21 – Friday, September 22, 2023\nVenue: Seoul\n"
        "Organised by: Peace Network\n\n09:00 Registration\n09:30 Opening session\n10:00 Panel 1\n"
    )
    assert detect_kind(programme, resources) != "news"
