"""Prepare stages: normalise, language, sentences, kind and the document's own title and date."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from peacetrack.pipeline import Document, Resources, classify, describe, normalise, segment
from peacetrack.pipeline.prepare import detect_kind, detect_language, normalise_text, split_sentences

CORPUS = Path(__file__).parent / "corpus"


def test_normalise() -> None:
    decomposed = unicodedata.normalize("NFD", "평화 협정")
    text = f"  Title\r\n\r\n\r\n\r\n{decomposed}\u00a0\u00a0and\u200b   more\t\tspace  \r\nend\x07  "
    assert normalise_text(text) == "Title\n\n평화 협정 and more space\nend"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The peace process must go on.", "en"),
        ("한반도 평화 프로세스는 계속되어야 합니다. 유엔 안보리(UNSC)와 ECOSOC.", "ko"),
        ("Peace process 평화 프로세스 must go on 계속되어야 합니다 and so on.", "mixed"),
        ("2018 - 2019 ...", "und"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_sentences_english() -> None:
    text = "Mr. Kim met the U.S. envoy. The talks ended.\n1. Open Letter\nWe agree. “We disagree.” Then"
    assert _texts(text) == [
        "Mr. Kim met the U.S. envoy.",
        "The talks ended.",
        "1. Open Letter",
        "We agree.",
        "“We disagree.”",
        "Then",
    ]


def test_sentences_korean() -> None:
    text = (
        "2018년 9월 19일 평양에서 정상회담이 열렸다. 양측은 합의서에 서명했다! "
        "이에 대해 U.S. 측은 환영했습니다."
    )
    assert _texts(text) == [
        "2018년 9월 19일 평양에서 정상회담이 열렸다.",
        "양측은 합의서에 서명했다!",
        "이에 대해 U.S. 측은 환영했습니다.",
    ]


def test_sentences_join_lines_broken_inside_a_sentence() -> None:
    text = "The agreement was signed\nin Pyongyang on that day.\nHeading\nNext sentence."
    assert _texts(text) == [
        "The agreement was signed\nin Pyongyang on that day.",
        "Heading",
        "Next sentence.",
    ]


def test_sentences_bounded_in_length() -> None:
    text = "word " * 5000
    assert all(s.end - s.start <= 2000 for s in split_sentences(text))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("seeds/open-letter-unsc-2019.txt", "open_letter"),
        ("seeds/conference-news-ksm-2021.txt", "conference_report"),
        ("seeds/plenary-programme-arms-control.txt", "programme"),
        ("seeds/session-programme-peace-process.txt", "programme"),
        ("ko-open-letter.txt", "open_letter"),
        ("ko-news-cma.txt", "news"),
        ("ko-conference-notice.txt", "programme"),
    ],
)
def test_kind(resources: Resources, name: str, kind: str) -> None:
    assert detect_kind((CORPUS / name).read_text(encoding="utf-8"), resources) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Joint Statement\n\nThe two sides hereby agree to meet again.", "statement"),
        (
            "Article 1\nThe parties shall cease all hostile acts.\nArticle 2\nThe parties shall meet.",
            "agreement",
        ),
        ("A short note about the weather.", "other"),
        ("성명서\n\n우리는 군사합의의 복원을 촉구한다.", "statement"),
        # An addressed 의견서 whose header block is a Word table ("수 신 | 국회"): a letter.
        ("수 신 | 대한민국 국회\n발 신 | 시민사회단체\n\n비준동의안을 처리해 주십시오.", "open_letter"),
        # Reports that name themselves, whatever labels and schedule they carry.
        (
            "SUMMARY REPORT\n\nHumanitarian Roundtable on Nutrition\n\nReport date: 6 November 2023\n\n"
            "Date | Wednesday, 18 October 2023, 10:00-16:30\nVenue | Press Center, Seoul\n"
            "Hosted by | World Vision Korea\nFormat | In person\n\n"
            "10:00 Opening\n11:00 Session 1\n13:00 Session 2",
            "conference_report",
        ),
        (
            "9.19 군사합의 4주년 평가 토론회 결과보고\n\n일시 | 9월 19일(월) 오후 2시\n장소 | 국회의원회관\n"
            "주최 | 평화네트워크\n방식 | 현장 토론회\n\n14:00 개회\n14:20 발제\n15:30 토론",
            "conference_report",
        ),
        # An event page: "When:" and "Where:" labels and an agenda with a note on its times.
        (
            "Webinar: Sanctions and Aid\n\nWhen: Wednesday, October 14, 2020 | 8:00 p.m. EDT\n"
            "Where: Online via Zoom\n\nAgenda (times in EDT)\n\n8:00 p.m. Welcome\n8:10 p.m. Panel",
            "programme",
        ),
        # A wire story's slug sheet and a byline with a hyphenated given name.
        (
            "Slug | KOREA-ARMISTICE/PROTEST\nDesk | Asia\nFiled | Friday, 28 July 2023, 04:12 GMT\n\n"
            "Thousands march in Seoul as the armistice turns 70\n\nBy Min-ji Seo and Oliver Grant\n\n"
            "Thousands of people marched through central Seoul on Thursday to call for a peace treaty, "
            "organisers said, as the conference of civil society groups held the day before closed.",
            "news",
        ),
        # A commentary: the author's note under it.
        (
            "Russia's Veto Ends the UN Panel on North Korea\n\nOn Thursday, Russia used its veto to block a "
            "draft resolution extending the panel's mandate. Thirteen members voted in favour.\n\n"
            "Thomas Reinholt is a senior fellow at the Korea Economic Institute of America. The views "
            "expressed here are the author's alone.",
            "news",
        ),
    ],
)
def test_other_kinds(resources: Resources, text: str, kind: str) -> None:
    assert detect_kind(text, resources) == kind


def _prepared(text: str, resources: Resources) -> Document:
    document = Document(id="doc-x", sha256="x", path="x.txt", media_type="text/plain", text=text)
    return describe(classify(segment(normalise(document)), resources))


def test_describe_labelled_date(resources: Resources) -> None:
    document = _prepared(
        "News\n\nPeace talks resume in Geneva\n\n작성일: 2023-10-10\n\nOn 3 May 2019 …", resources
    )
    assert document.title == "Peace talks resume in Geneva"
    assert document.date == date(2023, 10, 10)
    assert document.date_mark is not None and document.date_mark.text == "2023-10-10"


def test_describe_a_press_releases_release_time_label(resources: Resources) -> None:
    heads = {
        "배포일시 : 2020. 6. 18.(목)": date(2020, 6, 18),
        "배포일시 | 2022. 4. 28.(목) 즉시 보도 가능": date(2022, 4, 28),
        "보도일자: 2021. 12. 1.": date(2021, 12, 1),
    }
    for head, when in heads.items():
        document = _prepared(
            f"보 도 자 료\n\n{head}\n담 당 : 사무국\n\n지난 16일 사무소가 폭파됐다.", resources
        )
        assert document.date == when, head


def test_describe_a_reports_colophon_after_a_dot_but_not_a_bylines_update(resources: Resources) -> None:
    body = "The conference took place on 14 and 15 October 2022 in Seoul. " * 60
    report = _prepared(
        "CONFERENCE REPORT\n\nFrom Armistice to Peace\n\n" + body + "\n\nReport prepared by the conference "
        "secretariat · Published 15 November 2022",
        resources,
    )
    assert report.date == date(2022, 11, 15)
    article = _prepared(
        "INTER-KOREAN · Sunday, April 28, 2019\n\nTalks resume\n\nBy Daniel Seo · Updated April 29, 2019, "
        "10:02 KST\n\nThe two sides met on Saturday.",
        resources,
    )
    assert article.date == date(2019, 4, 28)


def test_describe_a_place_and_date_line_under_a_report_and_a_date_before_a_numbered_heading(
    resources: Resources,
) -> None:
    body = "The roundtable took place in Berlin on 14 and 15 November 2023. " * 60
    report = _prepared(
        "Roundtable Report\n\n" + body + "\n\nBerlin, 18 December 2023\nRapporteurs: Lena Hoffmann", resources
    )
    assert report.date == date(2023, 12, 18)
    headed = _prepared(
        "Conference Report\n\nPublished 15 December 2022 1. Introduction\n\n" + body, resources
    )
    assert headed.date == date(2022, 12, 15)


def test_describe_a_programmes_version_after_a_dash_and_an_outlook_sent_line() -> None:
    from peacetrack.pipeline.prepare.describe import find_date

    programme = (
        "UN Side Event\n\nConcept note and programme – updated 5 September 2022\n\n"
        "Monday 19 September 2022, 14:00–15:30 – Palais des Nations (public)\n\n14:00 Opening session\n"
        "14:20 Panel: Humanitarian access\n"
    )
    found = find_date(programme, "programme")
    assert found is not None and found[0] == date(2022, 9, 5)
    forwarded = (
        "From: Peace Network\nSent: Monday, March 28, 2022 10:14 AM\nSubject: Invitation\n\n"
        "Programme\n\nThursday, April 14, 2022 | 10:00 Opening session\n10:30 Panel 1: Sanctions\n"
    )
    found = find_date(forwarded, "programme")
    assert found is not None and found[0] == date(2022, 3, 28)


def test_describe_standalone_date_line(resources: Resources) -> None:
    document = _prepared(
        "To :\nThe President\nof the Council\n\nOpen letter on sanctions\n\n"
        "On 1 May 2019 we met.\n\n21 March 2019\n\nDear President,",
        resources,
    )
    assert document.title == "Open letter on sanctions"
    assert document.date == date(2019, 3, 21)  # the dated line, not the date inside a sentence


def test_describe_without_a_date(resources: Resources) -> None:
    assert _prepared("Session programme for the forum\n\nSession 1\nOpening", resources).date is None


def test_plain_text_runs_of_spaces_part_cells_but_not_labels_prose_or_times() -> None:
    text = "\n".join(
        [
            "[참여단체]",
            "겨레하나  경기진보연대  녹색연합",
            "민족문제연구소  민주노총  민주사회를 위한 변호사모임",
            "주  최 :  참여연대",  # a spaced-out label, and its value after the colon
            "The talks ended.  A new round begins on Monday in Geneva.  Both sides agreed.",
            " 8:30 -  9:00   Registration and coffee",
        ]
    )
    document = Document(id="doc-x", sha256="x", path="x.txt", media_type="text/plain", text=text)
    out = normalise(document).text.split("\n")
    assert out[1:3] == [
        "겨레하나 | 경기진보연대 | 녹색연합",
        "민족문제연구소 | 민주노총 | 민주사회를 위한 변호사모임",
    ]  # rows of their own: not joined into one line though short
    assert out[3:] == [
        "주 최 : 참여연대",
        "The talks ended. A new round begins on Monday in Geneva. Both sides agreed.",
        "8:30 - 9:00 Registration and coffee",  # two cells at most once the dash holds: kept a line
    ]


def test_justified_prose_and_quoted_sentences_are_no_table_rows() -> None:
    text = (
        "We,  the  undersigned  organisations,  call on the\n"
        "governments  of  the  United  States  and  North Korea\nto end the war.\n\n"
        'He said "Peace now."  She said "Yes."  They left.'
    )
    document = Document(id="doc-x", sha256="x", path="x.txt", media_type="text/plain", text=text)
    assert " | " not in normalise(document).text
