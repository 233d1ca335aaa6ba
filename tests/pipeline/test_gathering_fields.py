"""Gatherings read from notices and reports laid out in other ways than the seeds."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import docx

from peacetrack.pipeline import Pipeline, Registry, to_output
from peacetrack.pipeline.extract.dates import scan
from peacetrack.pipeline.extract.fields import labelled_fields, org_names, prose_parties
from peacetrack.pipeline.extract.hosts import hosts_and_sponsors
from peacetrack.pipeline.extract.schedule import prose_sessions, schedule_sessions
from peacetrack.pipeline.read import read_bytes
from peacetrack.pipeline.records import Sentence
from peacetrack.pipeline.resources import Resources


def _gathering(resources: Resources, text: str, name: str = "notice.txt") -> dict[str, Any]:
    pipeline = Pipeline(registry=Registry([]), resources=resources)
    result = pipeline.process(read_bytes(text.encode(), name))
    gatherings = to_output(result)["gatherings"]
    assert len(gatherings) == 1
    return dict(gatherings[0])


WEBINAR = """From: Women Cross DMZ <updates@example.org>
Date: Wed, 12 Jul 2023 10:41:07 -0400
Subject: [Invitation] a webinar on the Armistice anniversary

Dear friends,

On July 27 the Armistice Agreement turns seventy. Please join us the evening before.

SEVENTY YEARS TOO LONG
Wednesday, July 26 | 8:00 - 9:30 pm ET (New York)
Online via Zoom -- free, registration required

This webinar is hosted by Women Cross DMZ and co-hosted with the Korea Peace Now! Grassroots Network.

Programme

8:00 pm Welcome and opening words
8:10 pm Panel: What the Armistice left unfinished
8:55 pm Small-group conversations: organizing in our districts
9:20 pm Closing: next steps
"""


def test_online_notice_dated_by_its_head_line_not_by_its_mail_header(resources: Resources) -> None:
    gathering = _gathering(resources, WEBINAR)
    assert (gathering["start"], gathering.get("end", gathering["start"])) == ("2023-07-26", "2023-07-26")
    assert gathering["mode"] == "online"
    assert "place" not in gathering or gathering["place"] is None  # New York names the time zone
    assert [h["name"] for h in gathering["hosts"]] == [
        "Women Cross DMZ",
        "Korea Peace Now! Grassroots Network",
    ]
    assert len(gathering["sessions"]) == 4


REPORT = (
    '포럼 소식\n\n"적대적 두 국가론, 어떻게 넘어설 것인가" 3월 월례토론회 열려\n\n'
    "게시일 2024.04.01 · 사무처\n\n"
    "한반도평화포럼과 시민평화포럼이 공동으로 주최한 3월 월례토론회가 지난달 28일(목) 오후 "
    "서울 중구 정동 교육회관에서 열렸다.\n\n"
    "회원과 시민 80여 명이 참석했다. 이날 토론회는 온라인으로 중계하지 않았다.\n\n"
    "토론회는 1부 발제와 2부 지정토론으로 진행됐다. "
    "1부 발제에서는 두 국가론을 다뤘고, 이어 비공개 전문가 회의가 열렸다.\n"
)


def test_korean_report_with_a_relative_date_and_sessions_named_in_prose(resources: Resources) -> None:
    gathering = _gathering(resources, REPORT)
    assert gathering["start"] == "2024-03-28"
    assert gathering["place"] == "Seoul" and gathering["mode"] == "in_person"
    assert gathering["attendance"] == 80
    assert [h["name"] for h in gathering["hosts"]] == ["한반도평화포럼", "시민평화포럼"]
    assert [s["access"] for s in gathering["sessions"]] == ["open", "open", "closed"]


def test_sessions_named_in_english_prose_once_each() -> None:
    text = (
        "After the opening ceremony, a keynote followed. In the first session, panelists spoke. "
        "The second session looked at talks; the first session's papers will be published. "
        "Participants then met in a closed-door roundtable, and in a practical workshop."
    )
    assert [(text[s.start : s.end], s.closed) for s in prose_sessions(text)] == [
        ("opening ceremony", False),
        ("first session", False),
        ("second session", False),
        ("closed-door roundtable", True),
        ("a practical workshop", False),
    ]


def _accesses(text: str) -> list[tuple[str, bool]]:
    return [(text[s.start : s.end], s.closed) for s in prose_sessions(text)]


def test_prose_sessions_counted_in_words_each_count_once() -> None:
    text = (
        "The symposium opened with a plenary on divided families. Three public panels followed. "
        "The panel on sanctions heard from aid workers. On the second afternoon, organisers met in a "
        "closed-door strategy session, and an advocacy training workshop prepared new members. "
        "Later, the second plenary compared peace processes. The closing plenary adopted an appeal."
    )
    found = _accesses(text)
    assert [closed for _, closed in found].count(False) == 7, (
        found
    )  # plenary, 3 panels, workshop, 2nd, closing
    assert [name for name, closed in found if closed] == ["closed-door strategy session"]


def test_counted_closed_sessions_are_apart_from_numbered_open_ones() -> None:
    text = (
        "The first day was public. The second day consisted of two closed-door sessions under the Chatham "
        "House Rule. Speakers in the first session reviewed the record. The second session heard from Japan. "
        "In the first closed session, participants examined options."
    )
    found = _accesses(text)
    assert [closed for _, closed in found].count(True) == 2, found
    assert [name for name, closed in found if not closed] == ["first session", "second session"]


def test_counted_closed_sessions_named_after_a_colon_are_the_same_ones() -> None:
    text = (
        "It opened with a public session. It then moved to three closed-door working sessions held under the "
        "Chatham House Rule: Session 1 on needs; Session 2 on banking; and Session 3 on monitoring."
    )
    found = _accesses(text)
    assert [closed for _, closed in found] == [False, True, True, True], found


def test_a_counted_session_said_after_to_be_closed_is_closed() -> None:
    text = (
        "The programme consisted of an opening plenary, three thematic sessions and a closing session. "
        "The third thematic session, a strategy discussion among members, was held behind closed doors."
    )
    found = _accesses(text)
    assert [closed for _, closed in found] == [False, False, False, True, False], found


def test_running_order_lists_are_sessions_but_roles_and_breaks_are_not() -> None:
    text = (
        "▶ 순서\n○ 사회 : 이수진\n- 개회 및 인사 (14:00)\n- 발표 1: 군사합의\n- 휴식\n- 토론 및 질의응답\n"
        "▶ 문의: 사무국"
    )
    assert [text[s.start : s.end] for s in schedule_sessions(text)] == [
        "- 개회 및 인사 (14:00)",
        "- 발표 1: 군사합의",
        "- 토론 및 질의응답",
    ]


def test_items_with_their_slot_and_access_after_them_and_opening_and_closing_gatherings() -> None:
    text = (
        "가. 개회식 (10:00~10:40, 공개)\n- 공동 개회사\n나. 세션1 「전쟁 위기와 노동자의 삶」 "
        "(10:40~12:30, 공개)\n다. 점심 (12:30~13:30)\n라. 대표자 간담회 (15:40~16:50, 비공개)\n"
        "- 10:00~11:00 여는 마당\n- 12:30~13:30 점심 식사\n- 13:00~15:00 닫는 마당\n"
    )
    found = [(text[s.start : s.end].split(" (")[0], s.closed) for s in schedule_sessions(text)]
    assert found == [
        ("가. 개회식", False),
        ("나. 세션1 「전쟁 위기와 노동자의 삶」", False),
        ("라. 대표자 간담회", True),
        ("- 10:00~11:00 여는 마당", False),
        ("- 13:00~15:00 닫는 마당", False),
    ]


def test_dotted_date_ranges_and_weekdays_inside_english_ranges() -> None:
    (dotted,) = scan("기 간 | 2023. 6. 15.(목) ~ 6. 17.(토), 2박 3일")
    assert [(i.year, i.month, i.day) for i in dotted.items] == [(2023, 6, 15), (2023, 6, 17)]
    (short,) = scan("2022. 11. 24.(목) ~ 25.(금)")
    assert [i.day for i in short.items] == [24, 25] and short.ranges == (True,)
    (english,) = scan("held from Thursday 7 to Saturday 9 December 2023 at the hotel")
    assert [(i.month, i.day) for i in english.items] == [(12, 7), (12, 9)] and english.ranges == (True,)
    assert len(scan("2023.04.10 15:27")) == 1 and len(scan("2023.04.10 15:27")[0].items) == 1


def test_sponsors_named_apart_and_names_with_and_inside() -> None:
    text = (
        "Hosts | Korea Institute for National Unification (KINU); "
        "Nautilus Institute for Security and Sustainability"
    )
    start = text.index("|") + 1
    assert [r.name for r in org_names(text, start, len(text))] == [
        "Korea Institute for National Unification (KINU)",
        "Nautilus Institute for Security and Sustainability",
    ]
    both = "PSPD and Peace Boat"
    assert [r.name for r in org_names(both, 0, len(both))] == ["PSPD", "Peace Boat"]


def test_a_unit_and_its_university_are_one_host() -> None:
    text = (
        "Organised by the Centre for Korean Research, University of British Columbia, and the Institute "
        "for Peace and Unification Studies (IPUS), Seoul National University"
    )
    start = len("Organised by ")
    assert [r.name for r in org_names(text, start, len(text))] == [
        "Centre for Korean Research, University of British Columbia",
        "Institute for Peace and Unification Studies (IPUS), Seoul National University",
    ]


def test_prose_sessions_take_their_access_from_the_sentence_that_names_them() -> None:
    text = (
        "The meeting opened with a public session at which the co-organisers set out its purpose. It then "
        "moved into closed sessions under the Chatham House Rule: Session 1 on needs; Session 2 on banking. "
        "After opening remarks, the panel discussed the new line, and the Panel of Experts was not mentioned."
    )
    assert [(text[s.start : s.end], s.closed) for s in prose_sessions(text)] == [
        ("public session", False),
        ("Session 1", True),
        ("Session 2", True),
        ("opening remarks", False),
        ("the panel", False),
    ]


def test_where_it_took_place_and_hosts_with_their_short_forms(resources: Resources) -> None:
    text = (
        "SUMMARY REPORT\n\nThe Roundtable was co-organised by the Quaker United Nations Office (QUNO) "
        "and the "
        "Korea Humanitarian Network, with financial support from the Swiss Federal Department of Foreign "
        "Affairs. It took place in person in Geneva on 23 and 24 May 2023. Some 45 participants took part.\n"
    )
    gathering = _gathering(resources, text)
    assert gathering["place"] == "Geneva" and gathering["mode"] == "in_person"
    assert [h["name"] for h in gathering["hosts"]] == [
        "Quaker United Nations Office (QUNO)",
        "Korea Humanitarian Network",
    ]


def test_the_sentence_that_says_where_they_gathered_gives_date_and_place(resources: Resources) -> None:
    text = (
        "Report from the 2024 Women's Peace Symposium\n\nOn Thursday 7 and Friday 8 March 2024, peacemakers "
        "and community leaders gathered in Washington for the Korea Peace Now! Women's Peace Symposium. The "
        "symposium was organised by Korea Peace Now! with the support of the Ploughshares Fund.\n\n"
        "About 120 people attended over the two days.\n"
    )
    gathering = _gathering(resources, text)
    assert (gathering["start"], gathering["end"]) == ("2024-03-07", "2024-03-08")
    assert gathering["place"] == "Washington" and gathering["mode"] == "in_person"
    history = (
        "MEETING REPORT\n\nThe meeting was convened by Blue Banner and GPPAC Northeast Asia. It was held "
        "with the support of the Swiss government.\n\nThe meeting took place eight months after the Hanoi "
        "summit ended without agreement, shortly after the talks in Stockholm on 5 October 2019 broke down.\n"
    )
    assert _gathering(resources, history).get("place") != "Hanoi"


def test_a_summit_the_report_recalls_is_not_where_the_forum_met(resources: Resources) -> None:
    text = (
        "Forum Report\n\n1. Background\n\nThe year 2018 saw a turn. On 12 June the first summit between the "
        "United States and the Democratic People's Republic of Korea took place in Singapore, and the "
        "leaders signed a joint statement.\n\n2. Organisation\n\nThe forum was held on Friday 9 and "
        "Saturday 10 November 2018 at the Japan Education Center in Chiyoda-ku, Tokyo. It was convened by "
        "Peace Boat and GPPAC Northeast Asia, with the support of the Niwano Peace Foundation.\n"
    )
    gathering = _gathering(resources, text)
    assert (gathering["start"], gathering["end"], gathering["place"]) == ("2018-11-09", "2018-11-10", "Tokyo")


def test_hosts_named_with_their_part_as_subjects_and_in_word_cells(resources: Resources) -> None:
    passive = (
        "Hosted By\n\nThis event is hosted by the Wilson Center's Hyundai Motor-Korea Foundation Center for "
        "Korean History and Public Policy and co-hosted with the Sejong Institute (Seongnam, Republic of "
        "Korea), with the support of the Korea Foundation.\n\nAgenda\n\n14:00 Opening remarks\n"
    )
    hosts = [h["name"] for h in _gathering(resources, passive)["hosts"]]
    assert hosts == [
        "Wilson Center's Hyundai Motor-Korea Foundation Center for Korean History and Public Policy",
        "Sejong Institute (Seongnam, Republic of Korea)",
    ]
    inviting = (
        "Citizens and Diplomacy\n\nSaturday, 9 March 2024, 14:00, Peace Boat Center Tokyo\n\n"
        "Peace Network and the Committee on Unification of Minbyun – Lawyers for a Democratic Society are "
        "pleased to invite you to a half-day roundtable on these questions.\n\nProgramme\n\n"
        "14:00 Opening remarks\n14:10 Session 1: The legal status of the UN Command\n"
        "15:30 Session 2: A peace regime\n\nRegistration required.\n"
    )
    assert [h["name"] for h in _gathering(resources, inviting)["hosts"]] == [
        "Peace Network",
        "Committee on Unification of Minbyun – Lawyers for a Democratic Society",
    ]
    korean = (
        "2022 접경지역 평화포럼 결과보고\n\n일시 | 2022년 10월 21일\n"
        "주최 | 민족화해협력범국민협의회, 철원군\n주관 | 겨레하나\n\n"
        "포럼은 주최 기관 대표의 개회사와 철원군의 환영사로 시작되었다. 120명이 참석했다.\n"
    )
    assert [h["name"] for h in _gathering(resources, korean)["hosts"]] == [
        "민족화해협력범국민협의회",
        "철원군",
        "겨레하나",
    ]


def test_a_word_table_cell_of_several_paragraphs_keeps_each_name() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Hosted by"
    table.rows[0].cells[
        1
    ].text = "Peace Boat US\nWomen's International League for Peace and Freedom, US Section"
    out = io.BytesIO()
    document.save(out)
    text = read_bytes(out.getvalue(), "programme.docx").text
    assert "Hosted by | Peace Boat US; Women's International League for Peace and Freedom, US Section" in text
    start = text.index("Peace Boat US")
    assert [r.name for r in org_names(text, start, len(text))] == [
        "Peace Boat US",
        "Women's International League for Peace and Freedom, US Section",
    ]


def test_online_paperwork_and_a_stream_ruled_out_leave_a_meeting_in_person(resources: Resources) -> None:
    notice = (
        "Civil Society Roundtable on Northeast Asia\n\nSaturday, 8 June 2024, 13:30-17:00\n"
        "Venue | Peace Boat Center Tokyo, Takadanobaba, Tokyo\n\n"
        "Peace Boat and PSPD will bring together activists and researchers for an afternoon of dialogue.\n\n"
        "Programme\n\n13:30 Opening remarks\n14:00 Panel 1: Citizens and diplomacy\n\n"
        "Please register using the online form by 5 June. Sessions will not be livestreamed or recorded.\n"
    )
    assert _gathering(resources, notice)["mode"] == "in_person"


def test_hosts_under_a_label_line_of_their_own(resources: Resources) -> None:
    notice = (
        "Side event: Sanctions, humanitarian access and the right to food\n\n"
        "• When\n• Thursday 21 September 2023, 13:00–14:30 (CEST)\n• Where\n• Room XXV, Palais des Nations, "
        "Geneva\n• Organised by\n• Lutheran World Federation, Franciscans International and Korean Sharing "
        "Movement\n• With the support of\n• Brot für die Welt\n\nProgramme\n\n13:00 Opening remarks\n"
        "13:10 Panel: Access and the right to food\n"
    )
    assert [h["name"] for h in _gathering(resources, notice)["hosts"]] == [
        "Lutheran World Federation",
        "Franciscans International",
        "Korean Sharing Movement",
    ]


def test_every_korean_host_in_the_sentence_that_says_who_held_it(resources: Resources) -> None:
    report = (
        "2018 부산 평화포럼 결과보고\n\n"
        "부산광역시가 주최하고 부산연구원과 부산통일교육센터가 공동 주관한 「2018 부산 평화포럼」이 "
        "10월 4일(목)부터 5일(금)까지 이틀간 벡스코 컨벤션홀에서 열렸다. "
        "이번 포럼은 통일부와 부산일보의 후원으로 마련되었다.\n\n"
        "포럼에는 120명이 참석했다.\n"
    )
    gathering = _gathering(resources, report)
    assert [h["name"] for h in gathering["hosts"]] == ["부산광역시", "부산연구원", "부산통일교육센터"]


def test_hosts_one_a_line_under_a_label_column(resources: Resources) -> None:
    notice = (
        "Women Building Peace in Northeast Asia\n\n30 April – 1 May 2024\n\nSophia University, Tokyo\n\n"
        "Organizers Peace Boat\nWomen Cross DMZ\nKorean Women's Movement for Peace\n\n"
        "Programme\n\n09:30 Opening Ceremony\n10:15 Plenary 1: Seventy years of armistice\n"
    )
    assert [h["name"] for h in _gathering(resources, notice)["hosts"]] == [
        "Peace Boat",
        "Women Cross DMZ",
        "Korean Women's Movement for Peace",
    ]
    labelled = (
        "Seminar on the Armistice\n\n14 May 2024, Seoul\n\nOrganized by The Sejong Institute\n"
        "Sponsored by The Korea Foundation\n\nProgramme\n\n14:00 Opening remarks\n"
        "14:10 Session 1: Seventy years\n"
    )
    assert [h["name"] for h in _gathering(resources, labelled)["hosts"]] == ["Sejong Institute"]


def test_a_label_value_going_on_over_lines_and_hosts_split_beside_their_short_forms(
    resources: Resources,
) -> None:
    notice = (
        "2023 한반도 종전평화 국제포럼\n\n"
        "■ 일 시 : 2023년 7월 25일(화) 오후 2시 ~ 5시\n"
        "■ 장 소 : 한국프레스센터 20층 국제회의장\n(서울 중구 세종대로 124)\n"
        "■ 주 최 : 한국기독교교회협의회(NCCK) · 대한불교조계종 민족공동체추진본부\n"
        "· 한국천주교주교회의 민족화해위원회\n"
        "■ 주 관 : 평화와통일을여는사람들\n■ 후 원 : 한겨레통일문화재단\n\n"
        "이번 포럼은 병행 접근을 제안하는 발표로 시작합니다.\n"
    )
    gathering = _gathering(resources, notice)
    assert [h["name"] for h in gathering["hosts"]] == [
        "한국기독교교회협의회(NCCK)",  # a joiner outside brackets splits, its short form stays
        "대한불교조계종 민족공동체추진본부",
        "한국천주교주교회의 민족화해위원회",  # the next line going on with the value
        "평화와통일을여는사람들",
    ]
    assert gathering["place"] == "Seoul"  # the city in the bracket under the venue
    assert gathering["mode"] == "in_person"  # 병행 alone ("in parallel") is no hybrid meeting


def test_after_a_unit_of_a_university_another_university_is_a_host_of_its_own() -> None:
    text = "서울대학교 통일평화연구원, 북한대학원대학교"
    assert [n.name for n in org_names(text, 0, len(text))] == [
        "서울대학교 통일평화연구원",
        "북한대학원대학교",
    ]


def test_hosts_that_jointly_hosted(resources: Resources) -> None:
    report = (
        "Weekly digest -- March 22, 2023\n\nWebinar report\n\n"
        "Last Wednesday, March 15, the National Committee on North Korea (NCNK) and the "
        "American Friends Service Committee (AFSC) jointly hosted an online discussion on aid.\n\n"
        "The webinar, held on Zoom, opened with remarks; a panel discussion and questions from the audience "
        "followed. The webinar was held on Zoom and 162 people attended.\n"
    )
    gathering = _gathering(resources, report, "recap.txt")
    assert [h["name"] for h in gathering["hosts"]] == [
        "National Committee on North Korea (NCNK)",
        "American Friends Service Committee (AFSC)",
    ]


def test_a_programme_is_dated_and_placed_by_its_head_not_by_history_in_its_prose(
    resources: Resources,
) -> None:
    programme = (
        "Updated June 3, 2019\n\nSeparated for Seventy Years: Divided Families\n\n"
        "A Policy Forum\n\nThursday, June 20, 2019 | 8:30 AM - 3:30 PM\n\n"
        "The Korea Society, 350 Madison Avenue, New York, NY\n\n"
        "Co-organized by The Korea Society and Divided Families USA\n\n"
        "The reunions held at Mount Kumgang in August 2018 brought hundreds of relatives together.\n\n"
        "Program\n\nTime | Session | Speakers\n9:00 AM | Welcome and opening remarks | Caroline Ji-Rhee\n"
        "9:15 AM | Keynote: Why time matters | Dr. Sung-ok Baird\n10:00 AM | Panel I: Stories | Alice Kwon\n"
    )
    gathering = _gathering(resources, programme, "forum.txt")
    assert (gathering["start"], gathering["place"]) == ("2019-06-20", "New York")


def test_several_items_in_one_schedule_cell_and_slots_written_after_the_item() -> None:
    table = (
        "날짜 | 주요 일정\n6.20(목) | 개회식 / 기조강연 / 세션 1\n"
        "6.21(금) | 세션 2 / 세션 3 / 각국 교회 대표 원탁회의(비공개)\n6.22(토) | 폐막식 및 호소문 채택\n"
    )
    found = schedule_sessions(table)
    assert [table[s.start : s.end] for s in found][:3] == ["개회식", "기조강연", "세션 1"]
    assert (len(found), [s.closed for s in found].count(True)) == (7, 1)
    order = (
        "■ 진행 순서\n\n13:30 ~ 14:00 등록\n\n▶ 개회식 (14:00 ~ 14:30)\n- 여는 말 : 김도윤\n\n"
        "▶ 세션 1 : 정전 70년 (14:30 ~ 15:40)\n"
    )
    assert len(schedule_sessions(order)) == 2


def test_two_labelled_cells_on_one_row_and_names_under_a_labelled_line(resources: Resources) -> None:
    programme = (
        "Forum on Peace 2024\n\nFriday, 14 June 2024 | 10:00-17:00\n\n"
        "Hosted by Busan Metropolitan City | "
        "Organized by the Korea Institute for National Unification (KINU)\n\n"
        "Programme\n\n10:00 | Opening session\n11:00 | Panel 1: Dialogue\n14:00 | Panel 2: Aid\n"
    )
    gathering = _gathering(resources, programme, "forum.txt")
    assert [h["name"] for h in gathering["hosts"]] == [
        "Busan Metropolitan City",
        "Korea Institute for National Unification (KINU)",
    ]
    notice = (
        "Webinar on women and peace\n\nWednesday, 10 April 2024 | 9:00 pm ET\n\n"
        "Hosted by: Women Cross DMZ\nCo-hosts: Nobel Women's Initiative\n"
        "Korea Peace Now! Grassroots Network\nWith the support of the Ploughshares Fund.\n\n"
        "Programme\n\n9:00 pm | Opening remarks\n9:10 pm | Panel\n"
    )
    assert len(_gathering(resources, notice, "webinar.txt")["hosts"]) == 3


LABELLED_HOSTS = """2024 한반도 평화 포럼 안내

주최: 참여연대·평화네트워크
후원: 한국YMCA전국연맹
일시: 2024년 5월 9일(목) 오후 2시
장소: 서울 프란치스코 교육회관

참여연대가 준비한 이번 포럼에서는 9·19 군사합의 이후의 접경지역을 돌아봅니다.
"""


def test_host_label_line_is_read_once_with_its_list_split_on_middle_dots(resources: Resources) -> None:
    # One reading of label lines for every field: "주최: A·B" names two hosts, and the prose sentence
    # below it ("참여연대가 준비한 …") does not replace them.
    gathering = _gathering(resources, LABELLED_HOSTS)
    assert [h["name"] for h in gathering["hosts"]] == ["참여연대", "평화네트워크"]
    assert [s["name"] for s in gathering["sponsors"]] == ["한국YMCA전국연맹"]


def test_a_middle_dot_between_digits_stays_inside_a_name(resources: Resources) -> None:
    text = (
        "2024 평화 포럼 안내\n\n주최: 참여연대·평화네트워크\n후원: 4·9통일평화재단·한겨레통일문화재단\n"
        "일시: 2024년 5월 9일(목)\n"
    )
    gathering = _gathering(resources, text)
    assert [s["name"] for s in gathering["sponsors"]] == ["4·9통일평화재단", "한겨레통일문화재단"]


def test_programme_table_drawn_in_plain_text(resources: Resources) -> None:
    text = (
        "2019 평화 포럼 안내\n\n일시: 2019년 3월 8일(금)\n장소: 제주\n\n■ 세부 프로그램\n\n"
        "+-------------+------------------------------+\n| 시 간 | 내 용 |\n"
        "+-------------+------------------------------+\n| 13:00-13:30 | 등록 |\n"
        "+-------------+------------------------------+\n| 13:30-14:00 | 개회식 |\n"
        "| | - 개회사: 제주평화연구원 원장 |\n+-------------+------------------------------+\n"
        "| 14:00-15:20 | 제1회의 하노이 회담의 평가 |\n| 15:20-15:40 | 휴식 |\n"
        "| 15:40-17:00 | 제2회의 평화의 섬 제주 |\n+-------------+------------------------------+\n"
    )
    assert len(_gathering(resources, text)["sessions"]) == 3


def _items(text: str) -> list[tuple[str, bool]]:
    return [(text[s.start : s.end], s.closed) for s in schedule_sessions(text)]


def test_a_table_by_day_lists_each_item_of_its_item_columns() -> None:
    text = (
        "Weekly schedule\n\n"
        "Day | Morning (10:00–12:30) | Afternoon (14:00–17:00)\n"
        "Mon 1 July | Opening Ceremony; Lecture 1: The 2018 Summits | Lecture 2: The Armistice\n"
        "Wed 3 July | Lecture 4: The DMZ | Roundtable: Former Negotiators (closed session; fellows only)\n"
        "Sat 6 – Sun 7 July | Free weekend | Lunch\n"
    )
    assert _items(text) == [
        ("Opening Ceremony", False),
        ("Lecture 1: The 2018 Summits", False),
        ("Lecture 2: The Armistice", False),
        ("Lecture 4: The DMZ", False),
        ("Roundtable: Former Negotiators (closed session; fellows only)", True),
    ]


def test_a_table_by_day_takes_its_session_column_and_notes_say_closed() -> None:
    text = (
        "Date | Session | Access\n"
        "Tue 30 Nov | Opening Session | Open\n"
        "Wed 1 Dec | Session 3: Back-channel diplomacy | Closed-door\n\n"
        "Opening Session. The President opened the conference.\n\n"
        "Session 3. The third session was held behind closed doors.\n"
    )
    assert _items(text) == [("Opening Session", False), ("Session 3: Back-channel diplomacy", True)]
    # A day's heading row and a numbered list of names are no programme.
    assert _items("1일차 | 8월 29일(금)\n\n연번 | 단체명\n1 | 참여연대\n2 | 평화네트워크\n") == []


def test_hosts_told_in_a_sentence_of_their_own_with_an_aside_and_a_partner(resources: Resources) -> None:
    text = (
        "Report: our ninth anniversary online gathering\n\nJune 10, 2024\n\n"
        "On Friday, May 24 — International Women's Day for Peace and Disarmament — Women Cross DMZ and Korea"
        " Women Making Peace hosted an online global gathering.\n\n"
        "The gathering opened with a session on the 2015 crossing. In total 241 participants attended"
        " online via Zoom.\n"
    )
    assert [h["name"] for h in _gathering(resources, text).get("hosts", [])] == [
        "Women Cross DMZ",
        "Korea Women Making Peace",
    ]
    text = (
        "Peace Appeal Conference 2022\n\n19–21 October 2022 | Korea Press Center, Seoul\n\n"
        "The conference is organised by the Korea Peace Appeal Campaign together with the International"
        " Peace Bureau and Peace Boat.\n\nProgramme\n\n09:30 Opening ceremony\n"
        "10:30 Session 1: Peace agreements\n"
    )
    assert [h["name"] for h in _gathering(resources, text).get("hosts", [])] == [
        "Korea Peace Appeal Campaign",
        "International Peace Bureau",
        "Peace Boat",
    ]
    # Two bodies are split where the first ends as a body's name does, not inside one name.
    one = (
        "Peace Forum 2024\n\nProgramme\n\n3 May 2024 | Seoul\n\n"
        "Organised by Solidarity for Peace and Reunification of Korea."
    )
    assert [
        h["name"] for h in _gathering(resources, f"{one}\n\n10:00 Opening session\n").get("hosts", [])
    ] == ["Solidarity for Peace and Reunification of Korea"]


def test_what_a_body_gave_is_cut_from_its_name_and_lowercase_words_name_no_one() -> None:
    text = "the Ministry of Foreign Affairs of Sweden and logistical assistance from the Ministry of Mongolia"
    assert [r.name for r in org_names(text, 0, len(text))] == [
        "Ministry of Foreign Affairs of Sweden",
        "Ministry of Mongolia",
    ]
    text = "the organisers followed the first day"
    assert org_names(text, 0, len(text)) == []


def test_a_label_column_that_lost_its_cells_still_labels_its_values(resources: Resources) -> None:
    text = (
        "CONFERENCE REPORT\n\nJapan-Korea Civil Society Peace Conference 2022\n\n"
        "Dates Saturday 12 - Sunday 13 November 2022\n"
        "Venue Waseda Hoshien, Shinjuku, Tokyo\n"
        "Convened by Peace Boat and People's Solidarity for Participatory Democracy (PSPD)\n"
        "Financial support Friedrich-Ebert-Stiftung, Tokyo Office\n\n"
        "The conference took place on Saturday and Sunday. About 120 participants attended.\n"
    )
    got = _gathering(resources, text, "report.txt")
    assert (got["start"], got["end"], got.get("place")) == ("2022-11-12", "2022-11-13", "Tokyo")
    assert [h["name"] for h in got["hosts"]] == [
        "Peace Boat",
        "People's Solidarity for Participatory Democracy (PSPD)",
    ]
    assert [s["name"] for s in got["sponsors"]] == ["Friedrich-Ebert-Stiftung, Tokyo Office"]
    # One such line alone is prose's: it labels nothing.
    lone = "Venue Waseda Hoshien, Tokyo\n\nThe room was full."
    assert labelled_fields(lone) == []


def test_review_mends_day_tables_keep_their_columns_and_weekdays_are_words() -> None:
    text = "Day | Morning | Afternoon | Notes\nMon 1 July |  | Roundtable on sanctions | closed\n"
    assert _items(text) == [("Roundtable on sanctions", True)]
    text = "Day | Keynote | Panel\nMon 1 July | Keynote by Jane Doe | Panel 1: Sanctions\n"
    assert [item for item, _ in _items(text)] == ["Keynote by Jane Doe", "Panel 1: Sanctions"]
    assert _items("Country | Agenda item\nMongolia | Ulaanbaatar Dialogue on security\n") == []


def test_review_mends_names_with_a_dash_or_and_and_a_list_of_contents() -> None:
    text = "Ministry of Unification, logistical support from the Ministry of Unification"
    assert [r.name for r in org_names(text, 0, len(text))] == ["Ministry of Unification"]
    contents = "1. Where Korea Stands in 2024\n2. When Talks Resume\n3. Hosts And Guests\n"
    assert labelled_fields(contents) == []


def test_an_untimed_programme_table_under_its_heading_lists_the_items() -> None:
    text = (
        "Organised by | Korea Peace Appeal Campaign\nSponsored by | Friedrich-Ebert-Stiftung Korea Office\n\n"
        "Program\n\nSegment | Description\n"
        "Welcome and opening | Hosts from Women Cross DMZ\n"
        "Panel — Voices from Korea | Activists from Seoul and Paju\n"
        "Free weekend | Optional sightseeing\n"
        "Closing and call to action | How to join the week of action\n\n"
        "Speakers\n\n• Grace Lim, organizer, Los Angeles\n"
    )
    assert [text[s.start : s.end].split(" | ")[0] for s in schedule_sessions(text)] == [
        "Welcome and opening",
        "Panel — Voices from Korea",
        "Closing and call to action",
    ]  # not the header row, the free weekend, the labels above or the speakers below
    # A table of labels under the heading names no item.
    labels = "PROGRAMME\n\nOrganised by | Korea Peace Appeal Campaign\nCo-hosted by | AFSC\nVenue | Seoul\n"
    assert schedule_sessions(labels) == []


def test_host_and_sponsor_labels_set_as_headings_with_their_names_a_blank_line_below(
    resources: Resources,
) -> None:
    text = (
        "WEBINAR: Women Mobilizing to End the Korean War\n\nTuesday, July 27, 2021, 8:00 – 9:30 p.m. EDT\n\n"
        "Live on Zoom. Registration is free but required.\n\nProgram\n\nWelcome and opening\n"
        "Panel — Voices from Korea\nClosing and call to action\n\n"
        "Hosted by\n\nWomen Cross DMZ\nKorea Peace Now! Grassroots Network\n\n"
        "Co-sponsored by\n\nPeace Action · Veterans For Peace · Pax Christi USA\n\n"
        "Accessibility: live captions in English will be available.\n"
    )
    gathering = _gathering(resources, text)
    assert [h["name"] for h in gathering["hosts"]] == [
        "Women Cross DMZ",
        "Korea Peace Now! Grassroots Network",
    ]
    assert [s["name"] for s in gathering["sponsors"]] == [
        "Peace Action",
        "Veterans For Peace",
        "Pax Christi USA",
    ]


def test_hosts_of_an_active_sentence_and_its_co_hosts_by_passive(resources: Resources) -> None:
    text = (
        'Conference Report: "From Armistice to Peace"\n\nOverview\n\n'
        "To mark the 70th anniversary of the Armistice Agreement, the Korea Peace Appeal Campaign and the "
        "People's Solidarity for Participatory Democracy (PSPD) organised a two-day international conference "
        "in Seoul on 25 and 26 July 2023, co-hosted by Peace Boat. The conference was held in a hybrid "
        "format. In total, 230 participants took part.\n"
    )
    gathering = _gathering(resources, text, "report.txt")
    assert [h["name"] for h in gathering["hosts"]] == [
        "Korea Peace Appeal Campaign",
        "People's Solidarity for Participatory Democracy (PSPD)",
        "Peace Boat",
    ]


def test_prose_hosts_past_an_of_name_an_apposition_and_a_following_sentence() -> None:
    from peacetrack.pipeline.extract.fields import org_names, prose_parties

    text = (
        "Hosted by the Stimson Center's 38 North program and the National Committee on North Korea (NCNK). "
        "This event is made possible with support from the Korea Foundation."
    )
    hosts, sponsors = prose_parties(text)
    assert [h.name for h in hosts] == [
        "Stimson Center's 38 North program",
        "National Committee on North Korea (NCNK)",
    ]
    assert [s.name for s in sponsors] == ["Korea Foundation"]
    convened = (
        "The meeting was convened by Blue Banner, a Mongolian non-governmental organisation working on "
        "nuclear non-proliferation, and GPPAC Northeast Asia. It met in Ulaanbaatar."
    )
    assert [h.name for h in prose_parties(convened)[0]] == ["Blue Banner", "GPPAC Northeast Asia"]
    assert [h.name for h in prose_parties("The forum is organised by Peace Boat on Tuesday 5 May.")[0]] == [
        "Peace Boat"
    ]
    value = "the U.S. Institute of Peace, Peace Action. Co-sponsors are welcome to join."
    assert [n.name for n in org_names(value, 0, len(value))] == ["U.S. Institute of Peace", "Peace Action"]


def test_bare_pdf_labels_a_blank_line_apart_and_a_recording_posted_online_later(resources: Resources) -> None:
    text = (
        "CONFERENCE REPORT\n\nAfter Hanoi: Sustaining Diplomacy on the Korean Peninsula\n\n"
        "Dates October 30 – November 1, 2019\n\n"
        "Venue The Stimson Center, 1211 Connecticut Ave NW, Washington, D.C.\n\n"
        "Convened by IFES, Kyungnam University, and the Stimson Center\n\n"
        "Eight months after the Hanoi summit, some 87 participants gathered in Washington to consider "
        "whether the process could be kept alive. The conference combined public panels with closed-door "
        "sessions.\n\n"
        "Recordings of the public panels, posted online after the conference, have been viewed 3,000 times.\n"
    )
    fields = {f.name: text[f.start : f.end] for f in labelled_fields(text)}
    assert fields["place"] == "The Stimson Center, 1211 Connecticut Ave NW, Washington, D.C."
    assert fields["date"] == "October 30 – November 1, 2019"
    gathering = _gathering(resources, text, "report.txt")
    assert gathering["mode"] == "in_person" and gathering["place"] == "Washington"


def test_a_city_naming_the_hour_there_is_no_venue(resources: Resources) -> None:
    text = (
        "Humanitarian Engagement after the Border Closure\n\nAn Online Roundtable Series, September 2020\n\n"
        "On 15 September 2020, AFSC and NCNK convened an online roundtable on humanitarian engagement. "
        "It took place on Zoom from 9:00 to 10:30 a.m. EDT (10:00 to 11:30 p.m. in Seoul).\n\n"
        "Of 412 people registered, 143 attended.\n"
    )
    gathering = _gathering(resources, text, "report.txt")
    assert gathering["mode"] == "online" and gathering.get("place") is None


def _names(value: str) -> list[str]:
    return [ref.name for ref in org_names(value, 0, len(value))]


def test_korean_bodies_with_only_spaces_between_are_each_a_body() -> None:
    assert _names("평화네트워크 시민평화포럼 참여연대") == ["평화네트워크", "시민평화포럼", "참여연대"]
    assert _names("통일부 경기관광공사") == ["통일부", "경기관광공사"]
    assert _names("국회의원 정하윤 국회의원 박재민 평화네트워크") == [
        "국회의원 정하윤",
        "국회의원 박재민",
        "평화네트워크",
    ]
    # A body's own unit, a university's unit, and a name that is one body with a space stay whole.
    assert _names("참여연대 평화군축센터 평화네트워크") == ["참여연대 평화군축센터", "평화네트워크"]
    assert _names("김대중평화센터 연세대학교 김대중도서관") == ["김대중평화센터", "연세대학교 김대중도서관"]
    assert _names("615공동선언실천 남측위원회") == ["615공동선언실천 남측위원회"]
    assert _names("평화네트워크 한국진보연대 6.15공동선언실천 남측위원회") == [
        "평화네트워크",
        "한국진보연대",
        "6.15공동선언실천 남측위원회",
    ]
    assert _names("한반도평화행동 겨레하나") == ["한반도평화행동 겨레하나"]  # no telling where one ends
    # One body with its office or a word that only looks like one; a university keeps only its own unit.
    assert _names("서울특별시 교육청") == ["서울특별시 교육청"]
    assert _names("평화네트워크 공동연구") == ["평화네트워크 공동연구"]
    assert _names("연세대학교 평화네트워크") == ["연세대학교", "평화네트워크"]


def test_host_names_in_the_cells_after_their_label(resources: Resources) -> None:
    text = (
        "2023 평화 토론회 안내\n\n일시 | 2023년 9월 19일(화) 오후 2시\n장소 | 국회의원회관\n"
        "주최  평화네트워크  시민평화포럼  참여연대\n주관  평화와통일을여는사람들\n"
        "후원  남북평화재단  한겨레통일문화재단\n\n많은 참여 바랍니다.\n"
    )
    gathering = _gathering(resources, text)
    assert [h["name"] for h in gathering["hosts"]] == [
        "평화네트워크",
        "시민평화포럼",
        "참여연대",
        "평화와통일을여는사람들",
    ]
    assert [s["name"] for s in gathering["sponsors"]] == ["남북평화재단", "한겨레통일문화재단"]


def test_labels_at_the_end_of_a_cell_and_a_programme_dated_as_of_a_day(resources: Resources) -> None:
    text = (
        "Programme (as of 27 October 2025)\n\n2025 International Conference on Crisis Management\n\n"
        "Dates | Tuesday 11 - Wednesday 12 November 2025\n"
        "주최 | 세종연구소 통일연구원 주관 | 한국국제정치학회 후원 | 통일부 한국국제교류재단\n\n"
        "09:00-09:30 | Registration\n09:30-10:00 | Opening session\n"
    )
    gathering = _gathering(resources, text)
    assert (gathering["start"], gathering["end"]) == ("2025-11-11", "2025-11-12")
    assert [h["name"] for h in gathering["hosts"]] == ["세종연구소", "통일연구원", "한국국제정치학회"]
    assert [s["name"] for s in gathering["sponsors"]] == ["통일부", "한국국제교류재단"]


def test_a_summit_named_in_the_main_sentence_is_not_the_venue(resources: Resources) -> None:
    text = (
        "AFTER HANOI: KEEPING DIPLOMACY ALIVE\nReport on a congressional briefing, Washington, D.C.\n\n"
        "On Wednesday, March 13, 2019, two weeks after the summit between President Donald Trump and "
        "Chairman Kim Jong Un in Hanoi ended without an agreement, the Friends Committee on National "
        "Legislation and Women Cross DMZ co-hosted a briefing for congressional staff.\n\n"
        "Some 150 people attended.\n"
    )
    gathering = _gathering(resources, text)
    assert gathering["place"] == "Washington" and gathering["start"] == "2019-03-13"


def test_only_names_of_bodies_in_the_cells_after_a_host_label(resources: Resources) -> None:
    fields = labelled_fields(
        "주최 | 평화네트워크 | 문의 | 02-723-4567\nOrganizers | Peace Boat | Registration | Free"
    )
    text = "주최 | 평화네트워크 | 문의 | 02-723-4567\nOrganizers | Peace Boat | Registration | Free"
    hosts = [text[f.start : f.end].strip() for f in fields if f.name == "host"]
    assert hosts == ["평화네트워크", "Peace Boat"]
    odd = "주최 | 평화네트워크\xa0후원 |"
    assert [f.name for f in labelled_fields(odd)][:1] == ["host"]  # and it returns


def test_a_gathering_called_a_summit_keeps_its_place(resources: Resources) -> None:
    text = (
        "REPORT\n\nThe People's Peace Summit was held in Seoul on 27 July 2023, hosted by Korea Peace Now! "
        "ahead of a follow-up meeting in Tokyo.\n\nSome 300 people attended.\n"
    )
    assert _gathering(resources, text)["place"] == "Seoul"


def test_workshops_a_network_has_hosted_over_the_years_are_not_this_gatherings() -> None:
    text = (
        "Over the past two years, the network has hosted five workshops on sanctions. This year's meeting "
        "opened with a plenary, and three thematic sessions followed."
    )
    found = _accesses(text)
    assert len(found) == 4, found  # the plenary and the three sessions


def test_a_dates_row_listing_two_days_spans_them_and_a_venues_row_gives_the_place(
    resources: Resources,
) -> None:
    text = (
        "Peace on the Korean Peninsula: Human Security Perspectives\n\nSide event and expert consultation\n\n"
        "Dates | Monday 19 September 2022 (public side event); Tuesday 20 September 2022 (consultation)\n"
        "Venues | Room XXIV, Palais des Nations, Geneva (19 September); Maison de la paix (20 September)\n"
        "Organised by | Peace Boat; Women's International League for Peace and Freedom\n\n"
        "Human rights talks on Korea in Geneva tend to be held apart from those on peace and security.\n"
    )
    got = _gathering(resources, text, "programme.txt")
    assert (got["start"], got["end"], got["place"], got["mode"]) == (
        "2022-09-19",
        "2022-09-20",
        "Geneva",
        "in_person",
    )


def test_one_moment_given_in_two_time_zones_is_one_day(resources: Resources) -> None:
    text = (
        "Seventy Years of the Armistice: A Webinar\n\n"
        "• Date: Wednesday, March 8, 2023 (U.S.) / Thursday, March 9, 2023 (Korea)\n"
        "• Time: 7:00 pm ET / 9:00 am KST\n• Online via Zoom\n"
        "• Organised by: Women Cross DMZ\n\nJoin us to discuss the seventy years since the armistice.\n"
    )
    got = _gathering(resources, text, "programme.txt")
    assert (got["start"], got.get("end") or got["start"]) == ("2023-03-08", "2023-03-08")


def test_a_venue_line_that_adds_zoom_is_hybrid_with_its_city(resources: Resources) -> None:
    text = (
        "International Symposium\n\nFive Years after Panmunjom: Rebuilding Trust\n\n"
        "26–27 April 2023 | Koreana Hotel, Seoul (Grand Ballroom, 2F) and online via Zoom\n\n"
        "Organised by | Friedrich-Ebert-Stiftung Korea Office\n"
        "Participation | Public sessions are open in person (registration required) and on Zoom.\n\n"
        "PROGRAMME\n\nTime | Session | Access\n09:30–10:00 | Registration\n"
        "10:00–10:30 | Opening Session | Public\n10:30–12:00 | Session 1: The Legacy of 2018 | Public\n"
    )
    got = _gathering(resources, text, "programme.txt")
    assert (got["place"], got["mode"]) == ("Seoul", "hybrid")


def test_a_korean_notice_held_only_online_and_one_at_the_assembly_building(resources: Resources) -> None:
    online = (
        "평양공동선언 3년 기념 온라인 토론회\n\n일 시 | 2021년 9월 17일(금) 오후 7시\n"
        "방 식 | 비대면 온라인 (Zoom 회의 및 유튜브 동시 송출)\n주 최 | 평화네트워크\n\n"
        "평양공동선언 3년을 맞아 남북관계의 과제를 짚는 자리를 마련했습니다.\n"
    )
    got = _gathering(resources, online, "notice.txt")
    assert (got.get("place"), got["mode"]) == (None, "online")
    assembly = (
        "정전 70년 국회 정책토론회\n\n■ 일 시 : 2023년 7월 20일(목) 오후 2시\n"
        "■ 장 소 : 국회의원회관 제2세미나실\n"
        "■ 주 최 : 참여연대\n\n정전협정 70년을 맞아 평화체제로 가는 입법 과제를 점검합니다.\n"
    )
    got = _gathering(resources, assembly, "notice.txt")
    assert (got["place"], got["mode"]) == ("Seoul", "in_person")


def test_a_title_looking_back_to_a_place_is_no_venue_and_a_zoom_links_note_makes_it_no_online_event(
    resources: Resources,
) -> None:
    text = (
        "International Symposium\n\nFive Years after Panmunjom: Rebuilding Trust\n\n"
        "26–27 April 2023 | Koreana Hotel, Seoul (Grand Ballroom, 2F) and online via Zoom\n\n"
        "Organised by | Friedrich-Ebert-Stiftung Korea Office\n\n"
        "PROGRAMME\n\nTime | Session | Access\n09:30–10:00 | Registration\n"
        "10:00–10:30 | Opening Session | Public\n10:30–12:00 | Session 1: The Legacy of 2018 | Public\n\n"
        "Zoom links for the public sessions will be sent to registered participants.\n"
    )
    got = _gathering(resources, text, "programme.txt")
    assert (got["place"], got["mode"]) == ("Seoul", "hybrid")  # a venue, and sessions one may join on Zoom


def test_hosts_named_in_a_notices_own_tense(resources: Resources) -> None:
    text = (
        "From Armistice to Peace: A Morning on Capitol Hill\n\nThursday, July 27, 2023\n"
        "Rayburn House Office Building, Washington, D.C.\n\n"
        "To mark the day, the Friends Committee on National Legislation (FCNL) and Women Cross DMZ are "
        "organizing a morning that brings together veterans, faith leaders and policy experts.\n\n"
        "PROGRAMME\n\nTime | Session | Access\n8:30 | Registration\n"
        "9:00 | Opening remarks | Public\n9:30 | Panel: What Congress can do | Public\n"
    )
    got = _gathering(resources, text, "programme.txt")
    assert [h["name"] for h in got["hosts"]] == [
        "Friends Committee on National Legislation (FCNL)",
        "Women Cross DMZ",
    ]


def test_a_place_that_begins_an_agreements_name_is_no_venue(resources: Resources) -> None:
    pattern = resources.place_pattern
    assert [m.group() for m in pattern.finditer("판문점선언 3주년 포럼, 판문점에서 열린 정상회담")] == [
        "판문점"
    ]
    assert [m.group() for m in pattern.finditer("the Panmunjom Declaration and the talks at Panmunjom")] == [
        "Panmunjom"
    ]
    assert pattern.search("the Singapore Joint Statement") is None
    text = (
        "판문점선언 3주년 온라인 평화통일 시민포럼 안내\n\n판문점선언 3년, 남북관계 어디로 가야 하나\n\n"
        "○ 일시: 2021년 5월 27일(목) 19:00 ~ 21:00\n○ 방식: 온라인 (Zoom)\n"
        "○ 주최: 민족화해협력범국민협의회\n\n"
        "발제: 판문점선언 이행 점검\n토론: 남북관계 복원의 조건\n"
    )
    assert _gathering(resources, text, "notice.txt").get("place") is None


def test_a_korean_mail_gives_its_sent_date_and_its_labels_the_mode(resources: Resources) -> None:
    text = (
        "보낸사람: 민화협 정책실 <policy@example.org>\n받는사람: 회원단체 및 관심 시민 여러분\n"
        "보낸날짜: 2021년 5월 18일 (화) 오후 3:12\n제목: [민화협] 온라인 평화통일 시민포럼 안내\n\n"
        "안녕하십니까, 민족화해협력범국민협의회입니다. 남북 정상이 만난 지 3년이 지났습니다.\n\n"
        "판문점선언 3주년 평화통일 시민포럼\n\n○ 일시: 5월 27일(목) 19:00 ~ 21:00\n"
        "○ 방식: Zoom 화상회의 (회의 ID는 신청자에게 발송)\n○ 주최: 민족화해협력범국민협의회\n\n"
        "[프로그램]\n\n19:00 ~ 19:10 여는 말\n19:10 ~ 20:00 1부 발제\n20:50 ~ 21:00 닫는 말\n"
    )
    pipeline = Pipeline(registry=Registry([]), resources=resources)
    output = to_output(pipeline.process(read_bytes(text.encode(), "mail.txt")))
    assert output["document"]["date"] == "2021-05-18"
    gathering = output["gatherings"][0]
    assert (gathering["start"], gathering["mode"]) == ("2021-05-27", "online")


def test_letter_spaced_labels_with_their_values_set_right_after_them(resources: Resources) -> None:
    text = (
        "초청장 INVITATION\n\n2019 한반도 평화 국제심포지엄\n\n귀한 걸음으로 자리를 빛내 주시기 바랍니다.\n\n"
        "행사 안내 Information\n일 시2019년 4월 26일(금) 09:30 ~ 17:30\n"
        "장 소한국프레스센터 20층 국제회의장 (서울 중구 세종대로 124)\n"
        "주 최한반도평화포럼 (Korea Peace Forum)\n후 원통일부, 한국국제교류재단\n\n"
        "프로그램 Programme\n\n09:30~10:00 등록\n10:00~10:40 개회식\n10:50~12:20 세션 1\n\n"
        "주최 한반도평화포럼 | 후원 통일부\n"
    )
    got = _gathering(resources, text, "programme.txt")
    assert (got["start"], got["place"]) == ("2019-04-26", "Seoul")
    assert [h["name"] for h in got["hosts"]] == ["한반도평화포럼 (Korea Peace Forum)"]  # and once
    assert [s["name"] for s in got["sponsors"]] == ["통일부", "한국국제교류재단"]


def test_cities_named_for_their_time_zones_make_no_venue(resources: Resources) -> None:
    for head in (
        "Online via Zoom - 9 am New York / 10 pm Seoul",
        "Online via Zoom | 8:00 PM KST (Seoul) / 7:00 AM EDT (Washington)",
    ):
        text = (
            f"Ending the Korean War: Seventy Years On\n\nThursday, July 27, 2023\n{head}\n\n"
            "Organized by Korea Peace Now!\n\nJoin us for a conversation on the armistice.\n\n"
            "PROGRAMME\n\n8:00 PM | Opening remarks\n8:10 PM | Panel: Ending the war\n"
        )
        got = _gathering(resources, text, "programme.txt")
        assert (got.get("place"), got["mode"]) == (None, "online"), head
    titled = (
        "Seoul–Washington Dialogue on Peace\n\nDate: Thursday, July 27, 2023, 8:00 PM KST\n"
        "Zoom link: sent to registered participants\nOrganized by: Korea Peace Now!\n\nJoin the dialogue.\n\n"
        "PROGRAMME\n\n8:00 PM | Opening remarks\n8:10 PM | Panel: Ending the war\n"
    )
    assert _gathering(resources, titled, "programme.txt")["mode"] == "online"


def test_a_title_going_to_a_place_names_it_and_we_host_no_one(resources: Resources) -> None:
    for title, place in (
        ("Korean Peace Delegation to Washington, D.C.\nAdvocacy Week, 12-15 June 2023", "Washington"),
        ("Welcome to Jeju: International Peace Forum 2023\n12-14 June 2023", "Jeju"),
    ):
        text = (
            f"{title}\n\nOrganized by the Korea Peace Appeal Campaign\n\n"
            "PROGRAMME\n\nTime | Session | Access\n"
            "10:00 | Opening Session | Public\n14:00 | Session 1: Peace in Northeast Asia | Public\n"
        )
        assert _gathering(resources, text, "programme.txt")["place"] == place, title
    text = (
        "Seventy Years of the Armistice\n\nThursday, July 27, 2023, 7:00 pm ET\nFormat: Online via Zoom\n\n"
        "We are hosting a webinar with peace activists from Korea and the United States.\n\n"
        "PROGRAMME\n\n7:00 pm | Opening remarks\n7:10 pm | Panel: Ending the war\n"
    )
    assert _gathering(resources, text, "programme.txt")["hosts"] == []


def test_a_second_day_given_for_another_zone_or_a_deadline_is_no_end(resources: Resources) -> None:
    for line in (
        "Date: Wednesday, March 8, 2023, 7 pm ET (Korea time: Thursday, March 9, 9 am)",
        "일시: 2023년 3월 8일(수) 오후 8시 (한국시간 3월 9일(목) 오전 10시)",
        "Date: Wednesday, March 8, 2023 — registration closes Friday, March 17, 2023",
    ):
        text = (
            f"Seventy Years of the Armistice: A Webinar\n\n{line}\nOnline via Zoom\n"
            "Organised by: Women Cross DMZ\n\nJoin us to discuss the seventy years since the armistice.\n"
        )
        got = _gathering(resources, text, "programme.txt")
        assert (got["start"], got.get("end") or got["start"]) == ("2023-03-08", "2023-03-08"), line


def test_a_mode_field_saying_there_is_no_in_person_event_is_online(resources: Resources) -> None:
    text = (
        "정전협정 70주년 토론회\n\n일 시 | 2023년 7월 27일(목) 오후 7시\n"
        "방 식 | 온라인 (Zoom) / 현장 행사 없음\n"
        "주 최 | 평화네트워크\n\n정전 70년을 맞아 평화협정의 길을 묻습니다.\n"
    )
    assert _gathering(resources, text, "notice.txt")["mode"] == "online"
    assert resources.place_pattern.search("2018 남북정상회담 메인 프레스센터(고양 킨텍스)").group() == "고양"


def test_a_timed_row_with_its_speakers_is_a_session_however_long_and_prose_is_not() -> None:
    speakers = "; ".join(f"Speaker {n} (Organisation number {n} for peace)" for n in range(1, 10))
    row = f"11:40-13:00 | Session 1. Humanitarian access after the border reopens Presenters: {speakers}"
    prose = f"Session 1 will look at humanitarian access after the border reopens, with {speakers}."
    assert len(row) > 300 and len(prose) > 300
    text = f"Time | Programme\n{row}\n13:00-14:30 | Lunch\n\n{prose}\n"
    assert [text[s.start : s.end] for s in schedule_sessions(text)] == [row]


def test_numbered_timed_items_under_a_heading_with_a_note_in_brackets() -> None:
    text = (
        "Agenda (all times Eastern)\n1. 7:00 p.m. — Welcome and framing\nHost: a national organizer\n"
        "2. 7:10 p.m. — Panel discussion and audience Q&A\nModerator: a volunteer\n"
        "3. 8:20 p.m. — Closing: next steps for the campaign\n"
    )
    found = [text[s.start : s.end].split(" — ")[1] for s in schedule_sessions(text)]
    assert found == [
        "Welcome and framing",
        "Panel discussion and audience Q&A",
        "Closing: next steps for the campaign",
    ]
    numbered = (
        "Programme (all times JST)\n1. 09:00 Opening remarks\n2. 09:10 Panel discussion\n"
        "3. 10:20 Closing remarks\n"
    )
    assert len(schedule_sessions(numbered)) == 3
    untimed = (
        "Programme (subject to change)\n- Opening remarks\n- Panel discussion on the armistice\n- Closing\n"
    )
    assert len(schedule_sessions(untimed)) == 3


def test_co_sponsors_are_sponsors_and_a_list_runs_on_over_commas_but_not_into_an_apposition(
    resources: Resources,
) -> None:
    text = (
        "Women, Peace and the Korean War: A Webinar\n\nDate: Thursday, June 25, 2020, 8:00 pm ET\n"
        "Format: Online via Zoom\n\nThis webinar is hosted by Women Cross DMZ and co-sponsored by the Nobel "
        "Women's Initiative, the Women's International League for Peace and Freedom and Peace Boat.\n"
    )
    got = _gathering(resources, text, "programme.txt")
    assert [h["name"] for h in got["hosts"]] == ["Women Cross DMZ"]
    assert [s["name"] for s in got["sponsors"]] == [
        "Nobel Women's Initiative",
        "Women's International League for Peace and Freedom",
        "Peace Boat",
    ]
    labelled = text.replace(
        "This webinar is hosted",
        "Organized by: Women Cross DMZ\nCo-sponsored by: Peace Action;"
        " Veterans For Peace\n\nThe webinar is held",
    )
    assert [s["name"] for s in _gathering(resources, labelled, "programme.txt")["sponsors"]] == [
        "Peace Action",
        "Veterans For Peace",
    ]
    apposition = (
        "The briefing was sponsored by the office of Representative Brad Sherman, the lead author of the "
        "Peace on the Korean Peninsula Act."
    )
    assert [s.name for s in prose_parties(apposition)[1]] == ["Representative Brad Sherman"]


def test_the_lectures_of_a_series_are_its_sessions() -> None:
    text = (
        "■ 일시: 2024년 9월 5일(목) ~ 9월 26일(목), 매주 목요일 저녁\n\n■ 강의 일정\n"
        "1강 | 9/5(목) | 9·19 군사합의는 무엇을 지켜왔나\n2강 | 9/12(목) | '두 국가론'과 남북관계의 미래\n"
        "3강 | 9/19(목) | 군비통제의 상상력\n\n■ 신청: 아래 링크\n"
    )
    assert [text[s.start : s.end][:3] for s in schedule_sessions(text)] == ["1강 ", "2강 ", "3강 "]


def test_a_slot_in_brackets_before_a_dash_and_what_the_item_holds() -> None:
    text = (
        "3. 프로그램\n\n[1일차] 11월 4일(목)\n\n1. 개회식 (13:00~13:40) — 개회사, 환영사, 축사\n\n"
        "2. 기조강연 (13:40~14:30) — 「갈등의 시대, 종교는 평화를 말할 수 있는가」\n\n"
        "3. 점심 (12:00~13:00) — 호텔 식당\n\n4. 7대 종단 대표 간담회 (10:40~11:30) — 비공개\n"
    )
    found = [(text[s.start : s.end].split(" (")[0], s.closed) for s in schedule_sessions(text)]
    assert found == [("1. 개회식", False), ("2. 기조강연", False), ("4. 7대 종단 대표 간담회", True)]


def test_access_on_the_line_under_an_item_and_workshops_with_their_rooms() -> None:
    text = (
        "SATURDAY, 14 SEPTEMBER\n09:30 - 10:15 OPENING SESSION\nWelcome by the organisers\n"
        "15:30 - 17:30 Parallel workshops\nWORKSHOP A (Room 1): Women's leadership in peacebuilding\n"
        "WORKSHOP B (Room 2): Building a global campaign\n\nSUNDAY, 15 SEPTEMBER\n"
        "09:30 - 11:30 PARTNERS' STRATEGY MEETING\nClosed session - by invitation only\n"
        "11:45 - 13:00 CLOSING PLENARY: Adoption of the Berlin call\n"
    )
    found = [(text[s.start : s.end], s.closed) for s in schedule_sessions(text)]
    assert found == [
        ("09:30 - 10:15 OPENING SESSION", False),
        ("WORKSHOP A (Room 1): Women's leadership in peacebuilding", False),
        ("WORKSHOP B (Room 2): Building a global campaign", False),
        ("09:30 - 11:30 PARTNERS' STRATEGY MEETING", True),
        ("11:45 - 13:00 CLOSING PLENARY: Adoption of the Berlin call", False),
    ]


def test_a_report_telling_each_session_of_its_table_again_counts_each_once() -> None:
    text = (
        "Programme\n\nDate | Time | Session | Access\n15 June | 09:30-10:00 | Opening session | Open\n"
        "15 June | 10:15-12:30 | Session 1: Regional security outlook | Open\n"
        "16 June | 09:30-12:30 | Session 2: Confidence-building | Off the record\n"
        "16 June | 14:30-16:30 | Public seminar at the university | Public\n"
        "17 June | 10:00-12:00 | Closing session and adoption of the statement | Open\n\n"
        "Opening session (15 June). Welcome remarks by the two organisers.\n\n"
        "Session 1 - Regional security outlook (15 June). Participants exchanged views.\n\n"
        "Session 2 - Confidence-building (16 June). This session was held off the record.\n\n"
        "Closing session (17 June). Participants adopted a short statement.\n"
    )
    found = schedule_sessions(text)
    assert (len(found), sum(s.closed for s in found)) == (5, 1)


def test_a_bare_venue_label_whose_value_runs_onto_a_second_line_before_the_next_label(
    resources: Resources,
) -> None:
    text = (
        "Peace Beyond the Armistice\n\nInternational Symposium · Thursday 14 - Friday 15 September 2023\n\n"
        "Venue Franciscan Education Center, Jung-gu, Seoul, Republic of Korea\n"
        "and online via Zoom webinar (pre-registration required)\n\n"
        "Organised by Korea Peace Appeal Campaign\n\nProgramme\n"
        "10:00-10:40 | Opening Session\n11:00-12:30 | Session 1 - Seventy years of armistice\n\n"
        "Registration: in-person seats are limited to 120.\n"
    )
    got = _gathering(resources, text, "programme.txt")
    assert (got["place"], got["mode"]) == ("Seoul", "hybrid")
    assert [f.name for f in labelled_fields(text)] == ["place", "host"]


def test_an_online_meeting_told_of_as_another_one_makes_no_hybrid(resources: Resources) -> None:
    base = (
        "Report: Second Conference on Humanitarian Cooperation\n\nPosted 2 December 2022\n\n"
        "The second conference in the series was held in Berlin on 24-25 November 2022 and was attended "
        "by 60 participants. The participants discussed sanctions and humanitarian access.\n\n"
    )
    for other in (
        "A short online follow-up meeting was held on 15 March 2021.",
        "Our first conference was held online on October 12, 2021, during the pandemic.",
        "Participants agreed on a plan to hold an online follow-up consultation in 2023.",
    ):
        assert _gathering(resources, base + other + "\n", "report.txt")["mode"] == "in_person", other
    streamed = base + "The conference was also streamed on Zoom for those who could not travel.\n"
    assert _gathering(resources, streamed, "report.txt")["mode"] == "hybrid"


def test_a_report_of_a_meeting_held_only_online_has_no_venue(resources: Resources) -> None:
    text = (
        "Ecumenical Forum for Korea\n\nReport of the online meeting, 12-14 October 2021\n\n"
        "Geneva, 1 November 2021\n\nBecause of travel restrictions, the 2021 meeting was again held entirely "
        "online, via Zoom, over three afternoons. Some 45 participants from 11 countries took part, and the "
        "participants discussed humanitarian cooperation.\n"
    )
    got = _gathering(resources, text, "report.txt")
    assert (got["mode"], got.get("place")) == ("online", None)
    other_years = (
        "Ulaanbaatar Process report\n\nThe last in-person meeting before the pandemic took place "
        "in Ulaanbaatar in June 2019; meetings in 2020, 2021 and 2022 were held online.\n\n"
        "The 2023 meeting was held in "
        "Ulaanbaatar, Mongolia, from 15 to 17 June 2023, and was attended by 32 participants; those unable "
        "to travel joined through Zoom. Participants discussed the Korean Peninsula.\n"
    )
    got = _gathering(resources, other_years, "report.txt")
    assert (got["mode"], got["place"]) == ("hybrid", "Ulaanbaatar")


def test_a_posts_own_stamp_with_its_time_dates_a_report_and_sponsors_after_the_hosts_clauses(
    resources: Resources,
) -> None:
    from peacetrack.pipeline.prepare.describe import find_date

    stamp = "2019. 10. 15. 17:42 · 글쓴이 한국YMCA · 조회 1,284"
    text = (
        f"[참가 후기] 제3회 청년 평화 아카데미\n\n{stamp}\n\n"
        "지난 10월 12일(토) 서울YMCA 2층 강당에서 제3회 청년 평화 아카데미가 열렸습니다. "
        "한국YMCA전국연맹이 주최하고 서울YMCA가 주관했으며, 통일부가 후원한 이번 행사에는 청년 58명이 "
        "함께했습니다.\n"
    )
    found = find_date(text, "conference_report")
    assert found is not None and found[0] == date(2019, 10, 15)
    # A programme's line with a time and no byline is the event's, not the notice's.
    assert find_date("청년 평화 아카데미\n\n2019. 10. 12. 13:00 서울YMCA 강당\n", "programme") is None
    got = _gathering(resources, text, "report.txt")
    assert [s["name"] for s in got["sponsors"]] == ["통일부"]
    assert got["start"] == "2019-10-12"
    blog = (
        "[참가 후기] 2024 평화 공감 청년 포럼 다녀왔어요\n\n"
        "걷는사람 · 2024. 8. 27. 18:42 URL 복사 + 이웃추가\n\n"
        "지난 토요일(8월 24일), 대구에서 열린 청년 포럼에 다녀왔다. 흥사단 민족통일운동본부가 주최하고 "
        "대구흥사단이 주관한 행사로, 대구광역시가 후원했다. 청년 60여 명이 참석했다.\n"
    )
    found = find_date(blog, "conference_report")
    assert found is not None and found[0] == date(2024, 8, 27)
    got = _gathering(resources, blog, "report.txt")
    assert [s["name"] for s in got["sponsors"]] == ["대구광역시"]


def test_an_item_opening_with_its_access_dates_and_the_same_opening_on_another_day_stay_items() -> None:
    access = (
        "Programme\n09:30 - 10:00 Opening remarks\n10:00 - 12:00 Panel 1: Humanitarian cooperation\n"
        "Closed-door roundtable with government officials (13:30 - 15:00)\n"
        "15:30 - 17:00 Panel 2: Ending the war\n"
    )
    found = [(access[s.start : s.end][:18], s.closed) for s in schedule_sessions(access)]
    assert found == [
        ("09:30 - 10:00 Open", False),
        ("10:00 - 12:00 Pane", False),
        ("Closed-door roundt", True),
        ("15:30 - 17:00 Pane", False),
    ]
    dated = (
        "기자회견 순서\n1. 여는 말\n2. 9.19 군사합의의 의미 – 평화네트워크\n3. 4.27 판문점선언과 접경지역\n"
        "4. 기자회견문 낭독\n"
    )
    assert len(schedule_sessions(dated)) == 4
    days = (
        "Day 1 – 12 June\n09:30 Opening Session\n10:30 Panel 1: Civil society\nDay 2 – 13 June\n"
        "09:30 Opening remarks by the co-chairs\n10:00 Panel 2: Women in peacebuilding\n"
        "16:00 Closing Session\n"
    )
    assert len(schedule_sessions(days)) == 5
    dinner = "14:00 개회사\n14:10 세션 1: 한반도 정세 전망\n18:00 주변 4강 주한대사 초청 만찬\n"
    assert len(schedule_sessions(dinner)) == 2


def test_online_paperwork_preparations_and_this_meetings_own_stream_keep_their_modes(
    resources: Resources,
) -> None:
    prep = (
        "Report: Fourth International Women's Peace Conference\n\nSeoul, 20 October 2023\n\n"
        "The Fourth International Women's Peace Conference took place on 14-15 October 2023 at the Korea "
        "Press Center in Seoul. It was organised by Women Cross DMZ.\n\nPreparatory consultations with "
        "partner organisations were held online in August and September. Over two days, 120 participants "
        "discussed demilitarisation.\n"
    )
    assert (_gathering(resources, prep, "report.txt")["mode"], _gathering(resources, prep)["place"]) == (
        "in_person",
        "Seoul",
    )
    signup = (
        "2023 한반도 평화 시민 포럼 결과보고\n\n한반도평화행동은 2023년 11월 18일 서울 중구 "
        "프란치스코 교육회관에서 '2023 한반도 평화 시민 포럼'을 개최했다. 참가 신청은 온라인으로 "
        "진행되었으며, 시민 150여 명이 참석했다.\n"
    )
    got = _gathering(resources, signup, "report.txt")
    assert (got["mode"], got["place"]) == ("in_person", "Seoul")
    for line in (
        "The forum, the fifth in the series, will be held at the Press Center in Seoul and will be "
        "livestreamed on YouTube.",
        "The first session will be streamed live on the KSM YouTube channel.",
    ):
        notice = (
            "Korea Peace Forum 2024\n\nDate: 12 June 2024, 14:00-17:00 KST\n"
            "Venue: Korea Press Center, Seoul\n"
            f"Organised by: Korea Peace Appeal Campaign\n\n{line}\n"
        )
        assert _gathering(resources, notice, "programme.txt")["mode"] == "hybrid", line


def test_a_sponsor_followed_by_where_it_is_is_one_sponsor_and_a_list_needs_its_and() -> None:
    for text, wanted in (
        (
            "The seminar was sponsored by the Ministry of Unification, Republic of Korea, and attracted 80 "
            "participants.",
            ["Ministry of Unification"],
        ),
        (
            "The forum was supported by the Korea Foundation, Seoul, and took place at the Asia Society.",
            ["Korea Foundation"],
        ),
        (
            "The webinar was co-sponsored by the Nobel Women's Initiative, the Women's International League "
            "for Peace and Freedom and Peace Boat.",
            ["Nobel Women's Initiative", "Women's International League for Peace and Freedom", "Peace Boat"],
        ),
    ):
        assert [s.name for s in prose_parties(text)[1]] == wanted, text
        if len(wanted) == 1:
            assert [s.name for s in hosts_and_sponsors(text, Sentence(0, len(text)), [])[1]] == wanted, text


def test_a_rows_access_cell_decides_not_a_topic_about_closed_borders(resources: Resources) -> None:
    report = (
        "Conference Report\n\nBerlin, 9 January 2023\n\n"
        "Against this background, Korea Verband and the Evangelische Akademie zu Berlin jointly organized an "
        "international conference in Berlin on 17-18 November 2022.\n\n"
        "Programme\n\nDay | Time | Session | Format\n"
        "Thu 17 Nov | 10:00-10:45 | Opening session: welcome and introduction | Public\n"
        "Thu 17 Nov | 11:00-12:45 | Panel 1: Three years of closed borders - what we know | Public\n"
        "Fri 18 Nov | 09:30-11:30 | Roundtable with donor governments | Closed-door, off the record\n"
        "Fri 18 Nov | 13:00-13:30 | Closing session: next steps | Public\n"
    )
    gathering = _gathering(resources, report, "report.txt")
    assert [h["name"] for h in gathering["hosts"]] == ["Korea Verband", "Evangelische Akademie zu Berlin"]
    assert [(s["title"]["en"].split(" | ")[2], s["access"]) for s in gathering["sessions"]] == [
        ("Opening session: welcome and introduction", "open"),
        ("Panel 1: Three years of closed borders - what we know", "open"),
        ("Roundtable with donor governments", "closed"),
        ("Closing session: next steps", "open"),
    ]


def test_an_access_cell_outweighs_the_word_closed_in_a_title() -> None:
    text = (
        "Time | Session | Access\n"
        "10:00 | Panel 2: When the Kaesong complex closed | Public\n"
        "11:00 | Roundtable on aid channels | By invitation only\n"
        "12:00 | Session 3: Closed-door diplomacy in history | Open to all\n"
        "13:00 | Briefing with envoys (closed)\n"
    )
    found = [(text[s.start : s.end].split(" | ")[1], s.closed) for s in schedule_sessions(text)]
    assert found == [
        ("Panel 2: When the Kaesong complex closed", False),
        ("Roundtable on aid channels", True),
        ("Session 3: Closed-door diplomacy in history", False),
        ("Briefing with envoys (closed)", True),
    ]


def test_a_note_of_an_earlier_meeting_also_held_there_does_not_date_this_one(resources: Resources) -> None:
    programme = (
        "Annual Meeting 2022\nBangkok, Thailand\n30 November - 2 December 2022\n\nPROVISIONAL PROGRAMME\n\n"
        "Hosted by the Church of Christ in Thailand\n\n"
        "15:00 - 16:30 OPENING SESSION\n17:00 - 18:30 SESSION 1 - Analysis of the situation\n\n"
        "Practical notes\n"
        "- A short report of the 2019 meeting, which was also held in Bangkok (10-12 July 2019), is here.\n"
    )
    gathering = _gathering(resources, programme, "programme.txt")
    assert (gathering["start"], gathering["end"]) == ("2022-11-30", "2022-12-02")


def test_an_access_note_under_a_wrapped_title_and_not_a_table_row_closes_the_item() -> None:
    text = (
        "14:00 - 16:00 SESSION 4 - Consultation between the delegations of the\n"
        "Korean churches and the EFK facilitators\n"
        "** CLOSED SESSION: delegations and facilitators only **\n"
        "16:30 - 18:00 SESSION 5 - Workshop: Accompanying peace from below - youth,\n"
        "women and local congregations\n\n"
        "Day | Item | Access\n"
        "Wed 20 Nov | Opening session: welcome | Public\n"
        "Panel 2: Sanctions and the exemption process | Public\n"
        "Thu 21 Nov | Closed session A: Operational access | Closed (Chatham House Rule)\n"
        "Closed session B: Coordination among donors | Closed (Chatham House Rule)\n"
        "Public closing session: Recommendations | Public\n"
    )
    found = [(text[s.start : s.end][:26], s.closed) for s in schedule_sessions(text)]
    assert found == [
        ("14:00 - 16:00 SESSION 4 - ", True),
        ("16:30 - 18:00 SESSION 5 - ", False),
        ("Opening session: welcome", False),
        ("Panel 2: Sanctions and the", False),
        ("Closed session A: Operatio", True),
        ("Closed session B: Coordina", True),
        ("Public closing session: Re", False),
    ]


def test_numbered_paragraphs_that_name_items_are_the_sessions_and_a_cancelled_one_is_not(
    resources: Resources,
) -> None:
    report = (
        "[결과보고] 6·15 공동선언 20주년 온라인 평화포럼\n\n"
        "지난 15일(월) 오후 2시부터 5시까지 온라인 평화포럼이 열렸습니다. Zoom으로만 진행하였습니다.\n\n"
        "주최 | 6·15공동선언실천 남측위원회\n\n"
        "1. 개회 — 상임대표의 개회사로 포럼이 시작되었습니다.\n\n"
        "2. 기조발제 — 정 교수가 남북 합의 20년의 성과를 주제로 발제했습니다.\n\n"
        "3. 세션 1 토론: 남북 합의 이행과 시민사회 — 토론자 세 명이 참여했습니다.\n\n"
        "4. 폐회 및 평화선언 낭독 — 참가자들은 선언을 함께 낭독했습니다.\n\n"
        "※ 다음 날 예정되었던 비공개 전문가 간담회는 내부 사정으로 취소되었습니다.\n\n"
        "이날 포럼에는 150여 명이 참여했습니다.\n"
    )
    gathering = _gathering(resources, report, "report.txt")
    assert [(s["title"]["ko"], s["access"]) for s in gathering["sessions"]] == [
        ("1. 개회", "open"),
        ("2. 기조발제", "open"),
        ("3. 세션 1 토론: 남북 합의 이행과 시민사회", "open"),
        ("4. 폐회 및 평화선언 낭독", "open"),
    ]


def test_a_numbered_run_takes_items_whose_heads_name_no_session_word_and_not_other_lists() -> None:
    text = (
        "Programme\n"
        "1. Opening session (30 November) – welcome by the organisers.\n"
        "2. Session 1: Closed borders – what is known.\n"
        "3. Closed-door consultation (30 November) – held by invitation only and off the record.\n"
        "4. Closing session – the draft recommendations.\n\n"
        "Recommendations\n"
        "1. Lengthen exemption periods – for all regimes.\n"
        "2. Support a payment channel – for aid operations.\n"
        "3. Accept remote monitoring – as an interim step.\n"
    )
    found = [(text[s.start : s.end], s.closed) for s in schedule_sessions(text)]
    assert found == [
        ("1. Opening session (30 November)", False),
        ("2. Session 1: Closed borders", False),
        ("3. Closed-door consultation (30 November)", True),
        ("4. Closing session", False),
    ]
    assert prose_sessions("The closed-door meeting planned for Friday was cancelled.") == []


def test_a_pdf_head_run_together_gives_dates_hosts_logo_strip_sponsors_and_the_hybrid_venue(
    resources: Resources,
) -> None:
    programme = (
        "International Conference\n\nDeclaring the End of the War: Building a Peace Regime\n\n"
        "30 Nov – 1 Dec 2021 | Seoul Global Center, 9F International Conference Hall & Zoom webinar Hybrid "
        "event · Korean-English simultaneous interpretation\n"
        "Hosted by Korea Peace Appeal Campaign, Women Cross DMZ Organized by Peace Network\n\n"
        "All times are Korea Standard Time (KST, UTC+9).\n\nPROGRAMME\n\n"
        "Time | Programme | Speakers / Notes\nDay 1 - Tuesday 30 November 2021\n"
        "09:30-10:00 | Registration\n10:30-12:00 | Session 1: What a declaration can do | Three presenters\n"
        "10:00-10:30 | Opening ceremony | Welcome remarks\n"
        "Day 2 - Wednesday 1 December 2021\n11:30-12:00 | Closing session | Summary\n\n"
        "Supported by KOREA FOUNDATION SEOUL METROPOLITAN GOVERNMENT\n"
    )
    gathering = _gathering(resources, programme, "programme.txt")
    assert (gathering["start"], gathering["end"], gathering["place"], gathering["mode"]) == (
        "2021-11-30",
        "2021-12-01",
        "Seoul",
        "hybrid",
    )
    assert [h["name"] for h in gathering["hosts"]] == [
        "Korea Peace Appeal Campaign",
        "Women Cross DMZ",
        "Peace Network",
    ]
    assert [s["name"] for s in gathering["sponsors"]] == ["KOREA FOUNDATION", "SEOUL METROPOLITAN GOVERNMENT"]


def test_a_programmes_day_number_is_no_date_and_a_logo_strip_keeps_a_bodys_office() -> None:
    from peacetrack.pipeline.extract.names import strip_apart

    (day,) = scan("Day 1 - Tuesday 30 November 2021")
    assert [(i.year, i.month, i.day) for i in day.items] == [(2021, 11, 30)]
    assert strip_apart("Ploughshares Fund Rosa-Luxemburg-Stiftung Tokyo Office Niwano Peace Foundation") == [
        "Ploughshares Fund",
        "Rosa-Luxemburg-Stiftung Tokyo Office",
        "Niwano Peace Foundation",
    ]
    assert strip_apart("Friedrich Ebert Foundation Korea Office") == [
        "Friedrich Ebert Foundation Korea Office"
    ]
    assert strip_apart("Korea Foundation, Seoul Metropolitan Government") == [
        "Korea Foundation, Seoul Metropolitan Government"
    ]


def test_a_limit_on_who_may_come_is_no_attendance() -> None:
    from peacetrack.pipeline.extract.attendance import attendance

    assert attendance("※ 방역 지침에 따라 현장 참석 인원은 49명 이내로 제한됩니다.") is None
    assert (
        attendance("※ 현장 참석은 49명으로 제한되며, 사전 신청하신 분에 한해 입장하실 수 있습니다.") is None
    )
    found = attendance("현장 참석은 49명으로 제한되었고, 실제로는 참석자 45명이 함께했습니다.")
    assert found is not None and found.value == 45


def test_an_online_discussion_convened_by_two_institutes_one_at_a_university(resources: Resources) -> None:
    report = (
        "Event Recap: Five Years After Singapore\n\nJune 20, 2023\n\n"
        "On June 12, 2023, the Quincy Institute for Responsible Statecraft and the Institute for Peace and "
        "Unification Studies at Seoul National University convened an online discussion on the summit. The "
        "webinar ran on Zoom. It was made possible by a grant from the Korea Foundation.\n\n"
        "About 140 people joined the live session.\n"
    )
    gathering = _gathering(resources, report, "recap.txt")
    assert [h["name"] for h in gathering["hosts"]] == [
        "Quincy Institute for Responsible Statecraft",
        "Institute for Peace and Unification Studies at Seoul National University",
    ]
    assert [s["name"] for s in gathering["sponsors"]] == ["Korea Foundation"]
    assert (gathering["mode"], gathering.get("place")) == ("online", None)


def test_a_name_with_an_exclamation_mark_and_numbered_items_with_a_full_stop(resources: Resources) -> None:
    report = (
        "Recap: Ending the Korean War at 70 webinar\n\n"
        "On Tuesday, July 25, 2023, the American Friends Service Committee (AFSC), the Friends Committee on "
        "National Legislation (FCNL) and the Korea Peace Now! Grassroots Network co-hosted an online "
        "conversation on Zoom. A total of 252 people attended; participants discussed the Act.\n\n"
        "What happened\n\n"
        "1. Welcome and grounding. The evening opened with a moment of silence.\n"
        "2. Panel 1 – “Why the war never ended.” A historian traced the Armistice.\n"
        "3. Panel 2 – “A path forward.” Advocates discussed the Act.\n"
        "4. Closing and action steps. Participants were invited to call Congress.\n"
    )
    gathering = _gathering(resources, report, "recap.txt")
    assert [h["name"] for h in gathering["hosts"]] == [
        "American Friends Service Committee (AFSC)",
        "Friends Committee on National Legislation (FCNL)",
        "Korea Peace Now! Grassroots Network",
    ]
    assert [s["title"]["en"] for s in gathering["sessions"]] == [
        "1. Welcome and grounding",
        "2. Panel 1",
        "3. Panel 2",
        "4. Closing and action steps",
    ]
    passive = (
        "Webinar report\n\nThe webinar was co-hosted by Korea Peace Now! Grassroots Network and Peace Action "
        "and took place online on Thursday, January 18, 2024. About 180 participants attended the webinar, "
        "which was held on Zoom.\n"
    )
    assert [h["name"] for h in _gathering(resources, passive, "report.txt")["hosts"]] == [
        "Korea Peace Now! Grassroots Network",
        "Peace Action",
    ]


def test_total_attendance_said_after_its_parts() -> None:
    from peacetrack.pipeline.extract.attendance import attendance

    found = attendance(
        "A total of 140 participants attended in person over the two days, and a further 60 registered "
        "participants took part via Zoom, bringing total attendance to 200 people from 14 countries."
    )
    assert found is not None and found.value == 200


def test_people_who_filled_the_room() -> None:
    from peacetrack.pipeline.extract.attendance import attendance

    text = "사전 신청자는 120명이었는데, 실제로는 전국에서 모인 청년 약 80명이 자리를 채웠습니다."
    found = attendance(text)
    assert found is not None and found.value == 80
    found = attendance("이날 모임에는 회원 40여 명이 함께했다.")
    assert found is not None and found.value == 40


def test_a_programme_row_naming_the_hosts_does_not_date_the_meeting_and_a_table_under_prose(
    resources: Resources,
) -> None:
    report = (
        "Meeting Report\n\nUlaanbaatar Process: Civil Society Dialogue\n\n"
        "Ulaanbaatar, Mongolia · 13–14 June 2019\n\n"
        "Published 8 July 2019\n\nThe meeting was hosted by Blue Banner and co-organised by Peace Boat.\n\n"
        "2. Participants\n\nParticipants took part in their personal capacity. Attendance was as follows:\n\n"
        "Country / category | Number of participants\nChina | 3\nJapan | 5\nTotal | 8\n\n"
        "3. Programme\n\nDate | Session | Format\n"
        "13 June | Opening session: welcome by the hosts and overview | Open\n"
        "14 June | Closing session: conclusions | Open\n"
    )
    gathering = _gathering(resources, report, "report.txt")
    assert (gathering["start"], gathering["end"], gathering["attendance"]) == ("2019-06-13", "2019-06-14", 8)


def test_a_special_lecture_is_a_programme_item() -> None:
    text = (
        "13:30~14:00 | 여는 마당 (개회 인사) | 공개\n"
        "14:00~15:30 | 특강 「2022 한반도 정세 진단」 | 공개\n"
        "15:30~15:45 | 휴식 | -\n"
        "15:45~17:45 | 평화학 강의와 질의응답 | 공개\n"
    )
    found = [text[s.start : s.end].split(" | ")[1] for s in schedule_sessions(text)]
    assert found == ["여는 마당 (개회 인사)", "특강 「2022 한반도 정세 진단」", "평화학 강의와 질의응답"]


def test_review_an_attendance_table_is_only_under_its_own_heading_and_limits_are_no_attendance() -> None:
    from peacetrack.pipeline.extract.attendance import attendance

    budget = (
        "2. Participants\n\nAbout 60 participants from 14 countries attended.\n\n3. Budget\n\n"
        "Item | Cost (USD)\nVenue | 3,000\nTotal | 12,000\n"
    )
    korean = (
        "참석 현황\n\n시민 60여 명이 참석했습니다.\n\n4. 예산 집행\n\n"
        "항목 | 금액(원)\n대관료 | 300,000\n합계 | 1,200,000\n"
    )
    for text in (budget, korean):
        found = attendance(text)
        assert found is not None and found.value == 60, text
    for limit in (
        "참가 인원: 30명 이내(선착순)",
        "현장 참석 인원 | 49명 이내",
        "참석 인원 49명 이하로 운영됩니다.",
    ):
        assert attendance(limit) is None, limit


def test_review_numbered_recommendations_and_a_session_about_a_cancellation() -> None:
    text = (
        "Conference Report\n\nAbout 120 people attended. The conference had two sessions.\n\n"
        "Recommendations\n\n1. Resume dialogue. Washington and Pyongyang should talk.\n"
        "2. Expand people-to-people exchanges. Families should meet.\n"
        "3. Hold regular civil society meetings. Groups should meet yearly.\n"
    )
    assert schedule_sessions(text) == []
    prose = (
        "Session 2 examined why the 2019 Hanoi summit was called off. The opening session recalled the "
        "reunions that were cancelled. Session 3 was cancelled and Session 4 went ahead as planned."
    )
    assert sorted(prose[s.start : s.end] for s in prose_sessions(prose)) == [
        "Session 2",
        "Session 4",
        "opening session",
    ]


def test_review_a_meetings_own_first_forum_keeps_its_place_and_an_online_webinar_about_hybrid_warfare(
    resources: Resources,
) -> None:
    first = (
        "Meeting report\n\nOn 12 March 2023 Peace Boat hosted the first joint forum of Japanese and Korean "
        "peace groups in Tokyo. Some 80 participants attended the forum.\n"
    )
    assert _gathering(resources, first, "report.txt")["place"] == "Tokyo"
    venue = (
        "Conference report\n\nThe Korea Peace Appeal Campaign hosted an international conference at Seoul "
        "Global Center on 5 June 2023. It drew 120 participants.\n"
    )
    assert _gathering(resources, venue, "report.txt")["place"] == "Seoul"
    webinar = (
        "Webinar Report\n\nWashington, D.C.\n\nOn 5 June 2023 the Korea Peace Network held an online "
        "webinar on Zoom on cyber operations and hybrid warfare. About 90 people attended the webinar.\n"
    )
    assert _gathering(resources, webinar, "report.txt").get("place") is None


def test_review_dates_after_a_named_day_and_a_head_row_with_hosts() -> None:
    (liberation,) = scan("Liberation Day 15 August 2023")
    assert [(i.year, i.month, i.day) for i in liberation.items] == [(2023, 8, 15)]


def test_review_a_head_row_with_hosts_capital_labels_and_an_open_cell_with_a_note(
    resources: Resources,
) -> None:
    head = (
        "Peace Forum 2023: Programme\n\n14–15 June 2023 | Seoul | Hosted by Peace Network and Women Cross "
        "DMZ | Free entry\n\nProgramme\n\n10:00 Opening session\n11:00 Panel 1: Sanctions\n"
    )
    gathering = _gathering(resources, head, "programme.txt")
    assert ([h["name"] for h in gathering["hosts"]], gathering["place"]) == (
        ["Peace Network", "Women Cross DMZ"],
        "Seoul",
    )
    capitals = (
        "Programme\n\nHOSTED BY Korea Peace Appeal Campaign, Women Cross DMZ ORGANIZED BY Peace Network\n\n"
        "10:00 Opening session\n11:00 Panel 1\n"
    )
    assert [h["name"] for h in _gathering(resources, capitals, "programme.txt")["hosts"]] == [
        "Korea Peace Appeal Campaign",
        "Women Cross DMZ",
        "Peace Network",
    ]
    rows = (
        "10:00 | Panel 2: When the Kaesong complex closed | Open (livestreamed)\n"
        "11:00 | Roundtable | Closed\n"
    )
    assert [s.closed for s in schedule_sessions(rows)] == [False, True]
    from peacetrack.pipeline.extract.hosts import SPONSORED

    funded = SPONSORED.search(
        "It was made possible by generous grants from the Korea Foundation and the Fund."
    )
    assert funded is not None and funded.group("list") == "the Korea Foundation and the Fund"


def test_a_head_lines_month_gives_way_to_the_days_a_line_below_names(resources: Resources) -> None:
    report = (
        "Summary Report\n\nSymposium Report | Women, Peace and Security | Seoul, October 2022\n\n"
        "International Symposium on Women, Peace and Security\n\n"
        "26–27 October 2022 · Korea Press Center, Seoul, and online via Zoom\n\n"
        "Date of this report: 15 December 2022\n\n1. Overview\n\n"
        "The symposium was organised by Women Making Peace. It took place over two days in a hybrid format. "
        "About 90 participants attended.\n"
    )
    gathering = _gathering(resources, report, "report.txt")
    assert (gathering["start"], gathering["end"]) == ("2022-10-26", "2022-10-27")


def test_a_report_that_tells_each_session_a_paragraph_and_lists_them_all_in_prose(
    resources: Resources,
) -> None:
    report = (
        "Conference Report\n\nTokyo, 10 December 2022\n\nThe conference was held in Tokyo on 26-27 November "
        "2022 and about 70 participants attended.\n\n3. Programme\n\nThe programme consisted of an opening "
        "plenary; "
        'Session 1, "Militarisation"; Session 2, "The 2018 agreements"; a closed strategy meeting of '
        "organisations, held off the record; and a closing plenary.\n\n4. Summary\n\n"
        "Session 1. Panellists analysed the defence budgets.\n\nSession 2. Korean participants described the "
        "agreement.\n"
    )
    sessions = _gathering(resources, report, "report.txt")["sessions"]
    assert [s["access"] for s in sessions] == ["open", "open", "open", "closed", "open"]


def test_an_editions_name_and_an_earlier_edition_are_no_sessions_and_working_groups_are() -> None:
    text = (
        "The second Berlin Roundtable was convened to take stock. The first roundtable was held in Berlin in "
        "2022. After an opening session, three public panels examined the situation. Two closed working "
        "groups, held under the Chatham House Rule, discussed banking. The event ended with a closing "
        "session."
    )
    found = [(text[s.start : s.end], s.closed) for s in prose_sessions(text)]
    assert [closed for _, closed in found] == [False, False, False, False, True, True, False]
    assert "second Berlin Roundtable" not in [name for name, _ in found]
