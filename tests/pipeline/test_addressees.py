"""Addressees: courtesy wrappers cut, joint forms split, and each resolved to the body, state or person
it names (a government to its state, a titled person to the person)."""

from __future__ import annotations

import pytest

from peacetrack.model.records import Actor
from peacetrack.pipeline import Registry
from peacetrack.pipeline.extract.addressees import names_addressed
from peacetrack.pipeline.extract.demands import extract_demands
from peacetrack.pipeline.extract.statements import extract_statements
from peacetrack.pipeline.prepare import describe, segment
from peacetrack.pipeline.read import read_bytes
from peacetrack.pipeline.records import Extractor, Mark, NameRef
from peacetrack.pipeline.resolve import _addressees, _many


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("President and Members of the United Nations Security Council", ["United Nations Security Council"]),
        ("1718 Committee Secretariat <sc-1718@un.example.org>", ["1718 Committee"]),
        ("peace-network@lists.example.net", []),
        ("U.S. Congress – Korean War Armistice at 70", ["U.S. Congress"]),
        ("both governments", []),
        ("all parties", []),
        (
            "President Yoon Suk Yeol and Chairman Kim Jong Un",
            ["President Yoon Suk Yeol", "Chairman Kim Jong Un"],
        ),
        ("President Joe Biden, President Yoon Suk Yeol", ["President Joe Biden", "President Yoon Suk Yeol"]),
        (
            "the governments of the Republic of Korea and the DPRK",
            ["Government of the Republic of Korea", "Government of the DPRK"],
        ),
        ("한미 양국 정부", ["대한민국 정부", "미국 정부"]),
        ("남·북·미·중 네 나라", ["대한민국 정부", "북한 정부", "미국 정부", "중국 정부"]),
        ("남과 북의 당국", ["대한민국 당국", "북한 당국"]),
        ("북한 당국", ["북한 당국"]),  # 북한 is one country, not 북 and 한
        ("한미 의회", ["대한민국 국회", "미국 의회"]),
        ("제21대 국회의원 여러분", ["국회"]),
        ("안전보장이사회 이사국 대사님들", ["안전보장이사회"]),
        ("대통령 이재명 / 국회의장 우원식 및 국회의원", ["이재명 대통령", "우원식 국회의장", "국회"]),
        ("정부", ["대한민국 정부"]),
        ("남", []),
        ("여야", []),
        ("위원국", []),
        ("118th United States Congress", ["United States Congress"]),
        ("the Council and its", []),
        # words pointing back at addressees named elsewhere
        ("these governments", []),
        ("your four governments", []),
        ("two Korean governments", []),
        ("Council and to the Committee", []),
        ("두 분 정상", []),
        ("네 나라 정부", []),
        ("의원님들", []),
        ("이", []),
        ("이에 대통령", ["대통령"]),
        ("Members of the United Nations Security Council", ["United Nations Security Council"]),
        ("members of the press", ["members of the press"]),
        ("유엔 안전보장이사회 15개 이사국 상주", ["유엔 안전보장이사회"]),
        ("유엔 안전보장이사회 이사국 대표부 귀중", ["유엔 안전보장이사회"]),
        ("안보리 대북제재위원회(1718 위원회) 위원장", ["안보리 대북제재위원회(1718 위원회)"]),
        (
            "조 바이든 미국 대통령, 윤석열 대한민국 대통령",
            ["조 바이든 미국 대통령", "윤석열 대한민국 대통령"],
        ),
        (
            "the governments of the United States, the Republic of Korea and China, as the parties concerned",
            ["Government of the United States", "Government of the Republic of Korea", "Government of China"],
        ),
        (
            "the Governments of the Republic of Korea and the United States, and to the Security Council",
            [
                "Government of the Republic of Korea",
                "Government of the United States",
                "the Security Council",
            ],
        ),
    ],
)
def test_names_addressed(written: str, names: list[str]) -> None:
    assert names_addressed(written) == names


@pytest.fixture
def leaders(registry: Registry) -> Registry:
    return registry.adding(
        [
            Actor(id="yoon", kind="person", country="KOR", name={"en": "Yoon Suk Yeol", "ko": "윤석열"}),
            Actor(
                id="biden",
                kind="person",
                country="USA",
                name={"en": "Joe Biden", "ko": "조 바이든"},
                aliases=["바이든"],
            ),
        ]
    )


@pytest.mark.parametrize(
    ("written", "actor"),
    [
        ("Government of the Republic of Korea", "kor"),
        ("the DPRK authorities", "prk"),
        ("대한민국 정부", "kor"),
        ("미국 당국", "usa"),
        ("윤석열 정부", "kor"),  # a government named after its leader is the leader's state
        ("President Yoon Suk Yeol", "yoon"),
        ("조셉 R. 바이든 미합중국 대통령", "biden"),  # more of the name than the registry has
        ("Joe Biden, President of the United States of America", "biden"),
        ("Government of Atlantis", None),
    ],
)
def test_addressees_resolve_through_their_titles(leaders: Registry, written: str, actor: str | None) -> None:
    ref = NameRef(written, Mark(0, len(written), written, Extractor("test", "1")))
    assert [r.actor for r in _addressees([ref], leaders)] == [actor]


def test_a_list_introduction_names_whom_its_items_ask() -> None:
    text = (
        "We address the Government of the Republic of Korea and the Government of the United States,"
        " and we ask them to take two steps:\n\n"
        "- reopen the military communication line;\n"
        "- resume talks without preconditions.\n"
    )
    demands = extract_demands(text, ())
    assert [[a.name for a in d.addressees] for d in demands] == [
        ["Government of the Republic of Korea", "Government of the United States"]
    ] * 2


def test_a_state_in_brackets_is_where_the_organisation_is_not_who(registry: Registry) -> None:
    assert registry.match("Peace Boat (Japan)") is None
    assert registry.match("Unknown Peace Group (South Korea)") is None
    assert registry.match("PSPD (South Korea)") == "pspd"


def test_a_korean_topic_that_is_no_body_asks_no_one() -> None:
    text = (
        "다음과 같이 요구한다.\n\n"
        "첫째, 인도적 지원과 이산가족 문제만큼은 정치적 상황과 분리해 지속될 수 있도록 해 주십시오.\n"
        "둘째, 미국과 북한은 조건 없는 대화에 나서라.\n"
    )
    found = [[a.name for a in d.addressees] for d in extract_demands(text, ())]
    assert found == [[], ["미국 정부", "북한 정부"]]


def test_a_korean_official_letters_spaced_label_and_a_dated_note_after_the_name() -> None:
    letter = (
        "유엔 안전보장이사회 의장에게 보내는 서한\n\n"
        "수 신 유엔 안전보장이사회 의장 (2024년 4월 의장국: 몰타)\n발 신 평화네트워크\n\n"
        "의장님께,\n\n우리는 대화를 요청합니다.\n"
    )
    document = segment(describe(read_bytes(letter.encode(), "letter.txt")))
    (statement,) = extract_statements(document)
    assert [ref.name for ref in statement.addressees] == ["유엔 안전보장이사회 의장"]


def test_a_statement_without_a_signature_block_is_signed_by_whom_it_says_issued_it() -> None:
    release = (
        "FRIENDS COMMITTEE ON NATIONAL LEGISLATION\n\nFOR IMMEDIATE RELEASE\nJune 12, 2019\n\n"
        "STATEMENT: Congress must back diplomacy\n\nFCNL urges Congress to pass H.Res. 152.\n\n###\n\n"
        "About FCNL: The Friends Committee on National Legislation is a nonpartisan Quaker lobby.\n"
    )
    (statement,) = extract_statements(segment(describe(read_bytes(release.encode(), "release.txt"))))
    assert [ref.name for ref in statement.signatories] == ["Friends Committee on National Legislation"]
    korean = (
        "보 도 자 료\n\n발 신 : 참여연대 평화군축센터 (담당: 간사 02-723-0000)\n\n정부는 대화에 나서라.\n"
    )
    (statement,) = extract_statements(segment(describe(read_bytes(korean.encode(), "release.txt"))))
    assert [ref.name for ref in statement.signatories] == ["참여연대 평화군축센터"]


def test_a_statement_that_says_to_whom_it_is_addressed_and_a_name_after_a_table_bar() -> None:
    text = (
        "Statement on the first anniversary\n\nApril 26, 2019\n\nThis statement is addressed to President "
        "Moon Jae-in of the Republic of Korea and Chairman Kim Jong Un of the Democratic People’s Republic "
        "of Korea.\n\nWe ask you both to meet again.\n"
    )
    (statement,) = extract_statements(segment(describe(read_bytes(text.encode(), "statement.txt"))))
    assert [ref.name for ref in statement.addressees] == ["President Moon Jae-in", "Chairman Kim Jong Un"]
    assert names_addressed("| 통일부 장관") == ["통일부 장관"]


def test_a_to_block_whose_second_line_names_a_chair_with_its_article() -> None:
    text = (
        "OPEN LETTER\n\nTo: The Members of the United Nations Security Council\n"
        "The Chair of the Security Council Committee established pursuant to resolution 1718 (2006)\n\n"
        "3 March 2021\n\nExcellencies,\n\nWe ask you to renew the exemptions.\n"
    )
    (statement,) = extract_statements(segment(describe(read_bytes(text.encode(), "letter.txt"))))
    assert len(statement.addressees) == 2
    assert "1718" in statement.addressees[1].name


def _addressees_of(text: str) -> list[str]:
    (statement,) = extract_statements(segment(describe(read_bytes(text.encode(), "letter.txt"))))
    return [ref.name for ref in statement.addressees]


def test_a_to_line_naming_only_a_mailing_list_leaves_the_greeting_to_say_whom() -> None:
    text = (
        "From: Letter Team <team@lists.example.net>\nTo: peace-network@lists.example.net\n"
        "Subject: final text\n\nFebruary 20, 2019\n\nDear President Trump and Chairman Kim,\n\n"
        "We ask you to turn the promises of Singapore into steps.\n"
    )
    assert _addressees_of(text) == ["President Trump", "Chairman Kim"]


def test_a_bulleted_korean_recipient_label_with_a_second_office_under_it() -> None:
    text = (
        "첫 '이산가족의 날'을 맞아 드리는 공개서한\n\n"
        "■ 받는 분 : 윤석열 대통령님\n김영호 통일부 장관님\n■ 보내는 날 : 2023년 9월 26일\n\n"
        "존경하는 대통령님, 그리고 장관님.\n\n상봉을 재개해 주십시오.\n"
    )
    assert _addressees_of(text) == ["윤석열 대통령", "김영호 통일부 장관"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "We address this statement to President Yoon Suk Yeol and to Chairman\nKim Jong Un, who alone can"
            " decide whether the guardrails stay.",
            ["President Yoon Suk Yeol", "Chairman Kim Jong Un"],
        ),
        (
            "We therefore address ourselves, with respect and with urgency, to President Yoon Suk Yeol, to"
            " Chairman Kim Jong Un and to President Joe Biden:",
            ["President Yoon Suk Yeol", "Chairman Kim Jong Un", "President Joe Biden"],
        ),
        (
            "Addressed to: President Joseph R. Biden, President Yoon Suk Yeol and Chairman Kim Jong Un",
            ["President Joseph R. Biden", "President Yoon Suk Yeol", "Chairman Kim Jong Un"],
        ),
        (
            "We address this statement to President Donald J. Trump and Chairman Kim Jong Un.",
            ["President Donald J. Trump", "Chairman Kim Jong Un"],
        ),
    ],
)
def test_a_sentence_or_label_saying_whom_the_statement_addresses(sentence: str, names: list[str]) -> None:
    text = f"STATEMENT\n\nKeep the guardrails\n\n24 November 2023\n\n{sentence}\n\nPeace needs dialogue.\n"
    assert _addressees_of(text) == names


def test_a_korean_ask_of_two_named_leaders_and_of_an_office_after_a_topic() -> None:
    text = (
        "이에 우리는 문재인 대통령과 김정은 국무위원장께 간곡히 당부드립니다.\n\n"
        "이에 저희는 사무총장께 요청합니다.\n"
    )
    document = segment(describe(read_bytes(text.encode(), "statement.txt")))
    found = [[a.name for a in d.addressees] for d in extract_demands(document.text, document.sentences)]
    assert found == [["문재인 대통령", "김정은 국무위원장"], ["사무총장"]]


def test_asks_of_them_after_an_address_and_asks_of_the_following_of_no_one() -> None:
    text = (
        "We address this statement to President Yoon Suk Yeol and to Chairman Kim Jong Un."
        " We call on them:\n\n"
        "1) to reopen military hotlines;\n2) to resume dialogue without preconditions.\n"
    )
    asked = [[a.name for a in d.addressees] for d in extract_demands(text, ())]
    assert asked == [["President Yoon Suk Yeol", "Chairman Kim Jong Un"]] * 2
    text = "We urge the following:\n\n1) to reopen military hotlines;\n2) to resume dialogue.\n"
    assert [[a.name for a in d.addressees] for d in extract_demands(text, ())] == [[], []]


def test_two_known_bodies_joined_by_and_resolve_apart_and_one_name_with_and_stays(registry: Registry) -> None:
    def names(written: str) -> list[tuple[str, str | None]]:
        ref = NameRef(written, Mark(0, len(written), written, Extractor("test", "1")))
        return [(r.name, r.actor) for r in _many([ref], registry)]

    assert names("Korean Sharing Movement and Civil Peace Forum") == [
        ("Korean Sharing Movement", "ksm"),
        ("Civil Peace Forum", "civil-peace-forum"),
    ]
    assert names("Korean Sharing Movement and Unknown Peace Group") == [
        ("Korean Sharing Movement and Unknown Peace Group", None)
    ]


def test_the_chair_and_members_on_one_line_and_the_body_on_the_next() -> None:
    text = (
        "6 April 2020\n\nTo: The Chair and Members\n"
        "Security Council Committee established pursuant to resolution 1718 (2006)\n"
        "United Nations, New York\n\n"
        "Excellencies,\n\nWe ask the Committee to act.\n"
    )
    assert _addressees_of(text) == [
        "Security Council Committee established pursuant to resolution 1718 (2006)"
    ]


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("Your Excellency President Moon Jae-in", ["President Moon Jae-in"]),
        ("That Peace Network", ["That Peace Network"]),
        ("these governments", []),
    ],
)
def test_a_pointing_word_names_no_one_only_before_a_body_it_points_back_to(
    written: str, names: list[str]
) -> None:
    assert names_addressed(written) == names


def test_review_mends_an_abbreviation_ends_a_sentence_and_members_alone_name_no_one() -> None:
    text = (
        "STATEMENT\n\nMarch 1, 2021\n\n"
        "This letter is addressed to President Joe Biden of the U.S. We urge him.\n"
    )
    assert _addressees_of(text) == ["President Joe Biden"]
    text = "March 1, 2021\n\nTo: The Chair and Members\n\nWe write to urge the Council to act.\n"
    assert _addressees_of(text) == []
    korean = "우리 단체는 대통령께 요구합니다.\n"
    document = segment(describe(read_bytes(korean.encode(), "statement.txt")))
    (demand,) = extract_demands(document.text, document.sentences)
    assert [a.name for a in demand.addressees] == ["대통령"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # An official letter's header: "수신" bare before its value, then "발신" and "제목".
        (
            "수신 대통령 윤석열, 통일부 장관 김영호\n발신 한반도평화행동\n"
            "제목 확성기 방송을 멈춰 주십시오\n\n대통령님께.\n\n방송을 멈춰 주십시오.\n",
            ["윤석열 대통령", "통일부 장관 김영호"],
        ),
        # A label in a table's row, with its copy to someone else left out.
        (
            "수신 | 통일부장관(참조: 인도협력국장)\n제목 | 협조 요청\n\n1. 귀 부의 발전을 기원합니다.\n",
            ["통일부장관"],
        ),
        # Names parted by a semicolon.
        (
            "받는 분 | 대한민국 문재인 대통령; 조선민주주의인민공화국 김정은 국무위원장\n\n"
            "두 분께 드립니다.\n",
            ["대한민국 문재인 대통령", "조선민주주의인민공화국 김정은 국무위원장"],
        ),
        # The council, not "15개": its members' envoys address it.
        (
            "수신 : 유엔 안전보장이사회 15개 이사국 대사\n\n존경하는 대사님들께,\n\n"
            "제재 면제를 요청합니다.\n",
            ["유엔 안전보장이사회"],
        ),
        # A greeting with an initial's full stop in the name.
        (
            "조셉 R. 바이든 미합중국 대통령님께\n\n정상회담을 앞두고 편지를 드립니다.\n",
            ["조셉 R. 바이든 미합중국 대통령"],
        ),
    ],
)
def test_korean_address_lines_in_header_blocks_tables_and_greetings(text: str, names: list[str]) -> None:
    assert _addressees_of(text) == names


def test_the_word_수신_in_prose_is_no_address() -> None:
    text = "우리는 방송 수신 장치를 나눠 주었습니다.\n\n이 사업은 계속됩니다.\n"
    assert _addressees_of(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The occasion is no addressee, nor the clause that describes the one addressed.
        (
            "광복 80주년, 한반도 평화의 길을 다시 여는 대통령께 드리는 공개서한\n\n"
            "수신 : 대한민국 대통령 이재명\n\n존경하는 대통령님께\n\n평화의 길을 열어 주십시오.\n",
            ["대한민국 대통령 이재명"],
        ),
        (
            "정전협정 72주년에 드리는 공개서한\n\n이재명 대통령님께\n\n대화를 시작해 주십시오.\n",
            ["이재명 대통령"],
        ),
        # A label before the name, and "the two of you".
        (
            "수신 : 공개서한: 도널드 트럼프 대통령, 김정은 국무위원장\n\n두 분께 드립니다.\n\n"
            "두 분은 약속을 지켜 주십시오.\n",
            ["도널드 트럼프 대통령", "김정은 국무위원장"],
        ),
    ],
)
def test_korean_titles_name_whom_not_the_occasion_or_a_describing_clause(text: str, names: list[str]) -> None:
    assert _addressees_of(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("김정은 위원장께 드리는 공개서한\n\n위원장님께\n\n대화에 나서 주십시오.\n", ["김정은 위원장"]),
        ("평화를 만드는 여성회에 보내는 공개서한\n\n함께 걸어 주십시오.\n", ["평화를 만드는 여성회"]),
    ],
)
def test_a_name_ending_like_a_describing_clause_stays_whole(text: str, names: list[str]) -> None:
    assert _addressees_of(text) == names
