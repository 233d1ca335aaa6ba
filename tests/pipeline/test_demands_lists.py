"""Demands written as lists (numbered, bulleted, 하나/첫째) and whom letters greet."""

from __future__ import annotations

from peacetrack.pipeline.extract.demands import extract_demands
from peacetrack.pipeline.prepare import describe, segment
from peacetrack.pipeline.read import read_bytes


def _demands(text: str) -> list[tuple[str, list[str]]]:
    document = segment(read_bytes(text.encode(), "letter.txt"))
    return [
        (d.text, [a.name for a in d.addressees]) for d in extract_demands(document.text, document.sentences)
    ]


def test_numbered_proposals_under_an_introduction_are_one_demand_each() -> None:
    text = (
        "Our organisations hold different views on the sanctions regime.\n\n"
        "In this context, we respectfully put forward the following proposals "
        "for the Council's consideration:\n\n"
        "1. Request the Secretary-General to prepare an independent assessment.\n\n"
        "2. Maintain and strengthen the humanitarian exemption mechanism.\n\n"
        "3. Hold an open briefing of the Council.\n\n"
        "Sanctions were meant to be a tool of diplomacy."
    )
    assert [d for d, _ in _demands(text)] == [
        "Request the Secretary-General to prepare an independent assessment.",
        "Maintain and strengthen the humanitarian exemption mechanism.",
        "Hold an open briefing of the Council.",
    ]


def test_korean_imperative_items_name_their_addressees() -> None:
    text = (
        "효력정지가 의결되자마자 정부는 사격훈련 재개를 예고하고 있다.\n\n"
        "하나, 정부는 9.19 군사합의 효력정지 결정을 즉각 철회하라!\n"
        "하나, 정부는 대북 전단 살포를 막아라!\n"
        "하나, 남과 북은 모든 적대행위를 멈추고 대화에 나서라!\n\n"
        "2024년 6월 5일"
    )
    found = _demands(text)
    assert [d for d, _ in found] == [
        "정부는 9.19 군사합의 효력정지 결정을 즉각 철회하라!",
        "정부는 대북 전단 살포를 막아라!",
        "남과 북은 모든 적대행위를 멈추고 대화에 나서라!",
    ]
    # "남과 북" names both governments, each as its own addressee.
    assert [a for _, a in found] == [["정부"], ["정부"], ["대한민국 정부", "북한 정부"]]


def test_the_introduction_is_not_an_ask_and_wrapped_items_are_joined() -> None:
    text = (
        "판문점선언 5주년을 맞아 우리는 다음과 같이 촉구한다.\n"
        "- 남북 당국은 판문점선언을 존중하고 이행 의지를\n분명히 밝혀야 한다.\n"
        "- 미국 정부는 조건 없는 대화에 나서야 한다.\n\n"
        "2023년 4월 27일"
    )
    assert [d for d, _ in _demands(text)] == [
        "남북 당국은 판문점선언을 존중하고 이행 의지를 분명히 밝혀야 한다.",
        "미국 정부는 조건 없는 대화에 나서야 한다.",
    ]


def test_a_list_of_facts_is_not_a_list_of_demands() -> None:
    text = "The workshop covered:\n\n- the history of the armistice\n- the 2018 agreements\n"
    assert _demands(text) == []


def test_a_urging_headline_a_set_off_subtitle_and_a_list_introduction_are_not_asks() -> None:
    text = (
        "대북 인도지원 제재 면제 절차 개선을 환영하며, 더 과감한 조치를 촉구한다\n\n"
        "― 정전협정 70년을 맞아 한국전쟁의 종식을 호소하며 ―\n\n"
        "인도지원 단체들은 실무 연락조차 어려워졌다고 호소하고\n있다.\n\n"
        "우리 시민사회는 뜻을 모아 아래와 같이 요구한다.\n\n"
        "1. 정부는 군사합의를 복원하라.\n2. 남북 당국은 연락채널을 복원하라.\n"
    )
    document = describe(segment(read_bytes(text.encode(), "statement.txt")))
    title = document.title_mark
    assert title is not None and title.text.startswith("대북 인도지원")
    found = [d.text for d in extract_demands(document.text, document.sentences, title)]
    assert found == ["정부는 군사합의를 복원하라.", "남북 당국은 연락채널을 복원하라."]


def test_requests_and_demands_introduce_their_lists_and_an_unmapped_bullet_is_a_bullet() -> None:
    from peacetrack.pipeline.read.pdf import _spaced

    text = (
        "Sanctions are a tool of the Council. We therefore respectfully set out the following requests:\n\n"
        "• Instruct the Committee to decide on exemption requests within 30 days.\n"
        "• Extend the validity of humanitarian exemptions to twelve months.\n\n"
        "On this Liberation Day, we raise the following demands:\n\n"
        "- Declare a formal end to the Korean War.\n- Reopen channels for civilian exchange.\n"
    )
    assert len(_demands(text)) == 4
    assert _spaced("(cid:127) to restore the liaison channels;") == "• to restore the liaison channels;"


def test_slogans_one_a_line_are_demands_each_asking_its_subject() -> None:
    text = (
        "우리는 맞대응의 악순환을 강력히 규탄한다.\n\n"
        "윤석열 정부는 9.19 군사합의 효력정지 결정을 즉각 철회하라!\n"
        "북한 당국은 군사합의 파기 선언을 거두고 모든 무력시위를 중단하라!\n"
        "윤석열 정부는 남북 연락채널 복원과 대화 재개에 당장 나서라!\n\n"
        "2023년 11월 23일\n"
    )
    assert [whom for _, whom in _demands(text)] == [["윤석열 정부"], ["북한 당국"], ["윤석열 정부"]]
    one = "정부는 결정을 즉각 철회하라!\n\n우리는 함께 행동할 것이다.\n"
    assert _demands(one) == []  # one exclamation is a cry, not a list of asks


def test_items_under_a_triangle_asked_of_whom_the_introduction_names() -> None:
    text = (
        "이에 우리 종교·시민사회는 윤석열 정부와 북측 당국에 다음과 같이 요구한다.\n\n"
        "▲ 대북 확성기 방송 즉각 중단\n\n"
        "▲ 오물풍선 살포 즉각 중단\n\n"
        "우리는 행동을 이어갈 것이다.\n"
    )
    found = _demands(text)
    assert [d for d, _ in found] == ["대북 확성기 방송 즉각 중단", "오물풍선 살포 즉각 중단"]
    assert found[0][1] == ["윤석열 정부", "북측 당국"]
    also = (
        "이에 저희는 사무총장님께 다음과 같이 요청합니다.\n\n"
        "1. 대화를 주선해 주십시오.\n2. 인도적 지원을 늘려 주십시오.\n"
    )
    assert {tuple(whom) for _, whom in _demands(also)} == {("사무총장님",)}  # not "이에 저희는 사무총장님"


def test_polite_korean_asks_under_an_introduction_and_a_heading() -> None:
    text = (
        "이에 저희 시민사회단체들은 대통령님과 국회에 다음과 같이 요청드립니다.\n\n요구사항\n\n"
        "1. 정부는 효력정지 결정을 재고해 주십시오.\n\n2. 국회는 법 개정을 논의해 주십시오.\n\n"
        "평화는 한번 잃으면 되찾기 어렵습니다.\n"
    )
    assert _demands(text) == [
        ("정부는 효력정지 결정을 재고해 주십시오.", ["정부"]),
        ("국회는 법 개정을 논의해 주십시오.", ["국회"]),
    ]
    # "청합니다" introduces a list too, and items wrapped over lines are joined.
    text = (
        "저희는 다음과 같이\n간곡히 청합니다.\n\n1) 사무총장께서 종전 협상을\n주선해 주십시오.\n\n"
        "2) 인도적 지원이 지연되지 않도록 해 주십시오.\n\n3) 평화의 공간 구상을 지지해 주십시오.\n"
    )
    assert len(_demands(text)) == 3


def test_a_subject_line_a_headline_and_a_bare_verb_are_no_asks() -> None:
    text = (
        "추가 대북 제재에 관한 서한\n\n제목 | 인도적 영향 평가를 요청합니다\n\n"
        "6·15 공동선언 22주년에 즈음하여 연락채널 복원을 요청합니다\n\n"
        "우리는 정부에 대화 재개를 요청합니다.\n\n촉구한다.\n"
    )
    assert [d for d, _ in _demands(text)] == ["우리는 정부에 대화 재개를 요청합니다."]


def test_items_numbered_without_stops_count_only_in_turn_under_an_introduction() -> None:
    text = (
        "Dear President Lee,\n\nWe respectfully call on your government to:\n\n"
        "1 Restore the 19 September Comprehensive Military Agreement in full.\n\n"
        "2 Propose the resumption of inter-Korean military talks.\n\n"
        "3 Prevent leaflet and balloon launches from the South.\n\n"
        "2019 was the year the talks stalled, and 40 years of division weigh on families.\n"
    )
    assert [t for t, _ in _demands(text)] == [
        "Restore the 19 September Comprehensive Military Agreement in full.",
        "Propose the resumption of inter-Korean military talks.",
        "Prevent leaflet and balloon launches from the South.",
    ]


def test_a_korean_government_told_what_it_must_do_is_an_ask_of_it() -> None:
    text = (
        "우리는 합의가 여전히 유효하다고 믿는다.\n\n"
        "문재인 정부는 대북전단 살포를 막고 판문점선언을 이행하는 데 나서야 한다.\n\n"
        "미국 정부는 협력 사업에 대한 간섭을 멈추라.\n\n"
        "평화는 포기하는 순간 멀어진다.\n"
    )
    assert _demands(text) == [
        ("문재인 정부는 대북전단 살포를 막고 판문점선언을 이행하는 데 나서야 한다.", ["문재인 정부"]),
        ("미국 정부는 협력 사업에 대한 간섭을 멈추라.", ["미국 정부"]),
    ]


def test_items_under_a_heading_that_names_them_as_asks_are_demands() -> None:
    text = (
        "Each side presents its actions as a response to the other. That is how escalation works.\n\n"
        "Our calls\n\n"
        "• The Government of the DPRK should stop sending balloons across the border.\n"
        "• The Government of the Republic of Korea should switch off the loudspeakers.\n"
        "• Both governments should reconnect the liaison and military hotlines.\n\n"
        "The summer of 2018 showed that the border can be quiet."
    )
    got = _demands(text)
    assert [d for d, _ in got] == [
        "The Government of the DPRK should stop sending balloons across the border.",
        "The Government of the Republic of Korea should switch off the loudspeakers.",
        "Both governments should reconnect the liaison and military hotlines.",
    ]
    background = text.replace("Our calls", "Background")
    assert _demands(background) == []
