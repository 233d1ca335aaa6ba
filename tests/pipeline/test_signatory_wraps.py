"""Signature lists as PDFs and letters leave them: names wrapped onto a second line, a contact line
after the list."""

from __future__ import annotations

from peacetrack.pipeline import Pipeline, Registry, to_output
from peacetrack.pipeline.extract.signatories import extract_signatories
from peacetrack.pipeline.extract.signatory_lines import is_heading
from peacetrack.pipeline.prepare import normalise
from peacetrack.pipeline.read import read_bytes
from peacetrack.pipeline.resources import Resources

LETTER = (
    "We urge the Council to renew the exemptions.\n\nSincerely,\n\nINTERNATIONAL\n"
    "International Peace Bureau*\n"
    "Global Partnership for the Prevention of Armed\nConflict (GPPAC)\n"
    "Women's International League for Peace and Freedom*\n\n"
    "Coordinating contact for this letter: Mirae Thompson-Baek,\n"
    "letter@example.org.\n\n* Organisations in consultative status with ECOSOC."
)


def test_a_name_wrapped_onto_the_next_line_is_one_name_when_its_acronym_spans_both() -> None:
    names = [n.name for n in extract_signatories(LETTER)]
    assert "Global Partnership for the Prevention of Armed Conflict (GPPAC)" in names
    assert not any(name.startswith("Conflict") for name in names)


def test_a_contact_line_after_the_list_is_no_signatory() -> None:
    names = [n.name for n in extract_signatories(LETTER)]
    assert names == [
        "International Peace Bureau",
        "Global Partnership for the Prevention of Armed Conflict (GPPAC)",
        "Women's International League for Peace and Freedom",
    ]


def test_two_names_a_line_each_stay_two_without_an_acronym_across_them() -> None:
    text = "Signed,\n\nPeace Network\nKorean Sharing Movement (KSM)\nCivil Peace Forum\n"
    assert [n.name for n in extract_signatories(text)] == [
        "Peace Network",
        "Korean Sharing Movement (KSM)",
        "Civil Peace Forum",
    ]


def test_a_table_headed_by_scopes_of_signers_gives_only_the_names() -> None:
    text = (
        "Sincerely,\n\nSignatories\n\n"
        "National Organizations | State & Local Organizations\n"
        "American Friends Service Committee | Hawaii Peace and Justice\n"
        "CODEPINK | Massachusetts Peace Action\n"
        "Just Foreign Policy | Peace Action New York State\n"
    )
    names = [n.name for n in extract_signatories(text)]
    assert "National Organizations" not in names and "State & Local Organizations" not in names
    assert len(names) == 6


def test_title_case_group_headings_are_not_signers_but_named_federations_are() -> None:
    text = (
        "Sincerely,\n\nOrganizations\n\nPeace and Disarmament Organizations\nPeace Action\nWin Without War\n"
        "Korean American Organizations\nNodutdol for Korean Community Development\n"
        "Council of Peace Organizations\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "Peace Action",
        "Win Without War",
        "Nodutdol for Korean Community Development",
        "Council of Peace Organizations",
    ]


def test_a_sector_row_with_two_korean_names_and_attached_files_after_the_list() -> None:
    text = (
        "2018년 6월 8일\n서명 단체 일동\n\n서명 단체 (총 4개)\n\n분야 | 단체명\n"
        "종교 | 한국기독교교회협의회, 원불교시민사회네트워크\n환경 | 녹색연합, 환경운동연합\n\n"
        "첨부파일\n\n• 0608_편지_국문.hwp (48KB)\n• 0608_Letter_EN.pdf (212KB)\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "한국기독교교회협의회",
        "원불교시민사회네트워크",
        "녹색연합",
        "환경운동연합",
    ]


def test_lists_under_country_labels_on_their_own_lines_wrapped_or_not() -> None:
    text = (
        "Respectfully,\n\nSIGNATORIES (7 organisations, listed by country)\n\n"
        "AUSTRALIA: Independent and Peaceful Australia Network, Medical\n"
        "Association for Prevention of War, Pax Christi Australia.\n\n"
        "JAPAN: Peace Boat[1], Women's Active Museum on War and Peace.\n\n"
        "NEW ZEALAND / AOTEAROA: Peace Movement Aotearoa.\n\n"
        "INTERNATIONAL NETWORKS: International Peace Bureau[1], Nobel Women's Initiative.\n\n"
        "[1] In consultative status with the United Nations Economic and Social Council (ECOSOC).\n"
    )
    names = extract_signatories(text)
    assert [n.name for n in names] == [
        "Independent and Peaceful Australia Network",
        "Medical Association for Prevention of War",
        "Pax Christi Australia",
        "Peace Boat",
        "Women's Active Museum on War and Peace",
        "Peace Movement Aotearoa",
        "International Peace Bureau",
        "Nobel Women's Initiative",
    ]
    assert [n.name for n in names if n.ecosoc] == ["Peace Boat", "International Peace Bureau"]


def test_people_with_their_offices_after_a_note_on_the_list() -> None:
    text = (
        "Respectfully,\n\nSIGNATORIES\n\n"
        "Signed in a personal capacity by the following, listed alphabetically with their affiliations.\n\n"
        "• Ahn Mi-rae, Professor of Sociology, Sungkonghoe University\n\n"
        "• Ven. Beopjin, Buddhist monk, Jogye Order of Korean Buddhism\n\n"
        "• Rev. Dr. Daniel K. Oh, Professor of Christian Ethics, Union Theological Seminary; Board Member, "
        "Church World Service\n\n"
        "• Aiko Tanabe-Reyes — Kyoto, Japan\n"
    )
    names = [n.name for n in extract_signatories(text)]
    assert len(names) == 4 and names[1].startswith("Ven. Beopjin") and names[2] == "Rev. Dr. Daniel K. Oh"


def test_dotted_and_slashed_lists_wrapped_anywhere_under_bulleted_groups() -> None:
    text = (
        "평화를 빌며.\n\n2021년 5월 17일\n\n-------------------------\n"
        "[연명] (종교단체 4곳, 종교인 3명)\n-------------------------\n\n"
        "■ 종교단체\n\n"
        "한국종교인평화회의 · 한국기독교교회협의회 화해통일\n위원회 · 원불교 평화통일추진본부 ·\n"
        "실천불교전국승가회\n\n"
        "■ 종교인 (가나다순 아님, 접수순)\n\n"
        "박선우(목사·새빛교회 담임) / 정혜린\n(천주교 수녀) / 류하진\n(목사·평화교회 협동목사)\n\n"
        "-------------------------\n※ 문의 : 간사 노유정\n"
    )
    names = [n.name for n in extract_signatories(text, "ko")]
    assert len(names) == 7, names
    assert names[1] == "한국기독교교회협의회 화해통일 위원회" and names[3] == "실천불교전국승가회"
    assert names[-1] == "류하진 (목사·평화교회 협동목사)"


def test_two_tables_side_by_side_under_one_repeated_header() -> None:
    text = (
        "참여 단체 명단\n\n연번 | 단체명 | 지역 | 연번 | 단체명 | 지역\n"
        "1 | 참여연대 | 서울 | 4 | 흥사단 민족통일운동본부 | 서울\n"
        "2 | 평화네트워크 | 서울 | 5 | 부산참여연대 | 부산\n"
        "3 | 한국YWCA연합회 | 서울 | 6 | 대구참여연대 | 대구\n"
    )
    assert sorted(n.name for n in extract_signatories(text, "ko")) == sorted(
        [
            "참여연대",
            "평화네트워크",
            "한국YWCA연합회",
            "흥사단 민족통일운동본부",
            "부산참여연대",
            "대구참여연대",
        ]
    )


def test_sector_labelled_lines_and_the_same_list_again_in_english_are_one_list() -> None:
    text = (
        "공개서한 참여 단체 (분야별)\n\n"
        "종교: 한국기독교교회협의회, 천주교정의구현전국사제단\n"
        "여성: 한국여성단체연합, 평화를만드는여성회\n"
        "노동·농민: 전국민주노동조합총연맹\n\n"
        "Signatories (English)\n\n"
        "National Council of Churches in Korea, Catholic Priests' Association for Justice, Korean Women's "
        "Associations United, Korean Women's Movement for Peace, Korean Confederation of Trade Unions\n"
    )
    names = [n.name for n in extract_signatories(text, "ko")]
    assert names == [
        "한국기독교교회협의회",
        "천주교정의구현전국사제단",
        "한국여성단체연합",
        "평화를만드는여성회",
        "전국민주노동조합총연맹",
    ]


def test_signed_by_a_dotted_list_on_one_line() -> None:
    text = (
        "Humanitarian action should never be a bargaining chip.\n\n"
        "Signed by: American Friends Service Committee · Women Cross DMZ · Korea-Verband · Peace Boat\n\n"
        "Media contact: the secretariat.\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "American Friends Service Committee",
        "Women Cross DMZ",
        "Korea-Verband",
        "Peace Boat",
    ]


def test_an_inline_list_under_the_issuers_line_and_the_running_order_after_it() -> None:
    text = (
        "남북 당국은 대화에 나서라.\n\n2024년 6월 13일\n접경지역 평화를 바라는 기자회견 참가자 일동\n"
        "참가 단체: 겨레하나, 평화네트워크, 파주시민회의\n\n[기자회견 순서]\n\n순서 | 내용 | 발언자\n"
        "1 | 여는 발언 | 겨레하나 대표\n2 | 기자회견문 낭독 | 참가자 공동\n"
    )
    assert [n.name for n in extract_signatories(text, "ko")] == ["겨레하나", "평화네트워크", "파주시민회의"]


def test_a_colon_inside_a_bracketed_note_opens_no_list() -> None:
    text = (
        "정부는 합의를 복원하라.\n\n2024년 6월 12일\n\n서명자 명단\n"
        "※ 전체 명단은 첨부파일을 참고해 주십시오. (서명 참여: 6월 5일~11일, 온라인)\n\n"
        "김선영(평화네트워크 대표)\n박지훈(서강대 교수)\n"
    )
    assert [n.name for n in extract_signatories(text, "ko")] == [
        "김선영(평화네트워크 대표)",
        "박지훈(서강대 교수)",
    ]


def test_names_opening_with_a_bracketed_prefix_stay_and_prose_after_a_label_is_no_list() -> None:
    text = (
        "Sincerely,\n\nSignatories\n\n"
        "(사)평화3000, (사)민족화해협력범국민협의회(민화협), 참여연대, 겨레하나\n\n"
        "BACKGROUND: The Korean War, which ended in an armistice, has never been formally ended.\n"
    )
    assert [n.name for n in extract_signatories(text, "ko")] == [
        "(사)평화3000",
        "(사)민족화해협력범국민협의회(민화협)",
        "참여연대",
        "겨레하나",
    ]


def test_a_count_with_a_thousands_comma_is_one_cell_and_a_capitalised_for_makes_a_name() -> None:
    table = "분야 | 단체명\n종교 | 한국기독교교회협의회, 원불교\n시민 | 시민 1,000명\n"
    assert "시민 1,000명" in [n.name for n in extract_signatories("서명 단체\n\n" + table, "ko")]
    text = "Sincerely,\n\nPeace Action\nAlliance For Peace Organizations\nWin Without War\n"
    assert "Alliance For Peace Organizations" in [n.name for n in extract_signatories(text)]


def test_labels_parted_by_a_full_width_bar() -> None:
    from peacetrack.pipeline.extract.fields import labelled_fields
    from peacetrack.pipeline.prepare.normalise import normalise_text

    line = normalise_text(
        "주최 정전70년 한반도평화행동 ｜ 주관 참여연대 · 평화네트워크 ｜ 후원 프리드리히 에버트 재단"
    )
    assert [(f.name, line[f.start : f.end].strip()) for f in labelled_fields(line)] == [
        ("host", "정전70년 한반도평화행동"),
        ("host", "참여연대 · 평화네트워크"),
        ("sponsor", "프리드리히 에버트 재단"),
    ]


def test_a_heading_a_closing_remark_a_contact_and_a_header_cell_sign_nothing() -> None:
    text = (
        "We ask the Council to act.\n\nSigned,\n\n"
        "Churches and councils in Korea\n"
        "National Council of Churches in Korea\n"
        "Alliance of Scholars Concerned about Korea\n"
        "Presbyterian Church of Korea\n"
        "Media inquiries: Rachel Ohara-Lin, Communications Director\n"
        "Letter coordinated by a group of volunteer signers\n"
    )
    assert [r.name for r in extract_signatories(text)] == [
        "National Council of Churches in Korea",
        "Alliance of Scholars Concerned about Korea",
        "Presbyterian Church of Korea",
    ]
    korean = (
        "정부는 대화에 나서라.\n\n참여 단체\n\n번호 | 단체명\n1 | 참여연대\n2 | 평화네트워크\n3 | 겨레하나\n"
    )
    assert [r.name for r in extract_signatories(korean)] == ["참여연대", "평화네트워크", "겨레하나"]


def test_a_page_header_repeated_on_every_page_is_no_signer() -> None:
    header = "Joint Letter to the UN Secretary-General"
    text = (
        f"{header}\n\nWe urge you to act.\n\nSignatories:\n\nInternational Peace Bureau\nPeace Boat\n"
        f"Pax Christi International\n{header}\n"
    )
    assert [r.name for r in extract_signatories(text)] == [
        "International Peace Bureau",
        "Peace Boat",
        "Pax Christi International",
    ]


def test_items_numbered_with_a_bracket_are_signers_not_a_notes_legend() -> None:
    text = (
        "We ask you to act.\n\nRespectfully,\n\n"
        "1) American Friends Service Committee\n2) Christian Friends of Korea\n3) Eugene Bell Foundation\n"
        "4) First Steps Health Society\n\n1) Consultative status with ECOSOC is held by the first two.\n"
    )
    assert [r.name for r in extract_signatories(text)] == [
        "American Friends Service Committee",
        "Christian Friends of Korea",
        "Eugene Bell Foundation",
        "First Steps Health Society",
    ]


def test_a_numbered_list_in_two_columns_read_across_gives_every_item() -> None:
    text = (
        "정부는 대화에 나서라.\n\n참여 단체\n\n"
        "1. 겨레하나 4. 천주교 주교회의 민족화해위원회\n2. 경제정의실천시민연합 5. 평화네트워크\n"
        "3. 군인권센터 6. 평화를만드는여성회\n"
    )
    assert len(extract_signatories(text)) == 6


def test_review_mends_a_list_given_twice_and_a_lowercase_name_keep_their_signers() -> None:
    names = (
        "International Peace Bureau\nPeace Boat\nPax Christi International\nterre des hommes Deutschland\n"
    )
    text = f"We ask you to act.\n\nSignatories:\n\n{names}\nSignatories (again):\n\n{names}"
    assert len(extract_signatories(text)) == 4


def test_a_persons_note_wrapped_inside_its_brackets_is_one_signer() -> None:
    text = (
        "올해 추석에는 가족을 만날 수 있기를 바랍니다.\n\n2023년 9월 25일\n\n함께한 단체와 이산가족\n"
        "일천만이산가족위원회\n남북이산가족협회\n김정순 (91세, 황해도 연백 출신 이산가족)\n"
        "이만석 (88세, 함경남도 흥남 출신 이산가족, 1950년 12월 흥남철수 때\n월남)\n"
        "서미란 (이산가족 3세, 대학생)\n"
    )
    names = [n.name for n in extract_signatories(text)]
    assert len(names) == 5
    assert names[3] == "이만석 (88세, 함경남도 흥남 출신 이산가족, 1950년 12월 흥남철수 때 월남)"


def test_dotted_lists_a_row_a_line_and_a_line_of_two_names() -> None:
    rows = (
        "우리는 평화의 길을 함께 걷겠습니다.\n\n2023년 7월 27일\n\n참여 단체\n\n한국종교인평화회의(KCRP)\n"
        "대한불교조계종 · 원불교 · 성균관 · 천도교\n"
        "한국기독교교회협의회 · 한국민족종교협의회 · 한국천주교주교회의\n"
    )
    assert [n.name for n in extract_signatories(rows)] == [
        "한국종교인평화회의(KCRP)", "대한불교조계종", "원불교", "성균관", "천도교",
        "한국기독교교회협의회", "한국민족종교협의회", "한국천주교주교회의",
    ]  # fmt: skip
    pair = (
        "기자회견을 마칩니다.\n\n참가단체\n\n[여성]\n\n"
        "한국여성단체연합 · 평화를만드는여성회 · 한국여성민우회\n\n"
        "[노동]\n\n전국민주노동조합총연맹 · 한국노동조합총연맹\n"
    )
    assert [n.name for n in extract_signatories(pair)][-2:] == [
        "전국민주노동조합총연맹",
        "한국노동조합총연맹",
    ]
    # A list that wraps (a separator at some line's end) keeps a name broken over a line whole.
    wrapped = (
        "요청합니다.\n\n참여 단체\n겨레하나 · 경실련통일협회 · 민주사회를위한변호사모임\n"
        "통일위원회 · 실천불교전국승가회 · 어린이어깨동무 · 참여연대 ·\n평화네트워크 · 흥사단\n"
    )
    assert "민주사회를위한변호사모임 통일위원회" in [n.name for n in extract_signatories(wrapped)]


def test_a_dotted_list_wrapped_early_by_a_long_word_keeps_the_name_whole() -> None:
    text = (
        "We stand together.\n\nSigned by\n\nPeace Action · Veterans For Peace · American Friends\n"
        "Service Committee · Nodutdol · Center for\nConstitutional Rights · Korea Peace Now · MADRE\n"
    )
    names = [n.name for n in extract_signatories(text)]
    assert "Center for Constitutional Rights" in names and "American Friends Service Committee" in names


def test_a_titled_person_with_their_department_and_university_is_one_signer() -> None:
    text = (
        "We urge Congress to act.\n\nSincerely,\n\n"
        "Dr. Margaret Chun, Department of History, University of Chicago\n\n"
        "Rev. Thomas Bell, Presbyterian Peace Fellowship\n\n"
        "Dr. Hae-jin Lee, Department of Sociology, University of California, Berkeley\n\n"
        "Esther Park-Morales, Korean American Coalition\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "Dr. Margaret Chun, Department of History, University of Chicago",
        "Rev. Thomas Bell, Presbyterian Peace Fellowship",
        "Dr. Hae-jin Lee, Department of Sociology, University of California, Berkeley",
        "Esther Park-Morales, Korean American Coalition",
    ]


def test_a_plain_text_list_of_dashed_entries_keeps_each_cut_entry_whole() -> None:
    text = (
        "We ask the Council to act on humanitarian exemptions without delay.\n\nRespectfully,\n\n"
        "Signed in a personal capacity. Affiliations are listed for identification purposes only.\n\n"
        "Dr. Helen Marsh — Former Country Director, Welthungerhilfe DPRK\n"
        "Grace Yoon-Kellerman — Program Coordinator, Christian Friends of\nKorea\n"
        "Mi-rae Chun — Researcher, Institute for Peace and Unification\nStudies, Seoul National University\n"
        "Rev. Paul Ha — Board Member, Eugene Bell Foundation\n\n"
        "Contact for this letter: letter@example.org\n"
    )
    document = normalise(read_bytes(text.encode(), "letter.txt"))
    assert [n.name for n in extract_signatories(document.text)] == [
        "Dr. Helen Marsh — Former Country Director, Welthungerhilfe DPRK",
        "Grace Yoon-Kellerman — Program Coordinator, Christian Friends of Korea",
        "Mi-rae Chun — Researcher, Institute for Peace and Unification Studies, Seoul National University",
        "Rev. Paul Ha — Board Member, Eugene Bell Foundation",
    ]


def test_a_line_saying_where_replies_go_ends_the_list() -> None:
    text = (
        "We ask you to call for a declaration ending the Korean War.\n\nWith the highest respect,\n\n"
        "Signatories (in their personal capacity)\n\n"
        "Park Sung-jin\nNational Council of Churches in Korea, Seoul\n\n"
        "Aiko Tanabe\nPeace Boat, Tokyo\n\n"
        "Replies may be sent to the appeal's secretariat, c/o Korea YMCA, 69 Jong-ro, Jongno-gu, Seoul.\n"
    )
    assert [n.name for n in extract_signatories(text)] == ["Park Sung-jin", "Aiko Tanabe"]


def test_cut_bullet_items_and_a_status_sentence_broken_over_lines() -> None:
    text = (
        "We pray that the commitments you have made will be carried out in full.\n\n"
        "Signatory organizations\n\nAsia\n• National Council of Churches in Korea\n\n"
        "• Korean Conference of Catholic Bishops, Committee for the Reconciliation of the Korean\nPeople\n\n"
        "• Won-Buddhism Headquarters, International\nDepartment\n\n"
        "Europe\n• World Council of Churches\n• Pax Christi International\n• Church of Scotland\n\n"
        "Among the signatories, the World Council of Churches, Pax\n"
        "Christi International and the National Council of Churches in Korea hold consultative\n"
        "status with the United Nations Economic and Social Council.\n"
        "Media enquiries: WCC Communication, Ecumenical Centre,\nGeneva.\n"
    )
    names = extract_signatories(text)
    assert [n.name for n in names] == [
        "National Council of Churches in Korea",
        "Korean Conference of Catholic Bishops, Committee for the Reconciliation of the Korean People",
        "Won-Buddhism Headquarters, International Department",
        "World Council of Churches",
        "Pax Christi International",
        "Church of Scotland",
    ]
    assert [n.name for n in names if n.ecosoc] == [
        "National Council of Churches in Korea",
        "World Council of Churches",
        "Pax Christi International",
    ]


def test_a_group_heading_a_date_or_a_label_under_a_bullet_is_not_its_cut_end() -> None:
    grouped = (
        "We call on all governments to resume dialogue.\n\nSignatory organizations\n\nAsia\n"
        "• National Council of Churches in Korea\n• Korean Conference of Catholic Bishops\nEurope\n"
        "• World Council of Churches\n• Pax Christi International\n"
    )
    assert [n.name for n in extract_signatories(grouped)] == [
        "National Council of Churches in Korea",
        "Korean Conference of Catholic Bishops",
        "World Council of Churches",
        "Pax Christi International",
    ]
    dated = (
        "We call on all governments to resume dialogue.\n\nSignatory organizations\n\n"
        "• National Council of Churches in Korea\n• World Council of Churches, Geneva, Switzerland\n"
        "27 April 2023\n"
    )
    assert [n.name for n in extract_signatories(dated)][
        -1
    ] == "World Council of Churches, Geneva, Switzerland"


def test_a_signer_without_affiliation_in_a_dashed_list_stays_a_signer() -> None:
    text = (
        "We ask the Council to act on humanitarian exemptions without delay.\n\nRespectfully,\n\n"
        "Dr. Helen Marsh — Former Country Director, Welthungerhilfe DPRK\n"
        "Grace Yoon-Kellerman — Program Coordinator, Christian Friends of Korea\nJoseph Kim\n"
        "Mi-rae Chun — Researcher, Institute for Peace and Unification Studies\n"
        "Rev. Paul Ha — Board Member, Eugene Bell Foundation\n"
    )
    names = [n.name for n in extract_signatories(normalise(read_bytes(text.encode(), "letter.txt")).text)]
    assert "Joseph Kim" in names and len(names) == 5


def test_a_korean_list_keeps_its_international_group_and_a_table_its_status_column_after_a_gap() -> None:
    text = (
        "우리는 한국전쟁을 끝내는 평화협정 체결을 촉구한다.\n\n2023년 7월 27일\n\n참여 단체\n\n"
        "국내\n참여연대\n평화네트워크\n한국YWCA연합회\n\nInternational organizations\n"
        "Peace Boat\nWomen Cross DMZ\nPax Christi International\n"
    )
    assert len(extract_signatories(text, "ko")) == 6
    table = (
        "We urge the UN Security Council to renew humanitarian exemptions.\n\nSignatories\n\n"
        "Organization | Country | ECOSOC status\nPeace Boat | Japan | Special\n"
        "Korea Peace Foundation | Republic of Korea |\n\nNorth America\n\nWomen Cross DMZ | United States |\n"
        "Friends Committee on National Legislation | United States | General\n"
    )
    names = extract_signatories(table)
    assert [n.name for n in names if n.ecosoc] == ["Peace Boat", "Friends Committee on National Legislation"]
    paged = (
        "우리는 남과 북 정부가 대화를 재개할 것을 촉구한다.\n\n2023년 7월 27일\n\n참여 단체\n\n"
        "분야 | 단체명 | 대표\n종교 | 한국기독교교회협의회 | 김종생\n평화 | 평화네트워크 | 정욱식\n\n"
        "- 2 -\n\n"
        "여성 | 평화를만드는여성회 | 이정옥\n통일 | 민족화해협력범국민협의회 | 이종걸\n"
    )
    assert [n.name for n in extract_signatories(paged, "ko")] == [
        "한국기독교교회협의회",
        "평화네트워크",
        "평화를만드는여성회",
        "민족화해협력범국민협의회",
    ]


def test_a_person_signing_as_an_individual_and_a_status_sentence_under_a_long_last_name() -> None:
    people = (
        "우리는 대화 재개를 촉구한다.\n\n2023년 7월 27일\n\n서명자\n\n김영주 (개인)\n박선희 (개인)\n"
        "평화를만드는여성회 (단체)\n"
    )
    assert len(extract_signatories(people, "ko")) == 3
    text = (
        "We urge the UN Security Council to renew humanitarian exemptions.\n\nSignatories\n"
        "Pax Christi International\nKorean Sharing Movement\n"
        "World Council of Churches, Commission of the Churches on International Affairs\n"
        "Pax Christi International and the World Council of Churches hold consultative status with ECOSOC.\n"
    )
    assert "Pax Christi International" in [n.name for n in extract_signatories(text) if n.ecosoc]


def test_an_attachment_line_and_a_boards_links_to_other_posts_end_the_list() -> None:
    prose = (
        "오늘부터 9월 1일까지 한미 양국 군이 대규모 연합연습을 실시한다. 힘에 의한 평화는 상대에게도 같은 "
        "논리를 정당화할 뿐이다. 긴장을 낮출 구체적 조치가 필요한 때다.\n\n"
    )
    text = (
        "[공동성명] 한미연합연습을 중단하고 대화에 나서라\n\n"
        + prose * 4
        + "▲ 한미 당국은 연합연습을 중단하라.\n▲ 남북은 9·19 군사합의를 준수하라.\n\n2022년 8월 22일\n\n"
        "개척자들, 경계를넘어, 군인권센터, 녹색연합, 참여연대, 평화네트워크\n\n"
        "▶ 첨부파일: 220822_UFS_공동성명.hwp (다운로드 37회)\n\n"
        "이전글 | [논평] 광복절 경축사, 대화 의지 담겼나 | 2022-08-15\n"
        "다음글 | [성명] 사드 기지 정상화 추진 중단하라 | 2022-08-30\n"
    )
    assert [n.name for n in extract_signatories(text, "ko")] == [
        "개척자들",
        "경계를넘어",
        "군인권센터",
        "녹색연합",
        "참여연대",
        "평화네트워크",
    ]


def test_people_a_line_each_under_their_titles_are_not_one_wrapped_line() -> None:
    prose = " ".join(["We ask the Committee to act on humanitarian exemptions without further delay."] * 6)
    wrapped = "\n".join(prose[k : k + 72] for k in range(0, len(prose), 72))
    raw = (
        f"{wrapped}\n\nRespectfully,\n\n"
        "American Friends Service Committee, Eugene Bell Foundation, Peace Boat\n\n"
        "Individual signatories (affiliations for identification only):\n"
        "Dr. Helen Markham, physician, former tuberculosis programme volunteer\n"
        "Rev. Samuel Okafor, Christian Friends of Korea\n"
    )
    names = [n.name for n in extract_signatories(normalise(read_bytes(raw.encode(), "letter.txt")).text)]
    assert names[-2:] == [
        "Dr. Helen Markham, physician, former tuberculosis programme volunteer",
        "Rev. Samuel Okafor, Christian Friends of Korea",
    ]


def test_a_boards_links_and_the_site_footer_set_with_bars_end_the_list() -> None:
    text = (
        "남·북·미 정부는 대화를 재개할 것을 촉구한다.\n\n2023년 4월 27일\n\n"
        "공동성명 참여 단체 (총 6개 단체)\n경제정의실천시민연합, 녹색연합, 참여연대, 평화네트워크, "
        "전쟁없는세상, 환경운동연합\n\n"
        "이전글 | [기자회견] 정전 70년, 한국전쟁을 끝내자 (2023.03.15)\n\n"
        "다음글 | [보도자료] 한반도 평화선언 서명 20만 명 돌파 (2023.05.10)\n\n"
        "한반도 종전 평화 캠페인 | 서울시 종로구 | Tel 02-000-0000 | Copyright (c) Korea Peace Appeal.\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "경제정의실천시민연합",
        "녹색연합",
        "참여연대",
        "평화네트워크",
        "전쟁없는세상",
        "환경운동연합",
    ]
    table = "서명 단체\n\n단체명 | 지역\n참여연대 | 서울\n녹색연합 | 서울\n"
    assert [n.name for n in extract_signatories(table)] == ["참여연대", "녹색연합"]  # rows still read


def test_a_sectors_short_list_of_three_after_its_label_is_three_names() -> None:
    text = (
        "우리는 다음과 같이 요구한다.\n\n• 대화를 재개하라.\n\n2023년 7월 27일\n\n참여단체\n\n"
        "[종교계] 한국기독교교회협의회(NCCK), 대한불교조계종 민족공동체추진본부, "
        "천주교 서울대교구 민족화해위원회\n\n"
        "[여성] 평화를만드는여성회, 한국여성단체연합, 한국YWCA연합회, 한국여성민우회\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "한국기독교교회협의회(NCCK)",
        "대한불교조계종 민족공동체추진본부",
        "천주교 서울대교구 민족화해위원회",
        "평화를만드는여성회",
        "한국여성단체연합",
        "한국YWCA연합회",
        "한국여성민우회",
    ]


def test_people_a_paragraph_each_keep_their_organisations_units_whole() -> None:
    text = (
        "We ask you to act for peace.\n\nSincerely,\n\n"
        "Dr. Helen Marrow, Professor of History, University of Leeds (United Kingdom)\n\n"
        "Aiko Tsuruta, Okinawa Women Act Against Military Violence (Japan)\n\n"
        "Frances Delaney, Women's International League for Peace and Freedom, Irish Section (Ireland)\n\n"
        "Judith Kessler, Veterans For Peace (United States)\n"
    )
    names = [n.name for n in extract_signatories(text)]
    assert (
        names[2]
        == "Frances Delaney, Women's International League for Peace and Freedom, Irish Section (Ireland)"
    )
    assert len(names) == 4


def test_a_heading_naming_what_the_list_is_for_inside_the_list_is_no_signer() -> None:
    text = (
        "이에 저희는 국회에 다음과 같이 요청드립니다.\n"
        "\n"
        "1. 「한반도 종전선언 촉구 결의안」을 4월 임시국회 회기 안에 외교통일위원회에서 "
        "심사·의결하고 본회의에서 채택해 주십시오.\n"
        "\n"
        "2. 판문점선언에 대한 국회 비준 동의 논의를 다시 시작해 주십시오.\n"
        "\n"
        "3. 남북 합의의 이행 상황을 정기적으로 점검할 수 있도록 국회 안에 여야가 함께하는 "
        "초당적 기구를 구성해 주십시오.\n"
        "\n"
        "한반도 평화에는 여와 야가 따로 없습니다. 국회가 시민들의 바람에 응답해 주시리라 믿습니다.\n"
        "\n"
        "2021년 4월 20일\n"
        "\n"
        "한반도 평화를 바라는 시민사회단체 및 각계 인사 일동\n"
        "\n"
        "[별첨] 공개서한 참여 명단\n"
        "\n"
        "1. 단체 (12개)\n"
        "\n"
        "연번 | 단체명 | 연번 | 단체명\n"
        "1 | 참여연대 | 7 | 흥사단\n"
        "2 | 민족화해협력범국민협의회 | 8 | 경실련 통일협회\n"
        "3 | 우리민족서로돕기운동 | 9 | 평화네트워크\n"
        "4 | 평화를만드는여성회 | 10 | 시민평화포럼\n"
    )
    names = [n.name for n in extract_signatories(text)]
    assert names[:3] == ["참여연대", "흥사단", "민족화해협력범국민협의회"] and len(names) == 8


def test_lettered_group_headings_a_persons_tag_and_spaced_headings_with_a_number() -> None:
    grouped = (
        "We call on all parties to return to dialogue.\n\nSignatories\n\n"
        "(A) Organizations based in the Republic of Korea\nPeople's Solidarity for Participatory Democracy\n"
        "Korea Peace Appeal Campaign\n\n(B) Organizations based outside of Korea\nWomen Cross DMZ\n"
        "Peace Action\n"
    )
    assert [n.name for n in extract_signatories(grouped)] == [
        "People's Solidarity for Participatory Democracy",
        "Korea Peace Appeal Campaign",
        "Women Cross DMZ",
        "Peace Action",
    ]
    person = (
        "우리는 대화를 촉구한다.\n\n2024년 6월 5일\n\n서명 명단\n"
        "[단체] 파주평화협의회, 강화평화네트워크, 김포시민연대\n"
        "[개인] 홍길동, 파주시의원, 경기도\n"
    )
    assert len(extract_signatories(person)) == 4
    raw = "Annex  1   List of signatories\n\nArticle  1   Purpose\n\n  1  Women Cross DMZ   United States\n"
    text = normalise(read_bytes(raw.encode(), "statement.txt")).text
    assert "Annex 1 List of signatories" in text and "Article 1 Purpose" in text
    assert "1 | Women Cross DMZ | United States" in text


def test_prose_lines_that_open_with_a_title_are_joined_when_the_first_tells_what_was_done() -> None:
    raw = (
        "Report of the Ecumenical Peace Delegation to Seoul and Paju, 3-7 June 2024\n\n"
        "The delegation was received on its first day by the National Council of Churches in Korea\n"
        "in its offices at the Christian Building in Jongno, central Seoul, on the morning of 3 June.\n\n"
        "Rev. Kim Jong-saeng, General Secretary of the NCCK, welcomed the delegates and introduced\n"
        "Dr. Lee Hong-jung, former General Secretary, who briefed them on the history of ecumenical\n"
        "contacts with the Korean Christian Federation in Pyongyang since the 1980s. The delegation\n"
        "then travelled to Paju to meet residents of villages close to the Demilitarized Zone.\n"
    )
    text = normalise(read_bytes(raw.encode(), "report.txt")).text
    assert "and introduced Dr. Lee Hong-jung" in text


def test_a_list_printed_again_in_hangul_under_the_same_heading_is_one_list() -> None:
    text = (
        "We call for peace.\n\nEndorsing organisations\n\n"
        "• Peace Boat\n• World Council of Churches\n• International Peace Bureau\n\n"
        "• 피스보트\n• 세계교회협의회\n• 국제평화국\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "Peace Boat",
        "World Council of Churches",
        "International Peace Bureau",
    ]


def test_a_note_on_affiliations_under_the_heading_and_a_cc_line_running_on() -> None:
    text = (
        "We respectfully urge you to act.\n\nWith respect,\n\nSignatories\n\n"
        "Institutional affiliations are given for identification purposes only and do not imply endorsement "
        "by the institutions named.\n\n"
        "1. | Dr. Eleanor Whitman | Professor Emerita of East Asian History\n"
        "2. | Margaret Cole | former humanitarian programme officer in the DPRK\n\n"
        "INDIVIDUALS\nDaniel Hwang, Korea Policy Institute\n\n"
        "cc: The Honorable Antony J. Blinken, Secretary of State\n"
        "Mr. Jake Sullivan, National Security Advisor\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "Dr. Eleanor Whitman",
        "Margaret Cole",
        "Daniel Hwang, Korea Policy Institute",
    ]


def test_a_genre_heading_is_no_signatory(resources: Resources) -> None:
    text = (
        "[기자회견문] 정전 70년, 이제 전쟁을 끝내고 평화협정으로\n\n• 작성일 : 2023-07-27 14:05\n\n"
        "• 일시 : 2023년 7월 27일(목) 오전 10시 30분\n• 기자회견문 낭독 : 참가자 일동\n\n기자회견문\n\n"
        "70년 전 오늘, 판문점에서 정전협정이 체결되었다. 총성은 멎었지만 전쟁은 끝나지 않았다.\n\n"
        "1. 하나. 남·북·미 정부는 조건 없는 대화에 즉각 나서라.\n\n2023년 7월 27일\n\n"
        "한반도 종전 평화 캠페인, 한국YMCA전국연맹, 한국YWCA연합회, 평화를만드는여성회, "
        "참여연대 평화군축센터\n"
    )
    pipeline = Pipeline(registry=Registry([]), resources=resources)
    (statement,) = to_output(pipeline.process(read_bytes(text.encode(), "statement.txt")))["statements"]
    names = [s["name"] for s in statement["signatories"]]
    assert names == [
        "한반도 종전 평화 캠페인",
        "한국YMCA전국연맹",
        "한국YWCA연합회",
        "평화를만드는여성회",
        "참여연대 평화군축센터",
    ]


def test_a_heading_of_religious_orders_and_groups_is_a_heading() -> None:
    assert is_heading("참여 종단·단체") and is_heading("서명 종단") and not is_heading("대한불교조계종")


def test_a_retired_officer_with_his_service_and_role_is_one_signer() -> None:
    text = (
        "We urge Congress to act.\n\nSincerely,\n\nIndividuals (affiliations for identification only)\n\n"
        "Dr. Helen Park-Whitaker, Professor of History, University of Chicago\n\n"
        "Col. (ret.) Michael J. Rourke, U.S. Army, Korean War Veterans Memorial volunteer\n\n"
        "Esther Yoo, student, Georgetown University School of Foreign Service\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "Dr. Helen Park-Whitaker, Professor of History, University of Chicago",
        "Col. (ret.) Michael J. Rourke, U.S. Army, Korean War Veterans Memorial volunteer",
        "Esther Yoo, student, Georgetown University School of Foreign Service",
    ]


def test_review_a_list_of_foreign_and_korean_signers_keeps_them_all() -> None:
    text = (
        "We call for peace.\n\nSignatories\n\n• Peace Boat\n• Women Cross DMZ\n• Pax Christi International\n"
        "• 참여연대\n• 평화네트워크\n• 한국YWCA연합회\n"
    )
    assert len(extract_signatories(text)) == 6


def test_review_all_caps_names_and_units_stay_whole_in_a_logo_strip() -> None:
    from peacetrack.pipeline.extract.names import strip_apart

    for name in (
        "WORLD COUNCIL OF CHURCHES",
        "NATIONAL COUNCIL OF CHURCHES IN KOREA",
        "KOREA FOUNDATION FOR INTERNATIONAL CULTURAL EXCHANGE",
        "Heinrich Böll Stiftung Hong Kong Office",
        "Mennonite Central Committee United States",
        "Church World Service Japan Office",
    ):
        assert strip_apart(name) == [name]


def test_review_an_exclamation_is_a_sentence_end_unless_a_bodys_name_goes_on() -> None:
    from peacetrack.pipeline.prepare.segment import split_sentences

    text = (
        "We did it, Peace Now! Women Cross DMZ hosted a webinar. "
        + "Happy New Year! Korea Peace Appeal thanks you."
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "We did it, Peace Now!",
        "Women Cross DMZ hosted a webinar.",
        "Happy New Year!",
        "Korea Peace Appeal thanks you.",
    ]


def test_a_parts_numbered_heading_is_no_signer() -> None:
    text = (
        "We appeal to the Secretary-General.\n\nI. Individual signatories\n\n"
        "Prof. Seo Min-jung\nLars Eriksen\n\n"
        "II. Organizational signatories\n\nPeace Boat\nWomen Cross DMZ\n"
    )
    assert [n.name for n in extract_signatories(text)] == [
        "Prof. Seo Min-jung",
        "Lars Eriksen",
        "Peace Boat",
        "Women Cross DMZ",
    ]
    assert not is_heading("A. Peace Boat") and is_heading("B) Individuals")
